import { RE2JS } from 're2js';
import { z } from 'zod';
import type { FieldOperator } from './operator.js';

/**
 * Regular expressions run on RE2 (linear time), so a rule pack from a stranger cannot stall a scan
 * with catastrophic backtracking. RE2 has no lookaround or backreferences.
 */
export const matches: FieldOperator<string> = {
  kind: 'field',
  name: 'matches',
  summary: 'the value is a string matching this RE2 regular expression (unanchored; use ^ and $ to anchor; (?i) for case-insensitive)',
  example: "{ field: props.platformIdentifier, matches: '^notebook-al1-' }",
  args: z.string().min(1).max(1000),
  compile: (pattern, context) => {
    let regex: RE2JS;
    try {
      regex = RE2JS.compile(pattern);
    } catch (error) {
      context.problem(context.path, `invalid regular expression: ${(error as Error).message}`, 'aispm uses RE2 syntax: no lookaround or backreferences');
      return () => false;
    }
    return (value) => typeof value === 'string' && regex.matcher(value).find();
  },
};

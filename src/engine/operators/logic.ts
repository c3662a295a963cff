import { z } from 'zod';
import { allOf, anyOf, negate } from '../truth.js';
import type { Evaluator, StandaloneOperator } from './operator.js';

/** all / any / not, in three-valued logic: unknown parts make the whole unknown unless decided otherwise. */

const conditions = z.array(z.unknown()).min(1);

function combine(name: 'all' | 'any', summary: string, join: typeof allOf): StandaloneOperator<unknown[]> {
  return {
    kind: 'standalone',
    name,
    summary,
    example: `{ ${name}: [ { field: props.a, equals: true }, { field: props.b, exists: false } ] }`,
    args: conditions,
    compile: (items, context) => {
      const parts: Evaluator[] = items.map((item, index) => context.condition(item, [...context.path, index], context.subject));
      if (parts.length === 1) return parts[0]!;
      return (subject, evaluation) => join(parts, (part) => part(subject, evaluation));
    },
  };
}

export const all = combine('all', 'every condition holds (false wins over unknown)', allOf);
export const any = combine('any', 'at least one condition holds (true wins over unknown)', anyOf);

export const not: StandaloneOperator<unknown> = {
  kind: 'standalone',
  name: 'not',
  summary: 'the condition does not hold (unknown stays unknown)',
  example: '{ not: { related: { edge: guarded-by } } }',
  args: z.unknown(),
  compile: (item, context) => {
    const inner = context.condition(item, context.path, context.subject);
    return (subject, evaluation) => negate(inner(subject, evaluation));
  },
};

import { z } from 'zod';
import { globMatcher } from '../../glob.js';
import type { FieldOperator } from './operator.js';

/** Operators on names, maps and dates: glob, hasKeys, olderThanDays. */

export const glob: FieldOperator<string | string[]> = {
  kind: 'field',
  name: 'glob',
  summary: 'the value is a string matching one of these glob patterns (* matches any run of characters)',
  example: "{ field: props.modelId, glob: ['gpt-4o*', 'anthropic.claude-3-5-*'] }",
  args: z.union([z.string().min(1), z.array(z.string().min(1))]),
  compile: (patterns) => {
    const matchers = (Array.isArray(patterns) ? patterns : [patterns]).map(globMatcher);
    return (value) => typeof value === 'string' && matchers.some((matches) => matches(value));
  },
};

export const hasKeys: FieldOperator<string[]> = {
  kind: 'field',
  name: 'hasKeys',
  summary: 'the value is a map (such as tags) that has every one of these keys',
  example: '{ field: tags, hasKeys: [owner, cost-center] }',
  args: z.array(z.string().min(1)),
  compile: (keys) => (value) => value !== null && typeof value === 'object' && !Array.isArray(value) && keys.every((key) => Object.hasOwn(value, key)),
};

export const olderThanDays: FieldOperator<number> = {
  kind: 'field',
  name: 'olderThanDays',
  summary: 'the value is a date (ISO 8601, or epoch seconds) more than this many days before the scan',
  example: '{ field: props.createdAt, olderThanDays: 90 }',
  args: z.number().min(0),
  compile: (days, context) => {
    const limit = context.now.getTime() - days * 86_400_000;
    return (value) => {
      const time = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return Number.isFinite(time) && time < limit;
    };
  },
};

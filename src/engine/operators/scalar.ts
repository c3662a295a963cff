import { z } from 'zod';
import type { FieldOperator } from './operator.js';

/** Operators that compare one value: equals, in, exists, empty, contains, gt, gte, lt, lte. */

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const equals: FieldOperator<string | number | boolean | null> = {
  kind: 'field',
  name: 'equals',
  summary: 'the value is exactly this string, number, boolean or null',
  example: '{ field: props.directInternetAccess, equals: true }',
  args: scalar,
  compile: (expected) => (value) => value === expected,
};

export const inList: FieldOperator<Array<string | number | boolean | null>> = {
  kind: 'field',
  name: 'in',
  summary: 'the value is one of these',
  example: "{ field: props.appNetworkAccessType, in: [PublicInternetOnly] }",
  args: z.array(scalar).min(1),
  compile: (expected) => {
    const set = new Set<unknown>(expected);
    return (value) => set.has(value);
  },
};

export const exists: FieldOperator<boolean> = {
  kind: 'field',
  name: 'exists',
  summary: 'true: the value is set (not null); false: it was read and is not set',
  example: '{ field: props.kmsKeyId, exists: false }',
  args: z.boolean(),
  compile: (expected) => (value) => (value !== null) === expected,
};

export const empty: FieldOperator<boolean> = {
  kind: 'field',
  name: 'empty',
  summary: 'true: the value is null, an empty string, list or object; false: it has content',
  example: '{ field: props.secrets, empty: false }',
  args: z.boolean(),
  compile: (expected) => (value) => isEmpty(value) === expected,
};

export const contains: FieldOperator<string | number | boolean> = {
  kind: 'field',
  name: 'contains',
  summary: 'a list holds this item, or a string holds this text',
  example: '{ field: props.trustedServices, contains: sagemaker.amazonaws.com }',
  args: z.union([z.string(), z.number(), z.boolean()]),
  compile: (expected) => (value) => {
    if (Array.isArray(value)) return value.includes(expected);
    if (typeof value === 'string' && typeof expected === 'string') return value.includes(expected);
    return false;
  },
};

function comparison(name: 'gt' | 'gte' | 'lt' | 'lte', words: string, test: (a: number, b: number) => boolean): FieldOperator<number> {
  return {
    kind: 'field',
    name,
    summary: `the value is a number ${words} this one`,
    example: `{ field: props.idleSessionTtlSeconds, ${name}: 3600 }`,
    args: z.number(),
    compile: (limit) => (value) => typeof value === 'number' && test(value, limit),
  };
}

export const gt = comparison('gt', 'greater than', (a, b) => a > b);
export const gte = comparison('gte', 'greater than or equal to', (a, b) => a >= b);
export const lt = comparison('lt', 'less than', (a, b) => a < b);
export const lte = comparison('lte', 'less than or equal to', (a, b) => a <= b);

function isEmpty(value: unknown): boolean {
  if (value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value as object).length === 0;
  return false;
}

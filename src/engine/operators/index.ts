import type { Operator } from './operator.js';
import { all, any, not } from './logic.js';
import { matches } from './matches.js';
import { every, some } from './quantifiers.js';
import { related } from './related.js';
import { contains, empty, equals, exists, gt, gte, inList, lt, lte } from './scalar.js';
import { glob, hasAnyKey, hasKeys, mentionsAll, mentionsAny, olderThanDays } from './text.js';

/** Every operator a rule condition may use, one spelling each. */
export const OPERATORS: ReadonlyMap<string, Operator> = new Map(
  [equals, inList, exists, empty, matches, glob, contains, hasKeys, hasAnyKey, mentionsAny, mentionsAll, gt, gte, lt, lte, olderThanDays, some, every, all, any, not, related].map((operator) => [operator.name, operator as Operator]),
);

export const OPERATOR_NAMES: readonly string[] = [...OPERATORS.keys()];

export type { Evaluator, EvalContext, Subject } from './operator.js';

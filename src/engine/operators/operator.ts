import type { z } from 'zod';
import type { AssetGraph } from '../../graph/graph.js';
import type { FieldPath } from '../../input/document.js';
import type { Work } from '../budget.js';
import type { Truth } from '../truth.js';

/** What a condition is evaluated on: an asset, or an element of a list inside one (`some`, `every`). */
export type Subject = { kind: 'asset'; types: readonly string[] } | { kind: 'element'; schema?: z.ZodType };

export interface EvalContext {
  graph: AssetGraph;
  /** Present only when a finding is being explained: operators record what they read. */
  evidence?: Map<string, unknown>;
  /** What the current check has spent (see budget.ts); shared by every condition in it. */
  work: Work;
}

/** A compiled condition: true, false, or unknown (undefined) for one subject. */
export type Evaluator = (subject: unknown, context: EvalContext) => Truth;

/** A compiled test of one field's value; the value is never undefined (unknown is handled before). */
export type ValueTest = (value: unknown, context: EvalContext) => Truth;

export interface CompileContext {
  /** Where this operator's argument sits in the rule document, for error messages. */
  path: FieldPath;
  /** The time of the scan, for date conditions. */
  now: Date;
  subject: Subject;
  /** Compiles a nested condition; problems are collected, never thrown. */
  condition(raw: unknown, path: FieldPath, subject: Subject): Evaluator;
  problem(path: FieldPath, message: string, hint?: string): void;
}

interface OperatorBase<A> {
  name: string;
  /** One line for the rule-writing guide. */
  summary: string;
  /** A YAML example for the guide. */
  example: string;
  /** Checks the operator's argument when the rule loads. */
  args: z.ZodType<A>;
}

/** Tests the value of `field:` (or, inside `some`/`every`, the list element itself). */
export interface FieldOperator<A = unknown> extends OperatorBase<A> {
  kind: 'field';
  /** Element schema of the field when it is a list, so nested conditions can be checked. */
  compile(arg: A, context: CompileContext & { elementSchema?: z.ZodType }): ValueTest;
}

/** Stands on its own: all, any, not, related. */
export interface StandaloneOperator<A = unknown> extends OperatorBase<A> {
  kind: 'standalone';
  compile(arg: A, context: CompileContext): Evaluator;
}

export type Operator = FieldOperator<any> | StandaloneOperator<any>;

import type { Truth } from './truth.js';

/**
 * The work one check (one rule on one asset) may do. Rule packs come from strangers: without a
 * bound, `related` conditions nested in each other multiply their cost level by level. Steps are the
 * edges a `related` condition or a path step follows and the nested `related` conditions evaluated;
 * a check that needs more is stopped, and its rule is reported as not evaluated (a coverage gap):
 * never a pass, never a finding. SECURITY.md states this limit.
 */
export const EVALUATION_BUDGET = 1_000_000;

/** What one check has spent, and what it has already decided about related assets. */
export interface Work {
  steps: number;
  /** How many `related` conditions enclose the one being evaluated. */
  depth: number;
  /**
   * Nested `related` results per (condition, asset): the same condition on the same asset is decided
   * once per check, however many paths lead to it (cycles of roles included).
   */
  memo?: Map<unknown, Map<string, Truth>>;
}

export function startWork(): Work {
  return { steps: 0, depth: 0 };
}

/** Thrown when a check goes over the budget; caught where the check started. */
export class EvaluationBudgetExceeded extends Error {
  constructor() {
    super(`needs more than ${EVALUATION_BUDGET.toLocaleString('en-US')} steps (edges followed and nested related conditions) to decide one asset`);
  }
}

export function spend(work: Work, steps: number): void {
  work.steps += steps;
  if (work.steps > EVALUATION_BUDGET) throw new EvaluationBudgetExceeded();
}

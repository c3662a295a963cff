import { drain, drainInSlices, sliceClock } from '../slices.js';
import type { AssetGraph } from '../graph/graph.js';
import type { Asset } from '../graph/model.js';
import { EvaluationBudgetExceeded, startWork } from './budget.js';
import { resolveAssetField } from './field-path.js';
import { PathSearch } from './path.js';
import type { CompiledRule, MessagePart, Rule } from './rule.js';
import type { Truth } from './truth.js';

/** One asset that a rule flags, with what the rule read to decide it. */
export interface Violation {
  rule: Rule;
  asset: Asset;
  message: string;
  evidence: Record<string, unknown>;
  /** Path rules: witness paths (asset ids, entry first), shortest first. */
  paths?: string[][];
}

export type Outcome = 'fail' | 'pass' | 'unknown';

export interface Evaluation {
  violations: Violation[];
  /** Checks that could be decided neither way because a value was not read. */
  inconclusive: number;
  /** Checks made (rule × applicable asset). */
  checks: number;
  /** Rules stopped because one check went over the evaluation budget: none of their results count. */
  notEvaluated: NotEvaluated[];
}

export interface NotEvaluated {
  rule: Rule;
  /** The asset whose check went over the budget. */
  asset: Asset;
  reason: string;
}

export function evaluateRules(graph: AssetGraph, rules: readonly CompiledRule[]): Evaluation {
  return drain(evaluateInSlices(graph, rules));
}

/**
 * Evaluates like evaluateRules, but returns to the event loop between slices (src/slices.ts), so
 * that Ctrl-C is handled during a long evaluation. `signal` stops it.
 */
export function evaluateRulesInSlices(graph: AssetGraph, rules: readonly CompiledRule[], signal?: AbortSignal): Promise<Evaluation> {
  return drainInSlices(evaluateInSlices(graph, rules), signal);
}

function* evaluateInSlices(graph: AssetGraph, rules: readonly CompiledRule[]): Generator<void, Evaluation> {
  // Asset by asset, every rule that targets its type: one asset's record stays in the CPU cache for
  // all its rules, where rule by rule would walk the whole estate once per rule (measured: about 25%
  // faster at 300k assets, and the time grows more nearly linearly). Findings are sorted later, so
  // the order of violations here does not reach any output.
  const rulesByType = new Map<string, RuleRun[]>();
  for (const compiled of rules) {
    if (compiled.rule.deprecated || !compiled.active) continue;
    const run: RuleRun = { compiled, search: compiled.path ? new PathSearch(graph, compiled.path) : undefined, stopped: false };
    for (const type of compiled.rule.resourceTypes) {
      let list = rulesByType.get(type);
      if (!list) rulesByType.set(type, (list = []));
      list.push(run);
    }
  }
  const violations: Violation[] = [];
  const notEvaluated: NotEvaluated[] = [];
  let inconclusive = 0;
  let checks = 0;
  const slice = sliceClock();
  for (const [type, applicable] of rulesByType) {
    for (const asset of graph.ofType(type)) {
      for (const run of applicable) {
        if (run.stopped) continue;
        checks++;
        const result = evaluateRuleOn(graph, run.compiled, asset, run.search);
        if (result.outcome === 'fail') violations.push(result.violation!);
        else if (result.outcome === 'unknown') inconclusive++;
        if (result.notEvaluated) {
          // One check over the budget stops the rule: the next checks would likely cost as much.
          run.stopped = true;
          notEvaluated.push({ rule: run.compiled.rule, asset, reason: result.notEvaluated });
        }
        if (slice.due()) yield;
      }
    }
  }
  if (notEvaluated.length === 0) return { violations, inconclusive, checks, notEvaluated };
  // A rule that was stopped has no results: what it found before is left out with the rest.
  const stopped = new Set(notEvaluated.map((entry) => entry.rule));
  return { violations: violations.filter((violation) => !stopped.has(violation.rule)), inconclusive, checks, notEvaluated };
}

interface RuleRun {
  compiled: CompiledRule;
  search: PathSearch | undefined;
  /** Went over the evaluation budget: its other checks are not made. */
  stopped: boolean;
}

// Shared results for the common outcomes: millions of checks allocate nothing when they pass.
const PASS = Object.freeze({ outcome: 'pass' as const });
const UNKNOWN = Object.freeze({ outcome: 'unknown' as const });

/**
 * Evaluates one rule on one asset. Conditions run without bookkeeping first; only a failing asset is
 * evaluated again to record evidence, which keeps the common (passing) case fast. A check that goes
 * over the evaluation budget is unknown, with `notEvaluated` saying why.
 */
export function evaluateRuleOn(
  graph: AssetGraph,
  compiled: CompiledRule,
  asset: Asset,
  search: PathSearch | undefined = compiled.path ? new PathSearch(graph, compiled.path) : undefined,
): { outcome: Outcome; violation?: Violation; notEvaluated?: string } {
  const { rule } = compiled;
  let truth: Truth;
  let paths: string[][] | undefined;
  let targetCount = 0;
  const work = startWork();
  try {
    truth = compiled.when ? compiled.when(asset, { graph, work }) : true;
    if (truth === true && search) {
      const found = search.from(asset, work);
      truth = found.truth;
      paths = found.paths;
      targetCount = found.targetCount;
    }
  } catch (error) {
    if (error instanceof EvaluationBudgetExceeded) return { outcome: 'unknown', notEvaluated: error.message };
    // A rule that cannot be evaluated is reported, never counted as a pass.
    const message = error instanceof Error ? error.message : String(error);
    return { outcome: 'fail', violation: { rule, asset, message: `${rule.title} (rule could not be evaluated: ${message})`, evidence: { error: message } } };
  }
  if (truth === undefined) return UNKNOWN;
  if (!truth) return PASS;

  const recorded = new Map<string, unknown>();
  compiled.when?.(asset, { graph, evidence: recorded, work: startWork() });
  const evidence: Record<string, unknown> = {};
  for (const key of [...recorded.keys()].sort()) evidence[key] = recorded.get(key);
  if (paths) {
    evidence.pathCount = targetCount;
    evidence.paths = paths;
  }
  return { outcome: 'fail', violation: { rule, asset, message: renderMessage(compiled, asset, graph, paths, targetCount), evidence, paths } };
}

function renderMessage(compiled: CompiledRule, asset: Asset, graph: AssetGraph, paths: string[][] | undefined, targetCount: number): string {
  let text = compiled.message ? compiled.message.map((part) => renderPart(part, asset)).join('') : `${compiled.rule.title}: ${asset.name}`;
  if (paths && paths.length > 0) {
    const target = paths[0]![paths[0]!.length - 1]!;
    const others = targetCount - 1;
    text += ` reaches ${graph.get(target)?.name ?? target}${others > 0 ? ` and ${others} more target${others > 1 ? 's' : ''}` : ''}`;
  }
  return text;
}

function renderPart(part: MessagePart, asset: Asset): string {
  if (typeof part === 'string') return part;
  const value = resolveAssetField(asset, part.field);
  if (value === undefined) return '(unknown)';
  if (value === null) return '(not set)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

import { evaluateRuleOn } from '../engine/evaluate.js';
import type { CompiledRule } from '../engine/rule.js';
import type { AssetGraph } from '../graph/graph.js';
import { isCoverageGap } from '../graph/model.js';
import { stillFound, type Baseline, type BaselineFinding } from './baseline.js';
import type { Finding } from './finding.js';

/**
 * What the baseline had that this scan no longer finds, told apart honestly: a finding is fixed when
 * its rule ran and now passes on the resource, or when the resource is gone from an account that was
 * read in full. When the rule did not run, its data could not be read, or the resource's account had
 * coverage gaps, the finding is not fixed but undecided: unknown is not false.
 */
export interface FixedFinding extends BaselineFinding {
  /** `passes`: the rule passes on the resource now; `gone`: the resource no longer exists. */
  how: 'passes' | 'gone';
}

export interface BaselineComparison {
  fixed: FixedFinding[];
  /** Baseline findings absent from this scan that could not be checked again. */
  undecided: number;
}

export function compareWithBaseline(graph: AssetGraph, rules: readonly CompiledRule[], findings: readonly Finding[], baseline: Baseline): BaselineComparison {
  const aliases = new Map(rules.map((compiled) => [compiled.rule.id, compiled.rule.aliases]));
  const ruleByName = new Map(rules.flatMap((compiled) => [compiled.rule.id, ...compiled.rule.aliases].map((name) => [name, compiled] as const)));
  // Findings folded into a stronger one are still found.
  const folded = findings.flatMap((finding) => (finding.includes ?? []).map((included) => ({ ...finding, ruleId: included.ruleId })));
  const current = [...findings, ...folded];
  const fixed: FixedFinding[] = [];
  let undecided = 0;
  for (const old of baseline.findings) {
    if (stillFound(old, current, aliases)) continue;
    const compiled = ruleByName.get(old.ruleId);
    const asset = graph.get(old.resource.id);
    if (!compiled) {
      undecided++;
    } else if (asset) {
      const outcome = evaluateRuleOn(graph, compiled, asset).outcome;
      if (outcome === 'pass') fixed.push({ ...old, how: 'passes' });
      else if (outcome === 'unknown') undecided++;
    } else if (wasReadInFull(graph, old)) {
      fixed.push({ ...old, how: 'gone' });
    } else {
      undecided++;
    }
  }
  fixed.sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.resource.id < b.resource.id ? -1 : a.resource.id > b.resource.id ? 1 : 0));
  return { fixed, undecided };
}

/** The resource's provider and account were scanned, and nothing in that account failed to read. */
function wasReadInFull(graph: AssetGraph, old: BaselineFinding): boolean {
  const { provider, account } = old.resource;
  if (!provider || account === undefined) return false;
  const entries = graph.coverage.filter((entry) => entry.provider === provider && entry.account === account);
  return entries.length > 0 && !entries.some(isCoverageGap);
}

import { evaluateRules } from './engine/evaluate.js';
import type { CompiledRule, Rule } from './engine/rule.js';
import { applyBaseline, type Baseline } from './findings/baseline.js';
import { buildFindings } from './findings/build.js';
import { foldSupersededFindings, linkAttackPathSteps } from './findings/group.js';
import { compareFindings, type Finding } from './findings/finding.js';
import { applySuppressions, type SuppressionSet } from './findings/suppressions.js';
import { buildGraph } from './graph/build.js';
import type { AssetGraph } from './graph/graph.js';
import type { CoverageEntry, Inventory, Severity } from './graph/model.js';
import { SEVERITIES } from './graph/model.js';
import { compareCoverage } from './graph/snapshot.js';

/**
 * The scan pipeline, without the CLI: inventory → redaction → graph → rules → findings →
 * prioritization → suppressions and baseline → a result every reporter can render.
 */

export interface ScanInput {
  inventory: Inventory;
  rules: readonly CompiledRule[];
  suppressions?: SuppressionSet;
  baseline?: Baseline;
  startedAt: Date;
  tool: { name: string; version: string };
}

export interface ScanResult {
  tool: { name: string; version: string };
  startedAt: Date;
  finishedAt: Date;
  sources: string[];
  coverage: CoverageEntry[];
  assetCount: number;
  /** Worst first. */
  findings: Finding[];
  /** The rules that ran, by id. */
  rules: Rule[];
  /** Checks that could not be decided because a value was not read. */
  inconclusive: number;
  checks: number;
  /** Things the user should know that are not findings (expired suppressions, dangling edges). */
  warnings: string[];
  /** A baseline was applied: findings are `new` or `existing`. */
  baselineApplied: boolean;
  graph: AssetGraph;
}

export function runScan(input: ScanInput): ScanResult {
  return scanGraph(buildGraph(input.inventory), input);
}

/** Evaluates a graph that is already built (the benchmarks time the two halves apart). */
export function scanGraph(graph: AssetGraph, input: Omit<ScanInput, 'inventory'>): ScanResult {
  const active = input.rules.filter((compiled) => !compiled.rule.deprecated && compiled.active);
  const evaluation = evaluateRules(graph, active);
  const findings = buildFindings(graph, evaluation.violations);
  const aliases = new Map(active.map((compiled) => [compiled.rule.id, compiled.rule.aliases]));
  const warnings: string[] = [];
  if (input.suppressions) {
    applySuppressions(findings, input.suppressions, aliases);
    for (const entry of input.suppressions.expired) {
      warnings.push(`ignore entry at ${entry.origin} expired on ${entry.expires} and no longer suppresses (${[entry.rule, entry.resource].filter(Boolean).join(' on ')}): review it`);
    }
  }
  const grouped = foldSupersededFindings(findings, active.map((compiled) => compiled.rule));
  linkAttackPathSteps(grouped);
  if (input.baseline) applyBaseline(grouped, input.baseline, aliases);
  if (graph.danglingEdges > 0) warnings.push(`${graph.danglingEdges} relation(s) point to assets that were not collected and were ignored`);
  grouped.sort(compareFindings);
  return {
    tool: input.tool,
    startedAt: input.startedAt,
    finishedAt: new Date(),
    sources: [...graph.sources].sort(),
    coverage: [...graph.coverage].sort(compareCoverage),
    assetCount: graph.size,
    findings: grouped,
    rules: active.map((compiled) => compiled.rule).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    inconclusive: evaluation.inconclusive,
    checks: evaluation.checks,
    warnings,
    baselineApplied: input.baseline !== undefined,
    graph,
  };
}

/** Findings that count for the exit code: not suppressed, not already in the baseline. */
export function countedFindings(result: ScanResult): Finding[] {
  return result.findings.filter((finding) => finding.status === 'new');
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

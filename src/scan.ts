import type { ComplianceReport } from './compliance/assess.js';
import { evaluateRules, evaluateRulesInSlices, type Evaluation, type NotEvaluated } from './engine/evaluate.js';
import type { CompiledRule, Rule } from './engine/rule.js';
import { applyBaseline, type Baseline } from './findings/baseline.js';
import { buildFindings } from './findings/build.js';
import { compareWithBaseline, type BaselineComparison } from './findings/fixed.js';
import { foldSupersededFindings, linkAttackPathSteps } from './findings/group.js';
import { compareFindings, type Finding } from './findings/finding.js';
import { applySuppressions, type SuppressionSet } from './findings/suppressions.js';
import { buildGraph, buildGraphInSlices } from './graph/build.js';
import { nextTurn } from './slices.js';
import type { AssetGraph } from './graph/graph.js';
import type { CoverageEntry, Inventory, Severity } from './graph/model.js';
import { isCoverageGap, SEVERITIES, SEVERITY_RANK } from './graph/model.js';
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
  /** With a baseline: what it had that this scan no longer finds (fixed, or could not be checked again). */
  baseline?: BaselineComparison;
  /** Findings left out of the result by --min-severity. */
  belowMinimum?: number;
  graph: AssetGraph;
  /** `scan --compliance`: the evidence by control, one report per framework asked for. */
  compliance?: ComplianceReport[];
}

export function runScan(input: ScanInput): ScanResult {
  return scanGraph(buildGraph(input.inventory), input);
}

/**
 * runScan for the CLI: evaluation returns to the event loop between slices, so that Ctrl-C stops a
 * long evaluation; `signal` ends it with its reason.
 */
export async function runScanInSlices(input: ScanInput, signal?: AbortSignal, progress?: (message: string) => void): Promise<ScanResult> {
  const graph = await buildGraphInSlices(input.inventory, signal);
  await nextTurn(signal);
  progress?.(`Evaluating ${input.rules.length} rules…`);
  const active = activeRules(input.rules);
  const evaluation = await evaluateRulesInSlices(graph, active, signal);
  await nextTurn(signal);
  return resultOf(graph, input, active, evaluation);
}


/** Evaluates a graph that is already built (the benchmarks time the two halves apart). */
export function scanGraph(graph: AssetGraph, input: Omit<ScanInput, 'inventory'>): ScanResult {
  const active = activeRules(input.rules);
  return resultOf(graph, input, active, evaluateRules(graph, active));
}

function activeRules(rules: readonly CompiledRule[]): CompiledRule[] {
  return rules.filter((compiled) => !compiled.rule.deprecated && compiled.active);
}

/** Coverage entries of rules that could not be evaluated have this service prefix, then the rule id. */
export const RULE_GAP_SERVICE = 'rule:';

export function isRuleGap(entry: CoverageEntry): boolean {
  return entry.service.startsWith(RULE_GAP_SERVICE);
}

/**
 * A rule stopped by the evaluation budget is a coverage gap: what it checks is unknown in the
 * estate (never a pass, never a finding), so --fail-on-gaps fails the scan and every format lists it.
 */
function ruleGap({ rule, asset, reason }: NotEvaluated): CoverageEntry {
  return { provider: asset.provider, account: asset.account, region: asset.region, service: `${RULE_GAP_SERVICE}${rule.id}`, status: 'error', message: `rule ${rule.id} could not be evaluated: it ${reason} (${asset.id}); none of its results are reported` };
}

function resultOf(graph: AssetGraph, input: Omit<ScanInput, 'inventory'>, active: CompiledRule[], evaluation: Evaluation): ScanResult {
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
  let comparison: BaselineComparison | undefined;
  if (input.baseline) {
    applyBaseline(grouped, input.baseline, aliases);
    comparison = compareWithBaseline(graph, active, grouped, input.baseline);
  }
  if (graph.danglingEdges > 0) warnings.push(`${graph.danglingEdges} relation(s) point to assets that were not collected and were ignored`);
  grouped.sort(compareFindings);
  return {
    tool: input.tool,
    startedAt: input.startedAt,
    finishedAt: new Date(),
    sources: [...graph.sources].sort(),
    coverage: [...graph.coverage, ...evaluation.notEvaluated.map(ruleGap)].sort(compareCoverage),
    assetCount: graph.size,
    findings: grouped,
    rules: active.map((compiled) => compiled.rule).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    inconclusive: evaluation.inconclusive,
    checks: evaluation.checks,
    warnings,
    baselineApplied: input.baseline !== undefined,
    ...(comparison ? { baseline: comparison } : {}),
    graph,
  };
}

/**
 * Coverage of calls that find what to read (accounts, subscriptions, projects), not of the estate
 * itself, as provider, account (`*`: any) and service: the AWS Organizations listing, the Azure
 * tenant's subscription listing and management groups' descendants, the Google Cloud organizations'
 * and folders' listings.
 */
const DISCOVERY: ReadonlyArray<readonly [string, string, string]> = [
  ['aws', '*', 'organizations'],
  ['azure', 'tenant', 'Microsoft.Resources/subscriptions'],
  ['azure', '*', 'Microsoft.Management/managementGroups'],
  ['gcp', '*', 'hierarchy'],
];

function isDiscovery(entry: CoverageEntry): boolean {
  return DISCOVERY.some(([provider, account, service]) => entry.provider === provider && entry.service === service && (account === '*' || entry.account === account));
}

/**
 * Providers from which nothing at all could be read: every call the scan made to them was denied or
 * failed (their identity call included). A scan blind to a provider is not a clean scan.
 */
export function unreadableProviders(result: Pick<ScanResult, 'coverage'>): Array<{ provider: string; reason: string }> {
  const byProvider = new Map<string, CoverageEntry[]>();
  for (const entry of result.coverage) {
    // A rule that could not be evaluated says nothing about what could be read; nor does listing an
    // organization's accounts (--aws-organization), which reads none of them. A listing that failed
    // is a gap: what it would have found was not read.
    if (isRuleGap(entry) || (isDiscovery(entry) && !isCoverageGap(entry))) continue;
    let list = byProvider.get(entry.provider);
    if (!list) byProvider.set(entry.provider, (list = []));
    list.push(entry);
  }
  const unreadable: Array<{ provider: string; reason: string }> = [];
  for (const [provider, entries] of [...byProvider].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const gaps = entries.filter(isCoverageGap);
    if (gaps.length === 0 || gaps.length < entries.filter((entry) => entry.status !== 'skipped').length) continue;
    const first = gaps[0]!;
    unreadable.push({ provider, reason: `${first.service} ${first.status}${first.message ? `: ${first.message}` : ''}` });
  }
  return unreadable;
}

/**
 * The result with findings below `minimum` left out (`--min-severity`): what is reported, and what
 * the gate counts. Evaluation is unchanged; links to left-out findings are dropped.
 */
export function withMinimumSeverity(result: ScanResult, minimum: Severity): ScanResult {
  const kept = result.findings.filter((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[minimum]);
  if (kept.length === result.findings.length && !result.baseline) return result;
  const ids = new Set(kept.map((finding) => finding.id));
  const findings = kept.map((finding) => {
    const steps = finding.steps?.filter((id) => ids.has(id));
    const partOf = finding.partOf?.filter((id) => ids.has(id));
    const copy: Finding = { ...finding, steps: steps?.length ? steps : undefined, partOf: partOf?.length ? partOf : undefined };
    if (!copy.steps) delete copy.steps;
    if (!copy.partOf) delete copy.partOf;
    return copy;
  });
  const baseline = result.baseline && { ...result.baseline, fixed: result.baseline.fixed.filter((old) => !old.severity || SEVERITY_RANK[old.severity] >= SEVERITY_RANK[minimum]) };
  return { ...result, findings, belowMinimum: result.findings.length - kept.length, ...(baseline ? { baseline } : {}) };
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

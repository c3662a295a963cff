import { evaluateRuleOn } from '../engine/evaluate.js';
import { controlOf, frameworkBinds, frameworkByKey, type Framework } from '../engine/frameworks.js';
import type { CompiledRule } from '../engine/rule.js';
import type { Finding, FindingStatus } from '../findings/finding.js';
import type { AssetGraph } from '../graph/graph.js';
import { isCoverageGap, SEVERITY_RANK, type Asset, type CoverageEntry, type Severity } from '../graph/model.js';

/**
 * Compliance: the scan's evidence arranged by the controls of one framework. A control is
 * failing (a mapped check failed on some asset), unknown (a mapped check could not be decided, or a
 * coverage gap may hide assets it would check), passing (every check made passed, and at least one
 * was made), not assessed (no asset of a mapped type in scope), or not covered (no rule maps to it).
 * Evidence toward, never a verdict of, compliance.
 */

export const CONTROL_STATUSES = ['failing', 'unknown', 'passing', 'not-assessed', 'not-covered'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export const COMPLIANCE_STATEMENT =
  'This is evidence toward, not a verdict of, compliance: aispm checks cloud configuration only, and a control also needs processes, documents and people that no scanner can see.';

/** One rule's checks on the assets of its types, for one control. */
export interface RuleEvidence {
  ruleId: string;
  title: string;
  severity: Severity;
  /** The IDs of the mapping (an EU AI Act mapping may name a paragraph of the article). */
  mappedAs: string[];
  /** fail: a check failed; unknown: a check was undecided, or a coverage gap may hide assets; pass; not-applicable: no asset of its types; not-run: skipped, or a parameter it needs is empty. */
  outcome: 'fail' | 'unknown' | 'pass' | 'not-applicable' | 'not-run';
  checks: number;
  failed: number;
  passed: number;
  undecided: number;
}

/** A failed check, and the finding that reports it (a folded one: the finding that includes it). */
export interface ControlFinding {
  /** The finding's id; absent when the failed check is not in the reported findings (left out by --min-severity). */
  findingId?: string;
  ruleId: string;
  severity: Severity;
  resource: { id: string; name: string; type: string; provider: string };
  status: FindingStatus | 'not-reported';
}

export interface CoverageGapRef {
  provider: string;
  account: string;
  region: string;
  service: string;
  status: string;
  message?: string;
}

export interface ControlResult {
  id: string;
  title: string;
  status: ControlStatus;
  /** Why, in words. */
  reason: string;
  rules: RuleEvidence[];
  /** The failed checks, worst first. */
  findings: ControlFinding[];
  /** Distinct findings that count for --fail-on (status new). */
  counted: number;
  /** The coverage gaps that made it unknown. */
  gaps: CoverageGapRef[];
  /** True when the ID is not in aispm's reference list (mapped by a rule from a --rules pack). */
  unlisted?: true;
}

export interface ComplianceReport {
  framework: { key: string; title: string; scope?: string };
  statement: string;
  totals: Record<ControlStatus, number>;
  controls: ControlResult[];
}

export interface ComplianceInput {
  graph: AssetGraph;
  /** Every loaded rule (the report lists those that did not run). */
  rules: readonly CompiledRule[];
  /** The ids of the rules that ran. */
  ran: ReadonlySet<string>;
  findings: readonly Finding[];
  coverage: readonly CoverageEntry[];
}

/** One report per framework; a rule's checks are made once for all of them. */
export function assessFrameworks(input: ComplianceInput, frameworkKeys: readonly string[]): ComplianceReport[] {
  const cache = new Map<string, RuleChecks>();
  return frameworkKeys.map((key) => assessCompliance(input, key, cache));
}

export function assessCompliance(input: ComplianceInput, frameworkKey: string, cache = new Map<string, RuleChecks>()): ComplianceReport {
  const framework = frameworkByKey(frameworkKey);
  if (!framework) throw new Error(`unknown framework ${frameworkKey}`);
  const byControl = new Map<string, Array<{ compiled: CompiledRule; ids: string[] }>>();
  for (const compiled of input.rules) {
    if (compiled.rule.deprecated) continue;
    for (const id of compiled.rule.frameworks[framework.key] ?? []) {
      const control = controlOf(framework, id);
      let list = byControl.get(control);
      if (!list) byControl.set(control, (list = []));
      const entry = list.find((item) => item.compiled === compiled);
      if (entry) entry.ids.push(id);
      else list.push({ compiled, ids: [id] });
    }
  }
  const findingsByCheck = indexFindings(input.findings);
  const gaps = input.coverage.filter(isCoverageGap);
  // Checks on every asset serve every framework but the EU AI Act, which binds only some assets.
  const scoped = framework.key === 'eu-ai-act';
  const checksOf = (compiled: CompiledRule): RuleChecks => {
    const key = `${scoped ? 'scoped' : 'all'}\0${compiled.rule.id}`;
    let result = cache.get(key);
    if (!result) cache.set(key, (result = runChecks(input, compiled, gaps, scoped ? (asset) => frameworkBinds(framework, asset.tags) : () => true)));
    return result;
  };
  const ids = [...Object.keys(framework.controls), ...[...byControl.keys()].filter((id) => !Object.hasOwn(framework.controls, id)).sort()];
  const controls = ids.map((id) => assessControl(framework, id, byControl.get(id) ?? [], checksOf, findingsByCheck));
  const totals = Object.fromEntries(CONTROL_STATUSES.map((status) => [status, 0])) as Record<ControlStatus, number>;
  for (const control of controls) totals[control.status]++;
  return { framework: { key: framework.key, title: framework.title, ...(framework.scope ? { scope: framework.scope } : {}) }, statement: COMPLIANCE_STATEMENT, totals, controls };
}

export interface RuleChecks {
  ran: boolean;
  checks: number;
  passed: number;
  undecided: number;
  failedAssets: Asset[];
  gaps: CoverageEntry[];
}

/**
 * Evaluates a rule on every asset of its types that the framework binds (the scan's counters are
 * totals; compliance needs them per rule). A failure on an asset that may or may not be bound (its
 * tags were not read) is undecided.
 */
function runChecks(input: ComplianceInput, compiled: CompiledRule, gaps: readonly CoverageEntry[], binds: (asset: Asset) => boolean | undefined): RuleChecks {
  const result: RuleChecks = { ran: input.ran.has(compiled.rule.id) && compiled.active, checks: 0, passed: 0, undecided: 0, failedAssets: [], gaps: [] };
  if (!result.ran) return result;
  for (const type of compiled.rule.resourceTypes) {
    for (const asset of input.graph.ofType(type)) {
      const bound = binds(asset);
      if (bound === false) continue;
      result.checks++;
      const { outcome } = evaluateRuleOn(input.graph, compiled, asset);
      if (outcome === 'fail' && bound === undefined) result.undecided++;
      else if (outcome === 'fail') result.failedAssets.push(asset);
      else if (outcome === 'pass') result.passed++;
      else result.undecided++;
    }
  }
  result.gaps = gaps.filter((gap) => compiled.rule.resourceTypes.some((type) => gapMayHide(gap, type)));
  return result;
}

/**
 * Which asset types a coverage entry's service reads. A gap in a service not listed here may hide
 * assets of any type of its provider (an identity or account call): assumed so, never green when blind.
 */
const SERVICE_TYPES: Record<string, Record<string, string[]>> = {
  aws: { sagemaker: ['aws.sagemaker.'], bedrock: ['aws.bedrock.'], 'bedrock-agent': ['aws.bedrock.'], iam: ['aws.iam.'], s3: ['aws.s3.'], kms: ['aws.kms.'], lambda: ['aws.lambda.'], logs: ['aws.logs.'], ec2: ['aws.ec2.'] },
  azure: {
    'microsoft.cognitiveservices': ['azure.cognitiveservices.'],
    'microsoft.machinelearningservices': ['azure.machinelearning.'],
    'microsoft.keyvault': ['azure.keyvault.'],
    'microsoft.storage': ['azure.storage.'],
    'microsoft.managedidentity': ['azure.managedidentity.'],
  },
  gcp: { aiplatform: ['gcp.vertexai.'], notebooks: ['gcp.workbench.'], iam: ['gcp.iam.'], kms: ['gcp.kms.'], storage: ['gcp.storage.'] },
};

export function gapMayHide(gap: CoverageEntry, type: string): boolean {
  if (!type.startsWith(`${gap.provider}.`)) return false;
  const prefixes = SERVICE_TYPES[gap.provider]?.[gap.service.toLowerCase()];
  return !prefixes || prefixes.some((prefix) => type.startsWith(prefix));
}

function ruleOutcome(checks: RuleChecks): RuleEvidence['outcome'] {
  if (!checks.ran) return 'not-run';
  if (checks.failedAssets.length > 0) return 'fail';
  if (checks.undecided > 0 || checks.gaps.length > 0) return 'unknown';
  return checks.checks === 0 ? 'not-applicable' : 'pass';
}

function assessControl(
  framework: Framework,
  id: string,
  mapped: ReadonlyArray<{ compiled: CompiledRule; ids: string[] }>,
  checksOf: (compiled: CompiledRule) => RuleChecks,
  findingsByCheck: ReadonlyMap<string, Finding>,
): ControlResult {
  const listed = Object.hasOwn(framework.controls, id);
  const title = listed ? framework.controls[id]! : '(not in aispm\u2019s reference list)';
  const rules: RuleEvidence[] = [];
  const findings: ControlFinding[] = [];
  const gaps = new Map<string, CoverageEntry>();
  for (const { compiled, ids } of [...mapped].sort((a, b) => compare(a.compiled.rule.id, b.compiled.rule.id))) {
    const checks = checksOf(compiled);
    const { rule } = compiled;
    const outcome = ruleOutcome(checks);
    rules.push({ ruleId: rule.id, title: rule.title, severity: rule.severity, mappedAs: ids, outcome, checks: checks.checks, failed: checks.failedAssets.length, passed: checks.passed, undecided: checks.undecided });
    if (outcome === 'unknown') for (const gap of checks.gaps) gaps.set(`${gap.provider}\0${gap.account}\0${gap.region}\0${gap.service}`, gap);
    for (const asset of checks.failedAssets) findings.push(controlFinding(rule.id, rule.severity, asset, findingsByCheck));
  }
  findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compare(a.ruleId, b.ruleId) || compare(a.resource.id, b.resource.id));
  const count = (outcome: RuleEvidence['outcome']) => rules.filter((rule) => rule.outcome === outcome).length;
  const undecided = rules.reduce((sum, rule) => sum + (rule.outcome === 'unknown' ? rule.undecided : 0), 0);
  let status: ControlStatus;
  let reason: string;
  if (rules.length === 0) {
    status = 'not-covered';
    reason = 'no rule maps to it';
  } else if (count('fail') > 0) {
    status = 'failing';
    reason = `${plural(findings.length, 'failed check')} in ${plural(count('fail'), 'rule')}`;
  } else if (count('unknown') > 0) {
    status = 'unknown';
    const why = [undecided > 0 ? `${plural(undecided, 'check')} could not be decided (a value was not read)` : '', gaps.size > 0 ? `${plural(gaps.size, 'coverage gap')} may hide assets` : ''].filter(Boolean);
    reason = `${why.join('; ')} (${plural(count('unknown'), 'rule')})`;
  } else if (count('pass') > 0) {
    status = 'passing';
    reason = `every check passed: ${plural(rules.reduce((sum, rule) => sum + rule.passed, 0), 'check')} by ${plural(count('pass'), 'rule')}`;
  } else {
    status = 'not-assessed';
    const scope = framework.key === 'eu-ai-act' ? ' (the EU AI Act binds assets tagged eu-ai-act: high-risk, gpai or gpai-systemic-risk)' : '';
    reason = count('not-applicable') > 0 ? `no asset of a mapped type in scope${scope}` : 'no mapped rule ran (--only, --skip, or a rule parameter left empty)';
  }
  const notRun = count('not-run');
  if (notRun > 0 && status !== 'not-assessed') reason += `; ${plural(notRun, 'mapped rule')} did not run`;
  return {
    id,
    title,
    status,
    reason,
    rules,
    findings,
    // Distinct findings: a check folded into another rule's finding on the same asset is that finding.
    counted: new Set(findings.filter((finding) => finding.status === 'new').map((finding) => finding.findingId)).size,
    gaps: [...gaps.values()].map((gap) => ({ provider: gap.provider, account: gap.account, region: gap.region, service: gap.service, status: gap.status, ...(gap.message !== undefined ? { message: gap.message } : {}) })),
    ...(listed ? {} : { unlisted: true as const }),
  };
}

/** Findings by rule and resource, folded findings under the finding that includes them. */
function indexFindings(findings: readonly Finding[]): Map<string, Finding> {
  const index = new Map<string, Finding>();
  for (const finding of findings) {
    index.set(`${finding.ruleId}\0${finding.resource.id}`, finding);
    for (const included of finding.includes ?? []) {
      const key = `${included.ruleId}\0${finding.resource.id}`;
      if (!index.has(key)) index.set(key, finding);
    }
  }
  return index;
}

function controlFinding(ruleId: string, severity: Severity, asset: Asset, findingsByCheck: ReadonlyMap<string, Finding>): ControlFinding {
  const resource = { id: asset.id, name: asset.name, type: asset.type, provider: asset.provider };
  const finding = findingsByCheck.get(`${ruleId}\0${asset.id}`);
  if (!finding) return { ruleId, severity, resource, status: 'not-reported' };
  return { findingId: finding.id, ruleId, severity: finding.ruleId === ruleId ? finding.severity : severity, resource, status: finding.status };
}

/** The failing controls whose counted findings reach the threshold, for --fail-on. */
export function failingAtOrAbove(report: ComplianceReport, threshold: Severity): ControlResult[] {
  return report.controls.filter((control) => control.status === 'failing' && control.findings.some((finding) => finding.status === 'new' && SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[threshold]));
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

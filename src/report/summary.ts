import type { Finding } from '../findings/finding.js';
import { isCoverageGap, SEVERITIES, type Severity } from '../graph/model.js';
import type { PriorityContext } from '../prioritize/score.js';
import { severityCounts, type ScanResult } from '../scan.js';

/** What the human-readable formats (table, markdown) say at the top and bottom. */
export interface ReportSummary {
  open: Finding[];
  /** The findings the human formats list: with a baseline, only the new ones. */
  listed: Finding[];
  bySeverity: Record<Severity, number>;
  suppressed: number;
  existing: number;
  providers: string[];
  gaps: ScanResult['coverage'];
  seconds: string;
}

/** Rows shown in full before the rest is summarized by rule. */
export const MAX_ROWS = 100;

export function summarize(result: ScanResult): ReportSummary {
  const open = result.findings.filter((finding) => finding.status !== 'suppressed');
  const providers = [...new Set(result.graph.assets.map((asset) => asset.provider))].sort();
  return {
    open,
    listed: result.baselineApplied ? open.filter((finding) => finding.status === 'new') : open,
    bySeverity: severityCounts(open),
    suppressed: result.findings.length - open.length,
    existing: open.filter((finding) => finding.status === 'existing').length,
    providers,
    gaps: result.coverage.filter(isCoverageGap),
    seconds: ((result.finishedAt.getTime() - result.startedAt.getTime()) / 1000).toFixed(1),
  };
}

/** A finding as the human-readable formats list it: on its own, or under the attack path it is a step of. */
export interface ListedFinding {
  finding: Finding;
  /** The attack-path finding this one is listed under. */
  stepOf?: Finding;
}

/**
 * Worst first, with each attack path followed by its steps (the findings on the other assets of the
 * path), so a reader sees what to fix to break it. A step is listed under the first path it belongs
 * to, unless it ranks above that path (then it stands on its own, where its score puts it).
 */
export function listingOrder(open: readonly Finding[]): ListedFinding[] {
  const byId = new Map(open.map((finding) => [finding.id, finding]));
  const parentOf = new Map<Finding, Finding>();
  for (const finding of open) {
    const parent = finding.partOf?.map((id) => byId.get(id)).find((candidate) => candidate !== undefined && !candidate.partOf?.length);
    if (parent && finding.score <= parent.score) parentOf.set(finding, parent);
  }
  const listed: ListedFinding[] = [];
  for (const finding of open) {
    if (parentOf.has(finding)) continue;
    listed.push({ finding });
    for (const id of finding.steps ?? []) {
      const step = byId.get(id);
      if (step && parentOf.get(step) === finding) listed.push({ finding: step, stepOf: finding });
    }
  }
  return listed;
}

/** Findings past the first MAX_ROWS, counted per rule, most frequent first. */
export function overflowByRule(findings: readonly Finding[]): Array<{ ruleId: string; severity: Severity; count: number }> {
  const byRule = new Map<string, { ruleId: string; severity: Severity; count: number }>();
  for (const finding of findings.slice(MAX_ROWS)) {
    const entry = byRule.get(finding.ruleId) ?? { ruleId: finding.ruleId, severity: finding.severity, count: 0 };
    entry.count++;
    byRule.set(finding.ruleId, entry);
  }
  return [...byRule.values()].sort((a, b) => b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1));
}

export function severityLine(counts: Record<Severity, number>, format: (severity: Severity, text: string) => string): string {
  return SEVERITIES.map((severity) => format(severity, `${severity.toUpperCase()} ${counts[severity]}`)).join('   ');
}

/**
 * The first thing to do, from a rule's remediation: its first paragraph (with the first item of a
 * list it introduces), on one line, at most `limit` characters.
 */
export function firstRemediationStep(remediation: string, limit = 200): string {
  const paragraphs = remediation.trim().split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim());
  let step = paragraphs[0] ?? '';
  if (step.endsWith(':') && paragraphs[1]) {
    const item = /^[-*]\s+(.*?)(?=\s+[-*]\s+|$)/.exec(paragraphs[1]);
    if (item) step = `${step} ${item[1]}`;
  }
  return step.length > limit ? `${step.slice(0, limit - 1).trimEnd()}…` : step;
}

/** Why a finding scored what it did, in words: `critical · internet-exposed · reaches sensitive data · on 2 attack paths`. */
export function scoreReason(finding: Finding): string {
  const context = finding.evidence.priority as Partial<PriorityContext> | undefined;
  const parts: string[] = [finding.severity];
  if (context?.internetExposed) parts.push('internet-exposed');
  if (context?.sensitiveDataReachable) parts.push('reaches sensitive data');
  if (context?.production) parts.push('production');
  if (context?.attackPaths) parts.push(`on ${context.attackPaths} attack path${context.attackPaths === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** Asset names along an attack path. */
export function pathNames(result: ScanResult, path: readonly string[]): string[] {
  return path.map((id) => result.graph.get(id)?.name ?? id);
}

import type { Finding } from '../findings/finding.js';
import { isCoverageGap, SEVERITIES, type Severity } from '../graph/model.js';
import { severityCounts, type ScanResult } from '../scan.js';

/** What the human-readable formats (table, markdown) say at the top and bottom. */
export interface ReportSummary {
  open: Finding[];
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
    bySeverity: severityCounts(open),
    suppressed: result.findings.length - open.length,
    existing: open.filter((finding) => finding.status === 'existing').length,
    providers,
    gaps: result.coverage.filter(isCoverageGap),
    seconds: ((result.finishedAt.getTime() - result.startedAt.getTime()) / 1000).toFixed(1),
  };
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

/** Asset names along an attack path. */
export function pathNames(result: ScanResult, path: readonly string[]): string[] {
  return path.map((id) => result.graph.get(id)?.name ?? id);
}

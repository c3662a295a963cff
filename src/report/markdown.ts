import type { ScanResult } from '../scan.js';
import { escapeMarkdown } from './escape.js';
import { listingOrder, MAX_ROWS, overflowByRule, pathNames, summarize } from './summary.js';

const BADGE: Record<string, string> = { critical: '🟥 critical', high: '🟧 high', medium: '🟨 medium', low: '🟦 low', info: '⬜ info' };

/** Markdown for CI job summaries and pull-request comments; every cloud string escaped. */
export function* renderMarkdown(result: ScanResult): Iterable<string> {
  const summary = summarize(result);
  yield `## aispm: ${summary.open.length} finding${summary.open.length === 1 ? '' : 's'}\n\n`;
  yield `Scanned ${result.assetCount} assets from ${escapeMarkdown(result.sources.join(', '))} with ${result.rules.length} rules (aispm ${result.tool.version}).\n\n`;
  yield '| Critical | High | Medium | Low | Info | Suppressed |\n|---:|---:|---:|---:|---:|---:|\n';
  const counts = summary.bySeverity;
  yield `| ${counts.critical} | ${counts.high} | ${counts.medium} | ${counts.low} | ${counts.info} | ${summary.suppressed} |\n\n`;

  if (summary.open.length > 0) {
    yield '### Findings, worst first\n\n| Score | Severity | Finding | Resource | Rule |\n|---:|---|---|---|---|\n';
    const listed = listingOrder(summary.open);
    for (const { finding, stepOf } of listed.slice(0, MAX_ROWS)) {
      const path = finding.path ? `<br>path: ${pathNames(result, finding.path).map(escapeMarkdown).join(' → ')}` : '';
      const includes = finding.includes ? `<br>includes: ${finding.includes.map((included) => `\`${included.ruleId}\``).join(', ')}` : '';
      const resource = `${escapeMarkdown(finding.resource.name)}<br>${escapeMarkdown(finding.resource.type)}<br>${escapeMarkdown([finding.resource.account, finding.resource.region].join(' '))}`;
      const message = `${stepOf ? '↳ step of the path above: ' : ''}${escapeMarkdown(finding.message)}`;
      yield `| ${finding.score} | ${BADGE[finding.severity]} | ${message}${path} | ${resource} | \`${finding.ruleId}\`${finding.status === 'existing' ? ' (baseline)' : ''}${includes} |\n`;
    }
    const overflow = overflowByRule(listed.map((entry) => entry.finding));
    if (overflow.length > 0) {
      yield `\n${summary.open.length - MAX_ROWS} more findings not listed:\n\n| Count | Severity | Rule |\n|---:|---|---|\n`;
      for (const entry of overflow) yield `| ${entry.count} | ${BADGE[entry.severity]} | \`${entry.ruleId}\` |\n`;
    }
    yield '\n';
  }
  if (summary.gaps.length > 0) {
    yield `### Coverage gaps\n\nThese parts of the estate could not be read; rules that need them were not decided.\n\n| Provider | Account | Region | Service | Status | Message |\n|---|---|---|---|---|---|\n`;
    for (const gap of summary.gaps) {
      yield `| ${gap.provider} | ${escapeMarkdown(gap.account)} | ${escapeMarkdown(gap.region)} | ${escapeMarkdown(gap.service)} | ${gap.status} | ${escapeMarkdown(gap.message ?? '')} |\n`;
    }
    yield '\n';
  }
  if (result.warnings.length > 0) {
    yield '### Warnings\n\n';
    for (const warning of result.warnings) yield `- ${escapeMarkdown(warning)}\n`;
    yield '\n';
  }
}

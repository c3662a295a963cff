import type { ScanResult } from '../scan.js';
import { pathDiagram, pathEdgeTypes, renderDiagram } from './diagram.js';
import { escapeMarkdown } from './escape.js';
import { firstRemediationStep, listingOrder, MAX_ROWS, overflowByRule, pathNames, scoreReason, summarize } from './summary.js';

/** Attack paths drawn as Mermaid diagrams, worst first. */
const MAX_PATH_DIAGRAMS = 10;

const BADGE: Record<string, string> = { critical: '🟥 critical', high: '🟧 high', medium: '🟨 medium', low: '🟦 low', info: '⬜ info' };

/** Markdown for CI job summaries and pull-request comments; every cloud string escaped. */
export function* renderMarkdown(result: ScanResult): Iterable<string> {
  const summary = summarize(result);
  yield `## aispm: ${summary.open.length} finding${summary.open.length === 1 ? '' : 's'}\n\n`;
  yield `Scanned ${result.assetCount} assets from ${escapeMarkdown(result.sources.join(', '))} with ${result.rules.length} rules (aispm ${result.tool.version}).\n\n`;
  yield '| Critical | High | Medium | Low | Info | Suppressed |\n|---:|---:|---:|---:|---:|---:|\n';
  const counts = summary.bySeverity;
  yield `| ${counts.critical} | ${counts.high} | ${counts.medium} | ${counts.low} | ${counts.info} | ${summary.suppressed} |\n\n`;

  if (summary.existing > 0) yield `${summary.existing} finding${summary.existing === 1 ? ' is' : 's are'} already in the baseline and not listed; the new ones follow.\n\n`;
  if (summary.listed.length > 0) {
    yield '### Findings, worst first\n\n| Score | Severity | Finding | Resource | Rule |\n|---:|---|---|---|---|\n';
    const listed = listingOrder(summary.listed);
    for (const { finding, stepOf } of listed.slice(0, MAX_ROWS)) {
      const path = finding.path ? `<br>path: ${pathNames(result, finding.path).map(escapeMarkdown).join(' → ')}` : '';
      const includes = finding.includes ? `<br>includes: ${finding.includes.map((included) => `\`${included.ruleId}\``).join(', ')}` : '';
      const resource = `${escapeMarkdown(finding.resource.name)}<br>${escapeMarkdown(finding.resource.type)}<br>${escapeMarkdown([finding.resource.account, finding.resource.region].join(' '))}`;
      const message = `${stepOf ? '↳ step of the path above: ' : ''}${escapeMarkdown(finding.message)}`;
      const why = `<br>*why:* ${escapeMarkdown(scoreReason(finding))}<br>*fix:* ${escapeMarkdown(firstRemediationStep(finding.remediation))}`;
      yield `| ${finding.score} | ${BADGE[finding.severity]} | ${message}${path}${why} | ${resource} | \`${finding.ruleId}\`${finding.status === 'existing' ? ' (baseline)' : ''}${includes} |\n`;
    }
    const overflow = overflowByRule(listed.map((entry) => entry.finding));
    const paths = listed.filter(({ finding }) => finding.path).slice(0, MAX_PATH_DIAGRAMS);
    if (paths.length > 0) {
      yield `\n### Attack paths\n\nThe ${paths.length === 1 ? 'path' : `${paths.length} worst paths`}, from the flagged asset (left) to what it reaches; break any edge to close it.\n`;
      const stepEdges = new Map(result.rules.map((rule) => [rule.id, pathEdgeTypes(rule)]));
      for (const { finding } of paths) {
        const diagram = pathDiagram(result.graph, finding.path!, stepEdges.get(finding.ruleId));
        yield `\n**${escapeMarkdown(finding.title)}** (${BADGE[finding.severity]}, \`${finding.ruleId}\`)\n\n\`\`\`mermaid\n${renderDiagram(result.graph, diagram, 'mermaid')}\`\`\`\n`;
      }
    }
    if (overflow.length > 0) {
      yield `\n${listed.length - MAX_ROWS} more findings not listed:\n\n| Count | Severity | Rule |\n|---:|---|---|\n`;
      for (const entry of overflow) yield `| ${entry.count} | ${BADGE[entry.severity]} | \`${entry.ruleId}\` |\n`;
    }
    yield '\n';
  }
  if (result.baseline) {
    const { fixed, undecided } = result.baseline;
    yield `### Fixed since the baseline (${fixed.length})\n\n`;
    for (const old of fixed) yield `- ✅ \`${old.ruleId}\` on ${escapeMarkdown(old.resource.name ?? old.resource.id)}${old.how === 'gone' ? ' (the resource is gone)' : ''}\n`;
    if (undecided > 0) yield `${fixed.length ? '\n' : ''}${undecided} more baseline finding${undecided === 1 ? ' is' : 's are'} not found now but could not be checked again (the rule did not run, or its data was not read): not counted as fixed.\n`;
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

import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Severity } from '../graph/model.js';
import type { ScanResult } from '../scan.js';
import { escapeText, truncateMiddle } from './escape.js';
import type { ReportOptions } from './reporter.js';
import { MAX_ROWS, overflowByRule, pathNames, severityLine, summarize } from './summary.js';

/**
 * The human view: a summary by severity, findings worst first (attack paths spelled out), coverage
 * gaps, warnings. Every string from the cloud is escaped; at most MAX_ROWS findings are listed in
 * full and the rest are counted by rule, so the view stays readable for any estate.
 */
export function* renderTable(result: ScanResult, options: ReportOptions): Iterable<string> {
  const chalk = new Chalk({ level: options.color ? 2 : 0 });
  const paint = severityPainter(chalk);
  const summary = summarize(result);
  const sources = result.sources.join(', ');

  yield `${chalk.bold(`aispm ${result.tool.version}`)}: ${result.assetCount} assets from ${escapeText(sources)}${summary.providers.length ? ` (${summary.providers.join(', ')})` : ''}, ${result.rules.length} rules, ${summary.seconds}s\n\n`;
  const extras = [summary.suppressed ? `${summary.suppressed} suppressed` : '', summary.existing ? `${summary.existing} in baseline` : ''].filter(Boolean).join(', ');
  yield `${chalk.bold(`${summary.open.length} findings`)}   ${severityLine(summary.bySeverity, (severity, text) => (summary.bySeverity[severity] ? paint(severity, text) : chalk.dim(text)))}${extras ? chalk.dim(`   (${extras})`) : ''}\n`;

  if (summary.open.length > 0) {
    const width = Math.max(80, options.width);
    const fixed = 6 + 10 + 30 + 10; // score, severity, resource columns and borders
    const findingWidth = Math.max(30, width - fixed);
    const table = new Table({
      head: ['Score', 'Severity', 'Finding', 'Resource'].map((text) => chalk.bold(text)),
      colWidths: [7, 10, findingWidth, 30],
      wordWrap: true,
      style: { head: [], border: [], compact: false },
    });
    for (const finding of summary.open.slice(0, MAX_ROWS)) {
      const lines = [escapeText(finding.message)];
      if (finding.path) lines.push(chalk.cyan(`path: ${pathNames(result, finding.path).map(escapeText).join(' -> ')}`));
      lines.push(chalk.dim(`${finding.ruleId}${finding.status === 'existing' ? ' (in baseline)' : ''}`));
      const where = [finding.resource.provider, finding.resource.account, finding.resource.region].filter(Boolean).join(' ');
      table.push([
        String(finding.score),
        paint(finding.severity, finding.severity.toUpperCase()),
        lines.join('\n'),
        [truncateMiddle(escapeText(finding.resource.name), 27), chalk.dim(truncateMiddle(finding.resource.type, 27)), chalk.dim(truncateMiddle(escapeText(where), 27))].join('\n'),
      ]);
    }
    yield `${table.toString()}\n`;
    const overflow = overflowByRule(summary.open);
    if (overflow.length > 0) {
      yield `\n…and ${summary.open.length - MAX_ROWS} more findings (use --format json or sarif for all):\n`;
      for (const entry of overflow.slice(0, 15)) yield `  ${String(entry.count).padStart(6)}  ${paint(entry.severity, entry.severity.padEnd(8))} ${entry.ruleId}\n`;
      if (overflow.length > 15) yield `  …and ${overflow.length - 15} more rules\n`;
    }
  } else {
    yield `\n${chalk.green('No findings.')}\n`;
  }

  if (summary.gaps.length > 0) {
    yield `\n${chalk.yellow.bold(`Coverage gaps (${summary.gaps.length})`)}: these parts of the estate could not be read; rules that need them were not decided.\n`;
    const gaps = new Table({ head: ['Provider', 'Account', 'Region', 'Service', 'Status', 'Message'].map((text) => chalk.bold(text)), style: { head: [], border: [] }, wordWrap: true, colWidths: [10, 16, 14, 22, 9, Math.max(20, Math.min(60, options.width - 81))] });
    for (const gap of summary.gaps) gaps.push([gap.provider, escapeText(gap.account), escapeText(gap.region), escapeText(gap.service), chalk.yellow(gap.status), escapeText(gap.message ?? '')]);
    yield `${gaps.toString()}\n`;
  }
  if (result.inconclusive > 0) yield chalk.dim(`\n${result.inconclusive} checks could not be decided because a value was not read.\n`);
  for (const warning of result.warnings) yield `${chalk.yellow('warning:')} ${escapeText(warning)}\n`;
  if (summary.open.length > 0) yield chalk.dim(`\nDetails and remediation: aispm rules show <rule-id>; full evidence: --format json.\n`);
}

function severityPainter(chalk: ChalkInstance): (severity: Severity, text: string) => string {
  const styles: Record<Severity, ChalkInstance> = {
    critical: chalk.bgRed.white.bold,
    high: chalk.red.bold,
    medium: chalk.yellow,
    low: chalk.blue,
    info: chalk.dim,
  };
  return (severity, text) => styles[severity](text);
}

import { Chalk, type ChalkInstance } from 'chalk';
import type { Severity } from '../graph/model.js';
import type { ScanResult } from '../scan.js';
import { escapeText, truncateMiddle } from './escape.js';
import type { ReportOptions } from './reporter.js';
import { renderTable as drawTable } from './text-table.js';
import { firstRemediationStep, listingOrder, MAX_ROWS, overflowByRule, pathNames, scoreReason, severityLine, summarize } from './summary.js';

/** Narrowest table drawn; a narrower terminal wraps it. */
const MIN_WIDTH = 60;
/** From this width the resource gets a column of its own. */
const WIDE_LAYOUT = 120;
/** Findings whose full resource ids are listed under the table. */
const RESOURCE_IDS_LISTED = 10;

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

  if (summary.existing > 0) yield chalk.dim(`${summary.existing} finding${summary.existing === 1 ? ' is' : 's are'} already in the baseline and not listed (--format json has them); the new ones:\n`);
  if (summary.listed.length > 0) {
    const width = Math.max(MIN_WIDTH, options.width);
    // Wide terminals get the resource in a column of its own; at 80 columns it goes inside the finding.
    const wide = width >= WIDE_LAYOUT;
    const listed = listingOrder(summary.listed);
    const rows: string[][] = [];
    listed.slice(0, MAX_ROWS).forEach(({ finding, stepOf }, index) => {
      const where = [finding.resource.provider, finding.resource.account, finding.resource.region].filter(Boolean).join(' ');
      const lines = [stepOf ? `${chalk.cyan('↳ step of the path above:')} ${escapeText(finding.message)}` : escapeText(finding.message)];
      if (finding.path) lines.push(chalk.cyan(`path: ${pathNames(result, finding.path).map(escapeText).join(' -> ')}`));
      if (!wide) lines.push(chalk.dim(`on ${escapeText(finding.resource.name)} · ${finding.resource.type} · ${escapeText(where)}`));
      lines.push(chalk.dim(`why: ${scoreReason(finding)}`));
      lines.push(`fix: ${escapeText(firstRemediationStep(finding.remediation))}`);
      if (finding.includes) lines.push(chalk.dim(`includes: ${finding.includes.map((included) => included.ruleId).join(', ')}`));
      lines.push(chalk.dim(`${finding.ruleId}${finding.status === 'existing' ? ' (in baseline)' : ''}`));
      const rank = `#${index + 1}`;
      const severity = paint(finding.severity, finding.severity.toUpperCase());
      rows.push(
        wide
          ? [`${rank}\n${finding.score}`, severity, lines.join('\n'), [truncateMiddle(escapeText(finding.resource.name), 27), chalk.dim(truncateMiddle(finding.resource.type, 27)), chalk.dim(truncateMiddle(escapeText(where), 27))].join('\n')]
          : [`${rank}\n${finding.score}\n${severity}`, lines.join('\n')],
      );
    });
    const head = (wide ? ['Score', 'Severity', 'Finding', 'Resource'] : ['Score', 'Finding']).map((text) => chalk.bold(text));
    // Score, severity and resource columns (or the one score column), plus borders and padding.
    const widths = wide ? [5, 8, width - (5 + 8 + 28 + 13), 28] : [8, Math.max(30, width - 15)];
    yield `${drawTable({ head, widths }, rows)}\n`;
    const overflow = overflowByRule(listed.map((entry) => entry.finding));
    if (overflow.length > 0) {
      yield `\n…and ${listed.length - MAX_ROWS} more findings (use --format json or sarif for all):\n`;
      for (const entry of overflow.slice(0, 15)) yield `  ${String(entry.count).padStart(6)}  ${paint(entry.severity, entry.severity.padEnd(8))} ${entry.ruleId}\n`;
      if (overflow.length > 15) yield `  …and ${overflow.length - 15} more rules\n`;
    }
    // Full resource ids outside the frame, where a terminal can select and copy them.
    const top = listed.slice(0, RESOURCE_IDS_LISTED);
    yield `\n${chalk.bold('Resource ids')} of the ${top.length === listed.length ? '' : `first ${top.length} `}findings above (${listed.length > top.length ? 'all: --format json' : 'to copy'}):\n`;
    for (const [index, { finding }] of top.entries()) yield `  ${`#${index + 1}`.padEnd(4)} ${escapeText(finding.resource.id)}\n`;
  } else {
    yield `\n${chalk.green(summary.existing > 0 ? 'No new findings.' : 'No findings.')}\n`;
  }
  if (result.baseline) {
    const { fixed, undecided } = result.baseline;
    yield `\n${chalk.green.bold(`Fixed since the baseline (${fixed.length})`)}${fixed.length ? ':' : ''}\n`;
    for (const old of fixed) yield `  ${chalk.green('✓')} ${old.ruleId} on ${escapeText(old.resource.name ?? old.resource.id)}${old.how === 'gone' ? chalk.dim(' (the resource is gone)') : ''}\n`;
    if (undecided > 0) yield chalk.dim(`  ${undecided} more baseline finding${undecided === 1 ? ' is' : 's are'} not found now but could not be checked again (the rule did not run, or its data was not read): not counted as fixed.\n`);
  }

  if (summary.gaps.length > 0) {
    yield `\n${chalk.yellow.bold(`Coverage gaps (${summary.gaps.length})`)}: these parts of the estate could not be read; rules that need them were not decided.\n`;
    const width = Math.max(MIN_WIDTH, options.width);
    if (width >= WIDE_LAYOUT) {
      const rows = summary.gaps.map((gap) => [gap.provider, escapeText(gap.account), escapeText(gap.region), escapeText(gap.service), chalk.yellow(gap.status), escapeText(gap.message ?? '')]);
      const head = ['Provider', 'Account', 'Region', 'Service', 'Status', 'Message'].map((text) => chalk.bold(text));
      yield `${drawTable({ head, widths: [8, 14, 12, 20, 7, Math.max(20, Math.min(70, width - 80))] }, rows)}\n`;
    } else {
      const rows = summary.gaps.map((gap) => [`${gap.provider} ${escapeText(gap.service)}\n${escapeText(gap.account)}\n${escapeText(gap.region)}`, chalk.yellow(gap.status), escapeText(gap.message ?? '')]);
      const head = ['Where', 'Status', 'Message'].map((text) => chalk.bold(text));
      yield `${drawTable({ head, widths: [22, 7, Math.max(20, width - 39)] }, rows)}\n`;
    }
  }
  if (result.inconclusive > 0) yield chalk.dim(`\n${result.inconclusive} checks could not be decided because a value was not read.\n`);
  for (const warning of result.warnings) yield `${chalk.yellow('warning:')} ${escapeText(warning)}\n`;
  if (summary.listed.length > 0) yield chalk.dim(`\nDetails and remediation: aispm rules show <rule-id>; full evidence: --format json.\n`);
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

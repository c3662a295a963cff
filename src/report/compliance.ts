import { Chalk, type ChalkInstance } from 'chalk';
import { CONTROL_STATUSES, plural, type ComplianceReport, type ControlResult, type ControlStatus } from '../compliance/assess.js';
import { escapeMarkdown, escapeText, truncateMiddle } from './escape.js';
import type { ReportOptions } from './reporter.js';
import { renderTable as drawTable, wrapCell } from './text-table.js';

/**
 * The compliance view, one framework after another: each control with its status and the evidence
 * behind it. Reporters take the compliance reports (plain data), so the HTML report can show the
 * same view. Cloud strings (resource names, coverage messages) are escaped for each format.
 */

/** Findings, rules and gaps named per control in the human views; JSON has them all. */
const LISTED = 3;
/** Long control names (NIST statements) are cut in the human views. */
const TITLE_LENGTH = 90;
const MIN_WIDTH = 60;

export const STATUS_LABEL: Record<ControlStatus, string> = {
  failing: 'failing',
  unknown: 'unknown',
  passing: 'passing',
  'not-assessed': 'not assessed',
  'not-covered': 'not covered',
};

export function totalsLine(report: ComplianceReport, paint: (status: ControlStatus, text: string) => string = (_status, text) => text): string {
  return CONTROL_STATUSES.map((status) => paint(status, `${report.totals[status]} ${STATUS_LABEL[status]}`)).join(' · ');
}

/** The evidence of a control as short lines: why, the worst failed checks, the gaps, the rules. */
export function evidenceLines(control: ControlResult, escape: (text: string) => string): string[] {
  const lines = [`${escape(shortTitle(control.title))}`, control.reason];
  for (const finding of control.findings.slice(0, LISTED)) {
    lines.push(`${finding.severity} ${finding.ruleId} on ${escape(truncateMiddle(finding.resource.name, 40))}${finding.status === 'new' ? '' : ` (${finding.status})`}`);
  }
  if (control.findings.length > LISTED) lines.push(`…and ${plural(control.findings.length - LISTED, 'more failed check')}`);
  if (control.status === 'unknown') {
    for (const rule of control.rules.filter((item) => item.outcome === 'unknown' && item.undecided > 0).slice(0, LISTED)) lines.push(`undecided: ${rule.ruleId} (${rule.undecided} of ${rule.checks})`);
    for (const gap of control.gaps.slice(0, LISTED)) lines.push(`gap: ${gap.provider} ${escape(gap.service)} ${escape(gap.account)} ${escape(gap.region)} ${gap.status}`);
    if (control.gaps.length > LISTED) lines.push(`…and ${plural(control.gaps.length - LISTED, 'more gap')}`);
  }
  if (control.rules.length > 0 && control.status !== 'failing') {
    const names = control.rules.slice(0, LISTED).map((rule) => rule.ruleId);
    lines.push(`rules: ${names.join(', ')}${control.rules.length > LISTED ? ` +${control.rules.length - LISTED} more` : ''}`);
  }
  return lines;
}

function shortTitle(title: string): string {
  return title.length <= TITLE_LENGTH ? title : `${title.slice(0, TITLE_LENGTH - 1).trimEnd()}…`;
}

export function* renderComplianceTable(reports: readonly ComplianceReport[], options: ReportOptions): Iterable<string> {
  const chalk = new Chalk({ level: options.color ? 2 : 0 });
  const paint = statusPainter(chalk);
  const width = Math.max(MIN_WIDTH, options.width);
  for (const [index, report] of reports.entries()) {
    if (index > 0) yield '\n';
    const wrap = (text: string) => `${wrapCell(text, width).join('\n')}\n`;
    yield `${chalk.bold(report.framework.title)}: ${plural(report.controls.length, 'control')}\n${totalsLine(report, paint)}\n`;
    if (report.framework.scope) yield chalk.dim(wrap(`Controls listed: ${report.framework.scope}.`));
    const rows = report.controls.map((control) => [
      escapeText(control.id),
      `${paint(control.status, STATUS_LABEL[control.status].toUpperCase())}${control.counted ? `\n${control.counted} counted` : ''}`,
      evidenceLines(control, escapeText)
        .map((line, number) => (number === 0 ? line : chalk.dim(line)))
        .join('\n'),
    ]);
    const head = ['Control', 'Status', 'Evidence'].map((text) => chalk.bold(text));
    yield `${drawTable({ head, widths: [13, 12, width - 35] }, rows)}\n`;
    yield chalk.italic(wrap(report.statement));
  }
  yield chalk.dim(wrapCell('Every rule and finding per control: --format json. A rule in full: aispm rules show <rule-id>.', width).join('\n') + '\n');
}

function statusPainter(chalk: ChalkInstance): (status: ControlStatus, text: string) => string {
  const styles: Record<ControlStatus, ChalkInstance> = {
    failing: chalk.red.bold,
    unknown: chalk.yellow,
    passing: chalk.green,
    'not-assessed': chalk.dim,
    'not-covered': chalk.dim,
  };
  return (status, text) => styles[status](text);
}

const BADGE: Record<ControlStatus, string> = { failing: '🟥 failing', unknown: '🟨 unknown', passing: '🟩 passing', 'not-assessed': '⬜ not assessed', 'not-covered': '⬛ not covered' };

export function* renderComplianceMarkdown(reports: readonly ComplianceReport[]): Iterable<string> {
  for (const report of reports) {
    yield `## aispm compliance: ${escapeMarkdown(report.framework.title)}\n\n`;
    yield `> ${escapeMarkdown(report.statement)}\n\n`;
    if (report.framework.scope) yield `Controls listed: ${escapeMarkdown(report.framework.scope)}.\n\n`;
    yield `| ${CONTROL_STATUSES.map((status) => BADGE[status]).join(' | ')} |\n|${CONTROL_STATUSES.map(() => '---:').join('|')}|\n`;
    yield `| ${CONTROL_STATUSES.map((status) => report.totals[status]).join(' | ')} |\n\n`;
    yield '| Control | Status | Evidence |\n|---|---|---|\n';
    for (const control of report.controls) {
      const [title, ...rest] = evidenceLines(control, (text) => text);
      const evidence = [`**${escapeMarkdown(title!)}**`, ...rest.map(escapeMarkdown)].join('<br>');
      yield `| ${escapeMarkdown(control.id)} | ${BADGE[control.status]}${control.counted ? ` (${control.counted} counted)` : ''} | ${evidence} |\n`;
    }
    yield '\n';
  }
}

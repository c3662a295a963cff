import { assessFrameworks, failingAtOrAbove } from '../../compliance/assess.js';
import type { CompiledRule } from '../../engine/rule.js';
import type { Baseline } from '../../findings/baseline.js';
import type { FailOn } from '../../findings/finding.js';
import type { SuppressionSet } from '../../findings/suppressions.js';
import { isCoverageGap, SEVERITIES, SEVERITY_RANK, type Inventory, type Severity } from '../../graph/model.js';
import type { Logger } from '../../log.js';
import { TOOL_NAME, toolVersion } from '../../package-info.js';
import { totalsLine } from '../../report/compliance.js';
import { escapeText } from '../../report/escape.js';
import { loadComplianceReporter, loadReporter, type ScanFormat } from '../../report/reporter.js';
import { countedFindings, isRuleGap, runScanInSlices, severityCounts, unreadableProviders, withMinimumSeverity, type ScanResult } from '../../scan.js';
import { nextTurn } from '../../slices.js';
import { writeReport, type OutputTarget } from '../output.js';
import { loadSelectedRules } from '../rule-selection.js';
import { terminalWidth, useColor, type Progress } from '../terminal.js';
import type { ScanCommandOptions } from './scan.js';

/** What `aispm scan` reads besides the inventory: the rules to run, the ignore file and the baseline. */
export interface ScanInputs {
  rules: CompiledRule[];
  /** Every loaded rule, selected or not (compliance lists the mapped rules that did not run). */
  loaded: CompiledRule[];
  suppressions?: SuppressionSet;
  baseline?: Baseline;
}

/** Reads the rules, the ignore file and the baseline; a mistake in any of them is an InputError. */
export async function loadScanInputs(options: ScanCommandOptions, startedAt: Date, log: Logger): Promise<ScanInputs> {
  const { selected: rules, loaded, knownIds } = await loadSelectedRules(options, startedAt, log);
  if (rules.length === 0) log.warn('--only and --skip leave no rule to run: the scan reports no findings');
  const { defaultIgnoreFile, loadSuppressions } = await import('../../findings/suppressions.js');
  const ignoreFile = options.ignore ?? defaultIgnoreFile();
  const suppressions = ignoreFile ? loadSuppressions(ignoreFile, knownIds, startedAt.toISOString().slice(0, 10)) : undefined;
  const baseline = options.baseline ? (await import('../../findings/baseline.js')).loadBaseline(options.baseline) : undefined;
  return { rules, loaded, suppressions, baseline };
}

/** Where `aispm scan` stands when the rules are read: see scan.ts. */
export interface ScanStart {
  startedAt: Date;
  log: Logger;
  progress: Progress;
  targets: Array<OutputTarget<ScanFormat>>;
  /** The inventory being read: rejects when reading fails or is stopped. */
  inventory: Promise<Inventory>;
}

/** Evaluates the inventory, writes the reports and returns the exit code. */
export async function evaluateAndReport(options: ScanCommandOptions, inputs: ScanInputs, start: ScanStart, signal: AbortSignal): Promise<number> {
  const { startedAt, log, progress, targets } = start;
  const { rules, loaded, suppressions, baseline } = inputs;
  let result: ScanResult;
  try {
    const inventory = await start.inventory;
    await nextTurn(signal);
    progress.update('Building the asset graph…');
    result = await runScanInSlices({ inventory, rules, suppressions, baseline, startedAt, tool: { name: TOOL_NAME, version: toolVersion() } }, signal, progress.update);
    if (options.minSeverity) result = withMinimumSeverity(result, options.minSeverity);
    if (options.compliance?.length) {
      progress.update('Assessing compliance…');
      // After --min-severity: a check below it still failed (the control is failing), but its finding is not reported or counted.
      const input = { graph: result.graph, rules: loaded, ran: new Set(result.rules.map((rule) => rule.id)), findings: result.findings, coverage: result.coverage };
      result.compliance = assessFrameworks(input, [...new Set(options.compliance)]);
    }
    if (options.saveSnapshot) {
      const { saveSnapshot } = await import('../../graph/snapshot.js');
      await saveSnapshot(result.graph.toInventory(), options.saveSnapshot, result.tool, result.finishedAt);
    }
  } finally {
    progress.stop();
  }
  for (const warning of result.warnings) log.warn(warning);
  // A rule that could not be evaluated is a gap in the reports; say so where CI logs show it too.
  for (const gap of result.coverage.filter(isRuleGap)) log.warn(gap.message ?? gap.service);
  log.debug(`${result.assetCount} assets, ${result.checks} checks, ${result.findings.length} findings, ${result.inconclusive} inconclusive`);

  for (const target of targets) {
    const render = result.compliance && (target.format === 'table' || target.format === 'markdown') ? await loadComplianceReporter(target.format) : await loadReporter(target.format);
    await nextTurn(signal);
    log.debug(`writing the ${target.format} report to ${target.file ?? 'stdout'}`);
    await writeReport(render(result, { color: useColor(options, target.file !== undefined), width: terminalWidth() }), target.file);
    if (target.file !== undefined) log.info(`wrote ${target.format} report to ${target.file}`);
  }
  const verdict = gateVerdict(result, options.failOn, options.failOnGaps === true);
  // Blindness is never quiet: a CI log must say why a scan that found nothing did not pass.
  for (const { provider, reason } of verdict.unreadable) process.stderr.write(`aispm: error: ${provider} could not be read at all (${escapeText(reason)}); its part of the scan is blind\n`);
  if (!options.quiet) process.stderr.write(`aispm: ${summaryLine(result)}; ${verdict.reason}\n`);
  return verdict.code;
}

export interface GateVerdict {
  code: 0 | 1 | 3;
  /** Why the exit code is what it is, in words. */
  reason: string;
  unreadable: Array<{ provider: string; reason: string }>;
}

/**
 * The exit code and why: 1 for a counted finding at or above --fail-on; else 3 when a provider could
 * not be read at all (always: never green when blind), or for any coverage gap with --fail-on-gaps;
 * else 0.
 */
export function gateVerdict(result: ScanResult, failOn: FailOn, failOnGaps: boolean): GateVerdict {
  const unreadable = unreadableProviders(result);
  const gaps = result.coverage.filter(isCoverageGap).length;
  if (failOn !== 'none' && result.compliance) {
    const controls = result.compliance.flatMap((report) => failingAtOrAbove(report, failOn as Severity).map((control) => `${control.id}`));
    if (controls.length > 0) return { code: 1, reason: `exit 1: ${controls.length} failing control${controls.length === 1 ? '' : 's'} with a counted finding at or above ${failOn} (${controls.slice(0, 5).join(', ')}${controls.length > 5 ? ', …' : ''})`, unreadable };
  } else if (failOn !== 'none') {
    const threshold = SEVERITY_RANK[failOn as Severity];
    const failing = countedFindings(result).filter((finding) => SEVERITY_RANK[finding.severity] >= threshold).length;
    if (failing > 0) return { code: 1, reason: `exit 1: ${failing} counted finding${failing === 1 ? '' : 's'} at or above ${failOn}`, unreadable };
  }
  if (unreadable.length > 0) return { code: 3, reason: `exit 3: ${unreadable.map((entry) => entry.provider).join(', ')} could not be read at all`, unreadable };
  if (failOnGaps && gaps > 0) return { code: 3, reason: `exit 3: ${gaps} coverage gap${gaps === 1 ? '' : 's'} and --fail-on-gaps`, unreadable };
  const clean = failOn === 'none' ? 'exit 0: --fail-on none' : result.compliance ? `exit 0: no failing control with a counted finding at or above ${failOn}` : `exit 0: no counted finding at or above ${failOn}`;
  return { code: 0, reason: gaps > 0 ? `${clean} (the coverage gaps fail the scan only with --fail-on-gaps)` : clean, unreadable };
}

/** One line for CI logs: findings by severity, what counts, coverage gaps. */
export function summaryLine(result: ScanResult): string {
  const open = result.findings.filter((finding) => finding.status !== 'suppressed');
  const counts = severityCounts(open);
  const bySeverity = SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => `${counts[severity]} ${severity}`);
  const counted = countedFindings(result).length;
  const suppressed = result.findings.length - open.length;
  const existing = open.length - counted;
  const parts = [`${counted} counted`, ...(suppressed ? [`${suppressed} suppressed`] : []), ...(result.baselineApplied ? [`${existing} in baseline`] : [])];
  const gaps = result.coverage.filter(isCoverageGap).length;
  if (result.belowMinimum) parts.push(`${result.belowMinimum} below --min-severity not reported`);
  const compliance = (result.compliance ?? []).map((report) => `${report.framework.key}: ${totalsLine(report)}`);
  return `${open.length} finding${open.length === 1 ? '' : 's'}${bySeverity.length ? ` (${bySeverity.join(', ')})` : ''}, ${parts.join(', ')}${compliance.map((line) => `; ${line}`).join('')}; ${gaps} coverage gap${gaps === 1 ? '' : 's'}`;
}

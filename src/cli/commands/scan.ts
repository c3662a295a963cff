import type { FailOn } from '../../findings/finding.js';
import { isCoverageGap, SEVERITY_RANK, type Severity } from '../../graph/model.js';
import { TOOL_NAME, toolVersion } from '../../package-info.js';
import { loadReporter, type ScanFormat } from '../../report/reporter.js';
import { countedFindings, runScan, type ScanResult } from '../../scan.js';
import { writeReport } from '../output.js';
import { loadSelectedRules } from '../rule-selection.js';
import { readInventory, type SourceOptions } from '../sources.js';
import { createLogger, startProgress, terminalWidth, useColor, type TerminalOptions } from '../terminal.js';

export interface ScanCommandOptions extends SourceOptions, TerminalOptions {
  config?: string;
  saveSnapshot?: string;
  rules?: string[];
  only?: string[];
  skip?: string[];
  ignore?: string;
  baseline?: string;
  format: ScanFormat;
  output?: string;
  failOn: FailOn;
  failOnGaps?: boolean;
}

/** `aispm scan`: collect, evaluate, report; returns the exit code. */
export async function scanCommand(options: ScanCommandOptions, signal: AbortSignal): Promise<number> {
  const startedAt = new Date();
  const log = createLogger(options);
  // Read every input file before the (possibly long) collection, so a typo fails fast.
  const { selected: rules, knownIds } = await loadSelectedRules(options, startedAt);
  const { defaultIgnoreFile, loadSuppressions } = await import('../../findings/suppressions.js');
  const ignoreFile = options.ignore ?? defaultIgnoreFile();
  const suppressions = ignoreFile ? loadSuppressions(ignoreFile, knownIds, startedAt.toISOString().slice(0, 10)) : undefined;
  const baseline = options.baseline ? (await import('../../findings/baseline.js')).loadBaseline(options.baseline) : undefined;
  const reporter = await loadReporter(options.format);

  const progress = await startProgress(options, 'Reading the estate…');
  let result: ScanResult;
  try {
    const inventory = await readInventory(options, log, progress.update, signal);
    progress.update(`Evaluating ${rules.length} rules…`);
    result = runScan({ inventory, rules, suppressions, baseline, startedAt, tool: { name: TOOL_NAME, version: toolVersion() } });
    if (options.saveSnapshot) {
      const { saveSnapshot } = await import('../../graph/snapshot.js');
      saveSnapshot(result.graph.toInventory(), options.saveSnapshot, result.tool, result.finishedAt);
    }
  } finally {
    progress.stop();
  }
  for (const warning of result.warnings) log.warn(warning);
  log.debug(`${result.assetCount} assets, ${result.checks} checks, ${result.findings.length} findings, ${result.inconclusive} inconclusive`);

  writeReport(reporter(result, { color: useColor(options, options.output !== undefined), width: terminalWidth() }), options.output);
  if (options.output) log.info(`wrote ${options.format} report to ${options.output}`);
  return exitCode(result, options.failOn, options.failOnGaps === true);
}

/** Exit codes: 1 for a counted finding at or above --fail-on; else 3 for coverage gaps with --fail-on-gaps; else 0. */
export function exitCode(result: ScanResult, failOn: FailOn, failOnGaps: boolean): number {
  if (failOn !== 'none') {
    const threshold = SEVERITY_RANK[failOn as Severity];
    if (countedFindings(result).some((finding) => SEVERITY_RANK[finding.severity] >= threshold)) return 1;
  }
  if (failOnGaps && result.coverage.some(isCoverageGap)) return 3;
  return 0;
}

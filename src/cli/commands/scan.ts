import type { FailOn } from '../../findings/finding.js';
import type { Severity } from '../../graph/model.js';
import { SCAN_FORMATS, type ScanFormat } from '../../report/reporter.js';
import { planOutputs } from '../output.js';
import type { Logger } from '../../log.js';
import { readsLiveProviders, startReadingInventory, type InventoryReading, type SourceOptions } from '../sources.js';
import { createLogger, startProgress, type Progress, type TerminalOptions } from '../terminal.js';

export interface ScanCommandOptions extends SourceOptions, TerminalOptions {
  config?: string;
  saveSnapshot?: string;
  rules?: string[];
  only?: string[];
  skip?: string[];
  ignore?: string;
  baseline?: string;
  format: ScanFormat;
  output?: string[];
  failOn: FailOn;
  failOnGaps?: boolean;
  /** No summary line on stderr. */
  quiet?: boolean;
  /** Leave findings below this severity out of the reports and the gate. */
  minSeverity?: Severity;
  /** Framework keys: assess their controls (scan --compliance). */
  compliance?: string[];
}

/**
 * `aispm scan`: collect, evaluate, report; returns the exit code. A live scan starts reading first and
 * loads the rule engine (scan-evaluation.ts, about 0.15 s of CPU) once its first call is on the wire;
 * an error in the rules, the ignore file or the baseline still ends the scan at once, and stops the
 * reading. The demo and snapshots are read after those, so that a mistake in them is reported before
 * a long load.
 */
export async function scanCommand(options: ScanCommandOptions, signal: AbortSignal): Promise<number> {
  const startedAt = new Date();
  const log = createLogger(options);
  const targets = planOutputs(options.format, options.output, SCAN_FORMATS);
  let reading = readsLiveProviders(options) ? await startReading(options, log, signal) : undefined;
  try {
    await reading?.underWay;
    const evaluation = await import('./scan-evaluation.js');
    const inputs = await evaluation.loadScanInputs(options, startedAt, log);
    reading ??= await startReading(options, log, signal);
    return await evaluation.evaluateAndReport(options, inputs, { startedAt, log, targets, progress: reading.progress, inventory: reading.inventory }, signal);
  } catch (error) {
    reading?.stop(error);
    // The reading ends before the error is reported: nothing of it may print after the error.
    await reading?.inventory.catch(() => {});
    throw error;
  } finally {
    reading?.progress.stop();
  }
}

interface Reading extends InventoryReading {
  progress: Progress;
}

async function startReading(options: ScanCommandOptions, log: Logger, signal: AbortSignal): Promise<Reading> {
  const progress = await startProgress(options, 'Reading the estate…');
  return { ...startReadingInventory(options, log, progress.update, signal), progress };
}

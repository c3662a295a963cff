import { buildGraph } from '../../graph/build.js';
import { TOOL_NAME, toolVersion } from '../../package-info.js';
import { inventoryReporter } from '../../report/inventory.js';
import type { InventoryFormat } from '../../report/reporter.js';
import { writeReport } from '../output.js';
import { readInventory, type SourceOptions } from '../sources.js';
import { createLogger, startProgress, terminalWidth, useColor, type TerminalOptions } from '../terminal.js';

export interface InventoryCommandOptions extends SourceOptions, TerminalOptions {
  format: InventoryFormat;
  output?: string;
  saveSnapshot?: string;
}

/** `aispm inventory`: the AI-BOM. Always exits 0 unless the input is bad. */
export async function inventoryCommand(options: InventoryCommandOptions, signal: AbortSignal): Promise<number> {
  const startedAt = new Date();
  const log = createLogger(options);
  const progress = await startProgress(options, 'Reading the estate…');
  let graph;
  try {
    graph = buildGraph(await readInventory(options, log, progress.update, signal));
  } finally {
    progress.stop();
  }
  const tool = { name: TOOL_NAME, version: toolVersion() };
  if (options.saveSnapshot) {
    const { saveSnapshot } = await import('../../graph/snapshot.js');
    saveSnapshot(graph.toInventory(), options.saveSnapshot, tool, new Date());
  }
  const reporter = inventoryReporter(options.format);
  writeReport(reporter({ tool, startedAt, finishedAt: new Date(), graph }, { color: useColor(options, options.output !== undefined), width: terminalWidth() }), options.output);
  return 0;
}

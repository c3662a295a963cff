import { evaluateRules } from '../../engine/evaluate.js';
import { buildGraph } from '../../graph/build.js';
import { TOOL_NAME, toolVersion } from '../../package-info.js';
import { inventoryReporter } from '../../report/inventory.js';
import { INVENTORY_FORMATS, type InventoryFormat } from '../../report/reporter.js';
import { planOutputs, writeReport } from '../output.js';
import { loadSelectedRules } from '../rule-selection.js';
import { readInventory, type SourceOptions } from '../sources.js';
import { createLogger, startProgress, terminalWidth, useColor, type TerminalOptions } from '../terminal.js';

export interface InventoryCommandOptions extends SourceOptions, TerminalOptions {
  config?: string;
  format: InventoryFormat;
  output?: string[];
  saveSnapshot?: string;
}

/**
 * `aispm inventory`: the AI-BOM. The built-in governance rules (shadow AI, unapproved and outdated
 * models; set up by aispm.config.yaml) run over it, so the inventory shows which assets nobody
 * vouches for. Always exits 0 unless the input is bad.
 */
export async function inventoryCommand(options: InventoryCommandOptions, signal: AbortSignal): Promise<number> {
  const startedAt = new Date();
  const log = createLogger(options);
  const targets = planOutputs(options.format, options.output, INVENTORY_FORMATS);
  const governanceRules = (await loadSelectedRules({ config: options.config }, startedAt, log)).selected.filter((compiled) => compiled.rule.category === 'governance');
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
    await saveSnapshot(graph.toInventory(), options.saveSnapshot, tool, new Date());
  }
  const governance = new Map<string, string[]>();
  for (const { rule, asset } of evaluateRules(graph, governanceRules).violations) governance.set(asset.id, [...(governance.get(asset.id) ?? []), rule.id].sort());
  const report = { tool, startedAt, finishedAt: new Date(), graph, governance };
  for (const target of targets) await writeReport(inventoryReporter(target.format)(report, { color: useColor(options, target.file !== undefined), width: terminalWidth() }), target.file);
  return 0;
}

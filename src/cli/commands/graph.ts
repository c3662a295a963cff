import { InputError, suggestion } from '../../errors.js';
import { TOOL_NAME, toolVersion } from '../../package-info.js';
import { graphDiagram, neighbourhoodDiagram, renderDiagram, type DiagramFormat } from '../../report/diagram.js';
import { runScan } from '../../scan.js';
import { planOutputs, writeReport } from '../output.js';
import { loadSelectedRules } from '../rule-selection.js';
import { readInventory, type SourceOptions } from '../sources.js';
import { createLogger, startProgress, type TerminalOptions } from '../terminal.js';

export interface GraphCommandOptions extends SourceOptions, TerminalOptions {
  format: DiagramFormat;
  output?: string[];
  config?: string;
  rules?: string[];
  /** A finding id (or a unique prefix of one): draw its neighbourhood, its path and the assets of its steps. */
  finding?: string;
  /** An asset id or name: draw its neighbourhood. */
  asset?: string;
  hops?: number;
}

const DEFAULT_HOPS = 2;

/** `aispm graph`: the asset graph, or one finding's or asset's neighbourhood, as Mermaid or DOT. */
export async function graphCommand(options: GraphCommandOptions, signal: AbortSignal): Promise<number> {
  const startedAt = new Date();
  if (options.finding && options.asset) throw new InputError({ message: '--finding and --asset cannot be combined', hint: 'draw one neighbourhood at a time' });
  const log = createLogger(options);
  const targets = planOutputs(options.format, options.output, ['mermaid', 'dot']);
  const rules = options.finding ? (await loadSelectedRules(options, startedAt, log)).selected : [];
  const progress = await startProgress(options, 'Reading the estate…');
  let inventory;
  try {
    inventory = await readInventory(options, log, progress.update, signal);
  } finally {
    progress.stop();
  }
  const result = runScan({ inventory, rules, startedAt, tool: { name: TOOL_NAME, version: toolVersion() } });
  const graph = result.graph;
  const hops = options.hops ?? DEFAULT_HOPS;
  let diagram = graphDiagram(graph);
  if (options.finding) {
    const matches = result.findings.filter((finding) => finding.id.startsWith(options.finding!));
    if (matches.length !== 1) {
      throw new InputError({
        field: '--finding',
        message: matches.length === 0 ? `no finding has an id starting with "${options.finding}"` : `"${options.finding}" starts ${matches.length} finding ids`,
        hint: matches.length === 0 ? 'finding ids are in --format json (findings[].id); the same scan sources are needed' : 'give more of the id',
      });
    }
    const finding = matches[0]!;
    const steps = (finding.steps ?? []).flatMap((id) => result.findings.find((candidate) => candidate.id === id)?.resource.id ?? []);
    diagram = neighbourhoodDiagram(graph, [finding.resource.id, ...(finding.path ?? []), ...steps], hops);
  } else if (options.asset) {
    const asset = graph.get(options.asset) ?? graph.assets.find((candidate) => candidate.name === options.asset);
    if (!asset) throw new InputError({ field: '--asset', message: `no asset with the id or name "${options.asset}"`, hint: suggestion(options.asset, graph.assets.map((candidate) => candidate.name)) ?? 'aispm inventory lists the assets' });
    diagram = neighbourhoodDiagram(graph, [asset.id], hops);
  }
  for (const target of targets) await writeReport([renderDiagram(graph, diagram, target.format)], target.file);
  return 0;
}

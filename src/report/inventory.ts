import { createHash } from 'node:crypto';
import { Chalk } from 'chalk';
import { assetTypeSpec } from '../graph/catalog/index.js';
import type { AssetGraph } from '../graph/graph.js';
import { isCoverageGap, type Asset, type CoverageEntry } from '../graph/model.js';
import { escapeText, truncateMiddle } from './escape.js';
import type { InventoryFormat, ReportOptions } from './reporter.js';
import { renderTable } from './text-table.js';

/**
 * `aispm inventory`: the AI bill of materials. Every asset with its type, place, normalized
 * properties and relations; AI assets first, then the identities, data, keys and networks they touch.
 */

export interface InventoryReport {
  /** Governance rules (shadow AI, unapproved or outdated models) each asset fails, by asset id. */
  governance: ReadonlyMap<string, readonly string[]>;
  tool: { name: string; version: string };
  startedAt: Date;
  finishedAt: Date;
  graph: AssetGraph;
}

export type InventoryReporter = (report: InventoryReport, options: ReportOptions) => Iterable<string>;

export function inventoryReporter(format: InventoryFormat): InventoryReporter {
  return { table: renderInventoryTable, json: renderInventoryJson, cyclonedx: renderCycloneDx }[format];
}

export function categoryOf(asset: Asset): string {
  // Compute that calls models directly (a Lambda function, an ECS task) is AI use, whatever its type.
  if (asset.props.invokesModels === true) return 'ai';
  return assetTypeSpec(asset.type)?.category ?? 'ai';
}

/** AI assets first, then by type and id. */
export function orderedAssets(graph: AssetGraph): Asset[] {
  return [...graph.assets].sort((a, b) => {
    const aiA = categoryOf(a) === 'ai' ? 0 : 1;
    const aiB = categoryOf(b) === 'ai' ? 0 : 1;
    return aiA - aiB || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

function* renderInventoryJson(report: InventoryReport): Iterable<string> {
  const { graph } = report;
  const assets = orderedAssets(graph);
  const byType: Record<string, number> = {};
  for (const asset of assets) byType[asset.type] = (byType[asset.type] ?? 0) + 1;
  const document = {
    schemaVersion: 1,
    tool: report.tool,
    scan: { startedAt: report.startedAt.toISOString(), finishedAt: report.finishedAt.toISOString(), sources: [...graph.sources].sort(), coverage: graph.coverage },
    summary: { assets: assets.length, aiAssets: assets.filter((asset) => categoryOf(asset) === 'ai').length, byType: Object.fromEntries(Object.entries(byType).sort()) },
    assets: assets.map((asset) => ({
      id: asset.id,
      type: asset.type,
      category: categoryOf(asset),
      provider: asset.provider,
      account: asset.account,
      region: asset.region,
      name: asset.name,
      ...(asset.tags ? { tags: asset.tags } : {}),
      props: asset.props,
      relations: graph.relationsOf(asset.id).map((relation) => ({ type: relation.type, direction: relation.direction, id: relation.asset.id })),
      ...(report.governance.has(asset.id) ? { governance: report.governance.get(asset.id) } : {}),
    })),
  };
  yield `${JSON.stringify(document, null, 2)}\n`;
}

/** Short names for the governance rules' verdicts in the table. */
export const GOVERNANCE_LABELS: Record<string, string> = {
  'cross-ai-asset-missing-required-tags': 'shadow AI (required tags missing)',
  'cross-model-not-approved': 'unapproved model',
  'aws-sagemaker-endpoint-serves-unapproved-model': 'unapproved model version',
  'aws-bedrock-legacy-model-in-use': 'legacy model',
  'azure-ai-deployment-retired-model': 'retired model',
  'azure-ai-deployment-type-not-allowed': 'deployment type not allowed',
};

/** The facts worth a glance in the table (and the HTML report). */
export function assetFacts(asset: Asset, governance: readonly string[]): string[] {
  const props = asset.props;
  const facts: string[] = governance.map((ruleId) => GOVERNANCE_LABELS[ruleId] ?? ruleId);
  if (props.internetExposed === true) facts.push('internet-exposed');
  if (props.publicRead === true) facts.push('public-read');
  if (props.publicWrite === true) facts.push('public-write');
  if (props.admin === true) facts.push('admin');
  if (props.invokesModels === true) facts.push(props.modelInvocationGuardrail === false ? 'calls models, no guardrail required' : 'calls models');
  if (props.customerManagedKey === false) facts.push('no-cmk');
  if (props.outdated === true) facts.push('outdated');
  if (Array.isArray(props.secrets) && props.secrets.length > 0) facts.push(`${props.secrets.length} secret(s)`);
  if (typeof props.modelId === 'string') facts.push(`model ${props.modelId}${typeof props.modelVersion === 'string' ? `@${props.modelVersion}` : ''}`);
  return facts;
}

function* renderInventoryTable(report: InventoryReport, options: ReportOptions): Iterable<string> {
  const chalk = new Chalk({ level: options.color ? 2 : 0 });
  const { graph } = report;
  const assets = orderedAssets(graph);
  const ai = assets.filter((asset) => categoryOf(asset) === 'ai');
  const related = assets.filter((asset) => categoryOf(asset) !== 'ai');
  yield `${chalk.bold(`AI inventory: ${ai.length} AI assets`)}, ${related.length} related assets, from ${escapeText([...graph.sources].sort().join(', '))}\n`;
  const width = Math.max(80, options.width);
  const rows = ai.map((asset) => [
    asset.type,
    truncateMiddle(escapeText(asset.name), 26),
    truncateMiddle(escapeText(`${asset.provider} ${asset.account} ${asset.region}`), 24),
    escapeText(assetFacts(asset, report.governance.get(asset.id) ?? []).join(', ')),
    String(graph.relationsOf(asset.id).length),
  ]);
  const head = ['Type', 'Name', 'Where', 'Highlights', 'Relations'].map((text) => chalk.bold(text));
  yield `${renderTable({ head, widths: [32, 26, 24, Math.max(24, width - 32 - 26 - 24 - 9 - 16), 9] }, rows)}\n`;
  if (related.length > 0) {
    const counts = new Map<string, number>();
    for (const asset of related) counts.set(asset.type, (counts.get(asset.type) ?? 0) + 1);
    yield `\n${chalk.bold('Related assets')}: ${[...counts].map(([type, count]) => `${count} ${type}`).join(', ')}\n`;
  }
  const gaps = graph.coverage.filter(isCoverageGap);
  if (gaps.length > 0) yield `\n${chalk.yellow(`${gaps.length} coverage gap(s)`)}: ${gaps.map((gap) => escapeText(describeGap(gap))).join('; ')}\n`;
  yield chalk.dim('\nFull properties and relations: --format json; CycloneDX 1.6 AI-BOM: --format cyclonedx.\n');
}

function describeGap(gap: CoverageEntry): string {
  return `${gap.provider} ${gap.service} in ${gap.account}/${gap.region} (${gap.status})`;
}

const SERVICE_TYPES = new Set(['service']);

function* renderCycloneDx(report: InventoryReport): Iterable<string> {
  const { graph } = report;
  const assets = orderedAssets(graph);
  const serial = createHash('sha256').update(assets.map((asset) => asset.id).join('\n')).digest('hex');
  const properties = (asset: Asset) => [
    { name: 'aispm:type', value: asset.type },
    { name: 'aispm:provider', value: asset.provider },
    { name: 'aispm:account', value: asset.account },
    { name: 'aispm:region', value: asset.region },
    { name: 'aispm:category', value: categoryOf(asset) },
    ...Object.entries(asset.props)
      .filter(([, value]) => value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value)))
      .map(([key, value]) => ({ name: `aispm:props:${key}`, value: typeof value === 'string' ? value : JSON.stringify(value) })),
  ];
  const components = [];
  const services = [];
  for (const asset of assets) {
    const bomType = assetTypeSpec(asset.type)?.bomType ?? 'application';
    if (SERVICE_TYPES.has(bomType)) {
      services.push({ 'bom-ref': asset.id, name: asset.name, group: `${asset.provider}/${asset.account}`, properties: properties(asset) });
    } else {
      components.push({ type: bomType, 'bom-ref': asset.id, name: asset.name, group: `${asset.provider}/${asset.account}`, properties: properties(asset) });
    }
  }
  const dependencies = assets
    .map((asset) => ({ ref: asset.id, dependsOn: [...new Set(graph.relationsOf(asset.id).filter((relation) => relation.direction === 'out').map((relation) => relation.asset.id))].sort() }))
    .filter((dependency) => dependency.dependsOn.length > 0);
  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${serial.slice(0, 8)}-${serial.slice(8, 12)}-4${serial.slice(13, 16)}-8${serial.slice(17, 20)}-${serial.slice(20, 32)}`,
    version: 1,
    metadata: {
      timestamp: report.finishedAt.toISOString(),
      tools: { components: [{ type: 'application', name: report.tool.name, version: report.tool.version }] },
    },
    components,
    services,
    dependencies,
  };
  yield `${JSON.stringify(bom, null, 2)}\n`;
}

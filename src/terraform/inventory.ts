import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { EdgeType } from '../graph/edge-types.js';
import { compareEdges, compareStrings } from '../graph/graph.js';
import { edgeKey, mergeUnreadEdges, type Asset, type Edge, type Inventory, type Provider } from '../graph/model.js';
import { AWS_RESOURCES, completeAws } from './aws.js';
import { AZURE_RESOURCES, completeAzure } from './azure.js';
import { completeGcp, GCP_RESOURCES } from './gcp.js';
import { marksAt, type PlannedInventory, type ResourceMapping } from './mapping.js';
import { readTerraformPlan, resourceTypeOf, type PlannedResource, type TerraformPlan } from './plan.js';

/**
 * `--terraform-plan`: the resources a plan will create or keep, as assets of the same types, with the
 * same properties and edges, as the live collectors give them, so the built-in rules judge a change
 * before it is applied. Values known only after apply are unknown, never false; a reference from one
 * planned resource to another is an edge. With `--terraform-dir`, each asset knows the file and line
 * of its resource block, for SARIF locations on the pull request's lines.
 */

const PROVIDER_MAPPINGS: ReadonlyArray<{
  prefix: string;
  provider: Provider;
  /** The Terraform provider, as the registry names it. */
  source: string;
  resources: Readonly<Record<string, ResourceMapping>>;
  complete?: (plan: PlannedInventory) => void;
}> = [
  { prefix: 'aws_', provider: 'aws', source: 'hashicorp/aws', resources: AWS_RESOURCES, complete: completeAws },
  { prefix: 'azurerm_', provider: 'azure', source: 'hashicorp/azurerm', resources: AZURE_RESOURCES, complete: completeAzure },
  { prefix: 'google_', provider: 'gcp', source: 'hashicorp/google', resources: GCP_RESOURCES, complete: completeGcp },
];

/** The Terraform resource types aispm turns into assets, by provider, with their asset types, for docs/asset-types.md. */
export function mappedResourceTypes(): Array<{ provider: Provider; source: string; resources: Array<{ resourceType: string; assetType: string; reads: string }> }> {
  return PROVIDER_MAPPINGS.map(({ provider, source, resources }) => ({
    provider,
    source,
    resources: Object.entries(resources).map(([resourceType, mapping]) => ({ resourceType, assetType: mapping.assetType, reads: mapping.reads })),
  }));
}

export function loadTerraformPlan(file: string, configurationDir?: string): Inventory {
  const plan = readTerraformPlan(file);
  const lines = configurationDir ? resourceLines(configurationDir, plan) : undefined;
  const builder = new PlanInventoryBuilder(plan);
  for (const resource of plan.resources) {
    const provider = PROVIDER_MAPPINGS.find(({ prefix }) => resource.type.startsWith(prefix));
    const mapping = provider?.resources[resource.type];
    if (!provider || !mapping) continue;
    const location = lines?.get(`${resource.moduleSource}\u0000${resource.type}.${resource.name}`);
    builder.add(resource, provider.provider, mapping, location);
  }
  builder.drawReferences();
  for (const { provider, complete } of PROVIDER_MAPPINGS) if (complete && builder.hasProvider(provider)) complete(builder);
  return builder.inventory(plan);
}

interface SourceLine {
  file: string;
  line: number;
}

class PlanInventoryBuilder implements PlannedInventory {
  private readonly assets = new Map<string, Asset>();
  private readonly resourceByAsset = new Map<string, PlannedResource>();
  private readonly assetByAddress = new Map<string, string>();
  private readonly mappings = new Map<string, ResourceMapping>();
  private readonly edges = new Map<string, Edge>();

  constructor(private readonly plan: TerraformPlan) {}

  add(resource: PlannedResource, provider: Provider, mapping: ResourceMapping, location: SourceLine | undefined): void {
    const own = mapping.id?.(resource);
    const arn = own?.startsWith('arn:') ? own : typeof resource.values.arn === 'string' ? resource.values.arn : undefined;
    const id = own ?? arn ?? `terraform:${resource.address}`;
    const providerKey = provider === 'azure' ? 'azurerm' : provider === 'gcp' ? 'google' : 'aws';
    const region = mapping.global ? 'global' : (mapping.region?.(resource) ?? arnPart(arn, 3) ?? this.plan.providerRegions.get(providerKey) ?? '');
    const tags = resource.values.tags_all ?? resource.values.tags;
    const asset: Asset = {
      id,
      type: mapping.assetType,
      provider,
      account: mapping.account?.(resource) ?? arnPart(arn, 4) ?? '',
      region,
      name: mapping.name?.(resource) ?? (typeof resource.values.name === 'string' && resource.values.name ? resource.values.name : resource.name),
      ...(tags !== undefined && tags !== null && typeof tags === 'object' ? { tags: stringRecord(tags) } : tags === null ? { tags: {} } : {}),
      props: {},
      raw: withoutSensitive(resource.values, resource.sensitive),
      terraform: { address: resource.address, ...location },
    };
    this.assets.set(id, asset);
    this.resourceByAsset.set(id, resource);
    this.assetByAddress.set(resource.configAddress, id);
    this.mappings.set(id, mapping);
  }

  hasProvider(provider: Provider): boolean {
    return [...this.assets.values()].some((asset) => asset.provider === provider);
  }

  /** Properties first (they may ask which keys the plan holds), then the edges each mapping names. */
  drawReferences(): void {
    for (const [id, asset] of this.assets) {
      const resource = this.resourceByAsset.get(id)!;
      const mapping = this.mappings.get(id)!;
      this.patchProps(id, mapping.props(resource, this));
      for (const [argument, named] of Object.entries(mapping.edges ?? {})) {
        const type = typeof named === 'string' ? named : named.edge;
        const addresses = this.referenced(resource, argument).filter((address) => typeof named === 'string' || named.to.includes(resourceTypeOf(address)));
        const targets = addresses.flatMap((address) => this.assetByAddress.get(address) ?? []);
        for (const target of targets) this.edge(asset.id, type, target);
        // A value that names something outside this plan (a role or key made elsewhere, or known only
        // after apply through a variable): the relation exists, but what it reaches is not in the plan.
        if (targets.length === 0 && namesSomething(resource.values[argument], resource.unknown[argument])) this.markEdgesUnread(asset.id, type);
      }
    }
  }

  resourcesOfType(type: string): PlannedResource[] {
    return this.plan.resources.filter((resource) => resource.type === type);
  }

  assetsOfType(type: string): Asset[] {
    return [...this.assets.values()].filter((asset) => asset.type === type);
  }

  resourceOf(assetId: string): PlannedResource | undefined {
    return this.resourceByAsset.get(assetId);
  }

  idOf(resource: PlannedResource): string {
    return this.assetByAddress.get(resource.configAddress)!;
  }

  attachedTo(assetId: string, type: string, argument: string): PlannedResource[] {
    const target = this.resourceByAsset.get(assetId);
    const asset = this.assets.get(assetId);
    if (!target || !asset) return [];
    return this.resourcesOfType(type).filter((resource) => {
      if (this.referenced(resource, argument).includes(target.configAddress)) return true;
      const value = resource.values[argument];
      return typeof value === 'string' && (value === asset.name || value === asset.id);
    });
  }

  referenced(resource: PlannedResource, argument: string): string[] {
    return resource.references[argument] ?? [];
  }

  customerManagedKey(resource: PlannedResource, argument: string): boolean | undefined {
    if (resource.values[argument] === null) return false;
    if (this.referenced(resource, argument).some((address) => resourceTypeOf(address) === 'aws_kms_key')) return true;
    const value = resource.values[argument];
    // An AWS managed key by its alias: not customer managed. Any other key outside the plan: unknown.
    return typeof value === 'string' && /:alias\/aws\/|^alias\/aws\//.test(value) ? false : undefined;
  }

  patchProps(assetId: string, props: Record<string, unknown>): void {
    const asset = this.assets.get(assetId);
    if (!asset) return;
    // An absent key is unknown: a property the plan does not know is left out, not set to undefined.
    for (const [key, value] of Object.entries(props)) if (value !== undefined) asset.props[key] = value;
  }

  edge(from: string, type: EdgeType, to: string): void {
    const edge = { from, type, to };
    this.edges.set(edgeKey(edge), edge);
  }

  markEdgesUnread(assetId: string, edge: EdgeType, direction: 'out' | 'in' = 'out'): void {
    const asset = this.assets.get(assetId);
    if (asset) asset.unreadEdges = mergeUnreadEdges(asset.unreadEdges, [{ edge, direction }]);
  }

  inventory(plan: TerraformPlan): Inventory {
    const providers = [...new Set([...this.assets.values()].map((asset) => asset.provider))].sort();
    return {
      sources: [`terraform-plan:${plan.file}`],
      assets: [...this.assets.values()].sort((a, b) => compareStrings(a.id, b.id)),
      edges: [...this.edges.values()].sort(compareEdges),
      // What a plan holds is read in full: one entry per provider, so a gate sees the plan was read.
      coverage: providers.map((provider) => ({ provider, account: '', region: 'global', service: 'terraform-plan', status: 'ok' as const })),
    };
  }
}

/**
 * Whether an argument names something: a string, a nested block with a string in it (a guardrail
 * configuration's identifier), or a value known only after apply. Null, an empty block, or a block
 * of nulls names nothing.
 */
function namesSomething(value: unknown, marks: unknown): boolean {
  if (marks === true || (value === undefined && marks !== undefined)) return true;
  if (typeof value === 'string') return value !== '';
  if (Array.isArray(value)) return value.some((item, index) => namesSomething(item, marksAt(marks, index)));
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, item]) => namesSomething(item, marksAt(marks, key))) || Object.values(marks ?? {}).includes(true);
  return false;
}

function arnPart(arn: string | undefined, index: number): string | undefined {
  const part = arn?.split(':')[index];
  return part ? part : undefined;
}

function stringRecord(value: object): Record<string, string> {
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * A value without what the provider marks sensitive (a plan's JSON carries those in clear): the marks
 * mirror the value, `true` where a value is sensitive, an object or array of marks inside.
 */
function withoutSensitive(value: unknown, mark: unknown): unknown {
  if (mark === true) return undefined;
  if (mark === null || typeof mark !== 'object' || value === null || typeof value !== 'object') return value;
  const marks = mark as Record<string, unknown>;
  if (Array.isArray(value)) return value.map((item, index) => withoutSensitive(item, marks[index]));
  return Object.fromEntries(Object.entries(value).flatMap(([key, item]) => (marks[key] === true ? [] : [[key, withoutSensitive(item, marks[key])]])));
}

/**
 * Where each resource block is: `resource "<type>" "<name>"` in the `.tf` files of the root module's
 * directory and of each local module's (registry and remote modules have no lines in the repository).
 * Keyed by module source directory and `<type>.<name>`; paths are relative to the working directory, as
 * SARIF consumers resolve them against the repository's root.
 */
function resourceLines(dir: string, plan: TerraformPlan): Map<string, SourceLine> {
  const lines = new Map<string, SourceLine>();
  for (const source of new Set(plan.resources.map((resource) => resource.moduleSource))) {
    const moduleDir = join(dir, source);
    let files: string[];
    try {
      files = readdirSync(moduleDir).filter((name) => name.endsWith('.tf')).sort();
    } catch {
      continue;
    }
    for (const name of files) {
      const path = join(moduleDir, name);
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((text, index) => {
          const match = text.match(/^\s*resource\s+"([^"]+)"\s+"([^"]+)"/);
          if (match) lines.set(`${source}\u0000${match[1]}.${match[2]}`, { file: relative(process.cwd(), path).split('\\').join('/'), line: index + 1 });
        });
    }
  }
  return lines;
}

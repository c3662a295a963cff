/**
 * The data model every part of aispm shares: assets, the typed edges between them, and coverage
 * entries that record what could not be read. Collectors produce these; the engine reads them.
 *
 * Unknown is not false: a top-level `props` key that is absent means the collector could not read it,
 * and rules neither pass nor fail on it. `null` means "read, and not set".
 */

export const PROVIDERS = ['aws', 'azure', 'gcp'] as const;
export type Provider = (typeof PROVIDERS)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** A secret found in a resource's configuration. The value itself is never kept. */
export interface SecretFinding {
  /** Where it was found, as a field path into the asset, e.g. `raw.PrimaryContainer.Environment.OPENAI_API_KEY`. */
  location: string;
  /** What kind of secret it looks like, e.g. `aws-access-key-id`, `generic-credential`. */
  kind: string;
}

export interface Asset {
  /** Globally unique id: an ARN, an Azure resource id, a GCP resource name. */
  id: string;
  /** `provider.service.kind`, e.g. `aws.sagemaker.notebook-instance`. */
  type: string;
  provider: Provider;
  /** AWS account id, Azure subscription id, GCP project id. */
  account: string;
  /** Cloud region or location; `global` for global resources. */
  region: string;
  name: string;
  /** Resource tags or labels; undefined when they could not be read. */
  tags?: Record<string, string>;
  /** Normalized security properties, described per type in the asset catalog. */
  props: Record<string, unknown>;
  /** The provider's API record, secrets redacted; undefined when not kept. */
  raw?: unknown;
  /**
   * Relations of this asset that could not be read (the call that names them failed): the asset may
   * have such edges that the graph lacks, so a rule never concludes from their absence.
   */
  unreadEdges?: UnreadEdges[];
  /** Read from a Terraform plan: the resource's address, and where its block is when the configuration was given. */
  terraform?: TerraformOrigin;
}

/** Where a planned asset comes from: `module.ml.aws_sagemaker_notebook_instance.dev`, and its block's file and line. */
export interface TerraformOrigin {
  address: string;
  file?: string;
  line?: number;
}

/** Edges of one type, in one direction from the asset, that could not be read. */
export interface UnreadEdges {
  edge: string;
  direction: 'out' | 'in';
}

export interface Edge {
  from: string;
  type: string;
  to: string;
}

/** An edge's identity: the same relation between the same assets is one edge. */
export function edgeKey(edge: Edge): string {
  return `${edge.from}\u0000${edge.type}\u0000${edge.to}`;
}

/** The union of two lists of unread edges, sorted, without repeats; undefined when both are empty. */
export function mergeUnreadEdges(first: readonly UnreadEdges[] | undefined, second: readonly UnreadEdges[] | undefined): UnreadEdges[] | undefined {
  if (!first?.length && !second?.length) return undefined;
  const byKey = new Map<string, UnreadEdges>();
  for (const unread of [...(first ?? []), ...(second ?? [])]) byKey.set(`${unread.direction} ${unread.edge}`, { edge: unread.edge, direction: unread.direction });
  return [...byKey.values()].sort((a, b) => (a.edge < b.edge ? -1 : a.edge > b.edge ? 1 : 0) || (a.direction < b.direction ? -1 : a.direction > b.direction ? 1 : 0));
}

export const COVERAGE_STATUSES = ['ok', 'denied', 'error', 'skipped'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** One provider/account/region/service that was (or could not be) read. */
export interface CoverageEntry {
  provider: Provider;
  account: string;
  region: string;
  service: string;
  status: CoverageStatus;
  message?: string;
}

/** What a source (a collector, a snapshot, the demo) hands to the graph. */
export interface Inventory {
  sources: string[];
  assets: Asset[];
  edges: Edge[];
  coverage: CoverageEntry[];
}

export function isCoverageGap(entry: CoverageEntry): boolean {
  return entry.status === 'denied' || entry.status === 'error';
}

export function providerOfType(type: string): string {
  const dot = type.indexOf('.');
  return dot === -1 ? type : type.slice(0, dot);
}

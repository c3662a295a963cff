import { z } from 'zod';
import { InputError, suggestion, type Problem } from '../errors.js';
import { formatFieldPath, issuesToProblems, MAX_INPUT_BYTES, MAX_PROBLEMS, readDocument, type FieldPath, type SourceDocument, validateDocument } from '../input/document.js';
import { writeFileAtomic } from '../files.js';
import { scrubChunks } from '../secrets/sink.js';
import { drain, drainInSlices, sliceClock } from '../slices.js';
import { ASSET_TYPE_NAMES, assetTypeSpec } from './catalog/index.js';
import { EDGE_TYPE_NAMES, isEdgeType } from './edge-types.js';
import { compareStrings } from './graph.js';
import { COVERAGE_STATUSES, PROVIDERS, providerOfType, type Asset, type CoverageEntry, type Inventory } from './model.js';

/**
 * A snapshot is a saved inventory: what the collectors read, secrets already redacted. `aispm scan
 * --snapshot` evaluates one instead of collecting. The demo environment is a set of snapshots too.
 */

export const SNAPSHOT_VERSION = 1;

export const assetSchema = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    provider: z.enum(PROVIDERS),
    account: z.string(),
    region: z.string(),
    name: z.string(),
    tags: z.record(z.string(), z.string()).optional(),
    props: z.record(z.string(), z.unknown()),
    raw: z.unknown().optional(),
    unreadEdges: z
      .array(z.object({ edge: z.string().min(1), direction: z.enum(['out', 'in']) }).strict())
      .optional(),
    terraform: z.object({ address: z.string().min(1), file: z.string().min(1).optional(), line: z.number().int().min(1).optional() }).strict().optional(),
  })
  .strict();

export const edgeSchema = z.object({ from: z.string().min(1), type: z.string().min(1), to: z.string().min(1) }).strict();

export const coverageSchema = z
  .object({
    provider: z.enum(PROVIDERS),
    account: z.string(),
    region: z.string(),
    service: z.string(),
    status: z.enum(COVERAGE_STATUSES),
    message: z.string().optional(),
  })
  .strict();

/** The snapshot around its assets; the assets are checked one by one, in slices (see loadSnapshot). */
const envelopeSchema = z
  .object({
    snapshotVersion: z.literal(SNAPSHOT_VERSION),
    tool: z.object({ name: z.string(), version: z.string() }).strict().optional(),
    createdAt: z.string().optional(),
    sources: z.array(z.string()).default([]),
    coverage: z.array(coverageSchema).default([]),
    assets: z.array(z.unknown()),
    edges: z.array(edgeSchema).default([]),
  })
  .strict();

/**
 * Reads and checks a snapshot file, in slices (src/slices.ts): drained at once here, and with
 * returns to the event loop by loadSnapshotInSlices, which the CLI uses so that Ctrl-C is handled
 * while a large snapshot is checked.
 */
export function loadSnapshot(file: string): Inventory {
  return drain(snapshotSteps(file));
}

export function loadSnapshotInSlices(file: string, signal?: AbortSignal): Promise<Inventory> {
  return drainInSlices(snapshotSteps(file), signal);
}

function* snapshotSteps(file: string): Generator<void, Inventory> {
  const source = readDocument(file, { kind: 'snapshot', maxBytes: MAX_INPUT_BYTES });
  const version = (source.data as { snapshotVersion?: unknown } | null)?.snapshotVersion;
  const data = source.data as { schemaVersion?: unknown; findings?: unknown } | null;
  if (data !== null && typeof data === 'object' && version === undefined && data.schemaVersion !== undefined && Array.isArray(data.findings)) {
    throw new InputError({
      file,
      line: source.lineOf(['schemaVersion']),
      message: 'this is a scan result (aispm scan --format json), not a snapshot',
      hint: 'pass it as --baseline to compare with it; a snapshot is what --save-snapshot writes',
    });
  }
  if (source.data !== null && typeof source.data === 'object' && version !== undefined && version !== SNAPSHOT_VERSION) {
    throw new InputError({
      file,
      line: source.lineOf(['snapshotVersion']),
      field: 'snapshotVersion',
      message: `unsupported snapshot version ${JSON.stringify(version)}; this aispm reads version ${SNAPSHOT_VERSION}`,
      hint: 'save the snapshot again with this version of aispm',
    });
  }
  // The envelope, then each asset: a 300k-asset snapshot is checked in slices that let Ctrl-C in.
  const problems: Problem[] = [];
  let snapshot: z.output<typeof envelopeSchema> | undefined;
  try {
    snapshot = validateDocument(source, envelopeSchema);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  const items = (source.data as { assets?: unknown } | null)?.assets;
  let more = 0;
  if (Array.isArray(items)) {
    const slice = sliceClock();
    for (let index = 0; index < items.length; index++) {
      if (slice.due()) yield;
      const checked = assetSchema.safeParse(items[index], { reportInput: true });
      if (checked.success) continue;
      if (problems.length < MAX_PROBLEMS) problems.push(...issuesToProblems(source, checked.error.issues, ['assets', index], assetSchema));
      else more += checked.error.issues.length;
    }
  }
  if (problems.length > 0 || !snapshot) throw new InputError(withMore(problems, more));
  const assets = items as Asset[];
  yield;
  const meaning = checkInventoryMeaning(source, assets, snapshot.edges);
  if (meaning.length > 0) throw new InputError(meaning.slice(0, MAX_PROBLEMS));
  return {
    sources: snapshot.sources.length > 0 ? snapshot.sources : [`snapshot:${file}`],
    assets,
    edges: snapshot.edges,
    coverage: snapshot.coverage as CoverageEntry[],
  };
}

/** The first MAX_PROBLEMS problems, and how many more there were. */
function withMore(problems: Problem[], more: number): Problem[] {
  const extra = more + Math.max(0, problems.length - MAX_PROBLEMS);
  const shown = problems.slice(0, MAX_PROBLEMS);
  if (extra > 0) shown.push({ file: shown[0]?.file, message: `and ${extra} more problems` });
  return shown;
}

/**
 * Checks what the schema cannot: known asset and edge types, props of each type, edge ends.
 * `base` locates the assets/edges lists inside the document (rule tests nest them in cases).
 */
export function checkInventoryMeaning(source: SourceDocument, assets: readonly Asset[], edges: Inventory['edges'], base: FieldPath = []): Problem[] {
  const problems: Problem[] = [];
  const at = (...path: Array<string | number>) => [...base, ...path];
  const field = (...path: Array<string | number>) => formatFieldPath(at(...path));
  const ids = new Set<string>();
  assets.forEach((asset, index) => {
    if (problems.length >= MAX_PROBLEMS) return;
    ids.add(asset.id);
    const spec = assetTypeSpec(asset.type);
    if (!spec) {
      problems.push({
        file: source.file,
        line: source.lineOf(at('assets', index, 'type')),
        field: field('assets', index, 'type'),
        message: `unknown asset type "${asset.type}"`,
        hint: suggestion(asset.type, ASSET_TYPE_NAMES) ?? 'see docs/asset-types.md for the types this version knows; a snapshot from a newer aispm needs that version',
      });
      return;
    }
    if (providerOfType(asset.type) !== asset.provider) {
      problems.push({
        file: source.file,
        line: source.lineOf(at('assets', index, 'provider')),
        field: field('assets', index, 'provider'),
        message: `provider "${asset.provider}" does not match type "${asset.type}"`,
      });
    }
    asset.unreadEdges?.forEach((unread, unreadIndex) => {
      if (isEdgeType(unread.edge)) return;
      problems.push({
        file: source.file,
        line: source.lineOf(at('assets', index, 'unreadEdges', unreadIndex, 'edge')),
        field: field('assets', index, 'unreadEdges', unreadIndex, 'edge'),
        message: `unknown edge type "${unread.edge}"`,
        hint: suggestion(unread.edge, EDGE_TYPE_NAMES) ?? `known edge types: ${EDGE_TYPE_NAMES.join(', ')}`,
      });
    });
    const checked = spec.props.safeParse(asset.props, { reportInput: true });
    if (!checked.success) problems.push(...issuesToProblems(source, checked.error.issues, at('assets', index, 'props'), spec.props));
  });
  edges.forEach((edge, index) => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (!isEdgeType(edge.type)) {
      problems.push({
        file: source.file,
        line: source.lineOf(at('edges', index, 'type')),
        field: field('edges', index, 'type'),
        message: `unknown edge type "${edge.type}"`,
        hint: suggestion(edge.type, EDGE_TYPE_NAMES) ?? `known edge types: ${EDGE_TYPE_NAMES.join(', ')}`,
      });
    }
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(edge[end])) {
        problems.push({
          file: source.file,
          line: source.lineOf(at('edges', index, end)),
          field: field('edges', index, end),
          message: `no asset with id "${edge[end]}" in this snapshot`,
        });
      }
    }
  });
  return problems;
}

/** Writes a snapshot deterministically: the same inventory gives the same bytes, except `createdAt`. */
export async function saveSnapshot(inventory: Inventory, file: string, tool: { name: string; version: string }, createdAt: Date): Promise<void> {
  const document = {
    snapshotVersion: SNAPSHOT_VERSION,
    tool,
    createdAt: createdAt.toISOString(),
    sources: [...inventory.sources].sort(),
    coverage: [...inventory.coverage].sort(compareCoverage),
    assets: [...inventory.assets].sort((a, b) => compareStrings(a.id, b.id)),
    edges: [...inventory.edges].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.type, b.type) || compareStrings(a.to, b.to)),
  };
  await writeFileAtomic(file, scrubChunks([`${JSON.stringify(document, null, 1)}\n`]));
}

export function compareCoverage(a: CoverageEntry, b: CoverageEntry): number {
  return (
    compareStrings(a.provider, b.provider) ||
    compareStrings(a.account, b.account) ||
    compareStrings(a.region, b.region) ||
    compareStrings(a.service, b.service) ||
    compareStrings(a.status, b.status) ||
    compareStrings(a.message ?? '', b.message ?? '')
  );
}

import { edgeKey, mergeUnreadEdges, type Asset, type CoverageEntry, type CoverageStatus, type Edge, type Inventory } from './model.js';

/**
 * `aispm merge`: several inventories (snapshots of the shards of one estate, `--shard i/n`) joined into
 * one graph, so that paths across accounts appear: a role read in one shard that can assume a role
 * read in another. Joined in the order given, deterministically:
 *
 * - an asset found in several (overlapping shards, or a stand-in for a role of another account that
 *   its own shard read in full) is one asset: properties read by any are kept (a later snapshot's
 *   value wins where both read one); edges left unread by any stay unread, so no rule concludes from
 *   an edge's absence that one snapshot could not see;
 * - edges are joined, each once;
 * - coverage entries of the same provider, account, region and service are one entry, the worst
 *   status of them (denied over error over skipped over ok), as one scan records repeated calls.
 */

const STATUS_RANK: Record<CoverageStatus, number> = { ok: 0, skipped: 1, error: 2, denied: 3 };

export function mergeSnapshots(inventories: readonly Inventory[]): Inventory {
  const assets = new Map<string, Asset>();
  const edges = new Map<string, Edge>();
  const coverage = new Map<string, CoverageEntry>();
  for (const inventory of inventories) {
    for (const asset of inventory.assets) {
      const existing = assets.get(asset.id);
      assets.set(asset.id, existing ? mergeAsset(existing, asset) : asset);
    }
    for (const edge of inventory.edges) edges.set(edgeKey(edge), edge);
    for (const entry of inventory.coverage) {
      const key = `${entry.provider}\u0000${entry.account}\u0000${entry.region}\u0000${entry.service}`;
      const current = coverage.get(key);
      if (!current || worse(entry, current)) coverage.set(key, entry);
    }
  }
  return {
    sources: [...new Set(inventories.flatMap((inventory) => inventory.sources))].sort(),
    assets: [...assets.values()],
    edges: [...edges.values()],
    coverage: [...coverage.values()],
  };
}

function mergeAsset(existing: Asset, next: Asset): Asset {
  const props = { ...existing.props };
  for (const [key, value] of Object.entries(next.props)) if (value !== undefined) props[key] = value;
  const merged: Asset = { ...existing, ...next, tags: next.tags ?? existing.tags, raw: next.raw ?? existing.raw, props };
  if (merged.tags === undefined) delete merged.tags;
  if (merged.raw === undefined) delete merged.raw;
  const unread = mergeUnreadEdges(existing.unreadEdges, next.unreadEdges);
  if (unread) merged.unreadEdges = unread;
  else delete merged.unreadEdges;
  return merged;
}

/** Whether a coverage entry is worse than another of the same scope; among equals, the first message in sort order, so merges repeat exactly. */
function worse(entry: CoverageEntry, current: CoverageEntry): boolean {
  const rank = STATUS_RANK[entry.status] - STATUS_RANK[current.status];
  return rank > 0 || (rank === 0 && entry.message !== undefined && (current.message === undefined || entry.message < current.message));
}

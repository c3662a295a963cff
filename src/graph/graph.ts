import { edgeKey, mergeUnreadEdges, type Asset, type CoverageEntry, type Edge, type Inventory } from './model.js';

export type Direction = 'out' | 'in';

const EMPTY: readonly Asset[] = Object.freeze([]);
const EMPTY_MAP: ReadonlyMap<string, readonly Asset[]> = new Map();

/**
 * The in-memory asset graph: assets indexed by id and type, edges indexed by asset, edge type and
 * direction, so that rule conditions and path searches touch only what they need.
 */
export class AssetGraph {
  /** Every asset, sorted by id so that evaluation order is deterministic. */
  readonly assets: readonly Asset[];
  readonly edges: readonly Edge[];
  readonly coverage: readonly CoverageEntry[];
  readonly sources: readonly string[];
  /** Edges whose ends are not in the graph; ignored for queries. */
  readonly danglingEdges: number;

  private readonly byId = new Map<string, Asset>();
  private readonly byType = new Map<string, Asset[]>();
  // Keyed by the asset object: identity lookups are cheaper than hashing and comparing long ids.
  private readonly outgoing = new Map<Asset, Map<string, Asset[]>>();
  private readonly incoming = new Map<Asset, Map<string, Asset[]>>();

  constructor(inventory: Inventory) {
    for (const asset of inventory.assets) {
      const existing = this.byId.get(asset.id);
      this.byId.set(asset.id, existing ? mergeAssets(existing, asset) : asset);
    }
    this.assets = [...this.byId.values()].sort((a, b) => compareStrings(a.id, b.id));
    for (const asset of this.assets) {
      let list = this.byType.get(asset.type);
      if (!list) this.byType.set(asset.type, (list = []));
      list.push(asset);
    }

    const seen = new Set<string>();
    const edges: Edge[] = [];
    let dangling = 0;
    for (const edge of inventory.edges) {
      const key = edgeKey(edge);
      if (seen.has(key)) continue;
      seen.add(key);
      const from = this.byId.get(edge.from);
      const to = this.byId.get(edge.to);
      if (!from || !to) {
        dangling++;
        continue;
      }
      edges.push(edge);
      addAdjacent(this.outgoing, from, edge.type, to);
      addAdjacent(this.incoming, to, edge.type, from);
    }
    for (const index of [this.outgoing, this.incoming]) {
      for (const byType of index.values()) for (const list of byType.values()) list.sort((a, b) => compareStrings(a.id, b.id));
    }
    this.edges = edges.sort(compareEdges);
    this.danglingEdges = dangling;
    this.coverage = [...inventory.coverage];
    this.sources = [...inventory.sources];
  }

  get size(): number {
    return this.assets.length;
  }

  get(id: string): Asset | undefined {
    return this.byId.get(id);
  }

  ofType(type: string): readonly Asset[] {
    return this.byType.get(type) ?? EMPTY;
  }

  types(): string[] {
    return [...this.byType.keys()].sort();
  }

  /** Assets one edge away, along edges of `edgeType` in `direction` (out: this asset is `from`). */
  neighbours(asset: Asset, edgeType: string, direction: Direction = 'out'): readonly Asset[] {
    const index = direction === 'out' ? this.outgoing : this.incoming;
    return index.get(asset)?.get(edgeType) ?? EMPTY;
  }

  /** Whether the asset's edges of this type and direction could not all be read (see `Asset.unreadEdges`). */
  edgesUnread(asset: Asset, edgeType: string, direction: Direction = 'out'): boolean {
    return asset.unreadEdges !== undefined && asset.unreadEdges.some((unread) => unread.edge === edgeType && unread.direction === direction);
  }

  /** All of an asset's neighbours in one direction, by edge type (one lookup for walks over many edge types). */
  adjacent(asset: Asset, direction: Direction): ReadonlyMap<string, readonly Asset[]> {
    return (direction === 'out' ? this.outgoing : this.incoming).get(asset) ?? EMPTY_MAP;
  }

  /** Every relation of one asset, for the inventory: edge type, direction and the other asset. */
  relationsOf(id: string): Array<{ type: string; direction: Direction; asset: Asset }> {
    const relations: Array<{ type: string; direction: Direction; asset: Asset }> = [];
    const asset = this.byId.get(id);
    if (!asset) return relations;
    for (const [direction, index] of [['out', this.outgoing], ['in', this.incoming]] as const) {
      const byType = index.get(asset);
      if (!byType) continue;
      for (const type of [...byType.keys()].sort()) for (const asset of byType.get(type)!) relations.push({ type, direction, asset });
    }
    return relations;
  }

  toInventory(): Inventory {
    return { sources: [...this.sources], assets: [...this.assets], edges: [...this.edges], coverage: [...this.coverage] };
  }
}

function addAdjacent(index: Map<Asset, Map<string, Asset[]>>, asset: Asset, type: string, other: Asset): void {
  let byType = index.get(asset);
  if (!byType) index.set(asset, (byType = new Map()));
  let list = byType.get(type);
  if (!list) byType.set(type, (list = []));
  list.push(other);
}

/**
 * Two sources may describe one asset (a bucket referenced by two services, a stub and its full
 * record): properties read by either are kept, the later source winning where both read a field.
 */
function mergeAssets(first: Asset, second: Asset): Asset {
  const props = { ...first.props };
  for (const [key, value] of Object.entries(second.props)) if (value !== undefined) props[key] = value;
  const merged: Asset = {
    ...first,
    ...second,
    tags: second.tags ?? first.tags,
    raw: second.raw ?? first.raw,
    props,
  };
  // What either source could not read stays unread: the other may simply not have looked.
  const unread = mergeUnreadEdges(first.unreadEdges, second.unreadEdges);
  if (unread) merged.unreadEdges = unread;
  else delete merged.unreadEdges;
  return merged;
}


export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareEdges(a: Edge, b: Edge): number {
  return compareStrings(a.from, b.from) || compareStrings(a.type, b.type) || compareStrings(a.to, b.to);
}

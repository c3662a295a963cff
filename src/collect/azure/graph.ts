import type { EdgeType } from '../../graph/edge-types.js';
import { compareStrings } from '../../graph/graph.js';
import type { Asset, Inventory } from '../../graph/model.js';
import type { InventoryBuilder } from '../runtime.js';

export type AzureAsset = Omit<Asset, 'provider'>;

/**
 * Assets and edges of one Azure scan. ARM ids are case-insensitive, and a resource named by another
 * (a workspace's storage account, an attached identity, a CMK key) is often spelt differently from
 * its own record. So references and edges are kept aside and resolved when the scan ends: each id
 * takes the spelling of the asset's own record when it was read, else the first spelling in sort
 * order, whatever order the concurrent calls finished in.
 */
export class AzureGraph {
  private readonly references = new Map<string, AzureAsset[]>();
  private readonly links: Array<{ from: string; type: EdgeType; to: string }> = [];
  private readonly unread: Array<{ id: string; edge: EdgeType; direction: 'out' | 'in' }> = [];

  constructor(private readonly builder: InventoryBuilder) {}

  /** An asset read from its own API record. */
  add(asset: AzureAsset): void {
    this.builder.addAsset(asset);
  }

  /**
   * An asset known from another resource's record. It adds its properties to the asset's own record
   * when that is read too (where both set a property, the own record wins), and stands alone otherwise.
   */
  reference(asset: AzureAsset): void {
    const key = asset.id.toLowerCase();
    const known = this.references.get(key);
    if (known) known.push(asset);
    else this.references.set(key, [asset]);
  }

  link(from: string, type: EdgeType, to: string): void {
    this.links.push({ from, type, to });
  }

  /** Edges of one type and direction of an asset that could not be read (InventoryBuilder.markEdgesUnread), resolved like links. */
  markEdgesUnread(id: string, edge: EdgeType, direction: 'out' | 'in'): void {
    this.unread.push({ id, edge, direction });
  }

  finish(): Inventory {
    const spelling = new Map(this.builder.result().assets.map((asset) => [asset.id.toLowerCase(), asset.id]));
    for (const [key, stubs] of [...this.references].sort(([a], [b]) => compareStrings(a, b))) {
      const ordered = [...stubs].sort((a, b) => compareStrings(a.id, b.id) || compareStrings(JSON.stringify(a.props), JSON.stringify(b.props)));
      const id = spelling.get(key) ?? ordered[0]!.id;
      spelling.set(key, id);
      for (const stub of ordered) {
        const own = this.builder.getAsset(id);
        if (!own) {
          this.builder.addAsset({ ...stub, id });
          continue;
        }
        const missing = Object.fromEntries(Object.entries(stub.props).filter(([name, value]) => value !== undefined && own.props[name] === undefined));
        this.builder.addAsset({ ...own, props: missing });
      }
    }
    const resolve = (id: string) => spelling.get(id.toLowerCase()) ?? id;
    for (const { from, type, to } of this.links) this.builder.addEdge(resolve(from), type, resolve(to));
    for (const { id, edge, direction } of this.unread) this.builder.markEdgesUnread(resolve(id), edge, direction);
    return this.builder.result();
  }
}

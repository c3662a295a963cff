import { redactAsset, redactInventory } from '../secrets/redact.js';
import { AssetGraph } from './graph.js';
import type { Asset, Inventory } from './model.js';

/** Every inventory becomes a graph through here, so secrets are always redacted first. */
export function buildGraph(inventory: Inventory): AssetGraph {
  return new AssetGraph(redactInventory(inventory));
}

/** About this long between returns to the event loop while a large inventory is redacted. */
const SLICE_MILLISECONDS = 50;

/**
 * buildGraph for the CLI: the assets are redacted in slices with returns to the event loop between
 * them (redaction is most of the graph's build time), so that Ctrl-C is handled; `pause` is the
 * return, and may throw to stop.
 */
export async function buildGraphInSlices(inventory: Inventory, pause: () => Promise<void>): Promise<AssetGraph> {
  const assets: Asset[] = [];
  let sliceStart = Date.now();
  for (const asset of inventory.assets) {
    assets.push(redactAsset(asset));
    if (Date.now() - sliceStart >= SLICE_MILLISECONDS) {
      await pause();
      sliceStart = Date.now();
    }
  }
  // Edges and coverage are few beside the assets: redacted in one go.
  return new AssetGraph({ ...redactInventory({ ...inventory, assets: [] }), assets });
}

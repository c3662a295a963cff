import { redactAsset, redactInventory } from '../secrets/redact.js';
import { drain, drainInSlices, sliceClock } from '../slices.js';
import { AssetGraph } from './graph.js';
import type { Asset, Inventory } from './model.js';

/** Every inventory becomes a graph through here, so secrets are always redacted first. */
export function buildGraph(inventory: Inventory): AssetGraph {
  return drain(graphSteps(inventory));
}

/** buildGraph for the CLI: returns to the event loop between slices (src/slices.ts), so that Ctrl-C is handled. */
export function buildGraphInSlices(inventory: Inventory, signal?: AbortSignal): Promise<AssetGraph> {
  return drainInSlices(graphSteps(inventory), signal);
}

/** Redaction is most of a graph's build time: the assets are redacted in slices, edges and coverage (few beside them) in one go. */
function* graphSteps(inventory: Inventory): Generator<void, AssetGraph> {
  const assets: Asset[] = [];
  const slice = sliceClock();
  for (const asset of inventory.assets) {
    assets.push(redactAsset(asset));
    if (slice.due()) yield;
  }
  return new AssetGraph({ ...redactInventory({ ...inventory, assets: [] }), assets });
}

import { redactInventory } from '../secrets/redact.js';
import { AssetGraph } from './graph.js';
import type { Inventory } from './model.js';

/** Every inventory becomes a graph through here, so secrets are always redacted first. */
export function buildGraph(inventory: Inventory): AssetGraph {
  return new AssetGraph(redactInventory(inventory));
}

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Inventory } from '../graph/model.js';
import { DEMO_BUNDLE, DEMO_DIR } from '../package-info.js';
import { makePrebuilt, readFreshPrebuilt, type Prebuilt } from '../prebuilt.js';
import { mergeInventories } from './collector.js';

/**
 * The bundled demo environment: a small estate across AWS, Azure and GCP, written as snapshot files
 * (one per provider) in `fixtures/demo/`. `npm run build` validates them and prebuilds one JSON
 * inventory, so `aispm scan --demo` starts without a YAML parser; if a demo file changed since, the
 * YAML is loaded and validated like any `--snapshot`. Either way the inventory then goes through
 * redaction and evaluation exactly as a live scan does.
 */
function demoFiles(): string[] {
  return readdirSync(DEMO_DIR)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(DEMO_DIR, name));
}

export async function loadDemoInventory(): Promise<Inventory> {
  return readFreshPrebuilt<Inventory>(DEMO_BUNDLE, demoFiles()) ?? loadDemoFromYaml();
}

async function loadDemoFromYaml(): Promise<Inventory> {
  const { loadSnapshot } = await import('../graph/snapshot.js');
  const merged = mergeInventories(demoFiles().map((file) => loadSnapshot(file)));
  return { ...merged, sources: ['demo'] };
}

export async function buildDemoBundle(): Promise<Prebuilt<Inventory>> {
  return makePrebuilt(demoFiles(), await loadDemoFromYaml());
}

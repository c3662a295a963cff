import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSnapshot } from '../graph/snapshot.js';
import type { Inventory } from '../graph/model.js';
import { DEMO_DIR } from '../package-info.js';
import { mergeInventories } from './collector.js';

/**
 * The bundled demo environment: a small estate across AWS, Azure and GCP, written as snapshot files
 * (one per provider) in `fixtures/demo/`. It goes through the same loading, redaction and
 * evaluation as a real scan.
 */
export function loadDemoInventory(dir: string = DEMO_DIR): Inventory {
  const files = readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/i.test(name))
    .sort();
  const merged = mergeInventories(files.map((name) => loadSnapshot(join(dir, name))));
  return { ...merged, sources: ['demo'] };
}

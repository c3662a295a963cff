import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CollectorContext, CollectScope } from '../../../src/collect/collector.js';
import type { Asset, Inventory } from '../../../src/graph/model.js';
import { silentLogger } from '../../../src/log.js';
import type { FakeGoogle } from '../../fakes/gcp/server.js';

/**
 * The environment that points aispm's Google clients at the fake and keeps a developer's own Google
 * configuration out: no key file, an empty gcloud directory, and no metadata-server probe.
 */
export function fakeGoogleEnv(fake: FakeGoogle): Record<string, string> {
  const empty = mkdtempSync(join(tmpdir(), 'aispm-gcp-test-'));
  return {
    AISPM_GCP_ENDPOINT: fake.url,
    AISPM_GCP_TOKEN: fake.token,
    CLOUDSDK_CONFIG: empty,
    HOME: empty,
    METADATA_SERVER_DETECTION: 'none',
  };
}

export function collectorContext(scope: CollectScope, overrides: Partial<CollectorContext> = {}): CollectorContext {
  return { scope, concurrency: 8, timeoutMs: 10_000, signal: new AbortController().signal, log: silentLogger, progress: () => {}, ...overrides };
}

export function assetById(inventory: Inventory, id: string): Asset {
  const asset = inventory.assets.find((candidate) => candidate.id === id);
  if (!asset) throw new Error(`no asset ${id}; have ${inventory.assets.map((candidate) => candidate.id).join(', ')}`);
  return asset;
}

export function edgesOf(inventory: Inventory, from: string): string[] {
  return inventory.edges
    .filter((edge) => edge.from === from)
    .map((edge) => `${edge.type} ${edge.to}`)
    .sort();
}

/** An inventory in a stable order, for comparing two scans. */
export function sorted(inventory: Inventory): Inventory {
  const byJson = <T>(items: T[]) => [...items].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return { sources: inventory.sources, assets: byJson(inventory.assets), edges: byJson(inventory.edges), coverage: byJson(inventory.coverage) };
}

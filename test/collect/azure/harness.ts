import { Agent } from 'node:https';
import { createAzureCollector } from '../../../src/collect/azure/index.js';
import type { CollectorContext, CollectScope } from '../../../src/collect/collector.js';
import type { Inventory } from '../../../src/graph/model.js';
import { silentLogger } from '../../../src/log.js';
import { FAKE_ARM_CERT, FAKE_ARM_CERT_FILE, type FakeArm } from '../../fakes/azure/arm-server.js';
import { TOKEN } from '../../fakes/azure/estate.js';

/** What points the collector at the fake and nowhere else: the endpoint override and a static token. */
export function fakeEnv(fake: FakeArm): Record<string, string> {
  return { AISPM_AZURE_ENDPOINT: fake.url, AISPM_AZURE_TOKEN: TOKEN };
}

/** For the CLI as a subprocess: the same, and the fake's certificate trusted through Node's own setting. */
export function cliEnv(fake: FakeArm): Record<string, string> {
  return { ...fakeEnv(fake), NODE_EXTRA_CA_CERTS: FAKE_ARM_CERT_FILE };
}

export function collectorContext(scope: CollectScope = {}, overrides: Partial<CollectorContext> = {}): CollectorContext {
  return { scope, concurrency: 8, timeoutMs: 10_000, signal: new AbortController().signal, log: silentLogger, progress: () => {}, ...overrides };
}

/**
 * Scans the fake in this process with the real collector: the fake's certificate is trusted through
 * an agent, and the SDK's exponential back-off is cut to milliseconds (Retry-After comes from the fake).
 */
export function scanFake(fake: FakeArm, scope: CollectScope = {}, overrides: Partial<CollectorContext> = {}, env: Record<string, string> = fakeEnv(fake)): Promise<Inventory> {
  const collector = createAzureCollector({ env, tuning: { agent: new Agent({ ca: FAKE_ARM_CERT, keepAlive: true }), retryOptions: { retryDelayInMs: 1, maxRetryDelayInMs: 5 } } });
  return collector.collect(collectorContext(scope, overrides));
}

/** The inventory in a canonical order, to compare two scans. */
export function canonical(inventory: Inventory): Inventory {
  const byJson = <T>(items: T[]) => [...items].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return { sources: inventory.sources, assets: byJson(inventory.assets), edges: byJson(inventory.edges), coverage: byJson(inventory.coverage) };
}

/** The asset with this id (ARM ids compare without case); throws when the scan has none. */
export function assetById(inventory: Inventory, id: string): Inventory['assets'][number] {
  const found = inventory.assets.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
  if (!found) throw new Error(`no asset ${id}`);
  return found;
}

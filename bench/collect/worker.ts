import { createHash } from 'node:crypto';
import { collectAws } from '../../src/collect/aws/collect.js';
import { collectAzure } from '../../src/collect/azure/collect.js';
import type { CollectorContext, CollectScope } from '../../src/collect/collector.js';
import { collectGcp } from '../../src/collect/gcp/collect.js';
import { readGcpSettings } from '../../src/collect/gcp/settings.js';
import type { Inventory } from '../../src/graph/model.js';
import { silentLogger } from '../../src/log.js';
import type { ProviderName } from './clouds.js';

/**
 * One collection, in its own process, with the collectors' production settings (retries, back-off,
 * timeouts); the environment points the SDKs at the benchmark's proxy. Prints the wall time of the
 * collection and a fingerprint of the inventory, so that runs can be compared with each other.
 *
 *   node worker.js '{"provider":"aws","concurrency":16,"scope":{...}}'
 */

interface WorkerTask {
  provider: ProviderName;
  concurrency: number;
  scope: CollectScope;
}

const task = JSON.parse(process.argv[2] ?? '{}') as WorkerTask;
const context: CollectorContext = { scope: task.scope, concurrency: task.concurrency, timeoutMs: 30_000, signal: new AbortController().signal, log: silentLogger, progress: () => {} };

function collect(): Promise<Inventory> {
  switch (task.provider) {
    case 'aws':
      return collectAws(context);
    case 'azure':
      return collectAzure(context, { env: process.env, tuning: {} });
    case 'gcp':
      return collectGcp(context, readGcpSettings(process.env));
  }
}

/** The inventory in a canonical order, hashed. */
function fingerprint(inventory: Inventory): string {
  const sorted = (items: unknown[]) => items.map((item) => JSON.stringify(item)).sort();
  return createHash('sha256').update(JSON.stringify([sorted(inventory.assets), sorted(inventory.edges), sorted(inventory.coverage)])).digest('hex').slice(0, 16);
}

const start = performance.now();
const inventory = await collect();
const ms = performance.now() - start;
const gaps = inventory.coverage.filter((entry) => entry.status !== 'ok').map((entry) => `${entry.account} ${entry.region} ${entry.service} ${entry.status}: ${entry.message}`);
// Peak resident memory of the whole collection process (the organization-scale benchmark reports it).
const peakMemoryMiB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ ms, assets: inventory.assets.length, edges: inventory.edges.length, gaps, fingerprint: fingerprint(inventory), peakMemoryMiB })}\n`);

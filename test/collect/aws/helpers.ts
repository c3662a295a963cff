import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { CollectorContext } from '../../../src/collect/collector.js';
import type { Inventory } from '../../../src/graph/model.js';
import { silentLogger } from '../../../src/log.js';

/** Retries at once: the SDK's own retry strategy with a 1 ms back-off keeps throttling tests fast; one per client, as in a real scan. */
export function fastRetry(maxAttempts = 8): () => ConfiguredRetryStrategy {
  return () => new ConfiguredRetryStrategy(maxAttempts, 1);
}

export function collectorContext(overrides: Partial<CollectorContext> = {}): CollectorContext {
  return { scope: {}, concurrency: 8, timeoutMs: 10_000, signal: new AbortController().signal, log: silentLogger, progress: () => {}, ...overrides };
}

/**
 * Replaces every AWS_* variable of this test process with `values` (the SDK reads them for endpoints
 * and credentials); returns a function that puts the originals back.
 */
export function replaceAwsEnvironment(values: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('AWS_')));
  for (const key of Object.keys(saved)) delete process.env[key];
  Object.assign(process.env, values);
  return () => {
    for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
    Object.assign(process.env, saved);
  };
}

/** The inventory in a canonical order, for comparing two collections. */
export function canonical(inventory: Inventory): string {
  const byJson = <T>(items: T[]) => items.map((item) => JSON.stringify(item)).sort();
  return JSON.stringify({ assets: byJson(inventory.assets), edges: byJson(inventory.edges), coverage: byJson(inventory.coverage) });
}

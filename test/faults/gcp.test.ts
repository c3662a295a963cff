import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CollectScope } from '../../src/collect/collector.js';
import { createGcpCollector } from '../../src/collect/gcp/index.js';
import type { Inventory } from '../../src/graph/model.js';
import { collectorContext, fakeGoogleEnv } from '../collect/gcp/helpers.js';
import { gcpDialect } from '../fakes/fault-dialects.js';
import { FaultProxy } from '../fakes/fault-proxy.js';
import { fakeEstate, ids, KEY } from '../fakes/gcp/estate.js';
import { startFakeGoogle, type FakeGoogle } from '../fakes/gcp/server.js';
import { coverageOf, diffInventories, HANG_TIMEOUT_MS, NO_DIFFERENCE, outcomes, transientFaultTests } from './harness.js';

/**
 * The Google Cloud collector in this process, its real SDK clients (gax over REST for Vertex AI,
 * Resource Manager and KMS; gaxios for Cloud Storage) going through the fault proxy to the fake.
 */

const SCOPE: CollectScope = { gcpProjects: ['acme-ml', 'acme-sandbox', 'acme-legacy'] };
/** Retries back off by milliseconds, through the collector's own retry settings. */
const FAST_RETRY = { initialDelayMs: 1, maxDelayMs: 5 };
const collector = createGcpCollector({ retry: FAST_RETRY });

let fake: FakeGoogle;
let proxy: FaultProxy;
let faultFree: Inventory;

const scan = (timeoutMs = 10_000, scanner = collector) => scanner.collect(collectorContext(SCOPE, { timeoutMs }));

beforeAll(async () => {
  fake = await startFakeGoogle(fakeEstate());
  proxy = await FaultProxy.start({ target: fake.url, dialect: gcpDialect });
  for (const [name, value] of Object.entries({ ...fakeGoogleEnv(fake), AISPM_GCP_ENDPOINT: proxy.url })) vi.stubEnv(name, value);
  faultFree = await scan();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await proxy.close();
  await fake.close();
});

describe('the Google Cloud collector through transient faults', () => {
  transientFaultTests(() => ({ proxy, faultFree, scan: (timeoutMs) => scan(timeoutMs) }), {
    hangOnce: /\/(locations|endpoints|models|notebookRuntimes)$|\/storage\/v1\/b\/[^/]+$|getIamPolicy$|cryptoKeys\//,
    atLeast: 5,
  });
});

describe('the Google Cloud collector when answers stay broken', () => {
  it('records a truncated page, a malformed answer and a call that always hangs as coverage, and reads everything else', async () => {
    proxy.reset({
      truncated: { match: /^GET \/v1\/projects\/acme-ml\/locations\/us-central1\/endpoints$/ },
      malformed: { match: /\/cryptoKeys\// },
      hang: { match: /^GET \/v1\/projects\/acme-ml\/locations\/us-central1\/notebookRuntimes$/ },
    });
    const inventory = await scan(HANG_TIMEOUT_MS, createGcpCollector({ retry: { ...FAST_RETRY, maxAttempts: 2 } }));
    expect(outcomes(proxy)).toMatchObject({ truncated: 1, malformed: 1, hang: expect.any(Number) });

    const diff = diffInventories(faultFree, inventory);
    const scopeStatus = (line: string) => line.slice(0, line.indexOf(':'));
    expect(diff.coverageBefore.map(scopeStatus)).toEqual(['acme-ml us-central1 aiplatform ok', 'acme-security us-central1 kms ok']);
    expect(diff.coverageAfter.map(scopeStatus)).toEqual(['acme-ml us-central1 aiplatform error', 'acme-security us-central1 kms error']);
    // Of two failed calls in one scope, the message that sorts first is kept; the other is counted.
    expect(coverageOf(inventory, 'acme-ml', 'us-central1', 'aiplatform')?.message).toMatch(/^ListEndpoints: Unterminated string in JSON at position \d+ \(and 1 more failed call\)$/);
    expect(coverageOf(inventory, 'acme-security', 'us-central1', 'kms')?.message).toMatch(/^GetCryptoKey: Expected property name/);

    // Missing: the endpoints and runtimes of the broken lists, and a service account only an endpoint named.
    const typeOf = (id: string) => faultFree.assets.find((asset) => asset.id === id)!.type;
    expect([...new Set(diff.missing.map(typeOf))].sort()).toEqual(['gcp.iam.service-account', 'gcp.vertexai.endpoint', 'gcp.vertexai.notebook-runtime']);
    expect(diff.missing).toEqual(expect.arrayContaining([ids.publicEndpoint, ids.privateEndpoint, ids.openRuntime, ids.lockedRuntime]));
    expect(inventory.assets.find((asset) => asset.id === ids.sandboxEndpoint)).toBeDefined();
    // The key that could not be read is there, as what refers to it knows it.
    expect(diff.changed).toEqual([KEY]);
    expect(inventory.assets.find((asset) => asset.id === KEY)?.props).toEqual({});
    expect([...diff.added, ...diff.edgesAdded]).toEqual([]);
  });
});

describe('the Google Cloud collector and odd data', () => {
  it('reads a page of 2500 endpoints in one answer', async () => {
    const estate = fakeEstate();
    const sandbox = estate.projects['acme-sandbox']!.locations['us-central1'] as Record<string, unknown[]>;
    const bulk = Array.from({ length: 2500 }, (_, index) => ({ name: `projects/222222222222/locations/us-central1/endpoints/${90_000 + index}`, displayName: `bulk-${index}` }));
    sandbox.endpoints!.push(...bulk);
    const large = await startFakeGoogle(estate);
    large.reset({ pageSize: 5000 });
    vi.stubEnv('AISPM_GCP_ENDPOINT', large.url);
    try {
      const inventory = await scan();
      expect(large.requests.filter((request) => request.path === '/v1/projects/acme-sandbox/locations/us-central1/endpoints')).toHaveLength(1);
      const diff = diffInventories(faultFree, inventory);
      expect(diff.added.sort()).toEqual(bulk.map((record) => record.name).sort());
      expect(inventory.assets.filter((asset) => diff.added.includes(asset.id)).every((asset) => asset.type === 'gcp.vertexai.endpoint' && asset.props.deployedModels === 0)).toBe(true);
      expect({ ...diff, added: [] }).toEqual(NO_DIFFERENCE);
    } finally {
      vi.stubEnv('AISPM_GCP_ENDPOINT', proxy.url);
      await large.close();
    }
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { NoCredentialsError, type CollectScope } from '../../../src/collect/collector.js';
import { createGcpCollector, hasGoogleCredentials } from '../../../src/collect/gcp/index.js';
import { InputError } from '../../../src/errors.js';
import type { Inventory } from '../../../src/graph/model.js';
import { tempDir } from '../../helpers.js';
import { fakeEstate, ids } from '../../fakes/gcp/estate.js';
import { startFakeGoogle, type FakeGoogle } from '../../fakes/gcp/server.js';
import { collectorContext, fakeGoogleEnv } from './helpers.js';

/** How the collector behaves when the API pushes back (denial, silence), and how it settles scope and credentials. */

let fake: FakeGoogle;
let env: Record<string, string>;

beforeAll(async () => {
  fake = await startFakeGoogle(fakeEstate());
  env = fakeGoogleEnv(fake);
});

afterAll(async () => {
  await fake.close();
});

afterEach(() => {
  vi.unstubAllEnvs();
  fake.reset();
});

function useEnv(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
}

/** Retries back off by milliseconds, so a request that times out on every attempt gives up quickly. */
const collector = createGcpCollector({ retry: { initialDelayMs: 1, maxDelayMs: 5 } });

async function collect(scope: CollectScope = { gcpProjects: ['acme-ml'] }, overrides = {}): Promise<Inventory> {
  return collector.collect(collectorContext(scope, overrides));
}

const coverageOf = (inventory: Inventory, region: string) => inventory.coverage.find((entry) => entry.account === 'acme-ml' && entry.region === region && entry.service === 'aiplatform');

describe('when the API pushes back', () => {
  it('records one service denied in one location as a gap there, and reads everything else', async () => {
    useEnv(env);
    fake.reset({ deny: (permission, path) => permission === 'aiplatform.notebookRuntimes.list' && path.includes('/us-central1/') });
    const inventory = await collect();
    expect(coverageOf(inventory, 'us-central1')).toMatchObject({ status: 'denied', message: expect.stringMatching(/^ListNotebookRuntimes: PERMISSION_DENIED: Permission 'aiplatform.notebookRuntimes.list' denied/) });
    expect(inventory.assets.filter((asset) => asset.type === 'gcp.vertexai.notebook-runtime')).toEqual([]);
    expect(inventory.assets.filter((asset) => asset.type === 'gcp.vertexai.notebook-runtime-template')).toHaveLength(2);
    expect(inventory.assets.map((asset) => asset.id)).toEqual(expect.arrayContaining([ids.publicEndpoint, ids.modelV1, ids.adhocJob, ids.defaultSa]));
  });

  it('gives up on a request that does not answer within the timeout, and reads the rest', async () => {
    useEnv(env);
    fake.reset({ hang: (permission, path) => permission === 'aiplatform.reasoningEngines.list' && path.includes('/us-central1/') });
    const inventory = await collect(undefined, { timeoutMs: 300 });
    expect(coverageOf(inventory, 'us-central1')).toMatchObject({ status: 'error', message: 'ListReasoningEngines: DEADLINE_EXCEEDED: no answer in 600 ms of attempts, retries included: the endpoint does not answer' });
    expect(inventory.assets.filter((asset) => asset.type === 'gcp.vertexai.reasoning-engine')).toEqual([]);
    expect(inventory.assets.map((asset) => asset.id)).toEqual(expect.arrayContaining([ids.publicEndpoint, ids.openRuntime]));
  });
});

describe('scope', () => {
  it('reads only the locations asked for, and skips one where Vertex AI is not offered', async () => {
    useEnv(env);
    const inventory = await collect({ gcpProjects: ['acme-ml'], gcpLocations: ['us-central1', 'mars-north1'] });
    expect(coverageOf(inventory, 'mars-north1')).toMatchObject({ status: 'skipped', message: 'Vertex AI is not offered in mars-north1' });
    expect(coverageOf(inventory, 'europe-west4')).toBeUndefined();
    expect(fake.requests.some((request) => request.path.includes('/europe-west4/') || request.path.includes('/mars-north1/'))).toBe(false);
    // Workbench lists every zone at once; only instances in the regions asked for are kept.
    const workbench = inventory.assets.filter((asset) => asset.type === 'gcp.workbench.instance').map((asset) => asset.id);
    expect(workbench.sort()).toEqual([ids.openWorkbench, ids.lockedWorkbench].sort());
  });

  it('scans the project of the environment when no --gcp-project is given', async () => {
    useEnv({ ...env, GOOGLE_CLOUD_PROJECT: 'acme-sandbox' });
    const inventory = await collect({});
    expect(inventory.assets.map((asset) => asset.id).sort()).toEqual([ids.sandboxEndpoint, ids.sandboxProject, ids.sandboxFloorSetting].sort());
  });

  it('asks for --gcp-project when no project can be found', async () => {
    useEnv({ ...env, GOOGLE_CLOUD_PROJECT: undefined, GCLOUD_PROJECT: undefined, GOOGLE_APPLICATION_CREDENTIALS: undefined, PATH: '' });
    await expect(collect({})).rejects.toThrow(InputError);
    expect(fake.requests).toEqual([]);
  });
});

describe('credentials', () => {
  it('finds a token, a key file or gcloud application default credentials without calling the network', () => {
    const gcloud = tempDir({ 'application_default_credentials.json': '{}' });
    const empty = tempDir();
    expect(hasGoogleCredentials({ AISPM_GCP_TOKEN: 'token', CLOUDSDK_CONFIG: empty })).toBe(true);
    expect(hasGoogleCredentials({ CLOUDSDK_CONFIG: gcloud })).toBe(true);
    expect(hasGoogleCredentials({ GOOGLE_APPLICATION_CREDENTIALS: join(gcloud, 'application_default_credentials.json'), CLOUDSDK_CONFIG: empty })).toBe(true);
    expect(hasGoogleCredentials({ GOOGLE_APPLICATION_CREDENTIALS: join(empty, 'missing.json'), CLOUDSDK_CONFIG: gcloud })).toBe(false);
    expect(hasGoogleCredentials({ CLOUDSDK_CONFIG: empty })).toBe(false);
  });

  it('stops with NoCredentialsError when there are none, before any API call', async () => {
    useEnv({ ...env, AISPM_GCP_TOKEN: undefined, GOOGLE_APPLICATION_CREDENTIALS: undefined });
    await expect(collect()).rejects.toThrow(NoCredentialsError);
    expect(fake.requests).toEqual([]);
  });

  it('stops with NoCredentialsError when the key file is unusable', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'keys'));
    writeFileSync(join(dir, 'keys', 'key.json'), '{"type":"no_such_credential_type"}');
    useEnv({ ...env, AISPM_GCP_TOKEN: undefined, GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'keys', 'key.json') });
    await expect(collect()).rejects.toThrow(/no usable Google Cloud credentials/);
  });
});

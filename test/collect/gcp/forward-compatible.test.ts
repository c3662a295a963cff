import { v1 as vertex } from '@google-cloud/aiplatform';
import { describe, expect, it } from 'vitest';
import { classifyGcpError } from '../../../src/collect/gcp/errors.js';
import { GcpEstate } from '../../../src/collect/gcp/estate.js';
import type { VertexClients } from '../../../src/collect/gcp/session.js';
import { notebookRuntimes } from '../../../src/collect/gcp/vertex/notebooks.js';
import { InventoryBuilder } from '../../../src/collect/runtime.js';
import { checkAgainstModel } from '../../fakes/gcp/api-model.js';
import { collectorContext } from './helpers.js';

/**
 * Google adds fields and enum values to its APIs before this SDK knows them. The fake serves only what
 * the published model has, so the collector's handling of newer values is tested here: a list answer
 * goes through the SDK's own REST decoding (a real client, whose transport hands back the JSON, no
 * server) and into the collector's conversion of the record.
 */

const NAME = 'projects/111111111111/locations/us-central1/notebookRuntimes/8003';

/** A runtime as a newer API version might send it: an enum number and an enum name this SDK lacks, and a field it has never seen. */
const FROM_THE_FUTURE = {
  notebookRuntimes: [
    {
      name: NAME,
      displayName: 'future-runtime',
      runtimeUser: 'carol@acme.example',
      runtimeState: 99,
      notebookRuntimeType: 'NOTEBOOK_RUNTIME_TYPE_FROM_THE_FUTURE',
      quantumSpec: { qubits: 7 },
    },
  ],
};

/** A client whose transport answers every request with `body`, as Google's REST endpoint would. */
function clientAnswering(body: unknown): vertex.NotebookServiceClient {
  const authClient = {
    universeDomain: 'googleapis.com',
    getRequestHeaders: async () => new Headers(),
    fetch: async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
  };
  return new vertex.NotebookServiceClient({ fallback: true, authClient: authClient as never });
}

describe('a record newer than the SDK', () => {
  it('is one the fake could not serve: the published model lacks its values', () => {
    expect(checkAgainstModel({ proto: 'google.cloud.aiplatform.v1.ListNotebookRuntimesResponse' }, FROM_THE_FUTURE).map((violation) => violation.at)).toEqual([
      '/notebookRuntimes/0/runtimeState',
      '/notebookRuntimes/0/notebookRuntimeType',
      '/notebookRuntimes/0/quantumSpec',
    ]);
  });

  it('becomes an asset: the unknown enum number is kept, the unknown name and field are dropped, and what is absent stays unknown', async () => {
    const client = clientAnswering(FROM_THE_FUTURE);
    const estate = new GcpEstate(new InventoryBuilder('gcp', collectorContext({ gcpProjects: ['acme-ml'] }), classifyGcpError));
    try {
      await notebookRuntimes.collect({ notebooks: client } as unknown as VertexClients, { project: 'acme-ml', location: 'us-central1', estate }, { autoPaginate: false });
    } finally {
      await client.close();
    }
    const inventory = estate.builder.result();
    expect(inventory.assets.map((asset) => [asset.id, asset.type, asset.name])).toEqual([[NAME, 'gcp.vertexai.notebook-runtime', 'future-runtime']]);
    const [runtime] = inventory.assets;
    expect(runtime!.raw).toMatchObject({ name: NAME, displayName: 'future-runtime', runtimeUser: 'carol@acme.example', runtimeState: 99 });
    expect(runtime!.raw).not.toHaveProperty('quantumSpec');
    expect(runtime!.raw).not.toMatchObject({ notebookRuntimeType: 'NOTEBOOK_RUNTIME_TYPE_FROM_THE_FUTURE' });
    // No network spec: exposure is not known, so it is not said.
    expect(runtime!.props).not.toHaveProperty('publicIp');
    expect(runtime!.props).not.toHaveProperty('internetExposed');
  });
});

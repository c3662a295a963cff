// The API versions' own modules, not the packages' entry points: those also load every other API
// version and a generated module of every message (16 MB of JavaScript for Vertex AI), which cost
// about a second of CPU per scan and are never used; the clients read their API descriptions from
// JSON. (The packages have no `exports` map; a test builds a scan through these paths.)
import * as vertex from '@google-cloud/aiplatform/build/src/v1/index.js';
import { ApiKeysClient } from '@google-cloud/apikeys/build/src/v2/index.js';
import { KeyManagementServiceClient } from '@google-cloud/kms/build/src/v1/index.js';
import { ModelArmorClient } from '@google-cloud/modelarmor/build/src/v1/index.js';
import { ServiceUsageClient } from '@google-cloud/service-usage/build/src/v1/index.js';
import { FoldersClient, OrganizationsClient, ProjectsClient } from '@google-cloud/resource-manager/build/src/v3/index.js';
import * as gax from 'google-gax';
import type { ClientOptions, GaxClients, VertexClients } from './session.js';

/**
 * The official gax clients of a scan. Loaded by session.ts (`openSession`) once each project's first
 * call is answered. The Vertex AI clients, which every project needs, are built at once, outside any call's
 * deadline (RAG Engine's and Vector Search indexes' when first used); Resource Manager's folders and organizations, Cloud KMS, API Keys, Service Usage and
 * Model Armor when first used (a project without a folder, or without customer-managed keys, never
 * needs those two).
 */

type ProtoRoot = ReturnType<gax.fallback.GrpcClient['loadProtoJSON']>;
const protoRoots = new WeakMap<object, ProtoRoot>();

/**
 * gax keeps one protobuf root per API description, but finds it again by hashing the whole
 * description (JSON.stringify and a hash of several megabytes for Vertex AI) in every client it
 * builds: about 0.3 s of CPU per client. Every client of one library loads the same description
 * object, so the root is found by that object instead. Passed to the clients through their documented
 * `gaxInstance` argument.
 */
class GrpcClientSharingRoots extends gax.fallback.GrpcClient {
  override loadProtoJSON(json: Parameters<gax.fallback.GrpcClient['loadProtoJSON']>[0], ignoreCache = false): ProtoRoot {
    const known = ignoreCache ? undefined : protoRoots.get(json);
    if (known) return known;
    const root = super.loadProtoJSON(json, ignoreCache);
    protoRoots.set(json, root);
    return root;
  }
}

const GAX_SHARING_ROOTS = { ...gax, fallback: { ...gax.fallback, GrpcClient: GrpcClientSharingRoots } } as unknown as typeof gax;

/** An object whose properties are built on first read, with the list of those built so far. */
function builtOnFirstUse<T extends object>(builders: { [K in keyof T]: () => T[K] }, built: Array<{ close(): Promise<void> }>): T {
  const record = {} as T;
  for (const key of Object.keys(builders) as Array<keyof T>) {
    let value: T[keyof T] | undefined;
    Object.defineProperty(record, key, {
      enumerable: true,
      get: () => {
        if (value === undefined) {
          value = builders[key]();
          built.push(value as { close(): Promise<void> });
        }
        return value;
      },
    });
  }
  return record;
}

export function gaxClients(connection: ClientOptions): GaxClients {
  const built: Array<{ close(): Promise<void> }> = [];
  // RAG Engine and Vector Search indexes are newer than the other Vertex AI services: built on first use.
  const lateVertex = builtOnFirstUse<Pick<VertexClients, 'ragData' | 'indexes'>>(
    {
      ragData: () => new vertex.VertexRagDataServiceClient(connection, GAX_SHARING_ROOTS),
      indexes: () => new vertex.IndexServiceClient(connection, GAX_SHARING_ROOTS),
    },
    built,
  );
  const eagerVertex: Omit<VertexClients, 'ragData' | 'indexes'> = {
    endpoints: new vertex.EndpointServiceClient(connection, GAX_SHARING_ROOTS),
    models: new vertex.ModelServiceClient(connection, GAX_SHARING_ROOTS),
    datasets: new vertex.DatasetServiceClient(connection, GAX_SHARING_ROOTS),
    jobs: new vertex.JobServiceClient(connection, GAX_SHARING_ROOTS),
    pipelines: new vertex.PipelineServiceClient(connection, GAX_SHARING_ROOTS),
    notebooks: new vertex.NotebookServiceClient(connection, GAX_SHARING_ROOTS),
    featureOnlineStores: new vertex.FeatureOnlineStoreAdminServiceClient(connection, GAX_SHARING_ROOTS),
    indexEndpoints: new vertex.IndexEndpointServiceClient(connection, GAX_SHARING_ROOTS),
    reasoningEngines: new vertex.ReasoningEngineServiceClient(connection, GAX_SHARING_ROOTS),
    tensorboards: new vertex.TensorboardServiceClient(connection, GAX_SHARING_ROOTS),
    metadata: new vertex.MetadataServiceClient(connection, GAX_SHARING_ROOTS),
  };
  built.push(...Object.values(eagerVertex));
  const vertexClients = Object.defineProperties(eagerVertex, Object.getOwnPropertyDescriptors(lateVertex)) as VertexClients;
  const others = builtOnFirstUse<Omit<GaxClients, 'vertex' | 'close'>>(
    {
      projects: () => new ProjectsClient(connection, GAX_SHARING_ROOTS),
      folders: () => new FoldersClient(connection, GAX_SHARING_ROOTS),
      organizations: () => new OrganizationsClient(connection, GAX_SHARING_ROOTS),
      keys: () => new KeyManagementServiceClient(connection, GAX_SHARING_ROOTS),
      apiKeys: () => new ApiKeysClient(connection, GAX_SHARING_ROOTS),
      serviceUsage: () => new ServiceUsageClient(connection, GAX_SHARING_ROOTS),
      modelArmor: () => new ModelArmorClient(connection, GAX_SHARING_ROOTS),
    },
    built,
  );
  const clients = Object.defineProperties({ vertex: vertexClients }, Object.getOwnPropertyDescriptors(others)) as Omit<GaxClients, 'close'>;
  return Object.assign(clients, { close: async () => void (await Promise.all(built.map((client) => client.close()))) });
}

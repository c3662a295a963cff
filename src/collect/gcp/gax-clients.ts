// The API versions' own modules, not the packages' entry points: those also load every other API
// version and a generated module of every message (16 MB of JavaScript for Vertex AI), which cost
// about a second of CPU per scan and are never used; the clients read their API descriptions from
// JSON. For Vertex AI, only the services' modules the scan calls: its v1 index loads all 34 (8.5 MB).
// (The packages have no `exports` map; a test builds a scan through these paths.)
import { DatasetServiceClient } from '@google-cloud/aiplatform/build/src/v1/dataset_service_client.js';
import { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client.js';
import { FeatureOnlineStoreAdminServiceClient } from '@google-cloud/aiplatform/build/src/v1/feature_online_store_admin_service_client.js';
import { IndexEndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/index_endpoint_service_client.js';
import { IndexServiceClient } from '@google-cloud/aiplatform/build/src/v1/index_service_client.js';
import { JobServiceClient } from '@google-cloud/aiplatform/build/src/v1/job_service_client.js';
import { MetadataServiceClient } from '@google-cloud/aiplatform/build/src/v1/metadata_service_client.js';
import { ModelServiceClient } from '@google-cloud/aiplatform/build/src/v1/model_service_client.js';
import { NotebookServiceClient } from '@google-cloud/aiplatform/build/src/v1/notebook_service_client.js';
import { PipelineServiceClient } from '@google-cloud/aiplatform/build/src/v1/pipeline_service_client.js';
import { ReasoningEngineServiceClient } from '@google-cloud/aiplatform/build/src/v1/reasoning_engine_service_client.js';
import { TensorboardServiceClient } from '@google-cloud/aiplatform/build/src/v1/tensorboard_service_client.js';
import { VertexRagDataServiceClient } from '@google-cloud/aiplatform/build/src/v1/vertex_rag_data_service_client.js';
import { ApiKeysClient } from '@google-cloud/apikeys/build/src/v2/index.js';
import { KeyManagementServiceClient } from '@google-cloud/kms/build/src/v1/index.js';
import { ModelArmorClient } from '@google-cloud/modelarmor/build/src/v1/index.js';
import { ServiceUsageClient } from '@google-cloud/service-usage/build/src/v1/index.js';
import { FoldersClient, OrganizationsClient, ProjectsClient } from '@google-cloud/resource-manager/build/src/v3/index.js';
import * as gax from 'google-gax';
import { reachableFromServices, type ProtoNode } from './proto-reach.js';
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

type ProtoJson = Parameters<typeof gax.protobufFromJSON>[0];

/**
 * The Vertex AI services a scan builds clients for, each with its client: the one place that says
 * which part of Vertex AI's API description the scan needs (see proto-reach.ts).
 */
type VertexClientClass<T> = new (options: ClientOptions, gaxInstance: typeof gax) => T;
const VERTEX_SERVICES: { readonly [K in keyof VertexClients]: readonly [service: string, client: VertexClientClass<VertexClients[K]>] } = {
  endpoints: ['EndpointService', EndpointServiceClient],
  models: ['ModelService', ModelServiceClient],
  datasets: ['DatasetService', DatasetServiceClient],
  jobs: ['JobService', JobServiceClient],
  pipelines: ['PipelineService', PipelineServiceClient],
  notebooks: ['NotebookService', NotebookServiceClient],
  featureOnlineStores: ['FeatureOnlineStoreAdminService', FeatureOnlineStoreAdminServiceClient],
  indexEndpoints: ['IndexEndpointService', IndexEndpointServiceClient],
  reasoningEngines: ['ReasoningEngineService', ReasoningEngineServiceClient],
  tensorboards: ['TensorboardService', TensorboardServiceClient],
  metadata: ['MetadataService', MetadataServiceClient],
  ragData: ['VertexRagDataService', VertexRagDataServiceClient],
  indexes: ['IndexService', IndexServiceClient],
};

/** RAG Engine and Vector Search indexes are newer than the other Vertex AI services: built on first use. */
const LATE_VERTEX = ['ragData', 'indexes'] as const;
type LateVertex = (typeof LATE_VERTEX)[number];

const VERTEX_PACKAGE = ['google', 'cloud', 'aiplatform', 'v1'];

/**
 * Vertex AI's description cut to what the scan's services reach (proto-reach.ts): a third of its
 * types. Other descriptions, and one the cut cannot place, pass whole; the original is not touched.
 */
function forTheScan(json: ProtoJson): ProtoJson {
  const names = Object.values(VERTEX_SERVICES).map(([service]) => service);
  if ((json as ProtoNode).nested?.google?.nested?.cloud?.nested?.aiplatform === undefined) return json;
  return (reachableFromServices(json as ProtoNode, VERTEX_PACKAGE, names) ?? json) as ProtoJson;
}

/** The protobuf root of an API description, built once per description object. */
function sharedRoot(json: ProtoJson, ignoreCache: boolean): ProtoRoot {
  const known = ignoreCache ? undefined : protoRoots.get(json);
  if (known) return known;
  const root = gax.protobuf.Root.fromJSON(forTheScan(json));
  protoRoots.set(json, root);
  return root;
}

/**
 * gax keeps one protobuf root per API description, but finds it again by hashing the whole
 * description (JSON.stringify and a hash of several megabytes for Vertex AI) in every client it
 * builds: about 0.3 s of CPU per client. Worse, building a client writes into the description object
 * (the operations client sets its HTTP rules in it), so the next client's hash differs and gax builds
 * the root again (measured: roots built twenty times, 3 s of CPU, in a scan of two projects). Every client of one library loads the
 * same description object, so the root is found by that object instead, on both of the ways a client
 * asks for it (its GrpcClient's `loadProtoJSON` and the module's `protobufFromJSON`). Passed to the
 * clients through their documented `gaxInstance` argument.
 */
class GrpcClientSharingRoots extends gax.fallback.GrpcClient {
  override loadProtoJSON(json: Parameters<gax.fallback.GrpcClient['loadProtoJSON']>[0], ignoreCache = false): ProtoRoot {
    return sharedRoot(json, ignoreCache);
  }
}

const protobufFromJSON: typeof gax.protobufFromJSON = (json, ignoreCache = false) =>
  sharedRoot(json, ignoreCache);

const GAX_SHARING_ROOTS = {
  ...gax,
  protobufFromJSON,
  fallback: { ...gax.fallback, GrpcClient: GrpcClientSharingRoots, protobufFromJSON },
} as unknown as typeof gax;

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
  const vertexClient = <K extends keyof VertexClients>(key: K): VertexClients[K] => {
    const [, Client] = VERTEX_SERVICES[key];
    return new Client(connection, GAX_SHARING_ROOTS);
  };
  const lateVertex = builtOnFirstUse<Pick<VertexClients, LateVertex>>({ ragData: () => vertexClient('ragData'), indexes: () => vertexClient('indexes') }, built);
  const eagerKeys = (Object.keys(VERTEX_SERVICES) as Array<keyof VertexClients>).filter((key): key is Exclude<keyof VertexClients, LateVertex> => !(LATE_VERTEX as readonly string[]).includes(key));
  const eagerVertex = Object.fromEntries(eagerKeys.map((key) => [key, vertexClient(key)])) as Omit<VertexClients, LateVertex>;
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

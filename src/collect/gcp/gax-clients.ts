// The API versions' own modules, not the packages' entry points: those also load every other API
// version and a generated module of every message (16 MB of JavaScript for Vertex AI), which cost
// about a second of CPU per scan and are never used; the clients read their API descriptions from
// JSON. For Vertex AI, only the services' modules the scan calls: its v1 index loads all 34 (8.5 MB).
// (The packages have no `exports` map; a test builds a scan through these paths.)
//
// They are CommonJS, loaded with require(), each when its first client is built: an ESM import of
// a CommonJS module makes Node scan its source for export names first (cjs-module-lexer), about
// 90 ms of CPU for these modules on every Google Cloud scan (bench/live.mjs), and a static import
// would load the clients a scan never builds (KMS without customer-managed keys, folders...). Both
// the bundle (its banner) and the tests (vitest) give ES modules a require().
import type * as Gax from 'google-gax';
import { nextTurn } from '../../slices.js';
import { reachableFromServices, type ProtoNode } from './proto-reach.js';
import type { ClientOptions, GaxClients, VertexClients } from './session.js';

/**
 * The official gax clients of a scan. Loaded by session.ts (`openSession`) once each project's first
 * call is answered. Each client is built when first used, its library loaded then; those every
 * project needs (Service Usage, Resource Manager's projects, the Vertex AI services but RAG Engine's
 * and Vector Search indexes') are also built one per turn of the event loop as soon as the session
 * opens (`warmUp`), while the projects' first calls are in flight. Folders, organizations, Cloud KMS,
 * API Keys and Model Armor wait for their first use (a project without a folder, or without
 * customer-managed keys, never needs those).
 */

const gax = require('google-gax') as typeof Gax;

type ProtoRoot = ReturnType<Gax.fallback.GrpcClient['loadProtoJSON']>;
const protoRoots = new WeakMap<object, ProtoRoot>();

type ProtoJson = Parameters<typeof Gax.protobufFromJSON>[0];

/**
 * The Vertex AI services a scan builds clients for, each with its client's module: the one place
 * that says which part of Vertex AI's API description the scan needs (see proto-reach.ts).
 */
type VertexClientClass<T> = new (options: ClientOptions, gaxInstance: typeof Gax) => T;
const VERTEX_SERVICES: { readonly [K in keyof VertexClients]: readonly [service: string, load: () => VertexClientClass<VertexClients[K]>] } = {
  endpoints: ['EndpointService', () => (require('@google-cloud/aiplatform/build/src/v1/endpoint_service_client.js') as typeof import('@google-cloud/aiplatform/build/src/v1/endpoint_service_client.js')).EndpointServiceClient],
  models: ['ModelService', () => (require('@google-cloud/aiplatform/build/src/v1/model_service_client.js') as typeof import('@google-cloud/aiplatform/build/src/v1/model_service_client.js')).ModelServiceClient],
  datasets: ['DatasetService', () => (require('@google-cloud/aiplatform/build/src/v1/dataset_service_client.js') as typeof import('@google-cloud/aiplatform/build/src/v1/dataset_service_client.js')).DatasetServiceClient],
  jobs: ['JobService', () => (require('@google-cloud/aiplatform/build/src/v1/job_service_client.js') as typeof import('@google-cloud/aiplatform/build/src/v1/job_service_client.js')).JobServiceClient],
  pipelines: ['PipelineService', () => (require('@google-cloud/aiplatform/build/src/v1/pipeline_service_client.js') as typeof import('@google-cloud/aiplatform/build/src/v1/pipeline_service_client.js')).PipelineServiceClient],
  notebooks: ['NotebookService', () => (require('@google-cloud/aiplatform/build/src/v1/notebook_service_client.js') as typeof import('@google-cloud/aiplatform/build/src/v1/notebook_service_client.js')).NotebookServiceClient],
  featureOnlineStores: ['FeatureOnlineStoreAdminService', () => (require('@google-cloud/aiplatform/build/src/v1/feature_online_store_admin_service_client.js') as typeof import('@google-cloud/aiplatform/build/src/v1/feature_online_store_admin_service_client.js')).FeatureOnlineStoreAdminServiceClient],
  indexEndpoints: ['IndexEndpointService', () => (require('@google-cloud/aiplatform/build/src/v1/index_endpoint_service_client.js') as typeof import('@google-cloud/aiplatform/build/src/v1/index_endpoint_service_client.js')).IndexEndpointServiceClient],
  reasoningEngines: ['ReasoningEngineService', () => (require('@google-cloud/aiplatform/build/src/v1/reasoning_engine_service_client.js') as typeof import('@google-cloud/aiplatform/build/src/v1/reasoning_engine_service_client.js')).ReasoningEngineServiceClient],
  tensorboards: ['TensorboardService', () => (require('@google-cloud/aiplatform/build/src/v1/tensorboard_service_client.js') as typeof import('@google-cloud/aiplatform/build/src/v1/tensorboard_service_client.js')).TensorboardServiceClient],
  metadata: ['MetadataService', () => (require('@google-cloud/aiplatform/build/src/v1/metadata_service_client.js') as typeof import('@google-cloud/aiplatform/build/src/v1/metadata_service_client.js')).MetadataServiceClient],
  ragData: ['VertexRagDataService', () => (require('@google-cloud/aiplatform/build/src/v1/vertex_rag_data_service_client.js') as typeof import('@google-cloud/aiplatform/build/src/v1/vertex_rag_data_service_client.js')).VertexRagDataServiceClient],
  indexes: ['IndexService', () => (require('@google-cloud/aiplatform/build/src/v1/index_service_client.js') as typeof import('@google-cloud/aiplatform/build/src/v1/index_service_client.js')).IndexServiceClient],
};

/** RAG Engine and Vector Search indexes are newer than the other Vertex AI services: built on first use only. */
const LATE_VERTEX = ['ragData', 'indexes'] as const;

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
  override loadProtoJSON(json: Parameters<Gax.fallback.GrpcClient['loadProtoJSON']>[0], ignoreCache = false): ProtoRoot {
    return sharedRoot(json, ignoreCache);
  }
}

const protobufFromJSON: typeof Gax.protobufFromJSON = (json, ignoreCache = false) =>
  sharedRoot(json, ignoreCache);

const GAX_SHARING_ROOTS = {
  ...gax,
  protobufFromJSON,
  fallback: { ...gax.fallback, GrpcClient: GrpcClientSharingRoots, protobufFromJSON },
} as unknown as typeof Gax;

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

/** The Vertex AI services every project reads, which the warm-up builds (`GaxClients.warmUp`). */
const EVERY_PROJECT_VERTEX = (Object.keys(VERTEX_SERVICES) as Array<keyof VertexClients>).filter((key) => !(LATE_VERTEX as readonly string[]).includes(key));

export function gaxClients(connection: ClientOptions): GaxClients {
  const built: Array<{ close(): Promise<void> }> = [];
  const vertexClient = <K extends keyof VertexClients>(key: K): VertexClients[K] => {
    const [, load] = VERTEX_SERVICES[key];
    return new (load())(connection, GAX_SHARING_ROOTS);
  };
  const vertexBuilders = Object.fromEntries((Object.keys(VERTEX_SERVICES) as Array<keyof VertexClients>).map((key) => [key, () => vertexClient(key)])) as { [K in keyof VertexClients]: () => VertexClients[K] };
  const vertex = builtOnFirstUse<VertexClients>(vertexBuilders, built);
  const others = builtOnFirstUse<Omit<GaxClients, 'vertex' | 'close' | 'warmUp'>>(
    {
      projects: () => new (require('@google-cloud/resource-manager/build/src/v3/index.js') as typeof import('@google-cloud/resource-manager/build/src/v3/index.js')).ProjectsClient(connection, GAX_SHARING_ROOTS),
      folders: () => new (require('@google-cloud/resource-manager/build/src/v3/index.js') as typeof import('@google-cloud/resource-manager/build/src/v3/index.js')).FoldersClient(connection, GAX_SHARING_ROOTS),
      organizations: () => new (require('@google-cloud/resource-manager/build/src/v3/index.js') as typeof import('@google-cloud/resource-manager/build/src/v3/index.js')).OrganizationsClient(connection, GAX_SHARING_ROOTS),
      keys: () => new (require('@google-cloud/kms/build/src/v1/index.js') as typeof import('@google-cloud/kms/build/src/v1/index.js')).KeyManagementServiceClient(connection, GAX_SHARING_ROOTS),
      apiKeys: () => new (require('@google-cloud/apikeys/build/src/v2/index.js') as typeof import('@google-cloud/apikeys/build/src/v2/index.js')).ApiKeysClient(connection, GAX_SHARING_ROOTS),
      serviceUsage: () => new (require('@google-cloud/service-usage/build/src/v1/index.js') as typeof import('@google-cloud/service-usage/build/src/v1/index.js')).ServiceUsageClient(connection, GAX_SHARING_ROOTS),
      modelArmor: () => new (require('@google-cloud/modelarmor/build/src/v1/index.js') as typeof import('@google-cloud/modelarmor/build/src/v1/index.js')).ModelArmorClient(connection, GAX_SHARING_ROOTS),
    },
    built,
  );
  let closed = false;
  let warming: Promise<void> = Promise.resolve();
  const clients = Object.defineProperties({ vertex }, Object.getOwnPropertyDescriptors(others)) as Omit<GaxClients, 'close' | 'warmUp'>;
  return Object.assign(clients, {
    // The clients every project reads with, in the order it first needs them, one per turn of the
    // event loop: each costs tens of milliseconds of CPU, and the answers to the calls in flight are
    // taken between them rather than after all of them. One that fails to build is left to its first
    // use, which reports it as that call's coverage gap.
    warmUp() {
      const builds: Array<() => unknown> = [() => clients.serviceUsage, () => clients.projects, ...EVERY_PROJECT_VERTEX.map((key) => () => vertex[key])];
      warming = (async () => {
        for (const build of builds) {
          await nextTurn();
          if (closed) return;
          try {
            build();
          } catch {
            // Built again, and reported, on first use.
          }
        }
      })();
    },
    close: async () => {
      closed = true;
      await warming;
      await Promise.all(built.map((client) => client.close()));
    },
  });
}

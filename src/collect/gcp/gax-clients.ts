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

type ProtoJson = Parameters<typeof gax.protobufFromJSON>[0];
interface ProtoNamespace {
  nested?: Record<string, ProtoNamespace>;
}

/**
 * The Vertex AI description without the API versions the scan does not call. Its one file describes
 * v1 and v1beta1, and protobufjs resolves every type of a root when it builds it (a constructor generated
 * for each message), so v1beta1 doubled the cost of the one root a Google Cloud scan builds. Nothing
 * of v1 refers to v1beta1. Other descriptions pass unchanged; the original object is not touched.
 */
function withoutUnusedVersions(json: ProtoJson): ProtoJson {
  const google = (json as ProtoNamespace).nested?.google;
  const cloud = google?.nested?.cloud;
  const vertexVersions = cloud?.nested?.aiplatform?.nested;
  if (!google || !cloud || !vertexVersions?.v1 || Object.keys(vertexVersions).length === 1) return json;
  const aiplatform = { ...cloud.nested!.aiplatform, nested: { v1: vertexVersions.v1 } };
  return { ...json, nested: { ...(json as ProtoNamespace).nested, google: { ...google, nested: { ...google.nested, cloud: { ...cloud, nested: { ...cloud.nested, aiplatform } } } } } };
}

/** The protobuf root of an API description, built once per description object. */
function sharedRoot(json: ProtoJson, ignoreCache: boolean): ProtoRoot {
  const known = ignoreCache ? undefined : protoRoots.get(json);
  if (known) return known;
  const root = gax.protobuf.Root.fromJSON(withoutUnusedVersions(json));
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

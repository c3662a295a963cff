import type { protos } from '@google-cloud/aiplatform';
import { cmekOf, enumName, type Where } from '../estate.js';
import { valueToJson } from '../proto-json.js';
import { vertexCollection } from './collection.js';

type FeatureOnlineStore = protos.google.cloud.aiplatform.v1.IFeatureOnlineStore;
type IndexEndpoint = protos.google.cloud.aiplatform.v1.IIndexEndpoint;
type Index = protos.google.cloud.aiplatform.v1.IIndex;

/** Feature Store online stores: served on a public domain unless Private Service Connect is on. */
export const featureOnlineStores = vertexCollection({
  operation: 'ListFeatureOnlineStores',
  list: (vertex, request, options) => vertex.featureOnlineStores.listFeatureOnlineStoresAsync(request, options),
  describe: describeFeatureOnlineStore,
});

/** Vector Search index endpoints: public, Private Service Connect or VPC peering. */
export const indexEndpoints = vertexCollection({
  operation: 'ListIndexEndpoints',
  list: (vertex, request, options) => vertex.indexEndpoints.listIndexEndpointsAsync(request, options),
  describe: describeIndexEndpoint,
});

/** Vector Search indexes: CMEK, how they are updated, and the Cloud Storage folder their embeddings come from. */
export const indexes = vertexCollection({
  operation: 'ListIndexes',
  list: (vertex, request, options) => vertex.indexes.listIndexesAsync(request, options),
  describe: describeIndex,
});

function describeIndex(index: Index, where: Where): void {
  const { estate, project } = where;
  // The metadata schema of Vector Search indexes keeps the embeddings' folder in contentsDeltaUri
  // (https://cloud.google.com/vertex-ai/docs/vector-search/configuring-indexes).
  const metadata = valueToJson(index.metadata) as { contentsDeltaUri?: unknown } | undefined;
  const contentsDeltaUri = typeof metadata?.contentsDeltaUri === 'string' ? metadata.contentsDeltaUri : null;
  // "If not set, BATCH_UPDATE will be used by default" (index.proto).
  const updateMethod = enumName(index.indexUpdateMethod as string | number | null | undefined) ?? 'BATCH_UPDATE';
  const id = estate.addVertexAsset(index, 'gcp.vertexai.index', where, {
    ...cmekOf(index),
    updateMethod,
    streamUpdate: updateMethod === 'STREAM_UPDATE',
    contentsDeltaUri,
    deployedIndexes: (index.deployedIndexes ?? []).length,
    sensitiveData: true,
  });
  estate.usesBucket(id, 'reads-data', contentsDeltaUri, project);
}

function describeFeatureOnlineStore(store: FeatureOnlineStore, where: Where): void {
  // Bigtable stores are served through the regional Vertex AI API; optimized ones on a dedicated public domain.
  const networkType = store.dedicatedServingEndpoint?.privateServiceConnectConfig?.enablePrivateServiceConnect ? 'private-service-connect' : 'public';
  where.estate.addVertexAsset(store, 'gcp.vertexai.feature-online-store', where, {
    networkType,
    internetExposed: networkType === 'public',
    storageType: store.bigtable ? 'bigtable' : store.optimized ? 'optimized' : null,
    ...cmekOf(store),
  });
}

function describeIndexEndpoint(endpoint: IndexEndpoint, where: Where): void {
  const networkType = indexEndpointNetworkType(endpoint);
  const id = where.estate.addVertexAsset(endpoint, 'gcp.vertexai.index-endpoint', where, {
    networkType,
    ...(networkType !== null ? { internetExposed: networkType === 'public' } : {}),
    ...cmekOf(endpoint),
    deployedIndexes: (endpoint.deployedIndexes ?? []).length,
  });
  for (const deployed of endpoint.deployedIndexes ?? []) where.estate.addEdge(id, 'deploys', deployed.index);
}

function indexEndpointNetworkType(endpoint: IndexEndpoint): string | null {
  if (endpoint.publicEndpointEnabled) return 'public';
  if (endpoint.privateServiceConnectConfig?.enablePrivateServiceConnect || endpoint.enablePrivateServiceConnect) return 'private-service-connect';
  if (endpoint.network) return 'vpc-peering';
  return null;
}

import type { protos } from '@google-cloud/aiplatform';
import { cmekOf, type Where } from '../estate.js';
import { vertexCollection } from './collection.js';

type FeatureOnlineStore = protos.google.cloud.aiplatform.v1.IFeatureOnlineStore;
type IndexEndpoint = protos.google.cloud.aiplatform.v1.IIndexEndpoint;

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
  where.estate.addVertexAsset(endpoint, 'gcp.vertexai.index-endpoint', where, {
    networkType,
    ...(networkType !== null ? { internetExposed: networkType === 'public' } : {}),
    ...cmekOf(endpoint),
    deployedIndexes: (endpoint.deployedIndexes ?? []).length,
  });
}

function indexEndpointNetworkType(endpoint: IndexEndpoint): string | null {
  if (endpoint.publicEndpointEnabled) return 'public';
  if (endpoint.privateServiceConnectConfig?.enablePrivateServiceConnect || endpoint.enablePrivateServiceConnect) return 'private-service-connect';
  if (endpoint.network) return 'vpc-peering';
  return null;
}

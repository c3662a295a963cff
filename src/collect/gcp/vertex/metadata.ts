import type { protos } from '@google-cloud/aiplatform';
import { cmekOf, type Where } from '../estate.js';
import { vertexCollection } from './collection.js';

type Tensorboard = protos.google.cloud.aiplatform.v1.ITensorboard;
type MetadataStore = protos.google.cloud.aiplatform.v1.IMetadataStore;

/**
 * Experiment tracking: Vertex AI TensorBoard instances (training metrics, graphs, profiles) and the
 * ML Metadata stores (lineage of artifacts, executions and runs). Both hold what training saw and
 * produced; the question asked of them is the key that encrypts them.
 */
export const tensorboards = vertexCollection({
  operation: 'ListTensorboards',
  list: (vertex, request, options) => vertex.tensorboards.listTensorboardsAsync(request, options),
  describe: (board: Tensorboard, where: Where) => {
    where.estate.addVertexAsset(board, 'gcp.vertexai.tensorboard', where, { ...cmekOf(board), isDefault: board.isDefault === true });
  },
});

export const metadataStores = vertexCollection({
  operation: 'ListMetadataStores',
  list: (vertex, request, options) => vertex.metadata.listMetadataStoresAsync(request, options),
  describe: (store: MetadataStore, where: Where) => {
    where.estate.addVertexAsset(store, 'gcp.vertexai.metadata-store', where, cmekOf(store));
  },
});

import type { protos } from '@google-cloud/aiplatform';
import { cmekOf, type Where } from '../estate.js';
import { valueToJson } from '../proto-json.js';
import { vertexCollection } from './collection.js';

type Dataset = protos.google.cloud.aiplatform.v1.IDataset;

/** Managed datasets: training data, with the Cloud Storage files they were imported from. */
export const datasets = vertexCollection({
  operation: 'ListDatasets',
  list: (vertex, request, options) => vertex.datasets.listDatasetsAsync(request, options),
  describe: describeDataset,
});

function describeDataset(dataset: Dataset, where: Where): void {
  const { estate, project } = where;
  const sourceUris = cloudStorageSources(dataset);
  const id = estate.addVertexAsset(dataset, 'gcp.vertexai.dataset', where, {
    ...cmekOf(dataset),
    sensitiveData: true,
    sourceUris,
  });
  const buckets = (sourceUris ?? []).map((uri) => estate.usesBucket(id, 'reads-data', uri, project)).filter((bucket) => bucket !== undefined);
  estate.datasetBuckets.set(id, buckets);
}

/**
 * Tabular and time-series datasets keep their source in metadata.inputConfig (gcsSource.uri, one
 * URI or a list); other datasets hold imported items and name no source (null).
 */
function cloudStorageSources(dataset: Dataset): string[] | null {
  const metadata = valueToJson(dataset.metadata) as { inputConfig?: { gcsSource?: { uri?: unknown } } } | undefined;
  if (!metadata?.inputConfig) return null;
  const uris = metadata.inputConfig.gcsSource?.uri;
  return (Array.isArray(uris) ? uris : [uris]).filter((uri): uri is string => typeof uri === 'string' && uri.startsWith('gs://'));
}

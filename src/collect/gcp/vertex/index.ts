import type { VertexCollection } from './collection.js';
import { datasets } from './datasets.js';
import { endpoints } from './endpoints.js';
import { metadataStores, tensorboards } from './metadata.js';
import { models } from './models.js';
import { modelMonitoringJobs } from './monitoring.js';
import { notebookRuntimes, notebookRuntimeTemplates } from './notebooks.js';
import { reasoningEngines } from './reasoning-engines.js';
import { ragCorpora } from './rag.js';
import { featureOnlineStores, indexEndpoints, indexes } from './serving.js';
import { customJobs, trainingPipelines } from './training.js';

/** Every Vertex AI collection the collector reads, in every project and location. */
export const VERTEX_COLLECTIONS: readonly VertexCollection[] = [
  endpoints,
  models,
  datasets,
  customJobs,
  trainingPipelines,
  notebookRuntimes,
  notebookRuntimeTemplates,
  modelMonitoringJobs,
  featureOnlineStores,
  indexEndpoints,
  reasoningEngines,
  tensorboards,
  metadataStores,
  ragCorpora,
  indexes,
];

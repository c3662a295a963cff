import type { protos } from '@google-cloud/aiplatform';
import { cmekOf, enumName, withoutVersion, type Where } from '../estate.js';
import { valueToJson } from '../proto-json.js';
import { vertexCollection } from './collection.js';

type CustomJob = protos.google.cloud.aiplatform.v1.ICustomJob;
type TrainingPipeline = protos.google.cloud.aiplatform.v1.ITrainingPipeline;

/** The parts of a CustomJobSpec that decide where training runs, as whom, and where it writes. */
interface TrainingSpec {
  network?: string | null;
  pscInterfaceConfig?: { networkAttachment?: string | null } | null;
  enableWebAccess?: boolean | null;
  serviceAccount?: string | null;
  baseOutputDirectory?: { outputUriPrefix?: string | null } | null;
}

/** Custom training jobs; their worker environments stay in `raw` for the secret scan. */
export const customJobs = vertexCollection({
  operation: 'ListCustomJobs',
  list: (vertex, request, options) => vertex.jobs.listCustomJobsAsync(request, options),
  describe: describeCustomJob,
});

/** Training pipelines: they link a model to the dataset it was trained on. */
export const trainingPipelines = vertexCollection({
  operation: 'ListTrainingPipelines',
  list: (vertex, request, options) => vertex.pipelines.listTrainingPipelinesAsync(request, options),
  describe: describeTrainingPipeline,
});

function describeCustomJob(job: CustomJob, where: Where): void {
  const id = job.name ?? '';
  // Without a jobSpec nothing is known about network, identity or outputs.
  const spec = job.jobSpec ? describeTrainingSpec(id, job.jobSpec, where) : {};
  where.estate.addVertexAsset(job, 'gcp.vertexai.custom-job', where, {
    ...spec,
    ...cmekOf(job),
    ...(job.jobSpec ? { outputUri: job.jobSpec.baseOutputDirectory?.outputUriPrefix || null } : {}),
  });
}

function describeTrainingPipeline(pipeline: TrainingPipeline, where: Where): void {
  const { estate, project } = where;
  const id = pipeline.name ?? '';
  const trainingTask = pipeline.trainingTaskDefinition || null;
  // Custom training takes a CustomJobSpec as its task inputs; AutoML tasks run on Google's side.
  const customSpec = /custom_task/.test(trainingTask ?? '') ? (camelCaseKeys(valueToJson(pipeline.trainingTaskInputs)) as TrainingSpec | undefined) : undefined;
  const spec = customSpec ? describeTrainingSpec(id, customSpec, where) : {};
  estate.addVertexAsset(pipeline, 'gcp.vertexai.training-pipeline', where, {
    ...spec,
    trainingTask,
    state: enumName(pipeline.state),
    ...cmekOf(pipeline),
  });
  const input = pipeline.inputDataConfig;
  if (input?.datasetId) {
    const dataset = `${id.slice(0, id.lastIndexOf('/trainingPipelines/'))}/datasets/${input.datasetId}`;
    estate.addEdge(id, 'reads-data', dataset);
    estate.pipelineDatasets.set(id, dataset);
  }
  estate.usesBucket(id, 'writes-data', input?.gcsDestination?.outputUriPrefix, project);
  estate.usesBucket(id, 'writes-data', pipeline.modelToUpload?.artifactUri, project);
  const model = withoutVersion(pipeline.modelToUpload?.name);
  if (model) estate.modelPipelines.set(model, id);
}

/** Props and edges from a CustomJobSpec (a custom job's, or a custom training pipeline's inputs). */
function describeTrainingSpec(id: string, spec: TrainingSpec, where: Where): Record<string, unknown> {
  const network = spec.network || null;
  where.estate.usesServiceAccount(id, where.project, spec.serviceAccount);
  where.estate.usesBucket(id, 'writes-data', spec.baseOutputDirectory?.outputUriPrefix, where.project);
  return {
    network,
    networkIsolated: Boolean(network || spec.pscInterfaceConfig?.networkAttachment),
    webAccess: spec.enableWebAccess === true,
    serviceAccount: spec.serviceAccount || null,
  };
}

/** Task inputs are a free-form Struct: clients write CustomJobSpec keys in snake_case or camelCase. */
function camelCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCaseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()), camelCaseKeys(child)]));
}

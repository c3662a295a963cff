import type { protos } from '@google-cloud/aiplatform';
import { enumName, type Where } from '../estate.js';
import { vertexCollection } from './collection.js';

type MonitoringJob = protos.google.cloud.aiplatform.v1.IModelDeploymentMonitoringJob;

/** Model deployment monitoring jobs: which endpoint they watch, for drift and for skew. */
export const modelMonitoringJobs = vertexCollection({
  operation: 'ListModelDeploymentMonitoringJobs',
  list: (vertex, request, options) => vertex.jobs.listModelDeploymentMonitoringJobsAsync(request, options),
  describe: describeMonitoringJob,
});

function describeMonitoringJob(job: MonitoringJob, where: Where): void {
  const { estate } = where;
  const objectives = (job.modelDeploymentMonitoringObjectiveConfigs ?? []).map((config) => config.objectiveConfig);
  const id = estate.addVertexAsset(job, 'gcp.vertexai.model-monitoring-job', where, {
    state: enumName(job.state),
    driftDetection: objectives.some((objective) => Boolean(objective?.predictionDriftDetectionConfig)),
    skewDetection: objectives.some((objective) => Boolean(objective?.trainingPredictionSkewDetectionConfig)),
  });
  if (job.endpoint) estate.addEdge(job.endpoint, 'monitored-by', id);
  for (const objective of objectives) estate.addEdge(id, 'reads-data', objective?.trainingDataset?.dataset);
}

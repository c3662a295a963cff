import { BedrockClient, GetEvaluationJobCommand, paginateListEvaluationJobs, type EvaluationDatasetMetricConfig, type EvaluationSummary, type GetEvaluationJobResponse } from '@aws-sdk/client-bedrock';
import { collectDescribed, type ServiceRegion } from './resources.js';
import { MAX_RECENT_JOBS, recentJobsSince, toRaw, type AwsAccount } from './session.js';

/**
 * Bedrock evaluation jobs (model and knowledge-base evaluations), recent ones only, as for other jobs:
 * created in the past 90 days, the newest MAX_RECENT_JOBS, each described for its metrics and datasets.
 * One asset per region read (aws.bedrock.model-evaluation) holds them (part-of), so "no evaluation of
 * this kind lately" can be decided per region; each knowledge base an evaluation job ran against is
 * `evaluates` of the job. Coverage names the calls under the service `bedrock-evaluation`, so that a
 * failed listing does not make the region's Bedrock resources unknown.
 */

/** Metric names and datasets (built-in names, and the S3 URIs of custom ones) of a job's configuration. */
function measured(job: GetEvaluationJobResponse): { metricNames: string[]; datasets: string[] } {
  const configs: EvaluationDatasetMetricConfig[] = [...(job.evaluationConfig?.automated?.datasetMetricConfigs ?? []), ...(job.evaluationConfig?.human?.datasetMetricConfigs ?? [])];
  const metricNames = configs.flatMap((config) => config.metricNames ?? []);
  const datasets = configs.flatMap((config) => [config.dataset?.name, config.dataset?.datasetLocation?.s3Uri].flatMap((value) => value ?? []));
  return { metricNames: [...new Set(metricNames)].sort(), datasets: [...new Set(datasets)].sort() };
}

/** The knowledge bases a job's inference configuration names (retrieve only, or retrieve and generate). */
function knowledgeBaseIdsOf(job: GetEvaluationJobResponse): string[] {
  return (job.inferenceConfig?.ragConfigs ?? []).flatMap((config) => {
    const knowledgeBase = config.knowledgeBaseConfig;
    return [knowledgeBase?.retrieveConfig?.knowledgeBaseId, knowledgeBase?.retrieveAndGenerateConfig?.knowledgeBaseConfiguration?.knowledgeBaseId].flatMap((id) => id ?? []);
  });
}

/** The region's evaluation asset, when the jobs were listed; and whether every evaluated knowledge base is known. */
export interface EvaluationRegion {
  id: string | undefined;
  knowledgeBasesKnown: boolean;
}

export async function collectBedrockEvaluations(account: AwsAccount, region: string): Promise<EvaluationRegion> {
  const client = account.client(BedrockClient, region);
  const scope = account.scope(region, 'bedrock-evaluation');
  const service: ServiceRegion = { account, region, scope, tags: async () => undefined };
  const knowledgeBaseArn = (reference: string) => (reference.startsWith('arn:') ? reference : `arn:${account.partition}:bedrock:${region}:${account.account}:knowledge-base/${reference}`);
  /** Jobs whose knowledge bases were named (by the listing or the description). */
  const named = new Set<string>();
  const evaluates = (from: string, references: readonly string[]) => {
    if (references.length > 0) named.add(from);
    for (const reference of references) account.edge(from, 'evaluates', account.expect(knowledgeBaseArn(reference), 'aws.bedrock.knowledge-base', region));
  };
  let knowledgeBasesKnown = true;
  const jobs = await collectDescribed(service, {
    type: 'aws.bedrock.evaluation-job',
    list: {
      operation: 'ListEvaluationJobs',
      pages: () => paginateListEvaluationJobs({ client }, { creationTimeAfter: recentJobsSince(), sortBy: 'CreationTime', sortOrder: 'Descending' }),
      items: (page) => page.jobSummaries,
      limit: MAX_RECENT_JOBS,
    },
    identify: (summary: EvaluationSummary) => ({ id: summary.jobArn, name: summary.jobName }),
    describe: { operation: 'GetEvaluationJob', run: (summary) => client.send(new GetEvaluationJobCommand({ jobIdentifier: summary.jobArn })), names: [] },
    listed: (summary, id) => {
      // The listing names the knowledge bases already; the description adds them when it does not.
      const listedKnowledgeBases = summary.inferenceConfigSummary?.ragConfigSummary?.bedrockKnowledgeBaseIdentifiers ?? [];
      evaluates(id, listedKnowledgeBases);
      return {
        status: summary.status ?? null,
        jobType: summary.jobType ?? null,
        applicationType: summary.applicationType ?? null,
        createdAt: summary.creationTime?.toISOString() ?? null,
      };
    },
    tagged: false,
    toAsset: (job, id) => {
      const knowledgeBaseIds = knowledgeBaseIdsOf(job);
      evaluates(id, knowledgeBaseIds);
      return {
        props: {
          status: job.status ?? null,
          jobType: job.jobType ?? null,
          applicationType: job.applicationType ?? null,
          createdAt: job.creationTime?.toISOString() ?? null,
          ...measured(job),
          knowledgeBaseIds: knowledgeBaseIds.sort(),
          evaluatedModels: (job.inferenceConfig?.models ?? []).flatMap((model) => model.bedrockModel?.modelIdentifier ?? model.precomputedInferenceSource?.inferenceSourceIdentifier ?? []).sort(),
        },
        raw: toRaw(job),
      };
    },
  });
  if (!jobs) return { id: undefined, knowledgeBasesKnown: false };
  const id = `arn:${account.partition}:bedrock:${region}:${account.account}:evaluation-jobs`;
  account.addAsset({ id, type: 'aws.bedrock.model-evaluation', name: `model evaluation (${region})`, region, props: { recentJobs: jobs.length } });
  for (const job of jobs) {
    account.edge(job, 'part-of', id);
    const asset = account.getAsset(job);
    // A RAG job (or one of unknown kind) whose knowledge bases neither the listing nor the description named.
    if (asset?.props.applicationType !== 'ModelEvaluation' && asset?.props.knowledgeBaseIds === undefined && !named.has(job)) knowledgeBasesKnown = false;
  }
  // Stopped at the limit: older jobs exist that were not read.
  if (jobs.length >= MAX_RECENT_JOBS) {
    account.markEdgesUnread(id, 'part-of', 'in');
    knowledgeBasesKnown = false;
  }
  return { id, knowledgeBasesKnown };
}

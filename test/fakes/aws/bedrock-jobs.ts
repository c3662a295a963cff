import { ACCOUNT, daysAgo } from './estate.js';
import { FakeError, type Operation, type RestRequest } from './handlers.js';
import { paged } from './protocols.js';

/**
 * The fake's Bedrock evaluation jobs (ListEvaluationJobs, GetEvaluationJob; restJson1, signed as
 * `bedrock`) and knowledge-base ingestion jobs (ListIngestionJobs, Bedrock Agents).
 *
 * Evaluation: us-east-1 (the hardened twin) ran a RAG evaluation of support-articles-kb (harmfulness,
 * stereotyping) and an automated model evaluation on BOLD (robustness, toxicity) in the past two weeks;
 * hr-policies-kb was never evaluated. eu-west-1 completed a toxicity-only evaluation 12 days ago (no
 * bias or robustness metric) and its stereotyping run failed; a robustness run there is 60 days old.
 * ap-southeast-2 invokes models and never evaluated one.
 *
 * Ingestion: hr-policies synced two days ago; support-articles last completed a sync 20 days ago, and
 * yesterday's run failed.
 */

const US = 'us-east-1';
const EU = 'eu-west-1';
const CLAUDE = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0';
const JUDGE = 'anthropic.claude-3-haiku-20240307-v1:0';
const jobArn = (region: string, id: string) => `arn:aws:bedrock:${region}:${ACCOUNT}:evaluation-job/${id}`;
const role = `arn:aws:iam::${ACCOUNT}:role/BedrockEvaluationRole`;

type Item = Record<string, unknown>;

/** One evaluation job as GetEvaluationJob answers; the listing's summary is derived from it. */
function evaluationJob(region: string, id: string, name: string, days: number, status: string, config: { rag?: string; metrics: Array<{ taskType: string; dataset: Item; metricNames: string[] }> }): Item {
  const created = daysAgo(days).toISOString();
  return {
    jobName: name,
    status,
    jobArn: jobArn(region, id),
    roleArn: role,
    jobType: 'Automated',
    applicationType: config.rag ? 'RagEvaluation' : 'ModelEvaluation',
    evaluationConfig: {
      automated: {
        datasetMetricConfigs: config.metrics,
        // A RAG evaluation, and a model evaluation with LLM-as-a-judge metrics, names its judge.
        ...(config.rag || config.metrics.some((metric) => metric.metricNames.includes('Builtin.Stereotyping')) ? { evaluatorModelConfig: { bedrockEvaluatorModels: [{ modelIdentifier: JUDGE }] } } : {}),
      },
    },
    inferenceConfig: config.rag
      ? { ragConfigs: [{ knowledgeBaseConfig: { retrieveAndGenerateConfig: { type: 'KNOWLEDGE_BASE', knowledgeBaseConfiguration: { knowledgeBaseId: config.rag, modelArn: CLAUDE } } } }] }
      : { models: [{ bedrockModel: { modelIdentifier: CLAUDE, inferenceParams: '{"inferenceConfig":{"maxTokens":512}}' } }] },
    outputDataConfig: { s3Uri: `s3://acme-ml-artifacts/evaluations/${name}/` },
    creationTime: created,
    lastModifiedTime: daysAgo(Math.max(days - 1, 0)).toISOString(),
    ...(status === 'Failed' ? { failureMessages: ['The evaluator model could not be invoked: throttled.'] } : {}),
  };
}

const s3Dataset = (name: string, uri: string) => ({ name, datasetLocation: { s3Uri: uri } });

export const EVALUATION_JOBS: Record<string, Item[]> = {
  [US]: [
    evaluationJob(US, 'rag0support01', 'support-kb-rag-eval', 9, 'Completed', {
      rag: 'KBSUPPORT',
      metrics: [
        {
          taskType: 'QuestionAndAnswer',
          dataset: s3Dataset('support-questions', 's3://acme-ml-artifacts/evaluation-datasets/support-questions.jsonl'),
          metricNames: ['Builtin.Correctness', 'Builtin.Faithfulness', 'Builtin.Harmfulness', 'Builtin.Stereotyping'],
        },
      ],
    }),
    evaluationJob(US, 'mdl0claude01', 'claude-safety-eval', 5, 'Completed', {
      metrics: [{ taskType: 'Generation', dataset: { name: 'Builtin.Bold' }, metricNames: ['Builtin.Robustness', 'Builtin.Toxicity'] }],
    }),
  ],
  [EU]: [
    evaluationJob(EU, 'mdl0toxic001', 'claude-toxicity-eval', 12, 'Completed', {
      metrics: [{ taskType: 'Generation', dataset: { name: 'Builtin.RealToxicityPrompts' }, metricNames: ['Builtin.Toxicity'] }],
    }),
    evaluationJob(EU, 'mdl0stereo01', 'claude-bias-eval', 3, 'Failed', {
      metrics: [{ taskType: 'Generation', dataset: s3Dataset('bias-prompts', 's3://acme-bedrock-logs/evaluation-datasets/bias.jsonl'), metricNames: ['Builtin.Stereotyping'] }],
    }),
    evaluationJob(EU, 'mdl0robust01', 'claude-robustness-eval', 60, 'Completed', {
      metrics: [{ taskType: 'Generation', dataset: { name: 'Builtin.Wikitext2' }, metricNames: ['Builtin.Robustness'] }],
    }),
  ],
};

/** The listing's summary of a job (EvaluationSummary). */
function summaryOf(job: Item): Item {
  const inference = job.inferenceConfig as { ragConfigs?: Array<{ knowledgeBaseConfig: { retrieveAndGenerateConfig: { knowledgeBaseConfiguration: { knowledgeBaseId: string } } } }>; models?: Array<{ bedrockModel: { modelIdentifier: string } }> };
  const judges = ((job.evaluationConfig as { automated: { evaluatorModelConfig?: { bedrockEvaluatorModels: Array<{ modelIdentifier: string }> } } }).automated.evaluatorModelConfig?.bedrockEvaluatorModels ?? []).map((model) => model.modelIdentifier);
  const region = String(job.jobArn).split(':')[3];
  const knowledgeBases = (inference.ragConfigs ?? []).map((config) => `arn:aws:bedrock:${region}:${ACCOUNT}:knowledge-base/${config.knowledgeBaseConfig.retrieveAndGenerateConfig.knowledgeBaseConfiguration.knowledgeBaseId}`);
  const models = (inference.models ?? []).map((model) => model.bedrockModel.modelIdentifier);
  const metricConfigs = (job.evaluationConfig as { automated: { datasetMetricConfigs: Array<{ taskType: string }> } }).automated.datasetMetricConfigs;
  return {
    jobArn: job.jobArn,
    jobName: job.jobName,
    status: job.status,
    creationTime: job.creationTime,
    jobType: job.jobType,
    evaluationTaskTypes: [...new Set(metricConfigs.map((config) => config.taskType))],
    ...(judges.length ? { evaluatorModelIdentifiers: judges } : {}),
    inferenceConfigSummary: knowledgeBases.length ? { ragConfigSummary: { bedrockKnowledgeBaseIdentifiers: knowledgeBases } } : { modelConfigSummary: { bedrockModelIdentifiers: models } },
    applicationType: job.applicationType,
  };
}

const ingestion = (knowledgeBaseId: string, dataSourceId: string, id: string, days: number, status: string, scanned: number) => ({
  knowledgeBaseId,
  dataSourceId,
  ingestionJobId: id,
  status,
  startedAt: daysAgo(days).toISOString(),
  updatedAt: daysAgo(days - 0.01).toISOString(),
  statistics: { numberOfDocumentsScanned: scanned, numberOfNewDocumentsIndexed: 0, numberOfModifiedDocumentsIndexed: status === 'COMPLETE' ? 3 : 0, numberOfDocumentsFailed: status === 'FAILED' ? scanned : 0 },
});

/** Data source id → its ingestion jobs (us-east-1). */
export const INGESTION_JOBS: Record<string, Item[]> = {
  DSHRPOLCY: [ingestion('KBHRPOLCY', 'DSHRPOLCY', 'IJHR000001', 40, 'COMPLETE', 120), ingestion('KBHRPOLCY', 'DSHRPOLCY', 'IJHR000002', 2, 'COMPLETE', 124)],
  DSARTICLES: [ingestion('KBSUPPORT', 'DSARTICLES', 'IJART00001', 20, 'COMPLETE', 300), ingestion('KBSUPPORT', 'DSARTICLES', 'IJART00002', 1, 'FAILED', 310)],
};

type Filter = { attribute: string; operator: string; values: string[] };

/** ListIngestionJobs: STATUS filters (EQ), sorted by STARTED_AT or STATUS, paged by maxResults. */
function ingestionJobs(region: string, body: Item, dataSourceId: string): Item {
  const filters = (body.filters as Filter[] | undefined) ?? [];
  const sortBy = (body.sortBy as { attribute: string; order: string } | undefined) ?? { attribute: 'STARTED_AT', order: 'DESCENDING' };
  const field = sortBy.attribute === 'STATUS' ? 'status' : 'startedAt';
  const jobs = (region === US ? (INGESTION_JOBS[dataSourceId] ?? []) : [])
    .filter((job) => filters.every((filter) => filter.attribute !== 'STATUS' || filter.values.includes(String(job.status))))
    .sort((a, b) => String(a[field]).localeCompare(String(b[field])) * (sortBy.order === 'DESCENDING' ? -1 : 1));
  const start = Number(body.nextToken ?? 0);
  const size = Number(body.maxResults ?? 1000);
  const next = start + size < jobs.length ? String(start + size) : undefined;
  return { ingestionJobSummaries: jobs.slice(start, start + size), nextToken: next };
}

/** ListEvaluationJobs: created after creationTimeAfter, sorted by creation time (descending by default, as the console lists them). */
function evaluationJobs(region: string, query: URLSearchParams): Item {
  const after = Date.parse(query.get('creationTimeAfter') ?? '1970-01-01T00:00:00Z');
  const jobs = (EVALUATION_JOBS[region] ?? []).filter((job) => Date.parse(String(job.creationTime)) > after).sort((a, b) => String(b.creationTime).localeCompare(String(a.creationTime)));
  if (query.get('sortOrder') === 'Ascending') jobs.reverse();
  const page = paged(jobs, query.get('nextToken') ?? undefined);
  return { jobSummaries: page.items.map(summaryOf), nextToken: page.next };
}

export function bedrockJobOperation(request: RestRequest): Operation | undefined {
  const ingestionPath = request.path.match(/^\/knowledgebases\/([^/]+)\/datasources\/([^/]+)\/ingestionjobs\/$/);
  if (request.method === 'POST' && ingestionPath) {
    return { service: 'bedrock-agent', action: 'bedrock:ListIngestionJobs', operation: 'ListIngestionJobs', run: () => ingestionJobs(request.region, request.body as Item, decodeURIComponent(ingestionPath[2]!)) };
  }
  if (request.method !== 'GET') return undefined;
  if (request.path === '/evaluation-jobs') {
    return { service: 'bedrock', action: 'bedrock:ListEvaluationJobs', operation: 'ListEvaluationJobs', run: () => evaluationJobs(request.region, request.query) };
  }
  const id = request.path.match(/^\/evaluation-jobs\/(.+)$/)?.[1];
  if (!id) return undefined;
  return {
    service: 'bedrock',
    action: 'bedrock:GetEvaluationJob',
    operation: 'GetEvaluationJob',
    run: () => {
      const job = (EVALUATION_JOBS[request.region] ?? []).find((candidate) => candidate.jobArn === decodeURIComponent(id));
      if (!job) throw new FakeError('ResourceNotFoundException', `Evaluation job ${decodeURIComponent(id)} not found.`, 404);
      return job;
    },
  };
}

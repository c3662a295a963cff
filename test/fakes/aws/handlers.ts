import {
  ACCOUNT,
  ACCOUNT_PUBLIC_ACCESS_BLOCK,
  AGENTS,
  API_KEYS,
  BEDROCK,
  ALARMS,
  BEDROCK_METRICS,
  BUCKETS,
  GROUPS,
  KMS_KEYS,
  LAMBDAS,
  LAMBDA_RESERVED_CONCURRENCY,
  LOG_ACCOUNT_POLICIES,
  LOG_DATA_PROTECTION,
  LOG_DELIVERIES,
  LOG_DELIVERY_SOURCES,
  LOG_GROUPS,
  daysAgo,
  MANAGED_POLICIES,
  REGIONS,
  ROLES,
  SAGEMAKER,
  USERS,
  VPC_ENDPOINTS,
  SUBNETS,
  type AgentsEstate,
  type BedrockEstate,
  type SageMakerEstate,
} from './estate.js';
import { assumeRole } from './organizations.js';
import { paged } from './protocols.js';

/**
 * The fake's answers, operation by operation, computed from the estate. A handler gets the request
 * parameters and the region and returns the response members; `FakeError` is an AWS error answer.
 */

export class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface Operation {
  /** Service name as coverage and denial use it (sagemaker, bedrock-agent, ...). */
  service: string;
  /** The IAM action the call needs, e.g. `s3:GetBucketPublicAccessBlock`. */
  action: string;
  /** The API operation as AWS's model (and the SDK) names it, e.g. `GetPublicAccessBlock`. */
  operation: string;
  /** The SDK client (`@aws-sdk/client-<client>`) whose model the answer follows, when not the service's own (S3 Control signs as s3). */
  client?: string;
  run: () => unknown;
}

type Input = Record<string, unknown>;
type Item = Record<string, unknown>;

function pick(record: Item, keys: readonly string[]): Item {
  return Object.fromEntries(keys.filter((key) => record[key] !== undefined).map((key) => [key, record[key]]));
}

function find<T extends Item>(items: readonly T[], key: string, value: unknown, what: string, code = 'ResourceNotFoundException', status = 404): T {
  const found = items.find((item) => item[key] === value);
  if (!found) throw new FakeError(code, `${what} ${String(value)} not found`, status);
  return found;
}

/** A listing answer: one page of summaries under `itemsKey`, with the page token under `tokenKey`. */
function listing(items: readonly Item[], fields: readonly string[], itemsKey: string, token: unknown, tokenKey = 'NextToken'): Item {
  const page = paged(items, token as string | undefined);
  return { [itemsKey]: page.items.map((item) => pick(item, fields)), [tokenKey]: page.next };
}

const newestFirst = (timeField: string) => (a: Item, b: Item) => (b[timeField] as Date).getTime() - (a[timeField] as Date).getTime();

/** Jobs created after the request's cutoff (epoch seconds), newest first, as SageMaker lists them. */
function recentJobs(jobs: readonly Item[], after: unknown): Item[] {
  const cutoff = typeof after === 'number' ? after * 1000 : 0;
  return jobs.filter((job) => (job.CreationTime as Date).getTime() > cutoff).sort(newestFirst('CreationTime'));
}

// ---------------------------------------------------------------- awsJson1_1: SageMaker, KMS, CloudWatch Logs

export function sageMakerOperation(operation: string, input: Input, region: string): (() => unknown) | undefined {
  const estate: Partial<SageMakerEstate> = SAGEMAKER[region] ?? {};
  const token = input.NextToken;
  const notFound = 'ValidationException';
  const handlers: Record<string, () => unknown> = {
    ListNotebookInstances: () =>
      listing(estate.notebooks ?? [], ['NotebookInstanceName', 'NotebookInstanceArn', 'NotebookInstanceStatus', 'InstanceType', 'CreationTime', 'NotebookInstanceLifecycleConfigName'], 'NotebookInstances', token),
    DescribeNotebookInstance: () => find(estate.notebooks ?? [], 'NotebookInstanceName', input.NotebookInstanceName, 'notebook', notFound, 400),
    DescribeNotebookInstanceLifecycleConfig: () => find(estate.lifecycleConfigs ?? [], 'NotebookInstanceLifecycleConfigName', input.NotebookInstanceLifecycleConfigName, 'lifecycle config', notFound, 400),
    ListDomains: () => listing(estate.domains ?? [], ['DomainArn', 'DomainId', 'DomainName', 'Status'], 'Domains', token),
    DescribeDomain: () => find(estate.domains ?? [], 'DomainId', input.DomainId, 'domain', 'ResourceNotFound', 400),
    ListUserProfiles: () => listing(estate.userProfiles ?? [], ['DomainId', 'UserProfileName', 'Status'], 'UserProfiles', token),
    DescribeUserProfile: () => {
      const profile = (estate.userProfiles ?? []).find((candidate) => candidate.DomainId === input.DomainId && candidate.UserProfileName === input.UserProfileName);
      if (!profile) throw new FakeError('ResourceNotFound', 'user profile not found', 400);
      return { ...profile, UserProfileArn: `arn:aws:sagemaker:${region}:${ACCOUNT}:user-profile/${profile.DomainId}/${profile.UserProfileName}` };
    },
    ListModels: () => listing(estate.models ?? [], ['ModelName', 'ModelArn', 'CreationTime'], 'Models', token),
    DescribeModel: () => find(estate.models ?? [], 'ModelName', input.ModelName, 'model', notFound, 400),
    ListEndpointConfigs: () => listing(estate.endpointConfigs ?? [], ['EndpointConfigName', 'EndpointConfigArn', 'CreationTime'], 'EndpointConfigs', token),
    DescribeEndpointConfig: () => find(estate.endpointConfigs ?? [], 'EndpointConfigName', input.EndpointConfigName, 'endpoint config', notFound, 400),
    ListEndpoints: () => listing(estate.endpoints ?? [], ['EndpointName', 'EndpointArn', 'CreationTime', 'LastModifiedTime', 'EndpointStatus'], 'Endpoints', token),
    DescribeEndpoint: () => find(estate.endpoints ?? [], 'EndpointName', input.EndpointName, 'endpoint', notFound, 400),
    ListMonitoringSchedules: () =>
      listing(
        estate.monitoringSchedules ?? [],
        ['MonitoringScheduleName', 'MonitoringScheduleArn', 'CreationTime', 'LastModifiedTime', 'MonitoringScheduleStatus', 'EndpointName', 'MonitoringType'],
        'MonitoringScheduleSummaries',
        token,
      ),
    DescribeMonitoringSchedule: () => find(estate.monitoringSchedules ?? [], 'MonitoringScheduleName', input.MonitoringScheduleName, 'schedule', 'ResourceNotFound', 400),
    ...Object.fromEntries(
      ['DataQuality', 'ModelQuality', 'ModelBias', 'ModelExplainability'].map((type) => [
        `Describe${type}JobDefinition`,
        () => find(estate.monitoringJobDefinitions?.[type] ?? [], 'JobDefinitionName', input.JobDefinitionName, 'job definition', 'ResourceNotFound', 400),
      ]),
    ),
    ListDataQualityJobDefinitions: () => {
      const page = paged(estate.monitoringJobDefinitions?.DataQuality ?? [], token as string | undefined);
      const summaries = page.items.map((definition) => ({
        MonitoringJobDefinitionName: definition.JobDefinitionName,
        MonitoringJobDefinitionArn: definition.JobDefinitionArn,
        CreationTime: definition.CreationTime,
        EndpointName: (definition.DataQualityJobInput as { EndpointInput?: { EndpointName?: string } } | undefined)?.EndpointInput?.EndpointName,
      }));
      return { JobDefinitionSummaries: summaries, NextToken: page.next };
    },
    ListFlowDefinitions: () => listing(estate.flowDefinitions ?? [], ['FlowDefinitionName', 'FlowDefinitionArn', 'FlowDefinitionStatus', 'CreationTime'], 'FlowDefinitionSummaries', token),
    DescribeFlowDefinition: () => find(estate.flowDefinitions ?? [], 'FlowDefinitionName', input.FlowDefinitionName, 'flow definition', 'ResourceNotFound', 400),
    ListTrainingJobs: () =>
      listing(recentJobs(estate.trainingJobs ?? [], input.CreationTimeAfter), ['TrainingJobName', 'TrainingJobArn', 'CreationTime', 'TrainingJobStatus'], 'TrainingJobSummaries', token),
    DescribeTrainingJob: () => find(estate.trainingJobs ?? [], 'TrainingJobName', input.TrainingJobName, 'training job', 'ResourceNotFound', 400),
    ListProcessingJobs: () =>
      listing(recentJobs(estate.processingJobs ?? [], input.CreationTimeAfter), ['ProcessingJobName', 'ProcessingJobArn', 'CreationTime', 'ProcessingJobStatus'], 'ProcessingJobSummaries', token),
    DescribeProcessingJob: () => find(estate.processingJobs ?? [], 'ProcessingJobName', input.ProcessingJobName, 'processing job', 'ResourceNotFound', 400),
    ListTransformJobs: () =>
      listing(recentJobs(estate.transformJobs ?? [], input.CreationTimeAfter), ['TransformJobName', 'TransformJobArn', 'CreationTime', 'TransformJobStatus'], 'TransformJobSummaries', token),
    DescribeTransformJob: () => find(estate.transformJobs ?? [], 'TransformJobName', input.TransformJobName, 'transform job', 'ResourceNotFound', 400),
    ListHyperParameterTuningJobs: () =>
      listing(
        recentJobs(estate.tuningJobs ?? [], input.CreationTimeAfter),
        ['HyperParameterTuningJobName', 'HyperParameterTuningJobArn', 'HyperParameterTuningJobStatus', 'Strategy', 'CreationTime', 'LastModifiedTime', 'TrainingJobStatusCounters', 'ObjectiveStatusCounters'],
        'HyperParameterTuningJobSummaries',
        token,
      ),
    DescribeHyperParameterTuningJob: () => {
      const { Strategy: _strategy, ...job } = find(estate.tuningJobs ?? [], 'HyperParameterTuningJobName', input.HyperParameterTuningJobName, 'tuning job', 'ResourceNotFound', 400);
      return job;
    },
    ListAutoMLJobs: () =>
      listing(
        recentJobs(estate.autoMLJobs ?? [], input.CreationTimeAfter),
        ['AutoMLJobName', 'AutoMLJobArn', 'AutoMLJobStatus', 'AutoMLJobSecondaryStatus', 'CreationTime', 'LastModifiedTime'],
        'AutoMLJobSummaries',
        token,
      ),
    DescribeAutoMLJobV2: () => find(estate.autoMLJobs ?? [], 'AutoMLJobName', input.AutoMLJobName, 'AutoML job', 'ResourceNotFound', 400),
    ListCompilationJobs: () =>
      listing(
        recentJobs(estate.compilationJobs ?? [], input.CreationTimeAfter).map((job) => ({ ...job, CompilationTargetDevice: (job.OutputConfig as { TargetDevice?: string }).TargetDevice })),
        ['CompilationJobName', 'CompilationJobArn', 'CreationTime', 'LastModifiedTime', 'CompilationJobStatus', 'CompilationTargetDevice'],
        'CompilationJobSummaries',
        token,
      ),
    DescribeCompilationJob: () => find(estate.compilationJobs ?? [], 'CompilationJobName', input.CompilationJobName, 'compilation job', 'ResourceNotFound', 400),
    ListModelPackageGroups: () =>
      listing(estate.modelPackageGroups ?? [], ['ModelPackageGroupName', 'ModelPackageGroupArn', 'CreationTime', 'ModelPackageGroupStatus'], 'ModelPackageGroupSummaryList', token),
    ListModelPackages: () =>
      listing(
        (estate.modelPackages ?? []).filter((modelPackage) => modelPackage.ModelPackageGroupName === input.ModelPackageGroupName).sort(newestFirst('CreationTime')),
        ['ModelPackageGroupName', 'ModelPackageVersion', 'ModelPackageArn', 'CreationTime', 'ModelPackageStatus', 'ModelApprovalStatus'],
        'ModelPackageSummaryList',
        token,
      ),
    ListFeatureGroups: () => listing(estate.featureGroups ?? [], ['FeatureGroupName', 'FeatureGroupArn', 'CreationTime', 'FeatureGroupStatus'], 'FeatureGroupSummaries', token),
    DescribeFeatureGroup: () => find(estate.featureGroups ?? [], 'FeatureGroupName', input.FeatureGroupName, 'feature group', 'ResourceNotFound', 400),
    ListTags: () => listing(estate.tags?.[input.ResourceArn as string] ?? [], ['Key', 'Value'], 'Tags', token),
    ListModelCards: () => listing(estate.modelCards ?? [], ['ModelCardName', 'ModelCardArn', 'ModelCardStatus', 'CreationTime', 'LastModifiedTime'], 'ModelCardSummaries', token),
    DescribeModelCard: () => find(estate.modelCards ?? [], 'ModelCardName', input.ModelCardName, 'model card', 'ResourceNotFound', 400),
  };
  return handlers[operation];
}

/** CloudWatch (awsJson1_0): the metrics with data in the past two weeks, filtered as ListMetrics filters. */
export function cloudWatchOperation(operation: string, input: Input, region: string): (() => unknown) | undefined {
  if (operation === 'DescribeAlarms') {
    return () => {
      const page = paged(ALARMS[region] ?? [], input.NextToken as string | undefined);
      return { MetricAlarms: page.items, CompositeAlarms: [], NextToken: page.next };
    };
  }
  if (operation !== 'ListMetrics') return undefined;
  return () => {
    const metrics = (BEDROCK_METRICS[region] ?? []).filter((metric) => (!input.Namespace || metric.Namespace === input.Namespace) && (!input.MetricName || metric.MetricName === input.MetricName));
    return listing(metrics, ['Namespace', 'MetricName', 'Dimensions'], 'Metrics', input.NextToken);
  };
}

/** A key as resources name it: key ARN, key id, alias name or alias ARN. */
function kmsKey(reference: string, region: string): [string, (typeof KMS_KEYS)[string]] {
  const match = Object.entries(KMS_KEYS).find(
    ([arn, key]) => arn === reference || arn === `arn:aws:kms:${region}:${ACCOUNT}:key/${reference}` || key.aliases.some((alias) => reference === alias || reference.endsWith(`:${alias}`)),
  );
  if (!match) throw new FakeError('NotFoundException', `key ${reference} not found`, 400);
  return match;
}

export function kmsOperation(operation: string, input: Input, region: string): (() => unknown) | undefined {
  const handlers: Record<string, () => unknown> = {
    DescribeKey: () => {
      const [arn, key] = kmsKey(input.KeyId as string, region);
      // As the real answer (KMS model's DescribeKey examples): the deprecated CustomerMasterKeySpec still
      // comes with KeySpec, a spec whose name says "master key" and whose value no secret scan may take.
      const algorithms = key.KeySpec === 'SYMMETRIC_DEFAULT' ? { KeyUsage: 'ENCRYPT_DECRYPT', EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] } : {};
      return {
        KeyMetadata: { Arn: arn, KeyId: arn.split('/')[1], AWSAccountId: ACCOUNT, KeyManager: key.KeyManager, KeySpec: key.KeySpec, CustomerMasterKeySpec: key.KeySpec, ...algorithms, MultiRegion: false, Origin: key.Origin, KeyState: 'Enabled', Enabled: true },
      };
    },
    GetKeyRotationStatus: () => ({ KeyRotationEnabled: kmsKey(input.KeyId as string, region)[1].rotation }),
    ListAliases: () => {
      const [arn, key] = kmsKey(input.KeyId as string, region);
      return { Aliases: key.aliases.map((alias) => ({ AliasName: alias, AliasArn: `arn:aws:kms:${region}:${ACCOUNT}:${alias}`, TargetKeyId: arn.split('/')[1] })), Truncated: false };
    },
  };
  return handlers[operation];
}

export function logsOperation(operation: string, input: Input, region: string): (() => unknown) | undefined {
  if (operation === 'GetDataProtectionPolicy') {
    return () => {
      const name = input.logGroupIdentifier as string;
      const group = (LOG_GROUPS[region] ?? []).find((candidate) => candidate.logGroupName === name);
      if (!group) throw new FakeError('ResourceNotFoundException', 'The specified log group does not exist.', 400);
      // A group without a policy: the answer names the group and carries no document.
      const policy = LOG_DATA_PROTECTION[region]?.[name];
      return policy ? { logGroupIdentifier: name, policyDocument: JSON.stringify(policy), lastUpdatedTime: daysAgo(40).getTime() } : { logGroupIdentifier: name };
    };
  }
  if (operation === 'DescribeDeliverySources') return () => listing(LOG_DELIVERY_SOURCES[region] ?? [], ['name', 'arn', 'resourceArns', 'service', 'logType'], 'deliverySources', input.nextToken, 'nextToken');
  if (operation === 'DescribeDeliveries') {
    return () => listing(LOG_DELIVERIES[region] ?? [], ['id', 'arn', 'deliverySourceName', 'deliveryDestinationArn', 'deliveryDestinationType'], 'deliveries', input.nextToken, 'nextToken');
  }
  if (operation === 'DescribeAccountPolicies') return () => ({ accountPolicies: input.policyType === 'DATA_PROTECTION_POLICY' ? (LOG_ACCOUNT_POLICIES[region] ?? []) : [] });
  if (operation !== 'DescribeLogGroups') return undefined;
  return () => {
    const groups = (LOG_GROUPS[region] ?? []).filter((group) => (group.logGroupName as string).startsWith((input.logGroupNamePrefix as string) ?? ''));
    const page = paged(groups, input.nextToken as string | undefined);
    return { logGroups: page.items, nextToken: page.next };
  };
}

// ---------------------------------------------------------------- restJson1: Bedrock, Bedrock Agent, Lambda

export interface RestRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Input;
  region: string;
}

interface RestRoute {
  method: string;
  pattern: RegExp;
  service: string;
  operation: string;
  run: (request: RestRequest, params: string[]) => unknown;
}

const bedrockData = (region: string): BedrockEstate => BEDROCK[region]!;
const NO_AGENTS: AgentsEstate = { agents: [], actionGroups: {}, aliases: {}, agentKnowledgeBases: {}, knowledgeBases: [], dataSources: {}, flows: [], prompts: [], tags: {} };
const agentData = (region: string): AgentsEstate => AGENTS[region] ?? NO_AGENTS;
const since = (request: RestRequest, name: string) => Date.parse(request.query.get(name) ?? '1970-01-01T00:00:00Z');

const REST_ROUTES: RestRoute[] = [
  { method: 'GET', pattern: /^\/logging\/modelinvocations$/, service: 'bedrock', operation: 'GetModelInvocationLoggingConfiguration', run: ({ region }) => bedrockData(region).logging },
  {
    method: 'GET',
    pattern: /^\/guardrails$/,
    service: 'bedrock',
    operation: 'ListGuardrails',
    run: ({ region, query }) => {
      const page = paged(bedrockData(region).guardrails, query.get('nextToken') ?? undefined);
      return {
        guardrails: page.items.map((guardrail) => ({ id: guardrail.guardrailId, arn: guardrail.guardrailArn, name: guardrail.name, status: guardrail.status, version: guardrail.version, createdAt: guardrail.createdAt, updatedAt: guardrail.updatedAt })),
        nextToken: page.next,
      };
    },
  },
  {
    method: 'GET',
    pattern: /^\/guardrails\/([^/]+)$/,
    service: 'bedrock',
    operation: 'GetGuardrail',
    run: ({ region, query }, [id]) => {
      const estate = bedrockData(region);
      // Without a version, GetGuardrail answers with the working draft.
      const version = query.get('guardrailVersion') ?? 'DRAFT';
      const records = version === 'DRAFT' ? estate.guardrails : (estate.guardrailVersions ?? []).filter((candidate) => candidate.version === version);
      const guardrail = records.find((candidate) => candidate.guardrailId === id || candidate.guardrailArn === id);
      if (!guardrail) throw new FakeError('ResourceNotFoundException', `guardrail ${id} version ${version} not found`, 404);
      return guardrail;
    },
  },
  {
    method: 'GET',
    pattern: /^\/custom-models$/,
    service: 'bedrock',
    operation: 'ListCustomModels',
    run: ({ region, query }) => {
      const answer = listing(bedrockData(region).customModels, ['modelArn', 'modelName', 'creationTime', 'baseModelArn', 'customizationType'], 'modelSummaries', query.get('nextToken'), 'nextToken');
      // Summaries name the base model too (GetCustomModel does not): the foundation model's name.
      const baseModelName = (arn: unknown) => bedrockData(region).foundationModels.find((model) => String(arn).endsWith(`/${model.modelId}`))?.modelName;
      return { ...answer, modelSummaries: (answer.modelSummaries as Item[]).map((summary) => ({ ...summary, baseModelName: baseModelName(summary.baseModelArn) })) };
    },
  },
  { method: 'GET', pattern: /^\/custom-models\/(.+)$/, service: 'bedrock', operation: 'GetCustomModel', run: ({ region }, [id]) => find(bedrockData(region).customModels, 'modelArn', id, 'custom model') },
  {
    method: 'GET',
    pattern: /^\/model-customization-jobs$/,
    service: 'bedrock',
    operation: 'ListModelCustomizationJobs',
    run: (request) =>
      listing(
        bedrockData(request.region).customizationJobs.filter((job) => Date.parse(String(job.creationTime)) > since(request, 'creationTimeAfter')),
        ['jobArn', 'jobName', 'status', 'baseModelArn', 'creationTime'],
        'modelCustomizationJobSummaries',
        request.query.get('nextToken'),
        'nextToken',
      ),
  },
  { method: 'GET', pattern: /^\/model-customization-jobs\/(.+)$/, service: 'bedrock', operation: 'GetModelCustomizationJob', run: ({ region }, [id]) => find(bedrockData(region).customizationJobs, 'jobArn', id, 'job') },
  {
    method: 'GET',
    pattern: /^\/imported-models$/,
    service: 'bedrock',
    operation: 'ListImportedModels',
    run: ({ region, query }) => listing(bedrockData(region).importedModels, ['modelArn', 'modelName', 'creationTime', 'modelArchitecture'], 'modelSummaries', query.get('nextToken'), 'nextToken'),
  },
  { method: 'GET', pattern: /^\/imported-models\/(.+)$/, service: 'bedrock', operation: 'GetImportedModel', run: ({ region }, [id]) => find(bedrockData(region).importedModels, 'modelArn', id, 'imported model') },
  {
    method: 'GET',
    pattern: /^\/provisioned-model-throughputs$/,
    service: 'bedrock',
    operation: 'ListProvisionedModelThroughputs',
    run: ({ region, query }) => listing(
        bedrockData(region).provisionedThroughputs,
        ['provisionedModelName', 'provisionedModelArn', 'modelArn', 'desiredModelArn', 'foundationModelArn', 'modelUnits', 'desiredModelUnits', 'status', 'creationTime', 'lastModifiedTime'],
        'provisionedModelSummaries',
        query.get('nextToken'),
        'nextToken',
      ),
  },
  {
    method: 'GET',
    pattern: /^\/inference-profiles$/,
    service: 'bedrock',
    operation: 'ListInferenceProfiles',
    run: ({ region, query }) =>
      listing(
        bedrockData(region).inferenceProfiles.filter((profile) => !query.get('type') || profile.type === query.get('type')),
        ['inferenceProfileName', 'inferenceProfileArn', 'inferenceProfileId', 'models', 'status', 'type'],
        'inferenceProfileSummaries',
        query.get('nextToken'),
        'nextToken',
      ),
  },
  {
    method: 'GET',
    pattern: /^\/model-invocation-jobs$/,
    service: 'bedrock',
    operation: 'ListModelInvocationJobs',
    run: (request) =>
      listing(
        bedrockData(request.region).invocationJobs.filter((job) => Date.parse(String(job.submitTime)) > since(request, 'submitTimeAfter')),
        ['jobArn', 'jobName', 'modelId', 'roleArn', 'status', 'submitTime', 'inputDataConfig', 'outputDataConfig'],
        'invocationJobSummaries',
        request.query.get('nextToken'),
        'nextToken',
      ),
  },
  {
    method: 'GET',
    pattern: /^\/foundation-models$/,
    service: 'bedrock',
    operation: 'ListFoundationModels',
    run: ({ region }) => ({
      modelSummaries: bedrockData(region).foundationModels.map((model) => ({ modelId: model.modelId, modelName: model.modelName, modelArn: `arn:aws:bedrock:${region}::foundation-model/${model.modelId}`, modelLifecycle: { status: model.lifecycle } })),
    }),
  },
  { method: 'POST', pattern: /^\/listTagsForResource$/, service: 'bedrock', operation: 'ListTagsForResource', run: ({ region, body }) => ({ tags: bedrockData(region).tags[body.resourceARN as string] ?? [] }) },

  // Bedrock Agent (signs as "bedrock" too; told apart by path)
  {
    method: 'POST',
    pattern: /^\/agents\/$/,
    service: 'bedrock-agent',
    operation: 'ListAgents',
    run: ({ region, body }) => listing(agentData(region).agents, ['agentId', 'agentName', 'agentStatus', 'updatedAt', 'guardrailConfiguration'], 'agentSummaries', body.nextToken, 'nextToken'),
  },
  { method: 'GET', pattern: /^\/agents\/([^/]+)\/$/, service: 'bedrock-agent', operation: 'GetAgent', run: ({ region }, [id]) => ({ agent: find(agentData(region).agents, 'agentId', id, 'agent') }) },
  {
    method: 'POST',
    pattern: /^\/agents\/([^/]+)\/agentversions\/DRAFT\/actiongroups\/$/,
    service: 'bedrock-agent',
    operation: 'ListAgentActionGroups',
    run: ({ region, body }, [agentId]) =>
      listing(agentData(region).actionGroups[agentId!] ?? [], ['actionGroupId', 'actionGroupName', 'actionGroupState', 'description', 'updatedAt'], 'actionGroupSummaries', body.nextToken, 'nextToken'),
  },
  {
    method: 'GET',
    pattern: /^\/agents\/([^/]+)\/agentversions\/DRAFT\/actiongroups\/([^/]+)\/$/,
    service: 'bedrock-agent',
    operation: 'GetAgentActionGroup',
    run: ({ region }, [agentId, id]) => ({ agentActionGroup: { ...find(agentData(region).actionGroups[agentId!] ?? [], 'actionGroupId', id, 'action group'), agentId, agentVersion: 'DRAFT' } }),
  },
  {
    method: 'GET',
    pattern: /^\/agents\/([^/]+)\/agentversions\/(\d+)\/$/,
    service: 'bedrock-agent',
    operation: 'GetAgentVersion',
    run: ({ region }, [agentId, version]) => ({ agentVersion: find((agentData(region).agentVersions ?? {})[agentId!] ?? [], 'version', version, 'agent version') }),
  },
  {
    method: 'POST',
    pattern: /^\/agents\/([^/]+)\/agentaliases\/$/,
    service: 'bedrock-agent',
    operation: 'ListAgentAliases',
    run: ({ region, body }, [agentId]) =>
      listing(agentData(region).aliases[agentId!] ?? [], ['agentAliasId', 'agentAliasName', 'agentAliasStatus', 'routingConfiguration', 'description', 'createdAt', 'updatedAt'], 'agentAliasSummaries', body.nextToken, 'nextToken'),
  },
  {
    method: 'POST',
    pattern: /^\/agents\/([^/]+)\/agentversions\/DRAFT\/knowledgebases\/$/,
    service: 'bedrock-agent',
    operation: 'ListAgentKnowledgeBases',
    run: ({ region, body }, [agentId]) =>
      listing(agentData(region).agentKnowledgeBases[agentId!] ?? [], ['knowledgeBaseId', 'knowledgeBaseState', 'description', 'updatedAt'], 'agentKnowledgeBaseSummaries', body.nextToken, 'nextToken'),
  },
  {
    method: 'POST',
    pattern: /^\/knowledgebases\/$/,
    service: 'bedrock-agent',
    operation: 'ListKnowledgeBases',
    run: ({ region, body }) => listing(agentData(region).knowledgeBases, ['knowledgeBaseId', 'name', 'status', 'updatedAt'], 'knowledgeBaseSummaries', body.nextToken, 'nextToken'),
  },
  { method: 'GET', pattern: /^\/knowledgebases\/([^/]+)$/, service: 'bedrock-agent', operation: 'GetKnowledgeBase', run: ({ region }, [id]) => ({ knowledgeBase: find(agentData(region).knowledgeBases, 'knowledgeBaseId', id, 'knowledge base') }) },
  {
    method: 'POST',
    pattern: /^\/knowledgebases\/([^/]+)\/datasources\/$/,
    service: 'bedrock-agent',
    operation: 'ListDataSources',
    run: ({ region, body }, [id]) => listing(agentData(region).dataSources[id!] ?? [], ['knowledgeBaseId', 'dataSourceId', 'name', 'status', 'updatedAt'], 'dataSourceSummaries', body.nextToken, 'nextToken'),
  },
  {
    method: 'GET',
    pattern: /^\/knowledgebases\/([^/]+)\/datasources\/([^/]+)$/,
    service: 'bedrock-agent',
    operation: 'GetDataSource',
    run: ({ region }, [id, source]) => ({ dataSource: find(agentData(region).dataSources[id!] ?? [], 'dataSourceId', source, 'data source') }),
  },
  {
    method: 'GET',
    pattern: /^\/flows\/$/,
    service: 'bedrock-agent',
    operation: 'ListFlows',
    run: ({ region, query }) => listing(agentData(region).flows, ['id', 'arn', 'name', 'status', 'createdAt', 'updatedAt', 'version'], 'flowSummaries', query.get('nextToken'), 'nextToken'),
  },
  { method: 'GET', pattern: /^\/flows\/([^/]+)\/$/, service: 'bedrock-agent', operation: 'GetFlow', run: ({ region }, [id]) => find(agentData(region).flows, 'id', id, 'flow') },
  {
    method: 'GET',
    pattern: /^\/prompts\/$/,
    service: 'bedrock-agent',
    operation: 'ListPrompts',
    run: ({ region, query }) => listing(agentData(region).prompts, ['id', 'arn', 'name', 'version', 'createdAt', 'updatedAt'], 'promptSummaries', query.get('nextToken'), 'nextToken'),
  },
  { method: 'GET', pattern: /^\/prompts\/([^/]+)\/$/, service: 'bedrock-agent', operation: 'GetPrompt', run: ({ region }, [id]) => find(agentData(region).prompts, 'id', id, 'prompt') },
  { method: 'GET', pattern: /^\/tags\/(.+)$/, service: 'bedrock-agent', operation: 'ListTagsForResource', run: ({ region }, [arn]) => ({ tags: agentData(region).tags[arn!] ?? {} }) },

  {
    method: 'GET',
    pattern: /^\/2015-03-31\/functions\/?$/,
    service: 'lambda',
    operation: 'ListFunctions',
    run: ({ region, query }) => {
      const functions = Object.values(LAMBDAS).filter((configuration) => String(configuration.FunctionArn).split(':')[3] === region);
      const page = paged(functions, query.get('Marker') ?? undefined);
      return { Functions: page.items, NextMarker: page.next };
    },
  },
  {
    method: 'GET',
    pattern: /^\/2015-03-31\/functions\/([^/]+)\/configuration$/,
    service: 'lambda',
    operation: 'GetFunctionConfiguration',
    run: (_request, [name]) => {
      const configuration = LAMBDAS[name!];
      if (!configuration) throw new FakeError('ResourceNotFoundException', `function ${name} not found`, 404);
      return configuration;
    },
  },
  {
    method: 'GET',
    pattern: /^\/2019-09-30\/functions\/([^/]+)\/concurrency$/,
    service: 'lambda',
    operation: 'GetFunctionConcurrency',
    run: (_request, [name]) => {
      if (!LAMBDAS[name!]) throw new FakeError('ResourceNotFoundException', `function ${name} not found`, 404);
      // No reserved concurrency configured: the answer has no member (ReservedConcurrentExecutions is optional).
      const reserved = LAMBDA_RESERVED_CONCURRENCY[name!];
      return reserved === undefined ? {} : { ReservedConcurrentExecutions: reserved };
    },
  },
];

export function restOperation(request: RestRequest): Operation | undefined {
  for (const route of REST_ROUTES) {
    const match = request.method === route.method ? request.path.match(route.pattern) : null;
    if (!match) continue;
    const params = match.slice(1).map((part) => decodeURIComponent(part));
    const prefix = route.service === 'bedrock-agent' ? 'bedrock' : route.service;
    return { service: route.service, action: `${prefix}:${route.operation}`, operation: route.operation, run: () => route.run(request, params) };
  }
  return undefined;
}

// ---------------------------------------------------------------- query: STS, IAM; ec2Query: EC2

const encodeDocument = (document: unknown) => encodeURIComponent(JSON.stringify(document));
const created = new Date('2024-01-02T03:04:05Z');

/** IAM listing answers page with Marker/IsTruncated. */
function iamListing(items: readonly unknown[], key: string, marker: string | undefined): Item {
  const page = paged(items, marker);
  return { [key]: page.items, IsTruncated: page.next !== undefined, Marker: page.next };
}

type Principal = { attached: Array<{ PolicyName: string; PolicyArn: string }>; inline: Record<string, unknown> };

function principal(kind: 'Role' | 'User' | 'Group', name: string | undefined): Principal {
  const table: Record<string, Principal> = kind === 'Role' ? ROLES : kind === 'User' ? USERS : GROUPS;
  const found = name === undefined ? undefined : table[name];
  if (!found) throw new FakeError('NoSuchEntity', `The ${kind.toLowerCase()} with name ${name} cannot be found.`, 404);
  return found;
}

export function iamOperation(action: string, input: Record<string, string>): (() => unknown) | undefined {
  const marker = input.Marker;
  const policyOperations = (kind: 'Role' | 'User' | 'Group'): Record<string, () => unknown> => ({
    [`ListAttached${kind}Policies`]: () => iamListing(principal(kind, input[`${kind}Name`]).attached, 'AttachedPolicies', marker),
    [`List${kind}Policies`]: () => iamListing(Object.keys(principal(kind, input[`${kind}Name`]).inline), 'PolicyNames', marker),
    [`Get${kind}Policy`]: () => {
      const document = principal(kind, input[`${kind}Name`]).inline[input.PolicyName!];
      if (!document) throw new FakeError('NoSuchEntity', `policy ${input.PolicyName} not found`, 404);
      return { [`${kind}Name`]: input[`${kind}Name`], PolicyName: input.PolicyName, PolicyDocument: encodeDocument(document) };
    },
  });
  const handlers: Record<string, () => unknown> = {
    ...policyOperations('Role'),
    ...policyOperations('User'),
    ...policyOperations('Group'),
    GetRole: () => {
      const role = principal('Role', input.RoleName) as (typeof ROLES)[string];
      return {
        Role: {
          Path: '/',
          RoleName: input.RoleName,
          RoleId: `AROA${input.RoleName!.toUpperCase().slice(0, 12)}`,
          Arn: `arn:aws:iam::${ACCOUNT}:role/${input.RoleName}`,
          CreateDate: created,
          AssumeRolePolicyDocument: encodeDocument(role.trust),
          PermissionsBoundary: role.boundary ? { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: role.boundary } : undefined,
          Tags: Object.entries(role.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
        },
      };
    },
    GetUser: () => {
      principal('User', input.UserName);
      return { User: { Path: '/', UserName: input.UserName, UserId: `AIDA${input.UserName!.toUpperCase()}`, Arn: `arn:aws:iam::${ACCOUNT}:user/${input.UserName}`, CreateDate: created } };
    },
    ListRoles: () =>
      iamListing(
        Object.entries(ROLES).map(([name, role]) => ({
          Path: '/',
          RoleName: name,
          RoleId: `AROA${name.toUpperCase().slice(0, 12)}`,
          Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
          CreateDate: created,
          AssumeRolePolicyDocument: encodeDocument(role.trust),
          MaxSessionDuration: 3600,
        })),
        'Roles',
        marker,
      ),
    ListGroupsForUser: () =>
      iamListing(
        (USERS[input.UserName!]?.groups ?? []).map((group) => ({ Path: '/', GroupName: group, GroupId: `AGPA${group.toUpperCase()}`, Arn: `arn:aws:iam::${ACCOUNT}:group/${group}`, CreateDate: created })),
        'Groups',
        marker,
      ),
    GetPolicy: () => {
      if (!MANAGED_POLICIES[input.PolicyArn!]) throw new FakeError('NoSuchEntity', `policy ${input.PolicyArn} not found`, 404);
      return { Policy: { PolicyName: input.PolicyArn!.split('/').pop(), Arn: input.PolicyArn, DefaultVersionId: 'v7' } };
    },
    GetPolicyVersion: () => ({ PolicyVersion: { Document: encodeDocument(MANAGED_POLICIES[input.PolicyArn!]), VersionId: input.VersionId, IsDefaultVersion: true } }),
    ListServiceSpecificCredentials: () =>
      iamListing(
        API_KEYS.filter((key) => key.ServiceName === input.ServiceName),
        'ServiceSpecificCredentials',
        marker,
      ),
  };
  return handlers[action];
}

export function stsOperation(action: string, input: Record<string, string> = {}): (() => unknown) | undefined {
  if (action === 'AssumeRole') return () => assumeRole(input);
  if (action !== 'GetCallerIdentity') return undefined;
  return () => ({ Arn: `arn:aws:iam::${ACCOUNT}:user/aispm-scanner`, UserId: 'AIDASCANNER', Account: ACCOUNT });
}

/** `Filter.1.Name=vpc-endpoint-type&Filter.1.Value.1=Interface` → { 'vpc-endpoint-type': ['Interface'] }. */
function ec2Filters(input: Record<string, string>): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const [key, name] of Object.entries(input)) {
    const index = key.match(/^Filter\.(\d+)\.Name$/)?.[1];
    if (index) filters[name] = Object.entries(input).flatMap(([valueKey, value]) => (valueKey.startsWith(`Filter.${index}.Value.`) ? [value] : []));
  }
  return filters;
}

export function ec2Operation(action: string, input: Record<string, string>, region: string): (() => unknown) | undefined {
  const handlers: Record<string, () => unknown> = {
    DescribeRegions: () => ({ regionInfo: REGIONS.map((name) => ({ regionName: name, regionEndpoint: `ec2.${name}.amazonaws.com`, optInStatus: 'opt-in-not-required' })) }),
    DescribeVpcEndpoints: () => {
      const types = ec2Filters(input)['vpc-endpoint-type'];
      const endpoints = (VPC_ENDPOINTS[region] ?? []).filter((endpoint) => !types || types.includes(endpoint.vpcEndpointType as string));
      const page = paged(endpoints, input.NextToken);
      return { vpcEndpointSet: page.items, nextToken: page.next };
    },
    DescribeSubnets: () => {
      const ids = ec2Filters(input)['subnet-id'];
      const page = paged((SUBNETS[region] ?? []).filter((subnet) => !ids || ids.includes(subnet.subnetId as string)), input.NextToken);
      return { subnetSet: page.items, nextToken: page.next };
    },
  };
  return handlers[action];
}

// ---------------------------------------------------------------- restXml: S3

const S3_OPERATIONS: Record<string, { operation: string; action: string }> = {
  location: { operation: 'GetBucketLocation', action: 's3:GetBucketLocation' },
  tagging: { operation: 'GetBucketTagging', action: 's3:GetBucketTagging' },
  publicAccessBlock: { operation: 'GetPublicAccessBlock', action: 's3:GetBucketPublicAccessBlock' },
  policyStatus: { operation: 'GetBucketPolicyStatus', action: 's3:GetBucketPolicyStatus' },
  policy: { operation: 'GetBucketPolicy', action: 's3:GetBucketPolicy' },
  acl: { operation: 'GetBucketAcl', action: 's3:GetBucketAcl' },
  encryption: { operation: 'GetBucketEncryption', action: 's3:GetEncryptionConfiguration' },
  versioning: { operation: 'GetBucketVersioning', action: 's3:GetBucketVersioning' },
  notification: { operation: 'GetBucketNotificationConfiguration', action: 's3:GetBucketNotification' },
};

const xml = (tag: string, value: unknown) => (value === undefined ? '' : `<${tag}>${String(value)}</${tag}>`);

/** S3 answers: XML bodies, or the policy JSON itself. */
export function s3Operation(bucketName: string, query: URLSearchParams): (Operation & { run: () => { xml?: string; json?: string } }) | undefined {
  const subresource = Object.keys(S3_OPERATIONS).find((name) => query.has(name));
  if (!subresource) return undefined;
  const { action, operation } = S3_OPERATIONS[subresource]!;
  const run = () => {
    const bucket = BUCKETS[bucketName];
    if (!bucket) throw new FakeError('NoSuchBucket', 'The specified bucket does not exist', 404);
    const missing = (code: string) => {
      throw new FakeError(code, `${code} for ${bucketName}`, 404);
    };
    switch (subresource) {
      case 'location':
        return { xml: `<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${bucket.region === 'us-east-1' ? '' : bucket.region}</LocationConstraint>` };
      case 'tagging':
        if (!bucket.tags) return missing('NoSuchTagSet');
        return { xml: `<Tagging><TagSet>${Object.entries(bucket.tags).map(([key, value]) => `<Tag>${xml('Key', key)}${xml('Value', value)}</Tag>`).join('')}</TagSet></Tagging>` };
      case 'publicAccessBlock':
        if (!bucket.publicAccessBlock) return missing('NoSuchPublicAccessBlockConfiguration');
        return { xml: `<PublicAccessBlockConfiguration>${Object.entries(bucket.publicAccessBlock).map(([key, value]) => xml(key, value)).join('')}</PublicAccessBlockConfiguration>` };
      case 'policyStatus':
        if (!bucket.policy) return missing('NoSuchBucketPolicy');
        return { xml: `<PolicyStatus>${xml('IsPublic', bucket.policyIsPublic === true)}</PolicyStatus>` };
      case 'policy':
        if (!bucket.policy) return missing('NoSuchBucketPolicy');
        return { json: JSON.stringify(bucket.policy) };
      case 'acl': {
        const owner = `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>owner</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>`;
        const publicGrants = (bucket.publicAclGrants ?? []).map(
          (permission) => `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>${permission}</Permission></Grant>`,
        );
        return { xml: `<AccessControlPolicy><Owner><ID>owner</ID></Owner><AccessControlList>${owner}${publicGrants.join('')}</AccessControlList></AccessControlPolicy>` };
      }
      case 'encryption':
        return {
          xml: `<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>${xml('SSEAlgorithm', bucket.encryption.SSEAlgorithm)}${xml('KMSMasterKeyID', bucket.encryption.KMSMasterKeyID)}</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`,
        };
      case 'notification': {
        // A bucket without notifications answers with an empty configuration, not an error.
        const { topics = [], eventBridge } = bucket.notifications ?? {};
        const topicXml = topics.map((topic) => `<TopicConfiguration>${xml('Id', topic.id)}${xml('Topic', topic.arn)}${topic.events.map((event) => xml('Event', event)).join('')}</TopicConfiguration>`);
        return { xml: `<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${topicXml.join('')}${eventBridge ? '<EventBridgeConfiguration></EventBridgeConfiguration>' : ''}</NotificationConfiguration>` };
      }
      default:
        return { xml: `<VersioningConfiguration>${xml('Status', bucket.versioning)}</VersioningConfiguration>` };
    }
  };
  return { service: 's3', action, operation, run };
}

/** S3 Control (restXml, account id in the x-amz-account-id header): the account's Block Public Access settings. */
export function s3ControlOperation(method: string, path: string, accountId: string | string[] | undefined): (Operation & { run: () => { xml?: string } }) | undefined {
  if (method !== 'GET' || path !== '/v20180820/configuration/publicAccessBlock') return undefined;
  const run = () => {
    if (accountId !== ACCOUNT) throw new FakeError('AccessDenied', `account ${String(accountId)} is not this account`, 403);
    if (!ACCOUNT_PUBLIC_ACCESS_BLOCK) throw new FakeError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404);
    return { xml: `<PublicAccessBlockConfiguration>${Object.entries(ACCOUNT_PUBLIC_ACCESS_BLOCK).map(([key, value]) => xml(key, value)).join('')}</PublicAccessBlockConfiguration>` };
  };
  return { service: 's3', action: 's3:GetAccountPublicAccessBlock', operation: 'GetPublicAccessBlock', client: 's3-control', run };
}

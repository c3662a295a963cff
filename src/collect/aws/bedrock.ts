import {
  BedrockClient,
  GetCustomModelCommand,
  GetGuardrailCommand,
  GetImportedModelCommand,
  GetModelCustomizationJobCommand,
  GetModelInvocationLoggingConfigurationCommand,
  ListFoundationModelsCommand,
  ListTagsForResourceCommand,
  paginateListCustomModels,
  paginateListGuardrails,
  paginateListImportedModels,
  paginateListInferenceProfiles,
  paginateListModelCustomizationJobs,
  paginateListModelInvocationJobs,
  paginateListProvisionedModelThroughputs,
} from '@aws-sdk/client-bedrock';
import { parseArn } from './arn.js';
import { guardrailAsset } from './guardrails.js';
import { collectDescribed, type ServiceRegion } from './resources.js';
import { MAX_RECENT_JOBS, customerManagedKey, recentJobsSince, tagMap, toRaw, type AwsAccount } from './session.js';

/**
 * Bedrock: model invocation logging (one asset per region), guardrails with their full policies,
 * custom and imported models, customization and batch inference jobs, provisioned throughput,
 * application inference profiles, and the lifecycle of the foundation models the region offers.
 */

export interface BedrockRegion {
  /** Id of the region's logging asset, when the configuration was read. */
  loggingId: string | undefined;
  /** Resources found that count toward "this region uses Bedrock". */
  resources: number;
  /** Foundation model id → lifecycle status (ACTIVE, LEGACY), when the list was read. */
  modelLifecycle: Map<string, string> | undefined;
  /** Ids of the guardrails (working drafts) listed, when the listing answered. */
  guardrails: string[] | undefined;
}

/** The model id inside a foundation-model ARN; any other reference (a custom model's ARN) as given. */
export function foundationModelId(reference: string | undefined): string | undefined {
  const resource = parseArn(reference)?.resource;
  return resource?.startsWith('foundation-model/') ? resource.slice('foundation-model/'.length) : reference;
}


export async function collectBedrock(account: AwsAccount, region: string): Promise<BedrockRegion> {
  const client = account.client(BedrockClient, region);
  const scope = account.scope(region, 'bedrock');
  const service: ServiceRegion = {
    account,
    region,
    scope,
    tags: async (arn) => tagMap((await scope.call('ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ resourceARN: arn }))))?.tags, 'key', 'value'),
  };
  const since = recentJobsSince();
  const recentJobs = { sortBy: 'CreationTime', sortOrder: 'Descending' } as const;
  /** Provisioned throughput → the custom model it serves. */
  const customModelsServed: Array<[string, string]> = [];

  const [loggingId, modelLifecycle, ...counted] = await Promise.all([
    collectInvocationLogging(account, service, client),
    scope
      .call('ListFoundationModels', () => client.send(new ListFoundationModelsCommand({})))
      .then((result) => result && new Map((result.modelSummaries ?? []).flatMap((model) => (model.modelId && model.modelLifecycle?.status ? [[model.modelId, model.modelLifecycle.status]] : [])))),
    collectDescribed(service, {
      type: 'aws.bedrock.guardrail',
      list: { operation: 'ListGuardrails', pages: () => paginateListGuardrails({ client }, {}), items: (page) => page.guardrails },
      identify: (summary) => ({ id: summary.arn, name: summary.name }),
      // Without a version, GetGuardrail gives the working draft (the versions in force are read later).
      describe: { operation: 'GetGuardrail', run: (summary) => client.send(new GetGuardrailCommand({ guardrailIdentifier: summary.id })), names: ['encrypted-by'] },
      listed: (summary) => ({ version: summary.version ?? null }),
      tagged: true,
      toAsset: (guardrail, id) => guardrailAsset(account, region, guardrail, id),
    }),
    collectDescribed(service, {
      type: 'aws.bedrock.custom-model',
      list: { operation: 'ListCustomModels', pages: () => paginateListCustomModels({ client }, {}), items: (page) => page.modelSummaries },
      identify: (summary) => ({ id: summary.modelArn, name: summary.modelName }),
      describe: { operation: 'GetCustomModel', run: (summary) => client.send(new GetCustomModelCommand({ modelIdentifier: summary.modelArn })), names: ['trained-on', 'encrypted-by'] },
      tagged: true,
      toAsset: (model, id) => {
        for (const uri of [model.trainingDataConfig?.s3Uri, ...(model.validationDataConfig?.validators ?? []).map((validator) => validator.s3Uri)]) {
          account.edge(id, 'trained-on', account.bucket(uri, region));
        }
        account.encryptedBy(id, model.modelKmsKeyArn, region);
        if (model.baseModelArn) account.modelUsers.push({ id, region, model: model.baseModelArn });
        return {
          props: {
            baseModelArn: model.baseModelArn ?? null,
            modelId: foundationModelId(model.baseModelArn) ?? null,
            modelKmsKeyArn: model.modelKmsKeyArn ?? null,
            customerManagedKey: customerManagedKey(model.modelKmsKeyArn),
            customizationType: model.customizationType ?? null,
            status: model.modelStatus ?? null,
          },
          raw: toRaw(model),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.bedrock.imported-model',
      list: { operation: 'ListImportedModels', pages: () => paginateListImportedModels({ client }, {}), items: (page) => page.modelSummaries },
      identify: (summary) => ({ id: summary.modelArn, name: summary.modelName }),
      describe: { operation: 'GetImportedModel', run: (summary) => client.send(new GetImportedModelCommand({ modelIdentifier: summary.modelArn })), names: ['artifacts-in', 'encrypted-by'] },
      tagged: true,
      toAsset: (model, id) => {
        account.edge(id, 'artifacts-in', account.bucket(model.modelDataSource?.s3DataSource?.s3Uri, region));
        account.encryptedBy(id, model.modelKmsKeyArn, region);
        return {
          props: {
            modelKmsKeyArn: model.modelKmsKeyArn ?? null,
            customerManagedKey: customerManagedKey(model.modelKmsKeyArn),
            modelArchitecture: model.modelArchitecture ?? null,
          },
          raw: toRaw(model),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.bedrock.provisioned-throughput',
      list: { operation: 'ListProvisionedModelThroughputs', pages: () => paginateListProvisionedModelThroughputs({ client }, {}), items: (page) => page.provisionedModelSummaries },
      identify: (summary) => ({ id: summary.provisionedModelArn, name: summary.provisionedModelName }),
      tagged: true,
      toAsset: (throughput, id) => {
        if (throughput.modelArn && throughput.modelArn !== throughput.foundationModelArn) customModelsServed.push([id, throughput.modelArn]);
        if (throughput.foundationModelArn) account.modelUsers.push({ id, region, model: throughput.foundationModelArn });
        return {
          props: {
            modelId: foundationModelId(throughput.modelArn) ?? null,
            modelUnits: throughput.modelUnits ?? null,
            commitmentDuration: throughput.commitmentDuration ?? null,
            status: throughput.status ?? null,
          },
          raw: toRaw(throughput),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.bedrock.inference-profile',
      list: {
        operation: 'ListInferenceProfiles',
        // System-defined (cross-region) profiles exist in every account; only application profiles are the account's own.
        pages: () => paginateListInferenceProfiles({ client }, { typeEquals: 'APPLICATION' }),
        items: (page) => page.inferenceProfileSummaries,
      },
      identify: (summary) => ({ id: summary.inferenceProfileArn, name: summary.inferenceProfileName }),
      tagged: true,
      toAsset: (profile) => ({
        props: { modelArns: (profile.models ?? []).flatMap((model) => model.modelArn ?? []), status: profile.status ?? null },
        raw: toRaw(profile),
      }),
    }),
  ]);

  // The guardrails listing comes first among the counted ones: none listed is an answer only when the listing answered.
  if (loggingId) account.patchProps(loggingId, { guardrailsInRegion: counted[0]?.length });
  await Promise.all([
    collectDescribed(service, {
      type: 'aws.bedrock.model-customization-job',
      list: {
        operation: 'ListModelCustomizationJobs',
        pages: () => paginateListModelCustomizationJobs({ client }, { creationTimeAfter: since, ...recentJobs }),
        items: (page) => page.modelCustomizationJobSummaries,
        limit: MAX_RECENT_JOBS,
      },
      identify: (summary) => ({ id: summary.jobArn, name: summary.jobName }),
      describe: {
        operation: 'GetModelCustomizationJob',
        run: (summary) => client.send(new GetModelCustomizationJobCommand({ jobIdentifier: summary.jobArn })),
        names: ['reads-data', 'writes-data', 'uses-identity', 'encrypted-by'],
      },
      tagged: false,
      toAsset: (job, id) => {
        const inputs = [job.trainingDataConfig?.s3Uri, ...(job.validationDataConfig?.validators ?? []).map((validator) => validator.s3Uri)];
        for (const uri of inputs) account.edge(id, 'reads-data', account.bucket(uri, region));
        account.edge(id, 'writes-data', account.bucket(job.outputDataConfig?.s3Uri, region));
        account.edge(id, 'uses-identity', account.role(job.roleArn));
        account.encryptedBy(id, job.outputModelKmsKeyArn, region);
        return {
          props: {
            baseModelArn: job.baseModelArn ?? null,
            outputModelKmsKeyArn: job.outputModelKmsKeyArn ?? null,
            customerManagedKey: customerManagedKey(job.outputModelKmsKeyArn),
            customizationType: job.customizationType ?? null,
            vpcConfigured: job.vpcConfig !== undefined,
            status: job.status ?? null,
          },
          raw: toRaw(job),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.bedrock.model-invocation-job',
      list: {
        operation: 'ListModelInvocationJobs',
        pages: () => paginateListModelInvocationJobs({ client }, { submitTimeAfter: since, ...recentJobs }),
        items: (page) => page.invocationJobSummaries,
        limit: MAX_RECENT_JOBS,
      },
      identify: (summary) => ({ id: summary.jobArn, name: summary.jobName }),
      tagged: false,
      toAsset: (job, id) => {
        const output = job.outputDataConfig?.s3OutputDataConfig;
        account.edge(id, 'reads-data', account.bucket(job.inputDataConfig?.s3InputDataConfig?.s3Uri, region));
        account.edge(id, 'writes-data', account.bucket(output?.s3Uri, region));
        account.edge(id, 'uses-identity', account.role(job.roleArn));
        account.encryptedBy(id, output?.s3EncryptionKeyId, region);
        return {
          props: {
            modelId: job.modelId ?? null,
            outputKmsKeyId: output?.s3EncryptionKeyId ?? null,
            customerManagedKey: customerManagedKey(output?.s3EncryptionKeyId),
            vpcConfigured: job.vpcConfig !== undefined,
            status: job.status ?? null,
          },
          raw: toRaw(job),
        };
      },
    }),
  ]);
  for (const [throughput, model] of customModelsServed) if (account.getAsset(model)) account.edge(throughput, 'deploys', model);
  return { loggingId, modelLifecycle, guardrails: counted[0], resources: counted.reduce((sum, ids) => sum + (ids?.length ?? 0), 0) };
}

/** The region's invocation logging configuration, and where the logs go. */
async function collectInvocationLogging(account: AwsAccount, service: ServiceRegion, client: BedrockClient): Promise<string | undefined> {
  const { region, scope } = service;
  const result = await scope.call('GetModelInvocationLoggingConfiguration', () => client.send(new GetModelInvocationLoggingConfigurationCommand({})));
  if (!result) return undefined;
  const config = result.loggingConfig;
  const id = `arn:${account.partition}:bedrock:${region}:${account.account}:model-invocation-logging`;
  const logGroup = config?.cloudWatchConfig?.logGroupName;
  const bucket = config?.s3Config?.bucketName;
  for (const destination of [bucket, config?.cloudWatchConfig?.largeDataDeliveryS3Config?.bucketName]) {
    account.edge(id, 'logs-to', account.bucket(destination, region));
  }
  account.edge(id, 'logs-to', account.logGroup(logGroup, region));
  account.addAsset({
    id,
    type: 'aws.bedrock.model-invocation-logging',
    name: `model-invocation-logging (${region})`,
    region,
    props: {
      loggingEnabled: Boolean(logGroup || bucket),
      textDataDelivery: config ? (config.textDataDeliveryEnabled ?? false) : null,
      s3Bucket: bucket ?? null,
      logGroupName: logGroup ?? null,
    },
    raw: toRaw(result),
  });
  return id;
}

/** A model as agents name it (id, ARN, cross-region inference profile such as `us.anthropic...`) → its foundation model id. */
function baseModelId(reference: string): string {
  const profile = parseArn(reference)?.resource.match(/^inference-profile\/(.+)$/)?.[1];
  return (profile ?? foundationModelId(reference)!).replace(/^(us|eu|apac|us-gov|ca|jp|au|global)\./, '');
}

/** Marks assets that use a foundation model as outdated when the region lists that model as LEGACY. */
export function markLegacyModelUsers(account: AwsAccount, lifecycleByRegion: ReadonlyMap<string, Map<string, string> | undefined>): void {
  for (const { id, region, model } of account.modelUsers) {
    const status = lifecycleByRegion.get(region)?.get(baseModelId(model));
    if (status) account.patchProps(id, { outdated: status === 'LEGACY' });
  }
}

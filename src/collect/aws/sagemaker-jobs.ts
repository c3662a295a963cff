import {
  DescribeAutoMLJobV2Command,
  DescribeCompilationJobCommand,
  DescribeHyperParameterTuningJobCommand,
  paginateListAutoMLJobs,
  paginateListCompilationJobs,
  paginateListHyperParameterTuningJobs,
  type HyperParameterTrainingJobDefinition,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { collectDescribed, type ServiceRegion } from './resources.js';
import { MAX_RECENT_JOBS, customerManagedKey, toRaw } from './session.js';

/**
 * SageMaker jobs that start other jobs or change a model: hyperparameter tuning jobs (their training
 * job definitions), AutoML jobs and compilation (Neo) jobs, recent ones only, as for training jobs.
 * Their own settings are what the next runs inherit, so they are judged apart from the training and
 * processing jobs they start (which ListTrainingJobs and ListProcessingJobs give too).
 */

/** Input buckets read, output buckets written, and the role a job runs as (sagemaker.ts draws them). */
export type LinkJobData = (id: string, inputs: Array<string | undefined>, outputs: Array<string | undefined>, roleArn: string | undefined) => void;

/** What a job's description names: its data, its role and its keys. */
export const JOB_RELATIONS = ['reads-data', 'writes-data', 'uses-identity', 'encrypted-by'] as const;

/** The listing of a kind of SageMaker job: those created since `since` (recentJobsSince), newest first, at most MAX_RECENT_JOBS. */
export function recentJobListing<Page, Summary>(
  client: SageMakerClient,
  since: Date,
  operation: string,
  paginate: (config: { client: SageMakerClient }, input: { CreationTimeAfter: Date; SortBy: 'CreationTime'; SortOrder: 'Descending' }) => AsyncIterable<Page>,
  items: (page: Page) => Summary[] | undefined,
) {
  return { operation, pages: () => paginate({ client }, { CreationTimeAfter: since, SortBy: 'CreationTime', SortOrder: 'Descending' }), items, limit: MAX_RECENT_JOBS };
}

/** The tuning job's training definitions: one (TrainingJobDefinition) or several (TrainingJobDefinitions). */
function trainingDefinitions(job: { TrainingJobDefinition?: HyperParameterTrainingJobDefinition; TrainingJobDefinitions?: HyperParameterTrainingJobDefinition[] }): HyperParameterTrainingJobDefinition[] {
  return [...(job.TrainingJobDefinition ? [job.TrainingJobDefinition] : []), ...(job.TrainingJobDefinitions ?? [])];
}

export function collectSageMakerJobTemplates(service: ServiceRegion, client: SageMakerClient, since: Date, linkData: LinkJobData, volumeKeyApplies: (instanceTypes: Array<string | undefined>) => boolean): Promise<unknown> {
  const { account, region } = service;
  return Promise.all([
    collectDescribed(service, {
      type: 'aws.sagemaker.hyperparameter-tuning-job',
      list: recentJobListing(client, since, 'ListHyperParameterTuningJobs', paginateListHyperParameterTuningJobs, (page) => page.HyperParameterTuningJobSummaries),
      identify: (summary) => ({ id: summary.HyperParameterTuningJobArn, name: summary.HyperParameterTuningJobName }),
      describe: {
        operation: 'DescribeHyperParameterTuningJob',
        run: (summary) => client.send(new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: summary.HyperParameterTuningJobName })),
        names: JOB_RELATIONS,
      },
      listed: (summary) => ({ status: summary.HyperParameterTuningJobStatus ?? null }),
      tagged: true,
      toAsset: (job, id) => {
        const definitions = trainingDefinitions(job);
        const volumeKeys: Array<string | undefined> = [];
        const instanceTypes: string[] = [];
        for (const definition of definitions) {
          linkData(id, (definition.InputDataConfig ?? []).map((channel) => channel.DataSource?.S3DataSource?.S3Uri), [definition.OutputDataConfig?.S3OutputPath], definition.RoleArn);
          account.encryptedBy(id, definition.OutputDataConfig?.KmsKeyId, region);
          const resources = definition.ResourceConfig;
          const tuningResources = definition.HyperParameterTuningResourceConfig;
          const types = [resources?.InstanceType, ...(resources?.InstanceGroups ?? []).map((group) => group.InstanceType), tuningResources?.InstanceType, ...(tuningResources?.InstanceConfigs ?? []).map((config) => config.InstanceType)].flatMap(
            (type): string[] => (type === undefined ? [] : [type]),
          );
          instanceTypes.push(...types);
          const volumeKey = resources?.VolumeKmsKeyId ?? tuningResources?.VolumeKmsKeyId;
          account.encryptedBy(id, volumeKey, region);
          if (volumeKey || volumeKeyApplies(types)) volumeKeys.push(volumeKey);
        }
        const every = (test: (definition: HyperParameterTrainingJobDefinition) => boolean) => (definitions.length > 0 ? definitions.every(test) : null);
        const isolation = every((definition) => definition.EnableNetworkIsolation ?? false);
        const outputKeys = definitions.map((definition) => definition.OutputDataConfig?.KmsKeyId);
        return {
          props: {
            networkIsolation: isolation,
            networkIsolated: isolation,
            interContainerEncryption: every((definition) => definition.EnableInterContainerTrafficEncryption ?? false),
            vpcConfigured: every((definition) => definition.VpcConfig !== undefined),
            maxParallelTrainingJobs: job.HyperParameterTuningJobConfig?.ResourceLimits?.MaxParallelTrainingJobs ?? null,
            instanceType: [...new Set(instanceTypes)].join(',') || null,
            volumeKmsKeyIds: volumeKeys.filter((key): key is string => Boolean(key)),
            outputKmsKeyIds: outputKeys.filter((key): key is string => Boolean(key)),
            customerManagedKey: definitions.length > 0 ? customerManagedKey(...outputKeys, ...volumeKeys) : null,
            status: job.HyperParameterTuningJobStatus ?? null,
          },
          raw: toRaw(job),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.sagemaker.automl-job',
      list: recentJobListing(client, since, 'ListAutoMLJobs', paginateListAutoMLJobs, (page) => page.AutoMLJobSummaries),
      identify: (summary) => ({ id: summary.AutoMLJobArn, name: summary.AutoMLJobName }),
      // DescribeAutoMLJobV2 describes jobs made by CreateAutoMLJob and CreateAutoMLJobV2 alike; DescribeAutoMLJob only the former.
      describe: { operation: 'DescribeAutoMLJobV2', run: (summary) => client.send(new DescribeAutoMLJobV2Command({ AutoMLJobName: summary.AutoMLJobName })), names: JOB_RELATIONS },
      listed: (summary) => ({ status: summary.AutoMLJobStatus ?? null }),
      tagged: true,
      toAsset: (job, id) => {
        const security = job.SecurityConfig;
        const output = job.OutputDataConfig;
        linkData(id, (job.AutoMLJobInputDataConfig ?? []).map((channel) => channel.DataSource?.S3DataSource?.S3Uri), [output?.S3OutputPath], job.RoleArn);
        account.encryptedBy(id, security?.VolumeKmsKeyId, region);
        account.encryptedBy(id, output?.KmsKeyId, region);
        return {
          props: {
            interContainerEncryption: security?.EnableInterContainerTrafficEncryption ?? false,
            vpcConfigured: security?.VpcConfig !== undefined,
            volumeKmsKeyId: security?.VolumeKmsKeyId ?? null,
            outputKmsKeyId: output?.KmsKeyId ?? null,
            customerManagedKey: customerManagedKey(output?.KmsKeyId, security?.VolumeKmsKeyId),
            problemType: job.AutoMLProblemTypeConfigName ?? null,
            status: job.AutoMLJobStatus ?? null,
          },
          raw: toRaw(job),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.sagemaker.compilation-job',
      list: recentJobListing(client, since, 'ListCompilationJobs', paginateListCompilationJobs, (page) => page.CompilationJobSummaries),
      identify: (summary) => ({ id: summary.CompilationJobArn, name: summary.CompilationJobName }),
      describe: {
        operation: 'DescribeCompilationJob',
        run: (summary) => client.send(new DescribeCompilationJobCommand({ CompilationJobName: summary.CompilationJobName })),
        names: JOB_RELATIONS,
      },
      listed: (summary) => ({ status: summary.CompilationJobStatus ?? null }),
      tagged: true,
      toAsset: (job, id) => {
        const output = job.OutputConfig;
        linkData(id, [job.InputConfig?.S3Uri], [output?.S3OutputLocation], job.RoleArn);
        account.encryptedBy(id, output?.KmsKeyId, region);
        return {
          props: {
            outputKmsKeyId: output?.KmsKeyId ?? null,
            customerManagedKey: customerManagedKey(output?.KmsKeyId),
            vpcConfigured: job.VpcConfig !== undefined,
            framework: job.InputConfig?.Framework ?? null,
            targetDevice: output?.TargetDevice ?? null,
            status: job.CompilationJobStatus ?? null,
          },
          raw: toRaw(job),
        };
      },
    }),
  ]);
}

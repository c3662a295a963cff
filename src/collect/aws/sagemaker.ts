import {
  DescribeFlowDefinitionCommand,
  DescribeDataQualityJobDefinitionCommand,
  DescribeDomainCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeFeatureGroupCommand,
  DescribeModelBiasJobDefinitionCommand,
  DescribeModelCommand,
  DescribeModelExplainabilityJobDefinitionCommand,
  DescribeModelQualityJobDefinitionCommand,
  DescribeMonitoringScheduleCommand,
  DescribeNotebookInstanceCommand,
  DescribeNotebookInstanceLifecycleConfigCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  DescribeUserProfileCommand,
  SageMakerClient,
  paginateListDomains,
  paginateListEndpointConfigs,
  paginateListEndpoints,
  paginateListDataQualityJobDefinitions,
  paginateListFeatureGroups,
  paginateListFlowDefinitions,
  paginateListModelPackageGroups,
  paginateListModelPackages,
  paginateListModels,
  paginateListMonitoringSchedules,
  paginateListNotebookInstances,
  paginateListProcessingJobs,
  paginateListTags,
  paginateListTrainingJobs,
  paginateListTransformJobs,
  paginateListUserProfiles,
  type ContainerDefinition,
  type MonitoringNetworkConfig,
} from '@aws-sdk/client-sagemaker';
import { forEachConcurrently } from '../runtime.js';
import { sageMakerArn } from './arn.js';
import { collectDescribed, type ServiceRegion } from './resources.js';
import { collectSageMakerJobTemplates, JOB_RELATIONS, recentJobListing } from './sagemaker-jobs.js';
import {
  customerManagedKey,
  enabledFlag,
  recentJobsSince,
  tagMap,
  toRaw,
  type AwsAccount,
} from './session.js';
import { OUTDATED_NOTEBOOK_PLATFORMS } from './notebook-platforms.js';
import { servedModel, volumeKeyApplies } from './sagemaker-models.js';

/**
 * SageMaker: notebooks and their lifecycle scripts, Studio domains and user profiles, models,
 * endpoint configurations, endpoints and their monitoring, recent training, processing and transform
 * jobs, the model registry and the feature store. Relations that span resources (an endpoint deploys
 * the models of its configuration; a model was trained on the data of the job that produced its
 * artifacts) are drawn once the whole region has been read.
 */

/** A lifecycle script that downloads something and runs it unseen: `curl ... | sh`, `wget -O- ... | bash`. */
const DOWNLOAD_INTO_SHELL = /\b(curl|wget)\b[^\n|]*\|\s*(sudo\s+(-\S+\s+)*)?(ba|z|da)?sh\b/;

/** What one region's SageMaker resources tell each other, for the relations drawn at the end. */
interface RegionLinks {
  /** Model artifact URI → buckets of the training job that produced it. */
  trainingDataByArtifact: Map<string, string[]>;
  /** Model id → its artifact URIs. */
  modelArtifacts: Map<string, string[]>;
  /** Endpoint configuration id → model ids of its variants. */
  configModels: Map<string, string[]>;
  /** Endpoint id → endpoint configuration id. */
  endpointConfigs: Map<string, string>;
  /** Lifecycle configuration name → notebooks that run it. */
  lifecycleConfigs: Map<string, string[]>;
  /** Domain id → default execution role; user profile id → its domain and own role. */
  domainRoles: Map<string, string | undefined>;
  profileDomains: Map<string, { domainId: string; role: string | undefined }>;
  /** Endpoint id and the monitoring schedule that watches it. */
  monitoredEndpoints: Array<[string, string]>;
  /** Schedules whose job settings sit in a separately described job definition. */
  namedJobDefinitions: Array<{ scheduleId: string; name: string; type: string | undefined }>;
}

/** Returns the ids of the region's models, or undefined when they could not be listed. */
export async function collectSageMaker(account: AwsAccount, region: string): Promise<{ models: string[] | undefined }> {
  const client = account.client(SageMakerClient, region);
  const scope = account.scope(region, 'sagemaker');
  const service: ServiceRegion = {
    account,
    region,
    scope,
    tags: async (arn) => tagMap(await scope.list('ListTags', paginateListTags({ client }, { ResourceArn: arn }), (page) => page.Tags)),
  };
  const arn = (kind: string, name: string) => sageMakerArn(account.partition, region, account.account, kind, name);
  const links: RegionLinks = {
    trainingDataByArtifact: new Map(),
    modelArtifacts: new Map(),
    configModels: new Map(),
    endpointConfigs: new Map(),
    lifecycleConfigs: new Map(),
    domainRoles: new Map(),
    profileDomains: new Map(),
    monitoredEndpoints: [],
    namedJobDefinitions: [],
  };
  const since = recentJobsSince();

  /** Input buckets read, output buckets written, and the role a job or model runs as. */
  const linkData = (id: string, inputs: Array<string | undefined>, outputs: Array<string | undefined>, roleArn: string | undefined) => {
    for (const uri of inputs) account.edge(id, 'reads-data', account.bucket(uri, region));
    for (const uri of outputs) account.edge(id, 'writes-data', account.bucket(uri, region));
    account.edge(id, 'uses-identity', account.role(roleArn));
  };

  // Positions: the listings whose failure leaves other assets' relations unknown.
  const [, , , models, endpoints, schedules] = await Promise.all([
    collectDescribed(service, {
      type: 'aws.sagemaker.notebook-instance',
      list: { operation: 'ListNotebookInstances', pages: () => paginateListNotebookInstances({ client }, {}), items: (page) => page.NotebookInstances },
      identify: (summary) => ({ id: summary.NotebookInstanceArn, name: summary.NotebookInstanceName }),
      describe: {
        operation: 'DescribeNotebookInstance',
        run: (summary) => client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: summary.NotebookInstanceName })),
        names: ['uses-identity', 'encrypted-by', 'configured-by'],
      },
      // Nothing reaches a notebook instance from outside: Jupyter is served through SageMaker's
      // authenticated proxy (CreatePresignedNotebookInstanceUrl), whatever DirectInternetAccess says.
      listed: () => ({ internetExposed: false }),
      tagged: true,
      toAsset: (notebook, id) => {
        const direct = enabledFlag(notebook.DirectInternetAccess, 'Enabled', 'Disabled');
        const subnetId = notebook.SubnetId ?? null;
        account.edge(id, 'uses-identity', account.role(notebook.RoleArn));
        account.encryptedBy(id, notebook.KmsKeyId, region);
        const lifecycle = notebook.NotebookInstanceLifecycleConfigName;
        if (lifecycle) links.lifecycleConfigs.set(lifecycle, [...(links.lifecycleConfigs.get(lifecycle) ?? []), id]);
        return {
          props: {
            directInternetAccess: direct,
            // Without direct access, outbound traffic goes through the VPC, whose routes (NAT) are not read.
            internetEgress: direct === true ? true : undefined,
            networkIsolated: direct === true ? false : undefined,
            rootAccess: enabledFlag(notebook.RootAccess, 'Enabled', 'Disabled'),
            kmsKeyId: notebook.KmsKeyId ?? null,
            customerManagedKey: customerManagedKey(notebook.KmsKeyId),
            subnetId,
            minimumImdsVersion: notebook.InstanceMetadataServiceConfiguration?.MinimumInstanceMetadataServiceVersion ?? null,
            platformIdentifier: notebook.PlatformIdentifier ?? null,
            outdated: notebook.PlatformIdentifier === undefined ? undefined : OUTDATED_NOTEBOOK_PLATFORMS.test(notebook.PlatformIdentifier),
            lifecycleConfigName: lifecycle ?? null,
            instanceType: notebook.InstanceType ?? null,
            status: notebook.NotebookInstanceStatus ?? null,
          },
          raw: toRaw(notebook),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.sagemaker.domain',
      list: { operation: 'ListDomains', pages: () => paginateListDomains({ client }, {}), items: (page) => page.Domains },
      identify: (summary) => ({ id: summary.DomainArn, name: summary.DomainName }),
      describe: { operation: 'DescribeDomain', run: (summary) => client.send(new DescribeDomainCommand({ DomainId: summary.DomainId })), names: ['uses-identity', 'in-network', 'encrypted-by'] },
      // Studio is opened through the domain's authenticated URL (presigned or IAM Identity Center); its apps take no inbound connections.
      listed: (summary) => ({ internetExposed: false, status: summary.Status ?? null }),
      tagged: true,
      toAsset: (domain, id) => {
        const defaultRole = account.role(domain.DefaultUserSettings?.ExecutionRole);
        if (domain.DomainId) links.domainRoles.set(domain.DomainId, defaultRole);
        account.edge(id, 'uses-identity', defaultRole);
        account.edge(id, 'in-network', account.vpc(domain.VpcId, region));
        account.encryptedBy(id, domain.KmsKeyId, region);
        const access = domain.AppNetworkAccessType;
        return {
          props: {
            appNetworkAccessType: access ?? null,
            // VpcOnly: outbound traffic goes through the domain's VPC, whose routes (NAT) are not read.
            internetEgress: access === 'PublicInternetOnly' ? true : undefined,
            authMode: domain.AuthMode ?? null,
            kmsKeyId: domain.KmsKeyId ?? null,
            customerManagedKey: customerManagedKey(domain.KmsKeyId),
            vpcId: domain.VpcId ?? null,
            status: domain.Status ?? null,
          },
          raw: toRaw(domain),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.sagemaker.user-profile',
      list: { operation: 'ListUserProfiles', pages: () => paginateListUserProfiles({ client }, {}), items: (page) => page.UserProfiles },
      identify: (summary) => ({
        id: summary.DomainId && summary.UserProfileName ? arn('user-profile', `${summary.DomainId}/${summary.UserProfileName}`) : undefined,
        name: summary.UserProfileName,
      }),
      describe: {
        operation: 'DescribeUserProfile',
        run: (summary) => client.send(new DescribeUserProfileCommand({ DomainId: summary.DomainId, UserProfileName: summary.UserProfileName })),
        names: ['uses-identity', 'part-of'],
      },
      listed: (summary) => ({ status: summary.Status ?? null }),
      tagged: false,
      toAsset: (profile, id) => {
        if (profile.DomainId) links.profileDomains.set(id, { domainId: profile.DomainId, role: profile.UserSettings?.ExecutionRole });
        return { props: { status: profile.Status ?? null }, raw: toRaw(profile) };
      },
    }),
    collectDescribed(service, {
      type: 'aws.sagemaker.model',
      list: { operation: 'ListModels', pages: () => paginateListModels({ client }, {}), items: (page) => page.Models },
      identify: (summary) => ({ id: summary.ModelArn, name: summary.ModelName }),
      describe: {
        operation: 'DescribeModel',
        run: (summary) => client.send(new DescribeModelCommand({ ModelName: summary.ModelName })),
        names: ['artifacts-in', 'uses-identity', 'configured-by', 'trained-on'],
      },
      tagged: true,
      toAsset: (model, id, tags) => {
        const containers: ContainerDefinition[] = [...(model.PrimaryContainer ? [model.PrimaryContainer] : []), ...(model.Containers ?? [])];
        const artifacts = containers.map((container) => container.ModelDataUrl ?? container.ModelDataSource?.S3DataSource?.S3Uri).filter((uri): uri is string => uri !== undefined);
        links.modelArtifacts.set(id, artifacts);
        for (const uri of artifacts) account.edge(id, 'artifacts-in', account.bucket(uri, region));
        account.edge(id, 'uses-identity', account.role(model.ExecutionRoleArn));
        // A model deployed from the model registry names its registered version (model package).
        for (const container of containers) {
          const modelPackage = container.ModelPackageName;
          if (modelPackage) account.edge(id, 'configured-by', account.expect(modelPackage.startsWith('arn:') ? modelPackage : arn('model-package', modelPackage), 'aws.sagemaker.model-package', region));
        }
        const isolation = model.EnableNetworkIsolation ?? false;
        return {
          props: {
            ...servedModel(containers, tags),
            networkIsolation: isolation,
            networkIsolated: isolation,
            vpcConfigured: model.VpcConfig !== undefined,
            images: containers.map((container) => container.Image).filter((image): image is string => image !== undefined),
            repositoryAccessModes: containers.map((container) => container.ImageConfig?.RepositoryAccessMode ?? 'Platform'),
            modelDataUrls: artifacts,
          },
          raw: toRaw(model),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.sagemaker.endpoint',
      list: { operation: 'ListEndpoints', pages: () => paginateListEndpoints({ client }, {}), items: (page) => page.Endpoints },
      identify: (summary) => ({ id: summary.EndpointArn, name: summary.EndpointName }),
      describe: { operation: 'DescribeEndpoint', run: (summary) => client.send(new DescribeEndpointCommand({ EndpointName: summary.EndpointName })), names: ['configured-by', 'deploys'] },
      listed: (summary) => ({ status: summary.EndpointStatus ?? null }),
      tagged: true,
      toAsset: (endpoint, id) => {
        if (endpoint.EndpointConfigName) {
          const configId = arn('endpoint-config', endpoint.EndpointConfigName);
          links.endpointConfigs.set(id, configId);
          account.edge(id, 'configured-by', account.expect(configId, 'aws.sagemaker.endpoint-config', region));
        }
        const variants = endpoint.ProductionVariants;
        const counts = (variants ?? []).map((variant) => variant.CurrentInstanceCount).filter((count): count is number => count !== undefined);
        const capture = endpoint.DataCaptureConfig?.EnableCapture ?? false;
        return {
          props: {
            status: endpoint.EndpointStatus ?? null,
            dataCaptureEnabled: capture,
            loggingEnabled: capture,
            variants: variants?.map((variant) => ({ name: variant.VariantName ?? null, currentInstanceCount: variant.CurrentInstanceCount ?? null })) ?? null,
            minInstanceCount: counts.length > 0 ? Math.min(...counts) : null,
          },
          raw: toRaw(endpoint),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.sagemaker.monitoring-schedule',
      list: { operation: 'ListMonitoringSchedules', pages: () => paginateListMonitoringSchedules({ client }, {}), items: (page) => page.MonitoringScheduleSummaries },
      identify: (summary) => ({ id: summary.MonitoringScheduleArn, name: summary.MonitoringScheduleName }),
      describe: {
        operation: 'DescribeMonitoringSchedule',
        run: (summary) => client.send(new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: summary.MonitoringScheduleName })),
        names: ['uses-identity'],
      },
      // The listing names the endpoint watched, the type and the status: enough to know the endpoint is monitored.
      listed: (summary, id) => {
        if (summary.EndpointName) links.monitoredEndpoints.push([arn('endpoint', summary.EndpointName), id]);
        return { monitoringType: summary.MonitoringType ?? null, status: summary.MonitoringScheduleStatus ?? null };
      },
      tagged: false,
      toAsset: (schedule, id) => {
        const config = schedule.MonitoringScheduleConfig;
        const inline = config?.MonitoringJobDefinition;
        account.edge(id, 'uses-identity', account.role(inline?.RoleArn));
        if (!inline && config?.MonitoringJobDefinitionName) {
          links.namedJobDefinitions.push({ scheduleId: id, name: config.MonitoringJobDefinitionName, type: schedule.MonitoringType ?? config.MonitoringType });
        }
        return {
          props: {
            monitoringType: schedule.MonitoringType ?? config?.MonitoringType ?? null,
            status: schedule.MonitoringScheduleStatus ?? null,
            ...(inline ? monitoringNetworkProps(inline.NetworkConfig) : {}),
          },
          raw: toRaw(schedule),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.sagemaker.endpoint-config',
      list: { operation: 'ListEndpointConfigs', pages: () => paginateListEndpointConfigs({ client }, {}), items: (page) => page.EndpointConfigs },
      identify: (summary) => ({ id: summary.EndpointConfigArn, name: summary.EndpointConfigName }),
      describe: {
        operation: 'DescribeEndpointConfig',
        run: (summary) => client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: summary.EndpointConfigName })),
        names: ['encrypted-by', 'logs-to'],
      },
      tagged: true,
      toAsset: (config, id) => {
        const variants = config.ProductionVariants ?? [];
        links.configModels.set(
          id,
          variants.flatMap((variant) => (variant.ModelName ? [arn('model', variant.ModelName)] : [])),
        );
        const capture = config.DataCaptureConfig;
        account.encryptedBy(id, config.KmsKeyId, region);
        if (capture?.EnableCapture) {
          account.edge(id, 'logs-to', account.bucket(capture.DestinationS3Uri, region));
          account.encryptedBy(id, capture.KmsKeyId, region);
        }
        // No key can be set when a variant is serverless or runs on instances with local storage.
        const keyApplies = variants.length > 0 && variants.every((variant) => variant.InstanceType !== undefined) && volumeKeyApplies(variants.map((variant) => variant.InstanceType));
        return {
          props: {
            kmsKeyId: config.KmsKeyId ?? null,
            customerManagedKey: config.KmsKeyId || keyApplies ? customerManagedKey(config.KmsKeyId) : null,
            dataCaptureEnabled: capture?.EnableCapture ?? false,
            variants: variants.map((variant) => ({
              name: variant.VariantName ?? null,
              instanceType: variant.InstanceType ?? null,
              initialInstanceCount: variant.InitialInstanceCount ?? null,
              modelName: variant.ModelName ?? null,
            })),
          },
          raw: toRaw(config),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.sagemaker.training-job',
      list: recentJobListing(client, since, 'ListTrainingJobs', paginateListTrainingJobs, (page) => page.TrainingJobSummaries),
      identify: (summary) => ({ id: summary.TrainingJobArn, name: summary.TrainingJobName }),
      describe: { operation: 'DescribeTrainingJob', run: (summary) => client.send(new DescribeTrainingJobCommand({ TrainingJobName: summary.TrainingJobName })), names: JOB_RELATIONS },
      listed: (summary) => ({ status: summary.TrainingJobStatus ?? null }),
      tagged: true,
      toAsset: (job, id) => {
        const inputs = (job.InputDataConfig ?? []).map((channel) => channel.DataSource?.S3DataSource?.S3Uri);
        linkData(id, inputs, [job.OutputDataConfig?.S3OutputPath], job.RoleArn);
        const artifact = job.ModelArtifacts?.S3ModelArtifacts;
        if (artifact) links.trainingDataByArtifact.set(artifact, inputs.flatMap((uri) => account.bucket(uri, region) ?? []));
        const resources = job.ResourceConfig;
        account.encryptedBy(id, resources?.VolumeKmsKeyId, region);
        account.encryptedBy(id, job.OutputDataConfig?.KmsKeyId, region);
        const isolation = job.EnableNetworkIsolation ?? false;
        const instanceTypes = [resources?.InstanceType, ...(resources?.InstanceGroups ?? []).map((group) => group.InstanceType)].flatMap((type): string[] => (type === undefined ? [] : [type]));
        const volumeKey = resources?.VolumeKmsKeyId;
        return {
          props: {
            networkIsolation: isolation,
            networkIsolated: isolation,
            interContainerEncryption: job.EnableInterContainerTrafficEncryption ?? false,
            instanceCount: resources?.InstanceCount ?? null,
            instanceType: instanceTypes.join(',') || null,
            volumeKmsKeyId: volumeKey ?? null,
            outputKmsKeyId: job.OutputDataConfig?.KmsKeyId ?? null,
            customerManagedKey: customerManagedKey(job.OutputDataConfig?.KmsKeyId, ...(volumeKey || volumeKeyApplies(instanceTypes) ? [volumeKey] : [])),
            vpcConfigured: job.VpcConfig !== undefined,
            status: job.TrainingJobStatus ?? null,
          },
          raw: toRaw(job),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.sagemaker.processing-job',
      list: recentJobListing(client, since, 'ListProcessingJobs', paginateListProcessingJobs, (page) => page.ProcessingJobSummaries),
      identify: (summary) => ({ id: summary.ProcessingJobArn, name: summary.ProcessingJobName }),
      describe: { operation: 'DescribeProcessingJob', run: (summary) => client.send(new DescribeProcessingJobCommand({ ProcessingJobName: summary.ProcessingJobName })), names: JOB_RELATIONS },
      listed: (summary) => ({ status: summary.ProcessingJobStatus ?? null }),
      tagged: true,
      toAsset: (job, id) => {
        const outputConfig = job.ProcessingOutputConfig;
        linkData(
          id,
          (job.ProcessingInputs ?? []).map((input) => input.S3Input?.S3Uri),
          (outputConfig?.Outputs ?? []).map((output) => output.S3Output?.S3Uri),
          job.RoleArn,
        );
        const cluster = job.ProcessingResources?.ClusterConfig;
        account.encryptedBy(id, cluster?.VolumeKmsKeyId, region);
        account.encryptedBy(id, outputConfig?.KmsKeyId, region);
        const network = job.NetworkConfig;
        const isolation = network?.EnableNetworkIsolation ?? false;
        return {
          props: {
            networkIsolation: isolation,
            networkIsolated: isolation,
            interContainerEncryption: network?.EnableInterContainerTrafficEncryption ?? false,
            instanceCount: cluster?.InstanceCount ?? null,
            instanceType: cluster?.InstanceType ?? null,
            volumeKmsKeyId: cluster?.VolumeKmsKeyId ?? null,
            outputKmsKeyId: outputConfig?.KmsKeyId ?? null,
            customerManagedKey: customerManagedKey(
              ...(cluster?.VolumeKmsKeyId || volumeKeyApplies([cluster?.InstanceType]) ? [cluster?.VolumeKmsKeyId] : []),
              ...(outputConfig ? [outputConfig.KmsKeyId] : []),
            ),
            vpcConfigured: network?.VpcConfig !== undefined,
            image: job.AppSpecification?.ImageUri ?? null,
            status: job.ProcessingJobStatus ?? null,
          },
          raw: toRaw(job),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.sagemaker.transform-job',
      list: recentJobListing(client, since, 'ListTransformJobs', paginateListTransformJobs, (page) => page.TransformJobSummaries),
      identify: (summary) => ({ id: summary.TransformJobArn, name: summary.TransformJobName }),
      describe: { operation: 'DescribeTransformJob', run: (summary) => client.send(new DescribeTransformJobCommand({ TransformJobName: summary.TransformJobName })), names: JOB_RELATIONS },
      listed: (summary) => ({ status: summary.TransformJobStatus ?? null }),
      tagged: true,
      toAsset: (job, id) => {
        const output = job.TransformOutput;
        linkData(id, [job.TransformInput?.DataSource?.S3DataSource?.S3Uri], [output?.S3OutputPath], undefined);
        const resources = job.TransformResources;
        account.encryptedBy(id, resources?.VolumeKmsKeyId, region);
        account.encryptedBy(id, output?.KmsKeyId, region);
        return {
          props: {
            volumeKmsKeyId: resources?.VolumeKmsKeyId ?? null,
            outputKmsKeyId: output?.KmsKeyId ?? null,
            customerManagedKey: customerManagedKey(output?.KmsKeyId, ...(resources?.VolumeKmsKeyId || volumeKeyApplies([resources?.InstanceType]) ? [resources?.VolumeKmsKeyId] : [])),
            instanceCount: resources?.InstanceCount ?? null,
            instanceType: resources?.InstanceType ?? null,
            modelName: job.ModelName ?? null,
            status: job.TransformJobStatus ?? null,
          },
          raw: toRaw(job),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.sagemaker.feature-group',
      list: { operation: 'ListFeatureGroups', pages: () => paginateListFeatureGroups({ client }, {}), items: (page) => page.FeatureGroupSummaries },
      identify: (summary) => ({ id: summary.FeatureGroupArn, name: summary.FeatureGroupName }),
      describe: { operation: 'DescribeFeatureGroup', run: (summary) => client.send(new DescribeFeatureGroupCommand({ FeatureGroupName: summary.FeatureGroupName })), names: ['writes-data', 'uses-identity', 'encrypted-by'] },
      listed: (summary) => ({ status: summary.FeatureGroupStatus ?? null }),
      tagged: true,
      toAsset: (group, id) => {
        const online = group.OnlineStoreConfig;
        const offline = group.OfflineStoreConfig?.S3StorageConfig;
        const onlineEnabled = online?.EnableOnlineStore ?? false;
        const onlineKey = online?.SecurityConfig?.KmsKeyId;
        account.edge(id, 'writes-data', account.bucket(offline?.S3Uri, region));
        account.edge(id, 'uses-identity', account.role(group.RoleArn));
        account.encryptedBy(id, onlineKey, region);
        account.encryptedBy(id, offline?.KmsKeyId, region);
        const usedKeys = [...(onlineEnabled ? [onlineKey] : []), ...(offline ? [offline.KmsKeyId] : [])];
        return {
          props: {
            onlineStoreEnabled: onlineEnabled,
            onlineStoreKmsKeyId: onlineKey ?? null,
            offlineStoreEnabled: offline !== undefined,
            offlineStoreKmsKeyId: offline?.KmsKeyId ?? null,
            customerManagedKey: usedKeys.length > 0 ? customerManagedKey(...usedKeys) : null,
            sensitiveData: true,
            status: group.FeatureGroupStatus ?? null,
          },
          raw: toRaw(group),
        };
      },
    }),
    // Model Monitor data quality job definitions, scheduled or not (a schedule's named definition is also read for the schedule).
    collectDescribed(service, {
      type: 'aws.sagemaker.data-quality-job-definition',
      list: { operation: 'ListDataQualityJobDefinitions', pages: () => paginateListDataQualityJobDefinitions({ client }, {}), items: (page) => page.JobDefinitionSummaries },
      identify: (summary) => ({ id: summary.MonitoringJobDefinitionArn, name: summary.MonitoringJobDefinitionName }),
      describe: {
        operation: 'DescribeDataQualityJobDefinition',
        run: (summary) => client.send(new DescribeDataQualityJobDefinitionCommand({ JobDefinitionName: summary.MonitoringJobDefinitionName })),
        names: ['uses-identity', 'encrypted-by'],
      },
      tagged: false,
      toAsset: (definition, id) => {
        const outputKey = definition.DataQualityJobOutputConfig?.KmsKeyId;
        const volumeKey = definition.JobResources?.ClusterConfig?.VolumeKmsKeyId;
        account.edge(id, 'uses-identity', account.role(definition.RoleArn));
        account.encryptedBy(id, outputKey, region);
        account.encryptedBy(id, volumeKey, region);
        return {
          props: { outputKmsKeyId: outputKey ?? null, volumeKmsKeyId: volumeKey ?? null, ...monitoringNetworkProps(definition.NetworkConfig) },
          raw: toRaw(definition),
        };
      },
    }),
    // Augmented AI human review workflows (flow definitions): where the reviewers' answers are written.
    collectDescribed(service, {
      type: 'aws.sagemaker.flow-definition',
      list: { operation: 'ListFlowDefinitions', pages: () => paginateListFlowDefinitions({ client }, {}), items: (page) => page.FlowDefinitionSummaries },
      identify: (summary) => ({ id: summary.FlowDefinitionArn, name: summary.FlowDefinitionName }),
      describe: {
        operation: 'DescribeFlowDefinition',
        run: (summary) => client.send(new DescribeFlowDefinitionCommand({ FlowDefinitionName: summary.FlowDefinitionName })),
        names: ['uses-identity', 'writes-data', 'encrypted-by'],
      },
      listed: (summary) => ({ status: summary.FlowDefinitionStatus ?? null }),
      tagged: false,
      toAsset: (definition, id) => {
        const key = definition.OutputConfig?.KmsKeyId;
        account.edge(id, 'uses-identity', account.role(definition.RoleArn));
        account.edge(id, 'writes-data', account.bucket(definition.OutputConfig?.S3OutputPath, region));
        account.encryptedBy(id, key, region);
        return { props: { outputKmsKeyId: key ?? null, status: definition.FlowDefinitionStatus ?? null }, raw: toRaw(definition) };
      },
    }),
    collectModelRegistry(service, client),
    collectSageMakerJobTemplates(service, client, since, linkData, volumeKeyApplies),
  ]);

  // Relations that need the whole region; where a listing or description failed, they are unread.
  if (!schedules) for (const endpointId of endpoints ?? []) account.markEdgesUnread(endpointId, 'monitored-by');
  for (const [endpointId, scheduleId] of links.monitoredEndpoints) if (account.getAsset(endpointId)) account.edge(endpointId, 'monitored-by', scheduleId);
  for (const [endpointId, configId] of links.endpointConfigs) {
    const served = links.configModels.get(configId);
    if (!served || !models) account.markEdgesUnread(endpointId, 'deploys');
    for (const model of served ?? []) if (account.getAsset(model)) account.edge(endpointId, 'deploys', model);
  }
  for (const [model, artifacts] of links.modelArtifacts) {
    for (const artifact of artifacts) for (const bucket of links.trainingDataByArtifact.get(artifact) ?? []) account.edge(model, 'trained-on', bucket);
  }
  for (const [profileId, { domainId, role }] of links.profileDomains) {
    account.edge(profileId, 'part-of', arn('domain', domainId));
    account.edge(profileId, 'uses-identity', role ? account.role(role) : links.domainRoles.get(domainId));
  }
  await Promise.all([describeLifecycleConfigs(service, client, links.lifecycleConfigs), describeJobDefinitions(service, client, links.namedJobDefinitions)]);
  return { models };
}

/** Network settings of a monitoring job, inline in the schedule or in its job definition. */
function monitoringNetworkProps(network: MonitoringNetworkConfig | undefined): Record<string, unknown> {
  return {
    networkIsolated: network?.EnableNetworkIsolation ?? false,
    interContainerEncryption: network?.EnableInterContainerTrafficEncryption ?? false,
  };
}

/** The describe call for each kind of monitoring job definition. */
const JOB_DEFINITION_READERS: Record<string, (client: SageMakerClient, name: string) => Promise<{ NetworkConfig?: MonitoringNetworkConfig; RoleArn?: string }>> = {
  DataQuality: (client, name) => client.send(new DescribeDataQualityJobDefinitionCommand({ JobDefinitionName: name })),
  ModelQuality: (client, name) => client.send(new DescribeModelQualityJobDefinitionCommand({ JobDefinitionName: name })),
  ModelBias: (client, name) => client.send(new DescribeModelBiasJobDefinitionCommand({ JobDefinitionName: name })),
  ModelExplainability: (client, name) => client.send(new DescribeModelExplainabilityJobDefinitionCommand({ JobDefinitionName: name })),
};

async function describeJobDefinitions(service: ServiceRegion, client: SageMakerClient, definitions: RegionLinks['namedJobDefinitions']): Promise<void> {
  const { account, scope } = service;
  await forEachConcurrently(definitions, async ({ scheduleId, name, type }) => {
    const read = type === undefined ? undefined : JOB_DEFINITION_READERS[type];
    if (!read) return;
    const definition = await scope.call(`Describe${type}JobDefinition`, () => read(client, name));
    if (!definition) {
      account.markEdgesUnread(scheduleId, 'uses-identity');
      return;
    }
    account.edge(scheduleId, 'uses-identity', account.role(definition.RoleArn));
    account.patchProps(scheduleId, monitoringNetworkProps(definition.NetworkConfig));
  });
}

/**
 * Lifecycle scripts run as root when a notebook is created or started; their base64 text is decoded
 * into `raw` so that the secret scan sees credentials in them.
 */
async function describeLifecycleConfigs(service: ServiceRegion, client: SageMakerClient, configs: Map<string, string[]>): Promise<void> {
  const { account, region, scope } = service;
  await forEachConcurrently([...configs], async ([name, notebooks]) => {
    const config = await scope.call('DescribeNotebookInstanceLifecycleConfig', () =>
      client.send(new DescribeNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: name })),
    );
    const id = config?.NotebookInstanceLifecycleConfigArn ?? sageMakerArn(account.partition, region, account.account, 'notebook-instance-lifecycle-config', name);
    for (const notebook of notebooks) account.edge(notebook, 'configured-by', id);
    if (!config) {
      account.addAsset({ id, type: 'aws.sagemaker.notebook-lifecycle-config', name, region, props: {} });
      return;
    }
    const decode = (hooks: Array<{ Content?: string }> | undefined) => (hooks ?? []).map((hook) => Buffer.from(hook.Content ?? '', 'base64').toString('utf8'));
    const scripts = { OnCreate: decode(config.OnCreate), OnStart: decode(config.OnStart) };
    account.addAsset({
      id,
      type: 'aws.sagemaker.notebook-lifecycle-config',
      name,
      region,
      props: { downloadsIntoShell: [...scripts.OnCreate, ...scripts.OnStart].some((script) => DOWNLOAD_INTO_SHELL.test(script)) },
      raw: { ...(toRaw(config) as object), ...scripts },
    });
  });
}

/** How many recent versions of each registered model are read. */
const MAX_PACKAGES_PER_GROUP = 100;

/** The model registry: package groups, and the approval status of their most recent versions. */
async function collectModelRegistry(service: ServiceRegion, client: SageMakerClient): Promise<void> {
  const { account, region, scope } = service;
  const groupIds = await collectDescribed(service, {
    type: 'aws.sagemaker.model-package-group',
    list: { operation: 'ListModelPackageGroups', pages: () => paginateListModelPackageGroups({ client }, {}), items: (page) => page.ModelPackageGroupSummaryList },
    identify: (summary) => ({ id: summary.ModelPackageGroupArn, name: summary.ModelPackageGroupName }),
    tagged: true,
    toAsset: (group) => ({ props: { status: group.ModelPackageGroupStatus ?? null }, raw: toRaw(group) }),
  });
  await forEachConcurrently(groupIds ?? [], async (groupId) => {
    const groupName = account.getAsset(groupId)?.name;
    const packages = await scope.list(
      'ListModelPackages',
      paginateListModelPackages({ client }, { ModelPackageGroupName: groupName, SortBy: 'CreationTime', SortOrder: 'Descending' }),
      (page) => page.ModelPackageSummaryList,
      MAX_PACKAGES_PER_GROUP,
    );
    if (!packages) return;
    for (const modelPackage of packages) {
      if (!modelPackage.ModelPackageArn) continue;
      account.addAsset({
        id: modelPackage.ModelPackageArn,
        type: 'aws.sagemaker.model-package',
        name: `${groupName}/${modelPackage.ModelPackageVersion ?? modelPackage.ModelPackageName}`,
        region,
        props: {
          approvalStatus: modelPackage.ModelApprovalStatus ?? null,
          status: modelPackage.ModelPackageStatus ?? null,
          modelVersion: modelPackage.ModelPackageVersion === undefined ? null : String(modelPackage.ModelPackageVersion),
        },
        raw: toRaw(modelPackage),
      });
      account.edge(modelPackage.ModelPackageArn, 'part-of', groupId);
    }
    const count = (status: string) => packages.filter((modelPackage) => modelPackage.ModelApprovalStatus === status).length;
    account.patchProps(groupId, { packages: packages.length, approvedPackages: count('Approved'), pendingPackages: count('PendingManualApproval') });
  });
}

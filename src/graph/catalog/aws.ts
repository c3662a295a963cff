import { bool, list, num, props, record, str, strList, type AssetTypeSpec, type PropertySource } from './spec.js';

/**
 * AWS asset types: Bedrock, Bedrock Agents, SageMaker, and the IAM, S3, KMS, VPC and logging assets they
 * touch. Each property names the API call and field it comes from (checked against the SDK models in
 * node_modules/@aws-sdk/client-* and the service API references) and what aispm makes of the field when
 * the answer leaves it out.
 */

const from = (call: string, absent: string): PropertySource => ({ from: call, absent });

const NOT_SET = 'null: not set';
const UNKNOWN = 'unknown (absent), as is a value this SDK version does not know';
const STATUS = 'null (the API reports a status for every resource it returns)';
/** A KMS key reference read from a resource, checked against the key itself later. */
const KEY_CHECK = '; then KMS DescribeKey KeyManager (an AWS managed key makes it false)';
const NO_KEY = 'false: no key named means an AWS owned or AWS managed key';
/** bedrockUsed on the per-region assets (GuardDuty, CloudTrail, alarms): as on aws.bedrock.model-invocation-logging. */
const REGION_BEDROCK_USED = bool('the region uses Bedrock (as bedrockUsed on aws.bedrock.model-invocation-logging)', from('the region\'s AWS/Bedrock metrics and Bedrock resources', 'unknown when neither shows use and one of them is unknown'));
/** What an API in front of AI compute reaches (api-gateway.ts). */
const API_FRONT_PROPS = {
  apiType: str('REST (API Gateway v1) or HTTP (v2)', from('GetRestApis or GetApis (ProtocolType HTTP)', 'never absent')),
  aiFunctions: strList(
    'Lambda functions its integrations invoke that call models (invokesModels on aws.lambda.function)',
    from('GetResources methodIntegration.uri (REST) or GetIntegrations IntegrationUri (HTTP) of type AWS or AWS_PROXY, naming a function ARN', 'an empty list: it reaches AI compute only through a model runtime integration'),
  ),
  modelRuntimeIntegration: bool(
    'an AWS service integration calls Bedrock or SageMaker runtime directly (integration URI `arn:aws:apigateway:{region}:{bedrock|bedrock-runtime|bedrock-agent-runtime|runtime.sagemaker}:...`, API Gateway API reference, Integration uri)',
    from('GetResources methodIntegration.{type,uri}', 'false: HTTP APIs have no such integrations'),
  ),
};
/** What a web ACL property is when a customer rule group's statements (not read) might hold the protection. */
const WAF_OPAQUE = 'false when no enforcing rule has it; unknown when it is not found and the ACL references a customer rule group (RuleGroupReferenceStatement), whose rules are not read';

/** Job status from the listing, kept when the describe call fails. */
const listedStatus = (call: string, field: string) => from(`${call} ${field} (the listing gives it too)`, STATUS);

/** The resource-based policy of an AgentCore runtime or gateway (GetResourcePolicy serves both). */
const AGENTCORE_RESOURCE_POLICY = {
  resourcePolicy: bool(
    'a resource-based policy is attached',
    from('GetResourcePolicy policy', 'false: the answer has no policy (the member is optional), or ResourceNotFoundException (the error the API reference lists); both are read as no policy'),
  ),
  resourcePolicyPublic: bool('the resource-based policy allows Principal "*" without a condition', from('GetResourcePolicy policy: an Allow statement with Principal "*" and no Condition', 'false: no policy')),
};

/** The vended log deliveries of an AgentCore runtime, gateway or memory (agentcore-logs.ts). */
const AGENTCORE_LOG_DELIVERIES = {
  logDeliveries: strList(
    'log types (APPLICATION_LOGS, USAGE_LOGS, TRACES) delivered somewhere: a delivery source names the resource and has a delivery',
    from(
      'CloudWatch Logs DescribeDeliverySources resourceArns and logType, and DescribeDeliveries deliverySourceName, in the resource\'s region',
      'an empty list: no delivery source names the resource, or none of its sources has a delivery; unknown when either listing failed',
    ),
  ),
};

/**
 * Direct model use by compute (Lambda functions, ECS tasks): what its role's policies allow. Compute
 * found by listing a region is kept only when invokesModels is true (model-callers.ts).
 */
const MODEL_CALLER_PROPS = (role: string) => ({
  invokesModels: bool(
    'its role may call Bedrock models directly: bedrock:InvokeModel or bedrock:InvokeModelWithResponseStream (which Converse and ConverseStream also need) on some Bedrock resource',
    from(
      `IAM: the Allow and Deny statements of ${role}'s policies (ListAttachedRolePolicies, ListRolePolicies, GetRolePolicy, GetPolicyVersion; the well-known AWS managed policies by ARN); conditions are not evaluated; permissions boundaries and SCPs are not read`,
      'false only when every policy of the role was read; unknown otherwise. Listed compute with false or unknown is left out of the inventory; a function an agent or gateway names is kept either way',
    ),
  ),
  modelInvocationGuardrail: bool(
    'every grant of model invocation requires a guardrail: each Allow is conditioned on bedrock:GuardrailIdentifier (StringEquals, StringLike, ArnEquals, ArnLike, or Null false), or a Deny refuses invocation without the named guardrail (StringNotEquals, StringNotLike, ArnNotEquals, ArnNotLike, or Null true, and no other condition)',
    from(
      `the same statements of ${role}'s policies: the Condition of the statements that grant or deny the invocation actions (Bedrock user guide, "Enforce the use of specific guardrails in model inference requests", https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html)`,
      'null: the role may not call models; false only when every policy was read; unknown otherwise',
    ),
  ),
});

export const AWS_ASSET_TYPES = [
  {
    type: 'aws.sagemaker.notebook-instance',
    title: 'SageMaker notebook instance',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['internetExposed', 'internetEgress', 'customerManagedKey', 'networkIsolated', 'outdated'],
      {
        directInternetAccess: bool('DirectInternetAccess is Enabled', from('DescribeNotebookInstance DirectInternetAccess', UNKNOWN)),
        rootAccess: bool('RootAccess is Enabled', from('DescribeNotebookInstance RootAccess', UNKNOWN)),
        kmsKeyId: str('KMS key for the ML storage volume', from('DescribeNotebookInstance KmsKeyId', 'null: no key given; the volume is encrypted with an AWS managed key')),
        subnetId: str('subnet the notebook is attached to, null when not in a VPC', from('DescribeNotebookInstance SubnetId', 'null: not in a VPC (the notebook then always has direct internet access)')),
        minimumImdsVersion: str(
          'InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion: "1" or "2"',
          from('DescribeNotebookInstance InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion', 'null: not set; CreateNotebookInstance defaults it to 1, so IMDSv1 is accepted (SageMaker API reference)'),
        ),
        platformIdentifier: str('platform (OS and Jupyter) version, e.g. notebook-al2-v3', from('DescribeNotebookInstance PlatformIdentifier', NOT_SET)),
        lifecycleConfigName: str('lifecycle configuration attached to the notebook', from('DescribeNotebookInstance NotebookInstanceLifecycleConfigName', 'null: none attached')),
        instanceType: str('ML instance type', from('DescribeNotebookInstance InstanceType', NOT_SET)),
        status: str('NotebookInstanceStatus', from('DescribeNotebookInstance NotebookInstanceStatus', STATUS)),
      },
      {
        internetExposed: from(
          'aispm: a notebook instance takes no inbound connections; Jupyter is reached only through SageMaker\'s authenticated proxy (CreatePresignedNotebookInstanceUrl), whatever DirectInternetAccess says',
          'never absent: false for every listed notebook',
        ),
        internetEgress: from('DescribeNotebookInstance DirectInternetAccess: Enabled gives true', 'Disabled or absent: unknown (traffic then leaves through the VPC, whose routes and NAT gateways are not read)'),
        networkIsolated: from('DescribeNotebookInstance DirectInternetAccess: Enabled gives false', 'Disabled or absent: unknown (depends on the VPC\'s routes, not read)'),
        customerManagedKey: from(`DescribeNotebookInstance KmsKeyId${KEY_CHECK}`, NO_KEY),
        outdated: from('DescribeNotebookInstance PlatformIdentifier: notebook-al1-*, notebook-al2-v1 and notebook-al2-v2 are past end of support', 'unknown'),
      },
    ),
  },
  {
    type: 'aws.sagemaker.domain',
    title: 'SageMaker Studio domain',
    category: 'ai',
    bomType: 'platform',
    props: props(
      ['internetExposed', 'internetEgress', 'customerManagedKey'],
      {
        appNetworkAccessType: str('PublicInternetOnly or VpcOnly', from('DescribeDomain AppNetworkAccessType', 'null: not reported (CreateDomain defaults to PublicInternetOnly)')),
        authMode: str('SSO or IAM', from('DescribeDomain AuthMode', NOT_SET)),
        kmsKeyId: str('KMS key for the domain EFS volume', from('DescribeDomain KmsKeyId', 'null: no key given; the EFS volume uses an AWS managed key')),
        vpcId: str('VPC of the domain', from('DescribeDomain VpcId', NOT_SET)),
        status: str('domain status', from('DescribeDomain Status (ListDomains gives it too)', STATUS)),
      },
      {
        internetExposed: from(
          'aispm: Studio is opened only through the domain\'s authenticated URL (CreatePresignedDomainUrl or IAM Identity Center); its apps take no inbound connections',
          'never absent: false for every listed domain',
        ),
        internetEgress: from('DescribeDomain AppNetworkAccessType: PublicInternetOnly gives true (apps reach the internet through a SageMaker-managed VPC)', 'VpcOnly or absent: unknown (traffic then leaves through the domain\'s VPC, whose routes are not read)'),
        customerManagedKey: from(`DescribeDomain KmsKeyId${KEY_CHECK}`, NO_KEY),
      },
    ),
  },
  {
    type: 'aws.sagemaker.model',
    title: 'SageMaker model',
    category: 'ai',
    bomType: 'machine-learning-model',
    props: props(
      ['networkIsolated', 'modelId', 'modelVersion'],
      {
        networkIsolation: bool('EnableNetworkIsolation is true', from('DescribeModel EnableNetworkIsolation', 'false: the API default (SageMaker API reference, EnableNetworkIsolation)')),
        vpcConfigured: bool('the model has a VpcConfig', from('DescribeModel VpcConfig', 'false: no VpcConfig')),
        images: strList('container images', from('DescribeModel PrimaryContainer.Image and Containers[].Image', 'an empty list: no image named (a model package supplies it)')),
        repositoryAccessModes: strList(
          'ImageConfig.RepositoryAccessMode of each container (Platform or Vpc)',
          from('DescribeModel PrimaryContainer/Containers[].ImageConfig.RepositoryAccessMode', 'Platform, the API default, for a container without one'),
        ),
        modelDataUrls: strList('S3 locations of the model artifacts', from('DescribeModel ModelDataUrl or ModelDataSource.S3DataSource.S3Uri of each container', 'an empty list: no artifact in S3')),
      },
      {
        networkIsolated: from('DescribeModel EnableNetworkIsolation', 'false: the API default'),
        modelId: from(
          'DescribeModel: ModelDataSource.S3DataSource.HubAccessConfig.HubContentArn (hub-content/<hub>/Model/<name>/<version>), else ModelPackageName (<group>/<version>, or a Marketplace package name), else the sagemaker-sdk:jumpstart-model-id tag the SageMaker Python SDK puts on JumpStart deployments (ListTags)',
          'unknown: an image and an S3 artifact alone name no model',
        ),
        modelVersion: from('the version in the same hub content ARN, model package ARN, or sagemaker-sdk:jumpstart-model-version tag', 'null when that source names no version; unknown when there is no modelId'),
      },
    ),
  },
  {
    type: 'aws.sagemaker.model-card',
    title: 'SageMaker model card',
    category: 'governance',
    bomType: 'data',
    props: props([], {
      status: str('ModelCardStatus: Draft, PendingReview, Approved or Archived', from('DescribeModelCard ModelCardStatus (ListModelCards gives it too)', 'never absent: required in the model')),
      documentedModel: str(
        'the model the card documents, by name (or the id another system gives it)',
        from('DescribeModelCard Content (model card JSON schema): model_overview.model_name, else model_overview.model_id', 'null: the content names no model; unknown when the content is not a JSON object'),
      ),
      intendedUseDocumented: bool(
        'the card says what the model is for: intended_uses.purpose_of_model or intended_uses.intended_uses is a non-empty text',
        from('DescribeModelCard Content: intended_uses.purpose_of_model and .intended_uses (model card JSON schema, SageMaker developer guide)', 'false: neither is in the content (both are optional in the schema); unknown when the content is not a JSON object'),
      ),
      riskRating: str('the risk rating the card gives: High, Medium, Low or Unknown', from('DescribeModelCard Content: intended_uses.risk_rating', 'null: not rated (optional in the schema); unknown when the content is not a JSON object')),
      evaluationDocumented: bool(
        'the card records at least one evaluation (bias, quality)',
        from('DescribeModelCard Content: evaluation_details[]', 'false: no evaluation_details (optional in the schema); unknown when the content is not a JSON object'),
      ),
    }),
  },
  {
    type: 'aws.sagemaker.endpoint-config',
    title: 'SageMaker endpoint configuration',
    category: 'ai',
    bomType: 'service',
    props: props(
      ['customerManagedKey'],
      {
        kmsKeyId: str(
          'KmsKeyId for the ML storage volume of the endpoint instances (customerManagedKey is null when no key can be set: serverless variants or instances with local NVMe storage, which the hardware encrypts)',
          from('DescribeEndpointConfig KmsKeyId', 'null: no key given'),
        ),
        dataCaptureEnabled: bool('DataCaptureConfig.EnableCapture', from('DescribeEndpointConfig DataCaptureConfig.EnableCapture', 'false: no DataCaptureConfig')),
        variants: list(
          {
            name: str('variant name', from('ProductionVariants[].VariantName', NOT_SET)),
            instanceType: str('instance type', from('ProductionVariants[].InstanceType', 'null: a serverless variant')),
            initialInstanceCount: num('instance count', from('ProductionVariants[].InitialInstanceCount', 'null: a serverless variant')),
            modelName: str('model name', from('ProductionVariants[].ModelName', 'null: an inference-component endpoint')),
          },
          'production variants',
          from('DescribeEndpointConfig ProductionVariants', 'an empty list'),
        ),
      },
      {
        customerManagedKey: from(
          `DescribeEndpointConfig KmsKeyId and ProductionVariants[].InstanceType${KEY_CHECK}`,
          'false when no key is given and one could be; null when none can be set (serverless variants, instance types with local NVMe storage)',
        ),
      },
    ),
  },
  {
    type: 'aws.sagemaker.endpoint',
    title: 'SageMaker endpoint',
    category: 'ai',
    bomType: 'service',
    props: props(
      ['loggingEnabled'],
      {
        status: str('EndpointStatus', from('DescribeEndpoint EndpointStatus (ListEndpoints gives it too)', STATUS)),
        dataCaptureEnabled: bool('data capture is enabled on the endpoint', from('DescribeEndpoint DataCaptureConfig.EnableCapture', 'false: no DataCaptureConfig')),
        variants: list(
          {
            name: str('variant name', from('ProductionVariants[].VariantName', NOT_SET)),
            currentInstanceCount: num('running instances', from('ProductionVariants[].CurrentInstanceCount', 'null: a serverless variant')),
          },
          'production variants',
          from('DescribeEndpoint ProductionVariants', 'null: not reported (an endpoint still being created)'),
        ),
        minInstanceCount: num('smallest instance count of any production variant', from('DescribeEndpoint ProductionVariants[].CurrentInstanceCount', 'null: no variant reports a count')),
      },
      { loggingEnabled: from('DescribeEndpoint DataCaptureConfig.EnableCapture', 'false: no DataCaptureConfig') },
    ),
  },
  {
    type: 'aws.sagemaker.monitoring-schedule',
    title: 'SageMaker model monitoring schedule',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['networkIsolated'],
      {
        monitoringType: str('DataQuality, ModelQuality, ModelBias or ModelExplainability', from('ListMonitoringSchedules MonitoringType (DescribeMonitoringSchedule gives it too)', NOT_SET)),
        status: str('MonitoringScheduleStatus', from('ListMonitoringSchedules MonitoringScheduleStatus (DescribeMonitoringSchedule gives it too)', STATUS)),
        interContainerEncryption: bool(
          'the monitoring job encrypts traffic between its containers',
          from('DescribeMonitoringSchedule MonitoringJobDefinition.NetworkConfig, or the named job definition (Describe<Type>JobDefinition NetworkConfig).EnableInterContainerTrafficEncryption', 'false: the API default'),
        ),
      },
      {
        networkIsolated: from(
          'DescribeMonitoringSchedule MonitoringJobDefinition.NetworkConfig, or the named job definition (Describe<Type>JobDefinition NetworkConfig).EnableNetworkIsolation',
          'false: the API default; unknown while a named job definition is unread',
        ),
      },
    ),
  },
  {
    type: 'aws.sagemaker.training-job',
    title: 'SageMaker training job',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey', 'networkIsolated'],
      {
        networkIsolation: bool('EnableNetworkIsolation', from('DescribeTrainingJob EnableNetworkIsolation', 'false: the API default')),
        interContainerEncryption: bool('EnableInterContainerTrafficEncryption', from('DescribeTrainingJob EnableInterContainerTrafficEncryption', 'false: the API default')),
        instanceCount: num('ResourceConfig.InstanceCount', from('DescribeTrainingJob ResourceConfig.InstanceCount', 'null: heterogeneous clusters count per instance group')),
        instanceType: str('ML instance type (several, comma-separated, for heterogeneous clusters)', from('DescribeTrainingJob ResourceConfig.InstanceType and InstanceGroups[].InstanceType', NOT_SET)),
        volumeKmsKeyId: str(
          'ResourceConfig.VolumeKmsKeyId (instance types with local NVMe storage take none; customerManagedKey then looks at the output key only)',
          from('DescribeTrainingJob ResourceConfig.VolumeKmsKeyId', 'null: no key given'),
        ),
        outputKmsKeyId: str('OutputDataConfig.KmsKeyId', from('DescribeTrainingJob OutputDataConfig.KmsKeyId', 'null: no key given; the output uses the S3 default')),
        vpcConfigured: bool('the job has a VpcConfig', from('DescribeTrainingJob VpcConfig', 'false: no VpcConfig')),
        status: str('TrainingJobStatus', listedStatus('DescribeTrainingJob', 'TrainingJobStatus')),
      },
      {
        networkIsolated: from('DescribeTrainingJob EnableNetworkIsolation', 'false: the API default'),
        customerManagedKey: from(`DescribeTrainingJob OutputDataConfig.KmsKeyId and ResourceConfig.VolumeKmsKeyId (where a volume key can be set)${KEY_CHECK}`, NO_KEY),
      },
    ),
  },
  {
    type: 'aws.sagemaker.processing-job',
    title: 'SageMaker processing job',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey', 'networkIsolated'],
      {
        networkIsolation: bool('NetworkConfig.EnableNetworkIsolation', from('DescribeProcessingJob NetworkConfig.EnableNetworkIsolation', 'false: the API default')),
        interContainerEncryption: bool('NetworkConfig.EnableInterContainerTrafficEncryption', from('DescribeProcessingJob NetworkConfig.EnableInterContainerTrafficEncryption', 'false: the API default')),
        instanceCount: num('ClusterConfig.InstanceCount', from('DescribeProcessingJob ProcessingResources.ClusterConfig.InstanceCount', NOT_SET)),
        instanceType: str('ClusterConfig.InstanceType', from('DescribeProcessingJob ProcessingResources.ClusterConfig.InstanceType', NOT_SET)),
        volumeKmsKeyId: str(
          'ClusterConfig.VolumeKmsKeyId (instance types with local NVMe storage take none; customerManagedKey then looks at the output key only)',
          from('DescribeProcessingJob ProcessingResources.ClusterConfig.VolumeKmsKeyId', 'null: no key given'),
        ),
        outputKmsKeyId: str('ProcessingOutputConfig.KmsKeyId', from('DescribeProcessingJob ProcessingOutputConfig.KmsKeyId', 'null: no key given; the output uses the S3 default')),
        vpcConfigured: bool('the job has a VpcConfig', from('DescribeProcessingJob NetworkConfig.VpcConfig', 'false: no VpcConfig')),
        image: str('AppSpecification.ImageUri', from('DescribeProcessingJob AppSpecification.ImageUri', NOT_SET)),
        status: str('ProcessingJobStatus', listedStatus('DescribeProcessingJob', 'ProcessingJobStatus')),
      },
      {
        networkIsolated: from('DescribeProcessingJob NetworkConfig.EnableNetworkIsolation', 'false: the API default'),
        customerManagedKey: from(`DescribeProcessingJob ClusterConfig.VolumeKmsKeyId (where one can be set) and ProcessingOutputConfig.KmsKeyId${KEY_CHECK}`, NO_KEY),
      },
    ),
  },
  {
    type: 'aws.sagemaker.transform-job',
    title: 'SageMaker batch transform job',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey'],
      {
        volumeKmsKeyId: str(
          'TransformResources.VolumeKmsKeyId (instance types with local NVMe storage take none; customerManagedKey then looks at the output key only)',
          from('DescribeTransformJob TransformResources.VolumeKmsKeyId', 'null: no key given'),
        ),
        outputKmsKeyId: str('TransformOutput.KmsKeyId', from('DescribeTransformJob TransformOutput.KmsKeyId', 'null: no key given; the output uses the S3 default')),
        instanceCount: num('TransformResources.InstanceCount', from('DescribeTransformJob TransformResources.InstanceCount', NOT_SET)),
        instanceType: str('TransformResources.InstanceType', from('DescribeTransformJob TransformResources.InstanceType', NOT_SET)),
        modelName: str('the SageMaker model the job runs', from('DescribeTransformJob ModelName', NOT_SET)),
        status: str('TransformJobStatus', listedStatus('DescribeTransformJob', 'TransformJobStatus')),
      },
      { customerManagedKey: from(`DescribeTransformJob TransformOutput.KmsKeyId and TransformResources.VolumeKmsKeyId (where one can be set)${KEY_CHECK}`, NO_KEY) },
    ),
  },
  {
    type: 'aws.sagemaker.hyperparameter-tuning-job',
    title: 'SageMaker hyperparameter tuning job',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey', 'networkIsolated'],
      {
        networkIsolation: bool(
          'every training job definition sets EnableNetworkIsolation',
          from('DescribeHyperParameterTuningJob TrainingJobDefinition (or each of TrainingJobDefinitions).EnableNetworkIsolation', 'false: the API default; null: no definition'),
        ),
        interContainerEncryption: bool(
          'every training job definition sets EnableInterContainerTrafficEncryption',
          from('DescribeHyperParameterTuningJob TrainingJobDefinition(s).EnableInterContainerTrafficEncryption', 'false: the API default; null: no definition'),
        ),
        vpcConfigured: bool('every training job definition has a VpcConfig', from('DescribeHyperParameterTuningJob TrainingJobDefinition(s).VpcConfig', 'false: no VpcConfig; null: no definition')),
        maxParallelTrainingJobs: num('training jobs run at once', from('DescribeHyperParameterTuningJob HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs', 'never absent: required in the model')),
        instanceType: str(
          'ML instance types of the definitions, comma-separated',
          from('DescribeHyperParameterTuningJob TrainingJobDefinition(s).ResourceConfig.InstanceType, .InstanceGroups[].InstanceType, .HyperParameterTuningResourceConfig.InstanceType and .InstanceConfigs[].InstanceType', NOT_SET),
        ),
        volumeKmsKeyIds: strList(
          'volume keys the definitions give (instance types with local NVMe storage take none)',
          from('DescribeHyperParameterTuningJob TrainingJobDefinition(s).ResourceConfig.VolumeKmsKeyId or .HyperParameterTuningResourceConfig.VolumeKmsKeyId', 'left out of the list: no key given'),
        ),
        outputKmsKeyIds: strList('output keys the definitions give', from('DescribeHyperParameterTuningJob TrainingJobDefinition(s).OutputDataConfig.KmsKeyId', 'left out of the list: no key given; the output uses the S3 default')),
        status: str('HyperParameterTuningJobStatus', listedStatus('DescribeHyperParameterTuningJob', 'HyperParameterTuningJobStatus')),
      },
      {
        networkIsolated: from('DescribeHyperParameterTuningJob TrainingJobDefinition(s).EnableNetworkIsolation', 'false: the API default; null: no definition'),
        customerManagedKey: from(
          `DescribeHyperParameterTuningJob TrainingJobDefinition(s).OutputDataConfig.KmsKeyId and the volume key (ResourceConfig or HyperParameterTuningResourceConfig .VolumeKmsKeyId, where one can be set)${KEY_CHECK}`,
          `${NO_KEY}; null: no definition`,
        ),
      },
    ),
  },
  {
    type: 'aws.sagemaker.automl-job',
    title: 'SageMaker AutoML (Autopilot) job',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey'],
      {
        interContainerEncryption: bool(
          'SecurityConfig.EnableInterContainerTrafficEncryption',
          from('DescribeAutoMLJobV2 SecurityConfig.EnableInterContainerTrafficEncryption (DescribeAutoMLJobV2 describes jobs of CreateAutoMLJob and CreateAutoMLJobV2)', 'false: the API default (no SecurityConfig, or the member left out)'),
        ),
        vpcConfigured: bool('the job has a VpcConfig', from('DescribeAutoMLJobV2 SecurityConfig.VpcConfig', 'false: no VpcConfig')),
        volumeKmsKeyId: str('SecurityConfig.VolumeKmsKeyId', from('DescribeAutoMLJobV2 SecurityConfig.VolumeKmsKeyId', 'null: no key given')),
        outputKmsKeyId: str('OutputDataConfig.KmsKeyId', from('DescribeAutoMLJobV2 OutputDataConfig.KmsKeyId', 'null: no key given; the output uses the S3 default')),
        problemType: str('AutoMLProblemTypeConfigName (Tabular, TimeSeriesForecasting, TextGeneration, ...)', from('DescribeAutoMLJobV2 AutoMLProblemTypeConfigName', NOT_SET)),
        status: str('AutoMLJobStatus', listedStatus('DescribeAutoMLJobV2', 'AutoMLJobStatus')),
      },
      { customerManagedKey: from(`DescribeAutoMLJobV2 OutputDataConfig.KmsKeyId and SecurityConfig.VolumeKmsKeyId${KEY_CHECK}`, NO_KEY) },
    ),
  },
  {
    type: 'aws.sagemaker.compilation-job',
    title: 'SageMaker compilation (Neo) job',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey'],
      {
        outputKmsKeyId: str('OutputConfig.KmsKeyId', from('DescribeCompilationJob OutputConfig.KmsKeyId', 'null: no key given; SageMaker uses the account\'s default S3 key (API reference, OutputConfig)')),
        vpcConfigured: bool('the job has a VpcConfig', from('DescribeCompilationJob VpcConfig', 'false: no VpcConfig')),
        framework: str('InputConfig.Framework of the model compiled', from('DescribeCompilationJob InputConfig.Framework', 'never absent: required in the model')),
        targetDevice: str('OutputConfig.TargetDevice', from('DescribeCompilationJob OutputConfig.TargetDevice', 'null: the job names a TargetPlatform instead')),
        status: str('CompilationJobStatus', listedStatus('DescribeCompilationJob', 'CompilationJobStatus')),
      },
      { customerManagedKey: from(`DescribeCompilationJob OutputConfig.KmsKeyId${KEY_CHECK}`, NO_KEY) },
    ),
  },
  {
    type: 'aws.sagemaker.notebook-lifecycle-config',
    title: 'SageMaker notebook lifecycle configuration',
    category: 'ai',
    bomType: 'application',
    props: props([], {
      downloadsIntoShell: bool(
        'a script pipes a download (curl, wget) straight into a shell',
        from('DescribeNotebookInstanceLifecycleConfig OnCreate[].Content and OnStart[].Content (base64 scripts)', 'false: no scripts'),
      ),
    }),
  },
  {
    type: 'aws.sagemaker.user-profile',
    title: 'SageMaker Studio user profile',
    category: 'ai',
    bomType: 'application',
    props: props([], {
      status: str('user profile status', from('DescribeUserProfile Status (ListUserProfiles gives it too)', STATUS)),
    }),
  },
  {
    type: 'aws.sagemaker.model-package-group',
    title: 'SageMaker model package group (model registry)',
    category: 'ai',
    bomType: 'platform',
    props: props([], {
      packages: num('model package versions read (the most recent, up to a limit)', from('ListModelPackages (newest first, up to 100) item count', 'unknown when the versions could not be listed')),
      approvedPackages: num('of those, versions with ModelApprovalStatus Approved', from('ListModelPackages ModelApprovalStatus', 'unknown when the versions could not be listed')),
      pendingPackages: num('of those, versions with ModelApprovalStatus PendingManualApproval', from('ListModelPackages ModelApprovalStatus', 'unknown when the versions could not be listed')),
      status: str('ModelPackageGroupStatus', from('ListModelPackageGroups ModelPackageGroupStatus', STATUS)),
    }),
  },
  {
    type: 'aws.sagemaker.model-package',
    title: 'SageMaker model package (registered model version)',
    category: 'ai',
    bomType: 'machine-learning-model',
    props: props(
      ['modelVersion'],
      {
        approvalStatus: str('Approved, Rejected or PendingManualApproval', from('ListModelPackages ModelApprovalStatus', 'null: not reported (an unversioned Marketplace package)')),
        status: str('ModelPackageStatus', from('ListModelPackages ModelPackageStatus', STATUS)),
      },
      { modelVersion: from('ListModelPackages ModelPackageVersion', 'null: an unversioned package') },
    ),
  },
  {
    type: 'aws.sagemaker.data-quality-job-definition',
    title: 'SageMaker Model Monitor data quality job definition',
    category: 'ai',
    bomType: 'application',
    props: props([], {
      outputKmsKeyId: str('KMS key that encrypts the monitoring results in S3', from('DescribeDataQualityJobDefinition DataQualityJobOutputConfig.KmsKeyId', 'null: no key given (the API reference names no default key)')),
      volumeKmsKeyId: str('KMS key of the monitoring instances\' storage volume', from('DescribeDataQualityJobDefinition JobResources.ClusterConfig.VolumeKmsKeyId', 'null: no key given (the API reference names no default key)')),
      interContainerEncryption: bool('traffic between the monitoring instances is encrypted', from('DescribeDataQualityJobDefinition NetworkConfig.EnableInterContainerTrafficEncryption', 'false: the API default')),
      networkIsolated: bool('the monitoring container has no network access', from('DescribeDataQualityJobDefinition NetworkConfig.EnableNetworkIsolation', 'false: the API default')),
    }),
  },
  {
    type: 'aws.sagemaker.flow-definition',
    title: 'SageMaker Augmented AI human review workflow (flow definition)',
    category: 'ai',
    bomType: 'application',
    props: props([], {
      outputKmsKeyId: str('KMS key that encrypts the reviewers\' answers in S3', from('DescribeFlowDefinition OutputConfig.KmsKeyId', 'null: no key given (the API reference names no default key)')),
      status: str('FlowDefinitionStatus', from('DescribeFlowDefinition FlowDefinitionStatus (ListFlowDefinitions gives it too)', 'never absent: required in the model')),
    }),
  },
  {
    type: 'aws.sagemaker.feature-group',
    title: 'SageMaker Feature Store feature group',
    category: 'ai',
    bomType: 'data',
    props: props(
      ['customerManagedKey', 'sensitiveData'],
      {
        onlineStoreEnabled: bool('the online store is enabled', from('DescribeFeatureGroup OnlineStoreConfig.EnableOnlineStore', 'false: the API default')),
        onlineStoreKmsKeyId: str('KMS key of the online store', from('DescribeFeatureGroup OnlineStoreConfig.SecurityConfig.KmsKeyId', 'null: no key given; an AWS owned key')),
        offlineStoreEnabled: bool('an offline store (S3) is configured', from('DescribeFeatureGroup OfflineStoreConfig.S3StorageConfig', 'false: no offline store')),
        offlineStoreKmsKeyId: str('KMS key of the offline store', from('DescribeFeatureGroup OfflineStoreConfig.S3StorageConfig.KmsKeyId', 'null: no key given; the S3 default')),
        status: str('FeatureGroupStatus', from('DescribeFeatureGroup FeatureGroupStatus (ListFeatureGroups gives it too)', STATUS)),
      },
      {
        customerManagedKey: from(`DescribeFeatureGroup keys of the stores in use${KEY_CHECK}`, 'false when a store in use names no key; null when neither store is in use'),
        sensitiveData: from('aispm: a feature group holds training and inference features', 'never absent: true once described'),
      },
    ),
  },
  {
    type: 'aws.bedrock.model-invocation-logging',
    title: 'Bedrock model invocation logging (per region)',
    category: 'logging',
    bomType: 'application',
    props: props(
      ['loggingEnabled'],
      {
        textDataDelivery: bool('text prompts and completions are delivered', from('GetModelInvocationLoggingConfiguration loggingConfig.textDataDeliveryEnabled', 'false when a configuration has none; null when logging is not configured')),
        s3Bucket: str('S3 bucket that receives the logs', from('GetModelInvocationLoggingConfiguration loggingConfig.s3Config.bucketName', 'null: no S3 destination')),
        logGroupName: str('CloudWatch Logs group that receives the logs', from('GetModelInvocationLoggingConfiguration loggingConfig.cloudWatchConfig.logGroupName', 'null: no CloudWatch Logs destination')),
        bedrockResourcesInRegion: num(
          'number of Bedrock resources (agents, guardrails, custom and imported models, knowledge bases, flows, prompts, provisioned throughput, application inference profiles) found in the region; absent when a listing failed and none were found',
          from('the Bedrock and Bedrock Agent listings of the region (ListAgents, ListGuardrails, ListCustomModels, ...)', 'unknown when a listing failed and none were found'),
        ),
        guardrailsInRegion: num(
          'number of guardrails (working drafts) in the region',
          from('ListGuardrails guardrails[] (without guardrailIdentifier: one entry per guardrail)', 'unknown when the listing failed'),
        ),
        invokedModels: strList(
          'models invoked in the region in the past two weeks (ModelId of the AWS/Bedrock Invocations metrics)',
          from('CloudWatch ListMetrics (Namespace AWS/Bedrock, MetricName Invocations) Dimensions ModelId; ListMetrics returns only metrics with data in the past two weeks', 'unknown when the metrics could not be listed'),
        ),
        bedrockUsed: bool(
          'the region uses Bedrock: models were invoked there in the past two weeks, or it holds Bedrock resources; false only when both were read and show none',
          from('invokedModels and bedrockResourcesInRegion', 'unknown when neither shows use and one of them is unknown'),
        ),
      },
      { loggingEnabled: from('GetModelInvocationLoggingConfiguration loggingConfig: a CloudWatch Logs group or an S3 bucket is set', 'false: no loggingConfig (logging was never configured in the region)') },
    ),
  },
  {
    type: 'aws.bedrock.guardrail',
    title: 'Bedrock guardrail (a working draft, or a published version in use)',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey'],
      {
        version: str('DRAFT (the working draft) or the number of a published version', from('GetGuardrail version (with guardrailVersion for a version an agent or flow names)', 'never absent: required in the model')),
        promptAttackStrength: str(
          'input strength of the PROMPT_ATTACK content filter: NONE, LOW, MEDIUM, HIGH; null when there is no such filter',
          from('GetGuardrail contentPolicy.filters[type=PROMPT_ATTACK].inputStrength', 'null: no PROMPT_ATTACK filter'),
        ),
        promptAttackBlocking: bool(
          'the PROMPT_ATTACK filter blocks what it detects in prompts (evaluation enabled on input, input action BLOCK); false when there is no such filter or it only detects',
          from(
            'GetGuardrail contentPolicy.filters[type=PROMPT_ATTACK].inputAction and .inputEnabled',
            'inputAction absent: BLOCK and inputEnabled absent: true, as for guardrails made before these fields existed (the Bedrock 2023-04-20 model of April 2025 has neither, and its filters could only block); an action this SDK does not know: unknown',
          ),
        ),
        contentFilterTypes: strList(
          'content filter types (HATE, INSULTS, SEXUAL, VIOLENCE, MISCONDUCT, PROMPT_ATTACK) that act, with a strength above NONE, on prompts or responses: evaluation enabled and action BLOCK',
          from('GetGuardrail contentPolicy.filters[].type, inputStrength/outputStrength, inputAction/outputAction, inputEnabled/outputEnabled', 'actions absent: BLOCK, enabled absent: true (older guardrails); an action this SDK does not know makes the list unknown'),
        ),
        contentFiltersDetectOnly: strList(
          'content filter types with a strength above NONE that only detect (action NONE) or are switched off in every direction they are set for',
          from('GetGuardrail contentPolicy.filters[] (as contentFilterTypes)', 'as contentFilterTypes'),
        ),
        sensitiveInformationFilter: bool(
          'a PII entity or regex filter blocks or masks (BLOCK or ANONYMIZE, evaluation enabled) on prompts or responses',
          from('GetGuardrail sensitiveInformationPolicy.piiEntities[] and .regexes[]: inputAction/outputAction, inputEnabled/outputEnabled', 'a direction\'s action absent: the entity\'s action (the only field before per-direction actions existed); enabled absent: true; no policy: false'),
        ),
        contextualGrounding: bool(
          'a grounding or relevance filter is enabled with action BLOCK',
          from('GetGuardrail contextualGroundingPolicy.filters[].action and .enabled', 'action absent: BLOCK and enabled absent: true (older guardrails); no policy: false'),
        ),
        groundingThreshold: num(
          'lowest confidence threshold (0 to 0.99) of the GROUNDING filters that act (evaluation enabled, action BLOCK); null when none acts',
          from('GetGuardrail contextualGroundingPolicy.filters[type=GROUNDING].threshold, .action and .enabled', 'threshold: never absent, required in the model; action absent: BLOCK and enabled absent: true (older guardrails); no policy: null; an action this SDK does not know: unknown'),
        ),
        relevanceThreshold: num(
          'lowest confidence threshold of the RELEVANCE filters that act (evaluation enabled, action BLOCK); null when none acts',
          from('GetGuardrail contextualGroundingPolicy.filters[type=RELEVANCE].threshold, .action and .enabled', 'as groundingThreshold'),
        ),
        piiEntityTypes: strList(
          'PII entity types (US_SOCIAL_SECURITY_NUMBER, CREDIT_DEBIT_CARD_NUMBER, ...) that the guardrail blocks or masks (BLOCK or ANONYMIZE, evaluation enabled) on prompts or responses',
          from('GetGuardrail sensitiveInformationPolicy.piiEntities[].type, with the actions and enabled flags as for sensitiveInformationFilter', 'an empty list: no PII entity acts, or no policy; unknown when an action this SDK does not know is set'),
        ),
        deniedTopics: num(
          'number of denied topics that block (evaluation enabled, action BLOCK) on prompts or responses',
          from('GetGuardrail topicPolicy.topics[]: inputAction/outputAction, inputEnabled/outputEnabled', 'actions absent: BLOCK, enabled absent: true; no policy: 0'),
        ),
        deniedTopicTexts: strList(
          'the denied topics that block (as deniedTopics), each as "name: definition" (the example phrases are not kept); rules match phrases in them',
          from('GetGuardrail topicPolicy.topics[].name and .definition (at most 100 and 200 characters in the model), with the actions and enabled flags as for deniedTopics', 'an empty list: no topic blocks, or no policy; unknown when an action this SDK does not know is set'),
        ),
        kmsKeyArn: str('KMS key of the guardrail', from('GetGuardrail kmsKeyArn', 'null: encrypted with an AWS owned key')),
        status: str('guardrail status', from('GetGuardrail status', STATUS)),
        contentFilterTier: str('content filter tier: CLASSIC or STANDARD', from('GetGuardrail contentPolicy.tier.tierName', 'null: no tier reported (guardrails made before tiers existed use CLASSIC)')),
        wordFilter: bool(
          'custom words or a managed word list (profanity) are blocked (evaluation enabled, action BLOCK) on prompts or responses',
          from('GetGuardrail wordPolicy.words[] and .managedWordLists[]: inputAction/outputAction, inputEnabled/outputEnabled', 'actions absent: BLOCK, enabled absent: true; no policy: false'),
        ),
        automatedReasoning: bool('an Automated Reasoning policy checks responses', from('GetGuardrail automatedReasoningPolicy.policies', 'false: no policy')),
      },
      { customerManagedKey: from(`GetGuardrail kmsKeyArn${KEY_CHECK}`, NO_KEY) },
    ),
  },
  {
    type: 'aws.bedrock.custom-model',
    title: 'Bedrock custom model',
    category: 'ai',
    bomType: 'machine-learning-model',
    props: props(
      ['customerManagedKey', 'modelId', 'outdated'],
      {
        baseModelArn: str('foundation model it was customized from', from('GetCustomModel baseModelArn', NOT_SET)),
        modelKmsKeyArn: str('KMS key of the custom model', from('GetCustomModel modelKmsKeyArn', 'null: an AWS owned key')),
        customizationType: str('FINE_TUNING, CONTINUED_PRE_TRAINING, DISTILLATION', from('GetCustomModel customizationType', NOT_SET)),
        status: str('modelStatus', from('GetCustomModel modelStatus', STATUS)),
      },
      {
        customerManagedKey: from(`GetCustomModel modelKmsKeyArn${KEY_CHECK}`, NO_KEY),
        modelId: from('GetCustomModel baseModelArn (the foundation-model id in it)', 'null: no base model named'),
        outdated: from('ListFoundationModels modelLifecycle.status of the base model in the region: LEGACY', 'unknown when the foundation models could not be listed or the model is not among them'),
      },
    ),
  },
  {
    type: 'aws.bedrock.agent',
    title: 'Bedrock agent',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey', 'modelId', 'outdated'],
      {
        guardrailId: str('guardrail identifier from guardrailConfiguration', from('GetAgent agent.guardrailConfiguration.guardrailIdentifier (the working draft)', 'null: no guardrail')),
        guardrailVersion: str('guardrail version the working draft uses (DRAFT or a number)', from('GetAgent agent.guardrailConfiguration.guardrailVersion', 'null: no guardrail; read as DRAFT when an identifier comes without one')),
        idleSessionTtlSeconds: num('idleSessionTTLInSeconds', from('GetAgent agent.idleSessionTTLInSeconds', 'null: not reported')),
        customerEncryptionKeyArn: str('customerEncryptionKeyArn', from('GetAgent agent.customerEncryptionKeyArn', 'null: an AWS owned key')),
        status: str('agentStatus', from('GetAgent agent.agentStatus', STATUS)),
        promptOverride: bool(
          'an advanced prompt template replaces one of the default prompts',
          from('GetAgent agent.promptOverrideConfiguration.promptConfigurations[].promptCreationMode: OVERRIDDEN', 'false: no override configuration'),
        ),
      },
      {
        customerManagedKey: from(`GetAgent agent.customerEncryptionKeyArn${KEY_CHECK}`, NO_KEY),
        modelId: from('GetAgent agent.foundationModel (a model id, ARN or inference profile)', 'null: no model set yet'),
        outdated: from('ListFoundationModels modelLifecycle.status of that model in the region: LEGACY', 'unknown when the foundation models could not be listed or the model is not among them'),
      },
    ),
  },
  {
    type: 'aws.bedrock.agent-action-group',
    title: 'Bedrock agent action group',
    category: 'ai',
    bomType: 'application',
    props: props([], {
      executorType: str('lambda, RETURN_CONTROL or none', from('GetAgentActionGroup agentActionGroup.actionGroupExecutor (lambda, or customControl)', 'null: no executor (a built-in action group such as AMAZON.UserInput)')),
      state: str('ENABLED or DISABLED', from('GetAgentActionGroup agentActionGroup.actionGroupState (ListAgentActionGroups gives it too)', NOT_SET)),
      requireConfirmation: bool(
        'every action asks the user to confirm before it runs (for OpenAPI actions: every operation with a mutating method)',
        from(
          'GetAgentActionGroup agentActionGroup.functionSchema.functions[].requireConfirmation: ENABLED, or the x-requireConfirmation: ENABLED extension on each POST, PUT, PATCH and DELETE operation of an inline apiSchema.payload (Bedrock user guide, "Get user confirmation before invoking action group function")',
          'a function without it: DISABLED, the API default; an operation without the extension: not confirmed; unknown for a schema kept in S3 (not read) or one that does not parse',
        ),
      ),
      unconfirmedActions: strList(
        'actions that run without asking the user: function names, or "METHOD /path" of mutating OpenAPI operations',
        from('GetAgentActionGroup agentActionGroup.functionSchema.functions[] or apiSchema.payload (as requireConfirmation)', 'an empty list: no such action; unknown as for requireConfirmation'),
      ),
    }),
  },
  {
    type: 'aws.bedrock.knowledge-base',
    title: 'Bedrock knowledge base',
    category: 'ai',
    bomType: 'data',
    props: props(
      ['customerManagedKey', 'sensitiveData'],
      {
        storageType: str('vector store type, e.g. OPENSEARCH_SERVERLESS, RDS, S3_VECTORS', from('GetKnowledgeBase knowledgeBase.storageConfiguration.type', 'null: no vector store (KENDRA, SQL and MANAGED types)')),
        status: str('knowledge base status', from('GetKnowledgeBase knowledgeBase.status', STATUS)),
        evaluationJobsRead: bool(
          'the region\'s evaluation jobs of the past 90 days were read, with the knowledge bases each names: an evaluation of this knowledge base would show as an `evaluates` edge from the job',
          from(
            'ListEvaluationJobs jobSummaries[].inferenceConfigSummary.ragConfigSummary.bedrockKnowledgeBaseIdentifiers, and GetEvaluationJob inferenceConfig.ragConfigs[] (bedrock-evaluation.ts)',
            'true, or absent (unknown) when the listing failed, stopped at its limit of 50 jobs, or a RAG job named its knowledge bases in neither answer; absent as well in Terraform plans and snapshots saved before aispm read evaluation jobs',
          ),
        ),
        knowledgeBaseType: str('VECTOR, KENDRA, SQL or MANAGED', from('GetKnowledgeBase knowledgeBase.knowledgeBaseConfiguration.type', NOT_SET)),
        kmsKeyArn: str(
          'KMS key of a managed knowledge base (other types keep their data in the vector store)',
          from('GetKnowledgeBase knowledgeBase.knowledgeBaseConfiguration.managedKnowledgeBaseConfiguration.serverSideEncryptionConfiguration.kmsKeyArn', 'null: no key given'),
        ),
      },
      {
        customerManagedKey: from(`GetKnowledgeBase managed knowledge base kmsKeyArn${KEY_CHECK}`, 'false for a MANAGED knowledge base without a key; unknown for other types, whose vector store these APIs do not describe'),
        sensitiveData: from('aispm: a knowledge base holds the documents agents and applications retrieve', 'never absent: true once described'),
      },
    ),
  },
  {
    type: 'aws.bedrock.model-customization-job',
    title: 'Bedrock model customization job',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey'],
      {
        baseModelArn: str('foundation model being customized', from('GetModelCustomizationJob baseModelArn', NOT_SET)),
        outputModelKmsKeyArn: str('KMS key for the resulting custom model', from('GetModelCustomizationJob outputModelKmsKeyArn', 'null: an AWS owned key')),
        customizationType: str('FINE_TUNING, CONTINUED_PRE_TRAINING, DISTILLATION', from('GetModelCustomizationJob customizationType', NOT_SET)),
        vpcConfigured: bool('the job runs with a VpcConfig', from('GetModelCustomizationJob vpcConfig', 'false: no VpcConfig')),
        status: str('job status', from('GetModelCustomizationJob status', STATUS)),
      },
      { customerManagedKey: from(`GetModelCustomizationJob outputModelKmsKeyArn${KEY_CHECK}`, NO_KEY) },
    ),
  },
  {
    type: 'aws.bedrock.imported-model',
    title: 'Bedrock imported model',
    category: 'ai',
    bomType: 'machine-learning-model',
    props: props(
      ['customerManagedKey'],
      {
        modelKmsKeyArn: str('KMS key of the imported model', from('GetImportedModel modelKmsKeyArn', 'null: an AWS owned key')),
        modelArchitecture: str('model architecture, e.g. llama3', from('GetImportedModel modelArchitecture', NOT_SET)),
      },
      { customerManagedKey: from(`GetImportedModel modelKmsKeyArn${KEY_CHECK}`, NO_KEY) },
    ),
  },
  {
    type: 'aws.bedrock.provisioned-throughput',
    title: 'Bedrock provisioned throughput',
    category: 'ai',
    bomType: 'service',
    props: props(
      ['modelId', 'outdated'],
      {
        modelUnits: num('model units purchased', from('ListProvisionedModelThroughputs modelUnits', NOT_SET)),
        commitmentDuration: str('OneMonth, SixMonths, or null for no commitment', from('ListProvisionedModelThroughputs commitmentDuration', 'null: no commitment')),
        status: str('provisioned throughput status', from('ListProvisionedModelThroughputs status', STATUS)),
      },
      {
        modelId: from('ListProvisionedModelThroughputs modelArn (the foundation-model id, or the custom model ARN)', NOT_SET),
        outdated: from('ListFoundationModels modelLifecycle.status of foundationModelArn in the region: LEGACY', 'unknown when the foundation models could not be listed or the model is not among them'),
      },
    ),
  },
  {
    type: 'aws.bedrock.inference-profile',
    title: 'Bedrock application inference profile',
    category: 'ai',
    bomType: 'service',
    props: props([], {
      modelArns: strList('models the profile routes to', from('ListInferenceProfiles (typeEquals APPLICATION) models[].modelArn', 'an empty list')),
      status: str('inference profile status', from('ListInferenceProfiles status', STATUS)),
    }),
  },
  {
    type: 'aws.bedrock.model-invocation-job',
    title: 'Bedrock batch inference job',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey', 'modelId'],
      {
        outputKmsKeyId: str('KMS key for the output in S3', from('ListModelInvocationJobs outputDataConfig.s3OutputDataConfig.s3EncryptionKeyId', 'null: the bucket\'s default encryption')),
        vpcConfigured: bool('the job runs with a VpcConfig', from('ListModelInvocationJobs vpcConfig', 'false: no VpcConfig')),
        status: str('job status', from('ListModelInvocationJobs status', STATUS)),
      },
      {
        customerManagedKey: from(`ListModelInvocationJobs outputDataConfig.s3OutputDataConfig.s3EncryptionKeyId${KEY_CHECK}`, NO_KEY),
        modelId: from('ListModelInvocationJobs modelId', NOT_SET),
      },
    ),
  },
  {
    type: 'aws.bedrock.agent-alias',
    title: 'Bedrock agent alias',
    category: 'ai',
    bomType: 'service',
    props: props([], {
      agentVersions: strList('agent versions the alias routes to', from('ListAgentAliases routingConfiguration[].agentVersion', 'an empty list')),
      status: str('agentAliasStatus', from('ListAgentAliases agentAliasStatus', STATUS)),
    }),
  },
  {
    type: 'aws.bedrock.data-source',
    title: 'Bedrock knowledge base data source',
    category: 'ai',
    bomType: 'data',
    props: props(
      ['customerManagedKey'],
      {
        sourceType: str('S3, WEB, CONFLUENCE, SALESFORCE, SHAREPOINT, CUSTOM, ...', from('GetDataSource dataSource.dataSourceConfiguration.type', NOT_SET)),
        kmsKeyArn: str('KMS key for transient data during ingestion', from('GetDataSource dataSource.serverSideEncryptionConfiguration.kmsKeyArn', 'null: an AWS owned key')),
        dataDeletionPolicy: str('DELETE or RETAIN', from('GetDataSource dataSource.dataDeletionPolicy', NOT_SET)),
        status: str('data source status', from('GetDataSource dataSource.status (ListDataSources gives it too)', STATUS)),
        lastIngestionStatus: str(
          'status of the newest ingestion job: STARTING, IN_PROGRESS, COMPLETE, FAILED, STOPPING, STOPPED',
          from('ListIngestionJobs (sortBy STARTED_AT DESCENDING, maxResults 1) ingestionJobSummaries[0].status', 'null: no ingestion job; unknown when the call failed'),
        ),
        lastIngestionStartedAt: str('when the newest ingestion job started (ISO 8601)', from('ListIngestionJobs (as lastIngestionStatus) ingestionJobSummaries[0].startedAt', 'null: no ingestion job; unknown when the call failed')),
        lastSyncedAt: str(
          'when the newest successful sync finished (ISO 8601): the last update of the newest-started COMPLETE ingestion job',
          from(
            'ListIngestionJobs (filters STATUS EQ COMPLETE, sortBy STARTED_AT DESCENDING, maxResults 1) ingestionJobSummaries[0].updatedAt',
            'null: no ingestion job ever completed (the data source was never synced); unknown when the call failed',
          ),
        ),
      },
      { customerManagedKey: from(`GetDataSource dataSource.serverSideEncryptionConfiguration.kmsKeyArn${KEY_CHECK}`, NO_KEY) },
    ),
  },
  {
    type: 'aws.bedrock.evaluation-job',
    title: 'Bedrock evaluation job (model or knowledge base evaluation, last 90 days)',
    category: 'ai',
    bomType: 'application',
    props: props([], {
      status: str('InProgress, Completed, Failed, Stopping, Stopped, Deleting', from('GetEvaluationJob status (ListEvaluationJobs jobSummaries[].status gives it too)', STATUS)),
      jobType: str('Automated or Human', from('GetEvaluationJob jobType (ListEvaluationJobs gives it too)', 'never absent: required in the model')),
      applicationType: str(
        'ModelEvaluation or RagEvaluation (a knowledge base evaluation)',
        from('GetEvaluationJob applicationType (ListEvaluationJobs gives it too)', 'null: not reported (the member is optional; jobs from before knowledge base evaluations existed are model evaluations)'),
      ),
      createdAt: str('when the job was created (ISO 8601)', from('ListEvaluationJobs jobSummaries[].creationTime (GetEvaluationJob creationTime)', 'never absent: required in the model')),
      metricNames: strList(
        'metrics the job computes: Builtin.Accuracy, Builtin.Robustness, Builtin.Toxicity (automated model evaluation), Builtin.Correctness, Builtin.Harmfulness, Builtin.Stereotyping, Builtin.Refusal, ... (LLM as a judge, knowledge base evaluation), or the names of human evaluation metrics',
        from('GetEvaluationJob evaluationConfig.automated (or .human).datasetMetricConfigs[].metricNames', 'an empty list: none; unknown when GetEvaluationJob failed'),
      ),
      datasets: strList(
        'prompt datasets: built-in names (Builtin.Bold, Builtin.RealToxicityPrompts, Builtin.Wikitext2, ...) and the names and S3 URIs of custom datasets',
        from('GetEvaluationJob evaluationConfig.automated (or .human).datasetMetricConfigs[].dataset.name and .dataset.datasetLocation.s3Uri', 'an empty list: none; unknown when GetEvaluationJob failed'),
      ),
      knowledgeBaseIds: strList(
        'knowledge bases the job evaluated (also an `evaluates` edge, drawn from the listing as well)',
        from('GetEvaluationJob inferenceConfig.ragConfigs[].knowledgeBaseConfig.retrieveConfig.knowledgeBaseId or .retrieveAndGenerateConfig.knowledgeBaseConfiguration.knowledgeBaseId', 'an empty list: a model evaluation; unknown when GetEvaluationJob failed'),
      ),
      evaluatedModels: strList(
        'models the job evaluated (Bedrock model identifiers, or the labels of precomputed inference sources)',
        from('GetEvaluationJob inferenceConfig.models[].bedrockModel.modelIdentifier or .precomputedInferenceSource.inferenceSourceIdentifier', 'an empty list: a knowledge base evaluation; unknown when GetEvaluationJob failed'),
      ),
    }),
  },
  {
    type: 'aws.bedrock.model-evaluation',
    title: 'Bedrock model evaluation (per region): the recent evaluation jobs',
    category: 'ai',
    bomType: 'service',
    props: props([], {
      recentJobs: num(
        'evaluation jobs created in the past 90 days (at most 50, the newest; each is part-of this asset)',
        from('ListEvaluationJobs (creationTimeAfter 90 days ago, sortBy CreationTime, sortOrder Descending)', 'never absent: the asset exists only when the listing answered'),
      ),
      bedrockUsed: REGION_BEDROCK_USED,
    }),
  },
  {
    type: 'aws.bedrock.flow',
    title: 'Bedrock flow',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey'],
      {
        customerEncryptionKeyArn: str('customerEncryptionKeyArn', from('GetFlow customerEncryptionKeyArn', 'null: an AWS owned key')),
        unguardedNodes: strList(
          'prompt and knowledge base nodes that run without a guardrail',
          from('GetFlow definition.nodes[] (loops included): Prompt and KnowledgeBase nodes without configuration.*.guardrailConfiguration.guardrailIdentifier', 'an empty list'),
        ),
        status: str('flow status: NotPrepared, Preparing, Prepared or Failed', from('GetFlow status', STATUS)),
        validationErrors: strList(
          'messages of the validations of severity Error that the last operation on the flow reported',
          from('GetFlow validations[].severity and .message', 'an empty list: no validations (the member is optional)'),
        ),
      },
      { customerManagedKey: from(`GetFlow customerEncryptionKeyArn${KEY_CHECK}`, NO_KEY) },
    ),
  },
  {
    type: 'aws.bedrock.prompt',
    title: 'Bedrock prompt (Prompt management)',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey', 'modelId'],
      {
        customerEncryptionKeyArn: str('customerEncryptionKeyArn', from('GetPrompt customerEncryptionKeyArn', 'null: an AWS owned key')),
        variants: num('number of prompt variants', from('GetPrompt variants', '0: a prompt with no variants')),
      },
      {
        customerManagedKey: from(`GetPrompt customerEncryptionKeyArn${KEY_CHECK}`, NO_KEY),
        modelId: from('GetPrompt variants[].modelId of the defaultVariant (else the first)', 'null: no variant names a model'),
      },
    ),
  },
  {
    type: 'aws.bedrock-agentcore.runtime',
    title: 'Bedrock AgentCore agent runtime',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['internetEgress'],
      {
        networkMode: str('PUBLIC (AgentCore runs the agent with internet access) or VPC (in the account\'s subnets)', from('GetAgentRuntime networkConfiguration.networkMode', 'unknown when networkConfiguration is absent (optional in the model; a runtime on a capacity provider takes the provider\'s network)')),
        subnetIds: strList('subnets of a VPC runtime', from('GetAgentRuntime networkConfiguration.networkModeConfig.subnets', 'an empty list: no VPC configuration (PUBLIC); unknown without networkConfiguration')),
        securityGroupIds: strList('security groups of a VPC runtime', from('GetAgentRuntime networkConfiguration.networkModeConfig.securityGroups', 'an empty list: no VPC configuration; unknown without networkConfiguration')),
        authorizerType: str(
          'how callers are authenticated: CUSTOM_JWT (a JWT authorizer) or AWS_IAM (SigV4)',
          from('GetAgentRuntime authorizerConfiguration.customJWTAuthorizer', 'AWS_IAM: IAM SigV4 is the default inbound authentication (AgentCore Developer Guide, "Authenticate and authorize with Inbound Auth and Outbound Auth", https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-oauth.html)'),
        ),
        serverProtocol: str('protocol the agent serves: HTTP, MCP, A2A or AGUI', from('GetAgentRuntime protocolConfiguration.serverProtocol', NOT_SET)),
        requireMmdsV2: bool('the microVM metadata service accepts only session-token (v2) requests', from('GetAgentRuntime metadataConfiguration.requireMMDSV2', 'null: not set')),
        containerUri: str('container image of the agent', from('GetAgentRuntime agentRuntimeArtifact.containerConfiguration.containerUri', 'null: a code (S3) artifact')),
        ...AGENTCORE_RESOURCE_POLICY,
        ...AGENTCORE_LOG_DELIVERIES,
        status: str('runtime status', from('GetAgentRuntime status (ListAgentRuntimes gives it too)', STATUS)),
      },
      { internetEgress: from('GetAgentRuntime networkConfiguration.networkMode: PUBLIC gives true', 'VPC or absent: unknown (egress then goes through the VPC, whose routes are not read)') },
    ),
  },
  {
    type: 'aws.bedrock-agentcore.runtime-endpoint',
    title: 'Bedrock AgentCore agent runtime endpoint',
    category: 'ai',
    bomType: 'service',
    props: props([], {
      liveVersion: str('runtime version the endpoint serves', from('ListAgentRuntimeEndpoints runtimeEndpoints[].liveVersion', NOT_SET)),
      targetVersion: str('runtime version the endpoint is moving to', from('ListAgentRuntimeEndpoints runtimeEndpoints[].targetVersion', 'null: no update in progress')),
      status: str('endpoint status', from('ListAgentRuntimeEndpoints runtimeEndpoints[].status', STATUS)),
    }),
  },
  {
    type: 'aws.bedrock-agentcore.gateway',
    title: 'Bedrock AgentCore gateway (MCP tools for agents)',
    category: 'ai',
    bomType: 'service',
    props: props(
      ['customerManagedKey'],
      {
        authorizerType: str('inbound authorization: CUSTOM_JWT, AWS_IAM, AUTHENTICATE_ONLY or NONE', from('GetGateway authorizerType (ListGateways gives it too)', 'never absent: required in the model')),
        protocolType: str('MCP', from('GetGateway protocolType', NOT_SET)),
        kmsKeyArn: str('KMS key of the gateway', from('GetGateway kmsKeyArn', 'null: an AWS owned key')),
        policyEngineArn: str('policy engine (Cedar) that authorizes tool calls', from('GetGateway policyEngineConfiguration.arn', 'null: no policy engine')),
        policyEngineMode: str('ENFORCE or LOG_ONLY', from('GetGateway policyEngineConfiguration.mode', 'null: no policy engine')),
        exceptionLevel: str('DEBUG when error answers carry debugging detail', from('GetGateway exceptionLevel', 'null: not set; errors are returned without debugging detail')),
        webAclArn: str('AWS WAF web ACL in front of the gateway', from('GetGateway webAclArn', 'null: no web ACL')),
        ...AGENTCORE_RESOURCE_POLICY,
        ...AGENTCORE_LOG_DELIVERIES,
        status: str('gateway status', from('GetGateway status (ListGateways gives it too)', STATUS)),
      },
      { customerManagedKey: from(`GetGateway kmsKeyArn${KEY_CHECK}`, NO_KEY) },
    ),
  },
  {
    type: 'aws.bedrock-agentcore.gateway-target',
    title: 'Bedrock AgentCore gateway target (a tool)',
    category: 'ai',
    bomType: 'service',
    props: props([], {
      targetType: str(
        'LAMBDA, MCP_SERVER, OPEN_API_SCHEMA, SMITHY_MODEL, API_GATEWAY, CONNECTOR, AGENTCORE_RUNTIME, PASSTHROUGH, HTTP_CONNECTOR or PROVIDER',
        from('GetGatewayTarget targetConfiguration (the union member set: mcp.lambda, mcp.mcpServer, http.passthrough, ...); ListGatewayTargets targetType when the describe fails', 'unknown: a member this SDK version does not know'),
      ),
      endpoint: str('URL the gateway calls for an MCP server, passthrough or model provider target', from('GetGatewayTarget targetConfiguration mcp.mcpServer.endpoint, http.passthrough.endpoint or inference.provider.endpoint', 'null: the target has no URL of its own (Lambda, schema, runtime)')),
      credentialProviderTypes: strList(
        'credentials the gateway presents to the target: GATEWAY_IAM_ROLE, OAUTH, API_KEY, JWT_PASSTHROUGH, CALLER_IAM_CREDENTIALS',
        from('GetGatewayTarget credentialProviderConfigurations[].credentialProviderType', 'an empty list (the member is required in the model)'),
      ),
      apiKeyCredential: bool('the gateway calls the target with a stored API key (a long-lived secret)', from('GetGatewayTarget credentialProviderConfigurations[].credentialProviderType: API_KEY', 'false: no API key provider')),
      status: str('target status', from('GetGatewayTarget status (ListGatewayTargets gives it too)', STATUS)),
    }),
  },
  {
    type: 'aws.bedrock-agentcore.memory',
    title: 'Bedrock AgentCore memory',
    category: 'ai',
    bomType: 'data',
    props: props(
      ['customerManagedKey', 'sensitiveData'],
      {
        encryptionKeyArn: str('KMS key of the memory', from('GetMemory memory.encryptionKeyArn', 'null: an AWS owned key')),
        eventExpiryDays: num('days raw events (conversation turns) are kept', from('GetMemory memory.eventExpiryDuration', 'never absent: required in the model')),
        ...AGENTCORE_LOG_DELIVERIES,
        strategies: strList('long-term memory strategies: SEMANTIC, SUMMARIZATION, USER_PREFERENCE, CUSTOM, EPISODIC', from('GetMemory memory.strategies[].type', 'an empty list: short-term memory only')),
        status: str('memory status', from('GetMemory memory.status (ListMemories gives it too)', STATUS)),
      },
      {
        customerManagedKey: from(`GetMemory memory.encryptionKeyArn${KEY_CHECK}`, NO_KEY),
        sensitiveData: from('aispm: a memory keeps users\' conversations and what the agent extracted from them', 'never absent: true once described'),
      },
    ),
  },
  {
    type: 'aws.bedrock-agentcore.policy-engine',
    title: 'Bedrock AgentCore policy engine',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey'],
      {
        encryptionKeyArn: str('KMS key of the policy engine', from('ListPolicyEngines policyEngines[].encryptionKeyArn', 'null: an AWS owned key')),
        status: str('policy engine status', from('ListPolicyEngines policyEngines[].status', STATUS)),
      },
      { customerManagedKey: from(`ListPolicyEngines policyEngines[].encryptionKeyArn${KEY_CHECK}`, NO_KEY) },
    ),
  },
  {
    type: 'aws.bedrock-agentcore.code-interpreter',
    title: 'Bedrock AgentCore code interpreter (custom)',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['internetEgress', 'networkIsolated'],
      {
        networkMode: str('PUBLIC, SANDBOX or VPC', from('GetCodeInterpreter networkConfiguration.networkMode', 'never absent: required in the model')),
        status: str('code interpreter status', from('GetCodeInterpreter status (ListCodeInterpreters gives it too)', STATUS)),
      },
      {
        internetEgress: from('GetCodeInterpreter networkConfiguration.networkMode: PUBLIC gives true, SANDBOX false', 'VPC: unknown (the VPC\'s routes are not read)'),
        networkIsolated: from('GetCodeInterpreter networkConfiguration.networkMode: SANDBOX gives true, PUBLIC false', 'VPC: unknown'),
      },
    ),
  },
  {
    type: 'aws.bedrock-agentcore.browser',
    title: 'Bedrock AgentCore browser (custom)',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['internetEgress'],
      {
        networkMode: str('PUBLIC or VPC', from('GetBrowser networkConfiguration.networkMode', 'never absent: required in the model')),
        recordingEnabled: bool('browser sessions are recorded to S3', from('GetBrowser recording.enabled', 'false: no recording configuration, or enabled absent')),
        recordingBucket: str('bucket that receives the recordings', from('GetBrowser recording.s3Location.bucket', 'null: recording off')),
        status: str('browser status', from('GetBrowser status (ListBrowsers gives it too)', STATUS)),
      },
      { internetEgress: from('GetBrowser networkConfiguration.networkMode: PUBLIC gives true', 'VPC: unknown (the VPC\'s routes are not read)') },
    ),
  },
  {
    type: 'aws.organizations.account',
    title: 'The scanned account in AWS Organizations, with the Bedrock policy in effect for it',
    category: 'governance',
    bomType: 'service',
    props: props([], {
      inOrganization: bool('the account belongs to an organization', from('DescribeOrganization', 'false: AWSOrganizationsNotInUseException, the answer for an account outside any organization')),
      organizationId: str('the organization\'s id', from('DescribeOrganization Organization.Id', 'null: not in an organization')),
      featureSet: str('ALL or CONSOLIDATED_BILLING (management policies need ALL)', from('DescribeOrganization Organization.FeatureSet', 'null: not in an organization')),
      bedrockPolicyInEffect: bool(
        'an Organizations Bedrock policy (BEDROCK_POLICY) applies to the account, enforcing a guardrail on its model calls',
        from(
          'DescribeEffectivePolicy PolicyType=BEDROCK_POLICY EffectivePolicy.PolicyContent',
          'false: EffectivePolicyNotFoundException (the API reference: on a member account, no effective policy of the type; on the management account, the type is not enabled); null: not in an organization',
        ),
      ),
      enforcedGuardrails: strList(
        'guardrails the effective Bedrock policy enforces',
        from('DescribeEffectivePolicy PolicyContent bedrock.guardrail_inference.<region>.<config>.identifier (Organizations user guide, "Amazon Bedrock policy syntax and examples")', 'empty: no policy in effect; null: not in an organization'),
      ),
      modelRestrictingScps: strList(
        'service control policies that deny bedrock:InvokeModel except for listed models (NotResource, or a StringNot*/ArnNot* condition on bedrock:ModelId): a model allow-list',
        from(
          'Organizations ListPolicies (Filter SERVICE_CONTROL_POLICY) and DescribePolicy Policy.Content of each customer-managed SCP, read in the management account only',
          'empty: none; null: not in an organization; unknown in any other account (only the management account or a delegated administrator may list SCPs), or when a policy could not be read and none was found',
        ),
      ),
      bedrockUsed: bool(
        'some scanned region uses Bedrock (as bedrockUsed on aws.bedrock.model-invocation-logging)',
        from('the scanned regions\' AWS/Bedrock metrics and Bedrock resources', 'unknown when no region shows use and one of them is unknown'),
      ),
    }),
  },
  {
    type: 'aws.guardduty.detector',
    title: 'GuardDuty threat detection (per region)',
    category: 'logging',
    bomType: 'service',
    props: props([], {
      detectorId: str('the region\'s GuardDuty detector (an account has at most one per region)', from('GuardDuty ListDetectors DetectorIds', 'null: no detector, GuardDuty was never enabled in the region')),
      enabled: bool('a detector exists and its status is ENABLED', from('GuardDuty GetDetector Status', 'false: no detector in the region; unknown when the detector could not be read')),
      aiProtection: bool(
        'the AI_PROTECTION feature (threat detection for AI workloads) is ENABLED',
        from('GuardDuty GetDetector Features[Name=AI_PROTECTION].Status', 'false: no detector, or the feature is not listed; unknown when the detector could not be read'),
      ),
      bedrockUsed: REGION_BEDROCK_USED,
      agentCoreResources: num(
        'AgentCore runtimes, gateways, memories, policy engines, code interpreters and browsers found in the region',
        from('the AgentCore listings of the region (ListAgentRuntimes, ListGateways, ...)', 'unknown when a listing failed and none were found'),
      ),
    }),
  },
  {
    type: 'aws.inspector.scanning',
    title: 'Amazon Inspector vulnerability scanning (per region)',
    category: 'logging',
    bomType: 'service',
    props: props([], {
      status: str(
        'Inspector\'s status for the account in the region: ENABLED, DISABLED, ENABLING, DISABLING, SUSPENDED or SUSPENDING',
        from('inspector2 BatchGetAccountStatus accounts[].state.status', 'never absent: required in the model'),
      ),
      lambdaScanning: str(
        'status of Lambda standard scanning (the functions\' packages and layers)',
        from('BatchGetAccountStatus accounts[].resourceState.lambda.status', 'unknown: the member is optional in the model and its absence is not documented'),
      ),
      lambdaCodeScanning: str(
        'status of Lambda code scanning (the functions\' own code, secrets in it included)',
        from('BatchGetAccountStatus accounts[].resourceState.lambdaCode.status', 'unknown: the member is optional in the model and its absence is not documented'),
      ),
      ecrScanning: str('status of ECR image scanning', from('BatchGetAccountStatus accounts[].resourceState.ecr.status', 'never absent: required in the model')),
      modelCallingFunctions: num(
        'Lambda functions of the region whose role may call Bedrock models (aws.lambda.function invokesModels)',
        from('Lambda ListFunctions of the region, and IAM for the functions\' roles (model-callers)', 'unknown when none was found and the listing failed or a role could not be read'),
      ),
    }),
  },
  {
    type: 'aws.cloudwatch.bedrock-alarms',
    title: 'CloudWatch alarms on Bedrock metrics (per region)',
    category: 'logging',
    bomType: 'service',
    props: props([], {
      alarms: strList('metric alarms that watch an AWS/Bedrock metric', from('CloudWatch DescribeAlarms (AlarmTypes MetricAlarm) AlarmName, where Namespace or Metrics[].MetricStat.Metric.Namespace is AWS/Bedrock', 'an empty list: none')),
      alarmedMetrics: strList('the AWS/Bedrock metrics those alarms watch (Invocations, InvocationThrottles, InputTokenCount, ...)', from('DescribeAlarms MetricName, and Metrics[].MetricStat.Metric.MetricName of metric math', 'an empty list: none')),
      bedrockUsed: REGION_BEDROCK_USED,
    }),
  },
  {
    type: 'aws.cloudwatch.agent-alarms',
    title: 'CloudWatch alarms on agent metrics: Bedrock Agents and AgentCore (per region)',
    category: 'logging',
    bomType: 'service',
    props: props([], {
      alarms: strList(
        'metric alarms that watch a metric of AWS/Bedrock/Agents (Bedrock Agents) or Bedrock-AgentCore (AgentCore runtimes, gateways, memory, tools)',
        from('CloudWatch DescribeAlarms (AlarmTypes MetricAlarm) AlarmName, where Namespace or Metrics[].MetricStat.Metric.Namespace is one of them', 'an empty list: none'),
      ),
      alarmedMetrics: strList('the agent metrics those alarms watch (InvocationCount, InvocationThrottles, Invocations, Throttles, ...)', from('DescribeAlarms MetricName, and Metrics[].MetricStat.Metric.MetricName of metric math', 'an empty list: none')),
      agentsUsed: bool(
        'Bedrock agents or AgentCore runtimes run in the region',
        from('the region\'s Bedrock Agents (ListAgents) and AgentCore (ListAgentRuntimes) listings', 'unknown when neither shows one and a call of either service failed'),
      ),
    }),
  },
  {
    type: 'aws.xray.trace-destination',
    title: 'X-Ray trace segment destination: CloudWatch Transaction Search (per region with AgentCore runtimes)',
    category: 'logging',
    bomType: 'service',
    props: props([], {
      destination: str('where X-Ray sends trace segments: XRay or CloudWatchLogs', from('X-Ray GetTraceSegmentDestination Destination', 'null: optional in the model, and its absence is not documented')),
      status: str('status of the destination: PENDING or ACTIVE', from('GetTraceSegmentDestination Status', 'null: optional in the model, and its absence is not documented')),
      transactionSearch: bool(
        'CloudWatch Transaction Search is on: segments go to CloudWatch Logs, and the destination is ACTIVE',
        from('GetTraceSegmentDestination Destination CloudWatchLogs and Status ACTIVE', 'unknown when either is absent'),
      ),
      agentCoreRuntimes: num(
        'AgentCore runtimes in the region (the destination is read only where there are some, or where that is unknown)',
        from('AgentCore ListAgentRuntimes of the region', 'unknown when the runtimes could not be listed'),
      ),
    }),
  },
  {
    type: 'aws.billing.ai-cost-controls',
    title: 'Cost anomaly monitors and budgets that cover Bedrock and SageMaker (per account)',
    category: 'governance',
    bomType: 'service',
    props: props([], {
      anomalyMonitors: strList(
        'Cost Anomaly Detection monitors that watch Bedrock or SageMaker spend: a DIMENSIONAL monitor on SERVICE (every service), or a CUSTOM one whose specification selects the SERVICE Amazon Bedrock or Amazon SageMaker',
        from('Cost Explorer GetAnomalyMonitors AnomalyMonitors[].{MonitorType,MonitorDimension,MonitorSpecification}', 'an empty list: none; unknown when the monitors could not be listed'),
      ),
      budgets: strList(
        'AWS Budgets that filter on Bedrock or SageMaker: CostFilters Service, or a FilterExpression on the SERVICE dimension',
        from('Budgets DescribeBudgets (AccountId) Budgets[].{CostFilters,FilterExpression}', 'an empty list: none; unknown when the budgets could not be listed'),
      ),
      bedrockUsed: bool('some scanned region uses Bedrock (as bedrockUsed on aws.bedrock.model-invocation-logging)', from('the scanned regions\' AWS/Bedrock metrics and Bedrock resources', 'unknown when no region shows use and one of them is unknown')),
      sageMakerUsed: bool('SageMaker resources were found in a scanned region', from('the SageMaker listings of the scanned regions', 'unknown when none were found and a SageMaker call failed')),
    }),
  },
  {
    type: 'aws.cloudtrail.region-logging',
    title: 'CloudTrail logging of AI activity (per region)',
    category: 'logging',
    bomType: 'service',
    props: props([], {
      activeTrails: strList(
        'trails that are logging and event data stores that are ingesting, of those that cover the region (multi-region, or homed in it)',
        from('DescribeTrails (includeShadowTrails) Name, GetTrailStatus IsLogging; ListEventDataStores and GetEventDataStore Name, Status ENABLED, MultiRegionEnabled', 'an empty list: none; unknown when the region\'s trails could not be listed'),
      ),
      ...Object.fromEntries(
        (
          [
            ['bedrockManagementEvents', 'Bedrock API calls (management events: the control plane, and InvokeModel and Converse, which CloudTrail records as management events)', 'eventCategory Management and an eventSource that accepts bedrock.amazonaws.com'],
            ['bedrockDataEvents', 'Bedrock data events (agent, inline agent, knowledge base, flow, guardrail and prompt invocations)', 'eventCategory Data and a resources.type of AWS::Bedrock::*'],
            ['sageMakerManagementEvents', 'SageMaker API calls (management events)', 'eventCategory Management and an eventSource that accepts sagemaker.amazonaws.com'],
            ['sageMakerDataEvents', 'SageMaker data events (endpoint invocations, feature store records, ...)', 'eventCategory Data and a resources.type of AWS::SageMaker::*'],
          ] as const
        ).map(([key, what, advanced]) => [
          key,
          bool(
            `a logging trail or an ingesting event data store that covers the region records ${what}`,
            from(
              `GetEventSelectors (by the trail's ARN, in its home region) AdvancedEventSelectors: ${advanced}; EventSelectors (basic): IncludeManagementEvents, absent meaning true (basic selectors log no Bedrock or SageMaker data events); GetEventDataStore AdvancedEventSelectors`,
              'false only when the region\'s trails and every region\'s event data stores were listed (a scan narrowed with --regions cannot know the others) and every covering trail\'s status and selectors were read; unknown otherwise',
            ),
          ),
        ]),
      ),
      bedrockUsed: REGION_BEDROCK_USED,
      bedrockResourcesInRegion: num(
        'Bedrock and Bedrock Agents resources found in the region (as on aws.bedrock.model-invocation-logging)',
        from('the region\'s Bedrock and Bedrock Agents listings', 'unknown when a listing failed and none were found'),
      ),
      sageMakerUsed: bool('SageMaker resources (notebooks, domains, models, endpoints, jobs, ...) were found in the region', from('the region\'s SageMaker listings', 'false when none were found and every listing answered; unknown when a listing failed and none were found')),
    }),
  },
  {
    type: 'aws.bedrock.api-key',
    title: 'Bedrock API key (IAM service-specific credential)',
    category: 'identity',
    bomType: 'cryptographic-asset',
    props: props([], {
      userName: str('IAM user that owns the key', from('IAM ListServiceSpecificCredentials (ServiceName bedrock.amazonaws.com, AllUsers) UserName', 'never absent: keys without one are skipped')),
      active: bool('Status is Active', from('ListServiceSpecificCredentials Status', 'unknown')),
      createdAt: str('creation time, ISO 8601', from('ListServiceSpecificCredentials CreateDate', NOT_SET)),
      expiresAt: str('expiration time, ISO 8601; null when the key never expires', from('ListServiceSpecificCredentials ExpirationDate', 'null: the key never expires')),
    }),
  },
  {
    type: 'aws.iam.role',
    title: 'IAM role',
    category: 'identity',
    bomType: 'application',
    props: props(
      ['admin'],
      {
        trustedServices: strList('service principals allowed to assume the role', from('GetRole Role.AssumeRolePolicyDocument: Principal.Service of Allow statements', 'an empty list')),
        attachedPolicies: strList('names of attached managed policies', from('ListAttachedRolePolicies AttachedPolicies[].PolicyName', 'an empty list')),
        wildcardActions: bool(
          'an Allow statement grants Action "*", "service:*", or everything but some actions (NotAction)',
          from('GetRolePolicy and GetPolicyVersion documents; the well-known AWS managed policies by ARN', 'false only when every policy is known; unknown otherwise'),
        ),
        permissionsBoundary: str('ARN of the permissions boundary', from('GetRole Role.PermissionsBoundary.PermissionsBoundaryArn', 'null: no boundary')),
        inlinePolicies: strList('names of inline policies', from('ListRolePolicies PolicyNames', 'an empty list')),
        marketplaceSubscribe: bool(
          'an Allow statement grants aws-marketplace:Subscribe (by an aws-marketplace: action pattern) on Resource "*" with no condition, so the role may subscribe the account to any AWS Marketplace product, Bedrock\'s Marketplace models included',
          from('GetRolePolicy and GetPolicyVersion documents: Action, Resource and Condition of Allow statements', 'true when a read policy grants it; false only when every policy was read; unknown otherwise'),
        ),
        trustedPrincipals: strList('AWS principals (accounts, roles, users, "*") allowed to assume the role', from('GetRole Role.AssumeRolePolicyDocument: Principal.AWS of Allow statements', 'an empty list')),
        assumeRoleWildcards: strList(
          'resource patterns with wildcards that the role may call sts:AssumeRole on ("*", "arn:aws:iam::*:role/*", ...)',
          from('the Resource of Allow statements for sts:AssumeRole in its policy documents', 'an empty list; unknown while a policy is unread'),
        ),
      },
      {
        admin: from(
          'its policy documents (GetRolePolicy, GetPolicyVersion) and the well-known AWS managed policies by ARN: admin means Allow of every action, or of every IAM action (with which it can grant itself the rest), on every resource; AdministratorAccess and IAMFullAccess are admin, PowerUserAccess, AmazonBedrockFullAccess and AmazonSageMakerFullAccess are not',
          'false only when every policy is known; unknown otherwise',
        ),
      },
    ),
  },
  {
    type: 'aws.iam.user',
    title: 'IAM user',
    category: 'identity',
    bomType: 'application',
    props: props(
      ['admin'],
      {
        attachedPolicies: strList('names of managed policies attached to the user or its groups', from('ListAttachedUserPolicies and ListAttachedGroupPolicies PolicyName', 'an empty list')),
        inlinePolicies: strList('names of inline policies of the user or its groups', from('ListUserPolicies and ListGroupPolicies PolicyNames', 'an empty list')),
        marketplaceSubscribe: bool(
          'an Allow statement grants aws-marketplace:Subscribe (by an aws-marketplace: action pattern) on Resource "*" with no condition (as on aws.iam.role)',
          from('GetUserPolicy, GetGroupPolicy and GetPolicyVersion documents: Action, Resource and Condition of Allow statements', 'true when a read policy grants it; false only when every policy of the user and its groups was read; unknown otherwise'),
        ),
        groups: strList('groups the user belongs to', from('ListGroupsForUser Groups[].GroupName', 'an empty list')),
        wildcardActions: bool(
          'an Allow statement grants Action "*", "service:*", or everything but some actions (NotAction)',
          from('GetUserPolicy, GetGroupPolicy and GetPolicyVersion documents; the well-known AWS managed policies by ARN', 'false only when every policy is known; unknown otherwise'),
        ),
        permissionsBoundary: str('ARN of the permissions boundary', from('GetUser User.PermissionsBoundary.PermissionsBoundaryArn', 'null: no boundary')),
        assumeRoleWildcards: strList(
          'resource patterns with wildcards that the user may call sts:AssumeRole on ("*", "arn:aws:iam::*:role/*", ...)',
          from('the Resource of Allow statements for sts:AssumeRole in its and its groups\' policy documents', 'an empty list; unknown while a policy is unread'),
        ),
      },
      {
        admin: from(
          'its and its groups\' policy documents and the well-known AWS managed policies by ARN (admin as for aws.iam.role: every action, or every IAM action, on every resource)',
          'false only when every policy is known; unknown otherwise',
        ),
      },
    ),
  },
  {
    type: 'aws.s3.bucket',
    title: 'S3 bucket',
    category: 'data',
    bomType: 'data',
    props: props(
      ['publicRead', 'publicWrite', 'sensitiveData', 'customerManagedKey'],
      {
        blockPublicAccess: bool(
          'all four S3 Block Public Access settings are in force (on for the bucket or for the account)',
          from('GetPublicAccessBlock (bucket) and S3 Control GetPublicAccessBlock (account) PublicAccessBlockConfiguration', 'NoSuchPublicAccessBlockConfiguration at a level: no setting on there; a level unread: unknown unless the other turns every setting on'),
        ),
        encryption: str('default encryption: AES256, aws:kms, aws:kms:dsse', from('GetBucketEncryption Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm', 'null: no default encryption configured')),
        versioning: bool('versioning is Enabled', from('GetBucketVersioning Status', 'false: never enabled (Status absent) or Suspended')),
        eventNotifications: bool(
          'object events are sent somewhere: an SNS topic, SQS queue or Lambda function, or EventBridge',
          from('GetBucketNotificationConfiguration TopicConfigurations, QueueConfigurations, LambdaFunctionConfigurations, EventBridgeConfiguration', 'false: an empty configuration (the answer for a bucket without notifications)'),
        ),
        macieEnabled: bool(
          'Amazon Macie is enabled (status ENABLED) in the bucket\'s region',
          from('Macie GetMacieSession status', 'false: AccessDeniedException "Macie is not enabled" (HTTP 403), the answer where Macie is off, or status PAUSED; unknown when the call failed otherwise, or when GetBucketLocation could not tell the bucket\'s region'),
        ),
        macieMonitored: bool(
          'Macie looks at the bucket: automated sensitive data discovery is on and monitors it, or a periodic classification job includes it',
          from(
            'GetAutomatedDiscoveryConfiguration status, and DescribeBuckets automatedDiscoveryMonitoringStatus and jobDetails.isMonitoredByJob',
            'false: Macie is off in the region, or neither discovery nor a periodic job covers it; unknown when one of them could not be read (or isMonitoredByJob is UNKNOWN) and the other does not cover it',
          ),
        ),
        sensitivityScore: num(
          'Macie\'s sensitivity score: -1 classification error, 1-49 not sensitive, 50 not classified, 51-100 sensitive',
          from('Macie DescribeBuckets sensitivityScore (bands: Macie API reference, BucketStatisticsBySensitivity)', 'null: Macie holds no score for the bucket; unknown when Macie is off or was not read'),
        ),
        macieSensitivity: str(
          'the score\'s band: sensitive, not-sensitive, not-classified or error',
          from('DescribeBuckets sensitivityScore, while automated discovery is on (the score of a bucket never analysed is 1 or 50)', 'null: no score, or automated discovery is off; unknown as sensitivityScore'),
        ),
        notificationTargets: strList(
          'where the events go: topic, queue and function ARNs, and eventbridge',
          from('GetBucketNotificationConfiguration TopicArn, QueueArn, LambdaFunctionArn; EventBridgeConfiguration present gives eventbridge', 'an empty list: none'),
        ),
      },
      {
        publicRead: from(
          'GetBucketPolicy (Principal "*" statements, unless GetBucketPolicyStatus IsPublic is false) and GetBucketAcl (AllUsers/AuthenticatedUsers grants), less what RestrictPublicBuckets and IgnorePublicAcls in force (bucket or account) neutralise',
          'false when neither grants it; unknown while a source or a Block Public Access level that could neutralise it is unread',
        ),
        publicWrite: from('as publicRead, for s3:PutObject/DeleteObject and WRITE grants', 'as publicRead'),
        sensitiveData: from(
          'Macie\'s verdict where it analysed the bucket (macieSensitivity sensitive: true, not-sensitive: false); otherwise aispm\'s assumption: an AI asset named the bucket for its training data, artifacts, outputs, captured requests or logs',
          'never absent: true for every bucket read unless Macie found it not sensitive',
        ),
        customerManagedKey: from(`GetBucketEncryption SSEAlgorithm aws:kms(:dsse) with KMSMasterKeyID${KEY_CHECK}`, 'false: no default encryption, or SSE-S3'),
      },
    ),
  },
  {
    type: 'aws.opensearch-serverless.collection',
    title: 'OpenSearch Serverless collection (a knowledge base\'s vector store)',
    category: 'data',
    bomType: 'data',
    props: props(
      ['internetExposed', 'customerManagedKey', 'sensitiveData'],
      {
        collectionType: str('SEARCH, TIMESERIES or VECTORSEARCH', from('BatchGetCollection collectionDetails[].type', NOT_SET)),
        status: str('collection status', from('BatchGetCollection collectionDetails[].status', STATUS)),
        kmsKeyArn: str(
          'the KMS key that encrypts the collection',
          from('BatchGetCollection collectionDetails[].kmsKeyArn', 'null: "auto", the value for an AWS owned key (OpenSearch Service developer guide, "Creating collections"); unknown when absent'),
        ),
        sourceVpcEndpoints: strList(
          'the OpenSearch Serverless VPC endpoints the network policies let reach the collection',
          from('ListSecurityPolicies and GetSecurityPolicy (type network) policy: SourceVPCEs of the statements whose collection rule names the collection (patterns such as collection/kb-* included)', 'an empty list: none, or the collection is public; unknown when a policy could not be read or parsed'),
        ),
        dataAccessPrincipals: strList(
          'IAM principals the data access policies let at the collection or its indexes',
          from('ListAccessPolicies and GetAccessPolicy (type data) policy: Principal of the statements with a collection or index rule that names the collection', 'an empty list: none; unknown when a policy could not be read or parsed'),
        ),
        dataAccessAllPermissions: bool(
          'a data access rule for the collection or its indexes grants every permission (aoss:*)',
          from('the same statements: Rules[].Permission contains aoss:*', 'false: no rule does; unknown as dataAccessPrincipals'),
        ),
        dataAccessWildcardPrincipal: bool('a principal of those statements contains a wildcard (*)', from('the same statements: Principal', 'false: none does; unknown as dataAccessPrincipals')),
      },
      {
        internetExposed: from(
          'ListSecurityPolicies and GetSecurityPolicy (type network) policy: AllowFromPublic of the statements whose collection rule names the collection',
          'false when every network policy was read and none opens it (a collection no policy names is reachable from nowhere); unknown when a policy could not be read or parsed and none opens it',
        ),
        customerManagedKey: from(`BatchGetCollection kmsKeyArn${KEY_CHECK}`, 'false: "auto", an AWS owned key'),
        sensitiveData: from('aispm: a knowledge base keeps its documents\' chunks and embeddings in it', 'never absent once the collection was read'),
      },
    ),
  },
  {
    type: 'aws.kms.key',
    title: 'KMS key',
    category: 'key',
    bomType: 'cryptographic-asset',
    props: props([], {
      keyManager: str('CUSTOMER or AWS', from('DescribeKey KeyMetadata.KeyManager', NOT_SET)),
      rotationEnabled: bool(
        'automatic key rotation is enabled',
        from('GetKeyRotationStatus KeyRotationEnabled (AWS managed keys always rotate)', 'null: the key cannot rotate (not SYMMETRIC_DEFAULT with KMS key material)'),
      ),
      keyState: str('Enabled, Disabled, PendingDeletion, ...', from('DescribeKey KeyMetadata.KeyState', NOT_SET)),
    }),
  },
  {
    type: 'aws.lambda.function',
    title: 'Lambda function',
    category: 'compute',
    bomType: 'application',
    props: props([], {
      runtime: str('runtime identifier', from('GetFunctionConfiguration Runtime (ListFunctions gives it too)', 'null: a container image function')),
      runtimeDeprecated: bool(
        'the runtime is one AWS has deprecated (no more security patches), by aispm\'s list of deprecated runtimes from the Lambda developer guide (src/collect/aws/lambda-runtimes.ts, with the date it was last brought up to date)',
        from('GetFunctionConfiguration Runtime, looked up in the Lambda developer guide\'s deprecated runtimes (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html)', 'null: a container image function, which has no managed runtime'),
      ),
      runtimeDeprecatedOn: str('the date (ISO 8601) AWS deprecated the runtime, per the same list', from('the Lambda developer guide\'s deprecated runtimes', 'null: the runtime is not deprecated, or the function is a container image')),
      environmentVariables: strList(
        'names of its environment variables (the values go to the secret scan only)',
        from('GetFunctionConfiguration or ListFunctions Environment.Variables (the names)', 'an empty list: no environment'),
      ),
      promptEnvironmentVariables: strList(
        'names of the environment variables whose value looks like a system prompt: at least 200 characters with at least two phrases that instruct a model ("you are a", "never reveal", "respond only", ...; src/collect/aws/lambda.ts); the values are never kept',
        from('GetFunctionConfiguration or ListFunctions Environment.Variables (the values, judged at collection)', 'an empty list: no environment, or nothing prompt-shaped'),
      ),
      ...MODEL_CALLER_PROPS('its execution role (GetFunctionConfiguration or ListFunctions Role)'),
      reservedConcurrency: num(
        'executions reserved for the function, which also cap how many run at once (read for the functions agents, flows and gateways invoke)',
        from('GetFunctionConcurrency ReservedConcurrentExecutions', 'null: the member is optional and left out when no reserved concurrency is configured; unknown for functions found only by listing the region'),
      ),
    }),
  },
  {
    type: 'aws.ecs.task-definition',
    title: 'ECS task definition (latest active revision of a family)',
    category: 'compute',
    bomType: 'application',
    props: props([], {
      revision: num('revision read: the latest ACTIVE one of the family', from('DescribeTaskDefinition (taskDefinition: the family) taskDefinition.revision', NOT_SET)),
      networkMode: str('bridge, host, awsvpc or none', from('DescribeTaskDefinition taskDefinition.networkMode', 'null: not set; Linux tasks on EC2 then use bridge (ECS API reference, networkMode)')),
      images: strList('container images of the task', from('DescribeTaskDefinition taskDefinition.containerDefinitions[].image', 'an empty list')),
      environmentVariables: strList(
        'names of the plain environment variables of its containers (the values go to the secret scan only; `secrets` references to Secrets Manager or Parameter Store are not listed)',
        from('DescribeTaskDefinition taskDefinition.containerDefinitions[].environment[].name', 'an empty list: no plain environment'),
      ),
      executionRoleArn: str('role ECS uses to pull images and fetch secrets (not the one the containers call AWS with)', from('DescribeTaskDefinition taskDefinition.executionRoleArn', 'null: none')),
      ...MODEL_CALLER_PROPS('its task role (DescribeTaskDefinition taskDefinition.taskRoleArn), the one its containers call AWS with'),
    }),
  },
  {
    type: 'aws.ecr.repository',
    title: 'ECR repository (of images AI assets run)',
    category: 'data',
    bomType: 'data',
    props: props(
      ['customerManagedKey'],
      {
        scanType: str(
          'the registry\'s scan type in the repository\'s region: BASIC or ENHANCED (Amazon Inspector)',
          from('GetRegistryScanningConfiguration scanningConfiguration.scanType', 'BASIC: a registry without a scanning configuration uses basic scanning (ECR API reference, PutRegistryScanningConfiguration scanType)'),
        ),
        scanFrequency: str(
          'how pushed images are scanned, as ECR applies the registry\'s rules to the repository: SCAN_ON_PUSH, CONTINUOUS_SCAN or MANUAL',
          from('BatchGetRepositoryScanningConfiguration scanningConfigurations[].scanFrequency (else scanOnPush)', 'MANUAL when neither is reported; unknown for a repository listed under failures'),
        ),
        imagesScanned: bool('pushed images are scanned for vulnerabilities (on push or continuously)', from('scanFrequency: SCAN_ON_PUSH or CONTINUOUS_SCAN', 'unknown when the scanning configuration could not be read')),
        imageTagMutability: str('MUTABLE, IMMUTABLE, MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION', from('DescribeRepositories repositories[].imageTagMutability', NOT_SET)),
        tagsImmutable: bool(
          'a pushed tag cannot be moved to another image (IMMUTABLE, or IMMUTABLE_WITH_EXCLUSION for the tags not excluded)',
          from('DescribeRepositories repositories[].imageTagMutability', 'unknown: a value this SDK version does not know'),
        ),
        encryptionType: str('AES256 (S3-managed keys), KMS or KMS_DSSE', from('DescribeRepositories repositories[].encryptionConfiguration.encryptionType', 'null: not reported')),
      },
      {
        customerManagedKey: from(
          `DescribeRepositories repositories[].encryptionConfiguration: KMS or KMS_DSSE with kmsKey${KEY_CHECK}`,
          'false: AES256, or KMS without a key named (the AWS managed aws/ecr key)',
        ),
      },
    ),
  },
  {
    type: 'aws.ec2.vpc',
    title: 'VPC',
    category: 'network',
    bomType: 'platform',
    props: props([], {
      bedrockEndpoints: strList(
        'Bedrock services reachable through interface VPC endpoints in this VPC',
        from('EC2 DescribeVpcEndpoints (vpc-endpoint-type Interface) ServiceName of endpoints in State available', 'an empty list; unknown when the endpoints could not be listed'),
      ),
      agentCoreEndpoints: strList(
        'AgentCore services reachable through interface VPC endpoints in this VPC: bedrock-agentcore (data plane), bedrock-agentcore-control, bedrock-agentcore.gateway',
        from(
          'EC2 DescribeVpcEndpoints (vpc-endpoint-type Interface) ServiceName com.amazonaws.<region>.bedrock-agentcore[-control|.gateway] of endpoints in State available (AgentCore Developer Guide, "Use interface VPC endpoints")',
          'an empty list; unknown when the endpoints could not be listed',
        ),
      ),
      bedrockResourcesInRegion: num(
        'number of Bedrock resources found in the VPC\'s region (as on aws.bedrock.model-invocation-logging); absent when a listing failed and none were found',
        from('the Bedrock and Bedrock Agent listings of the region', 'unknown when a listing failed and none were found'),
      ),
      bedrockUsed: bool('the VPC\'s region uses Bedrock (as bedrockUsed on aws.bedrock.model-invocation-logging)', from('the region\'s AWS/Bedrock metrics and Bedrock resources', 'unknown when neither shows use and one of them is unknown')),
    }),
  },
  {
    type: 'aws.logs.log-group',
    title: 'CloudWatch Logs log group',
    category: 'logging',
    bomType: 'data',
    props: props(
      ['customerManagedKey', 'sensitiveData'],
      {
        retentionDays: num('retention in days, null when logs never expire', from('DescribeLogGroups retentionInDays', 'null: logs never expire')),
        dataMasking: bool(
          'a data protection policy masks sensitive data in the group: the group\'s own or the account\'s (the two apply together) has a Deidentify statement',
          from(
            'GetDataProtectionPolicy policyDocument and DescribeAccountPolicies (policyType DATA_PROTECTION_POLICY) policyDocument: Statement[].Operation.Deidentify',
            'false: neither policy exists (no policyDocument in the answer, or ResourceNotFoundException) or neither masks; true once one masks; unknown when a policy could not be read or parsed and none masks',
          ),
        ),
        maskedDataIdentifiers: strList(
          'the data identifiers masked (arn:aws:dataprotection::aws:data-identifier/EmailAddress, ...)',
          from('the DataIdentifier of the Deidentify statements of those policies', 'an empty list: nothing is masked; unknown as dataMasking'),
        ),
      },
      {
        customerManagedKey: from(`DescribeLogGroups kmsKeyId${KEY_CHECK}`, 'false: encrypted with a CloudWatch Logs service key'),
        sensitiveData: from('aispm: the group receives Bedrock invocation logs (prompts and completions)', 'never absent once the group was read'),
      },
    ),
  },
  {
    type: 'aws.apigateway.rest-api',
    title: 'API Gateway REST API in front of AI compute',
    category: 'network',
    bomType: 'service',
    props: props([], {
      ...API_FRONT_PROPS,
      aiMethods: strList(
        'the methods (`POST /chat`) whose integration reaches AI compute',
        from('GetResources (embed=methods) items[].resourceMethods.<verb>.methodIntegration.{type,uri}, with items[].path', 'never absent: the API is read only when one method reaches AI compute'),
      ),
      aiMethodsWithoutBodyValidation: strList(
        'those of the AI methods that have no request validator that validates the body',
        from(
          'GetResources items[].resourceMethods.<verb>.requestValidatorId, and GetRequestValidators items[].validateRequestBody',
          'a method without requestValidatorId is not validated (the member is optional); unknown when a named validator could not be read',
        ),
      ),
    }),
  },
  {
    type: 'aws.apigateway.stage',
    title: 'API Gateway REST API stage (of an API in front of AI compute)',
    category: 'network',
    bomType: 'service',
    props: props([], {
      webAclArn: str('the AWS WAF web ACL associated with the stage', from('GetStages item[].webAclArn', 'null: the member is left out when no web ACL is associated')),
      usagePlans: strList('names of the usage plans the stage is in', from('GetUsagePlans items[].apiStages[] {apiId, stage}', 'an empty list: in no usage plan; unknown when the usage plans could not be read')),
      usagePlanThrottle: bool(
        'one of those usage plans sets a throttle with a rate and a burst limit above zero',
        from('GetUsagePlans items[].throttle.{rateLimit,burstLimit}', 'false: no plan of the stage sets both (throttle is optional); unknown when the usage plans could not be read'),
      ),
      stageThrottle: bool(
        'the stage\'s default method settings (`*/*`) set a throttling rate and burst limit above zero',
        from('GetStages item[].methodSettings["*/*"].{throttlingRateLimit,throttlingBurstLimit}', 'false: no default method settings, or no limits in them: only the account-level limits apply'),
      ),
      throttled: bool('requests are throttled per API: the stage\'s default method throttle or a usage plan throttle (FS-02)', from('stageThrottle or usagePlanThrottle', 'unknown when the stage sets none and the usage plans could not be read')),
      shieldAdvanced: bool(
        'the account subscribes to AWS Shield Advanced (an account-wide setting, shown on each stage in front of AI compute)',
        from('Shield GetSubscriptionState SubscriptionState: ACTIVE or INACTIVE', 'never absent: required in the model; unknown when the call failed'),
      ),
    }),
  },
  {
    type: 'aws.apigatewayv2.api',
    title: 'API Gateway HTTP API in front of AI compute',
    category: 'network',
    bomType: 'service',
    props: props([], API_FRONT_PROPS),
  },
  {
    type: 'aws.apigatewayv2.stage',
    title: 'API Gateway HTTP API stage (of an API in front of AI compute)',
    category: 'network',
    bomType: 'service',
    props: props([], {
      throttled: bool(
        'the stage\'s default route settings set a throttling rate and burst limit above zero',
        from('GetStages (v2) Items[].DefaultRouteSettings.{ThrottlingRateLimit,ThrottlingBurstLimit}', 'false: no default route settings or no limits in them: only the account-level limits apply'),
      ),
    }),
  },
  {
    type: 'aws.wafv2.web-acl',
    title: 'AWS WAF web ACL (guarding an API in front of AI compute)',
    category: 'network',
    bomType: 'service',
    props: props([], {
      defaultAction: str('ALLOW or BLOCK: what happens to a request no rule matches', from('GetWebACL WebACL.DefaultAction', 'never absent: required in the model')),
      statementKinds: strList(
        'the kinds of statements its rules use (ManagedRuleGroupStatement, RateBasedStatement, XssMatchStatement, SizeConstraintStatement, ...), nested And/Or/Not statements included',
        from('GetWebACL WebACL.Rules[].Statement and the Firewall Manager rule groups', 'an empty list: no rules'),
      ),
      managedRuleGroups: record(
        'the managed rule groups its enforcing rules run (not those overridden to Count), name → vendor',
        from('GetWebACL Rules[].Statement.ManagedRuleGroupStatement.{Name,VendorName} with Rules[].OverrideAction, and Pre/PostProcessFirewallManagerRuleGroups', 'an empty map: none'),
      ),
      rateLimited: bool('an enforcing rule has a rate-based statement', from('GetWebACL Rules[].Statement.RateBasedStatement with Rules[].Action', WAF_OPAQUE)),
      xssProtection: bool(
        'an enforcing rule has an XssMatchStatement, or runs the AWS core rule set (AWSManagedRulesCommonRuleSet) without excluding or counting all of its CrossSiteScripting_* rules (AWS WAF developer guide, "Baseline rule groups", https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html)',
        from('GetWebACL Rules[].Statement.XssMatchStatement / ManagedRuleGroupStatement.{ExcludedRules,RuleActionOverrides}', WAF_OPAQUE),
      ),
      bodySizeLimited: bool(
        'an enforcing rule has a SizeConstraintStatement on the body (Body or JsonBody), or runs the AWS core rule set with its SizeRestrictions_BODY rule (bodies over 8 KB) enforced',
        from('GetWebACL Rules[].Statement.SizeConstraintStatement.FieldToMatch / ManagedRuleGroupStatement', WAF_OPAQUE),
      ),
    }),
  },
] as const satisfies readonly AssetTypeSpec[];

import { bool, num, props, str, strList, type AssetTypeSpec, type PropertySource } from './spec.js';

/**
 * Google Cloud asset types: Vertex AI and the service accounts, buckets and keys it touches. Every
 * property says where it comes from: the REST method and field (proto3 JSON names, as the Vertex AI
 * v1 protos in googleapis/google/cloud/aiplatform/v1, the Notebooks v2 protos, and the Cloud Storage,
 * Resource Manager v3 and IAM v1 references define them), and what an absent field means. Proto3 JSON
 * leaves out a field at its default (false, "", 0, unset message), so "absent" is usually that default.
 */

const VERTEX_PROTOS = 'googleapis google/cloud/aiplatform/v1';

/** encryptionSpec.kmsKeyName, which every Vertex AI resource type here carries. */
function cmekSources(list: string): { kmsKeyName: PropertySource; customerManagedKey: PropertySource } {
  return {
    kmsKeyName: { from: `${list} encryptionSpec.kmsKeyName`, absent: `null: Google-managed encryption, the default when no encryptionSpec is given (${VERTEX_PROTOS}/encryption_spec.proto)` },
    customerManagedKey: { from: `${list} encryptionSpec.kmsKeyName is set`, absent: 'false: Google-managed keys (no encryptionSpec)' },
  };
}

const ENDPOINT = cmekSources('ListEndpoints');
const MODEL = cmekSources('ListModels');
const DATASET = cmekSources('ListDatasets');
const CUSTOM_JOB = cmekSources('ListCustomJobs');
const PIPELINE = cmekSources('ListTrainingPipelines');
const RUNTIME = cmekSources('ListNotebookRuntimes');
const TEMPLATE = cmekSources('ListNotebookRuntimeTemplates');
const STORE = cmekSources('ListFeatureOnlineStores');
const INDEX_ENDPOINT = cmekSources('ListIndexEndpoints');
const AGENT = cmekSources('ListReasoningEngines');
const TENSORBOARD = cmekSources('ListTensorboards');
const METADATA_STORE = cmekSources('ListMetadataStores');
const RAG_CORPUS = cmekSources('ListRagCorpora');
const INDEX = cmekSources('ListIndexes');
const RAG_FILES = { from: 'ListRagFiles (one per corpus)', absent: 'unknown when ListRagFiles could not be read' };

const NETWORK_TYPE_ENDPOINT: PropertySource = {
  from: 'ListEndpoints privateServiceConnectConfig.enablePrivateServiceConnect (or enablePrivateServiceConnect), network',
  absent: 'public: an endpoint with neither Private Service Connect nor a peered network is served on the public regional API (endpoint.proto)',
};

const TRAINING_SPEC = (list: string, path: string) => ({
  network: { from: `${list} ${path}.network`, absent: 'null: the job runs without a VPC (CustomJobSpec.network is optional)' },
  networkIsolated: { from: `${list} ${path}.network or ${path}.pscInterfaceConfig.networkAttachment`, absent: 'false: without a peered VPC or a PSC interface the job runs on Google\'s network with its default egress' },
  webAccess: { from: `${list} ${path}.enableWebAccess`, absent: 'false, the proto3 default (custom_job.proto: interactive shell off unless enabled)' },
  serviceAccount: { from: `${list} ${path}.serviceAccount`, absent: 'null: the job runs as the Vertex AI Custom Code Service Agent of the project (custom_job.proto)' },
});

const JOB = TRAINING_SPEC('ListCustomJobs', 'jobSpec');
const PIPELINE_SPEC = TRAINING_SPEC('ListTrainingPipelines', 'trainingTaskInputs (custom training, a CustomJobSpec in a Struct)');

const IDLE = (list: string) => ({
  idleShutdown: { from: `${list} idleShutdownConfig (and its idleShutdownDisabled)`, absent: 'false: idleShutdownConfig "will only be set when idle shutdown is enabled" (notebook_runtime.proto)' },
  idleTimeoutSeconds: { from: `${list} idleShutdownConfig.idleTimeout`, absent: 'null while idle shutdown is off; idleTimeout is required in the config (notebook_idle_shutdown_config.proto)' },
});

const EUC = (list: string): PropertySource => ({
  from: `${list} eucConfig.bypassActasCheck (output only: true when the runtime owner works with end-user credentials and the VM runs as a service agent)`,
  absent: 'unknown when eucConfig is absent (euc_disabled is input only, never returned); false when eucConfig is there without bypassActasCheck (notebook_euc_config.proto)',
});

const EGRESS = (list: string): PropertySource => ({
  from: `${list} networkSpec.enableInternetAccess ("public internet access": outbound)`,
  absent: 'false when networkSpec is there without it ("Default false", network_spec.proto); unknown when networkSpec is absent',
});

const NO_INBOUND: PropertySource = {
  from: 'not set: the API has no inbound-exposure setting for Colab Enterprise runtimes (users reach them through the Colab Enterprise service, signed in with Google; enableInternetAccess is outbound and goes to internetEgress)',
  absent: 'always absent (unknown)',
};

const SERVICE_ACCOUNT_POLICY = 'Resource Manager v3 projects.getIamPolicy (requestedPolicyVersion 3)';
const SERVICE_USAGE = 'Service Usage v1 services.batchGet';
const ORG_POLICY = 'Organization Policy v2 projects.policies.getEffectivePolicy';
const ORG_POLICY_ABSENT =
  'a constraint with no policy anywhere: its default, from ListConstraints constraintDefault (ALLOW: not enforced, every value allowed); unknown when the effective policy or, for a policy without rules, the constraints could not be read';

/** A boolean constraint's property: true when the effective policy enforces it. */
const enforcedSource = (constraint: string): PropertySource => ({ from: `${ORG_POLICY} constraints/${constraint}: spec.rules[].enforce`, absent: ORG_POLICY_ABSENT });
const DLP_PROFILES = 'Sensitive Data Protection (DLP) v2 projects.locations.fileStoreDataProfiles.list (the bucket\'s project and location, filter file_store_path = "gs://BUCKET"; the newest profile)';
const DLP_PROFILES_ABSENT =
  'unknown when the bucket has no profile there (discovery does not cover it, or an organization- or folder-level scan profiled it: those profiles are listed under the organization, not read), the call failed, or the bucket is not in a scanned project';
const AUDIT_CONFIGS = 'Resource Manager v3 projects.getIamPolicy (requestedPolicyVersion 3) auditConfigs, and folders.getIamPolicy / organizations.getIamPolicy above the project';
const API_KEYS = 'API Keys v2 projects.locations.keys.list (global; keyString is not returned and GetKeyString is never called)';
const MODEL_ARMOR = 'Model Armor v1 (googleapis google/cloud/modelarmor/v1/service.proto)';
const FLOOR = 'Model Armor v1 getFloorSetting (projects, folders, organizations; location global)';
const TEMPLATES = 'Model Armor v1 projects.locations.templates.list (regional endpoint)';

/** The filter configuration (filterConfig) a Model Armor template and a floor setting share. */
function filterSources(call: string) {
  const unspecifiedOff = 'false: *_ENFORCEMENT_UNSPECIFIED is "Same as Disabled" (service.proto)';
  return {
    promptInjectionFilter: bool('the prompt injection and jailbreak filter is on', { from: `${call} filterConfig.piAndJailbreakFilterSettings.filterEnforcement`, absent: unspecifiedOff }),
    promptInjectionConfidence: str('LOW_AND_ABOVE, MEDIUM_AND_ABOVE or HIGH: the confidence from which prompt injection is reported; null when the filter is off', {
      from: `${call} filterConfig.piAndJailbreakFilterSettings.confidenceLevel`,
      absent: 'LOW_AND_ABOVE: DETECTION_CONFIDENCE_LEVEL_UNSPECIFIED is "Same as LOW_AND_ABOVE" (service.proto)',
    }),
    sensitiveDataFilter: bool('Sensitive Data Protection screening is on (basic config enabled, or an advanced config)', { from: `${call} filterConfig.sdpSettings.basicConfig.filterEnforcement / advancedConfig`, absent: unspecifiedOff }),
    maliciousUriFilter: bool('the malicious URL filter is on', { from: `${call} filterConfig.maliciousUriFilterSettings.filterEnforcement`, absent: unspecifiedOff }),
    raiFilters: strList('responsible AI filter categories set (SEXUALLY_EXPLICIT, HATE_SPEECH, HARASSMENT, DANGEROUS)', { from: `${call} filterConfig.raiSettings.raiFilters[].filterType`, absent: 'an empty list: no responsible AI filter' }),
    highConfidenceOnlyFilters: strList('filters that report a match only at HIGH confidence, the least strict threshold (PROMPT_INJECTION_AND_JAILBREAK or a responsible AI category)', {
      from: `${call} filterConfig piAndJailbreakFilterSettings.confidenceLevel and raiSettings.raiFilters[].confidenceLevel`,
      absent: 'unknown when a responsible AI filter has no level ("a reasonable default level based on the filter_type", not published) and no HIGH filter was found',
    }),
  };
}

export const GCP_ASSET_TYPES = [
  {
    type: 'gcp.vertexai.endpoint',
    title: 'Vertex AI endpoint',
    category: 'ai',
    bomType: 'service',
    props: props(
      ['internetExposed', 'customerManagedKey', 'loggingEnabled'],
      {
        networkType: str('public, private-service-connect or vpc-peering', NETWORK_TYPE_ENDPOINT),
        dedicatedEndpoint: bool('dedicatedEndpointEnabled', { from: 'ListEndpoints dedicatedEndpointEnabled', absent: 'false, the proto3 default: the shared regional domain' }),
        kmsKeyName: str('encryptionSpec.kmsKeyName', ENDPOINT.kmsKeyName),
        requestResponseLogging: bool('predictRequestResponseLoggingConfig.enabled', { from: 'ListEndpoints predictRequestResponseLoggingConfig.enabled', absent: 'false: no request-response logging unless configured' }),
        deployedModels: num('number of deployed models', { from: 'ListEndpoints deployedModels (count)', absent: '0: no model deployed' }),
        modelsWithoutAccessLogging: strList('deployed models (display name, else id) that do not send access logs to Cloud Logging (enableAccessLogging off)', {
          from: 'ListEndpoints deployedModels[].enableAccessLogging',
          absent: 'off for that model, the proto3 default (endpoint.proto: "Only supported for custom-trained Models and AutoML Tabular Models")',
        }),
        modelsWithManagedIdentity: strList('deployed models (display name, else id) whose container runs as the Vertex-managed identity, with no serviceAccount of their own', {
          from: 'ListEndpoints deployedModels[].serviceAccount',
          absent: 'the model runs as a Vertex-managed service account "that doesn\'t have access to the resource project" (endpoint.proto): listed here',
        }),
        monitoringJob: str('modelDeploymentMonitoringJob: the model deployment monitoring job watching the endpoint; null when none', {
          from: 'ListEndpoints modelDeploymentMonitoringJob (output only)',
          absent: 'null: no monitoring job watches the endpoint',
        }),
      },
      {
        internetExposed: { from: 'ListEndpoints: true when networkType is public (served on the internet-facing regional API; requests still need Google credentials)', absent: 'see networkType' },
        customerManagedKey: ENDPOINT.customerManagedKey,
        loggingEnabled: { from: 'ListEndpoints predictRequestResponseLoggingConfig.enabled', absent: 'false: request-response logging is off unless configured' },
      },
    ),
  },
  {
    type: 'gcp.vertexai.model',
    title: 'Vertex AI model',
    category: 'ai',
    bomType: 'machine-learning-model',
    props: props(
      ['customerManagedKey', 'modelId', 'modelVersion'],
      {
        artifactUri: str('Cloud Storage location of the model artifacts', { from: 'ListModels artifactUri', absent: 'null: the model has no artifacts (a container-only or Model Garden model)' }),
        containerImage: str('containerSpec.imageUri', { from: 'ListModels containerSpec.imageUri', absent: 'null: no serving container (a model that cannot be deployed, or a Google-served one)' }),
        kmsKeyName: str('encryptionSpec.kmsKeyName', MODEL.kmsKeyName),
        versionAliases: strList('versionAliases', { from: 'ListModels versionAliases', absent: 'an empty list: no aliases' }),
      },
      {
        customerManagedKey: MODEL.customerManagedKey,
        modelId: { from: 'ListModels baseModelSource.modelGardenSource.publicModelName, else the last segment of name (the registry id)', absent: 'never absent: name is always returned' },
        modelVersion: { from: 'ListModels versionId (output only)', absent: 'null: the API returned no version' },
      },
    ),
  },
  {
    type: 'gcp.vertexai.dataset',
    title: 'Vertex AI dataset',
    category: 'data',
    bomType: 'data',
    props: props(
      ['customerManagedKey', 'sensitiveData'],
      {
        kmsKeyName: str('encryptionSpec.kmsKeyName', DATASET.kmsKeyName),
        sourceUris: strList('Cloud Storage sources', {
          from: 'ListDatasets metadata.inputConfig.gcsSource.uri (tabular and time-series datasets; one URI or a list)',
          absent: 'null: the dataset holds imported items and names no source',
        }),
      },
      {
        customerManagedKey: DATASET.customerManagedKey,
        sensitiveData: { from: 'aispm: a Vertex AI dataset holds training data', absent: 'never absent: always true' },
      },
    ),
  },
  {
    type: 'gcp.vertexai.custom-job',
    title: 'Vertex AI custom job',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey', 'networkIsolated'],
      {
        network: str('jobSpec.network; null when the job has no VPC', JOB.network),
        webAccess: bool('jobSpec.enableWebAccess', JOB.webAccess),
        serviceAccount: str('jobSpec.serviceAccount', JOB.serviceAccount),
        kmsKeyName: str('encryptionSpec.kmsKeyName', CUSTOM_JOB.kmsKeyName),
        outputUri: str('jobSpec.baseOutputDirectory.outputUriPrefix: where the job writes its outputs', { from: 'ListCustomJobs jobSpec.baseOutputDirectory.outputUriPrefix', absent: 'null: no base output directory' }),
      },
      { customerManagedKey: CUSTOM_JOB.customerManagedKey, networkIsolated: JOB.networkIsolated },
    ),
  },
  {
    type: 'gcp.vertexai.training-pipeline',
    title: 'Vertex AI training pipeline',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey', 'networkIsolated'],
      {
        trainingTask: str('trainingTaskDefinition: the schema of the training task (custom, AutoML tabular, ...)', { from: 'ListTrainingPipelines trainingTaskDefinition', absent: 'never absent: required in the model (training_pipeline.proto)' }),
        state: str('pipeline state, e.g. PIPELINE_STATE_SUCCEEDED', { from: 'ListTrainingPipelines state', absent: 'null: PIPELINE_STATE_UNSPECIFIED' }),
        network: str('custom training only: the VPC of the training job; null when none', PIPELINE_SPEC.network),
        webAccess: bool('custom training only: enableWebAccess', PIPELINE_SPEC.webAccess),
        serviceAccount: str('custom training only: the service account the training job runs as; null when the default', PIPELINE_SPEC.serviceAccount),
        kmsKeyName: str('encryptionSpec.kmsKeyName', PIPELINE.kmsKeyName),
      },
      { customerManagedKey: PIPELINE.customerManagedKey, networkIsolated: PIPELINE_SPEC.networkIsolated },
    ),
  },
  {
    type: 'gcp.vertexai.notebook-runtime',
    title: 'Vertex AI Colab Enterprise notebook runtime',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['internetExposed', 'internetEgress', 'customerManagedKey'],
      {
        idleShutdown: bool('idle shutdown is enabled', IDLE('ListNotebookRuntimes').idleShutdown),
        idleTimeoutSeconds: num('idle timeout in seconds', IDLE('ListNotebookRuntimes').idleTimeoutSeconds),
        runtimeUser: str('the user the runtime is assigned to (runtimeUser)', { from: 'ListNotebookRuntimes runtimeUser', absent: 'never absent: required in the model (notebook_runtime.proto)' }),
        serviceAccount: str('the identity the runtime workload runs as: the project\'s Vertex AI Notebook Service Agent (service-PROJECT_NUMBER@gcp-sa-aiplatform-vm.iam.gserviceaccount.com)', {
          from: 'ListNotebookRuntimes name (the project number); NotebookRuntime.serviceAccount is deprecated and no longer used, the Notebook Service Agent is the workload identity (notebook_runtime.proto)',
          absent: 'unknown when the name carries no project number',
        }),
        endUserCredentials: bool('runs with the end user\'s credentials (EUC)', EUC('ListNotebookRuntimes')),
        network: str('networkSpec.network: the VPC the runtime is attached to', { from: 'ListNotebookRuntimes networkSpec.network', absent: 'null: no VPC named (unknown when networkSpec is absent)' }),
        kmsKeyName: str('encryptionSpec.kmsKeyName', RUNTIME.kmsKeyName),
      },
      { internetExposed: NO_INBOUND, internetEgress: EGRESS('ListNotebookRuntimes'), customerManagedKey: RUNTIME.customerManagedKey },
    ),
  },
  {
    type: 'gcp.vertexai.notebook-runtime-template',
    title: 'Vertex AI Colab Enterprise notebook runtime template',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['internetEgress', 'customerManagedKey'],
      {
        idleShutdown: bool('idle shutdown is enabled', IDLE('ListNotebookRuntimeTemplates').idleShutdown),
        idleTimeoutSeconds: num('idle timeout in seconds', IDLE('ListNotebookRuntimeTemplates').idleTimeoutSeconds),
        endUserCredentials: bool('runtimes created from the template run with the end user\'s credentials (EUC)', EUC('ListNotebookRuntimeTemplates')),
        network: str('networkSpec.network', { from: 'ListNotebookRuntimeTemplates networkSpec.network', absent: 'null: no VPC named (unknown when networkSpec is absent)' }),
        kmsKeyName: str('encryptionSpec.kmsKeyName', TEMPLATE.kmsKeyName),
      },
      { internetEgress: EGRESS('ListNotebookRuntimeTemplates'), customerManagedKey: TEMPLATE.customerManagedKey },
    ),
  },
  {
    type: 'gcp.workbench.instance',
    title: 'Vertex AI Workbench instance',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['internetExposed', 'internetEgress', 'customerManagedKey'],
      {
        state: str('instance state', { from: 'Notebooks v2 projects.locations.instances.list state', absent: 'null: STATE_UNSPECIFIED' }),
        proxyAccess: bool('JupyterLab is reachable through the Google-managed proxy (disableProxyAccess off)', {
          from: 'Notebooks v2 instances.list disableProxyAccess',
          absent: 'true: the instance registers with the proxy unless disableProxyAccess is true (instance.proto)',
        }),
        publicIp: bool('the VM has an external IP address (gceSetup.disablePublicIp off)', {
          from: 'Notebooks v2 instances.list gceSetup.disablePublicIp',
          absent: 'true: an external IP is assigned unless disablePublicIp is true (gce_setup.proto); unknown when gceSetup is absent',
        }),
        network: str('the VPC of the first network interface', { from: 'Notebooks v2 instances.list gceSetup.networkInterfaces[].network', absent: 'null: no network named' }),
        idleShutdown: bool('idle shutdown is enabled (idle-timeout-seconds metadata)', {
          from: 'Notebooks v2 instances.list gceSetup.metadata idle-timeout-seconds and enable-guest-attributes',
          absent:
            'true with 180 minutes when idle-timeout-seconds is absent, the documented default (https://cloud.google.com/vertex-ai/docs/workbench/instances/idle-shutdown); false when enable-guest-attributes is "false" (idle shutdown needs guest attributes); unknown for a value that is not a positive number',
        }),
        idleTimeoutSeconds: num('idle timeout in seconds', { from: 'Notebooks v2 instances.list gceSetup.metadata idle-timeout-seconds', absent: '10800 (180 minutes), the documented default' }),
        serviceAccount: str('service account the VM runs as', {
          from: 'Notebooks v2 instances.list gceSetup.serviceAccounts[].email',
          absent: 'null: no service account returned (the API fills in the Compute Engine default service account when none was given at creation)',
        }),
        rootAccess: bool('users can become root in JupyterLab (notebook-disable-root metadata not "true")', {
          from: 'Notebooks v2 instances.list gceSetup.metadata notebook-disable-root',
          absent: 'true: root access is on unless notebook-disable-root is "true"',
        }),
        terminalAccess: bool('users can open a terminal in JupyterLab (notebook-disable-terminal metadata not "true")', {
          from: 'Notebooks v2 instances.list gceSetup.metadata notebook-disable-terminal',
          absent: 'true: the terminal is on unless notebook-disable-terminal is "true" (https://cloud.google.com/vertex-ai/docs/workbench/instances/manage-metadata)',
        }),
        fileDownloads: bool('users can download files from JupyterLab (notebook-disable-downloads or notebook-disable-nbconvert not "true")', {
          from: 'Notebooks v2 instances.list gceSetup.metadata notebook-disable-downloads and notebook-disable-nbconvert',
          absent: 'true: downloads, and "Download as" through nbconvert, are on unless each key is "true" (https://cloud.google.com/vertex-ai/docs/workbench/instances/manage-metadata)',
        }),
        autoUpgrade: bool('the instance upgrades its environment automatically on a schedule (notebook-upgrade-schedule metadata set)', {
          from: 'Notebooks v2 instances.list gceSetup.metadata notebook-upgrade-schedule (a cron schedule; the key constraints/ainotebooks.requireAutoUpgradeSchedule requires)',
          absent: 'false: without the key there is no automatic upgrade, only manual ones (https://cloud.google.com/vertex-ai/docs/workbench/instances/upgrade); unknown when gceSetup is absent',
        }),
        secureBoot: bool('shielded VM secure boot is on', { from: 'Notebooks v2 instances.list gceSetup.shieldedInstanceConfig.enableSecureBoot', absent: 'false, the documented default ("Secure Boot is disabled by default", gce_setup.proto)' }),
        vtpm: bool('shielded VM vTPM is on', {
          from: 'Notebooks v2 instances.list gceSetup.shieldedInstanceConfig.enableVtpm ("Enabled by default", gce_setup.proto: the instance carries the value in force)',
          absent: 'false when shieldedInstanceConfig is there without it (proto3 JSON leaves out false); unknown when shieldedInstanceConfig is absent',
        }),
        integrityMonitoring: bool('shielded VM integrity monitoring is on', {
          from: 'Notebooks v2 instances.list gceSetup.shieldedInstanceConfig.enableIntegrityMonitoring ("Enabled by default", gce_setup.proto)',
          absent: 'false when shieldedInstanceConfig is there without it; unknown when shieldedInstanceConfig is absent',
        }),
        machineType: str('gceSetup.machineType', { from: 'Notebooks v2 instances.list gceSetup.machineType', absent: 'null: not returned' }),
      },
      {
        internetExposed: {
          from: 'Notebooks v2 instances.list gceSetup.disablePublicIp: an external IP takes connections from the internet (as far as the VPC firewall allows, which is not read)',
          absent: 'true: an external IP is assigned unless disablePublicIp is true; unknown when gceSetup is absent',
        },
        internetEgress: {
          from: 'Notebooks v2 instances.list gceSetup.disablePublicIp: an external IP reaches the internet',
          absent: 'unknown without an external IP: egress through Cloud NAT is possible and not read',
        },
        customerManagedKey: {
          from: 'not set: gceSetup.bootDisk/dataDisks diskEncryption and kmsKey are input only in the Notebooks API v2 (gce_setup.proto), never returned; the disks themselves (Compute Engine) are not read',
          absent: 'always absent (unknown)',
        },
      },
    ),
  },
  {
    type: 'gcp.vertexai.model-monitoring-job',
    title: 'Vertex AI model deployment monitoring job',
    category: 'ai',
    bomType: 'application',
    props: props([], {
      state: str('job state', { from: 'ListModelDeploymentMonitoringJobs state', absent: 'null: JOB_STATE_UNSPECIFIED' }),
      driftDetection: bool('prediction drift detection is configured', {
        from: 'ListModelDeploymentMonitoringJobs modelDeploymentMonitoringObjectiveConfigs[].objectiveConfig.predictionDriftDetectionConfig',
        absent: 'false: no objective detects drift',
      }),
      skewDetection: bool('training-serving skew detection is configured', {
        from: 'ListModelDeploymentMonitoringJobs modelDeploymentMonitoringObjectiveConfigs[].objectiveConfig.trainingPredictionSkewDetectionConfig',
        absent: 'false: no objective detects skew',
      }),
    }),
  },
  {
    type: 'gcp.vertexai.feature-online-store',
    title: 'Vertex AI Feature Store online store',
    category: 'data',
    bomType: 'service',
    props: props(
      ['internetExposed', 'customerManagedKey'],
      {
        networkType: str('public or private-service-connect: how online serving is reached', {
          from: 'ListFeatureOnlineStores dedicatedServingEndpoint.privateServiceConnectConfig.enablePrivateServiceConnect',
          absent: 'public: without Private Service Connect the store is served on a public domain (Bigtable stores through the regional API)',
        }),
        storageType: str('bigtable or optimized', { from: 'ListFeatureOnlineStores bigtable / optimized (oneof)', absent: 'null: neither is set' }),
        kmsKeyName: str('encryptionSpec.kmsKeyName', STORE.kmsKeyName),
      },
      {
        internetExposed: { from: 'ListFeatureOnlineStores: true when networkType is public', absent: 'see networkType' },
        customerManagedKey: STORE.customerManagedKey,
      },
    ),
  },
  {
    type: 'gcp.vertexai.index-endpoint',
    title: 'Vertex AI Vector Search index endpoint',
    category: 'ai',
    bomType: 'service',
    props: props(
      ['internetExposed', 'customerManagedKey'],
      {
        networkType: str('public, private-service-connect or vpc-peering; null when none is set', {
          from: 'ListIndexEndpoints publicEndpointEnabled, privateServiceConnectConfig.enablePrivateServiceConnect (or enablePrivateServiceConnect), network',
          absent: 'null: none of them set',
        }),
        kmsKeyName: str('encryptionSpec.kmsKeyName', INDEX_ENDPOINT.kmsKeyName),
        deployedIndexes: num('number of deployed indexes', { from: 'ListIndexEndpoints deployedIndexes (count)', absent: '0: no index deployed' }),
      },
      {
        internetExposed: { from: 'ListIndexEndpoints publicEndpointEnabled (a public endpoint), false for Private Service Connect or VPC peering', absent: 'unknown when networkType is null' },
        customerManagedKey: INDEX_ENDPOINT.customerManagedKey,
      },
    ),
  },
  {
    type: 'gcp.vertexai.reasoning-engine',
    title: 'Vertex AI Agent Engine (reasoning engine)',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['customerManagedKey', 'networkIsolated'],
      {
        serviceAccount: str('spec.serviceAccount; null when the agent runs as the Vertex AI Reasoning Engine service agent', {
          from: 'ListReasoningEngines spec.serviceAccount',
          absent: 'null: the AI Platform Reasoning Engine Service Agent (reasoning_engine.proto); unknown when spec is absent',
        }),
        identityType: str('spec.identityType: SERVICE_ACCOUNT or AGENT_IDENTITY', { from: 'ListReasoningEngines spec.identityType', absent: 'null: IDENTITY_TYPE_UNSPECIFIED' }),
        agentFramework: str('spec.agentFramework, e.g. langchain or google-adk', { from: 'ListReasoningEngines spec.agentFramework', absent: 'null: not given' }),
        pscInterface: bool('deploymentSpec.pscInterfaceConfig: egress goes through a Private Service Connect interface into a VPC', {
          from: 'ListReasoningEngines spec.deploymentSpec.pscInterfaceConfig.networkAttachment',
          absent: 'false: no PSC interface',
        }),
        kmsKeyName: str('encryptionSpec.kmsKeyName', AGENT.kmsKeyName),
        effectiveServiceAccount: str('the service account the agent runs as: spec.serviceAccount, else the AI Platform Reasoning Engine Service Agent; null for agent identity', {
          from: 'ListReasoningEngines spec.serviceAccount, spec.identityType, and the project number in the name',
          absent:
            'service-PROJECT_NUMBER@gcp-sa-aiplatform-re.iam.gserviceaccount.com when spec.serviceAccount is absent ("If not specified, the Vertex AI Reasoning Engine Service Agent in the project will be used", reasoning_engine.proto); null for AGENT_IDENTITY; unknown when spec is absent',
        }),
        deploymentSource: str('how the code is deployed: package (pickled object), source-code or container', {
          from: 'ListReasoningEngines spec.sourceCodeSpec / spec.containerSpec (oneof deployment_source) / spec.packageSpec',
          absent: 'null: none of them returned',
        }),
        envVars: strList('names of the plain environment variables (values stay in raw, for the secret scan)', { from: 'ListReasoningEngines spec.deploymentSpec.env[].name', absent: '[]: none set' }),
        secretEnvVars: strList('names of the environment variables taken from Secret Manager', { from: 'ListReasoningEngines spec.deploymentSpec.secretEnv[].name', absent: '[]: none set' }),
      },
      {
        customerManagedKey: AGENT.customerManagedKey,
        networkIsolated: { from: 'ListReasoningEngines spec.deploymentSpec.pscInterfaceConfig.networkAttachment', absent: 'false: without a PSC interface the agent egresses on Google\'s network' },
      },
    ),
  },
  {
    type: 'gcp.vertexai.rag-corpus',
    title: 'Vertex AI RAG Engine corpus',
    category: 'data',
    bomType: 'data',
    props: props(
      ['customerManagedKey', 'sensitiveData'],
      {
        kmsKeyName: str('encryptionSpec.kmsKeyName (applies to RagManagedDb only)', RAG_CORPUS.kmsKeyName),
        vectorDb: str('where the embeddings live: rag-managed-db, pinecone, vertex-vector-search or vertex-ai-search', {
          from: 'ListRagCorpora vectorDbConfig (oneof vector_db: ragManagedDb, pinecone, vertexVectorSearch) / vertexAiSearchConfig',
          absent: 'rag-managed-db when neither vectorDbConfig nor vertexAiSearchConfig is returned: RagManagedDb is "the default vector database" (https://cloud.google.com/vertex-ai/generative-ai/docs/vector-db-choices); unknown when vectorDbConfig names a database this SDK does not know',
        }),
        externalVectorDb: bool('the vectors and chunks are kept in a database outside Google Cloud (Pinecone)', {
          from: 'ListRagCorpora vectorDbConfig.pinecone',
          absent: 'unknown when vectorDb is unknown',
        }),
        apiKeySecretVersion: str('the Secret Manager secret version holding the external vector database\'s API key (its name, never its value)', {
          from: 'ListRagCorpora vectorDbConfig.apiAuth.apiKeyConfig.apiKeySecretVersion',
          absent: 'null: no API key (RagManagedDb and Vertex AI need none)',
        }),
        embeddingModelEndpoint: str('the embedding model endpoint', { from: 'ListRagCorpora vectorDbConfig.ragEmbeddingModelConfig.vertexPredictionEndpoint.endpoint', absent: 'null: not returned (the RAG Engine default model)' }),
        state: str('corpusStatus.state', { from: 'ListRagCorpora corpusStatus.state', absent: 'null: not returned' }),
        ragFiles: num('number of files in the corpus', RAG_FILES),
        dataSources: strList('kinds of source the files came from: cloud-storage, google-drive, direct-upload, slack, jira, sharepoint', { from: 'ListRagFiles gcsSource / googleDriveSource / directUploadSource / slackSource / jiraSource / sharePointSources', absent: RAG_FILES.absent }),
        sourceBuckets: strList('the Cloud Storage buckets files were imported from', { from: 'ListRagFiles gcsSource.uris', absent: RAG_FILES.absent }),
      },
      {
        customerManagedKey: RAG_CORPUS.customerManagedKey,
        sensitiveData: { from: 'aispm: a RAG corpus holds the documents it grounds answers on (chunks and their embeddings)', absent: 'never absent: always true' },
      },
    ),
  },
  {
    type: 'gcp.vertexai.index',
    title: 'Vertex AI Vector Search index',
    category: 'data',
    bomType: 'data',
    props: props(
      ['customerManagedKey', 'sensitiveData'],
      {
        kmsKeyName: str('encryptionSpec.kmsKeyName', INDEX.kmsKeyName),
        updateMethod: str('indexUpdateMethod: BATCH_UPDATE or STREAM_UPDATE', { from: 'ListIndexes indexUpdateMethod', absent: 'BATCH_UPDATE: "If not set, BATCH_UPDATE will be used by default" (index.proto)' }),
        streamUpdate: bool('datapoints can be upserted directly (STREAM_UPDATE), not only from Cloud Storage files', { from: 'ListIndexes indexUpdateMethod', absent: 'false: BATCH_UPDATE, the default' }),
        contentsDeltaUri: str('the Cloud Storage folder the embeddings are built from', { from: 'ListIndexes metadata.contentsDeltaUri', absent: 'null: not returned' }),
        deployedIndexes: num('number of index endpoints the index is deployed to', { from: 'ListIndexes deployedIndexes (count)', absent: '0: not deployed' }),
      },
      {
        customerManagedKey: INDEX.customerManagedKey,
        sensitiveData: { from: 'aispm: a Vector Search index holds embeddings of the data it was built from', absent: 'never absent: always true' },
      },
    ),
  },
  {
    type: 'gcp.vertexai.tensorboard',
    title: 'Vertex AI TensorBoard instance',
    category: 'ai',
    bomType: 'data',
    props: props(
      ['customerManagedKey'],
      {
        kmsKeyName: str('encryptionSpec.kmsKeyName', TENSORBOARD.kmsKeyName),
        isDefault: bool('the default TensorBoard of the region (experiments without one use it)', { from: 'ListTensorboards isDefault', absent: 'false, the proto3 default' }),
      },
      { customerManagedKey: TENSORBOARD.customerManagedKey },
    ),
  },
  {
    type: 'gcp.vertexai.metadata-store',
    title: 'Vertex AI ML Metadata store',
    category: 'ai',
    bomType: 'data',
    props: props(['customerManagedKey'], { kmsKeyName: str('encryptionSpec.kmsKeyName', METADATA_STORE.kmsKeyName) }, { customerManagedKey: METADATA_STORE.customerManagedKey }),
  },
  {
    type: 'gcp.resourcemanager.project',
    title: 'Google Cloud project (its generative AI APIs, Model Armor enforcement, organization policies and audit logs)',
    category: 'ai',
    bomType: 'platform',
    props: props([], {
      projectNumber: str('project number', { from: 'Resource Manager v3 projects.get name (projects/NUMBER)', absent: 'unknown when projects.get was not answered' }),
      vertexAiApiEnabled: bool('the Vertex AI API (aiplatform.googleapis.com) is enabled', {
        from: `${SERVICE_USAGE} state of aiplatform.googleapis.com`,
        absent: 'unknown when the call was not answered or the state is STATE_UNSPECIFIED; DISABLED covers "explicitly disabled, or has never been enabled" (resources.proto)',
      }),
      geminiApiEnabled: bool('the Gemini API (Generative Language API, generativelanguage.googleapis.com) is enabled', { from: `${SERVICE_USAGE} state of generativelanguage.googleapis.com`, absent: 'as vertexAiApiEnabled' }),
      notebooksApiEnabled: bool('the Notebooks API (notebooks.googleapis.com), which Vertex AI Workbench instances run on, is enabled', { from: `${SERVICE_USAGE} state of notebooks.googleapis.com`, absent: 'as vertexAiApiEnabled' }),
      orgPolicyModelsRestricted: bool('the organization policy constraints/vertexai.allowedModels restricts which Model Garden models can be used (not every value allowed)', {
        from: `${ORG_POLICY} constraints/vertexai.allowedModels: spec.rules[] denyAll, values.deniedValues, or values.allowedValues without allowAll`,
        absent: ORG_POLICY_ABSENT,
      }),
      orgPolicyNotebookRootAccessDisabled: bool('constraints/ainotebooks.disableRootAccess is enforced: new Workbench instances cannot give root', enforcedSource('ainotebooks.disableRootAccess')),
      orgPolicyNotebookTerminalDisabled: bool('constraints/ainotebooks.disableTerminal is enforced: new Workbench instances have no terminal', enforcedSource('ainotebooks.disableTerminal')),
      orgPolicyNotebookFileDownloadsDisabled: bool('constraints/ainotebooks.disableFileDownloads is enforced: new Workbench instances cannot download files', enforcedSource('ainotebooks.disableFileDownloads')),
      orgPolicyNotebookPublicIpRestricted: bool('constraints/ainotebooks.restrictPublicIp is enforced: new Workbench instances get no public IP', enforcedSource('ainotebooks.restrictPublicIp')),
      orgPolicyVertexAiCmekRequired: bool('constraints/gcp.restrictNonCmekServices requires CMEK for new Vertex AI resources (aiplatform.googleapis.com denied, denyAll, or an allow list without it)', {
        from: `${ORG_POLICY} constraints/gcp.restrictNonCmekServices: spec.rules[] values and denyAll ("is:" prefixes dropped)`,
        absent: ORG_POLICY_ABSENT,
      }),
      orgPolicyServiceAccountKeyCreationDisabled: bool('service account key creation is blocked: constraints/iam.disableServiceAccountKeyCreation or its managed successor iam.managed.disableServiceAccountKeyCreation is enforced', {
        from: `${ORG_POLICY} constraints/iam.disableServiceAccountKeyCreation and constraints/iam.managed.disableServiceAccountKeyCreation: spec.rules[].enforce`,
        absent: `true when either is enforced; false when both are known not enforced; otherwise unknown (${ORG_POLICY_ABSENT})`,
      }),
      orgPolicyMemberDomainsRestricted: bool('constraints/iam.allowedPolicyMemberDomains restricts IAM grants to the organization\'s own customer IDs (domain-restricted sharing)', {
        from: `${ORG_POLICY} constraints/iam.allowedPolicyMemberDomains: spec.rules[] values or denyAll without allowAll`,
        absent: ORG_POLICY_ABSENT,
      }),
      orgPolicyGenAIModelsRestricted: bool('the organization policy constraints/vertexai.allowedGenAIModels restricts which generative AI models can be called (not every value allowed)', {
        from: `${ORG_POLICY} constraints/vertexai.allowedGenAIModels: spec.rules[] denyAll, values.deniedValues, or values.allowedValues without allowAll`,
        absent: ORG_POLICY_ABSENT,
      }),
      orgPolicyPartnerModelFeaturesRestricted: bool('constraints/vertexai.allowedPartnerModelFeatures does not allow every partner-model feature (such as web search for Anthropic models)', {
        from: `${ORG_POLICY} constraints/vertexai.allowedPartnerModelFeatures: spec.rules[] allowAll, denyAll and values`,
        absent: `${ORG_POLICY_ABSENT}; the features are denied unless allowed (https://cloud.google.com/vertex-ai/generative-ai/docs/control-model-access, "Enable web search for partner models"), so the constraint's default reads as restricted`,
      }),
      orgPolicyGoogleSearchGroundingDisabled: bool('constraints/vertexai.disableGenAIGoogleSearchGrounding is enforced: Gemini on Vertex AI cannot ground answers with Google Search', enforcedSource('vertexai.disableGenAIGoogleSearchGrounding')),
      orgPolicyGroundingSourcesRestricted: bool('constraints/vertexai.genAIGroundingSources restricts which grounding sources generative AI requests may use (not every value allowed)', {
        from: `${ORG_POLICY} constraints/vertexai.genAIGroundingSources: spec.rules[] denyAll, values.deniedValues, or values.allowedValues without allowAll (the values themselves are not judged)`,
        absent: ORG_POLICY_ABSENT,
      }),
      orgPolicyNotebookAutoUpgradeRequired: bool('constraints/ainotebooks.requireAutoUpgradeSchedule is enforced: new Workbench instances must have an automatic upgrade schedule', enforcedSource('ainotebooks.requireAutoUpgradeSchedule')),
      orgPolicyVmExternalIpRestricted: bool('constraints/compute.vmExternalIpAccess gives an external IP only to the VMs it names (denyAll, or an allow list), so a new Workbench instance\'s VM gets none', {
        from: `${ORG_POLICY} constraints/compute.vmExternalIpAccess: spec.rules[] denyAll, or values.allowedValues without allowAll (denied values alone leave other VMs free)`,
        absent: ORG_POLICY_ABSENT,
      }),
      orgPolicyDefaultServiceAccountGrantsDisabled: bool('constraints/iam.automaticIamGrantsForDefaultServiceAccounts is enforced: new default service accounts get no Editor role', enforcedSource('iam.automaticIamGrantsForDefaultServiceAccounts')),
      vpcServicePerimeters: strList('the enforced regular VPC Service Controls perimeters that hold the project and restrict aiplatform.googleapis.com', {
        from: 'Access Context Manager v1 accessPolicies.list (parent: the project\'s organization) and accessPolicies.servicePerimeters.list: perimeterType, status.resources (projects/NUMBER), status.restrictedServices; bridges and dry-run specs do not count',
        absent: 'an empty list for a project without an organization; unknown when the project number, its ancestry or the organization\'s policies and perimeters could not be read (a perimeter found is kept even then)',
      }),
      vertexAiInPerimeter: bool('the project is inside a VPC Service Controls perimeter that restricts the Vertex AI API', { from: 'vpcServicePerimeters is not empty', absent: 'unknown as vpcServicePerimeters' }),
      vertexAiDataAccessLogTypes: strList('the Data Access audit log types enabled for Vertex AI (ADMIN_READ, DATA_READ, DATA_WRITE), for aiplatform.googleapis.com or allServices, on the project or above it', {
        from: `${AUDIT_CONFIGS}: auditConfigs[service aiplatform.googleapis.com or allServices].auditLogConfigs[].logType`,
        absent: 'an empty list when no policy names one (Data Access logs are off by default); unknown unless the project\'s and every ancestor\'s policy were read',
      }),
      vertexAiDataAccessLogs: bool('Data Access audit logs record Vertex AI data reads and writes (DATA_READ and DATA_WRITE enabled; exempted members are not logged)', {
        from: 'vertexAiDataAccessLogTypes',
        absent: 'true when both types are found in any policy read; unknown unless the project\'s and every ancestor\'s policy were read',
      }),
      generativeAiInUse: bool('Gemini can be called in the project: the Vertex AI or the Gemini API is enabled', {
        from: 'vertexAiApiEnabled or geminiApiEnabled',
        absent: 'unknown unless one is true or both are known false',
      }),
      modelArmorFloorBlocks: bool('the project\'s Model Armor floor setting blocks (inline enforcement on Gemini in Vertex AI: enforcement on, AI_PLATFORM integrated, inspect-and-block)', {
        from: `${MODEL_ARMOR} projects.locations.getFloorSetting (global) enableFloorSettingEnforcement, integratedServices, aiPlatformFloorSetting`,
        absent: 'false when the Model Armor API is not enabled in the project (403 SERVICE_DISABLED); unknown when the floor setting could not be read, or is on and integrated with no mode',
      }),
      modelArmorBlockingTemplate: bool('some Model Armor template of the project, in a location the scan reads, runs in inspect-and-block mode', {
        from: `${MODEL_ARMOR} projects.locations.templates.list templateMetadata.enforcementType in each Vertex AI location read and in the multi-regions us and eu (templates in other locations are not read)`,
        absent:
          'false when the Model Armor API is off; unknown when a location, or the Vertex AI locations themselves, could not be listed and no blocking template was found; a location without a Model Armor endpoint (its regional host does not resolve) holds none',
      }),
      modelArmorEnforced: bool('Model Armor screens and blocks: the floor setting blocks on Vertex AI, or a template blocks', {
        from: 'modelArmorFloorBlocks or modelArmorBlockingTemplate',
        absent: 'unknown unless one is true or both are known false',
      }),
    }),
  },
  {
    type: 'gcp.apikeys.key',
    title: 'Google Cloud API key',
    category: 'identity',
    bomType: 'cryptographic-asset',
    props: props([], {
      apiRestricted: bool('the key is restricted to some APIs (restrictions.apiTargets set)', { from: `${API_KEYS} restrictions.apiTargets`, absent: 'false: "If no restrictions are specified, all targets are allowed" (resources.proto)' }),
      apiTargets: strList('the services the key may call; null when it may call every enabled API', { from: `${API_KEYS} restrictions.apiTargets[].service`, absent: 'null: no API restriction' }),
      applicationRestriction: str('browser, server, android or ios: the client restriction set (HTTP referrers, IP addresses, Android apps, iOS bundles); null when anyone holding the key can use it from anywhere', {
        from: `${API_KEYS} restrictions.browserKeyRestrictions / serverKeyRestrictions / androidKeyRestrictions / iosKeyRestrictions (oneof client_restrictions)`,
        absent: 'null: none of the oneof is set',
      }),
      allowedReferrers: strList('HTTP referrers a browser key is limited to', { from: `${API_KEYS} restrictions.browserKeyRestrictions.allowedReferrers`, absent: 'null: not a browser-restricted key' }),
      allowedIps: strList('IP addresses or ranges a server key is limited to', { from: `${API_KEYS} restrictions.serverKeyRestrictions.allowedIps`, absent: 'null: not a server-restricted key' }),
      generativeAiApis: strList('the generative AI APIs (generativelanguage.googleapis.com, aiplatform.googleapis.com) the key can call: those among its API targets, or without API targets those enabled in the project', {
        from: `${API_KEYS} restrictions.apiTargets, and ${SERVICE_USAGE} for a key without API targets`,
        absent: 'unknown when the key has no API targets and whether the two APIs are enabled could not be read in full',
      }),
      allowsGenerativeAi: bool('the key can call Gemini (Gemini API or Vertex AI)', { from: 'generativeAiApis is not empty', absent: 'unknown as generativeAiApis, but true when one of the two is known enabled' }),
    }),
  },
  {
    type: 'gcp.modelarmor.floor-setting',
    title: 'Model Armor floor setting (project, folder or organization)',
    category: 'ai',
    bomType: 'application',
    props: props([], {
      level: str('project, folder or organization', { from: 'the floor setting\'s resource name', absent: 'never absent' }),
      enforcement: bool('floor setting enforcement is on', { from: `${FLOOR} enableFloorSettingEnforcement (proto3 optional)`, absent: 'false: not turned on (a floor setting is a singleton that exists for every project, folder and organization)' }),
      integratedServices: strList('the services the floor setting applies to inline (AI_PLATFORM: Gemini in Vertex AI)', { from: `${FLOOR} integratedServices`, absent: 'an empty list: none' }),
      vertexAiIntegrated: bool('AI_PLATFORM is among integratedServices', { from: `${FLOOR} integratedServices`, absent: 'false: not integrated' }),
      vertexAiMode: str('inspect-and-block or inspect-only on Vertex AI; null when neither is set', { from: `${FLOOR} aiPlatformFloorSetting.inspectAndBlock / inspectOnly (oneof)`, absent: 'null: no mode set' }),
      blocksVertexAi: bool('Gemini prompts and responses in Vertex AI that trip the filters are blocked: enforcement on, AI_PLATFORM integrated, inspect-and-block', {
        from: `${FLOOR} enableFloorSettingEnforcement, integratedServices, aiPlatformFloorSetting`,
        absent: 'unknown when enforcement is on and AI_PLATFORM integrated but no mode is set (undocumented)',
      }),
      cloudLogging: bool('filter results on Vertex AI go to Cloud Logging', { from: `${FLOOR} aiPlatformFloorSetting.enableCloudLogging`, absent: 'false, the proto3 default' }),
      ...filterSources(FLOOR),
    }),
  },
  {
    type: 'gcp.modelarmor.template',
    title: 'Model Armor template',
    category: 'ai',
    bomType: 'application',
    props: props([], {
      enforcementType: str('INSPECT_AND_BLOCK or INSPECT_ONLY', { from: `${TEMPLATES} templateMetadata.enforcementType`, absent: 'INSPECT_AND_BLOCK: ENFORCEMENT_TYPE_UNSPECIFIED is "Same as INSPECT_AND_BLOCK" (service.proto)' }),
      blocking: bool('requests and responses that trip the filters are blocked (INSPECT_AND_BLOCK)', { from: `${TEMPLATES} templateMetadata.enforcementType`, absent: 'true: the default is INSPECT_AND_BLOCK' }),
      logSanitizeOperations: bool('sanitize operations are logged', { from: `${TEMPLATES} templateMetadata.logSanitizeOperations`, absent: 'false, the proto3 default' }),
      ...filterSources(TEMPLATES),
    }),
  },
  {
    type: 'gcp.iam.service-account',
    title: 'Service account',
    category: 'identity',
    bomType: 'application',
    props: props(
      ['admin'],
      {
        email: str('service account email', { from: 'the resource that names it (uses-identity) or the IAM policy member serviceAccount:EMAIL', absent: 'never absent' }),
        defaultComputeServiceAccount: bool('the Compute Engine default service account', { from: 'email is PROJECT_NUMBER-compute@developer.gserviceaccount.com', absent: 'never absent' }),
        projectRoles: strList('roles granted to the account itself on the project', {
          from: `${SERVICE_ACCOUNT_POLICY} bindings naming serviceAccount:EMAIL`,
          absent: 'unknown when the project IAM policy could not be read',
        }),
        inheritedRoles: strList('roles granted to the account itself on the folders and organization above the project', {
          from: 'Resource Manager v3 projects.get parent, folders.get parent, folders.getIamPolicy and organizations.getIamPolicy, bindings naming serviceAccount:EMAIL',
          absent: 'unknown unless every ancestor\'s policy was read',
        }),
      },
      {
        admin: {
          from: `roles/owner or roles/editor in the project policy (${SERVICE_ACCOUNT_POLICY}) or an inherited folder or organization policy, granted to the account (or to allUsers / allAuthenticatedUsers) without a condition`,
          absent:
            'unknown when the project policy or any ancestor\'s could not be read, when an administrator role is granted to a group, domain or principal set the account may belong to, or to the account under an IAM condition; deny policies are not read',
        },
      },
    ),
  },
  {
    type: 'gcp.storage.bucket',
    title: 'Cloud Storage bucket',
    category: 'data',
    bomType: 'data',
    props: props(
      ['publicRead', 'publicWrite', 'sensitiveData', 'customerManagedKey'],
      {
        publicAccessPrevention: str('enforced or inherited', { from: 'Cloud Storage JSON API buckets.get iamConfiguration.publicAccessPrevention', absent: 'null: not returned (the API reports inherited when not enforced)' }),
        uniformBucketLevelAccess: bool('uniform bucket-level access is on', { from: 'buckets.get iamConfiguration.uniformBucketLevelAccess.enabled', absent: 'false: ACLs are in force' }),
        versioning: bool('object versioning is on', { from: 'buckets.get versioning.enabled', absent: 'false: versioning is off unless enabled' }),
        kmsKeyName: str('encryption.defaultKmsKeyName', { from: 'buckets.get encryption.defaultKmsKeyName', absent: 'null: Google-managed encryption' }),
        dataProfile: str('the Sensitive Data Protection file store data profile of the bucket', { from: `${DLP_PROFILES} name`, absent: DLP_PROFILES_ABSENT }),
        sensitivityScore: str('the profile\'s sensitivity level: SENSITIVITY_LOW, SENSITIVITY_MODERATE (PII or free text that may hold it), SENSITIVITY_HIGH (sensitive PII) or SENSITIVITY_UNKNOWN', {
          from: `${DLP_PROFILES} sensitivityScore.score (SensitivityScoreLevel, google/privacy/dlp/v2/storage.proto)`,
          absent: `null: the profile has no score; ${DLP_PROFILES_ABSENT}`,
        }),
        dataRiskLevel: str('the profile\'s data risk level: RISK_LOW, RISK_MODERATE, RISK_HIGH or RISK_UNKNOWN (sensitivity weighed with access controls)', { from: `${DLP_PROFILES} dataRiskLevel.score`, absent: `null: the profile has no risk level; ${DLP_PROFILES_ABSENT}` }),
        sensitiveInfoTypes: strList('the infoTypes discovery found in the bucket (PERSON_NAME, EMAIL_ADDRESS, ...)', { from: `${DLP_PROFILES} fileStoreInfoTypeSummaries[].infoType.name`, absent: `an empty list: none found; ${DLP_PROFILES_ABSENT}` }),
      },
      {
        publicRead: {
          from: 'buckets.getIamPolicy bindings for allUsers / allAuthenticatedUsers with a role that reads objects (legacyBucketReader lists names only), and with ACLs in force the bucket and default object ACLs (buckets.get projection=full); publicAccessPrevention enforced makes it false',
          absent: 'unknown when the policy or ACLs could not be read, and while ACLs are in force and no public grant was found (single objects\' ACLs are not read)',
        },
        publicWrite: {
          from: 'buckets.getIamPolicy bindings for allUsers / allAuthenticatedUsers with a role that creates objects, and with ACLs in force a public WRITER or OWNER bucket ACL',
          absent: 'unknown when the policy or, with ACLs in force, the ACLs could not be read',
        },
        sensitiveData: {
          from: 'the DLP profile\'s verdict where there is one (sensitivityScore SENSITIVITY_MODERATE or SENSITIVITY_HIGH: true, SENSITIVITY_LOW: false); otherwise aispm\'s assumption: Vertex AI resources name the bucket for training data, model artifacts or outputs',
          absent: 'never absent: true unless a profile says SENSITIVITY_LOW',
        },
        customerManagedKey: { from: 'buckets.get encryption.defaultKmsKeyName is set', absent: 'false: Google-managed encryption' },
      },
    ),
  },
  {
    type: 'gcp.kms.crypto-key',
    title: 'Cloud KMS key',
    category: 'key',
    bomType: 'cryptographic-asset',
    props: props([], {
      rotationPeriodSeconds: num('automatic rotation period; null when none', { from: 'Cloud KMS cryptoKeys.get rotationPeriod', absent: 'null: no automatic rotation' }),
    }),
  },
] as const satisfies readonly AssetTypeSpec[];

/**
 * The fake Google Cloud estate, in the APIs' own JSON. Resource names carry project numbers, as the
 * real APIs return them; enums come as names or numbers. Every answer holds only what the APIs'
 * published models have (the fake checks each one, api-model.ts), and leaves out what proto3 JSON
 * leaves out: fields at their default, empty lists. Each planted misconfiguration has a hardened twin
 * beside it:
 *
 * - endpoint fraud-public (public, no CMEK, no request or access logging, no monitoring job) serves
 *   fraud-v1, trained on a bucket anyone can write to; fraud-private (Private Service Connect) and
 *   fraud-peered (VPC peering) are CMEK-encrypted, logged and monitored, and serve fraud-v2, trained on
 *   a locked bucket;
 * - model fraud-v1 has an OpenAI key in its container environment and no CMEK; fraud-v2 has no secret and a CMEK key;
 *   dataset transactions-drop has no CMEK, transactions has one;
 * - notebook runtime ds-scratch has a public IP, no idle shutdown and no CMEK, and runs as the Compute
 *   Engine default service account, which holds roles/editor (so it can write the training bucket);
 *   it comes from open-template (public IP, no idle shutdown, no CMEK); fraud-analysis is in a VPC,
 *   runs as a dedicated account that can only read, shuts down when idle and uses CMEK, as does
 *   locked-template;
 * - Workbench instance ds-workbench has a public IP, runs as the default service account, never
 *   shuts down when idle, has Google-managed disk keys, root, terminal and downloads on and integrity
 *   monitoring off; fraud-workbench has no public IP, its own
 *   account, idle shutdown, CMEK on every disk, no root and secure boot, as does eu-workbench, in
 *   another region (three instances: two pages);
 * - custom job adhoc-train runs without a VPC as the default account with web access, no CMEK and an
 *   AWS key in its environment, and pipeline train-fraud-v1 trains without a VPC or CMEK as the
 *   Custom Code Service Agent (no service account);
 *   nightly-train and train-fraud-v2 run in a VPC as a dedicated account with CMEK;
 * - public feature online store and index endpoint without CMEK beside Private Service Connect ones
 *   with CMEK; an agent on the shared service agent, without CMEK and with a Slack token in its
 *   environment, beside one with a PSC interface, its own account and CMEK; the service agent may mint
 *   the deployer's tokens (its IAM policy), so the first agent can act as the folder's Owner;
 * - Vector Search index similar-tx-v1 streams updates without CMEK, similar-tx-v2 has CMEK; RAG corpus
 *   support-kb is on RagManagedDb without CMEK and imports from the training bucket and the publicly
 *   writable one, partner-kb keeps its vectors in Pinecone, policies-kb has CMEK (see ragCorpora below).
 *
 * - acme-ml sits in the ML folder, under the organization: the folder grants Owner to the deployer
 *   account (whose own IAM policy lets the analyst account mint its tokens) and Editor to a group, so
 *   no account of the project is known not to be an administrator; the Colab runtimes run as the
 *   project's Notebook Service Agent, whatever their deprecated serviceAccount names.
 *
 * - API keys and Model Armor: see apiKeys and modelArmor below; organization policies: orgPolicies
 *   below (acme-sandbox's cannot be read, acme-legacy has none, so every constraint's default); Data
 *   Access audit logs for Vertex AI record writes but not reads in acme-ml.
 *
 * Also: europe-west4 answers 403 to everything, asia-northeast1 has nothing and no Agent Engine,
 * acme-legacy without the Notebooks API either, a stopped runtime without a network spec or service account, a bucket that cannot be read,
 * project acme-sandbox whose IAM policy cannot be read, and acme-legacy without the Vertex AI API.
 */

export interface FakeProject {
  number: string;
  /** Resource Manager v3 Project.state; ACTIVE when absent. */
  state?: 'ACTIVE' | 'DELETE_REQUESTED';
  /** Resource Manager v3 Project.parent: `folders/{id}` or `organizations/{id}`. */
  parent?: string;
  vertexDisabled?: boolean;
  /** Workbench instances in every zone (Notebooks API v2); 'disabled': the API is not enabled. */
  workbench?: unknown[] | 'disabled';
  /** Zones the instance list could not reach (ListInstancesResponse.unreachable, on the first page). */
  workbenchUnreachable?: string[];
  /** Undefined: reading it is denied. */
  iamPolicy?: unknown;
  /** Location → collection → records; 'denied' answers 403, 'not-offered' 404. */
  locations: Record<string, 'denied' | Record<string, unknown[] | 'not-offered'>>;
  /** Service Usage states by API name (ENABLED, DISABLED); by default Vertex AI is enabled unless vertexDisabled, and the rest disabled. */
  services?: Record<string, string>;
  /** API keys (API Keys v2 Key records, without keyString, as ListKeys returns them). */
  apiKeys?: unknown[];
  /** Model Armor: the project's floor setting (when configured) and templates by location; 'disabled': the API is not enabled. */
  modelArmor?: { floorSetting?: unknown; templates?: Record<string, unknown[]> } | 'disabled';
  /** Organization policies in effect (the effective PolicySpec by constraint; a constraint not here has no policy anywhere); 'denied': 403. */
  orgPolicies?: Record<string, unknown> | 'denied';
  /** RAG Engine files by corpus resource name (ListRagFiles); a corpus not here answers 404. */
  ragFiles?: Record<string, unknown[]>;
  /** Sensitive Data Protection file store data profiles (FileStoreDataProfile records) by location; 'disabled': the DLP API is not enabled. */
  dataProfiles?: Record<string, unknown[]> | 'disabled';
}

export interface FakeBucket {
  bucket?: unknown;
  iamPolicy?: unknown;
  denied?: boolean;
}

/** A folder or organization: its parent (folders only) and IAM policy (undefined: reading it is denied). */
export interface FakeAncestor {
  parent?: string;
  /** Folder.state; ACTIVE when absent. */
  state?: 'ACTIVE' | 'DELETE_REQUESTED';
  /** Its folders and projects cannot be listed (ListFolders and ListProjects answer 403). */
  unlistable?: boolean;
  displayName?: string;
  iamPolicy?: unknown;
  /** The Model Armor floor setting; undefined: reading it is denied. */
  floorSetting?: unknown;
  /** Organizations: access policies (name → its service perimeters); undefined: listing them is denied. */
  accessPolicies?: Record<string, unknown[]>;
}

export interface FakeGoogleEstate {
  projects: Record<string, FakeProject>;
  buckets: Record<string, FakeBucket>;
  keys: Record<string, unknown>;
  /** By resource name: `folders/{id}`, `organizations/{id}`. */
  ancestors?: Record<string, FakeAncestor>;
  /** Service accounts' own IAM policies (IAM API), by email; a service account not here has an empty policy. */
  serviceAccountPolicies?: Record<string, unknown>;
}

export const PROJECT = 'acme-ml';
const NUMBER = '111111111111';
const BASE = `projects/${NUMBER}/locations/us-central1`;
export const KEY = 'projects/acme-security/locations/us-central1/keyRings/ml/cryptoKeys/vertex';
const CMEK = { encryptionSpec: { kmsKeyName: KEY } };
const VPC = `projects/${NUMBER}/global/networks/ml-vpc`;

export const DEFAULT_SA = `${NUMBER}-compute@developer.gserviceaccount.com`;
export const ANALYST_SA = 'nb-analyst@acme-ml.iam.gserviceaccount.com';
export const TRAINER_SA = 'trainer@acme-ml.iam.gserviceaccount.com';
const SERVING_SA = 'serving@acme-ml.iam.gserviceaccount.com';
/** Holds roles/owner on the ML folder; the analyst account may mint its tokens (its own IAM policy). */
export const DEPLOYER_SA = 'deployer@acme-ml.iam.gserviceaccount.com';
export const ML_FOLDER = 'folders/456789012345';
export const ORGANIZATION = 'organizations/123456789012';
/**
 * The hierarchy an organization scan walks (`--gcp-organization`, `--gcp-folder`): acme-sandbox sits
 * in the organization, acme-ml in the ML folder; the experiments folder, in the ML folder, holds
 * acme-experiments, which has no AI API enabled; acme-retired, in the ML folder, is being deleted;
 * the restricted folder's folders and projects cannot be listed.
 */
export const EXPERIMENTS_FOLDER = 'folders/567890123456';
export const RESTRICTED_FOLDER = 'folders/678901234567';
const AGENT_SA = 'agent@acme-ml.iam.gserviceaccount.com';
/** The AI Platform Reasoning Engine Service Agent: agents without their own account run as it. */
export const REASONING_ENGINE_AGENT = `service-${NUMBER}@gcp-sa-aiplatform-re.iam.gserviceaccount.com`;

/** Secrets planted in environments: no output may contain them. */
export const PLANTED_SECRETS = ['sk-proj-FAKEgcpTESTkeyDoNotUse0123456789abcdef', 'AKIAGCPFAKETESTKEY01', 'xoxb-000000000000-FAKEgcpTESTslack'];

const CUSTOM_TASK = 'gs://google-cloud-aiplatform/schema/trainingjob/definition/custom_task_1.0.0.yaml';
const TABULAR = 'gs://google-cloud-aiplatform/schema/dataset/metadata/tabular_1.0.0.yaml';
const NEAREST_NEIGHBOR_SEARCH = 'gs://google-cloud-aiplatform/schema/matchingengine/metadata/nearest_neighbor_search_1.0.0.yaml';

export const ids = {
  publicEndpoint: `${BASE}/endpoints/1001`,
  privateEndpoint: `${BASE}/endpoints/1002`,
  peeredEndpoint: `${BASE}/endpoints/1003`,
  modelV1: `${BASE}/models/2001`,
  modelV2: `${BASE}/models/2002`,
  monitoringJob: `${BASE}/modelDeploymentMonitoringJobs/3001`,
  peeredMonitoringJob: `${BASE}/modelDeploymentMonitoringJobs/3002`,
  pipelineV1: `${BASE}/trainingPipelines/4001`,
  pipelineV2: `${BASE}/trainingPipelines/4002`,
  datasetDrop: `${BASE}/datasets/5001`,
  datasetTraining: `${BASE}/datasets/5002`,
  adhocJob: `${BASE}/customJobs/6001`,
  nightlyJob: `${BASE}/customJobs/6002`,
  openTemplate: `${BASE}/notebookRuntimeTemplates/7001`,
  lockedTemplate: `${BASE}/notebookRuntimeTemplates/7002`,
  openRuntime: `${BASE}/notebookRuntimes/8001`,
  lockedRuntime: `${BASE}/notebookRuntimes/8002`,
  oddRuntime: `${BASE}/notebookRuntimes/8003`,
  publicStore: `${BASE}/featureOnlineStores/fraud_features_public`,
  privateStore: `${BASE}/featureOnlineStores/fraud_features_psc`,
  publicIndexEndpoint: `${BASE}/indexEndpoints/9101`,
  privateIndexEndpoint: `${BASE}/indexEndpoints/9102`,
  slackAgent: `${BASE}/reasoningEngines/9201`,
  openKey: `projects/${NUMBER}/locations/global/keys/0b1c2d3e-0000-4000-8000-000000000001`,
  anywhereKey: `projects/${NUMBER}/locations/global/keys/0b1c2d3e-0000-4000-8000-000000000002`,
  webKey: `projects/${NUMBER}/locations/global/keys/0b1c2d3e-0000-4000-8000-000000000003`,
  mapsKey: `projects/${NUMBER}/locations/global/keys/0b1c2d3e-0000-4000-8000-000000000004`,
  mlProject: `projects/${PROJECT}`,
  sandboxProject: 'projects/acme-sandbox',
  mlFloorSetting: `projects/${PROJECT}/locations/global/floorSetting`,
  sandboxFloorSetting: 'projects/acme-sandbox/locations/global/floorSetting',
  folderFloorSetting: 'folders/456789012345/locations/global/floorSetting',
  strictTemplate: `projects/${PROJECT}/locations/us-central1/templates/strict`,
  auditTemplate: `projects/${PROJECT}/locations/us-central1/templates/audit-only`,
  defaultTensorboard: `${BASE}/tensorboards/7301`,
  lockedTensorboard: `${BASE}/tensorboards/7302`,
  defaultMetadataStore: `${BASE}/metadataStores/default`,
  lockedMetadataStore: `${BASE}/metadataStores/fraud-lineage`,
  opsAgent: `${BASE}/reasoningEngines/9202`,
  sandboxEndpoint: 'projects/222222222222/locations/us-central1/endpoints/1',
  openWorkbench: `projects/${PROJECT}/locations/us-central1-a/instances/ds-workbench`,
  lockedWorkbench: `projects/${PROJECT}/locations/us-central1-b/instances/fraud-workbench`,
  euWorkbench: `projects/${PROJECT}/locations/europe-west4-a/instances/eu-workbench`,
  defaultSa: `projects/${PROJECT}/serviceAccounts/${DEFAULT_SA}`,
  analystSa: `projects/${PROJECT}/serviceAccounts/${ANALYST_SA}`,
  deployerSa: `projects/${PROJECT}/serviceAccounts/${DEPLOYER_SA}`,
  notebookAgent: `projects/${PROJECT}/serviceAccounts/service-${NUMBER}@gcp-sa-aiplatform-vm.iam.gserviceaccount.com`,
  trainerSa: `projects/${PROJECT}/serviceAccounts/${TRAINER_SA}`,
  reasoningEngineAgent: `projects/${PROJECT}/serviceAccounts/${REASONING_ENGINE_AGENT}`,
  supportCorpus: `${BASE}/ragCorpora/9301`,
  partnerCorpus: `${BASE}/ragCorpora/9302`,
  policiesCorpus: `${BASE}/ragCorpora/9303`,
  txIndex: `${BASE}/indexes/9401`,
  txIndexV2: `${BASE}/indexes/9402`,
  publicDropBucket: 'projects/_/buckets/acme-ml-public-drop',
  trainingBucket: 'projects/_/buckets/acme-ml-training',
  modelsBucket: 'projects/_/buckets/acme-ml-models',
  outputsBucket: 'projects/_/buckets/acme-ml-outputs',
};

const usCentral1: Record<string, unknown[]> = {
  endpoints: [
    {
      name: ids.publicEndpoint,
      displayName: 'fraud-public',
      labels: { env: 'prod', team: 'risk' },
      deployedModels: [{ id: '11', model: `${ids.modelV1}@1`, displayName: 'fraud-v1', dedicatedResources: { minReplicaCount: 1 } }],
      createTime: '2026-01-10T09:00:00.123Z',
    },
    {
      name: ids.privateEndpoint,
      displayName: 'fraud-private',
      labels: { env: 'prod', team: 'risk' },
      deployedModels: [{ id: '12', model: ids.modelV2, serviceAccount: SERVING_SA, enableAccessLogging: true }],
      privateServiceConnectConfig: { enablePrivateServiceConnect: true, projectAllowlist: [PROJECT] },
      dedicatedEndpointEnabled: true,
      predictRequestResponseLoggingConfig: { enabled: true, samplingRate: 0.1, bigqueryDestination: { outputUri: 'bq://acme-ml.logs.fraud' } },
      modelDeploymentMonitoringJob: ids.monitoringJob,
      ...CMEK,
    },
    {
      name: ids.peeredEndpoint,
      displayName: 'fraud-peered',
      deployedModels: [{ id: '13', model: ids.modelV2, serviceAccount: SERVING_SA, enableAccessLogging: true }],
      network: VPC,
      predictRequestResponseLoggingConfig: { enabled: true, samplingRate: 1 },
      modelDeploymentMonitoringJob: ids.peeredMonitoringJob,
      ...CMEK,
    },
  ],
  models: [
    {
      name: ids.modelV1,
      displayName: 'fraud-v1',
      versionId: '1',
      versionAliases: ['default'],
      artifactUri: 'gs://acme-ml-models/fraud-v1/',
      containerSpec: {
        imageUri: 'us-docker.pkg.dev/vertex-ai/prediction/xgboost-cpu.2-1:latest',
        env: [
          { name: 'FEATURE_API', value: 'https://features.internal.acme.example' },
          { name: 'OPENAI_API_KEY', value: PLANTED_SECRETS[0] },
        ],
      },
      trainingPipeline: ids.pipelineV1,
    },
    {
      name: ids.modelV2,
      displayName: 'fraud-v2',
      versionId: '3',
      versionAliases: ['default', 'champion'],
      artifactUri: 'gs://acme-ml-models/fraud-v2/',
      containerSpec: { imageUri: 'us-docker.pkg.dev/vertex-ai/prediction/xgboost-cpu.2-1:latest', env: [{ name: 'FEATURE_API', value: 'https://features.internal.acme.example' }] },
      trainingPipeline: ids.pipelineV2,
      ...CMEK,
    },
  ],
  datasets: [
    { name: ids.datasetDrop, displayName: 'transactions-drop', metadataSchemaUri: TABULAR, metadata: { inputConfig: { gcsSource: { uri: ['gs://acme-ml-public-drop/tx.csv'] } } } },
    { name: ids.datasetTraining, displayName: 'transactions', metadataSchemaUri: TABULAR, metadata: { inputConfig: { gcsSource: { uri: 'gs://acme-ml-training/tx.csv' } } }, dataItemCount: '120000', ...CMEK },
  ],
  trainingPipelines: [
    {
      name: ids.pipelineV1,
      displayName: 'train-fraud-v1',
      trainingTaskDefinition: CUSTOM_TASK,
      // Written by a client in snake_case, as the Python SDK does.
      trainingTaskInputs: { worker_pool_specs: [{ replica_count: 1 }], base_output_directory: { output_uri_prefix: 'gs://acme-ml-models/fraud-v1/' } },
      inputDataConfig: { datasetId: '5001' },
      modelToUpload: { name: ids.modelV1, displayName: 'fraud-v1' },
      state: 4,
    },
    {
      name: ids.pipelineV2,
      displayName: 'train-fraud-v2',
      trainingTaskDefinition: CUSTOM_TASK,
      trainingTaskInputs: { workerPoolSpecs: [{ replicaCount: 1 }], serviceAccount: TRAINER_SA, network: VPC, baseOutputDirectory: { outputUriPrefix: 'gs://acme-ml-models/fraud-v2/' } },
      inputDataConfig: { datasetId: '5002', gcsDestination: { outputUriPrefix: 'gs://acme-ml-models/splits/' } },
      modelToUpload: { name: `${ids.modelV2}@3` },
      state: 'PIPELINE_STATE_SUCCEEDED',
      ...CMEK,
    },
  ],
  customJobs: [
    {
      name: ids.adhocJob,
      displayName: 'adhoc-train',
      state: 'JOB_STATE_SUCCEEDED',
      jobSpec: {
        workerPoolSpecs: [{ containerSpec: { imageUri: 'us-docker.pkg.dev/acme-ml/train/fraud:dev', env: [{ name: 'AWS_ACCESS_KEY_ID', value: PLANTED_SECRETS[1] }] }, replicaCount: '1' }],
        serviceAccount: DEFAULT_SA,
        enableWebAccess: true,
        baseOutputDirectory: { outputUriPrefix: 'gs://acme-ml-outputs/adhoc/' },
      },
      webAccessUris: { 'workerpool0-0': 'https://example.notebooks.googleusercontent.com' },
    },
    {
      name: ids.nightlyJob,
      displayName: 'nightly-train',
      state: 5,
      jobSpec: { workerPoolSpecs: [{ containerSpec: { imageUri: 'us-docker.pkg.dev/acme-ml/train/fraud:1.4' } }], serviceAccount: TRAINER_SA, network: VPC, baseOutputDirectory: { outputUriPrefix: 'gs://acme-ml-models/nightly/' } },
      ...CMEK,
    },
  ],
  notebookRuntimeTemplates: [
    { name: ids.openTemplate, displayName: 'open-template', networkSpec: { enableInternetAccess: true }, notebookRuntimeType: 'USER_DEFINED' },
    { name: ids.lockedTemplate, displayName: 'locked-template', networkSpec: { network: VPC, subnetwork: `projects/${NUMBER}/regions/us-central1/subnetworks/ml` }, idleShutdownConfig: { idleTimeout: '3600s' }, serviceAccount: ANALYST_SA, ...CMEK },
  ],
  notebookRuntimes: [
    {
      name: ids.openRuntime,
      displayName: 'ds-scratch',
      runtimeUser: 'alice@acme.example',
      serviceAccount: DEFAULT_SA,
      networkSpec: { enableInternetAccess: true },
      notebookRuntimeTemplateRef: { notebookRuntimeTemplate: ids.openTemplate },
      runtimeState: 'RUNNING',
      labels: { team: 'risk' },
    },
    {
      name: ids.lockedRuntime,
      displayName: 'fraud-analysis',
      runtimeUser: 'bob@acme.example',
      serviceAccount: ANALYST_SA,
      networkSpec: { network: VPC },
      idleShutdownConfig: { idleTimeout: '10800s' },
      // bypassActasCheck false is the default, which the API leaves out.
      eucConfig: {},
      notebookRuntimeTemplateRef: { notebookRuntimeTemplate: ids.lockedTemplate },
      runtimeState: 1,
      ...CMEK,
    },
    // Stopped, with no network spec or service account: what is not there stays unknown. (Values newer
    // than the SDK are fed to the collector directly, in test/collect/gcp/forward-compatible.test.ts:
    // the fake serves only what the API has.)
    { name: ids.oddRuntime, displayName: 'legacy-runtime', runtimeUser: 'carol@acme.example', runtimeState: 4, notebookRuntimeType: 'ONE_CLICK' },
  ],
  modelDeploymentMonitoringJobs: [
    {
      name: ids.monitoringJob,
      displayName: 'fraud-private-drift',
      endpoint: ids.privateEndpoint,
      state: 3,
      modelDeploymentMonitoringObjectiveConfigs: [
        {
          deployedModelId: '12',
          objectiveConfig: {
            trainingDataset: { dataset: ids.datasetTraining, targetField: 'fraud' },
            trainingPredictionSkewDetectionConfig: { defaultSkewThreshold: { value: 0.3 } },
            predictionDriftDetectionConfig: { defaultDriftThreshold: { value: 0.3 } },
          },
        },
      ],
    },
    {
      name: ids.peeredMonitoringJob,
      displayName: 'fraud-peered-drift',
      endpoint: ids.peeredEndpoint,
      state: 'JOB_STATE_RUNNING',
      modelDeploymentMonitoringObjectiveConfigs: [{ deployedModelId: '13', objectiveConfig: { predictionDriftDetectionConfig: { defaultDriftThreshold: { value: 0.3 } } } }],
    },
  ],
  featureOnlineStores: [
    { name: ids.publicStore, optimized: {}, state: 'STABLE', dedicatedServingEndpoint: { publicEndpointDomainName: 'fraud.us-central1-111111111111.featurestore.vertexai.goog' } },
    { name: ids.privateStore, optimized: {}, state: 1, dedicatedServingEndpoint: { privateServiceConnectConfig: { enablePrivateServiceConnect: true, projectAllowlist: [PROJECT] } }, ...CMEK },
  ],
  indexEndpoints: [
    { name: ids.publicIndexEndpoint, displayName: 'similar-tx-public', publicEndpointEnabled: true, publicEndpointDomainName: '1.us-central1-111111111111.vdb.vertexai.goog', deployedIndexes: [{ id: 'tx_v1', index: ids.txIndex }] },
    { name: ids.privateIndexEndpoint, displayName: 'similar-tx-psc', privateServiceConnectConfig: { enablePrivateServiceConnect: true, projectAllowlist: [PROJECT] }, ...CMEK },
  ],
  // Vector Search indexes: similar-tx-v1 streams updates, without CMEK, from embeddings in the training
  // bucket; similar-tx-v2 is batch-updated (indexUpdateMethod as a number) with CMEK.
  indexes: [
    {
      name: ids.txIndex,
      displayName: 'similar-tx-v1',
      metadataSchemaUri: NEAREST_NEIGHBOR_SEARCH,
      metadata: { contentsDeltaUri: 'gs://acme-ml-training/embeddings/v1/', config: { dimensions: 768, approximateNeighborsCount: 150 } },
      deployedIndexes: [{ indexEndpoint: ids.publicIndexEndpoint, deployedIndexId: 'tx_v1' }],
      indexUpdateMethod: 'STREAM_UPDATE',
      createTime: '2026-02-10T09:00:00Z',
      updateTime: '2026-02-10T09:00:00Z',
      etag: 'AMEw9yP',
    },
    {
      name: ids.txIndexV2,
      displayName: 'similar-tx-v2',
      metadataSchemaUri: NEAREST_NEIGHBOR_SEARCH,
      metadata: { contentsDeltaUri: 'gs://acme-ml-models/embeddings/v2/', config: { dimensions: 768, approximateNeighborsCount: 150 } },
      indexUpdateMethod: 1,
      createTime: '2026-03-10T09:00:00Z',
      updateTime: '2026-03-10T09:00:00Z',
      ...CMEK,
    },
  ],
  // RAG Engine corpora. support-kb names no vector database, so it is on RagManagedDb, "the default
  // vector database" (https://cloud.google.com/vertex-ai/generative-ai/docs/vector-db-choices), without
  // CMEK, and imports from the training bucket and from the bucket anyone can write to; partner-kb keeps
  // its vectors in Pinecone, with the API key in Secret Manager, and imports from Google Drive;
  // policies-kb is on RagManagedDb (KNN) with CMEK (which "only applies to RagManagedDb",
  // vertex_rag_data.proto) and imports from the models bucket. Corpus states come as a name and a number.
  ragCorpora: [
    { name: ids.supportCorpus, displayName: 'support-kb', description: 'Support answers', createTime: '2026-04-10T09:00:00Z', updateTime: '2026-04-10T09:00:00Z', corpusStatus: { state: 'ACTIVE' } },
    {
      name: ids.partnerCorpus,
      displayName: 'partner-kb',
      vectorDbConfig: {
        pinecone: { indexName: 'partner-docs' },
        apiAuth: { apiKeyConfig: { apiKeySecretVersion: `projects/${NUMBER}/secrets/pinecone-api-key/versions/2` } },
        ragEmbeddingModelConfig: { vertexPredictionEndpoint: { endpoint: `projects/${NUMBER}/locations/us-central1/publishers/google/models/text-embedding-005` } },
      },
      createTime: '2026-04-11T09:00:00Z',
      updateTime: '2026-04-11T09:00:00Z',
      corpusStatus: { state: 2 },
    },
    { name: ids.policiesCorpus, displayName: 'policies-kb', vectorDbConfig: { ragManagedDb: { knn: {} } }, createTime: '2026-04-12T09:00:00Z', updateTime: '2026-04-12T09:00:00Z', corpusStatus: { state: 'ACTIVE' }, ...CMEK },
  ],
  reasoningEngines: [
    {
      name: ids.slackAgent,
      displayName: 'support-agent',
      spec: {
        agentFramework: 'google-adk',
        packageSpec: { pickleObjectGcsUri: 'gs://acme-ml-models/agents/support/agent.pkl', pythonVersion: '3.12' },
        deploymentSpec: { env: [{ name: 'SLACK_BOT_TOKEN', value: PLANTED_SECRETS[2] }] },
      },
    },
    {
      name: ids.opsAgent,
      displayName: 'ops-agent',
      spec: {
        serviceAccount: AGENT_SA,
        identityType: 'SERVICE_ACCOUNT',
        agentFramework: 'langchain',
        deploymentSpec: { pscInterfaceConfig: { networkAttachment: `projects/${NUMBER}/regions/us-central1/networkAttachments/agents` }, secretEnv: [{ name: 'DB_PASSWORD', secretRef: { secret: 'ops-db', version: '3' } }] },
      },
      ...CMEK,
    },
  ],
  // Experiment tracking: the default TensorBoard without CMEK beside one with it; the default metadata
  // store without CMEK beside a CMEK one.
  tensorboards: [
    { name: ids.defaultTensorboard, displayName: 'default', blobStoragePathPrefix: 'cloud-ai-platform-1a2b/tensorboard-7301', runCount: 12, createTime: '2026-01-05T09:00:00Z', isDefault: true, etag: 'AMEw9yN' },
    { name: ids.lockedTensorboard, displayName: 'fraud-experiments', blobStoragePathPrefix: 'cloud-ai-platform-1a2b/tensorboard-7302', runCount: 3, createTime: '2026-01-06T09:00:00Z', ...CMEK, etag: 'AMEw9yO' },
  ],
  metadataStores: [
    { name: ids.defaultMetadataStore, createTime: '2026-01-05T09:00:00Z', updateTime: '2026-01-05T09:00:00Z', state: { diskUtilizationBytes: '1048576' } },
    { name: ids.lockedMetadataStore, createTime: '2026-01-06T09:00:00Z', updateTime: '2026-01-06T09:00:00Z', ...CMEK, description: 'fraud lineage' },
  ],
};

const cmekDisk = { diskType: 'PD_BALANCED', diskSizeGb: '150', diskEncryption: 'CMEK', kmsKey: KEY };
const lockedWorkbench = (name: string, zone: string) => ({
  name,
  state: 'ACTIVE',
  creator: 'bob@acme.example',
  gceSetup: {
    machineType: `zones/${zone}/machineTypes/n1-standard-4`,
    serviceAccounts: [{ email: ANALYST_SA, scopes: ['https://www.googleapis.com/auth/cloud-platform'] }],
    disablePublicIp: true,
    networkInterfaces: [{ network: VPC, subnet: `projects/${NUMBER}/regions/us-central1/subnetworks/ml`, nicType: 'GVNIC' }],
    metadata: {
      'idle-timeout-seconds': '3600',
      'notebook-disable-root': 'true',
      'notebook-disable-terminal': 'true',
      'notebook-disable-downloads': 'true',
      'notebook-disable-nbconvert': 'true',
      // Weekly automatic upgrades (a cron schedule, https://cloud.google.com/vertex-ai/docs/workbench/instances/upgrade).
      'notebook-upgrade-schedule': '00 19 * * SAT',
      'proxy-mode': 'service_account',
    },
    shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true },
    bootDisk: cmekDisk,
    dataDisks: [cmekDisk],
  },
  healthState: 'HEALTHY',
  createTime: '2026-02-01T08:00:00Z',
  updateTime: '2026-02-01T08:05:00Z',
});

/** Instances as the Notebooks API v2 returns them for locations/-. */
const workbenchInstances = [
  {
    name: ids.openWorkbench,
    state: 'ACTIVE',
    creator: 'alice@acme.example',
    labels: { team: 'risk' },
    gceSetup: {
      machineType: 'zones/us-central1-a/machineTypes/e2-standard-4',
      serviceAccounts: [{ email: DEFAULT_SA }],
      networkInterfaces: [{ network: `projects/${NUMBER}/global/networks/default`, subnet: `projects/${NUMBER}/regions/us-central1/subnetworks/default` }],
      metadata: { 'proxy-mode': 'service_account' },
      // Integrity monitoring switched off (proto3 JSON leaves the false out).
      shieldedInstanceConfig: { enableVtpm: true },
      bootDisk: { diskType: 'PD_BALANCED', diskSizeGb: '150', diskEncryption: 'GMEK' },
      dataDisks: [{ diskType: 'PD_BALANCED', diskSizeGb: '100', diskEncryption: 'GMEK' }],
    },
    healthState: 'HEALTHY',
    createTime: '2026-01-20T10:00:00Z',
  },
  lockedWorkbench(ids.lockedWorkbench, 'us-central1-b'),
  lockedWorkbench(ids.euWorkbench, 'europe-west4-a'),
];

/**
 * API keys as ListKeys returns them (no keyString: only GetKeyString returns it). gemini-prototype has
 * no restriction at all and the project has the Gemini API on; gemini-backend may call only the Gemini
 * API but from anywhere; gemini-web is limited to the Gemini API and one site; maps-web calls no
 * generative AI API.
 */
const KEYS = `projects/${NUMBER}/locations/global/keys`;
const apiKey = (uid: string, displayName: string, restrictions?: unknown) => ({
  name: `${KEYS}/${uid}`,
  uid,
  displayName,
  createTime: '2026-03-01T09:00:00Z',
  updateTime: '2026-03-01T09:00:00Z',
  ...(restrictions ? { restrictions } : {}),
  etag: `W/"${uid}"`,
});
const apiKeys = [
  apiKey('0b1c2d3e-0000-4000-8000-000000000001', 'gemini-prototype'),
  apiKey('0b1c2d3e-0000-4000-8000-000000000002', 'gemini-backend', { apiTargets: [{ service: 'generativelanguage.googleapis.com' }] }),
  apiKey('0b1c2d3e-0000-4000-8000-000000000003', 'gemini-web', { browserKeyRestrictions: { allowedReferrers: ['https://app.acme.example/*'] }, apiTargets: [{ service: 'generativelanguage.googleapis.com', methods: ['GenerateContent'] }] }),
  apiKey('0b1c2d3e-0000-4000-8000-000000000004', 'maps-web', { browserKeyRestrictions: { allowedReferrers: ['https://www.acme.example/*'] }, apiTargets: [{ service: 'maps-backend.googleapis.com' }] }),
];

/**
 * Model Armor in acme-ml: the floor setting is on and integrated with Vertex AI but only inspects;
 * template strict blocks with every filter at medium confidence, audit-only only inspects and reports
 * prompt injection only at HIGH confidence. acme-sandbox never configured its floor setting and has no
 * template; acme-legacy has the API off.
 */
const TEMPLATES = `projects/${PROJECT}/locations/us-central1/templates`;
const raiFilters = (confidenceLevel: string) => ['SEXUALLY_EXPLICIT', 'HATE_SPEECH', 'HARASSMENT', 'DANGEROUS'].map((filterType) => ({ filterType, confidenceLevel }));
const modelArmor = {
  floorSetting: {
    name: `projects/${PROJECT}/locations/global/floorSetting`,
    updateTime: '2026-04-02T10:00:00Z',
    filterConfig: { piAndJailbreakFilterSettings: { filterEnforcement: 'ENABLED', confidenceLevel: 'MEDIUM_AND_ABOVE' }, maliciousUriFilterSettings: { filterEnforcement: 'ENABLED' } },
    enableFloorSettingEnforcement: true,
    integratedServices: ['AI_PLATFORM'],
    aiPlatformFloorSetting: { inspectOnly: true, enableCloudLogging: true },
  },
  templates: {
    'us-central1': [
      {
        name: `${TEMPLATES}/strict`,
        createTime: '2026-04-01T10:00:00Z',
        updateTime: '2026-04-01T10:00:00Z',
        labels: { team: 'risk' },
        filterConfig: {
          raiSettings: { raiFilters: raiFilters('MEDIUM_AND_ABOVE') },
          sdpSettings: { basicConfig: { filterEnforcement: 'ENABLED' } },
          piAndJailbreakFilterSettings: { filterEnforcement: 'ENABLED', confidenceLevel: 'MEDIUM_AND_ABOVE' },
          maliciousUriFilterSettings: { filterEnforcement: 'ENABLED' },
        },
        templateMetadata: { logSanitizeOperations: true, enforcementType: 'INSPECT_AND_BLOCK' },
      },
      {
        name: `${TEMPLATES}/audit-only`,
        createTime: '2026-04-01T10:00:00Z',
        updateTime: '2026-04-01T10:00:00Z',
        filterConfig: { raiSettings: { raiFilters: raiFilters('HIGH') }, piAndJailbreakFilterSettings: { filterEnforcement: 'ENABLED', confidenceLevel: 'HIGH' } },
        templateMetadata: { enforcementType: 'INSPECT_ONLY' },
      },
    ],
  },
};

/**
 * The organization policies in effect on acme-ml, as getEffectivePolicy returns them (merged down
 * the hierarchy, conditions evaluated, no etag): root access is disabled on Workbench, the managed
 * key-creation constraint and domain-restricted sharing are enforced (the hardened side); no model
 * allowlist (allowAll), the terminal explicitly allowed, CMEK required for Workbench but not for
 * Vertex AI, and no policy anywhere for Workbench public IPs and file downloads nor for the legacy
 * key-creation constraint (their defaults: not enforced).
 * Generative AI: every partner-model feature allowed (allowAll over the default, which denies them);
 * grounding limited to RAG Engine corpora and Vertex AI Search (hardened) while Google Search
 * grounding itself is not disabled; no generative model allowlist (its default). Workbench upgrade
 * schedules are required; one named VM is denied an external IP, which leaves every other VM free;
 * new default service accounts still get Editor (no policy: the default).
 */
const orgPolicies: Record<string, unknown> = {
  'vertexai.allowedModels': { rules: [{ allowAll: true }] },
  'ainotebooks.disableRootAccess': { rules: [{ enforce: true }] },
  'ainotebooks.disableTerminal': { rules: [{ enforce: false }] },
  'gcp.restrictNonCmekServices': { rules: [{ values: { deniedValues: ['is:notebooks.googleapis.com'] } }] },
  'iam.managed.disableServiceAccountKeyCreation': { rules: [{ enforce: true }] },
  'iam.allowedPolicyMemberDomains': { rules: [{ values: { allowedValues: ['C03xyz789'] } }] },
  'vertexai.allowedPartnerModelFeatures': { rules: [{ allowAll: true }] },
  'vertexai.genAIGroundingSources': { rules: [{ values: { allowedValues: ['VertexRagStore', 'VertexAiSearch'] } }] },
  'ainotebooks.requireAutoUpgradeSchedule': { rules: [{ enforce: true }] },
  'compute.vmExternalIpAccess': { rules: [{ values: { deniedValues: [`projects/${PROJECT}/zones/us-central1-a/instances/ds-workbench`] } }] },
};

/** The files of each RAG corpus, as ListRagFiles returns them (the file states as a name and a number). */
const ragFile = (corpus: string, id: string, displayName: string, source: Record<string, unknown>) => ({
  name: `${corpus}/ragFiles/${id}`,
  displayName,
  ...source,
  createTime: '2026-04-15T09:00:00Z',
  updateTime: '2026-04-15T09:00:00Z',
  fileStatus: { state: id.endsWith('1') ? 'ACTIVE' : 1 },
});
const ragFiles: Record<string, unknown[]> = {
  [ids.supportCorpus]: [
    ragFile(ids.supportCorpus, '5633521', 'faq.pdf', { gcsSource: { uris: ['gs://acme-ml-training/kb/faq.pdf'] } }),
    ragFile(ids.supportCorpus, '5633522', 'ticket-export.csv', { gcsSource: { uris: ['gs://acme-ml-public-drop/uploads/ticket-export.csv'] } }),
    ragFile(ids.supportCorpus, '5633523', 'runbook.md', { directUploadSource: {} }),
  ],
  [ids.partnerCorpus]: [ragFile(ids.partnerCorpus, '5633531', 'Partner docs', { googleDriveSource: { resourceIds: [{ resourceType: 'RESOURCE_TYPE_FOLDER', resourceId: '1AbCdEfGhIjKlMnOp' }] } })],
  [ids.policiesCorpus]: [ragFile(ids.policiesCorpus, '5633541', 'handbook.pdf', { gcsSource: { uris: ['gs://acme-ml-models/policies/handbook.pdf'] } })],
};

/**
 * Sensitive Data Protection profiles of acme-ml's buckets, from a project-level discovery scan, as
 * ListFileStoreDataProfiles returns them (proto3 JSON: defaults left out, enums by name or number):
 * the training bucket holds sensitive PII (HIGH), the public drop bucket PII (MODERATE, and its risk
 * HIGH as it is public), the models bucket nothing sensitive (LOW: the hardened twin, which loses the
 * sensitive-data assumption). acme-ml-outputs cannot be read, so it has no location and no profile.
 */
const dataProfile = (id: string, bucket: string, sensitivity: string | number, risk: string, infoTypes: string[], visibility: string) => ({
  name: `projects/${PROJECT}/locations/us-central1/fileStoreDataProfiles/${id}`,
  dataSourceType: { dataSource: 'google/storage/bucket' },
  projectDataProfile: `projects/${PROJECT}/locations/us-central1/projectDataProfiles/5550001`,
  projectId: PROJECT,
  fileStoreLocation: 'us-central1',
  dataStorageLocations: ['us-central1'],
  locationType: 'region',
  fileStorePath: `gs://${bucket}`,
  fullResource: `//storage.googleapis.com/${bucket}`,
  state: 'DONE',
  profileLastGenerated: '2026-11-30T04:00:00Z',
  resourceVisibility: visibility,
  sensitivityScore: { score: sensitivity },
  dataRiskLevel: { score: risk },
  createTime: '2026-03-01T08:00:00Z',
  ...(infoTypes.length > 0 ? { fileStoreInfoTypeSummaries: infoTypes.map((name) => ({ infoType: { name } })) } : {}),
});
const dataProfiles: Record<string, unknown[]> = {
  'us-central1': [
    dataProfile('7770001', 'acme-ml-training', 'SENSITIVITY_HIGH', 'RISK_MODERATE', ['US_SOCIAL_SECURITY_NUMBER', 'PERSON_NAME', 'EMAIL_ADDRESS'], 'RESOURCE_VISIBILITY_RESTRICTED'),
    dataProfile('7770002', 'acme-ml-public-drop', 20, 'RISK_HIGH', ['EMAIL_ADDRESS', 'PHONE_NUMBER'], 'RESOURCE_VISIBILITY_PUBLIC'),
    dataProfile('7770003', 'acme-ml-models', 'SENSITIVITY_LOW', 'RISK_LOW', [], 'RESOURCE_VISIBILITY_RESTRICTED'),
  ],
};

const bucketRecord = (name: string, settings: Record<string, unknown>) => ({ kind: 'storage#bucket', name, projectNumber: NUMBER, location: 'US-CENTRAL1', storageClass: 'STANDARD', ...settings });
const locked = { iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, publicAccessPrevention: 'enforced' } };

export function fakeEstate(): FakeGoogleEstate {
  return {
    projects: {
      [PROJECT]: {
        number: NUMBER,
        parent: ML_FOLDER,
        iamPolicy: {
          version: 1,
          etag: 'BwX1',
          bindings: [
            { role: 'roles/editor', members: [`serviceAccount:${DEFAULT_SA}`, 'user:owner@acme.example'] },
            { role: 'roles/owner', members: ['user:owner@acme.example'] },
            { role: 'roles/aiplatform.user', members: [`serviceAccount:${ANALYST_SA}`, `serviceAccount:${TRAINER_SA}`] },
            { role: 'roles/storage.objectAdmin', members: [`serviceAccount:${TRAINER_SA}`] },
          ],
          // Admin reads logged for every service, and Vertex AI writes: its prompts and predictions (DATA_READ) are not.
          auditConfigs: [
            { service: 'allServices', auditLogConfigs: [{ logType: 'ADMIN_READ' }] },
            { service: 'aiplatform.googleapis.com', auditLogConfigs: [{ logType: 'DATA_WRITE', exemptedMembers: [`serviceAccount:${TRAINER_SA}`] }] },
          ],
        },
        workbench: workbenchInstances,
        services: { 'aiplatform.googleapis.com': 'ENABLED', 'generativelanguage.googleapis.com': 'ENABLED', 'notebooks.googleapis.com': 'ENABLED' },
        orgPolicies,
        ragFiles,
        dataProfiles,
        apiKeys,
        modelArmor,
        locations: {
          'us-central1': usCentral1,
          'europe-west4': 'denied',
          'asia-northeast1': { reasoningEngines: 'not-offered' },
        },
      },
      'acme-sandbox': {
        number: '222222222222',
        orgPolicies: 'denied',
        parent: ORGANIZATION,
        locations: { 'us-central1': { endpoints: [{ name: ids.sandboxEndpoint, displayName: 'sandbox-demo' }] } },
      },
      // A policy without bindings: proto3 JSON leaves the empty list out.
      'acme-legacy': { number: '333333333333', vertexDisabled: true, workbench: 'disabled', iamPolicy: { version: 1, etag: 'BwX3' }, locations: {}, modelArmor: 'disabled' },
      'acme-experiments': { number: '444444444444', parent: EXPERIMENTS_FOLDER, vertexDisabled: true, workbench: 'disabled', iamPolicy: { version: 1, etag: 'BwX4' }, locations: {}, modelArmor: 'disabled' },
      'acme-retired': { number: '555555555555', parent: ML_FOLDER, state: 'DELETE_REQUESTED', iamPolicy: { version: 1, etag: 'BwX5' }, locations: {} },
    },
    buckets: {
      'acme-ml-public-drop': {
        bucket: bucketRecord('acme-ml-public-drop', { iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, publicAccessPrevention: 'inherited' } }),
        iamPolicy: { bindings: [{ role: 'roles/storage.objectCreator', members: ['allUsers'] }] },
      },
      'acme-ml-training': {
        bucket: bucketRecord('acme-ml-training', { ...locked, versioning: { enabled: true }, encryption: { defaultKmsKeyName: KEY }, labels: { 'data-classification': 'confidential' } }),
        iamPolicy: { bindings: [{ role: 'roles/storage.objectViewer', members: [`serviceAccount:${ANALYST_SA}`] }] },
      },
      'acme-ml-models': { bucket: bucketRecord('acme-ml-models', locked), iamPolicy: { bindings: [] } },
      'acme-ml-outputs': { denied: true },
    },
    // The ML folder grants Owner to a deployment account and Editor to a group: any service account
    // of the project may be in that group, so no account there is known not to be an administrator.
    ancestors: {
      [EXPERIMENTS_FOLDER]: { parent: ML_FOLDER, displayName: 'experiments', iamPolicy: { version: 1, etag: 'BwF2' } },
      [RESTRICTED_FOLDER]: { parent: ORGANIZATION, displayName: 'restricted', unlistable: true },
      [ML_FOLDER]: {
        parent: ORGANIZATION,
        displayName: 'ml',
        // Template conformance for the folder: templates below must screen prompt injection.
        floorSetting: {
          name: `${ML_FOLDER}/locations/global/floorSetting`,
          filterConfig: { piAndJailbreakFilterSettings: { filterEnforcement: 'ENABLED', confidenceLevel: 'MEDIUM_AND_ABOVE' } },
          enableFloorSettingEnforcement: true,
        },
        iamPolicy: {
          version: 1,
          etag: 'BwF1',
          bindings: [
            { role: 'roles/owner', members: [`serviceAccount:${DEPLOYER_SA}`] },
            { role: 'roles/editor', members: ['group:ml-engineers@acme.example'] },
          ],
        },
      },
      // acme-sandbox is inside a perimeter that restricts Vertex AI; acme-ml only in a bridge, and in
      // a perimeter that restricts Vertex AI in its dry-run spec alone.
      [ORGANIZATION]: {
        accessPolicies: {
          'accessPolicies/558877665544': [
            {
              name: 'accessPolicies/558877665544/servicePerimeters/ml_sandbox',
              title: 'ml_sandbox',
              status: { resources: ['projects/222222222222'], restrictedServices: ['aiplatform.googleapis.com', 'storage.googleapis.com', 'notebooks.googleapis.com'] },
            },
            {
              name: 'accessPolicies/558877665544/servicePerimeters/ml_bridge',
              title: 'ml_bridge',
              perimeterType: 'PERIMETER_TYPE_BRIDGE',
              status: { resources: ['projects/111111111111', 'projects/222222222222'] },
            },
            {
              name: 'accessPolicies/558877665544/servicePerimeters/ml_prod',
              title: 'ml_prod',
              status: { resources: ['projects/111111111111'], restrictedServices: ['storage.googleapis.com'] },
              spec: { resources: ['projects/111111111111'], restrictedServices: ['storage.googleapis.com', 'aiplatform.googleapis.com'] },
              useExplicitDryRunSpec: true,
            },
          ],
        },
        iamPolicy: { version: 1, etag: 'BwO1', bindings: [{ role: 'roles/resourcemanager.organizationViewer', members: ['domain:acme.example'] }] },
      },
    },
    serviceAccountPolicies: {
      // The analyst account, and the Reasoning Engine service agent that every agent without its own account runs as, may mint the deployer's tokens.
      [DEPLOYER_SA]: {
        version: 1,
        etag: 'BwS1',
        bindings: [{ role: 'roles/iam.serviceAccountTokenCreator', members: [`serviceAccount:${ANALYST_SA}`, `serviceAccount:${REASONING_ENGINE_AGENT}`] }],
      },
    },
    keys: {
      [KEY]: { name: KEY, purpose: 'ENCRYPT_DECRYPT', rotationPeriod: '7776000s', nextRotationTime: '2026-12-01T00:00:00Z', labels: { owner: 'security' } },
    },
  };
}

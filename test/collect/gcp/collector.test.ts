import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { collector } from '../../../src/collect/gcp/index.js';
import { assetTypeSpec } from '../../../src/graph/catalog/index.js';
import { isEdgeType } from '../../../src/graph/edge-types.js';
import type { Inventory } from '../../../src/graph/model.js';
import { redactInventory } from '../../../src/secrets/redact.js';
import { ROOT } from '../../helpers.js';
import { ANALYST_SA, DEFAULT_SA, DEPLOYER_SA, fakeEstate, ids, KEY, ML_FOLDER, ORGANIZATION, PLANTED_SECRETS, REASONING_ENGINE_AGENT } from '../../fakes/gcp/estate.js';
import { describeViolations, startFakeGoogle, type FakeGoogle, type FakeRequest } from '../../fakes/gcp/server.js';
import { assetById, collectorContext, edgesOf, fakeGoogleEnv, sorted } from './helpers.js';

/**
 * The collector in-process, with the real Google SDK clients over real HTTP against the fake:
 * one scan of the fake estate, read from every side.
 */

const SCOPE = { gcpProjects: ['acme-ml', 'acme-sandbox', 'acme-legacy'] };
const NOTEBOOK_AGENT = 'service-111111111111@gcp-sa-aiplatform-vm.iam.gserviceaccount.com';

let fake: FakeGoogle;
let inventory: Inventory;
let requests: FakeRequest[];

beforeAll(async () => {
  fake = await startFakeGoogle(fakeEstate());
  for (const [name, value] of Object.entries(fakeGoogleEnv(fake))) vi.stubEnv(name, value);
  inventory = await collector.collect(collectorContext(SCOPE));
  requests = [...fake.requests];
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

describe('reading the estate', () => {
  it("gets only answers that Google's published models allow, in the full fault-free scan", () => {
    expect(requests.length).toBeGreaterThan(50);
    expect(describeViolations(fake.violations)).toBe('');
  });

  it('reads every Vertex AI collection in every location, page after page', () => {
    const types = new Map<string, number>();
    for (const asset of inventory.assets) types.set(asset.type, (types.get(asset.type) ?? 0) + 1);
    expect(Object.fromEntries(types)).toEqual({
      'gcp.vertexai.endpoint': 4,
      'gcp.vertexai.model': 2,
      'gcp.vertexai.dataset': 2,
      'gcp.vertexai.custom-job': 2,
      'gcp.vertexai.training-pipeline': 2,
      'gcp.vertexai.notebook-runtime': 3,
      'gcp.vertexai.notebook-runtime-template': 2,
      'gcp.vertexai.model-monitoring-job': 2,
      'gcp.vertexai.feature-online-store': 2,
      'gcp.vertexai.index-endpoint': 2,
      'gcp.vertexai.reasoning-engine': 2,
      'gcp.vertexai.tensorboard': 2,
      'gcp.vertexai.metadata-store': 2,
      'gcp.vertexai.rag-corpus': 3,
      'gcp.vertexai.index': 2,
      'gcp.workbench.instance': 3,
      'gcp.storage.bucket': 4,
      'gcp.kms.crypto-key': 1,
      // The five workloads run as, the Notebook Service Agent of the runtimes, the Reasoning Engine Service
      // Agent of the agent without its own account, and the deployer the ML folder names.
      'gcp.iam.service-account': 8,
      // Every project read; acme-ml's four API keys; the floor settings of acme-ml, acme-sandbox (never
      // configured) and the ML folder (the organization's is denied, acme-legacy has Model Armor off).
      'gcp.resourcemanager.project': 3,
      'gcp.apikeys.key': 4,
      'gcp.modelarmor.floor-setting': 3,
      'gcp.modelarmor.template': 2,
    });
    // Three endpoints, runtimes and Workbench instances in pages of two: the second page was asked for and read.
    expect(requests.filter((request) => request.pageToken === '2').map((request) => request.path)).toEqual(
      expect.arrayContaining(['/v1/projects/acme-ml/locations/us-central1/endpoints', '/v1/projects/acme-ml/locations/us-central1/notebookRuntimes', '/v2/projects/acme-ml/locations/-/instances']),
    );
    expect(assetById(inventory, ids.peeredEndpoint).name).toBe('fraud-peered');
    expect(assetById(inventory, ids.oddRuntime).name).toBe('legacy-runtime');
  });

  it('gives every asset the props of its catalog type, and only known edges between collected assets', () => {
    const assetIds = new Set(inventory.assets.map((asset) => asset.id));
    for (const asset of inventory.assets) {
      const spec = assetTypeSpec(asset.type);
      expect(spec, asset.type).toBeDefined();
      const checked = spec!.props.safeParse(asset.props);
      expect(checked.success ? [] : checked.error.issues, asset.id).toEqual([]);
      // Unknown is an absent key, never a key holding undefined.
      expect(Object.keys(asset.props).filter((key) => asset.props[key] === undefined), asset.id).toEqual([]);
      expect(JSON.parse(JSON.stringify(asset.raw ?? null)), `${asset.id} raw is plain JSON`).toEqual(asset.raw ?? null);
    }
    for (const edge of inventory.edges) {
      expect(isEdgeType(edge.type), edge.type).toBe(true);
      expect(assetIds.has(edge.from) && assetIds.has(edge.to), `${edge.from} ${edge.type} ${edge.to}`).toBe(true);
    }
  });

  it('tells a public endpoint from Private Service Connect and VPC-peered ones', () => {
    expect(assetById(inventory, ids.publicEndpoint)).toMatchObject({
      account: 'acme-ml',
      region: 'us-central1',
      name: 'fraud-public',
      tags: { env: 'prod', team: 'risk' },
      props: {
        networkType: 'public',
        internetExposed: true,
        customerManagedKey: false,
        kmsKeyName: null,
        requestResponseLogging: false,
        loggingEnabled: false,
        dedicatedEndpoint: false,
        deployedModels: 1,
        modelsWithoutAccessLogging: ['fraud-v1'],
        modelsWithManagedIdentity: ['fraud-v1'],
        monitoringJob: null,
      },
    });
    expect(assetById(inventory, ids.privateEndpoint).props).toMatchObject({ networkType: 'private-service-connect', internetExposed: false, customerManagedKey: true, kmsKeyName: KEY, requestResponseLogging: true, loggingEnabled: true, dedicatedEndpoint: true, modelsWithoutAccessLogging: [], modelsWithManagedIdentity: [], monitoringJob: ids.monitoringJob });
    expect(assetById(inventory, ids.peeredEndpoint).props).toMatchObject({ networkType: 'vpc-peering', internetExposed: false, modelsWithoutAccessLogging: [], monitoringJob: ids.peeredMonitoringJob });
    expect(edgesOf(inventory, ids.publicEndpoint)).toEqual([`deploys ${ids.modelV1}`]);
    expect(edgesOf(inventory, ids.privateEndpoint)).toEqual([`deploys ${ids.modelV2}`, `encrypted-by ${KEY}`, `monitored-by ${ids.monitoringJob}`, 'uses-identity projects/acme-ml/serviceAccounts/serving@acme-ml.iam.gserviceaccount.com']);
    expect(assetById(inventory, ids.monitoringJob).props).toEqual({ state: 'JOB_STATE_RUNNING', driftDetection: true, skewDetection: true });
    expect(edgesOf(inventory, ids.peeredMonitoringJob)).toEqual([]);
    expect(edgesOf(inventory, ids.peeredEndpoint)).toContain(`monitored-by ${ids.peeredMonitoringJob}`);
    expect(assetById(inventory, ids.sandboxEndpoint)).toMatchObject({ account: 'acme-sandbox', props: { networkType: 'public', deployedModels: 0, modelsWithoutAccessLogging: [], monitoringJob: null } });
  });

  it('keeps a model container environment in raw, where redaction finds the planted key', () => {
    expect(assetById(inventory, ids.modelV1).props).toMatchObject({ artifactUri: 'gs://acme-ml-models/fraud-v1/', modelVersion: '1', versionAliases: ['default'], customerManagedKey: false });
    expect(assetById(inventory, ids.modelV2).props).toMatchObject({ modelVersion: '3', versionAliases: ['default', 'champion'], customerManagedKey: true });
    const redacted = redactInventory(inventory);
    const secretsOf = (id: string) => redacted.assets.find((asset) => asset.id === id)?.props.secrets;
    expect(secretsOf(ids.modelV1)).toEqual([{ location: 'raw.containerSpec.env[1].value', kind: 'openai-api-key' }]);
    expect(secretsOf(ids.modelV2)).toEqual([]);
    expect(secretsOf(ids.adhocJob)).toEqual([{ location: 'raw.jobSpec.workerPoolSpecs[0].containerSpec.env[0].value', kind: 'aws-access-key-id' }]);
    expect(secretsOf(ids.slackAgent)).toEqual([{ location: 'raw.spec.deploymentSpec.env[0].value', kind: 'slack-token' }]);
    expect(secretsOf(ids.opsAgent)).toEqual([]);
    const text = JSON.stringify(redacted);
    for (const secret of PLANTED_SECRETS) expect(text).not.toContain(secret);
  });

  it('finds the notebook runtime with outbound internet access, running as the Notebook Service Agent whatever its deprecated serviceAccount says, and the locked one', () => {
    // serviceAccount on runtimes is deprecated and ignored (notebook_runtime.proto): ds-scratch names the default account, but runs as the service agent.
    expect(assetById(inventory, ids.openRuntime).props).toEqual({
      runtimeUser: 'alice@acme.example',
      serviceAccount: NOTEBOOK_AGENT,
      internetEgress: true,
      network: null,
      idleShutdown: false,
      idleTimeoutSeconds: null,
      kmsKeyName: null,
      customerManagedKey: false,
    });
    expect(assetById(inventory, ids.lockedRuntime).props).toEqual({
      runtimeUser: 'bob@acme.example',
      serviceAccount: NOTEBOOK_AGENT,
      internetEgress: false,
      network: 'projects/111111111111/global/networks/ml-vpc',
      idleShutdown: true,
      idleTimeoutSeconds: 10800,
      endUserCredentials: false,
      kmsKeyName: KEY,
      customerManagedKey: true,
    });
    // enableInternetAccess is outbound: nothing says a runtime takes connections from the internet.
    expect(assetById(inventory, ids.openRuntime).props).not.toHaveProperty('internetExposed');
    expect(edgesOf(inventory, ids.openRuntime)).toEqual([`configured-by ${ids.openTemplate}`, `uses-identity ${ids.notebookAgent}`]);
    expect(assetById(inventory, ids.openTemplate).props).toMatchObject({ internetEgress: true, idleShutdown: false });
    expect(assetById(inventory, ids.lockedTemplate).props).toMatchObject({ internetEgress: false, idleShutdown: true, idleTimeoutSeconds: 3600 });
    expect(edgesOf(inventory, ids.lockedTemplate)).toEqual([`encrypted-by ${KEY}`]);
    expect(assetById(inventory, ids.defaultSa).props).toEqual({ email: DEFAULT_SA, defaultComputeServiceAccount: true, projectRoles: ['roles/editor'], inheritedRoles: [], admin: true });
    // Editor writes every bucket of its project; the analyst may only read the training bucket (bucket policy).
    expect(edgesOf(inventory, ids.defaultSa).filter((edge) => !edge.startsWith('can-assume'))).toEqual(
      [ids.modelsBucket, ids.publicDropBucket, ids.trainingBucket].flatMap((bucket) => [`reads-data ${bucket}`, `writes-data ${bucket}`]).sort(),
    );
    expect(edgesOf(inventory, ids.analystSa)).toEqual([`can-assume ${ids.deployerSa}`, `reads-data ${ids.trainingBucket}`]);
  });

  it('reads admin rights through the folders and organization above the project, and leaves them unknown where a group may hold them', () => {
    // The ML folder grants Owner to the deployer, and Editor to a group any account of the project may be in.
    expect(assetById(inventory, ids.deployerSa).props).toEqual({ email: DEPLOYER_SA, defaultComputeServiceAccount: false, projectRoles: [], inheritedRoles: ['roles/owner'], admin: true });
    expect(assetById(inventory, ids.analystSa).props).toEqual({ email: ANALYST_SA, defaultComputeServiceAccount: false, projectRoles: ['roles/aiplatform.user'], inheritedRoles: [] });
    expect(assetById(inventory, ids.notebookAgent).props).toEqual({ email: NOTEBOOK_AGENT, defaultComputeServiceAccount: false, projectRoles: [], inheritedRoles: [] });
    const paths = requests.filter((request) => request.path.startsWith('/v3/folders') || request.path.startsWith('/v3/organizations')).map((request) => `${request.method} ${request.path}`);
    // Each ancestor is read once, however many projects sit under it.
    expect(paths.sort()).toEqual([`GET /v3/${ML_FOLDER}`, `POST /v3/${ML_FOLDER}:getIamPolicy`, `POST /v3/${ORGANIZATION}:getIamPolicy`]);
  });

  it("follows service-account impersonation: project Owner and Editor act as every account of the project, and a token creator grant on an account's own policy", () => {
    expect(edgesOf(inventory, ids.analystSa)).toContain(`can-assume ${ids.deployerSa}`);
    expect(edgesOf(inventory, ids.defaultSa)).toContain(`can-assume ${ids.deployerSa}`);
    expect(edgesOf(inventory, ids.deployerSa)).toContain(`can-assume ${ids.defaultSa}`);
    // Service agents live in Google's projects: nobody here can impersonate them.
    expect(inventory.edges.filter((edge) => edge.type === 'can-assume' && edge.to === ids.notebookAgent)).toEqual([]);
    // The group on the folder holds Editor (actAs): whom else the analyst may impersonate is unknown.
    expect(assetById(inventory, ids.analystSa).unreadEdges).toEqual([{ edge: 'can-assume', direction: 'out' }]);
    expect(requests.filter((request) => request.permission === 'iam.serviceAccounts.getIamPolicy').map((request) => decodeURIComponent(request.path)).sort()).toEqual(
      [DEFAULT_SA, 'agent@acme-ml.iam.gserviceaccount.com', DEPLOYER_SA, ANALYST_SA, 'serving@acme-ml.iam.gserviceaccount.com', 'trainer@acme-ml.iam.gserviceaccount.com'].map((email) => `/v1/projects/-/serviceAccounts/${email}:getIamPolicy`).sort(),
    );
  });

  it('finds the Workbench instance with a public IP on the default compute service account, and the hardened ones', () => {
    expect(assetById(inventory, ids.openWorkbench)).toMatchObject({ account: 'acme-ml', region: 'us-central1-a', name: 'ds-workbench', tags: { team: 'risk' } });
    // No idle-timeout-seconds metadata: the documented default, 180 minutes. Disk encryption is input only: unknown.
    expect(assetById(inventory, ids.openWorkbench).props).toEqual({
      state: 'ACTIVE',
      proxyAccess: true,
      publicIp: true,
      internetExposed: true,
      internetEgress: true,
      network: 'projects/111111111111/global/networks/default',
      idleShutdown: true,
      idleTimeoutSeconds: 10800,
      serviceAccount: DEFAULT_SA,
      rootAccess: true,
      terminalAccess: true,
      fileDownloads: true,
      autoUpgrade: false,
      secureBoot: false,
      vtpm: true,
      integrityMonitoring: false,
      machineType: 'zones/us-central1-a/machineTypes/e2-standard-4',
    });
    // Without an external IP, egress through Cloud NAT is not read: unknown.
    expect(assetById(inventory, ids.lockedWorkbench).props).toEqual({
      state: 'ACTIVE',
      proxyAccess: true,
      publicIp: false,
      internetExposed: false,
      network: 'projects/111111111111/global/networks/ml-vpc',
      idleShutdown: true,
      idleTimeoutSeconds: 3600,
      serviceAccount: 'nb-analyst@acme-ml.iam.gserviceaccount.com',
      rootAccess: false,
      terminalAccess: false,
      fileDownloads: false,
      autoUpgrade: true,
      secureBoot: true,
      vtpm: true,
      integrityMonitoring: true,
      machineType: 'zones/us-central1-b/machineTypes/n1-standard-4',
    });
    expect(edgesOf(inventory, ids.openWorkbench)).toEqual([`uses-identity ${ids.defaultSa}`]);
    expect(edgesOf(inventory, ids.lockedWorkbench)).toEqual([`uses-identity ${ids.analystSa}`]);
    expect(assetById(inventory, ids.euWorkbench).region).toBe('europe-west4-a');
  });

  it('follows training lineage from a model to its pipeline dataset and the buckets that feed it', () => {
    expect(edgesOf(inventory, ids.modelV1)).toEqual([`artifacts-in ${ids.modelsBucket}`, `trained-on ${ids.datasetDrop}`, `trained-on ${ids.publicDropBucket}`]);
    expect(edgesOf(inventory, ids.modelV2)).toEqual([`artifacts-in ${ids.modelsBucket}`, `encrypted-by ${KEY}`, `trained-on ${ids.datasetTraining}`, `trained-on ${ids.trainingBucket}`]);
    expect(assetById(inventory, ids.datasetDrop).props).toEqual({ kmsKeyName: null, customerManagedKey: false, sensitiveData: true, sourceUris: ['gs://acme-ml-public-drop/tx.csv'] });
    // Task inputs written in snake_case are read like camelCase ones.
    expect(edgesOf(inventory, ids.pipelineV1)).toEqual([`reads-data ${ids.datasetDrop}`, `writes-data ${ids.modelsBucket}`]);
    expect(assetById(inventory, ids.pipelineV2).props).toMatchObject({ serviceAccount: 'trainer@acme-ml.iam.gserviceaccount.com', networkIsolated: true, state: 'PIPELINE_STATE_SUCCEEDED', customerManagedKey: true });
    expect(assetById(inventory, ids.publicDropBucket).props).toEqual({
      sensitiveData: true,
      publicRead: false,
      publicWrite: true,
      publicAccessPrevention: 'inherited',
      uniformBucketLevelAccess: true,
      versioning: false,
      kmsKeyName: null,
      customerManagedKey: false,
      // Its Sensitive Data Protection profile (data-profiles.test.ts).
      dataProfile: 'projects/acme-ml/locations/us-central1/fileStoreDataProfiles/7770002',
      sensitivityScore: 'SENSITIVITY_MODERATE',
      dataRiskLevel: 'RISK_HIGH',
      sensitiveInfoTypes: ['EMAIL_ADDRESS', 'PHONE_NUMBER'],
    });
    expect(assetById(inventory, ids.trainingBucket)).toMatchObject({ region: 'us-central1', tags: { 'data-classification': 'confidential' }, props: { publicRead: false, publicWrite: false, customerManagedKey: true, versioning: true } });
  });

  it('reads custom jobs, online stores, index endpoints and agents', () => {
    expect(assetById(inventory, ids.adhocJob).props).toEqual({ network: null, networkIsolated: false, webAccess: true, serviceAccount: DEFAULT_SA, kmsKeyName: null, customerManagedKey: false, outputUri: 'gs://acme-ml-outputs/adhoc/' });
    expect(assetById(inventory, ids.nightlyJob).props).toMatchObject({ networkIsolated: true, webAccess: false, customerManagedKey: true });
    expect(assetById(inventory, ids.publicStore).props).toMatchObject({ networkType: 'public', internetExposed: true, storageType: 'optimized' });
    expect(assetById(inventory, ids.privateStore).props).toMatchObject({ networkType: 'private-service-connect', internetExposed: false, customerManagedKey: true });
    expect(assetById(inventory, ids.publicIndexEndpoint).props).toMatchObject({ networkType: 'public', internetExposed: true, deployedIndexes: 1 });
    expect(assetById(inventory, ids.privateIndexEndpoint).props).toMatchObject({ networkType: 'private-service-connect', internetExposed: false });
    expect(assetById(inventory, ids.slackAgent).props).toMatchObject({ serviceAccount: null, agentFramework: 'google-adk', networkIsolated: false });
    expect(assetById(inventory, ids.opsAgent).props).toMatchObject({ serviceAccount: 'agent@acme-ml.iam.gserviceaccount.com', identityType: 'SERVICE_ACCOUNT', pscInterface: true, networkIsolated: true });
    expect(assetById(inventory, KEY)).toMatchObject({ account: 'acme-security', region: 'us-central1', name: 'vertex', props: { rotationPeriodSeconds: 7776000 } });
  });

  it('reads Agent Engine identities in depth: the Reasoning Engine Service Agent when an agent names no account', () => {
    expect(assetById(inventory, ids.slackAgent).props).toMatchObject({
      effectiveServiceAccount: REASONING_ENGINE_AGENT,
      identityType: null,
      deploymentSource: 'package',
      envVars: ['SLACK_BOT_TOKEN'],
      secretEnvVars: [],
      customerManagedKey: false,
    });
    expect(edgesOf(inventory, ids.slackAgent)).toContain(`uses-identity ${ids.reasoningEngineAgent}`);
    // The service agent may mint the deployer's tokens, and the deployer is Owner on the ML folder.
    expect(edgesOf(inventory, ids.reasoningEngineAgent)).toContain(`can-assume ${ids.deployerSa}`);
    expect(assetById(inventory, ids.opsAgent).props).toMatchObject({ effectiveServiceAccount: 'agent@acme-ml.iam.gserviceaccount.com', envVars: [], secretEnvVars: ['DB_PASSWORD'], customerManagedKey: true });
  });

  it('reads RAG Engine corpora: their vector database, CMEK and the files they import from', () => {
    expect(assetById(inventory, ids.supportCorpus).props).toEqual({
      vectorDb: 'rag-managed-db',
      externalVectorDb: false,
      apiKeySecretVersion: null,
      embeddingModelEndpoint: null,
      state: 'ACTIVE',
      kmsKeyName: null,
      customerManagedKey: false,
      sensitiveData: true,
      ragFiles: 3,
      dataSources: ['cloud-storage', 'direct-upload'],
      sourceBuckets: ['acme-ml-public-drop', 'acme-ml-training'],
    });
    expect(edgesOf(inventory, ids.supportCorpus).sort()).toEqual([`reads-data ${ids.publicDropBucket}`, `reads-data ${ids.trainingBucket}`]);
    expect(assetById(inventory, ids.partnerCorpus).props).toMatchObject({
      vectorDb: 'pinecone',
      externalVectorDb: true,
      apiKeySecretVersion: 'projects/111111111111/secrets/pinecone-api-key/versions/2',
      embeddingModelEndpoint: 'projects/111111111111/locations/us-central1/publishers/google/models/text-embedding-005',
      state: 'ACTIVE',
      dataSources: ['google-drive'],
      sourceBuckets: [],
    });
    expect(assetById(inventory, ids.policiesCorpus).props).toMatchObject({ vectorDb: 'rag-managed-db', customerManagedKey: true, sourceBuckets: ['acme-ml-models'] });
    expect(edgesOf(inventory, ids.policiesCorpus).sort()).toEqual([`encrypted-by ${KEY}`, `reads-data ${ids.modelsBucket}`]);
  });

  it('reads Vector Search indexes and which endpoint serves each', () => {
    expect(assetById(inventory, ids.txIndex).props).toEqual({
      kmsKeyName: null,
      customerManagedKey: false,
      updateMethod: 'STREAM_UPDATE',
      streamUpdate: true,
      contentsDeltaUri: 'gs://acme-ml-training/embeddings/v1/',
      deployedIndexes: 1,
      sensitiveData: true,
    });
    expect(assetById(inventory, ids.txIndexV2).props).toMatchObject({ customerManagedKey: true, updateMethod: 'BATCH_UPDATE', streamUpdate: false, deployedIndexes: 0 });
    expect(edgesOf(inventory, ids.txIndex)).toEqual([`reads-data ${ids.trainingBucket}`]);
    expect(edgesOf(inventory, ids.publicIndexEndpoint)).toEqual([`deploys ${ids.txIndex}`]);
  });

  // Values newer than the SDK are fed to the collector in forward-compatible.test.ts: the fake serves only what the API has.
  it('leaves what a runtime does not say unknown', () => {
    const odd = assetById(inventory, ids.oddRuntime);
    expect(odd.props).not.toHaveProperty('internetEgress');
    expect(odd.props).not.toHaveProperty('endUserCredentials');
    expect(odd.props).toMatchObject({ serviceAccount: NOTEBOOK_AGENT, idleShutdown: false });
    expect(odd.raw).toMatchObject({ runtimeState: 'STOPPED', runtimeUser: 'carol@acme.example' });
    expect(edgesOf(inventory, ids.oddRuntime)).toEqual([`uses-identity ${ids.notebookAgent}`]);
  });

  it('records what could not be read as coverage, and reads the rest', () => {
    const coverage = (account: string, region: string, service: string) => inventory.coverage.find((entry) => entry.account === account && entry.region === region && entry.service === service);
    expect(coverage('acme-ml', 'us-central1', 'aiplatform')?.status).toBe('ok');
    expect(coverage('acme-ml', 'europe-west4', 'aiplatform')).toMatchObject({ status: 'denied', message: 'ListCustomJobs: PERMISSION_DENIED: The caller does not have permission aiplatform.customJobs.list. (and 14 more failed calls)' });
    // asia-northeast1 has no Agent Engine (404): an empty list, not a gap.
    expect(coverage('acme-ml', 'asia-northeast1', 'aiplatform')?.status).toBe('ok');
    expect(coverage('acme-ml', 'global', 'iam')?.status).toBe('ok');
    expect(coverage('acme-sandbox', 'global', 'iam')).toMatchObject({ status: 'denied', message: expect.stringContaining('GetIamPolicy: PERMISSION_DENIED') });
    expect(coverage('acme-ml', 'global', 'storage')).toMatchObject({ status: 'denied', message: expect.stringContaining('buckets.get: PERMISSION_DENIED') });
    expect(coverage('acme-security', 'us-central1', 'kms')?.status).toBe('ok');
    // A project without the Vertex AI API has nothing of it to read: skipped, not a gap; Service Usage
    // says so, and no Vertex AI location is asked (not even the list of them).
    expect(coverage('acme-legacy', 'global', 'aiplatform')).toMatchObject({ status: 'skipped', message: expect.stringContaining('the Vertex AI API (aiplatform.googleapis.com) is not enabled in the project (Service Usage)') });
    expect(requests.filter((request) => request.path.startsWith('/v1/projects/acme-legacy/') && request.permission?.startsWith('aiplatform.'))).toEqual([]);
    expect(coverage('acme-legacy', 'global', 'notebooks')).toMatchObject({ status: 'skipped', message: expect.stringContaining('Notebooks API has not been used in project 333333333333') });
    expect(coverage('acme-ml', 'global', 'notebooks')?.status).toBe('ok');
    // The bucket that could not be read is still there, with what is known of it.
    expect(assetById(inventory, ids.outputsBucket)).toMatchObject({ region: 'global', props: { sensitiveData: true } });
    expect(assetById(inventory, ids.outputsBucket).props).not.toHaveProperty('publicRead');
    expect(edgesOf(inventory, ids.adhocJob)).toEqual([`uses-identity ${ids.defaultSa}`, `writes-data ${ids.outputsBucket}`]);
  });
});

describe('throttling', () => {
  it('rides out a burst of 429s with the same result as a calm scan', async () => {
    fake.reset({ throttle: 2 });
    const throttled = await collector.collect(collectorContext(SCOPE));
    expect(fake.requests.filter((request) => request.status === 429).length).toBeGreaterThan(40);
    expect(sorted(throttled)).toEqual(sorted(inventory));
  });
});

describe('the permission document', () => {
  const document = parse(readFileSync(join(ROOT, 'docs', 'permissions', 'gcp-role.yaml'), 'utf8')) as { title: string; stage: string; includedPermissions: string[] };

  it('holds exactly the permissions of the calls the collector makes', () => {
    expect(requests.filter((request) => request.permission === undefined)).toEqual([]);
    const used = new Set(requests.map((request) => request.permission));
    expect([...used].sort()).toEqual([...document.includedPermissions].sort());
  });

  it('holds only read permissions, each once', () => {
    for (const permission of document.includedPermissions) expect(permission).toMatch(/^[a-z]+\.[A-Za-z]+\.(list|get|getIamPolicy)$/);
    expect(new Set(document.includedPermissions).size).toBe(document.includedPermissions.length);
    expect(document).toMatchObject({ title: expect.any(String), stage: 'GA' });
  });
});

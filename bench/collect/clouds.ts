import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BEDROCK, daysAgo, roleArn, SAGEMAKER, ACCOUNT } from '../../test/fakes/aws/estate.js';
import { ec2Reply } from '../../test/fakes/aws/protocols.js';
import { FakeAws, fakeAwsEnvironment } from '../../test/fakes/aws/server.js';
import { FAKE_ARM_CERT_FILE, FakeArm, FakeTenant } from '../../test/fakes/azure/arm-server.js';
import { TOKEN } from '../../test/fakes/azure/estate.js';
import { AZURE_PROXY_TLS, awsDialect, azureDialect, gcpDialect } from '../../test/fakes/fault-dialects.js';
import { FaultProxy, type FaultPlan } from '../../test/fakes/fault-proxy.js';
import type { CollectScope } from '../../src/collect/collector.js';
import type { FakeGoogleEstate } from '../../test/fakes/gcp/estate.js';
import { startFakeGoogle } from '../../test/fakes/gcp/server.js';

/**
 * The estates of the collection benchmark: 16 AWS regions, 16 Azure subscriptions, 16 Vertex AI
 * locations, each with a few hundred AI assets, served by the test fakes behind the fault proxy
 * (which adds the latency and the rate limit). Runs in the benchmark's process; the collector runs
 * in a worker process (worker.ts), so the two do not share one event loop.
 */

export type ProviderName = 'aws' | 'azure' | 'gcp';

export interface BenchCloud {
  provider: ProviderName;
  proxy: FaultProxy;
  /** Environment for the worker: where the provider is, and its credentials. */
  env: Record<string, string>;
  /** The collection scope (the 16 regions, subscriptions or locations). */
  scope: CollectScope;
  /** Faults every run needs on top of latency and rate limit (AWS: the region list). */
  basePlan: FaultPlan;
  close(): Promise<void>;
}

export const AWS_REGIONS = [
  'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-central-1', 'eu-west-2', 'eu-west-3', 'eu-north-1',
  'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'sa-east-1', 'me-central-1', 'af-south-1',
];
const GCP_LOCATIONS = [
  'us-central1', 'us-east1', 'us-east4', 'us-west1', 'us-west4', 'northamerica-northeast1', 'southamerica-east1', 'europe-west1',
  'europe-west2', 'europe-west3', 'europe-west4', 'europe-west9', 'asia-east1', 'asia-northeast1', 'asia-southeast1', 'australia-southeast1',
];
const range = (count: number) => Array.from({ length: count }, (_, index) => index);

/** A record of the same shape with every list and map empty, to fill in. */
export function emptyLike<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, Array.isArray(value) ? [] : {}])) as T;
}

/**
 * AWS: per region, `count` each of notebook instances, models, endpoint configurations, endpoints
 * and guardrails (5 × count assets). The fake serves the base estate's regions from its module
 * records; the benchmark adds its regions there, and the proxy answers DescribeRegions with them.
 */
async function startAws(count: number): Promise<BenchCloud> {
  const arn = (region: string, kind: string, name: string) => `arn:aws:sagemaker:${region}:${ACCOUNT}:${kind}/${name}`;
  for (const region of AWS_REGIONS) {
    SAGEMAKER[region] = {
      ...emptyLike(SAGEMAKER['us-east-1']!),
      notebooks: range(count).map((index) => ({
        NotebookInstanceName: `nb-${index}`,
        NotebookInstanceArn: arn(region, 'notebook-instance', `nb-${index}`),
        NotebookInstanceStatus: 'InService',
        InstanceType: 'ml.t3.medium',
        RoleArn: roleArn('SageMakerSecureNotebookRole'),
        DirectInternetAccess: index % 4 === 0 ? 'Enabled' : 'Disabled',
        RootAccess: 'Disabled',
        PlatformIdentifier: 'notebook-al2023-v1',
        InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
        CreationTime: daysAgo(30),
      })),
      models: range(count).map((index) => ({
        ModelName: `model-${index}`,
        ModelArn: arn(region, 'model', `model-${index}`),
        ExecutionRoleArn: roleArn('SageMakerFraudModelRole'),
        EnableNetworkIsolation: index % 3 !== 0,
        PrimaryContainer: { Image: `${ACCOUNT}.dkr.ecr.${region}.amazonaws.com/model:${index}`, ModelDataUrl: `s3://acme-ml-artifacts/model-${index}/model.tar.gz`, Environment: { SAGEMAKER_PROGRAM: 'inference.py' } },
        CreationTime: daysAgo(20),
      })),
      endpointConfigs: range(count).map((index) => ({
        EndpointConfigName: `config-${index}`,
        EndpointConfigArn: arn(region, 'endpoint-config', `config-${index}`),
        ProductionVariants: [{ VariantName: 'primary', ModelName: `model-${index}`, InitialInstanceCount: 1, InstanceType: 'ml.m5.large' }],
        CreationTime: daysAgo(20),
      })),
      endpoints: range(count).map((index) => ({
        EndpointName: `endpoint-${index}`,
        EndpointArn: arn(region, 'endpoint', `endpoint-${index}`),
        EndpointConfigName: `config-${index}`,
        EndpointStatus: 'InService',
        ProductionVariants: [{ VariantName: 'primary', CurrentInstanceCount: 1 }],
        CreationTime: daysAgo(20),
        LastModifiedTime: daysAgo(20),
      })),
    };
    BEDROCK[region] = {
      ...emptyLike(BEDROCK['us-east-1']!),
      guardrails: range(count).map((index) => ({
        guardrailId: `gr-${index}`,
        guardrailArn: `arn:aws:bedrock:${region}:${ACCOUNT}:guardrail/gr-${index}`,
        name: `guardrail-${index}`,
        version: 'DRAFT',
        status: 'READY',
        blockedInputMessaging: 'Blocked.',
        blockedOutputsMessaging: 'Blocked.',
        contentPolicy: { filters: [{ type: 'PROMPT_ATTACK', inputStrength: index % 2 ? 'HIGH' : 'LOW', outputStrength: 'NONE' }] },
        createdAt: daysAgo(10).toISOString(),
        updatedAt: daysAgo(10).toISOString(),
      })),
    };
  }
  return startAwsEstate({ regions: AWS_REGIONS });
}

/**
 * The fake AWS, serving the records the caller has set up in its modules, behind the fault proxy,
 * which answers DescribeRegions with `scope.regions` (all enabled).
 */
export async function startAwsEstate(scope: CollectScope & { regions: string[] }): Promise<BenchCloud> {
  const fake = await new FakeAws().start();
  const proxy = await FaultProxy.start({ target: fake.url, dialect: awsDialect });
  const regionInfo = scope.regions.map((regionName) => ({ regionName, regionEndpoint: `ec2.${regionName}.amazonaws.com`, optInStatus: 'opt-in-not-required' }));
  return {
    provider: 'aws',
    proxy,
    env: { ...fakeAwsEnvironment(fake, mkdtempSync(join(tmpdir(), 'aispm-bench-aws-'))), AWS_ENDPOINT_URL: proxy.url },
    scope,
    basePlan: { rewrite: { match: /^ec2:DescribeRegions$/, body: () => ec2Reply('DescribeRegions', { regionInfo }).body } },
    close: async () => {
      await proxy.close();
      await fake.stop();
    },
  };
}

/** Azure: `subscriptions`, each with `accounts` Azure OpenAI accounts of `deployments` deployments; lists in pages of `pageSize` when given. */
export async function startAzureEstate(subscriptions: string[], accounts: number, deployments: number, pageSize?: number): Promise<BenchCloud> {
  const tenant = new FakeTenant();
  for (const subscription of subscriptions) {
    tenant.subscription(subscription, `bench-${subscription.slice(0, 8)}`);
    for (const accountIndex of range(accounts)) {
      const id = `/subscriptions/${subscription}/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/oai-${accountIndex}`;
      tenant.add({ id, name: `oai-${accountIndex}`, type: 'Microsoft.CognitiveServices/accounts', location: 'eastus', kind: 'OpenAI', properties: { publicNetworkAccess: accountIndex % 2 ? 'Disabled' : 'Enabled', disableLocalAuth: accountIndex % 2 === 1 } });
      tenant.add(
        ...range(deployments).map((index) => ({
          id: `${id}/deployments/chat-${index}`,
          name: `chat-${index}`,
          type: 'Microsoft.CognitiveServices/accounts/deployments',
          sku: { name: 'Standard', capacity: 1 },
          properties: { model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-11-20' }, raiPolicyName: 'Microsoft.DefaultV2' },
        })),
      );
    }
  }
  const fake = await FakeArm.start(tenant, { token: TOKEN, ...(pageSize ? { pageSize } : {}) });
  const proxy = await FaultProxy.start({ target: fake.url, dialect: azureDialect, tls: AZURE_PROXY_TLS });
  return {
    provider: 'azure',
    proxy,
    env: { AISPM_AZURE_ENDPOINT: proxy.url, AISPM_AZURE_TOKEN: TOKEN, NODE_EXTRA_CA_CERTS: FAKE_ARM_CERT_FILE },
    scope: { azureSubscriptions: subscriptions },
    basePlan: {},
    close: async () => {
      await proxy.close();
      await fake.close();
    },
  };
}

/** Google Cloud: the fake serving `estate` behind the fault proxy, read in `scope`; lists in pages of `pageSize` when given. */
export async function startGcpEstate(estate: FakeGoogleEstate, scope: CollectScope, pageSize?: number): Promise<BenchCloud> {
  const fake = await startFakeGoogle(estate);
  if (pageSize) fake.reset({ pageSize });
  const proxy = await FaultProxy.start({ target: fake.url, dialect: gcpDialect });
  const empty = mkdtempSync(join(tmpdir(), 'aispm-bench-gcp-'));
  return {
    provider: 'gcp',
    proxy,
    env: { AISPM_GCP_ENDPOINT: proxy.url, AISPM_GCP_TOKEN: fake.token, CLOUDSDK_CONFIG: empty, HOME: empty, METADATA_SERVER_DETECTION: 'none' },
    scope,
    basePlan: {},
    close: async () => {
      await proxy.close();
      await fake.close();
    },
  };
}

/**
 * Google Cloud: one project, 16 Vertex AI locations, each with `count` records in each of eight
 * collections, listed in pages of 5. Fields as the published model has them (a FeatureOnlineStore
 * has no displayName): the fake checks every answer against it.
 */
async function startGcp(count: number): Promise<BenchCloud> {
  const number = '999999999999';
  const collections = ['endpoints', 'models', 'datasets', 'customJobs', 'trainingPipelines', 'notebookRuntimeTemplates', 'featureOnlineStores', 'indexEndpoints'];
  const estate: FakeGoogleEstate = {
    projects: {
      'bench-ml': {
        number,
        // The API leaves an empty binding list out.
        iamPolicy: {},
        locations: Object.fromEntries(
          GCP_LOCATIONS.map((location) => [
            location,
            Object.fromEntries(collections.map((collection) => [collection, range(count).map((index) => ({ name: `projects/${number}/locations/${location}/${collection}/${1000 + index}`, ...(collection === 'featureOnlineStores' ? {} : { displayName: `${collection}-${index}` }) }))])),
          ]),
        ),
      },
    },
    buckets: {},
    keys: {},
  };
  return startGcpEstate(estate, { gcpProjects: ['bench-ml'], gcpLocations: GCP_LOCATIONS }, 5);
}

export function startBenchCloud(provider: ProviderName): Promise<BenchCloud> {
  switch (provider) {
    case 'aws':
      return startAws(24);
    case 'azure':
      // 16 subscriptions, listed in pages of 5.
      return startAzureEstate(range(16).map((index) => `5e${String(index).padStart(6, '0')}-0000-4000-8000-000000000000`), 20, 10, 5);
    case 'gcp':
      return startGcp(100);
  }
}

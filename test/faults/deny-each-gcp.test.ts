import { afterAll, beforeAll, describe, vi } from 'vitest';
import type { CollectScope } from '../../src/collect/collector.js';
import { createGcpCollector } from '../../src/collect/gcp/index.js';
import type { CoverageEntry } from '../../src/graph/model.js';
import { collectorContext, fakeGoogleEnv } from '../collect/gcp/helpers.js';
import { gcpDialect } from '../fakes/fault-dialects.js';
import { FaultProxy } from '../fakes/fault-proxy.js';
import { fakeEstate, ORGANIZATION } from '../fakes/gcp/estate.js';
import { permissionOf, startFakeGoogle, type FakeGoogle } from '../fakes/gcp/server.js';
import { denyEachPermissionTests } from './deny-each.js';

/** Every Google IAM permission the collector uses on the fake estate, denied one at a time. */
const PERMISSIONS: string[] = [
  'accesscontextmanager.policies.list',
  'accesscontextmanager.servicePerimeters.list',
  'aiplatform.customJobs.list',
  'aiplatform.datasets.list',
  'aiplatform.endpoints.list',
  'aiplatform.featureOnlineStores.list',
  'aiplatform.indexEndpoints.list',
  'aiplatform.indexes.list',
  'aiplatform.locations.list',
  'aiplatform.metadataStores.list',
  'aiplatform.modelDeploymentMonitoringJobs.list',
  'aiplatform.models.list',
  'aiplatform.notebookRuntimeTemplates.list',
  'aiplatform.notebookRuntimes.list',
  'aiplatform.ragCorpora.list',
  'aiplatform.ragFiles.list',
  'aiplatform.reasoningEngines.list',
  'aiplatform.tensorboards.list',
  'aiplatform.trainingPipelines.list',
  'apikeys.keys.list',
  'cloudkms.cryptoKeys.get',
  'dlp.fileStoreProfiles.list',
  'iam.serviceAccounts.getIamPolicy',
  'modelarmor.floorSettings.get',
  'modelarmor.templates.list',
  'notebooks.instances.list',
  'orgpolicy.constraints.list',
  'orgpolicy.policy.get',
  'resourcemanager.folders.get',
  'resourcemanager.folders.getIamPolicy',
  'resourcemanager.folders.list',
  'resourcemanager.organizations.getIamPolicy',
  'resourcemanager.projects.get',
  'resourcemanager.projects.getIamPolicy',
  'resourcemanager.projects.list',
  'serviceusage.services.get',
  'storage.buckets.get',
  'storage.buckets.getIamPolicy',
];

/** The coverage service each permission's calls are recorded under. */
function serviceOf(permission: string): string {
  // Listing an organization's or folder's folders and projects (discovery.ts).
  if (/^resourcemanager\.(folders|projects)\.list$/.test(permission)) return 'hierarchy';
  if (permission.startsWith('resourcemanager.projects.')) return 'iam';
  if (permission.startsWith('resourcemanager.')) return 'resourcemanager';
  if (permission.startsWith('cloudkms.')) return 'kms';
  return permission.slice(0, permission.indexOf('.'));
}

// The organization (acme-ml and acme-sandbox beneath it, and acme-experiments, which has no AI API) and acme-legacy, named.
const SCOPE: CollectScope = { gcpParents: [ORGANIZATION], gcpProjects: ['acme-legacy'] };
const collector = createGcpCollector({ retry: { initialDelayMs: 1, maxDelayMs: 5, maxAttempts: 2 } });
const key = (entry: CoverageEntry) => `${entry.account} ${entry.region} ${entry.service}`;

let fake: FakeGoogle;
let proxy: FaultProxy;
/** The fault-free scan's denied scopes and their messages: a denial there shows as one more failed call. */
let baseline: Map<string, string | undefined>;

const scan = () => collector.collect(collectorContext(SCOPE));

beforeAll(async () => {
  fake = await startFakeGoogle(fakeEstate());
  proxy = await FaultProxy.start({ target: fake.url, dialect: gcpDialect });
  for (const [name, value] of Object.entries({ ...fakeGoogleEnv(fake), AISPM_GCP_ENDPOINT: proxy.url })) vi.stubEnv(name, value);
  baseline = new Map((await scan()).coverage.filter((entry) => entry.status === 'denied').map((entry) => [key(entry), entry.message]));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await proxy.close();
  await fake.close();
});

describe('the Google Cloud collector with one IAM permission denied at a time', () => {
  denyEachPermissionTests(
    () => ({
      proxy,
      scan,
      permissionOf: (request) => permissionOf(request.method, request.url),
      showsDenial: (coverage, permission) =>
        coverage.some((entry) => entry.status === 'denied' && entry.service === serviceOf(permission) && (entry.message?.includes(permission) === true || (baseline.has(key(entry)) && baseline.get(key(entry)) !== entry.message))),
    }),
    PERMISSIONS,
  );
});

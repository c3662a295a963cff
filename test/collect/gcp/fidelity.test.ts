import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { collector } from '../../../src/collect/gcp/index.js';
import type { Inventory } from '../../../src/graph/model.js';
import { ANALYST_SA, fakeEstate, ids, ML_FOLDER, type FakeGoogleEstate } from '../../fakes/gcp/estate.js';
import { startFakeGoogle, type FakeGoogle } from '../../fakes/gcp/server.js';
import { assetById, collectorContext, fakeGoogleEnv } from './helpers.js';

/**
 * What the real Google APIs say that the main fake estate does not show: zones the Workbench list
 * could not reach, idle shutdown without guest attributes, buckets whose ACLs are in force or whose
 * IAM policy may not be read, and admin rights that only a complete read of the ancestors can deny.
 */

const SCOPE = { gcpProjects: ['acme-ml'] };
const OPEN_ACL_BUCKET = 'acme-ml-acl-drop';

/** The main estate, without the folder's group grant (so admin can be false), with the odd cases added. */
function oddEstate(): FakeGoogleEstate {
  const estate = fakeEstate();
  const folder = estate.ancestors![ML_FOLDER]!.iamPolicy as { bindings: Array<{ role: string; members: string[] }> };
  folder.bindings = folder.bindings.filter((binding) => !binding.members.some((member) => member.startsWith('group:')));
  const project = estate.projects['acme-ml']!;
  project.workbenchUnreachable = ['us-west1-a', 'europe-west4-b'];
  const instances = project.workbench as Array<{ name: string; gceSetup: { metadata: Record<string, string> } }>;
  // Idle shutdown needs guest attributes; with them off it never runs, whatever the timeout.
  instances[1]!.gceSetup.metadata['enable-guest-attributes'] = 'false';
  // A dataset imported from a bucket whose ACLs are in force: its bucket ACL lets anyone list it (READER), and allUsers holds legacyBucketReader.
  const usCentral1 = project.locations['us-central1'] as Record<string, unknown[]>;
  usCentral1.datasets!.push({ name: `${ids.datasetDrop.replace('/5001', '/5003')}`, displayName: 'acl-drop', metadataSchemaUri: 'gs://google-cloud-aiplatform/schema/dataset/metadata/tabular_1.0.0.yaml', metadata: { inputConfig: { gcsSource: { uri: [`gs://${OPEN_ACL_BUCKET}/x.csv`] } } } });
  estate.buckets[OPEN_ACL_BUCKET] = {
    bucket: {
      kind: 'storage#bucket',
      name: OPEN_ACL_BUCKET,
      projectNumber: '111111111111',
      location: 'US',
      storageClass: 'STANDARD',
      iamConfiguration: { uniformBucketLevelAccess: { enabled: false }, publicAccessPrevention: 'inherited' },
      acl: [{ kind: 'storage#bucketAccessControl', bucket: OPEN_ACL_BUCKET, entity: 'allUsers', role: 'READER', id: `${OPEN_ACL_BUCKET}/allUsers` }],
      defaultObjectAcl: [{ kind: 'storage#objectAccessControl', entity: 'project-owners-111111111111', role: 'OWNER' }],
    },
    iamPolicy: { version: 1, etag: 'CAE=', bindings: [{ role: 'roles/storage.legacyBucketReader', members: ['allUsers'] }] },
  };
  return estate;
}

let fake: FakeGoogle;
let inventory: Inventory;
const scan = () => collector.collect(collectorContext(SCOPE));

beforeAll(async () => {
  fake = await startFakeGoogle(oddEstate());
  for (const [name, value] of Object.entries(fakeGoogleEnv(fake))) vi.stubEnv(name, value);
  inventory = await scan();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

describe('Vertex AI Workbench', () => {
  it('records the zones the instance list could not reach as coverage gaps', () => {
    const notebooks = inventory.coverage.filter((entry) => entry.service === 'notebooks').map((entry) => `${entry.region} ${entry.status}`);
    expect(notebooks.sort()).toEqual(['europe-west4-b error', 'global ok', 'us-west1-a error']);
    expect(inventory.coverage.find((entry) => entry.region === 'us-west1-a')?.message).toMatch(/^ListInstances: the Notebooks API could not reach us-west1-a/);
  });

  it('takes a missing idle-timeout-seconds for the 180-minute default, and idle shutdown without guest attributes as off', () => {
    expect(assetById(inventory, ids.openWorkbench).props).toMatchObject({ idleShutdown: true, idleTimeoutSeconds: 10800 });
    expect(assetById(inventory, ids.lockedWorkbench).props).toMatchObject({ idleShutdown: false, idleTimeoutSeconds: null });
  });
});

describe('Cloud Storage', () => {
  it('counts neither a public bucket READER ACL nor legacyBucketReader as public reads, and leaves reads unknown while object ACLs are in force', () => {
    const bucket = assetById(inventory, `projects/_/buckets/${OPEN_ACL_BUCKET}`);
    expect(bucket.props).toMatchObject({ uniformBucketLevelAccess: false, publicWrite: false });
    expect(bucket.props).not.toHaveProperty('publicRead');
    // The ACLs were asked for only because they are in force.
    expect(fake.requests.filter((request) => request.permission === 'storage.buckets.getIamPolicy' && !request.path.endsWith('/iam')).map((request) => request.path)).toEqual([`/storage/v1/b/${OPEN_ACL_BUCKET}`]);
  });

  it('keeps public access prevention, uniform access and CMEK when the IAM policy (and so the ACLs) may not be read', async () => {
    fake.reset({ deny: (permission) => permission === 'storage.buckets.getIamPolicy' });
    try {
      const denied = await scan();
      expect(assetById(denied, ids.trainingBucket).props).toEqual({
        sensitiveData: true,
        publicRead: false,
        publicWrite: false,
        publicAccessPrevention: 'enforced',
        uniformBucketLevelAccess: true,
        versioning: true,
        kmsKeyName: 'projects/acme-security/locations/us-central1/keyRings/ml/cryptoKeys/vertex',
        customerManagedKey: true,
        // The DLP profile needs only the bucket's location.
        dataProfile: 'projects/acme-ml/locations/us-central1/fileStoreDataProfiles/7770001',
        sensitivityScore: 'SENSITIVITY_HIGH',
        dataRiskLevel: 'RISK_MODERATE',
        sensitiveInfoTypes: ['EMAIL_ADDRESS', 'PERSON_NAME', 'US_SOCIAL_SECURITY_NUMBER'],
      });
      // Without the policy, public access is unknown where prevention is not enforced.
      expect(assetById(denied, ids.publicDropBucket).props).toMatchObject({ uniformBucketLevelAccess: true, customerManagedKey: false });
      expect(assetById(denied, ids.publicDropBucket).props).not.toHaveProperty('publicWrite');
      expect(denied.coverage.find((entry) => entry.service === 'storage')).toMatchObject({ status: 'denied', message: expect.stringContaining('storage.buckets.getIamPolicy') });
    } finally {
      fake.reset();
    }
  });
});

describe('administrator rights', () => {
  it('are false only when the project, its folders and its organization were all read', async () => {
    expect(assetById(inventory, ids.analystSa).props).toMatchObject({ email: ANALYST_SA, projectRoles: ['roles/aiplatform.user'], inheritedRoles: [], admin: false });
    fake.reset({ deny: (permission) => permission === 'resourcemanager.folders.getIamPolicy' });
    try {
      const denied = await scan();
      expect(assetById(denied, ids.analystSa).props).toEqual({ email: ANALYST_SA, defaultComputeServiceAccount: false, projectRoles: ['roles/aiplatform.user'] });
      // A grant read elsewhere still makes it true.
      expect(assetById(denied, ids.defaultSa).props).toMatchObject({ admin: true });
      expect(denied.coverage.find((entry) => entry.account === ML_FOLDER)).toMatchObject({ status: 'denied', service: 'resourcemanager' });
    } finally {
      fake.reset();
    }
  });
});

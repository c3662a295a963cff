import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGcpCollector } from '../../../src/collect/gcp/index.js';
import type { Inventory } from '../../../src/graph/model.js';
import { fakeEstate, ids } from '../../fakes/gcp/estate.js';
import { describeViolations, startFakeGoogle, type FakeGoogle } from '../../fakes/gcp/server.js';
import { assetById, collectorContext, fakeGoogleEnv } from './helpers.js';

/**
 * Sensitive Data Protection (DLP) file store data profiles of the buckets AI assets use: the
 * sensitivity level and infoTypes become bucket properties, and the profile's verdict replaces the
 * assumption that such a bucket holds sensitive data, which is what prioritization weighs (as Macie's
 * verdict does on AWS).
 */

const SCOPE = { gcpProjects: ['acme-ml'] };
const collector = createGcpCollector({ retry: { initialDelayMs: 1, maxDelayMs: 5, maxAttempts: 2 } });
const estate = fakeEstate();
const DLP_PROPS = ['dataProfile', 'sensitivityScore', 'dataRiskLevel', 'sensitiveInfoTypes'];

let fake: FakeGoogle;
let inventory: Inventory;

const scan = () => collector.collect(collectorContext(SCOPE));

beforeAll(async () => {
  fake = await startFakeGoogle(estate);
  for (const [name, value] of Object.entries(fakeGoogleEnv(fake))) vi.stubEnv(name, value);
  inventory = await scan();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

describe('Sensitive Data Protection profiles', () => {
  it('reads each bucket\'s profile in its project and location, and lets its verdict decide sensitiveData', () => {
    expect(assetById(inventory, ids.trainingBucket).props).toMatchObject({
      dataProfile: 'projects/acme-ml/locations/us-central1/fileStoreDataProfiles/7770001',
      sensitivityScore: 'SENSITIVITY_HIGH',
      dataRiskLevel: 'RISK_MODERATE',
      sensitiveInfoTypes: ['EMAIL_ADDRESS', 'PERSON_NAME', 'US_SOCIAL_SECURITY_NUMBER'],
      sensitiveData: true,
    });
    // The level sent as a number (enum-encoding) reads as its name.
    expect(assetById(inventory, ids.publicDropBucket).props).toMatchObject({ sensitivityScore: 'SENSITIVITY_MODERATE', sensitiveData: true });
    // LOW: nothing sensitive found, so the bucket is no longer a sensitive store.
    expect(assetById(inventory, ids.modelsBucket).props).toMatchObject({ sensitivityScore: 'SENSITIVITY_LOW', sensitiveInfoTypes: [], sensitiveData: false });
    // A bucket that could not be read has no known location: no profile asked for, the assumption stays.
    const outputs = assetById(inventory, ids.outputsBucket).props;
    for (const name of DLP_PROPS) expect(outputs, name).not.toHaveProperty(name);
    expect(outputs.sensitiveData).toBe(true);
    const asked = fake.requests.filter((request) => request.path.endsWith('/fileStoreDataProfiles')).map((request) => request.path);
    expect(new Set(asked)).toEqual(new Set(['/v2/projects/acme-ml/locations/us-central1/fileStoreDataProfiles']));
    expect(inventory.coverage.find((entry) => entry.service === 'dlp')).toMatchObject({ account: 'acme-ml', region: 'us-central1', status: 'ok' });
    expect(describeViolations(fake.violations)).toBe('');
  });

  it('leaves the profile unknown, and the assumption in place, when the profiles cannot be read', async () => {
    fake.reset({ deny: (permission) => permission === 'dlp.fileStoreProfiles.list' });
    const denied = await scan();
    fake.reset();
    const props = assetById(denied, ids.modelsBucket).props;
    for (const name of DLP_PROPS) expect(props, name).not.toHaveProperty(name);
    expect(props.sensitiveData).toBe(true);
    expect(denied.coverage.find((entry) => entry.service === 'dlp')).toMatchObject({ status: 'denied', message: expect.stringContaining('ListFileStoreDataProfiles') });
  });

  it('leaves the profile unknown where the DLP API is not enabled', async () => {
    const ml = estate.projects['acme-ml']!;
    const planted = ml.dataProfiles;
    ml.dataProfiles = 'disabled';
    try {
      const disabled = await scan();
      const props = assetById(disabled, ids.trainingBucket).props;
      for (const name of DLP_PROPS) expect(props, name).not.toHaveProperty(name);
      expect(props.sensitiveData).toBe(true);
    } finally {
      ml.dataProfiles = planted;
    }
  });
});

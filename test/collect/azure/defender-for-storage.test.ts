import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/graph/model.js';
import { FakeArm } from '../../fakes/azure/arm-server.js';
import { DENIALS, fakeTenant, ids, SUB_PROD, TOKEN } from '../../fakes/azure/estate.js';
import { assetById, scanFake } from './harness.js';

/** Defender for Storage settings of the storage accounts AI uses, read as plain ARM REST from the fake Resource Manager. */

describe('Defender for Storage on AI data stores against the fake Resource Manager', () => {
  let fake: FakeArm;
  let inventory: Inventory;
  const props = (id: string) => assetById(inventory, id).props;

  beforeAll(async () => {
    fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
    inventory = await scanFake(fake);
  });
  afterAll(() => fake.close());

  it('the planted training store: Defender on, sensitive data discovery turned off on the account', () => {
    expect(props(ids.storageTraining)).toMatchObject({ sensitiveData: true, defenderForStorage: true, sensitiveDataDiscovery: false, defenderSettingsOverridden: true });
  });

  it('the hub store: Defender for Storage off, so no discovery', () => {
    expect(props(ids.storageHub)).toMatchObject({ defenderForStorage: false, sensitiveDataDiscovery: false, defenderSettingsOverridden: false });
  });

  it('the hardened twins: discovery on, inherited from the subscription', () => {
    for (const id of [ids.storageCurated, ids.storageLocked]) expect(props(id)).toMatchObject({ defenderForStorage: true, sensitiveDataDiscovery: true, defenderSettingsOverridden: false });
  });

  it('asks DefenderForStorage_Get at 2025-06-01 once per account read, and answers within the published model', () => {
    const asked = fake.requests.filter((request) => request.action === 'Microsoft.Security/defenderForStorageSettings/read');
    const read = inventory.assets.filter((asset) => asset.type === 'azure.storage.account' && asset.raw !== undefined).length;
    expect(asked.length).toBe(read);
    expect(inventory.coverage.filter((entry) => entry.service === 'Microsoft.Security/defenderForStorageSettings' && entry.status !== 'ok')).toEqual([]);
    fake.assertTrueToModels();
  });
});

describe('Defender for Storage settings that are denied', () => {
  it('leaves the settings unknown and shows the denial', async () => {
    const fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: [...DENIALS, { action: 'Microsoft.Security/defenderForStorageSettings/read' }] });
    try {
      const inventory = await scanFake(fake);
      const props = assetById(inventory, ids.storageTraining).props;
      expect(props).not.toHaveProperty('sensitiveDataDiscovery');
      expect(props).not.toHaveProperty('defenderForStorage');
      expect(inventory.coverage.find((entry) => entry.service === 'Microsoft.Security/defenderForStorageSettings' && entry.account === SUB_PROD)).toMatchObject({
        status: 'denied',
        message: expect.stringMatching(/^defenderForStorageSettings\.get: AuthorizationFailed/),
      });
    } finally {
      await fake.close();
    }
  });
});

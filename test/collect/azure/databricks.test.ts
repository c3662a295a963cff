import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/graph/model.js';
import { FakeArm } from '../../fakes/azure/arm-server.js';
import { databricksIds } from '../../fakes/azure/databricks.js';
import { DENIALS, fakeTenant, SUB_DEV, SUB_PROD, TOKEN } from '../../fakes/azure/estate.js';
import { assetById, scanFake } from './harness.js';

/** Azure Databricks workspaces, read with @azure/arm-databricks from the fake Resource Manager. */

describe('Azure Databricks against the fake Resource Manager', () => {
  let fake: FakeArm;
  let inventory: Inventory;
  const asset = (id: string) => assetById(inventory, id);

  beforeAll(async () => {
    fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
    inventory = await scanFake(fake);
  });
  afterAll(() => fake.close());

  it('reads the open workspace: public, clusters with public IPs, a managed network, no private link, no logs', () => {
    expect(asset(databricksIds.open)).toMatchObject({
      type: 'azure.databricks.workspace',
      account: SUB_PROD,
      region: 'westeurope',
      tags: { team: 'data' },
      props: {
        skuName: 'premium',
        computeMode: 'Hybrid',
        publicNetworkAccess: 'Enabled',
        publicEndpoint: true,
        requiredNsgRules: 'AllRules',
        privateEndpoints: 0,
        clusterPublicIp: true,
        vnetInjected: false,
        customVirtualNetworkId: null,
        loggingEnabled: false,
        logCategories: [],
      },
    });
  });

  it('reads the hardened twin: private, secure cluster connectivity, VNet injection, private endpoint, logs', () => {
    expect(asset(databricksIds.locked).props).toMatchObject({
      publicNetworkAccess: 'Disabled',
      publicEndpoint: false,
      requiredNsgRules: 'NoAzureDatabricksRules',
      privateEndpoints: 1,
      clusterPublicIp: false,
      vnetInjected: true,
      customVirtualNetworkId: expect.stringContaining('/virtualNetworks/vnet-databricks'),
      loggingEnabled: true,
      logCategories: ['allLogs'],
    });
  });

  it('a Serverless workspace has no classic clusters: their settings are read as not applicable (null)', () => {
    expect(asset(databricksIds.serverless)).toMatchObject({ account: SUB_DEV, props: { computeMode: 'Serverless', clusterPublicIp: null, vnetInjected: null, privateEndpoints: 0, publicEndpoint: true } });
  });

  it('a classic workspace whose record has no parameters leaves its cluster settings unknown', () => {
    const props = asset(databricksIds.unstated).props;
    expect(props).toMatchObject({ computeMode: 'Hybrid', publicNetworkAccess: null, publicEndpoint: true });
    expect(props).not.toHaveProperty('clusterPublicIp');
    expect(props).not.toHaveProperty('vnetInjected');
  });

  it('asks Microsoft.Databricks at 2026-01-01 and answers within the published model', () => {
    const asked = fake.requests.filter((request) => request.action === 'Microsoft.Databricks/workspaces/read');
    expect(asked.length).toBeGreaterThan(0);
    expect(inventory.coverage.filter((entry) => entry.service === 'Microsoft.Databricks' && [SUB_PROD, SUB_DEV].includes(entry.account) && entry.status !== 'ok')).toEqual([]);
    fake.assertTrueToModels();
  });
});

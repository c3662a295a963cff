import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, Inventory } from '../../../src/graph/model.js';
import { FakeArm } from '../../fakes/azure/arm-server.js';
import { DENIALS, fakeTenant, ids, SUB_DEV, SUB_PROD, TOKEN } from '../../fakes/azure/estate.js';
import { foundryIds } from '../../fakes/azure/foundry.js';
import { vaultIds } from '../../fakes/azure/keyvault.js';
import { searchIds } from '../../fakes/azure/search.js';
import { scanFake } from './harness.js';

/** Azure AI Search services and Defender for Cloud plans, read with the real clients from the fake Resource Manager. */

function finder(inventory: Inventory) {
  return {
    asset: (id: string): Asset => {
      const found = inventory.assets.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
      if (!found) throw new Error(`no asset ${id}`);
      return found;
    },
    into: (to: string, type: string) => inventory.edges.filter((edge) => edge.to.toLowerCase() === to.toLowerCase() && edge.type === type).map((edge) => edge.from).sort(),
  };
}

describe('Azure AI Search and Defender for Cloud against the fake Resource Manager', () => {
  let fake: FakeArm;
  let inventory: Inventory;
  let find: ReturnType<typeof finder>;

  beforeAll(async () => {
    fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
    inventory = await scanFake(fake);
    find = finder(inventory);
  });
  afterAll(() => fake.close());

  it('reads the open search service with what its record says', () => {
    expect(find.asset(searchIds.open)).toMatchObject({
      type: 'azure.search.service',
      account: SUB_PROD,
      region: 'swedencentral',
      tags: { app: 'rag' },
      props: {
        skuName: 'basic',
        replicaCount: 1,
        publicNetworkAccess: 'Enabled',
        publicEndpoint: true,
        internetExposed: true,
        ipRules: [],
        networkBypass: 'None',
        privateEndpoints: 0,
        sharedPrivateLinks: [],
        localAuthDisabled: false,
        authMode: 'apiKeyOnly',
        cmkEnforcement: 'Unspecified',
        customerManagedKey: false,
        managedIdentity: false,
        semanticSearch: 'free',
        loggingEnabled: false,
        logCategories: [],
        sensitiveData: true,
      },
    });
  });

  it('reads the hardened twin: private, Entra ID only, CMK enforced, its identity, its logs', () => {
    expect(find.asset(searchIds.hardened).props).toMatchObject({
      replicaCount: 3,
      publicEndpoint: false,
      internetExposed: false,
      privateEndpoints: 1,
      localAuthDisabled: true,
      authMode: 'aadOnly',
      cmkEnforcement: 'Enabled',
      cmkComplianceStatus: 'Compliant',
      customerManagedKey: true,
      managedIdentity: true,
      dataExfiltrationProtections: ['BlockAll'],
      loggingEnabled: true,
      logCategories: ['allLogs'],
    });
    expect(inventory.edges.filter((edge) => edge.from === searchIds.hardened && edge.type === 'uses-identity').map((edge) => edge.to)).toEqual([
      `${searchIds.hardened}/providers/Microsoft.ManagedIdentity/identities/default`,
    ]);
  });

  it('reads IP rules, a pending private endpoint, a shared private link and CMK non-compliance', () => {
    expect(find.asset(searchIds.firewalled).props).toMatchObject({
      publicEndpoint: true,
      internetExposed: false,
      ipRules: ['203.0.113.0/24'],
      privateEndpoints: 0,
      sharedPrivateLinks: [ids.storageTraining],
      localAuthDisabled: false,
      authMode: 'aadOrApiKey',
      cmkComplianceStatus: 'NonCompliant',
      customerManagedKey: false,
    });
  });

  it('applies the spec defaults to a record that leaves every setting out', () => {
    expect(find.asset(searchIds.minimal)).toMatchObject({
      account: SUB_DEV,
      props: {
        skuName: 'free',
        replicaCount: 1,
        partitionCount: 1,
        // The SDK fills in its model's default for an absent value, the spec's default.
        publicNetworkAccess: 'enabled',
        publicEndpoint: true,
        internetExposed: true,
        networkBypass: null,
        localAuthDisabled: false,
        authMode: 'apiKeyOnly',
        cmkEnforcement: null,
        customerManagedKey: false,
        managedIdentity: false,
        semanticSearch: null,
        dataExfiltrationProtections: [],
      },
    });
  });

  it('links the Foundry connections of category CognitiveSearch to the services they retrieve from', () => {
    expect(find.into(searchIds.open, 'reads-data')).toEqual([foundryIds.projectConnection('proj-agents', 'rag-search-key')]);
    expect(find.into(searchIds.hardened, 'reads-data')).toEqual([foundryIds.accountConnection('search-entra')]);
    // The locked subscription's accounts (and so their connections) could not be listed.
    expect(find.asset(searchIds.open).unreadEdges).toEqual([{ edge: 'reads-data', direction: 'in' }]);
  });

  it('links project identities to the search services they can write: a data role where Entra ID works, the admin keys where keys work', () => {
    const identity = (project: string) => `${project}/providers/Microsoft.ManagedIdentity/identities/default`;
    const writes = (from: string) => inventory.edges.filter((edge) => edge.from === from && edge.type === 'writes-data').map((edge) => edge.to);
    // Search Service Contributor on the key-authenticated service: its admin keys write every index.
    expect(writes(identity(foundryIds.agents))).toEqual([searchIds.open]);
    // Search Index Data Contributor on the Entra-only service writes; on the key-only one it does not.
    expect(writes(identity(foundryIds.research))).toEqual([searchIds.hardened]);
  });

  it('reads the Defender for Cloud AI and CSPM plans of each subscription, and links AI accounts to their AI plan', () => {
    expect(find.asset(searchIds.pricing(SUB_PROD, 'AI'))).toMatchObject({ type: 'azure.security.pricing', account: SUB_PROD, region: 'global', name: 'AI', props: { plan: 'AI', pricingTier: 'Free', enabled: false, extensions: [] } });
    expect(find.asset(searchIds.pricing(SUB_PROD, 'CloudPosture')).props).toMatchObject({ plan: 'CloudPosture', enabled: true, resourcesCoverageStatus: 'FullyCovered', extensions: ['SensitiveDataDiscovery'] });
    expect(find.asset(searchIds.pricing(SUB_DEV, 'AI')).props).toMatchObject({ enabled: true, extensions: ['AIPromptEvidence'] });
    expect(inventory.assets.filter((asset) => asset.type === 'azure.security.pricing').map((asset) => asset.name).sort()).toEqual(['AI', 'AI', 'CloudPosture', 'CloudPosture']);
    expect(find.into(searchIds.pricing(SUB_PROD, 'AI'), 'monitored-by')).toEqual([ids.oaiExposed, ids.oaiFirewalled, ids.oaiHardened, foundryIds.account].sort());
    expect(find.into(searchIds.pricing(SUB_DEV, 'AI'), 'monitored-by')).toEqual([ids.devSpeech, ids.futureAi].sort());
  });

  it('reads the recovery settings of the vaults that hold the AI resources\' CMKs, and leaves other vaults out', () => {
    expect(find.asset('https://acme-kv.vault.azure.net/keys/openai-cmk').props).toEqual({ vaultId: vaultIds.open, softDelete: true, purgeProtection: false, softDeleteRetentionDays: 7 });
    expect(find.asset('https://acme-kv-prot.vault.azure.net/keys/foundry-prod-cmk').props).toMatchObject({ vaultId: vaultIds.protected, softDelete: true, purgeProtection: true });
    expect(inventory.assets.filter((asset) => JSON.stringify(asset).includes('kv-unrelated'))).toEqual([]);
    expect(fake.requests.filter((request) => /\/keys\b|\/secrets\b/i.test(request.path))).toEqual([]);
  });

  it('asks for api-version 2025-05-01 (Search) and 2024-01-01 (pricings), and never for keys', () => {
    const asked = fake.requests.filter((request) => /Microsoft\.(Search|Security)\//i.test(request.path));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((request) => /listAdminKeys|listQueryKeys/i.test(request.path))).toEqual([]);
  });
});

describe('Search and Defender listings that are denied', () => {
  const scanDenying = async (action: string) => {
    const fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: [...DENIALS, { action, subscriptionId: SUB_PROD }] });
    try {
      const inventory = await scanFake(fake);
      return { inventory, find: finder(inventory), coverage: (service: string) => inventory.coverage.find((entry) => entry.account === SUB_PROD && entry.service === service) };
    } finally {
      await fake.close();
    }
  };

  it('pricings: no plan and no monitored-by edge in that subscription, and a denied coverage entry', async () => {
    const { inventory, coverage } = await scanDenying('Microsoft.Security/pricings/read');
    expect(coverage('Microsoft.Security/pricings')).toMatchObject({ status: 'denied', message: expect.stringMatching(/^pricings\.list: AuthorizationFailed: .*Microsoft\.Security\/pricings\/read/) });
    expect(inventory.assets.filter((asset) => asset.type === 'azure.security.pricing' && asset.account === SUB_PROD)).toEqual([]);
    expect(inventory.edges.filter((edge) => edge.type === 'monitored-by' && edge.to.includes(SUB_PROD))).toEqual([]);
  });

  it('AI accounts: the AI plan records that its covered accounts are unknown', async () => {
    const { find } = await scanDenying('Microsoft.CognitiveServices/accounts/read');
    expect(find.asset(searchIds.pricing(SUB_PROD, 'AI')).unreadEdges).toEqual([{ edge: 'monitored-by', direction: 'in' }]);
  });

  it('key vaults: the keys keep unknown recovery settings, and a denied coverage entry', async () => {
    const { find, coverage } = await scanDenying('Microsoft.KeyVault/vaults/read');
    expect(coverage('Microsoft.KeyVault')).toMatchObject({ status: 'denied' });
    expect(find.asset('https://acme-kv.vault.azure.net/keys/openai-cmk').props).toEqual({});
  });

  it('role assignments: the project identities\' writes are unknown, not absent', async () => {
    const { inventory, find } = await scanDenying('Microsoft.Authorization/roleAssignments/read');
    const identity = `${foundryIds.research}/providers/Microsoft.ManagedIdentity/identities/default`;
    expect(inventory.edges.filter((edge) => edge.from === identity && edge.type === 'writes-data')).toEqual([]);
    expect(find.asset(identity).unreadEdges).toEqual([{ edge: 'writes-data', direction: 'out' }]);
  });

  it('search services: a denied coverage entry, and the connections stay without a search target', async () => {
    const { inventory, coverage } = await scanDenying('Microsoft.Search/searchServices/read');
    expect(coverage('Microsoft.Search')).toMatchObject({ status: 'denied' });
    expect(inventory.assets.filter((asset) => asset.type === 'azure.search.service' && asset.account === SUB_PROD)).toEqual([]);
    expect(inventory.edges.filter((edge) => edge.type === 'reads-data' && edge.from.includes('/connections/'))).toEqual([]);
  });
});

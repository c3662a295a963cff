import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectorContext } from '../../src/collect/collector.js';
import type { Inventory } from '../../src/graph/model.js';
import { scanFake } from '../collect/azure/harness.js';
import { FakeArm } from '../fakes/azure/arm-server.js';
import { child, DENIALS, fakeTenant, ids, SUB_PROD, TOKEN } from '../fakes/azure/estate.js';
import { AZURE_PROXY_TLS, azureDialect } from '../fakes/fault-dialects.js';
import { FaultProxy } from '../fakes/fault-proxy.js';
import { coverageOf, diffInventories, HANG_TIMEOUT_MS, NO_DIFFERENCE, outcomes, transientFaultTests } from './harness.js';

/**
 * The Azure collector in this process, its real SDK clients going over HTTPS through the fault proxy
 * (which serves the fake's test certificate) to the fake Resource Manager.
 */

let fake: FakeArm;
let proxy: FaultProxy;
let faultFree: Inventory;

const scan = (overrides: Partial<CollectorContext> = {}) => scanFake(fake, {}, overrides, { AISPM_AZURE_ENDPOINT: proxy.url, AISPM_AZURE_TOKEN: TOKEN });

beforeAll(async () => {
  fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
  proxy = await FaultProxy.start({ target: fake.url, dialect: azureDialect, tls: AZURE_PROXY_TLS });
  faultFree = await scan();
});

afterAll(async () => {
  await proxy.close();
  await fake.close();
});

describe('the Azure collector through transient faults', () => {
  transientFaultTests(() => ({ proxy, faultFree, scan: (timeoutMs) => scan(timeoutMs === undefined ? {} : { timeoutMs }) }), {
    hangOnce: /\/(subscriptions|accounts|deployments|workspaces|roleAssignments|storageAccounts|diagnosticSettings)$/,
    atLeast: 5,
  });
});

describe('the Azure collector when answers stay broken', () => {
  it('records a truncated page, a malformed page and a call that always hangs as coverage, and reads everything else', async () => {
    proxy.reset({
      truncated: { match: /\/accounts\/oai-exposed\/deployments$/ },
      malformed: { match: new RegExp(`^GET /subscriptions/${SUB_PROD}/providers/Microsoft.Authorization/roleAssignments$`) },
      hang: { match: /\/accounts\/oai-hardened\/providers\/Microsoft.Insights\/diagnosticSettings$/ },
    });
    const inventory = await scan({ timeoutMs: HANG_TIMEOUT_MS });
    expect(outcomes(proxy)).toMatchObject({ truncated: 1, malformed: 1, hang: expect.any(Number) });

    const diff = diffInventories(faultFree, inventory);
    const scopeStatus = (line: string) => line.slice(0, line.indexOf(':'));
    const services = ['Microsoft.Authorization', 'Microsoft.CognitiveServices', 'Microsoft.Insights/diagnosticSettings'];
    expect(diff.coverageBefore.map(scopeStatus)).toEqual(services.map((service) => `${SUB_PROD} global ${service} ok`));
    expect(diff.coverageAfter.map(scopeStatus)).toEqual(services.map((service) => `${SUB_PROD} global ${service} error`));
    expect(coverageOf(inventory, SUB_PROD, 'global', 'Microsoft.CognitiveServices')?.message).toMatch(/^deployments\.list: PARSE_ERROR: the answer is not valid JSON \(SyntaxError: [^)]*\)$/);
    expect(coverageOf(inventory, SUB_PROD, 'global', 'Microsoft.Authorization')?.message).toMatch(/^roleAssignments\.listForSubscription: PARSE_ERROR: the answer is not valid JSON/);
    expect(coverageOf(inventory, SUB_PROD, 'global', 'Microsoft.Insights/diagnosticSettings')?.message).toMatch(/^diagnosticSettings\.list: no answer in time/);

    // Missing: the deployments on the broken page, and a storage account only a role assignment led to.
    const typeOf = (id: string) => faultFree.assets.find((asset) => asset.id === id)!.type;
    const deployments = faultFree.assets.filter((asset) => asset.id.startsWith(`${ids.oaiExposed}/deployments/`)).map((asset) => asset.id);
    expect(deployments.length).toBeGreaterThan(0);
    expect(diff.missing.filter((id) => !deployments.includes(id)).map(typeOf)).toEqual(['azure.storage.account']);
    expect(diff.missing).toEqual(expect.arrayContaining(deployments));
    // Changed: the account whose logging is unknown now, and identities whose roles could not all be read.
    expect(inventory.assets.find((asset) => asset.id === ids.oaiHardened)?.props.loggingEnabled).toBeUndefined();
    expect(new Set(diff.changed.map(typeOf))).toEqual(new Set(['azure.cognitiveservices.account', 'azure.managedidentity.identity']));
    expect([...diff.added, ...diff.edgesAdded]).toEqual([]);
  });
});

describe('the Azure collector and odd data', () => {
  it('reads a page of 2500 deployments in one answer', async () => {
    const tenant = fakeTenant();
    const bulk = Array.from({ length: 2500 }, (_, index) => ({
      id: child.deployment(ids.oaiHardened, `bulk-${index}`),
      name: `bulk-${index}`,
      type: 'Microsoft.CognitiveServices/accounts/deployments',
      sku: { name: 'Standard', capacity: 1 },
      properties: { model: { format: 'OpenAI', name: 'gpt-4o-mini', version: '2024-07-18' }, raiPolicyName: 'strict' },
    }));
    tenant.add(...bulk);
    const large = await FakeArm.start(tenant, { token: TOKEN, deny: DENIALS, pageSize: 5000 });
    try {
      const inventory = await scanFake(large);
      expect(large.requests.filter((request) => request.path.endsWith('/oai-hardened/deployments'))).toHaveLength(1);
      const diff = diffInventories(faultFree, inventory);
      expect(diff.added.sort()).toEqual(bulk.map((record) => record.id).sort());
      const strict = child.raiPolicy(ids.oaiHardened, 'strict');
      expect(inventory.edges.filter((edge) => edge.type === 'guarded-by' && edge.to === strict && edge.from.includes('/deployments/bulk-'))).toHaveLength(2500);
      expect({ ...diff, added: [], edgesAdded: [] }).toEqual(NO_DIFFERENCE);
    } finally {
      await large.close();
    }
  });
});

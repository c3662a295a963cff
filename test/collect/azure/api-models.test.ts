import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import { AZURE_ASSET_TYPES } from '../../../src/graph/catalog/azure.js';
import { propertyDoc } from '../../../src/graph/catalog/spec.js';
import { ApiSchemas } from '../../fakes/azure/api-schemas/schema-check.js';
import { FAKE_ARM_CERT, FakeArm, FakeTenant, requestedType } from '../../fakes/azure/arm-server.js';
import { DENIALS, fakeTenant, SUB_PROD, TOKEN } from '../../fakes/azure/estate.js';
import { scanFake } from './harness.js';

/**
 * The fake Resource Manager answers only as the REST API models say for the api-version asked
 * (test/fakes/azure/api-schemas): the checker itself, and a whole scan held to it.
 */

const schemas = ApiSchemas.load();
const ACCOUNTS = 'Microsoft.CognitiveServices/accounts';
const SETTINGS = 'Microsoft.Insights/diagnosticSettings';
const account = (properties: Record<string, unknown>) => ({ id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a', name: 'a', type: ACCOUNTS, kind: 'OpenAI', location: 'eastus', properties });

describe('the REST API model checker', () => {
  it('accepts an answer the model has, with the resource type in any case and nulls for absent values', () => {
    const valid = { ...account({ publicNetworkAccess: 'Disabled', disableLocalAuth: true, networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '203.0.113.0/24' }] }, customSubDomainName: null }), type: 'microsoft.cognitiveservices/ACCOUNTS' };
    expect(schemas.check(ACCOUNTS, '2025-09-01', valid)).toEqual([]);
  });

  it('rejects an invented property, an invented enum value and a wrong type, naming where', () => {
    expect(schemas.check(ACCOUNTS, '2025-09-01', account({ publicNetworkAccess: 'Enabled', allowEverything: true }))).toEqual([expect.stringMatching(/^\$\.properties\.allowEverything: not in the model of AccountProperties/)]);
    expect(schemas.check(ACCOUNTS, '2025-09-01', account({ publicNetworkAccess: 'Sometimes' }))).toEqual([expect.stringMatching(/^\$\.properties\.publicNetworkAccess: "Sometimes" is not a value of this extensible enum .*\(Enabled, Disabled\)/)]);
    expect(schemas.check(ACCOUNTS, '2025-09-01', account({ disableLocalAuth: 'true' }))).toEqual(['$.properties.disableLocalAuth: expected a boolean, got string "true"']);
    expect(schemas.check(ACCOUNTS, '2025-09-01', account({ networkAcls: { ipRules: 'all' } }))).toEqual(['$.properties.networkAcls.ipRules: expected an array, got string "all"']);
  });

  it('accepts a value outside an extensible enum only for a record marked newer than the model, and never one outside a closed enum', () => {
    const newer = account({ publicNetworkAccess: 'SecuredByPerimeterV2' });
    expect(schemas.check(ACCOUNTS, '2025-09-01', newer, { newerValues: true })).toEqual([]);
    const container = { id: 'x', name: 'c', type: 'Microsoft.Storage/storageAccounts/blobServices/containers', properties: { publicAccess: 'Everyone' } };
    expect(schemas.check('Microsoft.Storage/storageAccounts/blobServices/containers', '2025-08-01', container, { newerValues: true })).toEqual([expect.stringMatching(/^\$\.properties\.publicAccess: "Everyone" is not a value of this enum/)]);
  });

  it('rejects write-only properties: secrets are never in an answer', () => {
    const datastore = { id: 'x', name: 'd', type: 'Microsoft.MachineLearningServices/workspaces/datastores', properties: { datastoreType: 'AzureBlob', accountName: 'st', credentials: { credentialsType: 'AccountKey', secrets: { secretsType: 'AccountKey', key: 'c2VjcmV0' } } } };
    expect(schemas.check('Microsoft.MachineLearningServices/workspaces/datastores', '2026-05-01', datastore).join('\n')).toMatch(/\$\.properties\.credentials\.secrets(\.key)?: write-only in the model/);
  });

  it('knows what each api-version has: category groups and marketplace partners only from 2021-05-01-preview, the ML IP allow-list only in the preview', () => {
    const setting = { id: 'x', name: 'all', type: SETTINGS, properties: { workspaceId: 'w', marketplacePartnerId: 'm', logs: [{ categoryGroup: 'allLogs', enabled: true }] } };
    expect(schemas.check(SETTINGS, '2021-05-01-preview', setting)).toEqual([]);
    expect(schemas.check(SETTINGS, '2017-05-01-preview', setting)).toEqual([
      expect.stringMatching(/^\$\.properties\.marketplacePartnerId: not in the model/),
      expect.stringMatching(/^\$\.properties\.logs\[0\]\.categoryGroup: not in the model/),
    ]);
    expect(schemas.project(SETTINGS, '2017-05-01-preview', setting)).toEqual({ id: 'x', name: 'all', type: SETTINGS, properties: { workspaceId: 'w', logs: [{ enabled: true }] } });
    const workspace = { id: 'w', name: 'w', type: 'Microsoft.MachineLearningServices/workspaces', properties: { publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '198.51.100.7' }] } } };
    expect(schemas.check('Microsoft.MachineLearningServices/workspaces', '2026-05-15-preview', workspace)).toEqual([]);
    expect(schemas.check('Microsoft.MachineLearningServices/workspaces', '2026-05-01', workspace)).toEqual([expect.stringMatching(/^\$\.properties\.networkAcls: not in the model/)]);
  });

  it('names the resource type of a request path and whether it lists', () => {
    expect(requestedType('/subscriptions')).toEqual({ type: 'Microsoft.Resources/subscriptions', list: true });
    expect(requestedType(`/subscriptions/${SUB_PROD}/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/s/blobServices/default/containers`)).toEqual({ type: 'Microsoft.Storage/storageAccounts/blobServices/containers', list: true });
    expect(requestedType(`/subscriptions/${SUB_PROD}/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a/providers/Microsoft.Insights/diagnosticSettings`)).toEqual({ type: SETTINGS, list: true });
    expect(requestedType(`/subscriptions/${SUB_PROD}/providers/Microsoft.Authorization/roleDefinitions/r`)).toEqual({ type: 'Microsoft.Authorization/roleDefinitions', list: false });
  });

  it('gives every model its source', () => {
    for (const [type, versions] of [[ACCOUNTS, ['2025-09-01']], [SETTINGS, ['2017-05-01-preview', '2021-05-01-preview']]] as const) {
      expect(schemas.versions(type)).toEqual(versions);
      for (const version of versions) expect(schemas.sourceOf(type, version)).toMatch(/^Azure\/(bicep-types-az|azure-rest-api-specs)@[0-9a-f]{40}: /);
    }
  });
});

describe('the Azure catalog', () => {
  it('says for every property of every Azure type which API field it comes from and what an absent field means', () => {
    const missing: string[] = [];
    for (const spec of AZURE_ASSET_TYPES) {
      for (const [name, schema] of Object.entries(spec.props.shape)) {
        const source = propertyDoc(schema as never).source;
        if (!source?.from || !source.absent) missing.push(`${spec.type} ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the fake Resource Manager held to the models', () => {
  it('answers a whole fault-free scan without one violation', async () => {
    const fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
    try {
      await scanFake(fake);
      expect(fake.requests.filter((entry) => entry.status === 200).length).toBeGreaterThan(50);
      expect(fake.violations).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('answers diagnostic settings at 2017-05-01-preview without the category groups they were written with', async () => {
    const resource = `/subscriptions/${SUB_PROD}/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a`;
    const tenant = new FakeTenant().add({ id: `${resource}/providers/Microsoft.Insights/diagnosticSettings/audit`, name: 'audit', type: SETTINGS, properties: { workspaceId: 'w', logs: [{ categoryGroup: 'audit', enabled: true }] } });
    const fake = await FakeArm.start(tenant, { token: TOKEN });
    try {
      const path = `${resource}/providers/Microsoft.Insights/diagnosticSettings`;
      expect((await get(fake, `${path}?api-version=2017-05-01-preview`)).body).toEqual({ value: [{ id: `${path}/audit`, name: 'audit', type: SETTINGS, properties: { workspaceId: 'w', logs: [{ enabled: true }] } }] });
      expect((await get(fake, `${path}?api-version=2021-05-01-preview`)).body).toMatchObject({ value: [{ properties: { logs: [{ categoryGroup: 'audit', enabled: true }] } }] });
    } finally {
      await fake.close();
    }
  });

  it('fails loudly on a request at an api-version it has no model for', async () => {
    const fake = await FakeArm.start(fakeTenant(), { token: TOKEN });
    const answer = await get(fake, `/subscriptions/${SUB_PROD}/providers/Microsoft.CognitiveServices/accounts?api-version=2017-04-18`);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'InvalidApiVersionParameter' } } });
    expect(fake.violations).toEqual([expect.stringMatching(/no model of Microsoft\.CognitiveServices\/accounts at this api-version .*\(have: 2025-09-01\)/)]);
    await expect(fake.close()).rejects.toThrow(/answered outside the REST API models 1 time/);
  });

  it('fails loudly on a record the model does not have', async () => {
    const tenant = new FakeTenant().add(account({ publicNetworkAccess: 'Enabled', inventedField: 1 }));
    const fake = await FakeArm.start(tenant, { token: TOKEN });
    await get(fake, '/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a?api-version=2025-09-01');
    await expect(fake.close()).rejects.toThrow(/\$\.properties\.inventedField: not in the model of AccountProperties/);
  });
});

/** One GET to the fake, as a client would send it. */
function get(fake: FakeArm, path: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(`${fake.url}${path}`, { ca: FAKE_ARM_CERT, headers: { authorization: `Bearer ${TOKEN}` } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    req.on('error', reject);
    req.end();
  });
}

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAzureError } from '../../../src/collect/azure/connection.js';
import { armTarget } from '../../../src/collect/azure/credentials.js';
import { createAzureCollector } from '../../../src/collect/azure/index.js';
import { NoCredentialsError } from '../../../src/collect/collector.js';
import { assetTypeSpec } from '../../../src/graph/catalog/index.js';
import { isEdgeType } from '../../../src/graph/edge-types.js';
import type { Asset, Inventory } from '../../../src/graph/model.js';
import { silentLogger } from '../../../src/log.js';
import { ROOT, tempDir } from '../../helpers.js';
import { FakeArm } from '../../fakes/azure/arm-server.js';
import { child, DENIALS, fakeTenant, ids, SUB_DEV, SUB_DISABLED, SUB_LOCKED, SUB_PROD, TOKEN } from '../../fakes/azure/estate.js';
import { canonical, collectorContext, fakeEnv, scanFake } from './harness.js';

/** The real Azure collector and SDK clients, over HTTPS, against the fake Resource Manager. */

describe('Azure collector against a fake Resource Manager', () => {
  let fake: FakeArm;
  let inventory: Inventory;
  const asset = (id: string): Asset => {
    const found = inventory.assets.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
    if (!found) throw new Error(`no asset ${id}`);
    return found;
  };
  const edges = (from: string, type: string) => inventory.edges.filter((edge) => edge.from.toLowerCase() === from.toLowerCase() && edge.type === type).map((edge) => edge.to);
  const coverage = (account: string, service: string) => inventory.coverage.find((entry) => entry.account === account && entry.service === service)?.status;

  beforeAll(async () => {
    fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
    inventory = await scanFake(fake);
  });
  afterAll(() => fake.close());

  it('gives every asset a catalog type and props of the catalog shape, and every edge a known type and two ends', () => {
    const problems: string[] = [];
    for (const item of inventory.assets) {
      const spec = assetTypeSpec(item.type);
      const parsed = spec?.props.safeParse(item.props);
      if (!parsed?.success) problems.push(`${item.id}: ${item.type}: ${parsed?.error.message ?? 'unknown type'}`);
      if (item.provider !== 'azure' || !item.account || !item.region) problems.push(`${item.id}: provider/account/region`);
    }
    const known = new Set(inventory.assets.map((item) => item.id));
    for (const edge of inventory.edges) {
      if (!isEdgeType(edge.type) || !known.has(edge.from) || !known.has(edge.to)) problems.push(`edge ${edge.from} ${edge.type} ${edge.to}`);
    }
    expect(problems).toEqual([]);
    expect(inventory.sources).toEqual(['azure']);
  });

  it('reads the exposed account and its hardened twin', () => {
    expect(asset(ids.oaiExposed)).toMatchObject({
      account: SUB_PROD,
      region: 'eastus',
      tags: { env: 'prod', app: 'marketing-copilot' },
      props: {
        kind: 'OpenAI',
        internetExposed: true,
        publicNetworkAccess: 'Enabled',
        networkDefaultAction: null,
        localAuthDisabled: false,
        customerManagedKey: false,
        managedIdentity: false,
        outboundRestricted: false,
        loggingEnabled: false,
        logCategories: [],
        customSubdomain: 'oai-exposed',
      },
    });
    expect(asset(ids.oaiHardened).props).toMatchObject({
      internetExposed: false,
      publicNetworkAccess: 'Disabled',
      networkDefaultAction: 'Deny',
      virtualNetworkRules: 1,
      privateEndpoints: 1,
      localAuthDisabled: true,
      customerManagedKey: true,
      managedIdentity: true,
      outboundRestricted: true,
      allowedFqdns: ['acme-search.search.windows.net'],
      loggingEnabled: true,
      // To a Log Analytics workspace and (Trace) an event hub.
      logCategories: ['Audit', 'RequestResponse', 'Trace'],
    });
    expect(edges(ids.oaiHardened, 'encrypted-by')).toEqual(['https://acme-kv.vault.azure.net/keys/openai-cmk']);
    expect(asset('https://acme-kv.vault.azure.net/keys/openai-cmk')).toMatchObject({ type: 'azure.keyvault.key', region: 'swedencentral', props: {} });
    expect(edges(ids.oaiHardened, 'uses-identity')).toEqual([child.systemIdentity(ids.oaiHardened)]);
    // Public endpoint restricted to an IP range, and no private endpoint.
    expect(asset(ids.oaiFirewalled).props).toMatchObject({ kind: 'AIServices', internetExposed: false, publicNetworkAccess: 'Enabled', networkDefaultAction: 'Deny', ipRules: ['203.0.113.0/24'], privateEndpoints: 0, logCategories: ['audit'] });
  });

  it('reads diagnostic settings with their category groups, to every kind of destination', () => {
    // Category groups exist from api-version 2021-05-01-preview; at 2017-05-01-preview these settings read as delivering nothing.
    expect(asset(ids.oaiFirewalled).props).toMatchObject({ loggingEnabled: true, logCategories: ['audit'] });
    expect(asset(ids.wsLocked).props).toMatchObject({ loggingEnabled: true, logCategories: ['allLogs'] }); // to a storage account
    expect(asset(child.endpoint(ids.project, 'ep-private')).props.logCategories).toEqual(['allLogs']); // to a marketplace partner
    expect(asset(ids.oaiHardened).props.logCategories).toContain('Trace'); // to an event hub
    // Metrics reach a destination, logs do not.
    expect(asset(ids.hub).props).toMatchObject({ loggingEnabled: false, logCategories: [] });
  });

  it('reads deployments with the content filter in force, the default filters included, and retired model versions', () => {
    const deployment = (account: string, name: string) => asset(child.deployment(account, name));
    expect(deployment(ids.oaiExposed, 'chat-unfiltered').props).toMatchObject({ modelId: 'gpt-4o', modelVersion: '2024-11-20', skuName: 'GlobalStandard', outdated: false, generatesText: true });
    // No content filter named: the account default applies, and Azure does not say which, so it stays unknown.
    expect(deployment(ids.oaiExposed, 'chat-unfiltered').props.raiPolicyName).toBeUndefined();
    // Abuse limits: capacity and the rate limits Azure derives from it (read-only rateLimits).
    expect(deployment(ids.oaiExposed, 'chat-unfiltered').props).toMatchObject({ capacity: 10, requestsPerMinute: 60, tokensPerMinute: 10000, dynamicQuota: null });
    expect(edges(child.deployment(ids.oaiExposed, 'chat-unfiltered'), 'guarded-by')).toEqual([]);
    expect(deployment(ids.oaiExposed, 'embed-legacy').props).toMatchObject({ raiPolicyName: 'Microsoft.Default', generatesText: false });
    expect(deployment(ids.oaiExposed, 'legacy-35').props).toMatchObject({
      modelId: 'gpt-35-turbo',
      modelVersion: '0613',
      versionUpgradeOption: 'NoAutoUpgrade',
      lifecycleStatus: 'Deprecated',
      retirementDate: '2025-02-13T00:00:00Z',
      outdated: true,
    });
    expect(edges(child.deployment(ids.oaiExposed, 'legacy-35'), 'guarded-by')).toEqual([child.raiPolicy(ids.oaiExposed, 'Microsoft.Default')]);
    expect(edges(child.deployment(ids.oaiExposed, 'legacy-35'), 'part-of')).toEqual([ids.oaiExposed]);
    expect(asset(child.raiPolicy(ids.oaiExposed, 'relaxed')).props).toMatchObject({
      mode: 'Asynchronous_filter',
      policyType: 'UserManaged',
      jailbreakFilter: false,
      indirectAttackFilter: false,
      harmFiltersBlocking: ['hate', 'sexual'],
      harmThresholds: { 'prompt.hate': 'High', 'completion.selfharm': 'High' },
    });
    expect(asset(child.raiPolicy(ids.oaiExposed, 'Microsoft.Default')).props).toMatchObject({ policyType: 'SystemManaged', jailbreakFilter: false, harmFiltersBlocking: ['hate', 'sexual', 'violence', 'selfharm'] });
    expect(asset(child.raiPolicy(ids.oaiHardened, 'strict')).props).toMatchObject({ mode: 'Blocking', jailbreakFilter: true, indirectAttackFilter: true, completionHarmFiltersBlocking: ['hate', 'sexual', 'violence', 'selfharm'] });
    // Microsoft.DefaultV2 is not in oai-hardened's list: it is read by name, so the deployment still gets its edge.
    expect(edges(child.deployment(ids.oaiHardened, 'embeddings'), 'guarded-by')).toEqual([child.raiPolicy(ids.oaiHardened, 'Microsoft.DefaultV2')]);
    expect(asset(child.raiPolicy(ids.oaiHardened, 'Microsoft.DefaultV2')).props).toMatchObject({ jailbreakFilter: true });
    expect(fake.requests.some((request) => request.path.endsWith('/oai-hardened/raiPolicies/Microsoft.DefaultV2') && request.status === 200)).toBe(true);
  });

  it('reads the Foundry hub, its open project, their computes, online endpoints and datastores', () => {
    expect(asset(ids.hub).props).toMatchObject({ kind: 'Hub', internetExposed: true, publicNetworkAccess: 'Enabled', isolationMode: 'Disabled', customerManagedKey: false, highBusinessImpact: true, loggingEnabled: false, privateEndpoints: 0 });
    expect(asset(ids.project).props).toMatchObject({ kind: 'Project', internetExposed: true });
    expect(edges(ids.project, 'part-of')).toEqual([ids.hub]);
    expect(edges(ids.hub, 'artifacts-in')).toEqual([ids.storageHub]);
    expect(asset(ids.wsLocked).props).toMatchObject({ kind: 'Default', internetExposed: false, isolationMode: 'AllowOnlyApprovedOutbound', customerManagedKey: true, highBusinessImpact: true, privateEndpoints: 1, loggingEnabled: true, logCategories: ['allLogs'] });
    expect(edges(ids.wsLocked, 'encrypted-by')).toEqual(['https://acme-kv.vault.azure.net/keys/ml-cmk']);
    // Outbound: only approved destinations from its managed network; the open hub has none, so its projects' egress is up to their own network.
    expect(asset(ids.wsLocked).props.internetEgress).toBe(false);
    expect(asset(ids.hub).props.internetEgress).toBeUndefined();

    expect(asset(child.compute(ids.project, 'ci-exposed')).props).toMatchObject({ computeType: 'ComputeInstance', publicIp: true, internetExposed: true, internetEgress: true, sshEnabled: true, idleShutdownMinutes: null, latestOsImage: false, subnetId: null, managedIdentity: true });
    expect(asset(child.compute(ids.project, 'ci-private')).props).toMatchObject({ publicIp: false, internetExposed: false, sshEnabled: false, idleShutdownMinutes: 30, latestOsImage: true, localAuthDisabled: true });
    // In its own subnet without a public IP and without a managed network: its way out is the customer's network, unknown here.
    expect(asset(child.compute(ids.project, 'ci-private')).props.internetEgress).toBeUndefined();
    expect(asset(child.compute(ids.project, 'cluster-private')).props).toMatchObject({ computeType: 'AmlCompute', publicIp: false, sshEnabled: false, idleShutdownMinutes: 15 });
    expect(edges(child.compute(ids.project, 'ci-exposed'), 'uses-identity')).toEqual([ids.uamiCompute]);

    expect(asset(child.endpoint(ids.project, 'ep-public')).props).toMatchObject({ authMode: 'Key', publicNetworkAccess: 'Enabled', internetExposed: true, loggingEnabled: false, logCategories: [] });
    // Logged through its deployment: Application Insights and the model data collector.
    expect(asset(child.endpoint(ids.project, 'ep-private')).props).toMatchObject({ authMode: 'AADToken', internetExposed: false, loggingEnabled: true, logCategories: ['allLogs'] });
    // The deployments' configuration goes into raw, where redaction finds secrets before the graph.
    expect(JSON.stringify(asset(child.endpoint(ids.project, 'ep-public')).raw)).toContain('OPENAI_API_KEY');

    expect(asset(child.datastore(ids.project, 'training_blob')).props).toEqual({ datastoreType: 'AzureBlob', credentialType: 'AccountKey', sensitiveData: true });
    expect(edges(child.datastore(ids.project, 'training_blob'), 'reads-data')).toEqual([ids.storageTraining]);
    // Datastores name their account in any case.
    expect(edges(child.datastore(ids.project, 'curated'), 'reads-data')).toEqual([ids.storageCurated]);
  });

  it('reads a workspace open from selected IP addresses only as not exposed, and a compute that does not say whether it has a public IP as unknown', () => {
    expect(asset(ids.wsAllowlisted).props).toMatchObject({ internetExposed: false, publicNetworkAccess: 'Enabled', networkDefaultAction: 'Deny', ipRules: ['198.51.100.0/24'], internetEgress: false });
    expect(asset(ids.hub).props).toMatchObject({ internetExposed: true, networkDefaultAction: null, ipRules: [] });
    // Read at a preview api-version: GA versions (up to 2026-05-01) leave networkAcls out.
    expect(fake.requests.some((entry) => entry.path.endsWith('/providers/Microsoft.MachineLearningServices/workspaces') && entry.status === 200)).toBe(true);
    const unstated = asset(child.compute(ids.wsAllowlisted, 'ci-unstated')).props;
    expect(unstated.publicIp).toBeUndefined();
    // SSH is off, so nothing on it is open to the internet whether or not it has a public IP; its workspace's managed network allows only approved outbound.
    expect(unstated).toMatchObject({ sshEnabled: false, internetExposed: false, internetEgress: false });
  });

  it('follows identities to their role assignments: admin over a resource group, blob data roles to storage', () => {
    expect(asset(ids.uamiCompute)).toMatchObject({ region: 'westeurope', tags: { purpose: 'ml-compute' }, props: { identityType: 'UserAssigned', admin: true } });
    expect(edges(ids.uamiCompute, 'writes-data')).toEqual([ids.storageTraining]);
    expect(edges(ids.uamiReader, 'reads-data')).toEqual([ids.storageCurated]);
    expect(edges(ids.uamiReader, 'writes-data')).toEqual([]);
    // Subscription "locked" hides its role assignments: no identity can be called "not admin".
    expect(asset(ids.uamiReader).props.admin).toBeUndefined();
    expect(edges(child.systemIdentity(ids.hub), 'writes-data')).toEqual([ids.storageHub]);

    expect(asset(ids.storageTraining).props).toMatchObject({ sensitiveData: true, internetExposed: true, allowBlobPublicAccess: true, publicContainers: [], publicRead: false, publicWrite: false, sharedKeyAccess: true, customerManagedKey: false });
    expect(asset(ids.storageHub).props).toMatchObject({ sensitiveData: true, allowBlobPublicAccess: true, publicContainers: ['public-samples'], publicRead: true });
    expect(asset(ids.storageCurated).props).toMatchObject({ internetExposed: false, customerManagedKey: true, sharedKeyAccess: false, publicRead: false });
    expect(edges(ids.storageCurated, 'encrypted-by')).toEqual(['https://acme-kv.vault.azure.net/keys/storage-cmk']);
    // An account that predates the November 2023 default and never set allowBlobPublicAccess: the
    // setting stays unknown, and its containers say what is public.
    expect(asset(ids.storageLegacy).props).toMatchObject({ sensitiveData: true, publicContainers: ['exports'], publicRead: true });
    expect(asset(ids.storageLegacy).props.allowBlobPublicAccess).toBeUndefined();
    // Reached only through a data role over its resource group: in the graph, its content unknown.
    expect(asset(ids.storageUnrelated).props.sensitiveData).toBeUndefined();
    expect(inventory.assets.some((item) => item.id === ids.uamiUnused)).toBe(false);
  });

  it('turns a denied service, an unreadable subscription and a disabled one into coverage, and reads the rest', () => {
    expect(coverage('tenant', 'Microsoft.Resources/subscriptions')).toBe('ok');
    expect(coverage(SUB_DEV, 'Microsoft.MachineLearningServices')).toBe('denied');
    expect(coverage(SUB_DEV, 'Microsoft.CognitiveServices')).toBe('ok');
    expect(asset(ids.futureAi).account).toBe(SUB_DEV);
    for (const service of ['Microsoft.CognitiveServices', 'Microsoft.MachineLearningServices', 'Microsoft.Authorization', 'Microsoft.Storage']) {
      expect(coverage(SUB_LOCKED, service), service).toBe('denied');
    }
    expect(inventory.coverage.find((entry) => entry.account === SUB_LOCKED)?.message).toMatch(/AuthorizationFailed: .*does not have authorization/);
    expect(coverage(SUB_DISABLED, 'Microsoft.Resources/subscriptions')).toBe('skipped');
    expect(fake.requests.some((request) => request.subscriptionId === SUB_DISABLED && request.path !== '/subscriptions')).toBe(false);
    for (const service of ['Microsoft.CognitiveServices', 'Microsoft.MachineLearningServices', 'Microsoft.Insights/diagnosticSettings', 'Microsoft.Authorization', 'Microsoft.ManagedIdentity', 'Microsoft.Storage']) {
      expect(coverage(SUB_PROD, service), service).toBe('ok');
    }
  });

  it('keeps values newer than the collector unknown, and fills absent optional fields with the API defaults', () => {
    expect(asset(ids.futureAi).props).toMatchObject({ kind: 'FutureKind', publicNetworkAccess: 'SomethingNew', networkDefaultAction: 'Quarantine', managedIdentity: true });
    expect(asset(ids.futureAi).props.internetExposed).toBeUndefined();
    expect(asset(ids.futureAi).props.customerManagedKey).toBeUndefined();
    expect(edges(ids.futureAi, 'uses-identity').sort()).toEqual([child.systemIdentity(ids.futureAi), ids.uamiDev].sort());
    expect(asset(child.raiPolicy(ids.futureAi, 'odd')).props).toMatchObject({ mode: 'Telepathic', jailbreakFilter: false, harmFiltersBlocking: [] });
    const mystery = asset(child.deployment(ids.futureAi, 'mystery')).props;
    expect(mystery).toMatchObject({ modelId: 'phi-9', modelVersion: null, skuName: null, generatesText: null });
    expect(mystery.outdated).toBeUndefined();
    expect(asset(child.deployment(ids.futureAi, 'no-model')).props).toMatchObject({ modelId: null });
    expect(asset(child.deployment(ids.futureAi, 'no-model')).props.raiPolicyName).toBeUndefined();
    expect(asset(ids.devSpeech).props).toMatchObject({ kind: 'SpeechServices', publicNetworkAccess: null, internetExposed: true, localAuthDisabled: false, privateEndpoints: 0 });
    const quantum = asset(child.compute(ids.project, 'quantum-01')).props;
    expect(quantum.computeType).toBe('QuantumAccelerator');
    expect(quantum.publicIp).toBeUndefined();
    expect(quantum.sshEnabled).toBeUndefined();
  });

  it('logs every failed call at debug level (--debug), the subscription listing included', async () => {
    const lines: string[] = [];
    const log = { ...silentLogger, debug: (message: string) => lines.push(message) };
    const own = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
    const logged = await scanFake(own, {}, { log }).finally(() => own.close());
    const failed = logged.coverage.filter((entry) => entry.status === 'denied' || entry.status === 'error');
    expect(failed.length).toBeGreaterThan(3);
    for (const entry of failed) {
      const operation = entry.message!.slice(0, entry.message!.indexOf(':'));
      expect(lines.some((line) => line.startsWith(`azure ${entry.account}/global ${operation}: ${entry.status}: `)), `${entry.account} ${operation}`).toBe(true);
    }
    const refused = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: [{ action: 'Microsoft.Resources/subscriptions/read' }] });
    try {
      lines.length = 0;
      await scanFake(refused, {}, { log });
      expect(lines).toEqual([expect.stringMatching(/^azure tenant\/global subscriptions\.list: denied: AuthorizationFailed: /)]);
    } finally {
      await refused.close();
    }
  });

  it('follows nextLink across pages', () => {
    const paged = fake.requests.filter((request) => request.status === 200 && request.path.endsWith('/oai-exposed/deployments'));
    expect(paged.length).toBe(2);
    expect(inventory.assets.filter((item) => item.type === 'azure.cognitiveservices.deployment' && item.id.startsWith(ids.oaiExposed))).toHaveLength(4);
    // Role assignments of the production subscription span six pages.
    expect(fake.requests.filter((request) => request.status === 200 && request.path === `/subscriptions/${SUB_PROD}/providers/Microsoft.Authorization/roleAssignments`).length).toBe(6);
  });

  it('calls only GETs that docs/permissions/azure-role.json grants, and the document grants nothing else', () => {
    const role = JSON.parse(readFileSync(join(ROOT, 'docs', 'permissions', 'azure-role.json'), 'utf8')) as { Actions: string[]; DataActions: string[]; NotActions: string[]; AssignableScopes: string[] };
    const granted = role.Actions.map((action) => action.toLowerCase());
    expect(role.DataActions).toEqual([]);
    expect(role.Actions.every((action) => action.endsWith('/read'))).toBe(true);
    expect(new Set(fake.requests.map((request) => request.method))).toEqual(new Set(['GET']));
    const used = [...new Set(fake.requests.map((request) => request.action.toLowerCase()))].sort();
    expect(used.filter((action) => !granted.includes(action))).toEqual([]);
    expect(granted.filter((action) => !used.includes(action))).toEqual([]);
  });
});

describe('Azure collector under throttling, timeouts and scoping', () => {
  it('rides out a burst of 429s with Retry-After, and finds exactly what an unthrottled scan finds', async () => {
    const calm = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
    const throttled = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS, throttleFirst: 2 });
    try {
      const [expected, actual] = await Promise.all([scanFake(calm), scanFake(throttled)]);
      expect(throttled.requests.filter((request) => request.status === 429).length).toBeGreaterThan(100);
      expect(canonical(actual)).toEqual(canonical(expected));
    } finally {
      await Promise.all([calm.close(), throttled.close()]);
    }
  });

  it('keeps at most --concurrency requests in flight', async () => {
    const inFlight = async (concurrency: number) => {
      const fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS, holdMs: 5 });
      try {
        await scanFake(fake, { azureSubscriptions: [SUB_PROD] }, { concurrency });
        return fake.maxInFlight;
      } finally {
        await fake.close();
      }
    };
    const [two, eight] = await Promise.all([inFlight(2), inFlight(8)]);
    expect(two).toBe(2);
    expect(eight).toBeGreaterThan(2);
    expect(eight).toBeLessThanOrEqual(8);
  });

  it('ends a request that never answers at the per-request timeout, records it, and reads the rest', async () => {
    const fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS, hang: /\/oai-exposed\/providers\/microsoft\.insights\/diagnosticSettings$/i });
    try {
      const inventory = await scanFake(fake, { azureSubscriptions: [SUB_PROD] }, { timeoutMs: 200 });
      const diagnostics = inventory.coverage.find((entry) => entry.account === SUB_PROD && entry.service === 'Microsoft.Insights/diagnosticSettings');
      expect(diagnostics).toMatchObject({ status: 'error', message: expect.stringMatching(/^diagnosticSettings\.list: no answer in time/) });
      const exposed = inventory.assets.find((item) => item.id === ids.oaiExposed)!;
      expect(exposed.props.loggingEnabled).toBeUndefined();
      expect(exposed.props.localAuthDisabled).toBe(false);
      expect(inventory.assets.find((item) => item.id === ids.oaiHardened)?.props.loggingEnabled).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it("keeps an online endpoint's logging unknown when its diagnostic settings cannot be read, unless a deployment already logs", async () => {
    const fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: [...DENIALS, { action: 'Microsoft.Insights/diagnosticSettings/read' }] });
    try {
      const inventory = await scanFake(fake, { azureSubscriptions: [SUB_PROD] });
      const props = (id: string) => inventory.assets.find((item) => item.id === id)!.props;
      expect(props(child.endpoint(ids.project, 'ep-public')).loggingEnabled).toBeUndefined();
      expect(props(child.endpoint(ids.project, 'ep-public')).logCategories).toBeUndefined();
      expect(props(child.endpoint(ids.project, 'ep-private')).loggingEnabled).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it('scans only the named subscriptions, and reports a named one the credential cannot see', async () => {
    const fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
    try {
      const unseen = '55555555-5555-4555-8555-555555555555';
      const inventory = await scanFake(fake, { azureSubscriptions: [SUB_PROD, unseen] });
      expect(new Set(fake.requests.map((request) => request.subscriptionId).filter(Boolean))).toEqual(new Set([SUB_PROD]));
      expect(inventory.coverage.find((entry) => entry.account === unseen)).toMatchObject({ status: 'denied', service: 'Microsoft.Resources/subscriptions' });
      // Every subscription's role assignments were read: a reader identity is known not to be admin.
      expect(inventory.assets.find((item) => item.id === ids.uamiReader)?.props).toMatchObject({ admin: false, roles: ['Reader', 'Storage Blob Data Reader'] });
      expect(inventory.assets.find((item) => item.id === ids.uamiCompute)?.props).toMatchObject({ admin: true, roles: ['Contributor', 'Storage Blob Data Contributor'] });
    } finally {
      await fake.close();
    }
  });

  it('stops with NoCredentialsError when Resource Manager rejects the token', async () => {
    const fake = await FakeArm.start(fakeTenant(), { token: TOKEN });
    try {
      const scan = scanFake(fake, {}, {}, { ...fakeEnv(fake), AISPM_AZURE_TOKEN: 'expired-token' });
      await expect(scan).rejects.toThrow(NoCredentialsError);
      await expect(scan).rejects.toThrow(/refused the credentials: InvalidAuthenticationToken/);
      expect(fake.requests.map((request) => request.path)).toEqual(['/subscriptions']);
    } finally {
      await fake.close();
    }
  });
});

describe('Azure credentials and clouds, without the network', () => {
  it('finds credentials in the environment and a signed-in Azure CLI, and nothing where there are none', async () => {
    const home = tempDir();
    const has = (env: Record<string, string>) => createAzureCollector({ env: { HOME: home, ...env } }).hasCredentials(collectorContext());
    expect(await has({})).toBe(false);
    expect(await has({ AISPM_AZURE_TOKEN: 'token' })).toBe(true);
    expect(await has({ AZURE_CLIENT_ID: 'id', AZURE_CLIENT_SECRET: 'secret', AZURE_TENANT_ID: 'tenant' })).toBe(true);
    expect(await has({ AZURE_CLIENT_ID: 'id' })).toBe(false);
    expect(await has({ IDENTITY_ENDPOINT: 'http://localhost:42356/msi/token' })).toBe(true);
    mkdirSync(join(home, '.azure'));
    writeFileSync(join(home, '.azure', 'azureProfile.json'), '\uFEFF{"subscriptions": []}');
    expect(await has({})).toBe(false);
    writeFileSync(join(home, '.azure', 'azureProfile.json'), `\uFEFF{"subscriptions": [{"id": "${SUB_PROD}"}]}`);
    expect(await has({})).toBe(true);
  });

  it('reads Azure errors as coverage: refused, not registered, timed out, failed', () => {
    const restError = (statusCode: number, code: string) => Object.assign(new Error(`${code} happened`), { name: 'RestError', statusCode, code });
    expect(classifyAzureError(restError(403, 'AuthorizationFailed'))).toEqual({ status: 'denied', message: 'AuthorizationFailed: AuthorizationFailed happened' });
    expect(classifyAzureError(restError(409, 'MissingSubscriptionRegistration')).status).toBe('skipped');
    expect(classifyAzureError(restError(500, 'InternalServerError')).status).toBe('error');
    expect(classifyAzureError(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }))).toEqual({ status: 'error', message: 'no answer in time (The operation was aborted.)' });
  });

  it("targets the sovereign cloud's Resource Manager and token audience; the endpoint override changes only where requests go", () => {
    expect(armTarget(undefined, {})).toEqual({ endpoint: 'https://management.azure.com', tokenScope: 'https://management.azure.com/.default', authorityHost: 'https://login.microsoftonline.com' });
    expect(armTarget('china', {})).toEqual({ endpoint: 'https://management.chinacloudapi.cn', tokenScope: 'https://management.chinacloudapi.cn/.default', authorityHost: 'https://login.chinacloudapi.cn' });
    expect(armTarget('usgov', { AISPM_AZURE_ENDPOINT: 'https://arm-proxy.example.internal/' })).toEqual({
      endpoint: 'https://arm-proxy.example.internal',
      tokenScope: 'https://management.usgovcloudapi.net/.default',
      authorityHost: 'https://login.microsoftonline.us',
    });
  });
});

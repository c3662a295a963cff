import { FakeTenant, type ArmJson, type FakeArmOptions } from './arm-server.js';
import { addDatabricks } from './databricks.js';
import { addPolicy } from './policy.js';
import { addDefenderForStorage } from './defender-for-storage.js';
import { addFoundry, foundryPrincipals } from './foundry.js';
import { addKeyVaults } from './keyvault.js';
import { addSearchAndDefender, searchIds } from './search.js';

/**
 * The fake Azure tenant the collector tests scan, as ARM JSON the way the REST API returns it.
 * Misconfigurations are planted beside hardened twins:
 *
 * - `oai-exposed` (public network, API keys on, no CMK, no identity, outbound open, no diagnostic logs)
 *   with deployments that name no content filter (the account default: unknown), a relaxed filter
 *   (jailbreak and indirect-attack shields off, harm filters at High and not all blocking,
 *   asynchronous), and a retired model version; its embeddings deployment on the old default filter
 *   is a near miss (prompt shields do not apply to embeddings). `oai-hardened` is its private,
 *   keyless, CMK-encrypted, logged twin; `oai-firewalled` is hardened too but reached over its
 *   IP-restricted public endpoint, without Private Link.
 * - AI Foundry hub `hub-open` (public, no managed network, no CMK, no logs, flagged high business
 *   impact while its storage is open to any network) with an open project `proj-open`: compute
 *   instance `ci-exposed` (public IP, SSH, keys, old OS image, no idle shutdown) whose identity is
 *   Contributor on its resource group and can write the training data; twins `ci-private` and
 *   `cluster-private`; online endpoint `ep-public` (key auth, public, unlogged) whose deployment holds
 *   an API key in its environment beside the clean, logged `ep-private`; datastore `training_blob`
 *   holding an account key beside the identity-based `curated`; a locked-down workspace `ws-locked`.
 * - New-style AI Foundry (an AIServices account with projects and connections): see foundry.ts.
 * - Azure AI Search services and the Defender for Cloud plans of each subscription: see search.ts.
 * - The Key Vaults that hold the CMKs, one without purge protection: see keyvault.ts.
 * - Azure Databricks workspaces, one open beside a hardened twin: see databricks.ts.
 * - Subscription `dev` lets nobody read Azure ML, and holds an account with values newer than the
 *   collector (unknown enums, missing optional fields); `locked` refuses everything; `retired` is disabled.
 */

export const TOKEN = 'fake-arm-token-for-tests';
export const SUB_PROD = '11111111-1111-4111-8111-111111111111';
export const SUB_DEV = '22222222-2222-4222-8222-222222222222';
export const SUB_LOCKED = '33333333-3333-4333-8333-333333333333';
export const SUB_DISABLED = '44444444-4444-4444-8444-444444444444';
/** Beneath a management group, but not among the subscriptions the credential sees. */
export const SUB_UNSEEN = '55555555-5555-4555-8555-555555555555';

/**
 * The management groups (`--azure-management-group`): the root holds `ai-prod` (prod) and
 * `ai-nonprod` (dev and the disabled one), which holds `ai-sandbox` (locked, and one the credential
 * cannot see); `restricted` sits beside them, and its descendants cannot be read (GROUP_DENIALS).
 */
export const GROUPS = { root: 'aispm-fake-root', prod: 'ai-prod', nonprod: 'ai-nonprod', sandbox: 'ai-sandbox', restricted: 'restricted' } as const;
export const GROUP_DENIALS: NonNullable<FakeArmOptions['deny']> = [
  { action: 'Microsoft.Management/managementGroups/descendants/read', scope: `/providers/Microsoft.Management/managementGroups/${GROUPS.restricted}` },
];

/** What the fake refuses: Azure ML in `dev`, everything in `locked`. */
export const DENIALS: NonNullable<FakeArmOptions['deny']> = [
  { subscriptionId: SUB_DEV, action: 'Microsoft.MachineLearningServices/workspaces/read' },
  { subscriptionId: SUB_LOCKED, action: '*' },
];

const group = (subscriptionId: string, name: string) => `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
export const ids = {
  oaiExposed: `${group(SUB_PROD, 'rg-genai')}/providers/Microsoft.CognitiveServices/accounts/oai-exposed`,
  oaiHardened: `${group(SUB_PROD, 'rg-genai')}/providers/Microsoft.CognitiveServices/accounts/oai-hardened`,
  oaiFirewalled: `${group(SUB_PROD, 'rg-genai')}/providers/Microsoft.CognitiveServices/accounts/oai-firewalled`,
  futureAi: `${group(SUB_DEV, 'rg-dev')}/providers/Microsoft.CognitiveServices/accounts/future-ai`,
  devSpeech: `${group(SUB_DEV, 'rg-dev')}/providers/Microsoft.CognitiveServices/accounts/dev-speech`,
  hub: `${group(SUB_PROD, 'rg-ml')}/providers/Microsoft.MachineLearningServices/workspaces/hub-open`,
  project: `${group(SUB_PROD, 'rg-ml')}/providers/Microsoft.MachineLearningServices/workspaces/proj-open`,
  wsLocked: `${group(SUB_PROD, 'rg-ml')}/providers/Microsoft.MachineLearningServices/workspaces/ws-locked`,
  wsAllowlisted: `${group(SUB_PROD, 'rg-ml')}/providers/Microsoft.MachineLearningServices/workspaces/ws-allowlisted`,
  uamiCompute: `${group(SUB_PROD, 'rg-identity')}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-ml-compute`,
  uamiReader: `${group(SUB_PROD, 'rg-identity')}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-ml-reader`,
  uamiUnused: `${group(SUB_PROD, 'rg-identity')}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-unused`,
  uamiDev: `${group(SUB_DEV, 'rg-dev')}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-dev`,
  storageHub: `${group(SUB_PROD, 'rg-data')}/providers/Microsoft.Storage/storageAccounts/stmlhub`,
  storageTraining: `${group(SUB_PROD, 'rg-data')}/providers/Microsoft.Storage/storageAccounts/stmltraining`,
  storageCurated: `${group(SUB_PROD, 'rg-data')}/providers/Microsoft.Storage/storageAccounts/stmlcurated`,
  storageLocked: `${group(SUB_PROD, 'rg-data')}/providers/Microsoft.Storage/storageAccounts/stmllocked`,
  storageUnrelated: `${group(SUB_PROD, 'rg-data')}/providers/Microsoft.Storage/storageAccounts/stunrelated`,
  storageLegacy: `${group(SUB_PROD, 'rg-data')}/providers/Microsoft.Storage/storageAccounts/stmllegacy`,
};
export const child = {
  deployment: (account: string, name: string) => `${account}/deployments/${name}`,
  raiPolicy: (account: string, name: string) => `${account}/raiPolicies/${name}`,
  compute: (workspace: string, name: string) => `${workspace}/computes/${name}`,
  endpoint: (workspace: string, name: string) => `${workspace}/onlineEndpoints/${name}`,
  datastore: (workspace: string, name: string) => `${workspace}/datastores/${name}`,
  systemIdentity: (resource: string) => `${resource}/providers/Microsoft.ManagedIdentity/identities/default`,
};

/** Object ids of the identities in the tenant. */
const principal = {
  oaiHardened: 'c0000000-0000-4000-8000-000000000001',
  oaiFirewalled: 'c0000000-0000-4000-8000-00000000000a',
  hub: 'c0000000-0000-4000-8000-000000000002',
  project: 'c0000000-0000-4000-8000-000000000003',
  wsLocked: 'c0000000-0000-4000-8000-000000000004',
  wsAllowlisted: 'c0000000-0000-4000-8000-00000000000b',
  uamiCompute: 'c0000000-0000-4000-8000-000000000005',
  uamiReader: 'c0000000-0000-4000-8000-000000000006',
  futureAi: 'c0000000-0000-4000-8000-000000000007',
  uamiDev: 'c0000000-0000-4000-8000-000000000008',
  endpoint: 'c0000000-0000-4000-8000-000000000009',
  someone: 'c0000000-0000-4000-8000-0000000000ff',
};

/** The planted secret in `ep-public`'s deployment environment: must never appear in any output. */
export const PLANTED_SECRET = 'sk-proj-FAKEazureTESTkey0123456789abcdefghijKLMNOPqrstuv';

export function fakeTenant(): FakeTenant {
  const tenant = new FakeTenant()
    .subscription(SUB_PROD, 'aispm-fake-prod')
    .subscription(SUB_DEV, 'aispm-fake-dev')
    .subscription(SUB_LOCKED, 'aispm-fake-locked')
    .subscription(SUB_DISABLED, 'aispm-fake-retired', 'Disabled')
    .managementGroup(GROUPS.root, 'aispm fake root', undefined)
    .managementGroup(GROUPS.prod, 'AI production', GROUPS.root, [SUB_PROD])
    .managementGroup(GROUPS.nonprod, 'AI non-production', GROUPS.root, [SUB_DEV, SUB_DISABLED])
    .managementGroup(GROUPS.sandbox, 'AI sandbox', GROUPS.nonprod, [SUB_LOCKED, SUB_UNSEEN])
    .managementGroup(GROUPS.restricted, 'Restricted', GROUPS.root);
  addCognitiveServices(tenant);
  addMachineLearning(tenant);
  addIdentitiesAndRoles(tenant);
  addStorage(tenant);
  addFoundry(tenant);
  addSearchAndDefender(tenant);
  addKeyVaults(tenant);
  addDatabricks(tenant);
  addPolicy(tenant);
  addDefenderForStorage(tenant);
  return tenant;
}

/* ---------- Azure OpenAI / AI services ---------- */

interface FilterSettings {
  threshold: 'Low' | 'Medium' | 'High';
  blockingHarms: string[];
  jailbreak: boolean;
  indirectAttack: boolean;
}

function contentFilters(settings: FilterSettings): ArmJson[] {
  const harms = ['Hate', 'Sexual', 'Violence', 'Selfharm'];
  const filters: ArmJson[] = [];
  for (const source of ['Prompt', 'Completion']) {
    for (const name of harms) filters.push({ name, severityThreshold: settings.threshold, blocking: settings.blockingHarms.includes(name), enabled: true, source });
  }
  filters.push({ name: 'Jailbreak', blocking: settings.jailbreak, enabled: settings.jailbreak, source: 'Prompt' });
  filters.push({ name: 'Indirect Attack', blocking: settings.indirectAttack, enabled: settings.indirectAttack, source: 'Prompt' });
  filters.push({ name: 'Protected Material Text', blocking: true, enabled: true, source: 'Completion' });
  return filters;
}

function cognitiveAccount(id: string, location: string, kind: string, rest: ArmJson = {}): ArmJson {
  return { id, name: id.split('/').pop(), type: 'Microsoft.CognitiveServices/accounts', location, kind, ...rest };
}

/** A production account with keys off, a customer-managed key, an identity and outbound restricted; `network` says how it is reached. */
function hardenedAccount(id: string, kind: string, principalId: string, keyName: string, network: ArmJson): ArmJson {
  return cognitiveAccount(id, 'swedencentral', kind, {
    sku: { name: 'S0' },
    tags: { env: 'prod', owner: 'genai-platform@example.com' },
    identity: { type: 'SystemAssigned', principalId, tenantId: 'aaaaaaaa-0000-4000-8000-000000000000' },
    properties: {
      customSubDomainName: id.split('/').pop(),
      disableLocalAuth: true,
      encryption: { keySource: 'Microsoft.KeyVault', keyVaultProperties: { keyName, keyVersion: '5f2b', keyVaultUri: 'https://acme-kv.vault.azure.net/' } },
      restrictOutboundNetworkAccess: true,
      ...network,
    },
  });
}

function raiPolicy(account: string, name: string, properties: ArmJson): ArmJson {
  return { id: child.raiPolicy(account, name), name, type: 'Microsoft.CognitiveServices/accounts/raiPolicies', properties };
}

const ALL_HARMS = ['Hate', 'Sexual', 'Violence', 'Selfharm'];
const defaultPolicy = (account: string) =>
  raiPolicy(account, 'Microsoft.Default', { type: 'SystemManaged', mode: 'Blocking', contentFilters: contentFilters({ threshold: 'Medium', blockingHarms: ALL_HARMS, jailbreak: false, indirectAttack: false }).filter((filter) => filter.name !== 'Jailbreak' && filter.name !== 'Indirect Attack') });
const defaultV2Policy = (account: string) =>
  raiPolicy(account, 'Microsoft.DefaultV2', { type: 'SystemManaged', mode: 'Blocking', contentFilters: contentFilters({ threshold: 'Medium', blockingHarms: ALL_HARMS, jailbreak: true, indirectAttack: false }) });

function deployment(account: string, name: string, model: ArmJson, extra: { raiPolicyName?: string; sku?: ArmJson; versionUpgradeOption?: string; capabilities?: Record<string, string> } = {}): ArmJson {
  return {
    id: child.deployment(account, name),
    name,
    type: 'Microsoft.CognitiveServices/accounts/deployments',
    ...(extra.sku ? { sku: extra.sku } : {}),
    properties: {
      model,
      provisioningState: 'Succeeded',
      ...(extra.raiPolicyName ? { raiPolicyName: extra.raiPolicyName } : {}),
      ...(extra.versionUpgradeOption ? { versionUpgradeOption: extra.versionUpgradeOption } : {}),
      ...(extra.capabilities ? { capabilities: extra.capabilities } : {}),
      // Rate limits as Azure OpenAI derives them from the capacity: 1,000 tokens and 6 requests per minute a unit.
      ...(typeof extra.sku?.capacity === 'number'
        ? { currentCapacity: extra.sku.capacity, rateLimits: [{ key: 'request', renewalPeriod: 10, count: extra.sku.capacity }, { key: 'token', renewalPeriod: 60, count: extra.sku.capacity * 1000 }] }
        : {}),
    },
  };
}

/** What deployments report they can do, as the API spells it. */
const CHAT = { chatCompletion: 'true', completion: 'false', maxContextToken: '128000' };
const EMBEDDINGS = { embeddings: 'true', embeddingsMaxInputs: '2048' };

const catalogModel = (name: string, version: string, lifecycleStatus: string, inference: string) => ({ format: 'OpenAI', name, version, lifecycleStatus, deprecation: { inference }, isDefaultVersion: lifecycleStatus === 'GenerallyAvailable' });

function diagnosticSetting(resource: string, name: string, properties: ArmJson): ArmJson {
  return { id: `${resource}/providers/microsoft.insights/diagnosticSettings/${name}`, name, type: 'Microsoft.Insights/diagnosticSettings', properties };
}

const LOG_ANALYTICS = `${group(SUB_PROD, 'rg-ops')}/providers/Microsoft.OperationalInsights/workspaces/law-security`;
const EVENT_HUB_RULE = `${group(SUB_PROD, 'rg-ops')}/providers/Microsoft.EventHub/namespaces/ehn-siem/authorizationRules/RootManageSharedAccessKey`;
const LOG_ARCHIVE = `${group(SUB_PROD, 'rg-ops')}/providers/Microsoft.Storage/storageAccounts/stlogarchive`;
const PARTNER_SOLUTION = `${group(SUB_PROD, 'rg-ops')}/providers/Microsoft.Datadog/monitors/dd-prod`;

function addCognitiveServices(tenant: FakeTenant): void {
  const catalog = [
    catalogModel('gpt-4o', '2024-11-20', 'GenerallyAvailable', '2099-03-01T00:00:00Z'),
    catalogModel('gpt-35-turbo', '0613', 'Deprecated', '2025-02-13T00:00:00Z'),
    catalogModel('gpt-4o-mini', '2024-07-18', 'GenerallyAvailable', '2099-07-18T00:00:00Z'),
    catalogModel('text-embedding-3-large', '1', 'GenerallyAvailable', '2099-04-30T00:00:00Z'),
  ];

  // Planted: public, keys on, no CMK, no identity, no outbound restriction, logs switched off.
  tenant.add(
    cognitiveAccount(ids.oaiExposed, 'eastus', 'OpenAI', {
      sku: { name: 'S0' },
      tags: { env: 'prod', app: 'marketing-copilot' },
      properties: { endpoint: 'https://oai-exposed.openai.azure.com/', customSubDomainName: 'oai-exposed', publicNetworkAccess: 'Enabled', disableLocalAuth: false, provisioningState: 'Succeeded' },
    }),
  );
  tenant.add(
    raiPolicy(ids.oaiExposed, 'relaxed', { type: 'UserManaged', mode: 'Asynchronous_filter', basePolicyName: 'Microsoft.DefaultV2', contentFilters: contentFilters({ threshold: 'High', blockingHarms: ['Hate', 'Sexual'], jailbreak: false, indirectAttack: false }) }),
    defaultPolicy(ids.oaiExposed),
    defaultV2Policy(ids.oaiExposed),
  );
  tenant.add(
    deployment(ids.oaiExposed, 'chat-unfiltered', { format: 'OpenAI', name: 'gpt-4o', version: '2024-11-20' }, { sku: { name: 'GlobalStandard', capacity: 10 }, versionUpgradeOption: 'OnceNewDefaultVersionAvailable', capabilities: CHAT }),
    deployment(ids.oaiExposed, 'chat-relaxed', { format: 'OpenAI', name: 'gpt-4o', version: '2024-11-20' }, { raiPolicyName: 'relaxed', sku: { name: 'GlobalStandard', capacity: 10 }, versionUpgradeOption: 'OnceNewDefaultVersionAvailable', capabilities: CHAT }),
    deployment(ids.oaiExposed, 'legacy-35', { format: 'OpenAI', name: 'gpt-35-turbo', version: '0613' }, { raiPolicyName: 'Microsoft.Default', sku: { name: 'Standard', capacity: 5 }, versionUpgradeOption: 'NoAutoUpgrade', capabilities: { ...CHAT, completion: 'true' } }),
    // Near miss: the old default filter has no prompt shields, but an embeddings model takes no chat prompts.
    deployment(ids.oaiExposed, 'embed-legacy', { format: 'OpenAI', name: 'text-embedding-3-large', version: '1' }, { raiPolicyName: 'Microsoft.Default', sku: { name: 'Standard', capacity: 5 }, capabilities: EMBEDDINGS }),
  );
  tenant.addToList(`${ids.oaiExposed}/models`, ...catalog);
  tenant.add(diagnosticSetting(ids.oaiExposed, 'audit-off', { workspaceId: LOG_ANALYTICS, logs: [{ category: 'Audit', enabled: false }, { category: 'RequestResponse', enabled: false }], metrics: [] }));

  // Hardened twin. Its account lists only its own content filter, so Microsoft.DefaultV2 is read by name.
  tenant.add(
    hardenedAccount(ids.oaiHardened, 'OpenAI', principal.oaiHardened, 'openai-cmk', {
      publicNetworkAccess: 'Disabled',
      networkAcls: { defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [{ id: `${group(SUB_PROD, 'rg-net')}/providers/Microsoft.Network/virtualNetworks/vnet-ai/subnets/apps` }] },
      privateEndpointConnections: [
        { id: `${ids.oaiHardened}/privateEndpointConnections/pe-apps`, properties: { privateLinkServiceConnectionState: { status: 'Approved' }, privateEndpoint: { id: `${group(SUB_PROD, 'rg-net')}/providers/Microsoft.Network/privateEndpoints/pe-openai` } } },
      ],
      allowedFqdnList: ['acme-search.search.windows.net'],
    }),
  );
  tenant.add(raiPolicy(ids.oaiHardened, 'strict', { type: 'UserManaged', mode: 'Blocking', basePolicyName: 'Microsoft.DefaultV2', contentFilters: contentFilters({ threshold: 'Low', blockingHarms: ALL_HARMS, jailbreak: true, indirectAttack: true }) }));
  tenant.add(
    deployment(ids.oaiHardened, 'chat-guarded', { format: 'OpenAI', name: 'gpt-4o-mini', version: '2024-07-18' }, { raiPolicyName: 'strict', sku: { name: 'Standard', capacity: 20 }, versionUpgradeOption: 'OnceNewDefaultVersionAvailable', capabilities: CHAT }),
    deployment(ids.oaiHardened, 'embeddings', { format: 'OpenAI', name: 'text-embedding-3-large', version: '1' }, { raiPolicyName: 'Microsoft.DefaultV2', sku: { name: 'Standard', capacity: 20 }, capabilities: EMBEDDINGS }),
  );
  // Readable by name only: not in the account's list.
  tenant.addUnlisted(defaultV2Policy(ids.oaiHardened));
  tenant.addToList(`${ids.oaiHardened}/models`, ...catalog);
  tenant.add(
    diagnosticSetting(ids.oaiHardened, 'to-sentinel', { workspaceId: LOG_ANALYTICS, logs: [{ category: 'Audit', enabled: true }, { category: 'RequestResponse', enabled: true }, { category: 'Trace', enabled: false }], metrics: [] }),
    // An event hub is a destination too.
    diagnosticSetting(ids.oaiHardened, 'to-siem', { eventHubAuthorizationRuleId: EVENT_HUB_RULE, eventHubName: 'ai-logs', logs: [{ category: 'Trace', enabled: true }], metrics: [] }),
  );

  // Hardened, but reached over its public endpoint (IP-restricted) without Private Link.
  tenant.add(
    hardenedAccount(ids.oaiFirewalled, 'AIServices', principal.oaiFirewalled, 'foundry-cmk', {
      publicNetworkAccess: 'Enabled',
      networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '203.0.113.0/24' }], virtualNetworkRules: [] },
      privateEndpointConnections: [],
      allowedFqdnList: [],
    }),
  );
  tenant.add(diagnosticSetting(ids.oaiFirewalled, 'audit', { workspaceId: LOG_ANALYTICS, logs: [{ categoryGroup: 'audit', enabled: true }], metrics: [] }));

  // Values newer than the collector (extensible enums grow), and records with optional fields left out.
  tenant.addFromNewerApi(
    cognitiveAccount(ids.futureAi, 'westus', 'FutureKind', {
      identity: { type: 'SystemAssigned, UserAssigned', principalId: principal.futureAi, userAssignedIdentities: { [ids.uamiDev.toLowerCase()]: { principalId: principal.uamiDev, clientId: 'd0000000-0000-4000-8000-000000000008' } } },
      properties: { publicNetworkAccess: 'SomethingNew', networkAcls: { defaultAction: 'Quarantine' }, encryption: { keySource: 'Microsoft.FutureVault' } },
    }),
  );
  tenant.addFromNewerApi(raiPolicy(ids.futureAi, 'odd', { mode: 'Telepathic', contentFilters: [{ name: 'Mind Reading', enabled: true, blocking: true, source: 'Thought' }, { name: 'Jailbreak' }] }));
  tenant.add(deployment(ids.futureAi, 'mystery', { name: 'phi-9' }, { raiPolicyName: 'odd' }));
  tenant.add(deployment(ids.futureAi, 'no-model', {}));
  tenant.add(cognitiveAccount(ids.devSpeech, 'westus', 'SpeechServices'));
}

/* ---------- Azure ML / AI Foundry ---------- */

function workspace(id: string, kind: string, location: string, identity: ArmJson, properties: ArmJson, tags: Record<string, string> = {}): ArmJson {
  return { id, name: id.split('/').pop(), type: 'Microsoft.MachineLearningServices/workspaces', kind, location, tags, identity, sku: { name: 'Basic', tier: 'Basic' }, properties };
}

function compute(workspaceId: string, name: string, identity: ArmJson | undefined, properties: ArmJson): ArmJson {
  return { id: child.compute(workspaceId, name), name, type: 'Microsoft.MachineLearningServices/workspaces/computes', location: 'westeurope', ...(identity ? { identity } : {}), properties };
}

const userAssigned = (id: string, principalId: string) => ({ type: 'UserAssigned', userAssignedIdentities: { [id]: { principalId, clientId: principalId.replace(/^c/, 'd') } } });
const SUBNET = `${group(SUB_PROD, 'rg-net')}/providers/Microsoft.Network/virtualNetworks/vnet-ml/subnets/training`;

function addMachineLearning(tenant: FakeTenant): void {
  tenant.add(
    workspace(ids.hub, 'Hub', 'westeurope', { type: 'SystemAssigned', principalId: principal.hub }, {
      friendlyName: 'Open hub',
      storageAccount: ids.storageHub,
      publicNetworkAccess: 'Enabled',
      managedNetwork: { isolationMode: 'Disabled' },
      // Flagged as holding high-business-impact data, while its storage account takes traffic from any network.
      hbiWorkspace: true,
      privateEndpointConnections: [],
      // Its projects reach the default storage with the account key, and it has no Application Insights.
      systemDatastoresAuthMode: 'AccessKey',
    }, { team: 'data-science' }),
    workspace(ids.project, 'Project', 'westeurope', { type: 'SystemAssigned', principalId: principal.project }, {
      friendlyName: 'Open project',
      hubResourceId: ids.hub,
      storageAccount: ids.storageHub,
      publicNetworkAccess: 'Enabled',
    }),
    workspace(ids.wsLocked, 'Default', 'westeurope', { type: 'SystemAssigned', principalId: principal.wsLocked }, {
      storageAccount: ids.storageLocked,
      systemDatastoresAuthMode: 'Identity',
      applicationInsights: `${group(SUB_PROD, 'rg-ops')}/providers/Microsoft.Insights/components/appi-ml`,
      publicNetworkAccess: 'Disabled',
      managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' },
      hbiWorkspace: true,
      encryption: { status: 'Enabled', keyVaultProperties: { keyVaultArmId: `${group(SUB_PROD, 'rg-sec')}/providers/Microsoft.KeyVault/vaults/acme-kv`, keyIdentifier: 'https://acme-kv.vault.azure.net/keys/ml-cmk/0a1b2c' } },
      privateEndpointConnections: [{ id: `${ids.wsLocked}/privateEndpointConnections/pe-ml`, properties: { privateLinkServiceConnectionState: { status: 'Approved' } } }],
    }),
  );
  // Hardened, but reached over its public endpoint from selected IP addresses only ("Enabled from
  // selected IP addresses"), which only preview api-versions show (networkAcls).
  tenant.add(
    workspace(ids.wsAllowlisted, 'Default', 'westeurope', { type: 'SystemAssigned', principalId: principal.wsAllowlisted }, {
      storageAccount: ids.storageLocked,
      publicNetworkAccess: 'Enabled',
      networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '198.51.100.0/24' }] },
      managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' },
      encryption: { status: 'Enabled', keyVaultProperties: { keyVaultArmId: `${group(SUB_PROD, 'rg-sec')}/providers/Microsoft.KeyVault/vaults/acme-kv`, keyIdentifier: 'https://acme-kv.vault.azure.net/keys/ml-cmk/0a1b2c' } },
    }),
  );
  tenant.add(diagnosticSetting(ids.wsAllowlisted, 'all-logs', { workspaceId: LOG_ANALYTICS, logs: [{ categoryGroup: 'allLogs', enabled: true }], metrics: [] }));
  // Created without saying whether it has a public IP (the answer leaves enableNodePublicIp out), SSH off.
  tenant.add(
    compute(ids.wsAllowlisted, 'ci-unstated', undefined, {
      computeType: 'ComputeInstance',
      disableLocalAuth: true,
      properties: { vmSize: 'Standard_DS3_v2', sshSettings: { sshPublicAccess: 'Disabled' }, idleTimeBeforeShutdown: 'PT60M', osImageMetadata: { isLatestOsImageVersion: true } },
    }),
  );

  // Category groups, as the portal and Azure Policy write them (api-version 2021-05-01-preview and later), to a storage account.
  tenant.add(diagnosticSetting(ids.wsLocked, 'all-logs', { storageAccountId: LOG_ARCHIVE, logs: [{ categoryGroup: 'allLogs', enabled: true }], metrics: [] }));
  // Near miss: metrics reach a destination, logs do not.
  tenant.add(diagnosticSetting(ids.hub, 'metrics-only', { workspaceId: LOG_ANALYTICS, logs: [{ categoryGroup: 'allLogs', enabled: false }], metrics: [{ category: 'AllMetrics', enabled: true }] }));

  tenant.add(
    // Planted: public IP, SSH open, no idle shutdown, old OS image, an admin identity that writes training data.
    compute(ids.project, 'ci-exposed', userAssigned(ids.uamiCompute, principal.uamiCompute), {
      computeType: 'ComputeInstance',
      disableLocalAuth: false,
      provisioningState: 'Succeeded',
      properties: {
        vmSize: 'Standard_NC6s_v3',
        enableNodePublicIp: true,
        sshSettings: { sshPublicAccess: 'Enabled', adminUserName: 'azureuser' },
        osImageMetadata: { isLatestOsImageVersion: false, currentImageVersion: '23.01.01' },
        setupScripts: { scripts: { creationScript: { scriptSource: 'inline', scriptData: 'pip install -r requirements.txt' } } },
      },
    }),
    compute(ids.project, 'ci-private', userAssigned(ids.uamiReader, principal.uamiReader), {
      computeType: 'ComputeInstance',
      disableLocalAuth: true,
      properties: { vmSize: 'Standard_DS3_v2', enableNodePublicIp: false, sshSettings: { sshPublicAccess: 'Disabled' }, subnet: { id: SUBNET }, idleTimeBeforeShutdown: 'PT30M', osImageMetadata: { isLatestOsImageVersion: true } },
    }),
    compute(ids.project, 'cluster-private', userAssigned(ids.uamiReader, principal.uamiReader), {
      computeType: 'AmlCompute',
      disableLocalAuth: true,
      properties: { vmSize: 'Standard_NC24ads_A100_v4', enableNodePublicIp: false, remoteLoginPortPublicAccess: 'Disabled', subnet: { id: SUBNET }, scaleSettings: { minNodeCount: 0, maxNodeCount: 4, nodeIdleTimeBeforeScaleDown: 'PT15M' } },
    }),
  );
  // A compute kind newer than the collector, with nothing but its type.
  tenant.addFromNewerApi(compute(ids.project, 'quantum-01', undefined, { computeType: 'QuantumAccelerator' }));

  tenant.add(
    {
      id: child.endpoint(ids.project, 'ep-public'),
      name: 'ep-public',
      type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
      location: 'westeurope',
      kind: 'Managed',
      tags: { env: 'prod' },
      identity: { type: 'SystemAssigned', principalId: principal.endpoint },
      properties: { authMode: 'Key', publicNetworkAccess: 'Enabled', scoringUri: 'https://ep-public.westeurope.inference.ml.azure.com/score', provisioningState: 'Succeeded' },
    },
    {
      id: child.endpoint(ids.project, 'ep-private'),
      name: 'ep-private',
      type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
      location: 'westeurope',
      kind: 'Managed',
      properties: { authMode: 'AADToken', publicNetworkAccess: 'Disabled', provisioningState: 'Succeeded' },
    },
    {
      id: `${child.endpoint(ids.project, 'ep-public')}/deployments/blue`,
      name: 'blue',
      type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
      location: 'westeurope',
      sku: { name: 'Default', capacity: 1 },
      properties: { endpointComputeType: 'Managed', model: 'azureml:credit-scoring:3', instanceType: 'Standard_DS3_v2', environmentVariables: { OPENAI_API_KEY: PLANTED_SECRET, WORKERS: '4' } },
    },
    {
      id: `${child.endpoint(ids.project, 'ep-private')}/deployments/green`,
      name: 'green',
      type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
      location: 'westeurope',
      sku: { name: 'Default', capacity: 1 },
      properties: {
        endpointComputeType: 'Managed',
        model: 'azureml:credit-scoring:3',
        instanceType: 'Standard_DS3_v2',
        environmentVariables: { WORKERS: '4', OPENAI_ENDPOINT: 'https://oai-hardened.openai.azure.com/' },
        appInsightsEnabled: true,
        dataCollector: { collections: { model_inputs: { dataCollectionMode: 'Enabled' }, model_outputs: { dataCollectionMode: 'Enabled' } }, rollingRate: 'Hour' },
      },
    },
  );

  // A marketplace partner solution (Datadog, Elastic, ...) is a destination too.
  tenant.add(diagnosticSetting(child.endpoint(ids.project, 'ep-private'), 'to-partner', { marketplacePartnerId: PARTNER_SOLUTION, logs: [{ categoryGroup: 'allLogs', enabled: true }], metrics: [] }));

  tenant.add(
    {
      id: child.datastore(ids.project, 'training_blob'),
      name: 'training_blob',
      type: 'Microsoft.MachineLearningServices/workspaces/datastores',
      properties: { datastoreType: 'AzureBlob', accountName: 'stmltraining', containerName: 'training', endpoint: 'core.windows.net', protocol: 'https', credentials: { credentialsType: 'AccountKey' }, isDefault: false },
    },
    {
      id: child.datastore(ids.project, 'legacy_exports'),
      name: 'legacy_exports',
      type: 'Microsoft.MachineLearningServices/workspaces/datastores',
      properties: { datastoreType: 'AzureBlob', accountName: 'stmllegacy', containerName: 'exports', credentials: { credentialsType: 'None' } },
    },
    {
      id: child.datastore(ids.project, 'curated'),
      name: 'curated',
      type: 'Microsoft.MachineLearningServices/workspaces/datastores',
      properties: { datastoreType: 'AzureBlob', accountName: 'STMLCURATED', containerName: 'curated', credentials: { credentialsType: 'None' } },
    },
  );
}

/* ---------- Identities and role assignments ---------- */

const ROLES = {
  owner: { id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', roleName: 'Owner', permissions: [{ actions: ['*'], notActions: [], dataActions: [], notDataActions: [] }] },
  contributor: {
    id: 'b24988ac-6180-49a0-ab88-20f7382dd24c',
    roleName: 'Contributor',
    permissions: [{ actions: ['*'], notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'], dataActions: [], notDataActions: [] }],
  },
  reader: { id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', roleName: 'Reader', permissions: [{ actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] }] },
  blobContributor: {
    id: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
    roleName: 'Storage Blob Data Contributor',
    permissions: [
      {
        actions: ['Microsoft.Storage/storageAccounts/blobServices/containers/*'],
        notActions: [],
        dataActions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete',
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read',
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write',
        ],
        notDataActions: [],
      },
    ],
  },
  searchServiceContributor: {
    id: '7ca78c08-252a-4471-8644-bb5ff32d4ba0',
    roleName: 'Search Service Contributor',
    permissions: [
      {
        actions: ['Microsoft.Authorization/*/read', 'Microsoft.Insights/alertRules/*', 'Microsoft.Resources/deployments/*', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Search/searchServices/*', 'Microsoft.Support/*'],
        notActions: [],
        dataActions: [],
        notDataActions: [],
      },
    ],
  },
  searchIndexContributor: {
    id: '8ebe5a00-799e-43f5-93ac-243d3dce84a7',
    roleName: 'Search Index Data Contributor',
    permissions: [{ actions: [], notActions: [], dataActions: ['Microsoft.Search/searchServices/indexes/documents/*'], notDataActions: [] }],
  },
  searchIndexReader: {
    id: '1407120a-92aa-4202-b7e9-c0e197c71c8f',
    roleName: 'Search Index Data Reader',
    permissions: [{ actions: [], notActions: [], dataActions: ['Microsoft.Search/searchServices/indexes/documents/read'], notDataActions: [] }],
  },
  blobReader: {
    id: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
    roleName: 'Storage Blob Data Reader',
    permissions: [{ actions: ['Microsoft.Storage/storageAccounts/blobServices/containers/read'], notActions: [], dataActions: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'], notDataActions: [] }],
  },
};

function roleDefinition(subscriptionId: string, role: (typeof ROLES)[keyof typeof ROLES]): ArmJson {
  return {
    id: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role.id}`,
    name: role.id,
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: { roleName: role.roleName, type: 'BuiltInRole', permissions: role.permissions, assignableScopes: ['/'] },
  };
}

let assignmentCount = 0;
function roleAssignment(scope: string, role: (typeof ROLES)[keyof typeof ROLES], principalId: string): ArmJson {
  const name = `e0000000-0000-4000-8000-${String(++assignmentCount).padStart(12, '0')}`;
  const subscriptionId = /^\/subscriptions\/([^/]+)/.exec(scope)![1]!;
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: { roleDefinitionId: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role.id}`, principalId, principalType: 'ServicePrincipal', scope },
  };
}

function uami(id: string, principalId: string, location: string, tags: Record<string, string> = {}): ArmJson {
  return { id, name: id.split('/').pop(), type: 'Microsoft.ManagedIdentity/userAssignedIdentities', location, tags, properties: { tenantId: 'aaaaaaaa-0000-4000-8000-000000000000', principalId, clientId: principalId.replace(/^c/, 'd') } };
}

function addIdentitiesAndRoles(tenant: FakeTenant): void {
  assignmentCount = 0;
  for (const subscriptionId of [SUB_PROD, SUB_DEV]) tenant.add(...Object.values(ROLES).map((role) => roleDefinition(subscriptionId, role)));
  tenant.add(
    uami(ids.uamiCompute, principal.uamiCompute, 'westeurope', { purpose: 'ml-compute' }),
    uami(ids.uamiReader, principal.uamiReader, 'westeurope'),
    uami(ids.uamiUnused, 'c0000000-0000-4000-8000-0000000000aa', 'westeurope'),
    uami(ids.uamiDev, principal.uamiDev, 'westus'),
  );
  tenant.add(
    // Planted: the exposed compute's identity administers its resource group and writes the training data.
    roleAssignment(group(SUB_PROD, 'rg-ml'), ROLES.contributor, principal.uamiCompute),
    roleAssignment(ids.storageTraining, ROLES.blobContributor, principal.uamiCompute),
    roleAssignment(ids.storageCurated, ROLES.blobReader, principal.uamiReader),
    roleAssignment(`/subscriptions/${SUB_PROD}`, ROLES.reader, principal.uamiReader),
    roleAssignment(ids.storageHub, ROLES.blobContributor, principal.hub),
    roleAssignment(`/subscriptions/${SUB_PROD}`, ROLES.owner, principal.someone),
    // A data role over a whole resource group reaches every account in it, unrelated ones too.
    roleAssignment(group(SUB_PROD, 'rg-data'), ROLES.blobReader, principal.endpoint),
    // Planted: the Foundry projects' identities can write RAG indexes that Foundry connections retrieve
    // from: proj-agents through the admin keys of the key-authenticated rag-search-open, proj-research
    // through a data role on the Entra-only acme-search.
    roleAssignment(searchIds.open, ROLES.searchServiceContributor, foundryPrincipals.agents),
    roleAssignment(searchIds.hardened, ROLES.searchIndexContributor, foundryPrincipals.research),
    // Near misses: a data role where the service refuses Microsoft Entra ID, and a reader role.
    roleAssignment(searchIds.open, ROLES.searchIndexContributor, foundryPrincipals.research),
    roleAssignment(searchIds.firewalled, ROLES.searchIndexReader, foundryPrincipals.agents),
  );
}

/* ---------- Storage ---------- */

function storageAccount(id: string, properties: ArmJson, tags: Record<string, string> = {}): ArmJson {
  return {
    id,
    name: id.split('/').pop(),
    type: 'Microsoft.Storage/storageAccounts',
    location: 'westeurope',
    kind: 'StorageV2',
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    tags,
    properties: { minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true, encryption: { keySource: 'Microsoft.Storage', services: { blob: { enabled: true } } }, ...properties },
  };
}

const openNetwork = { publicNetworkAccess: 'Enabled', networkAcls: { bypass: 'AzureServices', defaultAction: 'Allow', ipRules: [], virtualNetworkRules: [] } };
const closedNetwork = { publicNetworkAccess: 'Disabled', networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] } };
const cmk = { encryption: { keySource: 'Microsoft.Keyvault', keyvaultproperties: { keyname: 'storage-cmk', keyvaulturi: 'https://acme-kv.vault.azure.net' } } };

function addStorage(tenant: FakeTenant): void {
  tenant.add(
    storageAccount(ids.storageHub, { ...openNetwork, allowBlobPublicAccess: true, allowSharedKeyAccess: true }),
    // Planted: accepts account keys, and allows anonymous blob access although no container is public yet.
    storageAccount(ids.storageTraining, { ...openNetwork, allowBlobPublicAccess: true }, { 'data-classification': 'confidential' }),
    storageAccount(ids.storageCurated, { ...closedNetwork, ...cmk, allowBlobPublicAccess: false, allowSharedKeyAccess: false }),
    storageAccount(ids.storageLocked, { ...closedNetwork, ...cmk, allowBlobPublicAccess: false, allowSharedKeyAccess: false }),
    storageAccount(ids.storageUnrelated, { ...openNetwork, allowBlobPublicAccess: true }),
    // Planted: created before the November 2023 default, never set allowBlobPublicAccess (the answer
    // leaves it out), and one container anonymous readers can list.
    storageAccount(ids.storageLegacy, { ...openNetwork, allowSharedKeyAccess: false, creationTime: '2019-03-14T09:12:41.0000000Z' }),
  );
  const container = (account: string, name: string, publicAccess: string) => ({ id: `${account}/blobServices/default/containers/${name}`, name, type: 'Microsoft.Storage/storageAccounts/blobServices/containers', properties: { publicAccess } });
  tenant.add(container(ids.storageHub, 'artifacts', 'None'), container(ids.storageHub, 'public-samples', 'Blob'));
  tenant.add(container(ids.storageLegacy, 'exports', 'Container'), container(ids.storageLegacy, 'staging', 'None'));
}

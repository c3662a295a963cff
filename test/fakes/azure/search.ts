import type { ArmJson, FakeTenant } from './arm-server.js';

/**
 * Azure AI Search and Defender for Cloud in the fake tenant, as Microsoft.Search 2025-05-01 (what
 * @azure/arm-search 3.3 sends) and Microsoft.Security 2024-01-01 (Pricings_List) answer them:
 *
 * - `rag-search-open` (planted): public to every address, API keys only, no CMK enforcement, no
 *   identity, one replica, no diagnostic logs; the agents project of `foundry-prod` retrieves from it
 *   through an API-key connection (`rag-search-key`), the RAG attack path.
 * - `acme-search`, its hardened twin: public access disabled, an approved private endpoint,
 *   Microsoft Entra ID only, CMK enforced and compliant, a system-assigned identity, three replicas,
 *   logs to Log Analytics, data exfiltration blocked; `search-entra` of `foundry-prod` points at it.
 * - `search-firewalled`: public, but only from one range (near miss for exposure), keys or Entra ID,
 *   two replicas, CMK enforced but non-compliant objects remain, a shared private link to storage.
 * - `search-minimal` in `dev`: a free service whose record leaves every optional setting out, to
 *   read the spec's defaults.
 * - Defender for Cloud: in `prod` the AI plan is Free (off, where AI accounts exist: planted) and
 *   Defender CSPM is Standard; in `dev` both are Standard (the hardened twin).
 */

const SUB_PROD = '11111111-1111-4111-8111-111111111111';
const SUB_DEV = '22222222-2222-4222-8222-222222222222';
const TENANT_ID = 'aaaaaaaa-0000-4000-8000-000000000000';
const group = (subscriptionId: string, name: string) => `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
const service = (subscriptionId: string, name: string) => `${group(subscriptionId, 'rg-search')}/providers/Microsoft.Search/searchServices/${name}`;

export const searchIds = {
  open: service(SUB_PROD, 'rag-search-open'),
  hardened: service(SUB_PROD, 'acme-search'),
  firewalled: service(SUB_PROD, 'search-firewalled'),
  minimal: service(SUB_DEV, 'search-minimal'),
  pricing: (subscriptionId: string, plan: string) => `/subscriptions/${subscriptionId}/providers/Microsoft.Security/pricings/${plan}`,
};

export const searchPrincipals = { hardened: 'c0000000-0000-4000-8000-0000000000c1' };

const STORAGE_TRAINING = `${group(SUB_PROD, 'rg-data')}/providers/Microsoft.Storage/storageAccounts/stmltraining`;

function searchService(id: string, location: string, sku: string, properties: ArmJson, rest: ArmJson = {}): ArmJson {
  const name = id.split('/').pop()!;
  return {
    id,
    name,
    type: 'Microsoft.Search/searchServices',
    location,
    tags: { app: 'rag' },
    sku: { name: sku },
    ...rest,
    properties: { endpoint: `https://${name}.search.windows.net`, status: 'running', provisioningState: 'succeeded', hostingMode: 'Default', ...properties },
  };
}

function pricing(subscriptionId: string, plan: string, properties: ArmJson): ArmJson {
  return { id: searchIds.pricing(subscriptionId, plan), name: plan, type: 'Microsoft.Security/pricings', properties };
}

export function addSearchAndDefender(tenant: FakeTenant): void {
  tenant.add(
    // Planted: the RAG store anyone on the internet can reach with a key.
    searchService(searchIds.open, 'swedencentral', 'basic', {
      replicaCount: 1,
      partitionCount: 1,
      publicNetworkAccess: 'Enabled',
      networkRuleSet: { ipRules: [], bypass: 'None' },
      disableLocalAuth: false,
      authOptions: { apiKeyOnly: {} },
      encryptionWithCmk: { enforcement: 'Unspecified', encryptionComplianceStatus: 'Compliant' },
      semanticSearch: 'free',
      privateEndpointConnections: [],
      sharedPrivateLinkResources: [],
    }),
    searchService(
      searchIds.hardened,
      'swedencentral',
      'standard',
      {
        replicaCount: 3,
        partitionCount: 1,
        publicNetworkAccess: 'Disabled',
        networkRuleSet: { ipRules: [], bypass: 'AzureServices' },
        disableLocalAuth: true,
        encryptionWithCmk: { enforcement: 'Enabled', encryptionComplianceStatus: 'Compliant' },
        dataExfiltrationProtections: ['BlockAll'],
        semanticSearch: 'standard',
        privateEndpointConnections: [
          {
            id: `${searchIds.hardened}/privateEndpointConnections/pe-search`,
            name: 'pe-search',
            type: 'Microsoft.Search/searchServices/privateEndpointConnections',
            properties: {
              privateEndpoint: { id: `${group(SUB_PROD, 'rg-net')}/providers/Microsoft.Network/privateEndpoints/pe-search` },
              privateLinkServiceConnectionState: { status: 'Approved', description: 'Auto-approved', actionsRequired: 'None' },
              groupId: 'searchService',
              provisioningState: 'Succeeded',
            },
          },
        ],
        sharedPrivateLinkResources: [],
      },
      { identity: { type: 'SystemAssigned', principalId: searchPrincipals.hardened, tenantId: TENANT_ID } },
    ),
    searchService(searchIds.firewalled, 'westeurope', 'standard', {
      replicaCount: 2,
      partitionCount: 1,
      publicNetworkAccess: 'Enabled',
      networkRuleSet: { ipRules: [{ value: '203.0.113.0/24' }], bypass: 'AzureServices' },
      authOptions: { aadOrApiKey: { aadAuthFailureMode: 'http401WithBearerChallenge' } },
      encryptionWithCmk: { enforcement: 'Enabled', encryptionComplianceStatus: 'NonCompliant' },
      semanticSearch: 'disabled',
      privateEndpointConnections: [
        {
          id: `${searchIds.firewalled}/privateEndpointConnections/pe-pending`,
          name: 'pe-pending',
          type: 'Microsoft.Search/searchServices/privateEndpointConnections',
          properties: { privateEndpoint: { id: `${group(SUB_PROD, 'rg-net')}/providers/Microsoft.Network/privateEndpoints/pe-pending` }, privateLinkServiceConnectionState: { status: 'Pending' } },
        },
      ],
      sharedPrivateLinkResources: [
        {
          id: `${searchIds.firewalled}/sharedPrivateLinkResources/spl-training`,
          name: 'spl-training',
          type: 'Microsoft.Search/searchServices/sharedPrivateLinkResources',
          properties: { privateLinkResourceId: STORAGE_TRAINING, groupId: 'blob', requestMessage: 'indexer', status: 'Approved', provisioningState: 'Succeeded' },
        },
      ],
    }),
    // Every optional setting left out: the spec's defaults apply.
    { id: searchIds.minimal, name: 'search-minimal', type: 'Microsoft.Search/searchServices', location: 'westeurope', sku: { name: 'free' }, properties: {} },
  );
  tenant.add({
    id: `${searchIds.hardened}/providers/microsoft.insights/diagnosticSettings/to-sentinel`,
    name: 'to-sentinel',
    type: 'Microsoft.Insights/diagnosticSettings',
    properties: { workspaceId: `${group(SUB_PROD, 'rg-ops')}/providers/Microsoft.OperationalInsights/workspaces/law-security`, logs: [{ categoryGroup: 'allLogs', enabled: true }], metrics: [] },
  });

  tenant.add(
    // Planted: Defender for AI Services off in the subscription that holds the AI accounts.
    pricing(SUB_PROD, 'AI', { pricingTier: 'Free', freeTrialRemainingTime: 'PT0S', deprecated: false }),
    pricing(SUB_PROD, 'CloudPosture', {
      pricingTier: 'Standard',
      enablementTime: '2026-03-01T12:00:00Z',
      freeTrialRemainingTime: 'PT0S',
      resourcesCoverageStatus: 'FullyCovered',
      extensions: [
        { name: 'SensitiveDataDiscovery', isEnabled: 'True' },
        { name: 'AgentlessDiscoveryForKubernetes', isEnabled: 'False' },
      ],
    }),
    pricing(SUB_PROD, 'VirtualMachines', { pricingTier: 'Standard', subPlan: 'P2', freeTrialRemainingTime: 'PT0S' }),
    pricing(SUB_DEV, 'AI', { pricingTier: 'Standard', enablementTime: '2026-02-01T08:00:00Z', freeTrialRemainingTime: 'PT0S', extensions: [{ name: 'AIPromptEvidence', isEnabled: 'True' }] }),
    pricing(SUB_DEV, 'CloudPosture', { pricingTier: 'Standard', freeTrialRemainingTime: 'PT0S' }),
  );
}

/** The agents project's API-key connection to the open search service: the retrieval leg of the RAG attack path. */
export function ragSearchConnection(projectConnectionId: string): ArmJson {
  return {
    id: projectConnectionId,
    name: projectConnectionId.split('/').pop(),
    type: 'Microsoft.CognitiveServices/accounts/projects/connections',
    properties: {
      category: 'CognitiveSearch',
      authType: 'ApiKey',
      group: 'AzureAI',
      isSharedToAll: false,
      target: 'https://rag-search-open.search.windows.net',
      metadata: { ApiType: 'Azure', ResourceId: searchIds.open },
    },
  };
}

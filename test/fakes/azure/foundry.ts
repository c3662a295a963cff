import type { ArmJson, FakeTenant } from './arm-server.js';
import { ragSearchConnection } from './search.js';

/**
 * The new-style AI Foundry part of the fake tenant, as Microsoft.CognitiveServices 2025-09-01 (the
 * api-version @azure/arm-cognitiveservices 8.1 sends) answers it:
 *
 * - `foundry-prod`, an AIServices account with project management on, hardened (private, keyless,
 *   CMK, outbound restricted, logged), so that what it shows is its projects and connections:
 * - account connections: `shared-openai-key` (an API key to Azure OpenAI, shared to all projects:
 *   planted), `search-entra` (Microsoft Entra ID, shared: near miss), `tools-http` (no auth, a
 *   function key in its target URL, which must never be shown);
 * - project `proj-agents` (the default project), whose system-assigned identity is Contributor on
 *   the resource group (planted), with connections `training-key` (an account key, not shared),
 *   `cosmos-identity` (a user-assigned managed identity) and `rag-search-key` (an API key to the
 *   public search service `rag-search-open`, search.ts);
 * - project `proj-research`, with a system- and a user-assigned identity (the reader identity of the
 *   ML estate) and connection `research-entra`.
 *
 * Connection records carry no credential values: the spec marks them x-ms-secret, so list answers
 * leave them out (a managed identity's client and resource id are not secret).
 */

const TENANT_ID = 'aaaaaaaa-0000-4000-8000-000000000000';
const SUB_PROD = '11111111-1111-4111-8111-111111111111';
const group = (name: string) => `/subscriptions/${SUB_PROD}/resourceGroups/${name}`;
const CONTRIBUTOR = 'b24988ac-6180-49a0-ab88-20f7382dd24c';

const account = `${group('rg-foundry')}/providers/Microsoft.CognitiveServices/accounts/foundry-prod`;
const project = (name: string) => `${account}/projects/${name}`;
export const foundryIds = {
  account,
  agents: project('proj-agents'),
  research: project('proj-research'),
  accountConnection: (name: string) => `${account}/connections/${name}`,
  projectConnection: (projectName: string, name: string) => `${project(projectName)}/connections/${name}`,
  uamiReader: `${group('rg-identity')}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-ml-reader`,
  cosmos: `${group('rg-data')}/providers/Microsoft.DocumentDB/databaseAccounts/acme-cosmos`,
  partnerStorage: '/subscriptions/55555555-5555-4555-8555-555555555555/resourceGroups/rg-partner/providers/Microsoft.Storage/storageAccounts/stpartnerdata',
};

export const foundryPrincipals = {
  account: 'c0000000-0000-4000-8000-0000000000b0',
  agents: 'c0000000-0000-4000-8000-0000000000b1',
  research: 'c0000000-0000-4000-8000-0000000000b2',
};

/** The Azure Functions key planted in the `tools-http` connection's target: must never appear in any output. */
export const PLANTED_FUNCTION_KEY = 'FAKEfunctionKEYfoundry0123456789abcdefghijkl==';

function connection(id: string, properties: ArmJson): ArmJson {
  const type = id.includes('/projects/') ? 'Microsoft.CognitiveServices/accounts/projects/connections' : 'Microsoft.CognitiveServices/accounts/connections';
  return { id, name: id.split('/').pop(), type, properties };
}

function foundryProject(id: string, identity: ArmJson, properties: ArmJson, tags: Record<string, string> = {}): ArmJson {
  const name = id.split('/').pop();
  return {
    id,
    name,
    type: 'Microsoft.CognitiveServices/accounts/projects',
    location: 'swedencentral',
    tags,
    identity,
    properties: { provisioningState: 'Succeeded', endpoints: { 'AI Foundry API': `https://foundry-prod.services.ai.azure.com/api/projects/${name}` }, ...properties },
  };
}

export function addFoundry(tenant: FakeTenant): void {
  const reader = tenant.get(foundryIds.uamiReader) as { properties: { principalId: string; clientId: string } };
  tenant.add({
    id: account,
    name: 'foundry-prod',
    type: 'Microsoft.CognitiveServices/accounts',
    location: 'swedencentral',
    kind: 'AIServices',
    sku: { name: 'S0' },
    tags: { env: 'prod', owner: 'ai-platform@example.com' },
    identity: { type: 'SystemAssigned', principalId: foundryPrincipals.account, tenantId: TENANT_ID },
    properties: {
      endpoint: 'https://foundry-prod.cognitiveservices.azure.com/',
      provisioningState: 'Succeeded',
      customSubDomainName: 'foundry-prod',
      allowProjectManagement: true,
      defaultProject: 'proj-agents',
      associatedProjects: ['proj-agents', 'proj-research'],
      publicNetworkAccess: 'Disabled',
      networkAcls: { defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] },
      privateEndpointConnections: [
        { id: `${account}/privateEndpointConnections/pe-foundry`, properties: { privateEndpoint: { id: `${group('rg-net')}/providers/Microsoft.Network/privateEndpoints/pe-foundry` }, privateLinkServiceConnectionState: { status: 'Approved' } } },
      ],
      disableLocalAuth: true,
      encryption: { keySource: 'Microsoft.KeyVault', keyVaultProperties: { keyName: 'foundry-prod-cmk', keyVersion: '7c1d', keyVaultUri: 'https://acme-kv-prot.vault.azure.net/' } },
      restrictOutboundNetworkAccess: true,
      allowedFqdnList: ['acme-search.search.windows.net'],
    },
  });
  tenant.add({
    id: `${account}/providers/microsoft.insights/diagnosticSettings/to-sentinel`,
    name: 'to-sentinel',
    type: 'Microsoft.Insights/diagnosticSettings',
    properties: { workspaceId: `${group('rg-ops')}/providers/Microsoft.OperationalInsights/workspaces/law-security`, logs: [{ category: 'Audit', enabled: true }, { category: 'RequestResponse', enabled: true }], metrics: [] },
  });

  tenant.add(
    // Planted: an API key every project of the account can use (and its users read back).
    connection(foundryIds.accountConnection('shared-openai-key'), {
      category: 'AzureOpenAI',
      authType: 'ApiKey',
      group: 'AzureAI',
      isSharedToAll: true,
      target: 'https://oai-exposed.openai.azure.com/',
      metadata: { ApiType: 'Azure', ResourceId: `${group('rg-genai')}/providers/Microsoft.CognitiveServices/accounts/oai-exposed` },
    }),
    // Near miss: shared to all, but through Microsoft Entra ID.
    connection(foundryIds.accountConnection('search-entra'), {
      category: 'CognitiveSearch',
      authType: 'AAD',
      group: 'AzureAI',
      isSharedToAll: true,
      target: 'https://acme-search.search.windows.net',
      metadata: { ApiType: 'Azure', ResourceId: `${group('rg-search')}/providers/Microsoft.Search/searchServices/acme-search` },
    }),
    // A tool endpoint whose URL carries its function key.
    connection(foundryIds.accountConnection('tools-http'), {
      category: 'GenericHttp',
      authType: 'None',
      group: 'GenericProtocol',
      isSharedToAll: false,
      target: `https://acme-tools.azurewebsites.net/api/lookup?code=${PLANTED_FUNCTION_KEY}`,
    }),
  );

  tenant.add(
    foundryProject(foundryIds.agents, { type: 'SystemAssigned', principalId: foundryPrincipals.agents, tenantId: TENANT_ID }, { displayName: 'Customer agents', description: 'Support agents', isDefault: true }, { team: 'support' }),
    foundryProject(
      foundryIds.research,
      {
        type: 'SystemAssigned, UserAssigned',
        principalId: foundryPrincipals.research,
        tenantId: TENANT_ID,
        userAssignedIdentities: { [foundryIds.uamiReader]: { principalId: reader.properties.principalId, clientId: reader.properties.clientId } },
      },
      { displayName: 'Research', isDefault: false },
    ),
  );
  tenant.add(
    connection(foundryIds.projectConnection('proj-agents', 'training-key'), {
      category: 'AzureBlob',
      authType: 'AccountKey',
      group: 'Azure',
      isSharedToAll: false,
      target: 'https://stmltraining.blob.core.windows.net/training',
      metadata: { AccountName: 'stmltraining', ContainerName: 'training' },
    }),
    connection(foundryIds.projectConnection('proj-agents', 'cosmos-identity'), {
      category: 'CosmosDb',
      authType: 'ManagedIdentity',
      group: 'NoSQL',
      isSharedToAll: false,
      target: 'https://acme-cosmos.documents.azure.com:443/',
      credentials: { clientId: reader.properties.clientId, resourceId: foundryIds.uamiReader },
      metadata: { ResourceId: foundryIds.cosmos },
    }),
    // Planted: the agents retrieve from the public, key-authenticated search service (search.ts).
    ragSearchConnection(foundryIds.projectConnection('proj-agents', 'rag-search-key')),
    // Planted: an account key to a partner subscription's storage, reachable from this project.
    connection(foundryIds.projectConnection('proj-research', 'partner-data-key'), {
      category: 'AzureBlob',
      authType: 'AccountKey',
      group: 'Azure',
      isSharedToAll: false,
      target: 'https://stpartnerdata.blob.core.windows.net/shared',
      metadata: { AccountName: 'stpartnerdata', ContainerName: 'shared', ResourceId: foundryIds.partnerStorage },
    }),
    connection(foundryIds.projectConnection('proj-research', 'research-entra'), {
      category: 'AIServices',
      authType: 'AAD',
      group: 'AzureAI',
      isSharedToAll: false,
      target: 'https://foundry-prod.cognitiveservices.azure.com/',
    }),
  );

  // Planted: the agents project's identity administers its resource group.
  const assignment = 'f0000000-0000-4000-8000-000000000001';
  tenant.add({
    id: `${group('rg-foundry')}/providers/Microsoft.Authorization/roleAssignments/${assignment}`,
    name: assignment,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: { roleDefinitionId: `/subscriptions/${SUB_PROD}/providers/Microsoft.Authorization/roleDefinitions/${CONTRIBUTOR}`, principalId: foundryPrincipals.agents, principalType: 'ServicePrincipal', scope: group('rg-foundry') },
  });
}

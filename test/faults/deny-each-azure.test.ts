import { afterAll, beforeAll, describe } from 'vitest';
import { scanFake } from '../collect/azure/harness.js';
import { armReadAction, FakeArm } from '../fakes/azure/arm-server.js';
import { DENIALS, fakeTenant, GROUPS, TOKEN } from '../fakes/azure/estate.js';
import { AZURE_PROXY_TLS, azureDialect } from '../fakes/fault-dialects.js';
import { FaultProxy } from '../fakes/fault-proxy.js';
import { denyEachPermissionTests } from './deny-each.js';

/** Every Azure RBAC action the Azure collector uses on the fake tenant, denied one at a time (403 AuthorizationFailed, as ARM answers). */
const PERMISSIONS: string[] = [
  'Microsoft.Authorization/policyAssignments/read',
  'Microsoft.Authorization/policySetDefinitions/read',
  'Microsoft.Authorization/roleAssignments/read',
  'Microsoft.Authorization/roleDefinitions/read',
  'Microsoft.CognitiveServices/accounts/connections/read',
  'Microsoft.CognitiveServices/accounts/deployments/read',
  'Microsoft.CognitiveServices/accounts/models/read',
  'Microsoft.CognitiveServices/accounts/projects/connections/read',
  'Microsoft.CognitiveServices/accounts/projects/read',
  'Microsoft.CognitiveServices/accounts/raiPolicies/read',
  'Microsoft.CognitiveServices/accounts/read',
  'Microsoft.Databricks/workspaces/read',
  'Microsoft.Insights/diagnosticSettings/read',
  'Microsoft.KeyVault/vaults/read',
  'Microsoft.MachineLearningServices/workspaces/computes/read',
  'Microsoft.MachineLearningServices/workspaces/datastores/read',
  'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/read',
  'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/read',
  'Microsoft.MachineLearningServices/workspaces/read',
  'Microsoft.ManagedIdentity/userAssignedIdentities/read',
  'Microsoft.Management/managementGroups/descendants/read',
  'Microsoft.Resources/subscriptions/read',
  'Microsoft.Search/searchServices/read',
  'Microsoft.Security/defenderForStorageSettings/read',
  'Microsoft.Security/pricings/read',
  'Microsoft.Storage/storageAccounts/blobServices/containers/read',
  'Microsoft.Storage/storageAccounts/read',
];

let fake: FakeArm;
let proxy: FaultProxy;

beforeAll(async () => {
  fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
  proxy = await FaultProxy.start({ target: fake.url, dialect: azureDialect, tls: AZURE_PROXY_TLS });
});

afterAll(async () => {
  await proxy.close();
  await fake.close();
});

describe('the Azure collector with one RBAC action denied at a time', () => {
  denyEachPermissionTests(
    () => ({
      proxy,
      // Through the fake's root management group (--azure-management-group), which holds every subscription, so its listing is denied too.
      scan: () => scanFake(fake, { azureManagementGroups: [GROUPS.root] }, {}, { AISPM_AZURE_ENDPOINT: proxy.url, AISPM_AZURE_TOKEN: TOKEN }),
      permissionOf: (request) => armReadAction(decodeURIComponent(new URL(request.url, 'https://fake').pathname)),
      // The denial message names the action; coverage keeps it, after the operation that was refused.
      showsDenial: (coverage, permission) => coverage.some((entry) => entry.status === 'denied' && entry.message?.includes(permission) === true),
    }),
    PERMISSIONS,
  );
});

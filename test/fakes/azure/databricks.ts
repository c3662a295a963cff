import type { ArmJson, FakeTenant } from './arm-server.js';

/**
 * Azure Databricks workspaces in the fake tenant, as Microsoft.Databricks 2026-01-01 (what
 * @azure/arm-databricks 4 sends) answers Workspaces_ListBySubscription:
 *
 * - `dbw-open` (planted): public network access on, clusters with public IPs (enableNoPublicIp
 *   false), a managed virtual network (no customVirtualNetworkId), no private endpoint, no
 *   diagnostic setting.
 * - `dbw-locked`, its hardened twin: public access disabled, secure cluster connectivity, VNet
 *   injection, an approved private endpoint, every log to Log Analytics.
 * - `dbw-serverless` in `dev`: a Serverless workspace (no classic clusters, no parameters), public,
 *   with a pending private endpoint only.
 * - `dbw-unstated` in `dev`: a classic workspace whose record has `parameters: null`, as the spec's
 *   list example answers: its cluster settings stay unknown.
 */

const SUB_PROD = '11111111-1111-4111-8111-111111111111';
const SUB_DEV = '22222222-2222-4222-8222-222222222222';
const group = (subscriptionId: string, name: string) => `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
const workspaceId = (subscriptionId: string, name: string) => `${group(subscriptionId, 'rg-data')}/providers/Microsoft.Databricks/workspaces/${name}`;
const LOG_ANALYTICS = `${group(SUB_PROD, 'rg-ops')}/providers/Microsoft.OperationalInsights/workspaces/law-security`;
const VNET = `${group(SUB_PROD, 'rg-net')}/providers/Microsoft.Network/virtualNetworks/vnet-databricks`;

export const databricksIds = {
  open: workspaceId(SUB_PROD, 'dbw-open'),
  locked: workspaceId(SUB_PROD, 'dbw-locked'),
  serverless: workspaceId(SUB_DEV, 'dbw-serverless'),
  unstated: workspaceId(SUB_DEV, 'dbw-unstated'),
};

const text = (value: string) => ({ type: 'String', value });
const bool = (value: boolean) => ({ type: 'Bool', value });

function workspace(id: string, sku: string, properties: ArmJson): ArmJson {
  const name = id.split('/').pop()!;
  const number = String(1000000000000000 + name.length * 7919);
  return {
    id,
    name,
    type: 'Microsoft.Databricks/workspaces',
    location: 'westeurope',
    tags: { team: 'data' },
    sku: { name: sku },
    properties: { provisioningState: 'Succeeded', workspaceId: number, workspaceUrl: `adb-${number}.11.azuredatabricks.net`, createdDateTime: '2026-02-01T09:00:00Z', ...properties },
  };
}

function privateEndpoint(workspace: string, name: string, status: string): ArmJson {
  return {
    id: `${workspace}/privateEndpointConnections/${name}`,
    name,
    type: 'Microsoft.Databricks/workspaces/privateEndpointConnections',
    properties: {
      privateEndpoint: { id: `${group(SUB_PROD, 'rg-net')}/providers/Microsoft.Network/privateEndpoints/${name}` },
      groupIds: ['databricks_ui_api'],
      privateLinkServiceConnectionState: { status, description: status === 'Approved' ? 'Auto-approved' : 'Awaiting approval', actionsRequired: 'None' },
      provisioningState: 'Succeeded',
    },
  };
}

export function addDatabricks(tenant: FakeTenant): void {
  tenant.add(
    // Planted: every Defender for Cloud recommendation for Databricks fails on it.
    workspace(databricksIds.open, 'premium', {
      computeMode: 'Hybrid',
      managedResourceGroupId: group(SUB_PROD, 'databricks-rg-dbw-open'),
      publicNetworkAccess: 'Enabled',
      requiredNsgRules: 'AllRules',
      parameters: { enableNoPublicIp: bool(false), storageAccountName: text('dbstorageopen'), vnetAddressPrefix: text('10.139') },
      privateEndpointConnections: [],
      isUcEnabled: true,
    }),
    workspace(databricksIds.locked, 'premium', {
      computeMode: 'Hybrid',
      managedResourceGroupId: group(SUB_PROD, 'databricks-rg-dbw-locked'),
      publicNetworkAccess: 'Disabled',
      requiredNsgRules: 'NoAzureDatabricksRules',
      parameters: {
        enableNoPublicIp: bool(true),
        customVirtualNetworkId: text(VNET),
        customPublicSubnetName: text('host'),
        customPrivateSubnetName: text('container'),
        storageAccountName: text('dbstoragelocked'),
      },
      privateEndpointConnections: [privateEndpoint(databricksIds.locked, 'pe-dbw-ui', 'Approved')],
      isUcEnabled: true,
    }),
    {
      id: `${databricksIds.locked}/providers/microsoft.insights/diagnosticSettings/all-logs`,
      name: 'all-logs',
      type: 'Microsoft.Insights/diagnosticSettings',
      properties: { workspaceId: LOG_ANALYTICS, logs: [{ categoryGroup: 'allLogs', enabled: true }], metrics: [] },
    },
    workspace(databricksIds.serverless, 'premium', {
      computeMode: 'Serverless',
      publicNetworkAccess: 'Enabled',
      privateEndpointConnections: [privateEndpoint(databricksIds.serverless, 'pe-dbw-pending', 'Pending')],
      isUcEnabled: true,
    }),
    workspace(databricksIds.unstated, 'standard', {
      computeMode: 'Hybrid',
      managedResourceGroupId: group(SUB_DEV, 'databricks-rg-dbw-unstated'),
      parameters: null,
    }),
  );
}

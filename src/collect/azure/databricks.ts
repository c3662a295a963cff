import { AzureDatabricksManagementClient, type Workspace } from '@azure/arm-databricks';
import { forEachConcurrently } from '../runtime.js';
import { drain, jsonRecord, knownValue, same, tagsOf } from './arm.js';
import { modularClientOptions } from './connection.js';
import { diagnosticLoggingReader } from './diagnostics.js';
import { resourceRef, SERVICES, type AzureScan } from './session.js';

/**
 * Azure Databricks workspaces, where data engineering and model training run beside the AI
 * services: whether the workspace takes traffic from the internet, whether its clusters get public
 * IP addresses (secure cluster connectivity off), whether they run in the customer's virtual network
 * (VNet injection), Private Link, and diagnostic settings. These are the five Defender for Cloud
 * recommendations for Databricks (and the Azure Policy built-ins behind them).
 *
 * Read with @azure/arm-databricks 4, which sends api-version 2026-01-01, the newest GA version of
 * Microsoft.Databricks. The workspace record carries its private endpoint connections (read-only),
 * so one listing per subscription reads everything but the logs. Serverless workspaces (computeMode
 * Serverless) have no classic clusters in the customer's subscription: the cluster settings are
 * "not allowed" on them (the spec), and the rules about clusters do not apply.
 */

const WORKSPACE_TYPE = 'azure.databricks.workspace';
const COMPUTE_MODES = ['Hybrid', 'Serverless'] as const;
const PUBLIC_ACCESS = ['Enabled', 'Disabled'] as const;

export async function collectDatabricks(scan: AzureScan, subscriptionId: string): Promise<void> {
  const client = new AzureDatabricksManagementClient(scan.connection.credential, subscriptionId, modularClientOptions(scan.connection));
  const workspaces = await scan.call(subscriptionId, SERVICES.databricks, 'workspaces.listBySubscription', () => drain(client.workspaces.listBySubscription()));
  if (!workspaces?.length) return;
  const readLogging = diagnosticLoggingReader(scan, subscriptionId);
  await forEachConcurrently(workspaces, async (workspace) => {
    const resource = resourceRef(workspace, subscriptionId);
    if (!resource) return;
    const { parts: _parts, ...ref } = resource;
    const logging = await readLogging(ref.id);
    scan.graph.add({ ...ref, type: WORKSPACE_TYPE, tags: tagsOf(workspace.tags), props: { ...databricksProps(workspace), ...(logging ?? {}) }, raw: jsonRecord(workspace) });
  });
}

export function databricksProps(workspace: Workspace) {
  // Absent: Hybrid. computeMode is required in the 2026-01-01 model; every workspace made before
  // Serverless existed is a classic (Hybrid) one.
  const mode = knownValue(workspace.computeMode ?? 'Hybrid', COMPUTE_MODES);
  // Absent: Enabled, the service's default (Azure Policy's built-in audit counts an absent value as enabled).
  const access = knownValue(workspace.publicNetworkAccess ?? 'Enabled', PUBLIC_ACCESS);
  const parameters = workspace.parameters ?? undefined;
  const noPublicIp = parameters?.enableNoPublicIp?.value;
  const vnet = parameters?.customVirtualNetworkId?.value;
  const classic = mode === 'Hybrid';
  return {
    skuName: workspace.sku?.name ?? null,
    ...(mode === undefined ? {} : { computeMode: mode }),
    publicNetworkAccess: workspace.publicNetworkAccess ?? null,
    ...(access === undefined ? {} : { publicEndpoint: access === 'Enabled' }),
    requiredNsgRules: workspace.requiredNsgRules ?? null,
    privateEndpoints: (workspace.privateEndpointConnections ?? []).filter((connection) => same(connection.properties?.privateLinkServiceConnectionState?.status, 'Approved')).length,
    // The cluster settings: known only when the record carries the workspace's parameters; on a
    // Serverless workspace there are no classic clusters (null: read, not applicable).
    ...(mode === 'Serverless' ? { clusterPublicIp: null, vnetInjected: null } : {}),
    ...(classic && typeof noPublicIp === 'boolean' ? { clusterPublicIp: !noPublicIp } : {}),
    ...(classic && parameters ? { vnetInjected: typeof vnet === 'string' && vnet.length > 0 } : {}),
    customVirtualNetworkId: typeof vnet === 'string' && vnet.length > 0 ? vnet : null,
    workspaceUrl: workspace.workspaceUrl ?? null,
  };
}

import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { forEachConcurrently } from '../runtime.js';
import { drainArmJson, durationMinutes, enumIs, flag, items, knownValue, openToInternet, record, same, tagsOf, text, type ArmRecord } from './arm.js';
import { clientOptions } from './connection.js';
import { diagnosticLoggingReader, type DiagnosticLogging, type DiagnosticLoggingReader } from './diagnostics.js';
import { attachIdentities } from './identities.js';
import { keyIdFromIdentifier, linkEncryptionKey } from './keys.js';
import { resourceRef, SERVICES, type AzureScan } from './session.js';

/**
 * Azure Machine Learning and AI Foundry hubs and projects: workspaces, their computes, online
 * endpoints (with their deployments' configuration) and datastores, and the workspaces' diagnostic
 * settings.
 *
 * The SDK's models stop at API version 2022-10-01, before managed networks, hubs and projects, and
 * idle shutdown. So the client asks for a newer API version and the records are read as the ARM JSON
 * on the wire, through the SDK's own paginator and retries.
 */
const ML_API_VERSION = '2026-05-01';
/**
 * Workspaces are read at a preview: "public access enabled from selected IP addresses" (networkAcls,
 * and the older ipAllowlist) is in no GA version yet (up to 2026-05-01), where an allow-listed
 * workspace reads as plain publicNetworkAccess Enabled.
 */
const ML_WORKSPACE_API_VERSION = '2026-05-15-preview';

const WORKSPACE_TYPE = 'azure.machinelearning.workspace';
const COMPUTE_TYPE = 'azure.machinelearning.compute';
const ENDPOINT_TYPE = 'azure.machinelearning.online-endpoint';
const DATASTORE_TYPE = 'azure.machinelearning.datastore';

export async function collectMachineLearning(scan: AzureScan, subscriptionId: string): Promise<void> {
  const client = new AzureMachineLearningWorkspaces(scan.connection.credential, subscriptionId, { ...clientOptions(scan.connection), apiVersion: ML_API_VERSION });
  const workspaceClient = new AzureMachineLearningWorkspaces(scan.connection.credential, subscriptionId, { ...clientOptions(scan.connection), apiVersion: ML_WORKSPACE_API_VERSION });
  const workspaces = await scan.call(subscriptionId, SERVICES.machineLearning, 'workspaces.listBySubscription', () => drainArmJson((options) => workspaceClient.workspaces.listBySubscription(options)));
  if (!workspaces?.length) return;
  const readLogging = diagnosticLoggingReader(scan, subscriptionId);
  const outboundOf = outboundModes(workspaces);
  await forEachConcurrently(workspaces, (workspace) => collectWorkspace(scan, client, readLogging, subscriptionId, workspace, outboundOf(workspace)));
}

/**
 * The managed network isolation mode that governs each workspace's compute: its own, or for a
 * Foundry project that names none, its hub's (projects share the hub's managed network).
 */
function outboundModes(workspaces: readonly ArmRecord[]): (workspace: ArmRecord) => string | undefined {
  const own = (workspace: ArmRecord | undefined) => text(record(record(workspace?.properties).managedNetwork).isolationMode);
  const byId = new Map(workspaces.map((workspace) => [(workspace.id ?? '').toLowerCase(), workspace]));
  return (workspace) => own(workspace) ?? own(byId.get((text(record(workspace.properties).hubResourceId) ?? '').toLowerCase()));
}

async function collectWorkspace(scan: AzureScan, client: AzureMachineLearningWorkspaces, readLogging: DiagnosticLoggingReader, subscriptionId: string, workspace: ArmRecord, outbound: string | undefined): Promise<void> {
  const resource = resourceRef(workspace, subscriptionId);
  if (!resource) return;
  const { parts, ...ref } = resource;
  const call = (operation: string, list: Parameters<typeof drainArmJson>[0]) => scan.call(subscriptionId, SERVICES.machineLearning, operation, () => drainArmJson(list));
  const [logging, computes, endpoints, datastores] = await Promise.all([
    readLogging(ref.id),
    call('computes.list', (options) => client.computeOperations.list(parts.resourceGroup, parts.name, options)),
    call('onlineEndpoints.list', (options) => client.onlineEndpoints.list(parts.resourceGroup, parts.name, options)),
    call('datastores.list', (options) => client.datastores.list(parts.resourceGroup, parts.name, options)),
  ]);

  const properties = record(workspace.properties);
  const managedIdentity = attachIdentities(scan, ref, workspace.identity);
  const encryption = record(properties.encryption);
  if (same(text(encryption.status), 'Enabled')) linkEncryptionKey(scan, ref, keyIdFromIdentifier(text(record(encryption.keyVaultProperties).keyIdentifier)));
  const hub = text(properties.hubResourceId);
  if (hub) scan.graph.link(ref.id, 'part-of', hub);
  const storage = text(properties.storageAccount);
  if (storage) scan.storageUses.push({ from: ref.id, edge: 'artifacts-in', storageId: storage, account: subscriptionId, region: ref.region });
  scan.graph.add({ ...ref, type: WORKSPACE_TYPE, tags: tagsOf(workspace.tags), props: { ...workspaceProps(workspace, outbound), managedIdentity, ...(logging ?? {}) }, raw: workspace });

  const child = (item: ArmRecord, type: string) => ({ id: item.id!, type, account: subscriptionId, region: item.location ?? ref.region, name: item.name ?? item.id!, tags: tagsOf(item.tags) });
  for (const compute of (computes ?? []).filter((item) => item.id)) {
    const managedIdentity = attachIdentities(scan, child(compute, COMPUTE_TYPE), compute.identity);
    scan.graph.add({ ...child(compute, COMPUTE_TYPE), props: { ...computeProps(compute, outbound), managedIdentity }, raw: compute });
    scan.graph.link(compute.id!, 'part-of', ref.id);
  }
  for (const datastore of (datastores ?? []).filter((item) => item.id)) {
    const datastoreProps = record(datastore.properties);
    const storageName = text(datastoreProps.accountName);
    if (storageName) scan.storageUses.push({ from: datastore.id!, edge: 'reads-data', storageName, account: subscriptionId, region: ref.region });
    scan.graph.add({
      ...child(datastore, DATASTORE_TYPE),
      // A datastore exists to hand data to training and inference.
      props: { datastoreType: text(datastoreProps.datastoreType) ?? null, credentialType: text(record(datastoreProps.credentials).credentialsType) ?? null, sensitiveData: true },
      raw: datastore,
    });
    scan.graph.link(datastore.id!, 'part-of', ref.id);
  }
  await forEachConcurrently(
    (endpoints ?? []).filter((item) => item.id),
    async (endpoint) => {
      const [deployments, endpointLogging] = await Promise.all([
        call('onlineDeployments.list', (options) => client.onlineDeployments.list(parts.resourceGroup, parts.name, endpoint.name ?? '', options)),
        readLogging(endpoint.id!),
      ]);
      attachIdentities(scan, child(endpoint, ENDPOINT_TYPE), endpoint.identity);
      const endpointProps = record(endpoint.properties);
      const publicNetworkAccess = text(endpointProps.publicNetworkAccess) ?? null;
      scan.graph.add({
        ...child(endpoint, ENDPOINT_TYPE),
        props: {
          authMode: text(endpointProps.authMode) ?? null,
          publicNetworkAccess,
          internetExposed: openToInternet(publicNetworkAccess),
          internetEgress: managedEgress(outbound),
          ...endpointLoggingProps(endpointLogging, deployments),
        },
        // The deployments' environment variables are where serving secrets end up; without them the
        // configuration was not fully read, so no raw record (secrets stay unknown, not "none").
        raw: deployments ? { ...endpoint, deployments } : undefined,
      });
      scan.graph.link(endpoint.id!, 'part-of', ref.id);
    },
  );
}

/**
 * Whether an online endpoint records what it serves: its diagnostic settings deliver logs (traffic,
 * console, events), or a deployment sends to Application Insights or collects its inputs and outputs
 * (the model data collector). Unknown while a source that was not read could still say yes.
 */
function endpointLoggingProps(logging: DiagnosticLogging | undefined, deployments: ArmRecord[] | undefined) {
  const deploymentLogs = deployments?.some((deployment) => {
    const properties = record(deployment.properties);
    const collections = Object.values(record(record(properties.dataCollector).collections));
    return flag(properties.appInsightsEnabled) === true || collections.some((collection) => same(text(record(collection).dataCollectionMode), 'Enabled'));
  });
  const loggingEnabled = logging?.loggingEnabled === true || deploymentLogs === true ? true : logging && deploymentLogs === false ? false : undefined;
  return { loggingEnabled, ...(logging ? { logCategories: logging.logCategories } : {}) };
}

/** Whether code on the workspace's compute can reach the internet, from its managed network; unknown without one (the customer's network decides). */
function managedEgress(isolationMode: string | undefined): boolean | undefined {
  const mode = knownValue(isolationMode, ['Disabled', 'AllowInternetOutbound', 'AllowOnlyApprovedOutbound']);
  return mode === 'AllowOnlyApprovedOutbound' ? false : mode === 'AllowInternetOutbound' ? true : undefined;
}

function workspaceProps(workspace: ArmRecord, outbound: string | undefined) {
  const properties = record(workspace.properties);
  const publicNetworkAccess = text(properties.publicNetworkAccess) ?? null;
  const acls = record(properties.networkAcls);
  const defaultAction = text(acls.defaultAction) ?? null;
  const ipAllowlist = items(properties.ipAllowlist).filter((entry): entry is string => typeof entry === 'string');
  const ipRules = [...items(acls.ipRules).map((rule) => text(record(rule).value)), ...ipAllowlist].filter((entry): entry is string => entry !== undefined);
  const open = openToInternet(publicNetworkAccess, defaultAction);
  return {
    kind: workspace.kind ?? null,
    // "Enabled from selected IP addresses": public access on, but only from the allow-list.
    internetExposed: open === true && ipAllowlist.length > 0 ? false : open,
    internetEgress: managedEgress(outbound),
    publicNetworkAccess,
    networkDefaultAction: defaultAction,
    ipRules,
    isolationMode: text(record(properties.managedNetwork).isolationMode) ?? null,
    customerManagedKey: enumIs(text(record(properties.encryption).status), ['Enabled', 'Disabled'], 'Enabled'),
    highBusinessImpact: flag(properties.hbiWorkspace) ?? false,
    privateEndpoints: items(properties.privateEndpointConnections).filter((connection) => same(text(record(record(record(connection).properties).privateLinkServiceConnectionState).status), 'Approved')).length,
    // The spec gives no default: an absent mode stays unknown.
    ...(text(properties.systemDatastoresAuthMode) !== undefined ? { systemDatastoresAuthMode: text(properties.systemDatastoresAuthMode) } : {}),
    applicationInsights: text(properties.applicationInsights) || null,
  };
}

/** Network exposure and idle behaviour of compute instances and clusters; other compute kinds leave them unknown. */
function computeProps(compute: ArmRecord, outbound: string | undefined) {
  const properties = record(compute.properties);
  const computeType = text(properties.computeType) ?? null;
  const settings = record(properties.properties);
  const common = { computeType, localAuthDisabled: flag(properties.disableLocalAuth) ?? false };
  const network = (publicIp: boolean | undefined, sshEnabled: boolean | undefined) => ({ internetExposed: inboundFromInternet(publicIp, sshEnabled), internetEgress: computeEgress(publicIp, outbound) });
  if (same(computeType, 'ComputeInstance')) {
    const own = instanceProps(settings);
    return { ...common, ...own, ...network(own.publicIp, own.sshEnabled) };
  }
  if (same(computeType, 'AmlCompute')) {
    const own = clusterProps(settings);
    return { ...common, ...own, ...network(own.publicIp, own.sshEnabled) };
  }
  return common;
}

/**
 * Reachable from anywhere: a public IP with the SSH port open to it. Without SSH, the public IP takes
 * only Azure ML's own management traffic (its network security group allows the service tags), and
 * notebooks are reached through the workspace, not the node.
 */
function inboundFromInternet(publicIp: boolean | undefined, sshEnabled: boolean | undefined): boolean | undefined {
  if (publicIp === false || sshEnabled === false) return false;
  return publicIp === true && sshEnabled === true ? true : undefined;
}

/** Outbound: the workspace's managed network decides; without one, a public IP gives the node its own way out. */
function computeEgress(publicIp: boolean | undefined, outbound: string | undefined): boolean | undefined {
  const managed = managedEgress(outbound);
  if (managed !== undefined) return managed;
  return publicIp === true ? true : undefined;
}

/**
 * Whether the nodes have public IPs: enableNodePublicIp when the answer has it (the spec gives no
 * default), else a public address among the instance's connectivity endpoints; unknown otherwise.
 */
function publicIpOf(settings: Record<string, unknown>): boolean | undefined {
  const setting = flag(settings.enableNodePublicIp);
  if (setting !== undefined) return setting;
  return text(record(settings.connectivityEndpoints).publicIpAddress) ? true : undefined;
}

function instanceProps(settings: Record<string, unknown>) {
  const publicIp = publicIpOf(settings);
  const idle = text(settings.idleTimeBeforeShutdown);
  return {
    publicIp,
    // sshPublicAccess defaults to Disabled.
    sshEnabled: enumIs(text(record(settings.sshSettings).sshPublicAccess), ['Enabled', 'Disabled'], 'Enabled'),
    idleShutdownMinutes: idle === undefined ? null : durationMinutes(idle),
    subnetId: text(record(settings.subnet).id) ?? null,
    latestOsImage: flag(record(settings.osImageMetadata).isLatestOsImageVersion),
  };
}

function clusterProps(settings: Record<string, unknown>) {
  const publicIp = publicIpOf(settings);
  const subnetId = text(record(settings.subnet).id) ?? null;
  // NotSpecified (the default) leaves the SSH port open unless the cluster is in a virtual network.
  const remoteLogin = knownValue(text(settings.remoteLoginPortPublicAccess), ['Enabled', 'Disabled', 'NotSpecified']);
  const sshEnabled = remoteLogin === undefined ? undefined : remoteLogin === 'Enabled' || ((remoteLogin ?? 'NotSpecified') === 'NotSpecified' && subnetId === null);
  // A cluster "shuts down" by scaling to zero nodes after the idle time; with a minimum above zero it never does.
  const scale = record(settings.scaleSettings);
  const idle = text(scale.nodeIdleTimeBeforeScaleDown);
  const idleShutdownMinutes = scale.minNodeCount === 0 && idle !== undefined ? durationMinutes(idle) : typeof scale.minNodeCount === 'number' && scale.minNodeCount > 0 ? null : undefined;
  return { publicIp, sshEnabled, idleShutdownMinutes, subnetId };
}

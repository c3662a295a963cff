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

const WORKSPACE_TYPE = 'azure.machinelearning.workspace';
const COMPUTE_TYPE = 'azure.machinelearning.compute';
const ENDPOINT_TYPE = 'azure.machinelearning.online-endpoint';
const DATASTORE_TYPE = 'azure.machinelearning.datastore';

export async function collectMachineLearning(scan: AzureScan, subscriptionId: string): Promise<void> {
  const client = new AzureMachineLearningWorkspaces(scan.connection.credential, subscriptionId, { ...clientOptions(scan.connection), apiVersion: ML_API_VERSION });
  const workspaces = await scan.call(subscriptionId, SERVICES.machineLearning, 'workspaces.listBySubscription', () => drainArmJson((options) => client.workspaces.listBySubscription(options)));
  if (!workspaces?.length) return;
  const readLogging = diagnosticLoggingReader(scan, subscriptionId);
  await forEachConcurrently(workspaces, (workspace) => collectWorkspace(scan, client, readLogging, subscriptionId, workspace));
}

async function collectWorkspace(scan: AzureScan, client: AzureMachineLearningWorkspaces, readLogging: DiagnosticLoggingReader, subscriptionId: string, workspace: ArmRecord): Promise<void> {
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
  scan.graph.add({ ...ref, type: WORKSPACE_TYPE, tags: tagsOf(workspace.tags), props: { ...workspaceProps(workspace), managedIdentity, ...(logging ?? {}) }, raw: workspace });

  const child = (item: ArmRecord, type: string) => ({ id: item.id!, type, account: subscriptionId, region: item.location ?? ref.region, name: item.name ?? item.id!, tags: tagsOf(item.tags) });
  for (const compute of (computes ?? []).filter((item) => item.id)) {
    const managedIdentity = attachIdentities(scan, child(compute, COMPUTE_TYPE), compute.identity);
    scan.graph.add({ ...child(compute, COMPUTE_TYPE), props: { ...computeProps(compute), managedIdentity }, raw: compute });
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

function workspaceProps(workspace: ArmRecord) {
  const properties = record(workspace.properties);
  const publicNetworkAccess = text(properties.publicNetworkAccess) ?? null;
  return {
    kind: workspace.kind ?? null,
    internetExposed: openToInternet(publicNetworkAccess),
    publicNetworkAccess,
    isolationMode: text(record(properties.managedNetwork).isolationMode) ?? null,
    customerManagedKey: enumIs(text(record(properties.encryption).status), ['Enabled', 'Disabled'], 'Enabled'),
    highBusinessImpact: flag(properties.hbiWorkspace) ?? false,
    privateEndpoints: items(properties.privateEndpointConnections).filter((connection) => same(text(record(record(record(connection).properties).privateLinkServiceConnectionState).status), 'Approved')).length,
  };
}

/** Network exposure and idle behaviour of compute instances and clusters; other compute kinds leave them unknown. */
function computeProps(compute: ArmRecord) {
  const properties = record(compute.properties);
  const computeType = text(properties.computeType) ?? null;
  const settings = record(properties.properties);
  const common = { computeType, localAuthDisabled: flag(properties.disableLocalAuth) ?? false };
  if (same(computeType, 'ComputeInstance')) return { ...common, ...instanceProps(settings) };
  if (same(computeType, 'AmlCompute')) return { ...common, ...clusterProps(settings) };
  return common;
}

function instanceProps(settings: Record<string, unknown>) {
  // enableNodePublicIp defaults to true: an instance has a public IP unless created without one.
  const publicIp = flag(settings.enableNodePublicIp) ?? true;
  const idle = text(settings.idleTimeBeforeShutdown);
  return {
    publicIp,
    internetExposed: publicIp,
    sshEnabled: enumIs(text(record(settings.sshSettings).sshPublicAccess), ['Enabled', 'Disabled'], 'Enabled'),
    idleShutdownMinutes: idle === undefined ? null : durationMinutes(idle),
    subnetId: text(record(settings.subnet).id) ?? null,
    latestOsImage: flag(record(settings.osImageMetadata).isLatestOsImageVersion),
  };
}

function clusterProps(settings: Record<string, unknown>) {
  const publicIp = flag(settings.enableNodePublicIp) ?? true;
  const subnetId = text(record(settings.subnet).id) ?? null;
  // NotSpecified (the default) leaves the SSH port open unless the cluster is in a virtual network.
  const remoteLogin = knownValue(text(settings.remoteLoginPortPublicAccess), ['Enabled', 'Disabled', 'NotSpecified']);
  const sshEnabled = remoteLogin === undefined ? undefined : remoteLogin === 'Enabled' || ((remoteLogin ?? 'NotSpecified') === 'NotSpecified' && subnetId === null);
  // A cluster "shuts down" by scaling to zero nodes after the idle time; with a minimum above zero it never does.
  const scale = record(settings.scaleSettings);
  const idle = text(scale.nodeIdleTimeBeforeScaleDown);
  const idleShutdownMinutes = scale.minNodeCount === 0 && idle !== undefined ? durationMinutes(idle) : typeof scale.minNodeCount === 'number' && scale.minNodeCount > 0 ? null : undefined;
  return { publicIp, internetExposed: publicIp, sshEnabled, idleShutdownMinutes, subnetId };
}

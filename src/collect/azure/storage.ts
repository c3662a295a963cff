import { StorageManagementClient, type StorageAccount } from '@azure/arm-storage';
import { forEachConcurrently } from '../runtime.js';
import { drain, enumIs, flag, isObject, jsonRecord, record, lastSegment, openToInternet, same, subscriptionOf, tagsOf, withinScope, type ResourceIdParts } from './arm.js';
import { modularClientOptions } from './connection.js';
import { keyIdFromVault, linkEncryptionKey } from './keys.js';
import { ArmRest } from './rest.js';
import { resourceRef, SERVICES, type AzureScan } from './session.js';

/**
 * Storage accounts that matter to the AI estate: those workspaces and datastores keep their data in,
 * and those the AI identities hold blob data roles on. Only these are added to the graph; the rest
 * of a subscription's storage is out of scope.
 */

const STORAGE_TYPE = 'azure.storage.account';
const DEFENDER_FOR_STORAGE_API_VERSION = '2025-06-01';

interface ListedAccount {
  subscriptionId: string;
  account: StorageAccount & { id: string };
}

/** The storage accounts of the scanned subscriptions, with the client of each subscription. */
export interface StorageListing {
  listed: ListedAccount[];
  clients: Map<string, StorageManagementClient>;
}

export async function listStorageAccounts(scan: AzureScan, subscriptionIds: readonly string[]): Promise<StorageListing> {
  const listed: ListedAccount[] = [];
  const clients = new Map<string, StorageManagementClient>();
  await forEachConcurrently(subscriptionIds, async (subscriptionId) => {
    const client = new StorageManagementClient(scan.connection.credential, subscriptionId, modularClientOptions(scan.connection));
    clients.set(subscriptionId, client);
    const accounts = await scan.call(subscriptionId, SERVICES.storage, 'storageAccounts.list', () => drain(client.storageAccounts.list()));
    for (const account of accounts ?? []) if (account.id) listed.push({ subscriptionId, account: { ...account, id: account.id } });
  });
  return { listed, clients };
}

/**
 * Adds the storage accounts that matter, from `listing` when it was started earlier, else listed
 * now; nothing is listed when no AI resource uses storage and no identity holds a data role.
 */
export async function collectStorage(scan: AzureScan, subscriptionIds: readonly string[], listing?: Promise<StorageListing>): Promise<void> {
  if (!listing && scan.storageUses.length === 0 && scan.dataGrants.length === 0) return;
  const { listed, clients } = await (listing ?? listStorageAccounts(scan, subscriptionIds));
  const byId = new Map(listed.map((entry) => [entry.account.id.toLowerCase(), entry]));
  const byName = new Map(listed.map((entry) => [(entry.account.name ?? lastSegment(entry.account.id)).toLowerCase(), entry]));

  /** Accounts to add, by lower-case id, and whether AI data is known to be in them. */
  const relevant = new Map<string, { entry: ListedAccount; aiData: boolean }>();
  for (const use of scan.storageUses) {
    const entry = use.storageId ? byId.get(use.storageId.toLowerCase()) : use.storageName ? byName.get(use.storageName.toLowerCase()) : undefined;
    if (entry) {
      relevant.set(entry.account.id.toLowerCase(), { entry, aiData: true });
      scan.graph.link(use.from, use.edge, entry.account.id);
    } else if (use.storageId) {
      // In a subscription that was not scanned or could not be listed: known only from the reference.
      scan.graph.reference({ id: use.storageId, type: STORAGE_TYPE, account: subscriptionOf(use.storageId) ?? use.account, region: use.region, name: lastSegment(use.storageId), props: { sensitiveData: true } });
      scan.graph.link(use.from, use.edge, use.storageId);
    }
  }
  for (const grant of scan.dataGrants) {
    for (const entry of listed) {
      if (!withinScope(entry.account.id, grant.scope)) continue;
      const key = entry.account.id.toLowerCase();
      if (!relevant.has(key)) relevant.set(key, { entry, aiData: false });
      for (const identityId of grant.identityIds) scan.graph.link(identityId, grant.edge, entry.account.id);
    }
  }
  const rest = new ArmRest(scan.connection);
  await forEachConcurrently([...relevant.values()], ({ entry, aiData }) => addStorageAccount(scan, clients.get(entry.subscriptionId)!, rest, entry, aiData));
}

async function addStorageAccount(scan: AzureScan, client: StorageManagementClient, rest: ArmRest, { subscriptionId, account }: ListedAccount, aiData: boolean): Promise<void> {
  const resource = resourceRef(account, subscriptionId);
  if (!resource) return;
  const { parts, ...ref } = resource;
  const internetExposed = openToInternet(account.publicNetworkAccess, account.networkRuleSet?.defaultAction);
  // The spec reads an absent allowBlobPublicAccess as false since 2023-01-01 (true before, e.g. at
  // 2021-09-01), and accounts created before the November 2023 default change can lack the field and
  // still allow anonymous access: absent stays unknown, and the containers say what is public.
  const allowBlobPublicAccess = account.allowBlobPublicAccess;
  // Nothing is anonymously readable where the account forbids it or no network path reaches it.
  const [publicContainers, defender] = await Promise.all([
    allowBlobPublicAccess === false || internetExposed === false ? [] : readPublicContainers(scan, client, subscriptionId, parts),
    readDefenderForStorage(scan, rest, subscriptionId, ref.id),
  ]);
  if (same(account.encryption?.keySource, 'Microsoft.Keyvault')) linkEncryptionKey(scan, ref, keyIdFromVault(account.encryption?.keyVaultProperties?.keyVaultUri, account.encryption?.keyVaultProperties?.keyName));
  scan.graph.add({
    ...ref,
    type: STORAGE_TYPE,
    tags: tagsOf(account.tags),
    props: {
      ...(aiData ? { sensitiveData: true } : {}),
      internetExposed,
      allowBlobPublicAccess,
      publicNetworkAccess: account.publicNetworkAccess ?? null,
      networkDefaultAction: account.networkRuleSet?.defaultAction ?? null,
      sharedKeyAccess: account.allowSharedKeyAccess !== false,
      customerManagedKey: enumIs(account.encryption?.keySource, ['Microsoft.Storage', 'Microsoft.Keyvault'], 'Microsoft.Keyvault'),
      ...(publicContainers ? { publicContainers, publicRead: publicContainers.length > 0 } : {}),
      ...defender,
      // Anonymous access to Azure Storage is read-only.
      publicWrite: false,
    },
    raw: jsonRecord(account),
  });
}

/**
 * Defender for Storage on the account (DefenderForStorage_Get, Microsoft.Security 2025-06-01, the
 * newest GA version): the settings in force, whether set on the account (overrideSubscriptionLevelSettings)
 * or inherited from the subscription's StorageAccounts plan, as the API documents them ("Gets the
 * Defender for Storage settings for the specified storage account"). Sensitive data discovery
 * classifies the blobs (personal, financial and credential data) for Defender CSPM's data-aware
 * attack paths and alerts; it needs the plan on. Nothing when the read failed (unknown).
 */
async function readDefenderForStorage(scan: AzureScan, rest: ArmRest, subscriptionId: string, accountId: string): Promise<Record<string, boolean | null>> {
  const setting = await scan.call(subscriptionId, SERVICES.defenderForStorage, 'defenderForStorageSettings.get', () => rest.get(`${accountId}/providers/Microsoft.Security/defenderForStorageSettings/current`, DEFENDER_FOR_STORAGE_API_VERSION));
  if (!isObject(setting)) return {};
  const properties = record(setting.properties);
  const enabled = flag(properties.isEnabled);
  const discovery = flag(record(properties.sensitiveDataDiscovery).isEnabled);
  return {
    ...(enabled === undefined ? {} : { defenderForStorage: enabled }),
    // Discovery runs only where the plan is on; off when either is off, unknown when the API leaves either out.
    ...(enabled === false || discovery === false ? { sensitiveDataDiscovery: false } : enabled && discovery ? { sensitiveDataDiscovery: true } : {}),
    defenderSettingsOverridden: flag(properties.overrideSubscriptionLevelSettings) ?? null,
  };
}

/** Containers that allow anonymous reads (publicAccess Blob or Container); undefined when they could not be listed. */
async function readPublicContainers(scan: AzureScan, client: StorageManagementClient, subscriptionId: string, parts: ResourceIdParts): Promise<string[] | undefined> {
  const containers = await scan.call(subscriptionId, SERVICES.storage, 'blobContainers.list', () => drain(client.blobContainers.list(parts.resourceGroup, parts.name)));
  return containers
    ?.filter((container) => container.publicAccess !== undefined && !same(container.publicAccess, 'None'))
    .map((container) => container.name ?? '')
    .sort();
}

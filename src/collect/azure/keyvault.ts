import { KeyVaultManagementClient, type Vault } from '@azure/arm-keyvault';
import { forEachConcurrently } from '../runtime.js';
import { drain } from './arm.js';
import { modularClientOptions } from './connection.js';
import { KEY_TYPE } from './keys.js';
import { hostOf } from './search.js';
import { SERVICES, type AzureScan } from './session.js';

/**
 * The Key Vaults that hold the customer-managed keys of AI resources: whether a deleted key can be
 * recovered (soft delete) and whether anyone can purge it before the retention ends (purge
 * protection). Without both, deleting the key or its vault, by mistake or by an attacker, makes the
 * data it encrypts unreadable for good. Read with @azure/arm-keyvault 5, which sends api-version
 * 2026-02-01, only when some AI resource names a key; a vault is matched to its keys by its URI.
 * The keys themselves (rotation policy) are data-plane objects aispm does not read.
 */
/** The vaults of the scanned subscriptions, by host name (lower case). */
export async function listKeyVaults(scan: AzureScan, subscriptionIds: readonly string[]): Promise<Map<string, Vault>> {
  const vaults = new Map<string, Vault>();
  await forEachConcurrently(subscriptionIds, async (subscriptionId) => {
    const client = new KeyVaultManagementClient(scan.connection.credential, subscriptionId, modularClientOptions(scan.connection));
    const listed = await scan.call(subscriptionId, SERVICES.keyVault, 'vaults.listBySubscription', () => drain(client.vaults.listBySubscription()));
    for (const vault of listed ?? []) {
      const host = hostOf(vault.properties?.vaultUri);
      if (host) vaults.set(host.toLowerCase(), vault);
    }
  });
  return vaults;
}

/** Adds the vault's settings to every key named so far, from `listing` when it was started earlier, else listed now. */
export async function collectKeyVaults(scan: AzureScan, subscriptionIds: readonly string[], listing?: Promise<Map<string, Vault>>): Promise<void> {
  if (!listing && scan.encryptionKeys.size === 0) return;
  const vaults = await (listing ?? listKeyVaults(scan, subscriptionIds));
  for (const [keyId, holder] of scan.encryptionKeys) {
    const vault = vaults.get(hostOf(keyId)?.toLowerCase() ?? '');
    if (!vault) continue;
    scan.graph.reference({ id: keyId, type: KEY_TYPE, account: holder.account, region: holder.region, name: keyId.split('/').pop()!, props: vaultProps(vault) });
  }
}

export function vaultProps(vault: Vault) {
  const properties = vault.properties;
  return {
    vaultId: vault.id ?? null,
    // Absent: unknown (the service sets it on creation, and the answer carries it).
    ...(typeof properties?.enableSoftDelete === 'boolean' ? { softDelete: properties.enableSoftDelete } : {}),
    // Absent: off, the default (purge protection is only returned once it is turned on).
    purgeProtection: properties?.enablePurgeProtection === true,
    softDeleteRetentionDays: properties?.softDeleteRetentionInDays ?? null,
  };
}

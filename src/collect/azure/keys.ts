import type { AzureScan, ResourceRef } from './session.js';

/**
 * Key Vault keys used as customer-managed keys. The key is known from the encrypting resource's
 * record (vault URI and key name); its vault's recovery settings come from the vault listing
 * (keyvault.ts), and the key's own settings (rotation policy) stay unknown.
 */

/** The versionless key URL (https://<vault>.vault.azure.net/keys/<name>) from a key identifier with or without version. */
export function keyIdFromIdentifier(identifier: string | undefined): string | undefined {
  const match = identifier ? /^(https:\/\/[^/]+)\/keys\/([^/]+)/i.exec(identifier) : null;
  return match ? `${match[1]!.toLowerCase()}/keys/${match[2]!}` : undefined;
}

export function keyIdFromVault(vaultUri: string | undefined, keyName: string | undefined): string | undefined {
  return vaultUri && keyName ? keyIdFromIdentifier(`${vaultUri.replace(/\/+$/, '')}/keys/${keyName}`) : undefined;
}

export const KEY_TYPE = 'azure.keyvault.key';

/** Links a resource to the key that encrypts it; the key sits with the resource (CMK vaults are in the resource's region). */
export function linkEncryptionKey(scan: AzureScan, holder: ResourceRef, keyId: string | undefined): void {
  if (!keyId) return;
  if (!scan.encryptionKeys.has(keyId)) scan.encryptionKeys.set(keyId, holder);
  scan.graph.reference({ id: keyId, type: KEY_TYPE, account: holder.account, region: holder.region, name: keyId.split('/').pop()!, props: {} });
  scan.graph.link(holder.id, 'encrypted-by', keyId);
}

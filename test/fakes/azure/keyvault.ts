import type { ArmJson, FakeTenant } from './arm-server.js';

/**
 * The Key Vaults of the fake tenant, as Microsoft.KeyVault 2026-02-01 (what @azure/arm-keyvault 5
 * sends) answers Vaults_ListBySubscription:
 *
 * - `acme-kv` (planted): holds the CMKs of the Azure OpenAI accounts, the ML workspaces and the
 *   storage accounts; soft delete on, purge protection never turned on (the field is absent).
 * - `acme-kv-prot`, its hardened twin: holds `foundry-prod`'s key, with purge protection on.
 * - `kv-unrelated`: a vault no AI resource uses, which stays out of the graph.
 */

const SUB_PROD = '11111111-1111-4111-8111-111111111111';
const TENANT_ID = 'aaaaaaaa-0000-4000-8000-000000000000';
const vaultId = (name: string) => `/subscriptions/${SUB_PROD}/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/${name}`;

export const vaultIds = { open: vaultId('acme-kv'), protected: vaultId('acme-kv-prot'), unrelated: vaultId('kv-unrelated') };

function vault(name: string, properties: ArmJson): ArmJson {
  return {
    id: vaultId(name),
    name,
    type: 'Microsoft.KeyVault/vaults',
    location: 'swedencentral',
    tags: {},
    properties: { tenantId: TENANT_ID, sku: { family: 'A', name: 'standard' }, vaultUri: `https://${name}.vault.azure.net/`, enableRbacAuthorization: true, provisioningState: 'Succeeded', publicNetworkAccess: 'Disabled', ...properties },
  };
}

export function addKeyVaults(tenant: FakeTenant): void {
  tenant.add(
    vault('acme-kv', { enableSoftDelete: true, softDeleteRetentionInDays: 7 }),
    vault('acme-kv-prot', { enableSoftDelete: true, softDeleteRetentionInDays: 90, enablePurgeProtection: true }),
    vault('kv-unrelated', { enableSoftDelete: true, softDeleteRetentionInDays: 90 }),
  );
}

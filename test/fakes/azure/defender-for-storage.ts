import type { ArmJson, FakeTenant } from './arm-server.js';
import { ids } from './estate.js';

/**
 * Defender for Storage settings of the fake tenant's storage accounts, as Microsoft.Security
 * 2025-06-01 answers DefenderForStorage_Get (`{account}/providers/Microsoft.Security/defenderForStorageSettings/current`):
 *
 * - `stmltraining` (planted): Defender for Storage on with malware scanning, sensitive data
 *   discovery turned off on the account (overriding the subscription).
 * - `stmlhub` (planted): the plan is off for it.
 * - `stmlcurated`, `stmllocked`, `stmllegacy`: on, with sensitive data discovery, inherited from the
 *   subscription.
 * - `stunrelated`: off, but reached only through a data role: not known to hold AI data.
 */

function setting(account: string, properties: ArmJson): ArmJson {
  return { id: `${account}/providers/Microsoft.Security/defenderForStorageSettings/current`, name: 'current', type: 'Microsoft.Security/defenderForStorageSettings', properties };
}

const malwareScanning = (isEnabled: boolean) => ({ onUpload: { isEnabled, capGBPerMonth: 5000 }, blobScanResultsOptions: 'blobIndexTags' });
const inherited = { isEnabled: true, malwareScanning: malwareScanning(true), sensitiveDataDiscovery: { isEnabled: true }, overrideSubscriptionLevelSettings: false };

export function addDefenderForStorage(tenant: FakeTenant): void {
  tenant.addUnlisted(
    setting(ids.storageTraining, { isEnabled: true, malwareScanning: malwareScanning(true), sensitiveDataDiscovery: { isEnabled: false }, overrideSubscriptionLevelSettings: true }),
    setting(ids.storageHub, { isEnabled: false, malwareScanning: malwareScanning(false), sensitiveDataDiscovery: { isEnabled: false }, overrideSubscriptionLevelSettings: false }),
    setting(ids.storageCurated, inherited),
    setting(ids.storageLocked, inherited),
    setting(ids.storageLegacy, inherited),
    // Near miss: off, but only reached through a data role (not known to hold AI data).
    setting(ids.storageUnrelated, { isEnabled: false, sensitiveDataDiscovery: { isEnabled: false }, overrideSubscriptionLevelSettings: true }),
  );
}

import { AccountsProgress } from '../progress.js';
import { forEachConcurrently } from '../runtime.js';
import { collectCognitiveServices } from './cognitive-services.js';
import { collectDatabricks } from './databricks.js';
import { collectDefenderPlans, linkDefenderPlans } from './defender.js';
import { collectIdentities, collectRoleAssignments, referenceIdentities } from './identities.js';
import { collectKeyVaults, listKeyVaults } from './keyvault.js';
import { collectMachineLearning } from './machine-learning.js';
import { collectPolicyAssignments, linkPolicyGuardrails } from './policy.js';
import { collectSearch, linkSearchUses, linkSearchWriters } from './search.js';
import type { AzureScan } from './session.js';
import { collectStorage, listStorageAccounts } from './storage.js';

/**
 * What is in the subscriptions: the AI resources of every subscription first, then the identities
 * they run as and their role assignments, then the storage those identities and the workspaces
 * reach, and the vaults of the keys that encrypt them (listings that need only the AI resources
 * start as soon as those are read). Each phase runs across subscriptions at once, under the scan's
 * one concurrency limit.
 * Loaded by collect.ts once the subscription listing is answered: this module brings every
 * service's SDK client with it.
 */
export async function collectSubscriptions(scan: AzureScan, subscriptionIds: string[]): Promise<void> {
  const progress = new AccountsProgress(scan.context, 'subscriptions', subscriptionIds.length, () => scan.assetCount);
  progress.show();
  await forEachConcurrently(subscriptionIds, async (subscriptionId) => {
    await Promise.all([collectCognitiveServices(scan, subscriptionId), collectMachineLearning(scan, subscriptionId), collectSearch(scan, subscriptionId), collectDefenderPlans(scan, subscriptionId), collectDatabricks(scan, subscriptionId), collectPolicyAssignments(scan, subscriptionId)]);
    progress.finished();
  });
  linkSearchUses(scan);
  linkDefenderPlans(scan);
  linkPolicyGuardrails(scan);
  progress.show('; identities and role assignments');
  // What the AI resources name is enough to list the user-assigned identities, and says whether the
  // storage accounts and the vaults will be needed: those listings go out beside the role
  // assignments, and what uses them waits for its other inputs.
  const storage = scan.storageUses.length > 0 ? listStorageAccounts(scan, subscriptionIds) : undefined;
  const vaults = scan.encryptionKeys.size > 0 ? listKeyVaults(scan, subscriptionIds) : undefined;
  // Awaited below; until then a failure (Ctrl-C) is not an unhandled rejection.
  for (const listing of [storage, vaults]) listing?.catch(() => {});
  await Promise.all([collectRoleAssignments(scan, subscriptionIds).then(() => linkSearchWriters(scan)), collectIdentities(scan, subscriptionIds)]);
  referenceIdentities(scan);
  progress.show('; storage');
  await collectStorage(scan, subscriptionIds, storage);
  // After storage: CMK-encrypted storage accounts name keys too.
  await collectKeyVaults(scan, subscriptionIds, vaults);
}

import { AccountsProgress } from '../progress.js';
import { forEachConcurrently } from '../runtime.js';
import { collectCognitiveServices } from './cognitive-services.js';
import { collectDatabricks } from './databricks.js';
import { collectDefenderPlans, linkDefenderPlans } from './defender.js';
import { collectIdentities, collectRoleAssignments } from './identities.js';
import { collectKeyVaults } from './keyvault.js';
import { collectMachineLearning } from './machine-learning.js';
import { collectPolicyAssignments, linkPolicyGuardrails } from './policy.js';
import { collectSearch, linkSearchUses, linkSearchWriters } from './search.js';
import type { AzureScan } from './session.js';
import { collectStorage } from './storage.js';

/**
 * What is in the subscriptions: the AI resources of every subscription first, then the identities
 * they run as and their role assignments, then the storage those identities and the workspaces
 * reach. Each phase runs across subscriptions at once, under the scan's one concurrency limit.
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
  await collectRoleAssignments(scan, subscriptionIds);
  linkSearchWriters(scan);
  await collectIdentities(scan, subscriptionIds);
  progress.show('; storage');
  await collectStorage(scan, subscriptionIds);
  // After storage: CMK-encrypted storage accounts name keys too.
  await collectKeyVaults(scan, subscriptionIds);
}

import { SubscriptionClient, type Subscription } from '@azure/arm-resources-subscriptions';
import type { Inventory } from '../../graph/model.js';
import { NoCredentialsError, type CollectorContext } from '../collector.js';
import { forEachConcurrently, identityTimeoutMs, InventoryBuilder } from '../runtime.js';
import { drain, same } from './arm.js';
import { collectCognitiveServices } from './cognitive-services.js';
import { classifyAzureError, clientOptions, isUnauthenticated, requestSignal, type ArmConnection, type PipelineTuning } from './connection.js';
import { armTarget, resolveCredential } from './credentials.js';
import { collectDefenderPlans, linkDefenderPlans } from './defender.js';
import { collectIdentities, collectRoleAssignments } from './identities.js';
import { collectKeyVaults } from './keyvault.js';
import { collectMachineLearning } from './machine-learning.js';
import { collectSearch, linkSearchUses } from './search.js';
import { AzureScan, SERVICES } from './session.js';
import { collectStorage } from './storage.js';

/** The account of tenant-wide calls (the subscription listing) in coverage. */
const TENANT = 'tenant';

/** Subscriptions in these states reject reads of their resources. */
const UNREADABLE_STATES = ['Disabled', 'Deleted'];

/**
 * An Azure scan: the AI resources of every subscription first, then the identities they run as and
 * their role assignments, then the storage those identities and the workspaces reach. Each phase
 * runs across subscriptions at once, under the scan's one concurrency limit.
 */
export async function collectAzure(context: CollectorContext, options: { env: NodeJS.ProcessEnv; tuning: PipelineTuning }): Promise<Inventory> {
  const target = armTarget(context.scope.azureCloud, options.env);
  context.progress('signing in');
  const credential = await resolveCredential(target, options.env, context.signal, context.log);
  const connection: ArmConnection = { credential, target, timeoutMs: context.timeoutMs, signal: requestSignal(context.signal, context.concurrency), tuning: options.tuning };
  const scan = new AzureScan(connection, context, new InventoryBuilder('azure', context, classifyAzureError));

  const subscriptionIds = await selectSubscriptions(scan, context.scope.azureSubscriptions);
  let read = 0;
  const progress = (then = '') => context.progress(`${read}/${subscriptionIds.length} subscriptions, ${scan.assetCount} assets${then}`);
  progress();
  await forEachConcurrently(subscriptionIds, async (subscriptionId) => {
    await Promise.all([collectCognitiveServices(scan, subscriptionId), collectMachineLearning(scan, subscriptionId), collectSearch(scan, subscriptionId), collectDefenderPlans(scan, subscriptionId)]);
    read++;
    progress();
  });
  linkSearchUses(scan);
  linkDefenderPlans(scan);
  progress('; identities and role assignments');
  await collectRoleAssignments(scan, subscriptionIds);
  await collectIdentities(scan, subscriptionIds);
  progress('; storage');
  await collectStorage(scan, subscriptionIds);
  // After storage: CMK-encrypted storage accounts name keys too.
  await collectKeyVaults(scan, subscriptionIds);
  return scan.graph.finish();
}

/**
 * The subscriptions to scan: every one the credential sees, or those named with
 * `--azure-subscription`. A named one the credential does not see is a coverage gap; when the listing
 * itself is refused, the named ones are tried anyway. Azure refusing the credential itself stops
 * the scan (exit 2), as missing credentials do.
 */
async function selectSubscriptions(scan: AzureScan, requested: readonly string[] | undefined): Promise<string[]> {
  // The first call, and the proof that Resource Manager answers at all: its attempts time out sooner
  // and it has a short deadline (runtime.ts), so a dead or silent endpoint ends the Azure scan in
  // under a minute; throttling still rides out its retries.
  const { connection } = scan;
  const client = new SubscriptionClient(connection.credential, clientOptions({ ...connection, timeoutMs: identityTimeoutMs(connection.timeoutMs) }));
  let visible: Subscription[] | undefined;
  try {
    visible = await scan.identityCall(TENANT, SERVICES.subscriptions, () => drain(client.subscriptions.list()));
    scan.record(TENANT, SERVICES.subscriptions, 'ok');
  } catch (error) {
    scan.context.signal.throwIfAborted();
    const { status, message } = classifyAzureError(error);
    // As every other failed call is (InventoryBuilder.call): --debug shows it.
    scan.context.log.debug(`azure ${TENANT}/global subscriptions.list: ${status}: ${message}`);
    if (isUnauthenticated(error)) throw new NoCredentialsError('azure', `Azure Resource Manager refused the credentials: ${message}`);
    scan.record(TENANT, SERVICES.subscriptions, status, `subscriptions.list: ${message}`);
  }
  if (!visible) return [...(requested ?? [])];
  const readable: string[] = [];
  for (const subscription of visible) {
    const id = subscription.subscriptionId;
    if (!id || (requested && !requested.some((wanted) => same(wanted, id)))) continue;
    if (UNREADABLE_STATES.some((state) => same(subscription.state, state))) {
      scan.record(id, SERVICES.subscriptions, 'skipped', `subscription is ${subscription.state}`);
      continue;
    }
    readable.push(id);
  }
  for (const wanted of requested ?? []) {
    if (!visible.some((subscription) => same(subscription.subscriptionId, wanted))) {
      scan.record(wanted, SERVICES.subscriptions, 'denied', 'the credential cannot see this subscription (not found in subscriptions.list)');
    }
  }
  return readable.sort();
}

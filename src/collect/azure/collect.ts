import { SubscriptionClient, type Subscription } from '@azure/arm-resources-subscriptions';
import type { Inventory } from '../../graph/model.js';
import { inShard } from '../shard.js';
import { NoCredentialsError, type CollectorContext } from '../collector.js';
import { identityTimeoutMs, InventoryBuilder } from '../runtime.js';
import { drain, same } from './arm.js';
import { classifyAzureError, clientOptions, isUnauthenticated, requestSignal, type ArmConnection, type PipelineTuning } from './connection.js';
import { armTarget, resolveCredential } from './credentials.js';
import { AzureScan, SERVICES } from './session.js';

/** The account of tenant-wide calls (the subscription listing) in coverage. */
const TENANT = 'tenant';

/** Subscriptions in these states reject reads of their resources. */
const UNREADABLE_STATES = ['Disabled', 'Deleted'];

/**
 * An Azure scan: the subscriptions first (the call that proves Resource Manager answers), then what
 * is in them (subscriptions.ts). This module loads only the subscription client, so that the first
 * call leaves as soon as the process starts; the services' clients load once it is answered (not
 * while it is in flight: compiling them holds the event loop, and an answer that waits behind that
 * can outlast its timeout).
 */
export async function collectAzure(context: CollectorContext, options: { env: NodeJS.ProcessEnv; tuning: PipelineTuning }): Promise<Inventory> {
  const target = armTarget(context.scope.azureCloud, options.env);
  context.progress('signing in');
  const credential = await resolveCredential(target, options.env, context.signal, context.log);
  const connection: ArmConnection = { credential, target, timeoutMs: context.timeoutMs, signal: requestSignal(context.signal, context.concurrency), tuning: options.tuning };
  const scan = new AzureScan(connection, context, new InventoryBuilder('azure', context, classifyAzureError));

  // `--shard i/n`: this scanner's share of the subscriptions found (shard.ts).
  const subscriptionIds = inShard(await selectSubscriptions(scan, context.scope.azureSubscriptions), context.scope.shard, String);
  const { collectSubscriptions } = await import('./subscriptions.js');
  await collectSubscriptions(scan, subscriptionIds);
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

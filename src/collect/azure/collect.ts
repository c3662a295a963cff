import { SubscriptionClient, type Subscription } from '@azure/arm-resources-subscriptions';
import type { Inventory } from '../../graph/model.js';
import { inShard } from '../shard.js';
import { NoCredentialsError, type CollectorContext, type CollectScope } from '../collector.js';
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

  const subscriptionIds = await selectSubscriptions(scan, context.scope);
  const { collectSubscriptions } = await import('./subscriptions.js');
  await collectSubscriptions(scan, subscriptionIds);
  return scan.graph.finish();
}

/**
 * The subscriptions to scan: every one the credential sees, or those named with
 * `--azure-subscription` and those beneath the `--azure-management-group`s (management-groups.ts,
 * loaded only then), less `--azure-exclude-subscription`, in the shard (`--shard i/n`, shard.ts). A
 * subscription in scope that the credential does not see is a coverage gap, and one that is Disabled
 * or Deleted is skipped; when the listing itself is refused, those in scope are tried anyway. A
 * management group that cannot be read is a coverage gap of the group. Azure refusing the credential
 * itself stops the scan (exit 2), as missing credentials do.
 */
async function selectSubscriptions(scan: AzureScan, scope: CollectScope): Promise<string[]> {
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
  const excluded = scope.azureExcludeSubscriptions ?? [];
  const wanted = (id: string) => !excluded.some((other) => same(other, id)) && inShard([id], scope.shard, String).length > 0;
  const named = await subscriptionsNamed(scan, scope);
  const requested = named?.filter(wanted);
  if (!visible) return [...(requested ?? [])].sort();
  const readable: string[] = [];
  let found = 0;
  for (const subscription of visible) {
    const id = subscription.subscriptionId;
    if (!id || (requested && !requested.some((one) => same(one, id)))) continue;
    if (!requested && !wanted(id)) continue;
    found++;
    if (UNREADABLE_STATES.some((state) => same(subscription.state, state))) {
      scan.record(id, SERVICES.subscriptions, 'skipped', `subscription is ${subscription.state}`);
      continue;
    }
    readable.push(id);
  }
  for (const one of requested ?? []) {
    if (!visible.some((subscription) => same(subscription.subscriptionId, one))) {
      found++;
      scan.record(one, SERVICES.subscriptions, 'denied', 'the credential cannot see this subscription (not found in subscriptions.list)');
    }
  }
  if (scope.shard) scan.context.log.info(`azure: shard ${scope.shard.index}/${scope.shard.count}: ${found} of the subscriptions in scope`);
  return readable.sort();
}

/**
 * The subscriptions `--azure-subscription` and `--azure-management-group` name, or undefined when
 * neither is given (then every visible subscription is in scope).
 */
async function subscriptionsNamed(scan: AzureScan, scope: CollectScope): Promise<string[] | undefined> {
  const groups = scope.azureManagementGroups ?? [];
  if (!scope.azureSubscriptions && groups.length === 0) return undefined;
  const named = [...(scope.azureSubscriptions ?? [])];
  if (groups.length) {
    const { subscriptionsBeneath } = await import('./management-groups.js');
    for (const beneath of await Promise.all(groups.map((group) => subscriptionsBeneath(scan, group)))) named.push(...(beneath ?? []));
  }
  return [...new Map(named.map((id) => [id.toLowerCase(), id])).values()];
}

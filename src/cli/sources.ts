import { InputError } from '../errors.js';
import { NoCredentialsError, mergeInventories, type CollectorContext, type CollectScope } from '../collect/collector.js';
import { firstRequestOnTheWire } from '../collect/first-request.js';
import { PROVIDER_COLLECTORS } from '../collect/providers.js';
import { PROVIDERS, type Inventory, type Provider } from '../graph/model.js';
import type { Logger } from '../log.js';
import type { Shard } from '../collect/shard-option.js';

/** The source options shared by `scan` and `inventory`. */
export interface SourceOptions {
  demo?: boolean;
  snapshot?: string;
  terraformPlan?: string;
  terraformDir?: string;
  /** `aispm merge`: snapshots joined into one inventory (graph/merge.ts). */
  merge?: string[];
  provider?: string[];
  regions?: string[];
  awsProfile?: string[];
  awsOrganization?: boolean;
  awsAccount?: string[];
  awsExcludeAccount?: string[];
  awsRoleName?: string;
  awsExternalId?: string;
  shard?: Shard;
  azureSubscription?: string[];
  azureManagementGroup?: string[];
  azureExcludeSubscription?: string[];
  azureCloud?: 'public' | 'china' | 'usgov';
  gcpProject?: string[];
  gcpOrganization?: string[];
  gcpFolder?: string[];
  gcpExcludeProject?: string[];
  gcpLocations?: string[];
  concurrency?: number;
  timeout?: number;
}

/**
 * HTTP requests in flight per provider by default. Measured on the live benchmark's AWS estate at 50 ms
 * per call: 16 → 2.77 s, 32 → 2.22 s, 64 → 2.09 s (Azure and Google Cloud gain little: their chains
 * are short). Each region's share still halves on throttling, so a real account's limits hold.
 */
export const DEFAULT_CONCURRENCY = 32;
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** An inventory being read: the promise of it, and when other work may load code beside it. */
export interface InventoryReading {
  inventory: Promise<Inventory>;
  /**
   * Resolves when compiling more code no longer holds the reading back: at once for the demo and
   * snapshots; for live providers once the first API request is on the wire, or reading has ended.
   */
  underWay: Promise<void>;
  /** Stops a live reading (the scan failed for another reason); the inventory then rejects. */
  stop: (reason: unknown) => void;
}

/**
 * Starts reading the inventory and returns at once, so that a live scan's first API call does not
 * wait for the rule engine to load (bench/live.mjs measures the time to the first call).
 */
export function startReadingInventory(options: SourceOptions, log: Logger, progress: (message: string) => void, signal: AbortSignal): InventoryReading {
  const reading = new AbortController();
  const stop = (reason: unknown) => reading.abort(reason);
  const interrupted = () => stop(signal.reason);
  if (signal.aborted) interrupted();
  else signal.addEventListener('abort', interrupted, { once: true });
  // Once stopped, calls still in flight may end later than the inventory's promise: they say nothing
  // more, so that the error that stopped the reading is the last thing printed.
  const whileReading =
    <A extends unknown[]>(write: (...args: A) => void) =>
    (...args: A) => {
      if (!reading.signal.aborted) write(...args);
    };
  const readingLog: Logger = { debug: whileReading(log.debug), info: whileReading(log.info), warn: whileReading(log.warn) };
  const sent = readsLiveProviders(options) ? firstRequestOnTheWire() : Promise.resolve();
  const inventory = readInventory(options, readingLog, whileReading(progress), reading.signal).finally(() => signal.removeEventListener('abort', interrupted));
  // Whoever awaits the inventory sees its error; until then it must not count as unhandled.
  inventory.catch(() => {});
  return { inventory, underWay: Promise.race([sent, inventory.then(nothing, nothing)]), stop };
}

const nothing = () => {};

/** Whether the inventory comes from the clouds' APIs (not the demo, a snapshot or a Terraform plan). */
export function readsLiveProviders(options: SourceOptions): boolean {
  return !options.demo && !options.snapshot && !options.terraformPlan && !options.merge;
}

/** Reads the inventory from the demo, a snapshot, or live providers. */
export async function readInventory(options: SourceOptions, log: Logger, progress: (message: string) => void, signal: AbortSignal): Promise<Inventory> {
  const chosen = [options.demo ? '--demo' : '', options.snapshot ? '--snapshot' : '', options.terraformPlan ? '--terraform-plan' : '', options.provider ? '--provider' : ''].filter(Boolean);
  if (chosen.length > 1) throw new InputError({ message: `${chosen.join(' and ')} cannot be combined`, hint: 'choose one source: the demo, a snapshot, a Terraform plan, or live providers' });
  if (options.terraformDir && !options.terraformPlan) throw new InputError({ field: '--terraform-dir', message: 'needs --terraform-plan', hint: 'give the plan whose configuration this directory holds' });
  if (options.demo) {
    const { loadDemoInventory } = await import('../collect/demo.js');
    return loadDemoInventory();
  }
  if (options.snapshot) {
    const { loadSnapshotInSlices } = await import('../graph/snapshot.js');
    return loadSnapshotInSlices(options.snapshot, signal);
  }
  if (options.terraformPlan) {
    const { loadTerraformPlan } = await import('../terraform/inventory.js');
    return loadTerraformPlan(options.terraformPlan, options.terraformDir);
  }
  if (options.merge) {
    const [{ loadSnapshotInSlices }, { mergeSnapshots }] = await Promise.all([import('../graph/snapshot.js'), import('../graph/merge.js')]);
    const inventories = [];
    for (const file of options.merge) inventories.push(await loadSnapshotInSlices(file, signal));
    return mergeSnapshots(inventories);
  }
  return collectLive(options, log, progress, signal);
}

/** The organization flags need a role to assume, and one set of credentials to assume it with. */
function checkAwsAccountOptions(options: SourceOptions): void {
  const byRole = options.awsOrganization || Boolean(options.awsAccount?.length);
  if (byRole && !options.awsRoleName) {
    throw new InputError({ field: options.awsOrganization ? '--aws-organization' : '--aws-account', message: 'needs --aws-role-name, the role to assume in each account', hint: 'for example --aws-role-name AispmReadOnly (docs/permissions explains the role)' });
  }
  if (!byRole && (options.awsRoleName || options.awsExternalId || options.awsExcludeAccount?.length)) {
    const flag = options.awsRoleName ? '--aws-role-name' : options.awsExternalId ? '--aws-external-id' : '--aws-exclude-account';
    throw new InputError({ field: flag, message: 'applies only with --aws-organization or --aws-account' });
  }
  if (byRole && (options.awsProfile?.length ?? 0) > 1) {
    throw new InputError({ field: '--aws-profile', message: 'give at most one with --aws-organization or --aws-account: the credentials that assume the role in each account' });
  }
  if (options.awsRoleName !== undefined && !/^[\w+=,.@-]{1,64}$/.test(options.awsRoleName)) {
    throw new InputError({ field: '--aws-role-name', message: `"${options.awsRoleName}" is not an IAM role name`, hint: 'the name alone, without a path or ARN' });
  }
}

async function collectLive(options: SourceOptions, log: Logger, progress: (message: string) => void, signal: AbortSignal): Promise<Inventory> {
  // Before any call: an error may quote the credentials, and every message must be scrubbed of them.
  const { rememberScannerCredentials } = await import('../secrets/redact.js');
  rememberScannerCredentials();
  checkAwsAccountOptions(options);
  const scope: CollectScope = {
    regions: options.regions,
    awsProfiles: options.awsProfile?.length ? options.awsProfile : undefined,
    awsOrganization: options.awsOrganization,
    awsAccounts: options.awsAccount?.length ? options.awsAccount : undefined,
    awsExcludeAccounts: options.awsExcludeAccount,
    awsRoleName: options.awsRoleName,
    awsExternalId: options.awsExternalId,
    shard: options.shard,
    azureSubscriptions: options.azureSubscription?.length ? options.azureSubscription : undefined,
    azureManagementGroups: options.azureManagementGroup,
    azureExcludeSubscriptions: options.azureExcludeSubscription,
    azureCloud: options.azureCloud,
    gcpProjects: options.gcpProject?.length ? options.gcpProject : undefined,
    gcpParents: options.gcpOrganization || options.gcpFolder ? [...(options.gcpOrganization ?? []).map((id) => `organizations/${id}`), ...(options.gcpFolder ?? []).map((id) => `folders/${id}`)] : undefined,
    gcpExcludeProjects: options.gcpExcludeProject,
    gcpLocations: options.gcpLocations,
  };
  const context: CollectorContext = {
    scope,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    timeoutMs: (options.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    signal,
    log,
    progress,
  };
  const requested = options.provider as Provider[] | undefined;
  const candidates = requested ?? [...PROVIDERS];
  const collectors = [];
  for (const provider of candidates) {
    const collector = await PROVIDER_COLLECTORS[provider]();
    if (!requested && !(await collector.hasCredentials(context))) {
      log.debug(`no ${provider} credentials found; skipping ${provider}`);
      continue;
    }
    collectors.push(collector);
  }
  if (collectors.length === 0) {
    throw new InputError({ message: 'no cloud credentials found for any provider (aws, azure, gcp)', hint: 'set up credentials as README "Cloud setup" explains, or try: aispm scan --demo' });
  }
  // One status for all providers at once: each says where it is (`aws: 7/16 regions, 212 assets`).
  const status = new Map<string, string>();
  const providerContext = (provider: string): CollectorContext => ({
    ...context,
    progress: (message) => {
      status.set(provider, message);
      progress([...status].map(([name, text]) => `${name}: ${text}`).join(' · '));
    },
  });
  try {
    const inventories = await Promise.all(collectors.map((collector) => collector.collect(providerContext(collector.provider))));
    return mergeInventories(inventories);
  } catch (error) {
    if (error instanceof NoCredentialsError) throw new InputError({ message: error.message, hint: `set up ${error.provider} credentials as README "Cloud setup" explains` });
    throw error;
  }
}

import { InputError } from '../errors.js';
import { NoCredentialsError, mergeInventories, type CollectorContext, type CollectScope } from '../collect/collector.js';
import { PROVIDER_COLLECTORS } from '../collect/providers.js';
import { PROVIDERS, type Inventory, type Provider } from '../graph/model.js';
import type { Logger } from '../log.js';

/** The source options shared by `scan` and `inventory`. */
export interface SourceOptions {
  demo?: boolean;
  snapshot?: string;
  provider?: string[];
  regions?: string[];
  awsProfile?: string[];
  azureSubscription?: string[];
  azureCloud?: 'public' | 'china' | 'usgov';
  gcpProject?: string[];
  gcpLocations?: string[];
  concurrency?: number;
  timeout?: number;
}

export const DEFAULT_CONCURRENCY = 16;
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** Reads the inventory from the demo, a snapshot, or live providers. */
export async function readInventory(options: SourceOptions, log: Logger, progress: (message: string) => void, signal: AbortSignal): Promise<Inventory> {
  const chosen = [options.demo ? '--demo' : '', options.snapshot ? '--snapshot' : '', options.provider ? '--provider' : ''].filter(Boolean);
  if (chosen.length > 1) throw new InputError({ message: `${chosen.join(' and ')} cannot be combined`, hint: 'choose one source: the demo, a snapshot, or live providers' });
  if (options.demo) {
    const { loadDemoInventory } = await import('../collect/demo.js');
    return loadDemoInventory();
  }
  if (options.snapshot) {
    const { loadSnapshotInSlices } = await import('../graph/snapshot.js');
    return loadSnapshotInSlices(options.snapshot, signal);
  }
  return collectLive(options, log, progress, signal);
}

async function collectLive(options: SourceOptions, log: Logger, progress: (message: string) => void, signal: AbortSignal): Promise<Inventory> {
  // Before any call: an error may quote the credentials, and every message must be scrubbed of them.
  const { rememberScannerCredentials } = await import('../secrets/redact.js');
  rememberScannerCredentials();
  const scope: CollectScope = {
    regions: options.regions,
    awsProfiles: options.awsProfile?.length ? options.awsProfile : undefined,
    azureSubscriptions: options.azureSubscription?.length ? options.azureSubscription : undefined,
    azureCloud: options.azureCloud,
    gcpProjects: options.gcpProject?.length ? options.gcpProject : undefined,
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

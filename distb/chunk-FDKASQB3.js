import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  NoCredentialsError,
  mergeInventories
} from "./chunk-4EELHLSM.js";
import {
  writeFileAtomic
} from "./chunk-KRZFTOTS.js";
import {
  PROVIDERS
} from "./chunk-H3GV4XYG.js";
import {
  InputError
} from "./chunk-L52WNKTN.js";

// src/cli/output.ts
function writeReport(chunks, output) {
  if (output) {
    writeFileAtomic(output, chunks);
    return;
  }
  for (const chunk of chunks) process.stdout.write(chunk);
}

// src/collect/providers.ts
var PROVIDER_COLLECTORS = {
  aws: async () => (await import("./aws-Z32L2XAA.js")).collector,
  azure: async () => (await import("./azure-MFESLIWB.js")).collector,
  gcp: async () => (await import("./gcp-JDB5PP66.js")).collector
};

// src/cli/sources.ts
var DEFAULT_CONCURRENCY = 16;
var DEFAULT_TIMEOUT_SECONDS = 30;
async function readInventory(options, log, progress, signal) {
  const chosen = [options.demo ? "--demo" : "", options.snapshot ? "--snapshot" : "", options.provider ? "--provider" : ""].filter(Boolean);
  if (chosen.length > 1) throw new InputError({ message: `${chosen.join(" and ")} cannot be combined`, hint: "choose one source: the demo, a snapshot, or live providers" });
  if (options.demo) {
    const { loadDemoInventory } = await import("./demo-3DQUXAEK.js");
    return loadDemoInventory();
  }
  if (options.snapshot) {
    const { loadSnapshot } = await import("./snapshot-LZ6LRB6T.js");
    return loadSnapshot(options.snapshot);
  }
  return collectLive(options, log, progress, signal);
}
async function collectLive(options, log, progress, signal) {
  const scope = {
    regions: options.regions,
    awsProfiles: options.awsProfile?.length ? options.awsProfile : void 0,
    azureSubscriptions: options.azureSubscription?.length ? options.azureSubscription : void 0,
    azureCloud: options.azureCloud,
    gcpProjects: options.gcpProject?.length ? options.gcpProject : void 0,
    gcpLocations: options.gcpLocations
  };
  const context = {
    scope,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    timeoutMs: (options.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1e3,
    signal,
    log,
    progress
  };
  const requested = options.provider;
  const candidates = requested ?? [...PROVIDERS];
  const collectors = [];
  for (const provider of candidates) {
    const collector = await PROVIDER_COLLECTORS[provider]();
    if (!requested && !await collector.hasCredentials(context)) {
      log.debug(`no ${provider} credentials found; skipping ${provider}`);
      continue;
    }
    collectors.push(collector);
  }
  if (collectors.length === 0) {
    throw new InputError({ message: "no cloud credentials found for any provider (aws, azure, gcp)", hint: 'set up credentials as README "Cloud setup" explains, or try: aispm scan --demo' });
  }
  try {
    const inventories = await Promise.all(collectors.map((collector) => collector.collect(context)));
    return mergeInventories(inventories);
  } catch (error) {
    if (error instanceof NoCredentialsError) throw new InputError({ message: error.message, hint: `set up ${error.provider} credentials as README "Cloud setup" explains` });
    throw error;
  }
}

export {
  writeReport,
  readInventory
};

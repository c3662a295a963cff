// Collection against latency and a rate limit (issue 7, target 4): each provider's collector reads a
// 16-region (AWS), 16-subscription (Azure) or 16-location (Google) estate of a few hundred AI assets
// per region through the fault proxy, which holds every answer 50 ms and throttles each region past
// its rate limit. Prints the measured time (median, min, max of several runs) beside the lower bound
// that the calls' dependency depth, the concurrency limit and the rate limit set, and their ratio.
// Target: measured ≤ 1.5 × bound, and throttling never costs a resource (every run reads what an
// unthrottled run reads).
//
//   node bench/collect.mjs [runs=3] [providers=aws,azure,gcp]
//
// Each provider is measured at two limits on calls in flight: 16 (aispm's default) and 64.
//
// The bound is the largest of
//   depth × latency              the longest chain of calls that wait for each other's answers (pages
//                                of a listing, a describe after its listing, ...), counted in a run
//                                without concurrency or rate limit: the most calls in that run that
//                                follow one another without overlapping;
//   calls × latency / concurrency every call holds one of the `concurrency` slots for `latency`;
//   max over regions of (calls in the region − burst) / rate + latency
//                                the rate limit lets `rate` calls a second through, after a burst.
//
// The fakes and proxies run in this process; each collection runs in a worker process with the
// collector's production settings (retries and back-off), so the two do not share an event loop.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleWithFakes, collectInWorker, dependencyDepth, stats } from './lib.mjs';

const runs = Number(process.argv[2] ?? 3);
const providers = (process.argv[3] ?? 'aws,azure,gcp').split(',');
const LATENCY_MS = 50;
const RATE_LIMIT = { perSecond: 20, burst: 10 };
/**
 * Two limits on calls in flight: aispm's default, which with 16 regions leaves about one call per
 * region in flight (about the rate limit at this latency), and a higher one, with which the rate
 * limit alone binds and the collection must adapt to throttling.
 */
const CONCURRENCIES = [16, 64];

const OUT = await bundleWithFakes('aispm-bench-collect', { clouds: 'bench/collect/clouds.ts', worker: 'bench/collect/worker.ts' });
const { startBenchCloud } = await import(pathToFileURL(join(OUT, 'clouds.js')).href);

function callsByScope(records) {
  const counts = {};
  for (const record of records) counts[record.scope] = (counts[record.scope] ?? 0) + 1;
  return counts;
}

const round = (value) => Math.round(value * 10) / 10;

/** Runs with the rate limit at one concurrency, against the bound for it. */
async function measureAt(cloud, calibration, concurrency) {
  const bound = {
    depthMs: calibration.depth * LATENCY_MS,
    concurrencyMs: (calibration.calls * LATENCY_MS) / concurrency,
    rateLimitMs: (Math.max(...Object.values(calibration.perScope).map((count) => Math.max(0, count - RATE_LIMIT.burst))) / RATE_LIMIT.perSecond) * 1000 + LATENCY_MS,
  };
  const boundMs = Math.max(bound.depthMs, bound.concurrencyMs, bound.rateLimitMs);
  const times = [];
  const throttled = [];
  const failures = [];
  for (let run = 0; run < runs; run++) {
    cloud.proxy.reset({ ...cloud.basePlan, latencyMs: LATENCY_MS, rateLimit: RATE_LIMIT });
    const result = await collectInWorker(join(OUT, 'worker.js'), cloud, concurrency);
    times.push(result.ms);
    throttled.push(cloud.proxy.outcomes('rate-limited').length);
    if (result.fingerprint !== calibration.result.fingerprint) failures.push({ run, assets: result.assets, expectedAssets: calibration.result.assets, gaps: result.gaps.slice(0, 5) });
  }
  const measured = stats(times);
  return {
    concurrency,
    boundMs: { ...Object.fromEntries(Object.entries(bound).map(([key, value]) => [key, round(value)])), bound: round(boundMs) },
    measuredMs: measured,
    ratio: Math.round((measured.median / boundMs) * 100) / 100,
    throttledAnswers: stats(throttled),
    runsThatLostResources: failures,
    targets: { within1_5xBound: measured.median <= 1.5 * boundMs, throttlingLostNothing: failures.length === 0 },
  };
}

async function measure(provider) {
  const cloud = await startBenchCloud(provider);
  try {
    // Calibration: latency only, concurrency without limit: the calls, their regions and their depth.
    cloud.proxy.reset({ ...cloud.basePlan, latencyMs: LATENCY_MS });
    const result = await collectInWorker(join(OUT, 'worker.js'), cloud, 10_000);
    const calibration = { result, calls: cloud.proxy.records.length, perScope: callsByScope(cloud.proxy.records), depth: dependencyDepth(cloud.proxy.records) };
    const figures = {
      rateLimitScopes: Object.keys(calibration.perScope).length,
      assets: result.assets,
      calls: calibration.calls,
      callsPerRegion: stats(Object.values(calibration.perScope)),
      dependencyDepth: calibration.depth,
      unthrottledUnlimitedMs: round(result.ms),
    };
    for (const concurrency of CONCURRENCIES) figures[`concurrency${concurrency}`] = await measureAt(cloud, calibration, concurrency);
    return figures;
  } finally {
    await cloud.close();
  }
}

const figures = { latencyMs: LATENCY_MS, rateLimitPerRegion: RATE_LIMIT };
for (const provider of providers) figures[provider] = await measure(provider);
process.stdout.write(`${JSON.stringify(figures)}\n`);

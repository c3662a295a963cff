// Organization scale (issue 20), in two parts.
//
// collect   Per provider, an organization of many small AI estates behind the fault proxy at 50 ms
//           per call (bench/scale/clouds.ts), at three sizes: AWS 100, 250 and 500 accounts of 4
//           regions (found with --aws-organization, reached by assuming the scan role), Azure 25, 50
//           and 100 subscriptions, Google Cloud 50, 100 and 200 projects. Each collection runs in a
//           worker process at aispm's default concurrency (32). Per size: the time, the lower bound
//           and their ratio (target ≤ 1.5), the calls, and the worker's peak memory (target < 2 GiB);
//           then how time and memory grew from the smallest size to the largest, against the growth
//           of the estate (linear: the same ratio).
//           Bound = max(depth × latency, calls × latency / concurrency), where depth is the longest
//           chain of calls that waited for each other's answers, counted in a run of one account
//           (subscription, project) without a concurrency limit (accounts are read side by side, so
//           it does not grow with their number).
// merge     20 shard snapshots, 1 M assets in all (bench/generate-estate.mjs's estate, split by
//           account with the same hash as --shard i/20; edges go with the asset they start from, so
//           many point into other shards), joined and evaluated by `aispm merge` as a subprocess with
//           Node's default heap: wall time and peak memory (targets: under 30 s and 8 GiB).
//
//   node bench/scale.mjs [parts=collect,merge] [providers=aws,azure,gcp] [merge assets=1000000]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateEstate } from './generate-estate.mjs';
import { BIN, bundleWithFakes, collectInWorker, dependencyDepth, ROOT } from './lib.mjs';

const parts = (process.argv[2] ?? 'collect,merge').split(',');
const providers = (process.argv[3] ?? 'aws,azure,gcp').split(',');
const LATENCY_MS = 50;
const CONCURRENCY = 32;
const SIZES = { aws: [100, 250, 500], azure: [25, 50, 100], gcp: [50, 100, 200] };
const UNIT = { aws: 'accounts', azure: 'subscriptions', gcp: 'projects' };
const SHARDS = 20;
const MERGE_ASSETS = Number(process.argv[4] ?? 1_000_000);

const round = (value, places = 1) => Math.round(value * 10 ** places) / 10 ** places;
const figures = {};

if (parts.includes('collect')) {
  const OUT = await bundleWithFakes('aispm-bench-scale', { clouds: 'bench/scale/clouds.ts', worker: 'bench/collect/worker.ts' });
  const clouds = await import(pathToFileURL(join(OUT, 'clouds.js')).href);
  const start = { aws: clouds.startScaleAws, azure: clouds.startScaleAzure, gcp: clouds.startScaleGcp };
  const worker = join(OUT, 'worker.js');
  figures.collect = {};
  /** The dependency depth: one account, subscription or project, collected without a concurrency limit. */
  const calibrate = async (provider) => {
    const cloud = await start[provider](1);
    try {
      cloud.proxy.reset({ ...cloud.basePlan, latencyMs: LATENCY_MS });
      await collectInWorker(worker, cloud, 100_000);
      return dependencyDepth(cloud.proxy.records);
    } finally {
      await cloud.close();
    }
  };
  for (const provider of providers) {
    const bySize = {};
    const depth = await calibrate(provider);
    for (const size of SIZES[provider]) {
      const cloud = await start[provider](size);
      try {
        cloud.proxy.reset({ ...cloud.basePlan, latencyMs: LATENCY_MS });
        const result = await collectInWorker(worker, cloud, CONCURRENCY);
        const calls = cloud.proxy.records.length;
        const boundMs = Math.max(depth * LATENCY_MS, (calls * LATENCY_MS) / CONCURRENCY);
        bySize[size] = {
          [UNIT[provider]]: size,
          calls,
          assets: result.assets,
          gaps: result.gaps.length,
          ms: round(result.ms, 0),
          boundMs: round(boundMs, 0),
          ratio: round(result.ms / boundMs, 2),
          peakMemoryMiB: result.peakMemoryMiB,
        };
      } finally {
        await cloud.close();
      }
    }
    const [smallest, largest] = [bySize[SIZES[provider][0]], bySize[SIZES[provider].at(-1)]];
    const grew = (key) => round(largest[key] / smallest[key], 2);
    bySize.growth = { estate: grew(UNIT[provider]), calls: grew('calls'), time: grew('ms'), memory: grew('peakMemoryMiB') };
    bySize.dependencyDepth = depth;
    bySize.targets = { within1_5xBound: Object.values(bySize).every((size) => size.ratio === undefined || size.ratio <= 1.5), memoryUnder2GiB: largest.peakMemoryMiB < 2048 };
    figures.collect[provider] = bySize;
  }
}

if (parts.includes('merge')) {
  const dir = mkdtempSync(join(tmpdir(), 'aispm-bench-merge-'));
  try {
    const { files, assets } = await writeShards(dir);
    const run = await timedMerge(files, join(dir, 'merged.json'));
    figures.merge = { shards: SHARDS, assets, ...run, targets: { under30s: run.ms < 30_000, under8GiB: run.peakMemoryMiB < 8192 } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.stdout.write(`${JSON.stringify(figures)}\n`);

/** Splits the synthetic estate into snapshot files by account, as --shard i/n would; returns their paths. */
async function writeShards(dir) {
  const { shardOf } = await import('../dist/tools.js');
  const estate = generateEstate(MERGE_ASSETS);
  const shards = Array.from({ length: SHARDS }, () => ({ assets: [], edges: [], coverage: new Map() }));
  const shardOfAsset = new Map();
  for (const asset of estate.assets) {
    const shard = shardOf(asset.account, SHARDS) - 1;
    shardOfAsset.set(asset.id, shard);
    shards[shard].assets.push(asset);
    shards[shard].coverage.set(asset.account, { provider: asset.provider, account: asset.account, region: 'global', service: 'bench', status: 'ok' });
  }
  for (const edge of estate.edges) shards[shardOfAsset.get(edge.from)].edges.push(edge);
  const files = shards.map((shard, index) => {
    const file = join(dir, `shard-${index + 1}.json`);
    writeFileSync(file, JSON.stringify({ snapshotVersion: 1, sources: ['synthetic'], coverage: [...shard.coverage.values()], assets: shard.assets, edges: shard.edges }));
    return file;
  });
  return { files, assets: estate.assets.length };
}

/** `aispm merge` as a user runs it; its own peak memory is reported by a hook loaded before it (--import). */
function timedMerge(files, output) {
  const hook = `data:text/javascript,import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(2, '\\nbench-peak-rss-kib ' + process.resourceUsage().maxRSS + '\\n'));`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', hook, BIN, 'merge', ...files, '--format', 'json', '--output', output, '--quiet'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const peak = /bench-peak-rss-kib (\d+)/.exec(stderr);
      if ((code !== 0 && code !== 1) || !peak) return reject(new Error(`aispm merge exited ${code}: ${stderr.slice(-2000)}`));
      resolve({ ms: round(ms, 0), peakMemoryMiB: Math.round(Number(peak[1]) / 1024), exitCode: code });
    });
  });
}

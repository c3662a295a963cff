// Live scans (issue 15): the whole CLI, `aispm scan --provider <p>`, as a user runs it, against a
// small estate on each fake cloud (the test suite's: AWS 2 regions, Azure 4 subscriptions, Google 2
// projects; tens of AI resources with their roles, buckets and keys), at 0 and 50 ms per call.
// Prints, per provider and latency (medians of several runs):
//
//   firstCallMs   process start → the first API request reaching the fake (its proxy). Target ≤ 300.
//   wholeMs       process start → exit, with the JSON report written.
//   apiBoundMs    the API's own share of the critical path: the dependency depth of the calls (the
//                 longest chain that waited for each other's answers, counted in a 50 ms run without
//                 a concurrency limit, where latency makes the chains plain) × the median time the
//                 proxy took to answer a call at this latency.
//   ratio         wholeMs / (firstCallMs + apiBoundMs). Target ≤ 1.25: after its first call, the scan
//                 is held up by the API, not by itself.
//
//   node bench/live.mjs [runs=7] [providers=aws,azure,gcp]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, bundleWithFakes, dependencyDepth, ROOT, stats } from './lib.mjs';

const runs = Number(process.argv[2] ?? 7);
const providers = (process.argv[3] ?? 'aws,azure,gcp').split(',');
const LATENCIES_MS = [0, 50];
const SCOPE = { aws: ['--regions', 'us-east-1,eu-west-1'], azure: [], gcp: ['--gcp-locations', 'us-central1,europe-west4'] };

const OUT = await bundleWithFakes('aispm-bench-live', { clouds: 'bench/live/clouds.ts' });
const { providerArgs, startThreeClouds } = await import(pathToFileURL(join(OUT, 'clouds.js')).href);
const reports = mkdtempSync(join(tmpdir(), 'aispm-bench-live-'));

/** One scan as a subprocess: when it made its first call, and when it ended, from the moment it was started. */
function scanOnce(clouds, provider, plan, extra = []) {
  const proxy = clouds.proxies[provider];
  proxy.reset(plan);
  const epoch = performance.now();
  const args = [BIN, 'scan', ...providerArgs(provider), ...SCOPE[provider], '--format', 'json', '--output', join(reports, `${provider}.json`), ...extra];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...clouds.env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wholeMs = performance.now() - started;
      if (code !== 0 && code !== 1) return reject(new Error(`aispm scan --provider ${provider} exited ${code}: ${stderr}`));
      const firstArrival = Math.min(...proxy.records.map((record) => record.start));
      const answered = proxy.records.filter((record) => record.end !== undefined);
      resolve({ firstCallMs: epoch + firstArrival - started, wholeMs, records: [...proxy.records], answerMs: stats(answered.map((record) => record.end - record.start)).median });
    });
  });
}

const round = (value) => Math.round(value * 10) / 10;

async function measure(clouds, provider) {
  // Calibration: 50 ms per call, no limit on calls in flight: the chains of calls that wait for each other.
  const calibration = await scanOnce(clouds, provider, { latencyMs: 50 }, ['--concurrency', '256']);
  const depth = dependencyDepth(calibration.records);
  const figures = { calls: calibration.records.length, dependencyDepth: depth };
  for (const latencyMs of LATENCIES_MS) {
    const samples = [];
    for (let run = 0; run < runs; run++) samples.push(await scanOnce(clouds, provider, { latencyMs }));
    const firstCall = stats(samples.map((sample) => sample.firstCallMs));
    const whole = stats(samples.map((sample) => sample.wholeMs));
    const apiBoundMs = round(depth * stats(samples.map((sample) => sample.answerMs)).median);
    const ratio = Math.round((whole.median / (firstCall.median + apiBoundMs)) * 100) / 100;
    figures[`latency${latencyMs}ms`] = {
      firstCallMs: firstCall,
      wholeMs: whole,
      apiBoundMs,
      ratio,
      targets: { firstCallWithin300ms: firstCall.median <= 300, wholeWithin1_25x: ratio <= 1.25 },
    };
  }
  return figures;
}

const clouds = await startThreeClouds();
try {
  const figures = {};
  for (const provider of providers) figures[provider] = await measure(clouds, provider);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  await clouds.close();
}

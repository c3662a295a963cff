// Shared helpers for the benchmark scripts: timing statistics and running a script in a fresh process.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE } from '../scripts/node-bundle.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'aispm.js');

/** Median, min and max of a list of numbers (milliseconds), rounded to 0.1. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const round = (value) => Math.round(value * 10) / 10;
  return { median: round(median), min: round(sorted[0]), max: round(sorted[sorted.length - 1]), runs: sorted.length };
}

/**
 * Wall times of several commands, in milliseconds, over several rounds (after one warm-up round).
 * Each round runs every command once, in turn, so that a busy moment on the machine slows all of
 * them alike rather than whichever happened to be measured then. Returns each command's samples, in
 * round order (so that figures can be compared round by round), and their statistics.
 */
export function timeCommands(commands, runs) {
  const once = (args) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(args[0], args.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return elapsed;
  };
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let round = -1; round < runs; round++) {
    for (const [name, args] of Object.entries(commands)) {
      const elapsed = once(args);
      if (round >= 0) samples[name].push(elapsed);
    }
  }
  return { samples, stats: Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, stats(values)])) };
}

/**
 * Runs a benchmark script in its own process (so peak memory is its own) and parses the JSON it prints.
 * With Node's default heap settings, as the CLI runs, and --expose-gc, so that a script can start
 * each run on a collected heap (see startRun).
 */
export function runScript(script, args = []) {
  const result = spawnSync(process.execPath, ['--expose-gc', join(ROOT, 'bench', script), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`bench/${script} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** Peak resident memory of this process so far, in MiB. */
export function peakMemoryMiB() {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * Call before each timed run: collects the garbage earlier runs left, so each run is timed as the one
 * scan of a real process is, not with the GC also clearing the previous run's graph.
 */
export function startRun() {
  globalThis.gc?.();
}

/**
 * Bundles benchmark entry points that start the test fakes (TypeScript) into
 * node_modules/.cache/<name>, and returns that folder. The fakes read files from beside their
 * modules, which are bundled there: the Resource Manager its test certificate and the Azure API
 * models it answers with, the Google fake the API models it checks its answers against (in model/).
 */
export async function bundleWithFakes(name, entryPoints) {
  const out = join(ROOT, 'node_modules', '.cache', name);
  mkdirSync(join(out, 'model'), { recursive: true });
  await build({ absWorkingDir: ROOT, entryPoints, outdir: out, ...NODE_BUNDLE });
  for (const file of ['cert.pem', 'key.pem', 'api-schemas/schemas.json']) copyFileSync(join(ROOT, 'test', 'fakes', 'azure', file), join(out, basename(file)));
  for (const file of ['google-protos.json', 'storage-v1.json']) copyFileSync(join(ROOT, 'test', 'fakes', 'gcp', 'model', file), join(out, 'model', file));
  return out;
}

/**
 * The most calls that follow one another without overlapping, in records of calls with `start` and
 * `end` times: the chains of calls that waited for each other's answers.
 */
export function dependencyDepth(records) {
  const calls = records.filter((record) => record.end !== undefined);
  const byEnd = [...calls].sort((a, b) => a.end - b.end);
  const byStart = [...calls].sort((a, b) => a.start - b.start);
  let longestEnded = 0;
  let next = 0;
  const depth = new Map();
  for (const call of byStart) {
    while (next < byEnd.length && byEnd[next].end <= call.start) longestEnded = Math.max(longestEnded, depth.get(byEnd[next++]) ?? 0);
    depth.set(call, longestEnded + 1);
  }
  return Math.max(0, ...depth.values());
}

/**
 * One collection in a worker process (bench/collect/worker.ts, bundled to `worker`), so the collector
 * and the fakes serving it do not share one event loop; resolves to what the worker prints.
 */
export function collectInWorker(worker, cloud, concurrency) {
  const task = JSON.stringify({ provider: cloud.provider, concurrency, scope: cloud.scope });
  const env = { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...cloud.env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, task], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`${cloud.provider} worker exited ${code}: ${stderr}`))));
  });
}

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

/**
 * What each part of the built CLI loads. A static import is loaded with the module; a dynamic
 * import() only when that code runs. Cloud SDKs must be reached only through dynamic imports, and
 * each provider's collector must not drag in another provider's SDK.
 */
const DIST = join(ROOT, 'dist');
const SDKS: Record<string, RegExp> = { aws: /^@aws-sdk\/|^@smithy\//, azure: /^@azure\//, gcp: /^@google-cloud\/|^google-auth-library$|^google-gax$/ };

function staticImports(file: string): string[] {
  const text = readFileSync(join(DIST, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^;'"]*?from\s*["']([^"']+)["'];?$|^import\s*["']([^"']+)["'];?$/gm)].map((match) => (match[1] ?? match[2])!);
}

/** Every package a module loads with it (following the bundle's own chunks). */
function staticClosure(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('./') || specifier.startsWith('../')) queue.push(join(file, '..', specifier).replace(/^\.\//, ''));
      else packages.add(specifier);
    }
  }
  return packages;
}

describe('the bundle loads cloud SDKs only when a provider is scanned', () => {
  it('the CLI entry (--version, rules list, demo scans) loads no cloud SDK', () => {
    const packages = [...staticClosure('cli.js')];
    for (const [provider, pattern] of Object.entries(SDKS)) expect(packages.filter((name) => pattern.test(name)), provider).toEqual([]);
  });

  it("no chunk loads two providers' SDKs together", () => {
    for (const chunk of readdirSync(join(DIST, 'chunks'))) {
      const packages = [...staticClosure(join('chunks', chunk))];
      const providers = Object.entries(SDKS).filter(([, pattern]) => packages.some((name) => pattern.test(name))).map(([provider]) => provider);
      expect(providers.length, `${chunk}: ${providers.join(', ')}`).toBeLessThanOrEqual(1);
    }
  });
});

describe('start-up loads only what it needs', () => {
  // node:crypto and node:child_process (with dgram) cost 3–4 ms each to load; start-up is a benchmark
  // target (bench/startup.mjs), so they must be reached only by the code that uses them. (net is not
  // checked: stdout on a pipe, as here, loads it.)
  it.each(['--version', 'rules list'])('aispm %s loads neither node:crypto nor node:child_process', (command) => {
    const args = command.split(' ');
    const probe = "process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)))";
    const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(probe)}`, BIN, ...args], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const loaded = (JSON.parse(run.stderr) as string[]).filter((name) => /^NativeModule (crypto|child_process|dgram)$/.test(name));
    expect(loaded).toEqual([]);
  });
});

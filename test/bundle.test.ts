import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

/**
 * What each part of the built CLI loads. A static import is loaded with the module; a dynamic
 * import() only when that code runs. Cloud SDKs (bundled into chunks, or left in node_modules) must
 * be reached only through dynamic imports, and each provider's collector must not drag in another
 * provider's SDK. The build writes what each output holds and imports to dist/bundle-contents.json.
 */
const DIST = join(ROOT, 'dist');
const SDKS: Record<string, RegExp> = { aws: /^@aws-sdk\/|^@smithy\//, azure: /^@azure\//, gcp: /^@google-cloud\/|^google-auth-library$|^google-gax$/ };

interface OutputContents {
  packages: string[];
  staticImports: string[];
  dynamicImports: string[];
  externalPackages: string[];
  /** require()d by the code when it runs (Google's CommonJS client libraries). */
  requiredPackages: string[];
}
const CONTENTS = JSON.parse(readFileSync(join(DIST, 'bundle-contents.json'), 'utf8')) as Record<string, OutputContents>;

/** The files an output loads with it: itself and what it imports statically, and what those do. */
function staticFiles(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const contents = CONTENTS[file];
    if (!contents) throw new Error(`${file} is not in dist/bundle-contents.json`);
    queue.push(...contents.staticImports);
  }
  return [...seen];
}

/** Every package an output loads with it, bundled or from node_modules (following its static imports). */
function staticClosure(entry: string): Set<string> {
  return new Set(staticFiles(entry).flatMap((file) => [...CONTENTS[file]!.packages, ...CONTENTS[file]!.externalPackages]));
}

describe('the bundle loads cloud SDKs only when a provider is scanned', () => {
  it('dist/bundle-contents.json describes the files that were built', () => {
    const built = readdirSync(join(DIST, 'chunks')).filter((name) => name.endsWith('.js')).map((name) => `chunks/${name}`);
    expect(Object.keys(CONTENTS).filter((file) => file.startsWith('chunks/')).sort()).toEqual(built.sort());
  });

  it('the CLI entry (--version, rules list, demo scans) loads no cloud SDK', () => {
    const packages = [...staticClosure('cli.js')];
    for (const [provider, pattern] of Object.entries(SDKS)) expect(packages.filter((name) => pattern.test(name)), provider).toEqual([]);
  });

  it("no chunk loads two providers' SDKs together", () => {
    for (const chunk of Object.keys(CONTENTS)) {
      const packages = [...staticClosure(chunk)];
      const providers = Object.entries(SDKS).filter(([, pattern]) => packages.some((name) => pattern.test(name))).map(([provider]) => provider);
      expect(providers.length, `${chunk}: ${providers.join(', ')}`).toBeLessThanOrEqual(1);
    }
  });
});

/** The chunk a provider's collector module (src/collect/<provider>/index.ts) loads when it collects. */
function collectorEntry(provider: string): string {
  const index = Object.keys(CONTENTS).find((file) => file.startsWith(`chunks/${provider}-`));
  const entry = index && CONTENTS[index]!.dynamicImports.find((file) => file.startsWith('chunks/collect-'));
  if (!entry) throw new Error(`no collector chunk for ${provider} in dist/bundle-contents.json`);
  return entry;
}

/** Packages loaded by what a chunk imports dynamically or requires when its code runs, and not by the chunk itself. */
function loadedLater(entry: string): Set<string> {
  const now = staticClosure(entry);
  const later = [
    ...CONTENTS[entry]!.dynamicImports.flatMap((file) => [...staticClosure(file)]),
    ...[entry, ...CONTENTS[entry]!.dynamicImports].flatMap(staticFiles).flatMap((file) => CONTENTS[file]!.requiredPackages),
  ];
  return new Set(later.filter((name) => !now.has(name)));
}

describe("a live scan's first call leaves before the service clients load", () => {
  // Compiling every service's client takes longer than the first call (bench/live.mjs): the collector
  // loads what that call needs, sends it, and loads the rest while it is in flight.
  it.each([
    ['aws', /^@aws-sdk\/client-/, ['@aws-sdk/client-sts'], ['@aws-sdk/client-sagemaker', '@aws-sdk/client-bedrock', '@aws-sdk/client-ec2', '@aws-sdk/client-iam']],
    ['azure', /^@azure\/arm-/, ['@azure/arm-resources-subscriptions'], ['@azure/arm-cognitiveservices', '@azure/arm-machinelearning', '@azure/arm-storage']],
    ['gcp', /^@google-cloud\/|^google-gax$/, [], ['@google-cloud/aiplatform', '@google-cloud/resource-manager', '@google-cloud/kms']],
  ])('%s: the first call needs only its own client', (provider, clients, first, later) => {
    const entry = collectorEntry(provider as string);
    expect([...staticClosure(entry)].filter((name) => (clients as RegExp).test(name)).sort()).toEqual(first);
    expect([...loadedLater(entry)]).toEqual(expect.arrayContaining(later as string[]));
  });
});

describe("a live scan's first call does not wait for the rule engine", () => {
  // The engine, the rule schema (zod), YAML and the reporters take about 0.15 s of CPU to load: `aispm scan`
  // starts reading first and loads them while the first call is in flight (src/cli/commands/scan.ts).
  it('the scan command loads zod, yaml and chalk only through a dynamic import', () => {
    const entry = CONTENTS['cli.js']!.dynamicImports.find((file) => /^chunks\/scan-[A-Z0-9]+\.js$/.test(file));
    if (!entry) throw new Error('no scan command chunk in dist/bundle-contents.json');
    const engine = ['zod', 'yaml', 'chalk'];
    expect([...staticClosure(entry)].filter((name) => engine.includes(name))).toEqual([]);
    expect([...loadedLater(entry)]).toEqual(expect.arrayContaining(engine));
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

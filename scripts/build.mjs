// `npm run build`: bundles the CLI with esbuild (fewer files to load means a faster start), then
// prebuilds the rule pack and the demo estate into JSON (see src/prebuilt.ts). An invalid rule or
// demo file fails the build with its file and line. Type checking is `tsc --noEmit`, run before this.
import { isBuiltin } from 'node:module';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE } from './node-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', tools: 'src/tools.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  ...NODE_BUNDLE,
  legalComments: 'linked',
  metafile: true,
});
writeFileSync(join(dist, 'bundle-contents.json'), JSON.stringify(bundleContents(metafile), null, 1));

const tools = await import(join(dist, 'tools.js'));
try {
  mkdirSync(dirname(tools.RULE_PACK_BUNDLE), { recursive: true });
  const { pack, index } = await tools.buildRulePackBundles();
  writeFileSync(tools.RULE_PACK_BUNDLE, JSON.stringify(pack));
  writeFileSync(tools.RULE_INDEX_BUNDLE, JSON.stringify(index));
  writeFileSync(tools.DEMO_BUNDLE, JSON.stringify(await tools.buildDemoBundle()));
} catch (error) {
  if (!(error instanceof tools.InputError)) throw error;
  for (const line of error.message.split('\n')) process.stderr.write(`error: ${line}\n`);
  process.exit(2);
}

/**
 * What each output file holds and loads: the npm packages bundled into it, the files it imports
 * statically (loaded with it) and dynamically (loaded when that code runs), and the packages it
 * leaves to node_modules (imported, or required when its code runs). test/bundle.test.ts reads it
 * to hold what a command loads.
 */
function bundleContents(meta) {
  const packageName = (specifier) => /^(?:@[^/]+\/)?[^/]+/.exec(specifier)[0];
  const packageOf = (path) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
  const contents = {};
  for (const [file, output] of Object.entries(meta.outputs)) {
    if (!file.endsWith('.js')) continue;
    const imports = (kind, external) => [...new Set(output.imports.filter((entry) => entry.kind === kind && Boolean(entry.external) === external).map((entry) => entry.path.replace(/^dist\//, '')))].sort();
    contents[file.replace(/^dist\//, '')] = {
      packages: [...new Set(Object.keys(output.inputs).flatMap((input) => packageOf(input) ?? []))].sort(),
      staticImports: imports('import-statement', false),
      dynamicImports: imports('dynamic-import', false),
      // A package's name, not the file of it that is imported (@google-cloud/kms/build/src/v1/index.js).
      externalPackages: [...new Set([...imports('import-statement', true), ...imports('dynamic-import', true)].map(packageName))].sort(),
      // Packages its code require()s (Google's CommonJS client libraries), loaded when that code runs.
      requiredPackages: [...new Set(imports('require-call', true).filter((specifier) => !isBuiltin(specifier)).map(packageName))].sort(),
    };
  }
  return contents;
}

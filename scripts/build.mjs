// `npm run build`: bundles the CLI with esbuild (fewer files to load means a faster start), then
// prebuilds the rule pack and the demo estate into JSON (see src/prebuilt.ts). An invalid rule or
// demo file fails the build with its file and line. Type checking is `tsc --noEmit`, run before this.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE } from './node-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', tools: 'src/tools.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  ...NODE_BUNDLE,
  legalComments: 'linked',
});

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

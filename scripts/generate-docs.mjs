// Writes docs/asset-types.md and docs/rules.md from the built code and rule pack (see src/docs/generate.ts).
// `--check` exits 1 when the checked-in copies are out of date (the test suite runs it).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetTypesMarkdown, builtInRules, PACKAGE_ROOT, rulesMarkdown } from '../dist/tools.js';

const check = process.argv.includes('--check');
const docs = { 'asset-types.md': assetTypesMarkdown(), 'rules.md': rulesMarkdown(await builtInRules()) };
let stale = 0;
mkdirSync(join(PACKAGE_ROOT, 'docs'), { recursive: true });
for (const [name, content] of Object.entries(docs)) {
  const file = join(PACKAGE_ROOT, 'docs', name);
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current === content) continue;
  if (check) {
    process.stderr.write(`docs/${name} is out of date: run npm run docs\n`);
    stale++;
  } else {
    writeFileSync(file, content);
    process.stdout.write(`wrote docs/${name}\n`);
  }
}
process.exit(stale > 0 ? 1 : 0);

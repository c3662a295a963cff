// Prebuilds the built-in rule pack into dist/rule-pack.json (see src/engine/rule-pack.ts).
// Run by `npm run build` after tsc; an invalid rule fails the build with its file and line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../dist/errors.js';
import { RULE_PACK_BUNDLE } from '../dist/package-info.js';
import { buildRulePackBundle } from '../dist/engine/rule-pack.js';

try {
  const bundle = await buildRulePackBundle();
  mkdirSync(dirname(RULE_PACK_BUNDLE), { recursive: true });
  writeFileSync(RULE_PACK_BUNDLE, JSON.stringify(bundle));
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  for (const line of error.message.split('\n')) process.stderr.write(`error: ${line}\n`);
  process.exit(2);
}

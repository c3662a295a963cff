import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers.js';

it('docs/asset-types.md and docs/rules.md are up to date (npm run docs)', () => {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'generate-docs.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the package's own files are. This module runs from `src/` (tests), or bundled into
 * `dist/` or one of its chunks, so the root is found by walking up to aispm's package.json.
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'aispm') return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find the aispm package root (package.json)');
}

export const PACKAGE_ROOT = findPackageRoot();
export const BUILTIN_RULES_DIR = join(PACKAGE_ROOT, 'rules');
export const DEMO_DIR = join(PACKAGE_ROOT, 'fixtures', 'demo');
/** Artifacts `npm run build` makes from the rule pack and the demo (see src/prebuilt.ts). */
export const RULE_PACK_BUNDLE = join(PACKAGE_ROOT, 'dist', 'rule-pack.json');
/** The pack's listing columns only, for `aispm rules list` (a sixth of the pack's size to parse). */
export const RULE_INDEX_BUNDLE = join(PACKAGE_ROOT, 'dist', 'rule-index.json');
export const DEMO_BUNDLE = join(PACKAGE_ROOT, 'dist', 'demo.json');

let cachedVersion: string | undefined;

export function toolVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return cachedVersion;
}

export const TOOL_NAME = 'aispm';
export const TOOL_URL = 'https://github.com/aispm/aispm';

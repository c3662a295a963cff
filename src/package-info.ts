import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Where the package's own files are: this module sits in `src/` (tests) or `dist/` (built). */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUILTIN_RULES_DIR = join(PACKAGE_ROOT, 'rules');
export const DEMO_DIR = join(PACKAGE_ROOT, 'fixtures', 'demo');
export const RULE_PACK_BUNDLE = join(PACKAGE_ROOT, 'dist', 'rule-pack.json');

let cachedVersion: string | undefined;

export function toolVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return cachedVersion;
}

export const TOOL_NAME = 'aispm';
export const TOOL_URL = 'https://github.com/aispm/aispm';

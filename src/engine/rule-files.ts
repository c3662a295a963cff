import { readdirSync, statSync } from 'node:fs';
import { normalize, sep } from 'node:path';
import { InputError } from '../errors.js';

/**
 * Finding the files of a rule pack. Kept free of YAML and zod so that `aispm rules list` can check
 * the prebuilt pack is fresh without loading them.
 */

const MAX_RULE_FILES = 5000;

/** Rule files in a pack: every .yaml/.yml file below `dir`, except rule tests (`*.test.yaml`). */
export function findRuleFiles(dir: string): string[] {
  return listYamlFiles(dir, (name) => !isTestFile(name));
}

/** Rule test files: `<rule>.test.yaml`, beside the rule they test. */
export function findRuleTestFiles(dir: string): string[] {
  return listYamlFiles(dir, isTestFile);
}

export function isTestFile(file: string): boolean {
  return /\.test\.ya?ml$/i.test(file);
}

/**
 * YAML files below `dir` whose name passes `wanted`, in a stable order. This runs on every start of
 * `aispm rules list` (the prebuilt pack's freshness check), so it builds paths by concatenation
 * below a normalized root rather than with path.join, and skips unwanted names before building them.
 */
function listYamlFiles(dir: string, wanted: (name: string) => boolean): string[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new InputError({ file: dir, message: 'rule pack directory not found', hint: 'pass a directory of rule YAML files' });
  }
  if (!stat.isDirectory()) throw new InputError({ file: dir, message: 'not a directory', hint: 'pass a directory of rule YAML files' });
  const files: string[] = [];
  const walk = (current: string, depth: number) => {
    if (depth > 10) return;
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      if (entry.isDirectory()) walk(current + sep + name, depth + 1);
      else if (entry.isFile() && /\.ya?ml$/i.test(name) && wanted(name)) files.push(current + sep + name);
      if (files.length > MAX_RULE_FILES) throw new InputError({ file: dir, message: `more than ${MAX_RULE_FILES} YAML files in the rule pack` });
    }
  };
  const root = normalize(dir);
  walk(root.length > 1 && root.endsWith(sep) ? root.slice(0, -1) : root, 0);
  return files;
}

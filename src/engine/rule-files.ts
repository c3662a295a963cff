import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';

/**
 * Finding the files of a rule pack. Kept free of YAML and zod so that `aispm rules list` can check
 * the prebuilt pack is fresh without loading them.
 */

const MAX_RULE_FILES = 5000;

/** Rule files in a pack: every .yaml/.yml file below `dir`, except rule tests (`*.test.yaml`). */
export function findRuleFiles(dir: string): string[] {
  return listYamlFiles(dir).filter((file) => !isTestFile(file));
}

/** Rule test files: `<rule>.test.yaml`, beside the rule they test. */
export function findRuleTestFiles(dir: string): string[] {
  return listYamlFiles(dir).filter(isTestFile);
}

export function isTestFile(file: string): boolean {
  return /\.test\.ya?ml$/i.test(file);
}

function listYamlFiles(dir: string): string[] {
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
      if (entry.name.startsWith('.')) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) files.push(path);
      if (files.length > MAX_RULE_FILES) throw new InputError({ file: dir, message: `more than ${MAX_RULE_FILES} YAML files in the rule pack` });
    }
  };
  walk(dir, 0);
  return files;
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BUILTIN_RULES_DIR, PACKAGE_ROOT, RULE_PACK_BUNDLE } from '../package-info.js';
import { findRuleFiles } from './rule-files.js';
import type { CompiledRule, Rule, RuleDocument } from './rule.js';

/**
 * The built-in rule pack, prebuilt at `npm run build` into one JSON file (validated then), so that
 * `aispm rules list` and scans start without parsing a hundred YAML files. If any rule file changed
 * since the build (by content), the YAML is read instead: the pack on disk always wins.
 */

export const RULE_PACK_BUNDLE_VERSION = 1;

export interface RulePackBundle {
  bundleVersion: number;
  /** Content hash of each rule file when the bundle was built (mtimes do not survive npm pack). */
  files: Array<{ path: string; sha1: string }>;
  rules: Array<{ source: string; document: RuleDocument }>;
}

/** Reads the built-in rules' metadata: from the bundle when fresh, otherwise from YAML. */
export async function builtInRules(): Promise<Rule[]> {
  const bundle = freshBundle();
  if (bundle) return bundle.rules.map(({ source, document }) => ({ ...document, source }));
  return (await loadBuiltInRulesFromYaml()).map((compiled) => compiled.rule);
}

/** The built-in rules, compiled. */
export async function compiledBuiltInRules(): Promise<CompiledRule[]> {
  const bundle = freshBundle();
  if (!bundle) return loadBuiltInRulesFromYaml();
  const { compileRuleDocument } = await import('./load-rules.js');
  return bundle.rules.map(({ source, document }) => compileRuleDocument({ file: source, data: document, lineOf: () => undefined }, source));
}

async function loadBuiltInRulesFromYaml(): Promise<CompiledRule[]> {
  const { loadRuleDir } = await import('./load-rules.js');
  return loadRuleDir(BUILTIN_RULES_DIR, PACKAGE_ROOT);
}

/** Builds the bundle from the YAML pack (run by `npm run build`). */
export async function buildRulePackBundle(): Promise<RulePackBundle> {
  const { loadRuleDir } = await import('./load-rules.js');
  const compiled = loadRuleDir(BUILTIN_RULES_DIR, PACKAGE_ROOT);
  const byId = [...compiled].sort((a, b) => (a.rule.id < b.rule.id ? -1 : 1));
  return {
    bundleVersion: RULE_PACK_BUNDLE_VERSION,
    files: fileStamps(),
    rules: byId.map(({ rule: { source, ...document } }) => ({ source, document })),
  };
}

function fileStamps(): RulePackBundle['files'] {
  return findRuleFiles(BUILTIN_RULES_DIR).map((file) => ({
    path: relative(PACKAGE_ROOT, file),
    sha1: createHash('sha1').update(readFileSync(file)).digest('hex'),
  }));
}

function freshBundle(): RulePackBundle | undefined {
  let bundle: RulePackBundle;
  try {
    bundle = JSON.parse(readFileSync(RULE_PACK_BUNDLE, 'utf8')) as RulePackBundle;
  } catch {
    return undefined;
  }
  if (bundle.bundleVersion !== RULE_PACK_BUNDLE_VERSION) return undefined;
  const current = fileStamps();
  if (current.length !== bundle.files.length) return undefined;
  for (let index = 0; index < current.length; index++) {
    const now = current[index]!;
    const then = bundle.files[index]!;
    if (now.path !== then.path || now.sha1 !== then.sha1) return undefined;
  }
  return bundle;
}

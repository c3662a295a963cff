import { BUILTIN_RULES_DIR, PACKAGE_ROOT, RULE_INDEX_BUNDLE, RULE_PACK_BUNDLE } from '../package-info.js';
import { makePrebuilt, readFreshPrebuilt, type Prebuilt } from '../prebuilt.js';
import { findRuleFiles } from './rule-files.js';
import type { CompiledRule, CompileOptions, Rule, RuleDocument } from './rule.js';

/**
 * The built-in rule pack, prebuilt at `npm run build` into one JSON file (validated then), so that
 * `aispm rules list` and scans start without parsing a hundred YAML files. If a rule file changed
 * since the build, the YAML is read instead: the pack on disk always wins.
 */

type BundledRules = Array<{ source: string; document: RuleDocument }>;

/** What `aispm rules list` shows of a rule. */
export type RuleSummary = Pick<Rule, 'id' | 'aliases' | 'title' | 'severity' | 'category' | 'resourceTypes' | 'frameworks' | 'source'>;

export function summarizeRule({ id, aliases, title, severity, category, resourceTypes, frameworks, source }: RuleSummary): RuleSummary {
  return { id, aliases, title, severity, category, resourceTypes, frameworks, source };
}

function freshBundle(): BundledRules | undefined {
  return readFreshPrebuilt<BundledRules>(RULE_PACK_BUNDLE, findRuleFiles(BUILTIN_RULES_DIR).files);
}

/** Reads the built-in rules' metadata: from the bundle when fresh, otherwise from YAML. */
export async function builtInRules(): Promise<Rule[]> {
  const bundle = freshBundle();
  if (bundle) return bundle.map(({ source, document }) => ({ ...document, source }));
  return (await loadBuiltInRulesFromYaml()).map((compiled) => compiled.rule);
}

/** The built-in rules' listing columns: from the index when fresh, otherwise from YAML. */
export async function builtInRuleSummaries(): Promise<RuleSummary[]> {
  const index = readFreshPrebuilt<RuleSummary[]>(RULE_INDEX_BUNDLE, findRuleFiles(BUILTIN_RULES_DIR).files);
  return index ?? (await builtInRules()).map(summarizeRule);
}

/** The built-in rules, compiled. */
export async function compiledBuiltInRules(options: CompileOptions = {}): Promise<CompiledRule[]> {
  const bundle = freshBundle();
  if (!bundle) return loadBuiltInRulesFromYaml(options);
  const { compileRuleDocument } = await import('./load-rules.js');
  return bundle.map(({ source, document }) => compileRuleDocument({ file: source, data: document, lineOf: () => undefined }, source, options));
}

async function loadBuiltInRulesFromYaml(options: CompileOptions = {}): Promise<CompiledRule[]> {
  const { loadRuleDir } = await import('./load-rules.js');
  return loadRuleDir(BUILTIN_RULES_DIR, PACKAGE_ROOT, options);
}

/** Builds the pack and its index from the YAML (run by `npm run build`). */
export async function buildRulePackBundles(): Promise<{ pack: Prebuilt<BundledRules>; index: Prebuilt<RuleSummary[]> }> {
  const compiled = (await loadBuiltInRulesFromYaml()).sort((a, b) => (a.rule.id < b.rule.id ? -1 : 1));
  const files = findRuleFiles(BUILTIN_RULES_DIR).files;
  return {
    pack: makePrebuilt(files, compiled.map(({ rule: { source, ...document } }) => ({ source, document }))),
    index: makePrebuilt(files, compiled.map(({ rule }) => summarizeRule(rule))),
  };
}

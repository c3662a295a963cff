import { InputError, suggestion } from '../errors.js';
import type { CompiledRule } from '../engine/rule.js';
import type { Logger } from '../log.js';
import { defaultConfigFile } from '../config-file.js';
import { globMatcher, isGlob } from '../glob.js';

export interface RuleSelection {
  /** The rules to run. */
  selected: CompiledRule[];
  /** Every loaded rule, selected or not (compliance lists the mapped rules that did not run). */
  loaded: CompiledRule[];
  /** Ids and aliases of every loaded rule, selected or not (ignore files may name any of them). */
  knownIds: string[];
}

/**
 * Loads the built-in pack plus `--rules` packs, sets parameters from the config file (`--config`, or
 * aispm.config.yaml when present), and applies `--only` / `--skip`.
 */
export async function loadSelectedRules(options: { rules?: string[]; only?: string[]; skip?: string[]; config?: string }, now: Date, log: Logger): Promise<RuleSelection> {
  const { compiledBuiltInRules } = await import('../engine/rule-pack.js');
  const { checkUniqueIds, loadRuleDir, recompileRule } = await import('../engine/load-rules.js');
  let rules = [...(await compiledBuiltInRules({ now }))];
  for (const dir of options.rules ?? []) rules.push(...loadRuleDir(dir, process.cwd(), { now, warn: log.warn }));
  checkUniqueIds(rules);
  const configFile = options.config ?? defaultConfigFile();
  if (configFile) {
    const { loadConfig } = await import('../config.js');
    const { parameters } = loadConfig(configFile, rules.map((compiled) => compiled.rule));
    const configured = new Set(Object.keys(parameters));
    rules = rules.map((compiled) => (Object.keys(compiled.rule.parameters).some((name) => configured.has(name)) ? recompileRule(compiled.rule, { parameters, now }) : compiled));
  }
  const only = options.only?.length ? resolveIds(options.only, rules, '--only') : undefined;
  const skip = options.skip?.length ? resolveIds(options.skip, rules, '--skip') : new Set<string>();
  return {
    selected: rules.filter((compiled) => (!only || only.has(compiled.rule.id)) && !skip.has(compiled.rule.id)),
    loaded: rules,
    knownIds: rules.flatMap((compiled) => [compiled.rule.id, ...compiled.rule.aliases]),
  };
}

/**
 * Maps ids, aliases and globs (`aws-bedrock-*`) to rule ids; an id, or a glob, that names no rule is
 * an input error with a suggestion.
 */
function resolveIds(ids: readonly string[], rules: readonly CompiledRule[], flag: string): Set<string> {
  const byName = new Map<string, string>();
  for (const { rule } of rules) for (const name of [rule.id, ...rule.aliases]) byName.set(name, rule.id);
  const resolved = new Set<string>();
  for (const id of ids) {
    if (isGlob(id)) {
      const matches = globMatcher(id);
      const before = resolved.size;
      for (const [name, ruleId] of byName) if (matches(name)) resolved.add(ruleId);
      if (resolved.size === before && ![...byName.keys()].some(matches)) throw new InputError({ field: flag, message: `no rule matches "${id}"`, hint: 'run `aispm rules list` for the ids' });
      continue;
    }
    const ruleId = byName.get(id);
    if (!ruleId) throw new InputError({ field: flag, message: `no rule with id "${id}"`, hint: suggestion(id, [...byName.keys()]) ?? 'run `aispm rules list` for the ids' });
    resolved.add(ruleId);
  }
  return resolved;
}

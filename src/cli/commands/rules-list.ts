import type { Rule } from '../../engine/rule.js';
import type { RuleSummary } from '../../engine/rule-pack.js';
import { InputError, suggestion } from '../../errors.js';
import { FRAMEWORK_KEYS } from '../../engine/frameworks.js';
import { RULE_CATEGORIES } from '../../engine/rule-categories.js';
import { PROVIDERS, SEVERITIES, SEVERITY_RANK } from '../../graph/model.js';
import { escapeLines } from '../../report/escape.js';
import type { TerminalOptions } from '../terminal.js';

/** `aispm rules list`: browse the pack. Kept light (no colour or YAML library): it is a start-up benchmark. */

export interface RuleListOptions extends TerminalOptions {
  rules?: string[];
  provider?: string[];
  severity?: string[];
  category?: string[];
  framework?: string[];
  format: 'table' | 'json';
}

/** The provider a rule is about: one provider, or `cross` for rules spanning several. */
export function ruleProvider(rule: Pick<Rule, 'resourceTypes'>): string {
  const providers = new Set(rule.resourceTypes.map((type) => type.split('.')[0]));
  return providers.size === 1 ? [...providers][0]! : 'cross';
}

export async function allRules(extraPacks: readonly string[] | undefined, options: TerminalOptions): Promise<Rule[]> {
  const { builtInRules } = await import('../../engine/rule-pack.js');
  return withExtraPacks(await builtInRules(), extraPacks, options);
}

async function withExtraPacks<T extends RuleSummary>(rules: T[], extraPacks: readonly string[] | undefined, options: TerminalOptions): Promise<Array<T | Rule>> {
  if (extraPacks?.length) {
    const { loadRuleDir, checkUniqueIds } = await import('../../engine/load-rules.js');
    const { createLogger } = await import('../terminal.js');
    const { warn } = createLogger(options);
    const extra = extraPacks.flatMap((dir) => loadRuleDir(dir, process.cwd(), { warn }));
    checkUniqueIds([...rules.map((rule) => ({ rule })), ...extra]);
    return [...rules, ...extra.map((compiled) => compiled.rule)].sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return rules.sort((a, b) => (a.id < b.id ? -1 : 1));
}

export async function rulesListCommand(options: RuleListOptions): Promise<number> {
  checkFilters(options);
  const { builtInRuleSummaries } = await import('../../engine/rule-pack.js');
  const rules = (await withExtraPacks(await builtInRuleSummaries(), options.rules, options)).filter((rule) => matchesFilters(rule, options));
  if (options.format === 'json') {
    const rows = rules.map((rule) => ({ id: rule.id, title: rule.title, severity: rule.severity, provider: ruleProvider(rule), category: rule.category, resourceTypes: rule.resourceTypes, frameworks: rule.frameworks, source: rule.source }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  // One line per rule in aligned columns: readable, and easy to grep and cut.
  const ordered = [...rules].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.id < b.id ? -1 : 1));
  const rows = [['ID', 'SEVERITY', 'PROVIDER', 'CATEGORY', 'TITLE'], ...ordered.map((rule) => [rule.id, rule.severity, ruleProvider(rule), rule.category, escapeLines(rule.title)])];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => [...row.slice(0, 4).map((cell, column) => cell.padEnd(widths[column]!)), row[4]].join('  ').trimEnd());
  process.stdout.write(`${lines.join('\n')}\n\n${rules.length} rule${rules.length === 1 ? '' : 's'}\n`);
  return 0;
}

/** A filter value that can match nothing is a mistake: exit 2 with the values there are, as scan does. */
function checkFilters(options: RuleListOptions): void {
  const check = (flag: string, values: readonly string[] | undefined, known: readonly string[]) => {
    for (const value of values ?? []) {
      if (!known.includes(value)) throw new InputError({ field: flag, message: `"${value}" is not one of ${known.join(', ')}`, hint: suggestion(value, known) });
    }
  };
  check('--provider', options.provider, [...PROVIDERS, 'cross']);
  check('--severity', options.severity, SEVERITIES);
  check('--category', options.category, RULE_CATEGORIES);
  check('--framework', options.framework?.map((filter) => splitFrameworkFilter(filter)[0]), FRAMEWORK_KEYS);
}

function matchesFilters(rule: RuleSummary, options: RuleListOptions): boolean {
  if (options.provider?.length && !options.provider.includes(ruleProvider(rule)) && !rule.resourceTypes.some((type) => options.provider!.includes(type.split('.')[0]!))) return false;
  if (options.severity?.length && !options.severity.includes(rule.severity)) return false;
  if (options.category?.length && !options.category.includes(rule.category)) return false;
  if (options.framework?.length) {
    const wanted = options.framework.some((filter) => {
      const [key, id] = splitFrameworkFilter(filter);
      const ids = rule.frameworks[key];
      return ids !== undefined && (id === undefined || ids.includes(id));
    });
    if (!wanted) return false;
  }
  return true;
}

/** `owasp-llm-2025` or `owasp-llm-2025=LLM01:2025`. */
function splitFrameworkFilter(filter: string): [string, string | undefined] {
  const at = filter.indexOf('=');
  return at === -1 ? [filter, undefined] : [filter.slice(0, at), filter.slice(at + 1)];
}

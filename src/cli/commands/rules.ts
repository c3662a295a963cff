import { Chalk } from 'chalk';
import { InputError, suggestion } from '../../errors.js';
import type { Rule } from '../../engine/rule.js';
import { SEVERITY_RANK } from '../../findings/finding.js';
import type { Severity } from '../../graph/model.js';
import { escapeLines } from '../../report/escape.js';
import { useColor, terminalWidth, type TerminalOptions } from '../terminal.js';

/** `aispm rules list|show|validate|test`: browse the pack, check and test a pack. */

export interface RuleListOptions extends TerminalOptions {
  rules?: string[];
  provider?: string[];
  severity?: string[];
  category?: string[];
  framework?: string[];
  format: 'table' | 'json';
}

/** The provider a rule is about: one provider, or `cross` for rules spanning several. */
export function ruleProvider(rule: Rule): string {
  const providers = new Set(rule.resourceTypes.map((type) => type.split('.')[0]));
  return providers.size === 1 ? [...providers][0]! : 'cross';
}

async function allRules(extraPacks: readonly string[] | undefined): Promise<Rule[]> {
  const { builtInRules } = await import('../../engine/rule-pack.js');
  const rules = await builtInRules();
  if (extraPacks?.length) {
    const { loadRuleDir, checkUniqueIds } = await import('../../engine/load-rules.js');
    const extra = extraPacks.flatMap((dir) => loadRuleDir(dir));
    checkUniqueIds([...rules.map((rule) => ({ rule })), ...extra]);
    rules.push(...extra.map((compiled) => compiled.rule));
  }
  return rules.sort((a, b) => (a.id < b.id ? -1 : 1));
}

export async function rulesListCommand(options: RuleListOptions): Promise<number> {
  const rules = (await allRules(options.rules)).filter((rule) => matchesFilters(rule, options));
  if (options.format === 'json') {
    const rows = rules.map((rule) => ({ id: rule.id, title: rule.title, severity: rule.severity, provider: ruleProvider(rule), category: rule.category, resourceTypes: rule.resourceTypes, frameworks: rule.frameworks, source: rule.source }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const chalk = new Chalk({ level: useColor(options, false) ? 2 : 0 });
  const { default: Table } = await import('cli-table3');
  const width = terminalWidth();
  const table = new Table({
    head: ['ID', 'Severity', 'Provider', 'Category', 'Title'].map((text) => chalk.bold(text)),
    colWidths: [52, 10, 10, 15, Math.max(30, width - 52 - 10 - 10 - 15 - 6)],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  const ordered = [...rules].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.id < b.id ? -1 : 1));
  for (const rule of ordered) table.push([rule.id, rule.severity, ruleProvider(rule), rule.category, rule.title]);
  process.stdout.write(`${table.toString()}\n${rules.length} rule${rules.length === 1 ? '' : 's'}\n`);
  return 0;
}

function matchesFilters(rule: Rule, options: RuleListOptions): boolean {
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

export async function rulesShowCommand(id: string, options: TerminalOptions & { rules?: string[]; format: 'text' | 'yaml' | 'json' }): Promise<number> {
  const rules = await allRules(options.rules);
  const rule = rules.find((candidate) => candidate.id === id || candidate.aliases.includes(id));
  if (!rule) throw new InputError({ message: `no rule with id "${id}"`, hint: suggestion(id, rules.map((candidate) => candidate.id)) ?? 'run `aispm rules list` for the ids' });
  const { source, ...document } = rule;
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ ...document, source }, null, 2)}\n`);
    return 0;
  }
  const { stringify } = await import('yaml');
  if (options.format === 'yaml') {
    process.stdout.write(stringify(document, { lineWidth: 0 }));
    return 0;
  }
  const { FRAMEWORKS } = await import('../../engine/frameworks.js');
  const chalk = new Chalk({ level: useColor(options, false) ? 2 : 0 });
  const section = (title: string, body: string) => `\n${chalk.bold(title)}\n${escapeLines(body.trim())}\n`;
  let text = `${chalk.bold(escapeLines(rule.title))}\n${rule.id}  ·  ${rule.severity}  ·  ${rule.category}  ·  ${ruleProvider(rule)}\n`;
  text += section('Why this severity', rule.severityReason);
  text += section('Applies to', rule.resourceTypes.join('\n'));
  text += section('Description', rule.description);
  text += section('Condition', stringify({ ...(rule.when !== undefined ? { when: rule.when } : {}), ...(rule.path ? { path: rule.path } : {}) }, { lineWidth: 0 }));
  text += section('Remediation', rule.remediation);
  if (rule.references.length) text += section('References', rule.references.join('\n'));
  const mappings = FRAMEWORKS.filter((framework) => rule.frameworks[framework.key]?.length).map((framework) => {
    const ids = rule.frameworks[framework.key]!.map((frameworkId) => (framework.ids?.[frameworkId] ? `${frameworkId} ${framework.ids[frameworkId]}` : frameworkId));
    return `${framework.title}: ${ids.join('; ')}`;
  });
  if (mappings.length) text += section('Frameworks', mappings.join('\n'));
  if (rule.aliases.length) text += section('Aliases', rule.aliases.join(', '));
  text += section('Source', source);
  process.stdout.write(text);
  return 0;
}

export async function rulesValidateCommand(dir: string): Promise<number> {
  const { loadRuleDir, checkUniqueIds } = await import('../../engine/load-rules.js');
  const { loadRuleTests } = await import('../../engine/rule-tests.js');
  const rules = loadRuleDir(dir);
  checkUniqueIds(rules);
  const tests = loadRuleTests(dir, rules);
  const cases = tests.reduce((sum, file) => sum + file.cases.length, 0);
  process.stdout.write(`${rules.length} rules valid in ${dir} (${tests.length} test files, ${cases} cases)\n`);
  return 0;
}

/** Runs a pack's tests: 0 when all pass, 1 when a case fails or a rule lacks a failing or passing case. */
export async function rulesTestCommand(dir: string, options: TerminalOptions): Promise<number> {
  const { loadRuleDir, checkUniqueIds } = await import('../../engine/load-rules.js');
  const { loadRuleTests, runRuleTests } = await import('../../engine/rule-tests.js');
  const rules = loadRuleDir(dir);
  checkUniqueIds(rules);
  const report = runRuleTests(rules, loadRuleTests(dir, rules));
  const chalk = new Chalk({ level: useColor(options, false) ? 2 : 0 });
  const failed = report.results.filter((result) => !result.passed);
  for (const result of failed) process.stdout.write(`${chalk.red('FAIL')} ${result.ruleId}: ${result.name}\n     ${result.file}: ${result.detail}\n`);
  for (const gap of report.missing) process.stdout.write(`${chalk.red('FAIL')} ${gap.ruleId}: no ${gap.lacks.map((outcome) => (outcome === 'fail' ? 'failing' : 'passing')).join(' or ')} test case (${gap.source})\n`);
  const passed = report.results.length - failed.length;
  const ok = failed.length === 0 && report.missing.length === 0;
  process.stdout.write(`${ok ? chalk.green('ok') : chalk.red('failed')}: ${rules.length} rules, ${report.results.length} cases, ${passed} passed, ${failed.length} failed, ${report.missing.length} rules missing cases\n`);
  return ok ? 0 : 1;
}

export function isSeverity(value: string): value is Severity {
  return Object.hasOwn(SEVERITY_RANK, value);
}

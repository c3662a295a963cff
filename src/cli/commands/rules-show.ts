import { Chalk } from 'chalk';
import { stringify } from 'yaml';
import { InputError, suggestion } from '../../errors.js';
import { FRAMEWORKS } from '../../engine/frameworks.js';
import { escapeLines } from '../../report/escape.js';
import { useColor, type TerminalOptions } from '../terminal.js';
import { allRules, ruleProvider } from './rules-list.js';

/** `aispm rules show <id>`: everything about one rule. */
export async function rulesShowCommand(id: string, options: TerminalOptions & { rules?: string[]; format: 'text' | 'yaml' | 'json' }): Promise<number> {
  const rules = await allRules(options.rules, options);
  const rule = rules.find((candidate) => candidate.id === id || candidate.aliases.includes(id));
  if (!rule) throw new InputError({ message: `no rule with id "${id}"`, hint: suggestion(id, rules.map((candidate) => candidate.id)) ?? 'run `aispm rules list` for the ids' });
  const { source, ...document } = rule;
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ ...document, source }, null, 2)}\n`);
    return 0;
  }
  if (options.format === 'yaml') {
    process.stdout.write(stringify(document, { lineWidth: 0 }));
    return 0;
  }
  const chalk = new Chalk({ level: useColor(options, false) ? 2 : 0 });
  const section = (title: string, body: string) => `\n${chalk.bold(title)}\n${escapeLines(body.trim())}\n`;
  let text = `${chalk.bold(escapeLines(rule.title))}\n${rule.id}  ·  ${rule.severity}  ·  ${rule.category}  ·  ${ruleProvider(rule)}\n`;
  text += section('Why this severity', rule.severityReason);
  text += section('Applies to', rule.resourceTypes.join('\n'));
  text += section('Description', rule.description);
  text += section('Condition', stringify({ ...(rule.when !== undefined ? { when: rule.when } : {}), ...(rule.path ? { path: rule.path } : {}) }, { lineWidth: 0 }));
  const parameters = Object.entries(rule.parameters);
  if (parameters.length) {
    const lines = parameters.map(([name, declaration]) => `${name} (default ${JSON.stringify(declaration.default)}${declaration.skipWhenEmpty ? '; the rule runs only when it is set' : ''}): ${declaration.description}`);
    text += section('Parameters (set them in aispm.config.yaml)', lines.join('\n'));
  }
  text += section('Remediation', rule.remediation);
  if (rule.references.length) text += section('References', rule.references.join('\n'));
  const mappings = FRAMEWORKS.filter((framework) => rule.frameworks[framework.key]?.length).map((framework) => {
    const ids = rule.frameworks[framework.key]!.map((frameworkId) => (framework.ids?.[frameworkId] ? `${frameworkId} ${framework.ids[frameworkId]}` : frameworkId));
    return `${framework.title}: ${ids.join('; ')}`;
  });
  if (mappings.length) text += section('Frameworks', mappings.join('\n'));
  if (rule.aliases.length) text += section('Aliases', rule.aliases.join(', '));
  if (rule.supersedes.length) text += section('Supersedes', `${rule.supersedes.join(', ')} (their findings on the same resource are included in this rule's finding)`);
  text += section('Source', source);
  process.stdout.write(text);
  return 0;
}

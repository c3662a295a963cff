import { Chalk } from 'chalk';
import { escapeText } from '../../report/escape.js';
import { createLogger, useColor, type TerminalOptions } from '../terminal.js';

/** `aispm rules validate|test <dir>`: check and test a rule pack. */

export async function rulesValidateCommand(dir: string, options: TerminalOptions): Promise<number> {
  const { loadRuleDir, checkUniqueIds } = await import('../../engine/load-rules.js');
  const { loadRuleTests } = await import('../../engine/rule-tests.js');
  const { warn } = createLogger(options);
  const rules = loadRuleDir(dir, process.cwd(), { warn });
  checkUniqueIds(rules);
  const tests = loadRuleTests(dir, rules, process.cwd(), warn);
  const cases = tests.reduce((sum, file) => sum + file.cases.length, 0);
  process.stdout.write(`${rules.length} rules valid in ${escapeText(dir)} (${tests.length} test files, ${cases} cases)\n`);
  return 0;
}

/** Runs a pack's tests: 0 when all pass, 1 when a case fails or a rule lacks a failing or passing case. */
export async function rulesTestCommand(dir: string, options: TerminalOptions): Promise<number> {
  const { loadRuleDir, checkUniqueIds } = await import('../../engine/load-rules.js');
  const { loadRuleTests, runRuleTests } = await import('../../engine/rule-tests.js');
  const { warn } = createLogger(options);
  const rules = loadRuleDir(dir, process.cwd(), { warn });
  checkUniqueIds(rules);
  const report = runRuleTests(rules, loadRuleTests(dir, rules, process.cwd(), warn));
  const chalk = new Chalk({ level: useColor(options, false) ? 2 : 0 });
  const failed = report.results.filter((result) => !result.passed);
  // Case names, asset ids and file names come from the pack's author: escaped, one line each.
  for (const result of failed) process.stdout.write(`${chalk.red('FAIL')} ${result.ruleId}: ${escapeText(result.name)}\n     ${escapeText(result.file)}: ${escapeText(result.detail ?? '')}\n`);
  for (const gap of report.missing) process.stdout.write(`${chalk.red('FAIL')} ${gap.ruleId}: no ${gap.lacks.map((outcome) => (outcome === 'fail' ? 'failing' : 'passing')).join(' or ')} test case (${escapeText(gap.source)})\n`);
  const passed = report.results.length - failed.length;
  const ok = failed.length === 0 && report.missing.length === 0;
  process.stdout.write(`${ok ? chalk.green('ok') : chalk.red('failed')}: ${rules.length} rules, ${report.results.length} cases, ${passed} passed, ${failed.length} failed, ${report.missing.length} rules missing cases\n`);
  return ok ? 0 : 1;
}

import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  terminalWidth,
  useColor
} from "./chunk-QROH3ZIA.js";
import {
  Chalk
} from "./chunk-LZLEJMZJ.js";
import {
  SEVERITY_RANK
} from "./chunk-O4D3DVTM.js";
import {
  escapeLines
} from "./chunk-W2EXWOM5.js";
import {
  InputError,
  suggestion
} from "./chunk-L52WNKTN.js";
import "./chunk-2TIRR4RQ.js";

// src/cli/commands/rules.ts
function ruleProvider(rule) {
  const providers = new Set(rule.resourceTypes.map((type) => type.split(".")[0]));
  return providers.size === 1 ? [...providers][0] : "cross";
}
async function allRules(extraPacks) {
  const { builtInRules } = await import("./rule-pack-E5NF4HYC.js");
  const rules = await builtInRules();
  if (extraPacks?.length) {
    const { loadRuleDir, checkUniqueIds } = await import("./load-rules-HHOBC3F6.js");
    const extra = extraPacks.flatMap((dir) => loadRuleDir(dir));
    checkUniqueIds([...rules.map((rule) => ({ rule })), ...extra]);
    rules.push(...extra.map((compiled) => compiled.rule));
  }
  return rules.sort((a, b) => a.id < b.id ? -1 : 1);
}
async function rulesListCommand(options) {
  const rules = (await allRules(options.rules)).filter((rule) => matchesFilters(rule, options));
  if (options.format === "json") {
    const rows = rules.map((rule) => ({ id: rule.id, title: rule.title, severity: rule.severity, provider: ruleProvider(rule), category: rule.category, resourceTypes: rule.resourceTypes, frameworks: rule.frameworks, source: rule.source }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}
`);
    return 0;
  }
  const chalk = new Chalk({ level: useColor(options, false) ? 2 : 0 });
  const { default: Table } = await import("./cli-table3-Q7RQZSOC.js");
  const width = terminalWidth();
  const table = new Table({
    head: ["ID", "Severity", "Provider", "Category", "Title"].map((text) => chalk.bold(text)),
    colWidths: [52, 10, 10, 15, Math.max(30, width - 52 - 10 - 10 - 15 - 6)],
    wordWrap: true,
    style: { head: [], border: [] }
  });
  const ordered = [...rules].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.id < b.id ? -1 : 1));
  for (const rule of ordered) table.push([rule.id, rule.severity, ruleProvider(rule), rule.category, rule.title]);
  process.stdout.write(`${table.toString()}
${rules.length} rule${rules.length === 1 ? "" : "s"}
`);
  return 0;
}
function matchesFilters(rule, options) {
  if (options.provider?.length && !options.provider.includes(ruleProvider(rule)) && !rule.resourceTypes.some((type) => options.provider.includes(type.split(".")[0]))) return false;
  if (options.severity?.length && !options.severity.includes(rule.severity)) return false;
  if (options.category?.length && !options.category.includes(rule.category)) return false;
  if (options.framework?.length) {
    const wanted = options.framework.some((filter) => {
      const [key, id] = splitFrameworkFilter(filter);
      const ids = rule.frameworks[key];
      return ids !== void 0 && (id === void 0 || ids.includes(id));
    });
    if (!wanted) return false;
  }
  return true;
}
function splitFrameworkFilter(filter) {
  const at = filter.indexOf("=");
  return at === -1 ? [filter, void 0] : [filter.slice(0, at), filter.slice(at + 1)];
}
async function rulesShowCommand(id, options) {
  const rules = await allRules(options.rules);
  const rule = rules.find((candidate) => candidate.id === id || candidate.aliases.includes(id));
  if (!rule) throw new InputError({ message: `no rule with id "${id}"`, hint: suggestion(id, rules.map((candidate) => candidate.id)) ?? "run `aispm rules list` for the ids" });
  const { source, ...document } = rule;
  if (options.format === "json") {
    process.stdout.write(`${JSON.stringify({ ...document, source }, null, 2)}
`);
    return 0;
  }
  const { stringify } = await import("./dist-F5Z4PEFD.js");
  if (options.format === "yaml") {
    process.stdout.write(stringify(document, { lineWidth: 0 }));
    return 0;
  }
  const { FRAMEWORKS } = await import("./frameworks-GUEA6AJM.js");
  const chalk = new Chalk({ level: useColor(options, false) ? 2 : 0 });
  const section = (title, body) => `
${chalk.bold(title)}
${escapeLines(body.trim())}
`;
  let text = `${chalk.bold(escapeLines(rule.title))}
${rule.id}  \xB7  ${rule.severity}  \xB7  ${rule.category}  \xB7  ${ruleProvider(rule)}
`;
  text += section("Why this severity", rule.severityReason);
  text += section("Applies to", rule.resourceTypes.join("\n"));
  text += section("Description", rule.description);
  text += section("Condition", stringify({ ...rule.when !== void 0 ? { when: rule.when } : {}, ...rule.path ? { path: rule.path } : {} }, { lineWidth: 0 }));
  text += section("Remediation", rule.remediation);
  if (rule.references.length) text += section("References", rule.references.join("\n"));
  const mappings = FRAMEWORKS.filter((framework) => rule.frameworks[framework.key]?.length).map((framework) => {
    const ids = rule.frameworks[framework.key].map((frameworkId) => framework.ids?.[frameworkId] ? `${frameworkId} ${framework.ids[frameworkId]}` : frameworkId);
    return `${framework.title}: ${ids.join("; ")}`;
  });
  if (mappings.length) text += section("Frameworks", mappings.join("\n"));
  if (rule.aliases.length) text += section("Aliases", rule.aliases.join(", "));
  text += section("Source", source);
  process.stdout.write(text);
  return 0;
}
async function rulesValidateCommand(dir) {
  const { loadRuleDir, checkUniqueIds } = await import("./load-rules-HHOBC3F6.js");
  const { loadRuleTests } = await import("./rule-tests-KPMTZYXG.js");
  const rules = loadRuleDir(dir);
  checkUniqueIds(rules);
  const tests = loadRuleTests(dir, rules);
  const cases = tests.reduce((sum, file) => sum + file.cases.length, 0);
  process.stdout.write(`${rules.length} rules valid in ${dir} (${tests.length} test files, ${cases} cases)
`);
  return 0;
}
async function rulesTestCommand(dir, options) {
  const { loadRuleDir, checkUniqueIds } = await import("./load-rules-HHOBC3F6.js");
  const { loadRuleTests, runRuleTests } = await import("./rule-tests-KPMTZYXG.js");
  const rules = loadRuleDir(dir);
  checkUniqueIds(rules);
  const report = runRuleTests(rules, loadRuleTests(dir, rules));
  const chalk = new Chalk({ level: useColor(options, false) ? 2 : 0 });
  const failed = report.results.filter((result) => !result.passed);
  for (const result of failed) process.stdout.write(`${chalk.red("FAIL")} ${result.ruleId}: ${result.name}
     ${result.file}: ${result.detail}
`);
  for (const gap of report.missing) process.stdout.write(`${chalk.red("FAIL")} ${gap.ruleId}: no ${gap.lacks.map((outcome) => outcome === "fail" ? "failing" : "passing").join(" or ")} test case (${gap.source})
`);
  const passed = report.results.length - failed.length;
  const ok = failed.length === 0 && report.missing.length === 0;
  process.stdout.write(`${ok ? chalk.green("ok") : chalk.red("failed")}: ${rules.length} rules, ${report.results.length} cases, ${passed} passed, ${failed.length} failed, ${report.missing.length} rules missing cases
`);
  return ok ? 0 : 1;
}
function isSeverity(value) {
  return Object.hasOwn(SEVERITY_RANK, value);
}
export {
  isSeverity,
  ruleProvider,
  rulesListCommand,
  rulesShowCommand,
  rulesTestCommand,
  rulesValidateCommand
};

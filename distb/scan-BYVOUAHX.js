import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  readInventory,
  writeReport
} from "./chunk-FDKASQB3.js";
import "./chunk-4EELHLSM.js";
import {
  createLogger,
  startProgress,
  terminalWidth,
  useColor
} from "./chunk-QROH3ZIA.js";
import {
  TOOL_NAME,
  toolVersion
} from "./chunk-O3Y7GDW5.js";
import {
  countedFindings,
  runScan
} from "./chunk-2M3FLLUT.js";
import "./chunk-EUPVSJUH.js";
import "./chunk-7NFRTXAW.js";
import {
  SEVERITY_RANK
} from "./chunk-O4D3DVTM.js";
import "./chunk-W2EXWOM5.js";
import "./chunk-VSRTFL3P.js";
import "./chunk-JKQO2OVJ.js";
import "./chunk-FNICXQ5F.js";
import "./chunk-6SOLM6U7.js";
import "./chunk-WXCWYLXW.js";
import "./chunk-KRZFTOTS.js";
import "./chunk-QHCZUORC.js";
import "./chunk-MVR65UMA.js";
import {
  isCoverageGap
} from "./chunk-H3GV4XYG.js";
import "./chunk-SAA2V5SN.js";
import "./chunk-QNRES2KC.js";
import {
  InputError,
  suggestion
} from "./chunk-L52WNKTN.js";
import "./chunk-ST3MKGRW.js";
import "./chunk-2TIRR4RQ.js";

// src/report/reporter.ts
async function loadReporter(format) {
  switch (format) {
    case "table":
      return (await import("./table-EIKXKP7T.js")).renderTable;
    case "json":
      return (await import("./json-KBQDJHLG.js")).renderJson;
    case "sarif":
      return (await import("./sarif-MAXINSPT.js")).renderSarif;
    case "markdown":
      return (await import("./markdown-QP3DPI53.js")).renderMarkdown;
  }
}

// src/cli/rule-selection.ts
async function loadSelectedRules(options) {
  const { compiledBuiltInRules } = await import("./rule-pack-E5NF4HYC.js");
  const { checkUniqueIds, loadRuleDir } = await import("./load-rules-HHOBC3F6.js");
  const rules = [...await compiledBuiltInRules()];
  for (const dir of options.rules ?? []) rules.push(...loadRuleDir(dir));
  checkUniqueIds(rules);
  const only = options.only?.length ? resolveIds(options.only, rules, "--only") : void 0;
  const skip = options.skip?.length ? resolveIds(options.skip, rules, "--skip") : /* @__PURE__ */ new Set();
  return {
    selected: rules.filter((compiled) => (!only || only.has(compiled.rule.id)) && !skip.has(compiled.rule.id)),
    knownIds: rules.flatMap((compiled) => [compiled.rule.id, ...compiled.rule.aliases])
  };
}
function resolveIds(ids, rules, flag) {
  const byName = /* @__PURE__ */ new Map();
  for (const { rule } of rules) for (const name of [rule.id, ...rule.aliases]) byName.set(name, rule.id);
  const resolved = /* @__PURE__ */ new Set();
  for (const id of ids) {
    const ruleId = byName.get(id);
    if (!ruleId) throw new InputError({ field: flag, message: `no rule with id "${id}"`, hint: suggestion(id, [...byName.keys()]) ?? "run `aispm rules list` for the ids" });
    resolved.add(ruleId);
  }
  return resolved;
}

// src/cli/commands/scan.ts
var FAIL_ON_LEVELS = ["critical", "high", "medium", "low", "none"];
async function scanCommand(options, signal) {
  const startedAt = /* @__PURE__ */ new Date();
  const log = createLogger(options);
  const { selected: rules, knownIds } = await loadSelectedRules(options);
  const { defaultIgnoreFile, loadSuppressions } = await import("./suppressions-4IKL2JYV.js");
  const ignoreFile = options.ignore ?? defaultIgnoreFile();
  const suppressions = ignoreFile ? loadSuppressions(ignoreFile, knownIds, startedAt.toISOString().slice(0, 10)) : void 0;
  const baseline = options.baseline ? (await import("./baseline-ZK4BMO7C.js")).loadBaseline(options.baseline) : void 0;
  const reporter = await loadReporter(options.format);
  const progress = await startProgress(options, "Reading the estate\u2026");
  let result;
  try {
    const inventory = await readInventory(options, log, progress.update, signal);
    progress.update(`Evaluating ${rules.length} rules\u2026`);
    result = runScan({ inventory, rules, suppressions, baseline, startedAt, tool: { name: TOOL_NAME, version: toolVersion() } });
    if (options.saveSnapshot) {
      const { saveSnapshot } = await import("./snapshot-LZ6LRB6T.js");
      saveSnapshot(result.graph.toInventory(), options.saveSnapshot, result.tool, result.finishedAt);
    }
  } finally {
    progress.stop();
  }
  for (const warning of result.warnings) log.warn(warning);
  log.debug(`${result.assetCount} assets, ${result.checks} checks, ${result.findings.length} findings, ${result.inconclusive} inconclusive`);
  writeReport(reporter(result, { color: useColor(options, options.output !== void 0), width: terminalWidth() }), options.output);
  if (options.output) log.info(`wrote ${options.format} report to ${options.output}`);
  return exitCode(result, options.failOn, options.failOnGaps === true);
}
function exitCode(result, failOn, failOnGaps) {
  if (failOn !== "none") {
    const threshold = SEVERITY_RANK[failOn];
    if (countedFindings(result).some((finding) => SEVERITY_RANK[finding.severity] >= threshold)) return 1;
  }
  if (failOnGaps && result.coverage.some(isCoverageGap)) return 3;
  return 0;
}
function parseFailOn(value) {
  if (!FAIL_ON_LEVELS.includes(value)) throw new InputError({ field: "--fail-on", message: `"${value}" is not a level`, hint: `use one of ${FAIL_ON_LEVELS.join(", ")}` });
  return value;
}
export {
  FAIL_ON_LEVELS,
  exitCode,
  parseFailOn,
  scanCommand
};

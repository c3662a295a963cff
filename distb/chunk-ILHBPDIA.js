import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  severityCounts
} from "./chunk-2M3FLLUT.js";
import {
  SEVERITIES,
  isCoverageGap
} from "./chunk-H3GV4XYG.js";

// src/report/summary.ts
var MAX_ROWS = 100;
function summarize(result) {
  const open = result.findings.filter((finding) => finding.status !== "suppressed");
  const providers = [...new Set(result.graph.assets.map((asset) => asset.provider))].sort();
  return {
    open,
    bySeverity: severityCounts(open),
    suppressed: result.findings.length - open.length,
    existing: open.filter((finding) => finding.status === "existing").length,
    providers,
    gaps: result.coverage.filter(isCoverageGap),
    seconds: ((result.finishedAt.getTime() - result.startedAt.getTime()) / 1e3).toFixed(1)
  };
}
function overflowByRule(findings) {
  const byRule = /* @__PURE__ */ new Map();
  for (const finding of findings.slice(MAX_ROWS)) {
    const entry = byRule.get(finding.ruleId) ?? { ruleId: finding.ruleId, severity: finding.severity, count: 0 };
    entry.count++;
    byRule.set(finding.ruleId, entry);
  }
  return [...byRule.values()].sort((a, b) => b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1));
}
function severityLine(counts, format) {
  return SEVERITIES.map((severity) => format(severity, `${severity.toUpperCase()} ${counts[severity]}`)).join("   ");
}
function pathNames(result, path) {
  return path.map((id) => result.graph.get(id)?.name ?? id);
}

export {
  MAX_ROWS,
  summarize,
  overflowByRule,
  severityLine,
  pathNames
};

import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  MAX_ROWS,
  overflowByRule,
  pathNames,
  summarize
} from "./chunk-ILHBPDIA.js";
import "./chunk-2M3FLLUT.js";
import "./chunk-EUPVSJUH.js";
import "./chunk-7NFRTXAW.js";
import "./chunk-O4D3DVTM.js";
import {
  escapeMarkdown
} from "./chunk-W2EXWOM5.js";
import "./chunk-VSRTFL3P.js";
import "./chunk-JKQO2OVJ.js";
import "./chunk-FNICXQ5F.js";
import "./chunk-6SOLM6U7.js";
import "./chunk-WXCWYLXW.js";
import "./chunk-KRZFTOTS.js";
import "./chunk-QHCZUORC.js";
import "./chunk-MVR65UMA.js";
import "./chunk-H3GV4XYG.js";
import "./chunk-SAA2V5SN.js";
import "./chunk-QNRES2KC.js";
import "./chunk-L52WNKTN.js";
import "./chunk-ST3MKGRW.js";
import "./chunk-2TIRR4RQ.js";

// src/report/markdown.ts
var BADGE = { critical: "\u{1F7E5} critical", high: "\u{1F7E7} high", medium: "\u{1F7E8} medium", low: "\u{1F7E6} low", info: "\u2B1C info" };
function* renderMarkdown(result) {
  const summary = summarize(result);
  yield `## aispm: ${summary.open.length} finding${summary.open.length === 1 ? "" : "s"}

`;
  yield `Scanned ${result.assetCount} assets from ${escapeMarkdown(result.sources.join(", "))} with ${result.rules.length} rules (aispm ${result.tool.version}).

`;
  yield "| Critical | High | Medium | Low | Info | Suppressed |\n|---:|---:|---:|---:|---:|---:|\n";
  const counts = summary.bySeverity;
  yield `| ${counts.critical} | ${counts.high} | ${counts.medium} | ${counts.low} | ${counts.info} | ${summary.suppressed} |

`;
  if (summary.open.length > 0) {
    yield "### Findings, worst first\n\n| Score | Severity | Finding | Resource | Rule |\n|---:|---|---|---|---|\n";
    for (const finding of summary.open.slice(0, MAX_ROWS)) {
      const path = finding.path ? `<br>path: ${pathNames(result, finding.path).map(escapeMarkdown).join(" \u2192 ")}` : "";
      const resource = `${escapeMarkdown(finding.resource.name)}<br>${escapeMarkdown(finding.resource.type)}<br>${escapeMarkdown([finding.resource.account, finding.resource.region].join(" "))}`;
      yield `| ${finding.score} | ${BADGE[finding.severity]} | ${escapeMarkdown(finding.message)}${path} | ${resource} | \`${finding.ruleId}\`${finding.status === "existing" ? " (baseline)" : ""} |
`;
    }
    const overflow = overflowByRule(summary.open);
    if (overflow.length > 0) {
      yield `
${summary.open.length - MAX_ROWS} more findings not listed:

| Count | Severity | Rule |
|---:|---|---|
`;
      for (const entry of overflow) yield `| ${entry.count} | ${BADGE[entry.severity]} | \`${entry.ruleId}\` |
`;
    }
    yield "\n";
  }
  if (summary.gaps.length > 0) {
    yield `### Coverage gaps

These parts of the estate could not be read; rules that need them were not decided.

| Provider | Account | Region | Service | Status | Message |
|---|---|---|---|---|---|
`;
    for (const gap of summary.gaps) {
      yield `| ${gap.provider} | ${escapeMarkdown(gap.account)} | ${escapeMarkdown(gap.region)} | ${escapeMarkdown(gap.service)} | ${gap.status} | ${escapeMarkdown(gap.message ?? "")} |
`;
    }
    yield "\n";
  }
  if (result.warnings.length > 0) {
    yield "### Warnings\n\n";
    for (const warning of result.warnings) yield `- ${escapeMarkdown(warning)}
`;
    yield "\n";
  }
}
export {
  renderMarkdown
};

import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  Chalk
} from "./chunk-LZLEJMZJ.js";
import {
  MAX_ROWS,
  overflowByRule,
  pathNames,
  severityLine,
  summarize
} from "./chunk-ILHBPDIA.js";
import "./chunk-2M3FLLUT.js";
import "./chunk-EUPVSJUH.js";
import "./chunk-7NFRTXAW.js";
import "./chunk-O4D3DVTM.js";
import {
  escapeText,
  truncateMiddle
} from "./chunk-W2EXWOM5.js";
import "./chunk-VSRTFL3P.js";
import {
  require_cli_table3
} from "./chunk-VMTZODNH.js";
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
import {
  __toESM
} from "./chunk-2TIRR4RQ.js";

// src/report/table.ts
var import_cli_table3 = __toESM(require_cli_table3(), 1);
function* renderTable(result, options) {
  const chalk = new Chalk({ level: options.color ? 2 : 0 });
  const paint = severityPainter(chalk);
  const summary = summarize(result);
  const sources = result.sources.join(", ");
  yield `${chalk.bold(`aispm ${result.tool.version}`)}: ${result.assetCount} assets from ${escapeText(sources)}${summary.providers.length ? ` (${summary.providers.join(", ")})` : ""}, ${result.rules.length} rules, ${summary.seconds}s

`;
  const extras = [summary.suppressed ? `${summary.suppressed} suppressed` : "", summary.existing ? `${summary.existing} in baseline` : ""].filter(Boolean).join(", ");
  yield `${chalk.bold(`${summary.open.length} findings`)}   ${severityLine(summary.bySeverity, (severity, text) => summary.bySeverity[severity] ? paint(severity, text) : chalk.dim(text))}${extras ? chalk.dim(`   (${extras})`) : ""}
`;
  if (summary.open.length > 0) {
    const width = Math.max(80, options.width);
    const fixed = 6 + 10 + 30 + 10;
    const findingWidth = Math.max(30, width - fixed);
    const table = new import_cli_table3.default({
      head: ["Score", "Severity", "Finding", "Resource"].map((text) => chalk.bold(text)),
      colWidths: [7, 10, findingWidth, 30],
      wordWrap: true,
      style: { head: [], border: [], compact: false }
    });
    for (const finding of summary.open.slice(0, MAX_ROWS)) {
      const lines = [escapeText(finding.message)];
      if (finding.path) lines.push(chalk.cyan(`path: ${pathNames(result, finding.path).map(escapeText).join(" -> ")}`));
      lines.push(chalk.dim(`${finding.ruleId}${finding.status === "existing" ? " (in baseline)" : ""}`));
      const where = [finding.resource.provider, finding.resource.account, finding.resource.region].filter(Boolean).join(" ");
      table.push([
        String(finding.score),
        paint(finding.severity, finding.severity.toUpperCase()),
        lines.join("\n"),
        [truncateMiddle(escapeText(finding.resource.name), 27), chalk.dim(truncateMiddle(finding.resource.type, 27)), chalk.dim(truncateMiddle(escapeText(where), 27))].join("\n")
      ]);
    }
    yield `${table.toString()}
`;
    const overflow = overflowByRule(summary.open);
    if (overflow.length > 0) {
      yield `
\u2026and ${summary.open.length - MAX_ROWS} more findings (use --format json or sarif for all):
`;
      for (const entry of overflow.slice(0, 15)) yield `  ${String(entry.count).padStart(6)}  ${paint(entry.severity, entry.severity.padEnd(8))} ${entry.ruleId}
`;
      if (overflow.length > 15) yield `  \u2026and ${overflow.length - 15} more rules
`;
    }
  } else {
    yield `
${chalk.green("No findings.")}
`;
  }
  if (summary.gaps.length > 0) {
    yield `
${chalk.yellow.bold(`Coverage gaps (${summary.gaps.length})`)}: these parts of the estate could not be read; rules that need them were not decided.
`;
    const gaps = new import_cli_table3.default({ head: ["Provider", "Account", "Region", "Service", "Status", "Message"].map((text) => chalk.bold(text)), style: { head: [], border: [] }, wordWrap: true, colWidths: [10, 16, 14, 22, 9, Math.max(20, Math.min(60, options.width - 81))] });
    for (const gap of summary.gaps) gaps.push([gap.provider, escapeText(gap.account), escapeText(gap.region), escapeText(gap.service), chalk.yellow(gap.status), escapeText(gap.message ?? "")]);
    yield `${gaps.toString()}
`;
  }
  if (result.inconclusive > 0) yield chalk.dim(`
${result.inconclusive} checks could not be decided because a value was not read.
`);
  for (const warning of result.warnings) yield `${chalk.yellow("warning:")} ${escapeText(warning)}
`;
  if (summary.open.length > 0) yield chalk.dim(`
Details and remediation: aispm rules show <rule-id>; full evidence: --format json.
`);
}
function severityPainter(chalk) {
  const styles = {
    critical: chalk.bgRed.white.bold,
    high: chalk.red.bold,
    medium: chalk.yellow,
    low: chalk.blue,
    info: chalk.dim
  };
  return (severity, text) => styles[severity](text);
}
export {
  renderTable
};

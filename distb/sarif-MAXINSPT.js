import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  TOOL_URL
} from "./chunk-O3Y7GDW5.js";
import {
  escapeText
} from "./chunk-W2EXWOM5.js";
import {
  isCoverageGap
} from "./chunk-H3GV4XYG.js";
import "./chunk-2TIRR4RQ.js";

// src/report/sarif.ts
var SECURITY_SEVERITY = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", info: "0.0" };
var LEVEL = { critical: "error", high: "error", medium: "warning", low: "note", info: "note" };
function* renderSarif(result) {
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: TOOL_URL,
            rules: result.rules.map(ruleDescriptor)
          }
        },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: result.startedAt.toISOString(),
            endTimeUtc: result.finishedAt.toISOString(),
            toolExecutionNotifications: result.coverage.filter(isCoverageGap).map((gap) => ({
              level: "warning",
              descriptor: { id: `coverage-${gap.status}` },
              message: { text: escapeText(`Could not read ${gap.provider} ${gap.service} in ${gap.account}/${gap.region} (${gap.status})${gap.message ? `: ${gap.message}` : ""}`) }
            }))
          }
        ],
        results: result.findings.map((finding) => resultOf(finding, ruleIndex.get(finding.ruleId) ?? 0, result.baselineApplied)),
        columnKind: "utf16CodeUnits"
      }
    ]
  };
  yield `${JSON.stringify(log, null, 2)}
`;
}
function ruleDescriptor(rule) {
  const frameworkTags = Object.entries(rule.frameworks).flatMap(([key, ids]) => ids.map((id) => `${key}/${id}`));
  const references = rule.references.map((url) => `- ${url}`).join("\n");
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description.trim() },
    help: {
      text: `${rule.remediation.trim()}${rule.references.length ? `

References:
${references}` : ""}`,
      markdown: `**Remediation**

${rule.remediation.trim()}${rule.references.length ? `

**References**

${references}` : ""}`
    },
    ...rule.references[0] ? { helpUri: rule.references[0] } : {},
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      "security-severity": SECURITY_SEVERITY[rule.severity],
      precision: "high",
      "problem.severity": rule.severity === "critical" || rule.severity === "high" ? "error" : rule.severity === "medium" ? "warning" : "recommendation",
      tags: ["security", rule.category, ...frameworkTags]
    }
  };
}
function resultOf(finding, ruleIndex, withBaseline) {
  const resource = finding.resource;
  const text = escapeText(`${finding.message}${finding.path ? ` Attack path: ${finding.path.join(" -> ")}.` : ""}`);
  const sarifResult = {
    ruleId: finding.ruleId,
    ruleIndex,
    kind: "fail",
    level: LEVEL[finding.severity],
    message: { text: text.endsWith(".") ? text : `${text}.` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: resourceUri(finding) },
          region: { startLine: 1 }
        },
        logicalLocations: [{ fullyQualifiedName: escapeText(resource.id), kind: "resource" }]
      }
    ],
    partialFingerprints: { "aispmFindingId/v1": finding.id },
    properties: {
      score: finding.score,
      severity: finding.severity,
      resourceId: resource.id,
      resourceType: resource.type,
      provider: resource.provider,
      account: resource.account,
      region: resource.region,
      ...finding.path ? { path: finding.path } : {},
      frameworks: finding.frameworks
    }
  };
  if (finding.status === "suppressed") {
    sarifResult.suppressions = [{ kind: "external", status: "accepted", justification: escapeText(finding.suppression?.reason ?? "suppressed") }];
  }
  if (withBaseline && finding.status !== "suppressed") sarifResult.baselineState = finding.status === "existing" ? "unchanged" : "new";
  return sarifResult;
}
function resourceUri(finding) {
  const { provider, account, region, type, name } = finding.resource;
  return ["cloud", provider, account || "-", region || "-", type, name || finding.resource.id].map((part) => encodeURIComponent(part)).join("/");
}
function pascalCase(id) {
  return id.split("-").map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
}
export {
  renderSarif
};

import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  severityCounts
} from "./chunk-2M3FLLUT.js";
import "./chunk-EUPVSJUH.js";
import "./chunk-7NFRTXAW.js";
import "./chunk-O4D3DVTM.js";
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

// src/report/json.ts
var RESULT_SCHEMA_VERSION = 1;
function* renderJson(result) {
  const unsuppressed = result.findings.filter((finding) => finding.status !== "suppressed");
  const head = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: result.tool.name, version: result.tool.version },
    scan: {
      startedAt: result.startedAt.toISOString(),
      finishedAt: result.finishedAt.toISOString(),
      sources: result.sources,
      coverage: result.coverage.map((entry) => ({
        provider: entry.provider,
        account: entry.account,
        region: entry.region,
        service: entry.service,
        status: entry.status,
        ...entry.message !== void 0 ? { message: entry.message } : {}
      }))
    },
    summary: { assets: result.assetCount, findings: unsuppressed.length, bySeverity: severityCounts(unsuppressed) }
  };
  const headText = JSON.stringify(head, null, 2);
  yield `${headText.slice(0, -2)},
  "findings": [`;
  let first = true;
  for (const finding of result.findings) {
    yield `${first ? "" : ","}
    ${JSON.stringify(findingDocument(finding), null, 2).replace(/\n/g, "\n    ")}`;
    first = false;
  }
  yield first ? "]\n}\n" : "\n  ]\n}\n";
}
function findingDocument(finding) {
  return {
    id: finding.id,
    ruleId: finding.ruleId,
    title: finding.title,
    severity: finding.severity,
    score: finding.score,
    resource: finding.resource,
    message: finding.message,
    evidence: finding.evidence,
    ...finding.path ? { path: finding.path } : {},
    remediation: finding.remediation,
    frameworks: finding.frameworks,
    status: finding.status
  };
}
export {
  RESULT_SCHEMA_VERSION,
  findingDocument,
  renderJson
};

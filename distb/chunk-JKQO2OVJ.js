import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  readDocument,
  validateDocument
} from "./chunk-SAA2V5SN.js";
import {
  external_exports
} from "./chunk-QNRES2KC.js";

// src/findings/baseline.ts
var MAX_BASELINE_BYTES = 512 * 1024 * 1024;
var baselineSchema = external_exports.object({
  schemaVersion: external_exports.literal(1),
  findings: external_exports.array(external_exports.object({ ruleId: external_exports.string(), resource: external_exports.object({ id: external_exports.string() }).loose() }).loose())
}).loose();
function key(ruleId, resourceId) {
  return `${ruleId}\0${resourceId}`;
}
function loadBaseline(file) {
  const source = readDocument(file, { kind: "baseline", maxBytes: MAX_BASELINE_BYTES });
  const document = validateDocument(source, baselineSchema);
  return new Set(document.findings.map((finding) => key(finding.ruleId, finding.resource.id)));
}
function applyBaseline(findings, baseline, ruleAliases) {
  for (const finding of findings) {
    if (finding.status === "suppressed") continue;
    const ids = [finding.ruleId, ...ruleAliases.get(finding.ruleId) ?? []];
    finding.status = ids.some((id) => baseline.has(key(id, finding.resource.id))) ? "existing" : "new";
  }
}

export {
  loadBaseline,
  applyBaseline
};

import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);

// src/findings/finding.ts
import { createHash } from "node:crypto";
var SEVERITY_RANK = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
function fingerprint(ruleId, resourceId) {
  return createHash("sha256").update(`${ruleId}
${resourceId}`).digest("hex").slice(0, 20);
}
function compareFindings(a, b) {
  return b.score - a.score || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.resource.id < b.resource.id ? -1 : a.resource.id > b.resource.id ? 1 : 0);
}

export {
  SEVERITY_RANK,
  fingerprint,
  compareFindings
};

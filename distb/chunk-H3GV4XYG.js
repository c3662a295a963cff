import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);

// src/graph/model.ts
var PROVIDERS = ["aws", "azure", "gcp"];
var SEVERITIES = ["critical", "high", "medium", "low", "info"];
var COVERAGE_STATUSES = ["ok", "denied", "error", "skipped"];
function isCoverageGap(entry) {
  return entry.status === "denied" || entry.status === "error";
}
function providerOfType(type) {
  const dot = type.indexOf(".");
  return dot === -1 ? type : type.slice(0, dot);
}

export {
  PROVIDERS,
  SEVERITIES,
  COVERAGE_STATUSES,
  isCoverageGap,
  providerOfType
};

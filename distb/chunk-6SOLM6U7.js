import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  readDocument,
  validateDocument
} from "./chunk-SAA2V5SN.js";
import {
  external_exports
} from "./chunk-QNRES2KC.js";
import {
  InputError,
  suggestion
} from "./chunk-L52WNKTN.js";

// src/findings/suppressions.ts
import { existsSync } from "node:fs";
var DEFAULT_IGNORE_FILE = ".aispmignore.yaml";
var MAX_IGNORE_BYTES = 1024 * 1024;
var isoDate = external_exports.union([external_exports.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2027-01-31"), external_exports.date()]).transform((value) => value instanceof Date ? value.toISOString().slice(0, 10) : value);
var entrySchema = external_exports.object({
  rule: external_exports.string().min(1).optional(),
  resource: external_exports.string().min(1).optional(),
  reason: external_exports.string().trim().min(10, "give a reason of at least 10 characters: who accepted the risk and why"),
  expires: isoDate.optional()
}).strict();
var ignoreFileSchema = external_exports.object({ ignore: external_exports.array(entrySchema) }).strict();
function loadSuppressions(file, knownRuleIds, today) {
  const source = readDocument(file, { kind: "ignore file", maxBytes: MAX_IGNORE_BYTES });
  const document = validateDocument(source, ignoreFileSchema);
  const problems = [];
  const active = [];
  const expired = [];
  document.ignore.forEach((entry, index) => {
    const line = source.lineOf(["ignore", index]);
    if (!entry.rule && !entry.resource) {
      problems.push({ file, line, field: `ignore[${index}]`, message: "an entry needs a rule, a resource, or both", hint: "e.g. rule: aws-sagemaker-notebook-root-access" });
      return;
    }
    if (entry.rule && !entry.rule.includes("*") && !knownRuleIds.includes(entry.rule)) {
      problems.push({ file, line: source.lineOf(["ignore", index, "rule"]), field: `ignore[${index}].rule`, message: `no rule with id "${entry.rule}"`, hint: suggestion(entry.rule, knownRuleIds) ?? "run `aispm rules list` for the ids" });
      return;
    }
    const ruleMatcher = entry.rule ? globMatcher(entry.rule) : void 0;
    const resourceMatcher = entry.resource ? globMatcher(entry.resource) : void 0;
    const suppression = {
      rule: entry.rule,
      resource: entry.resource,
      reason: entry.reason,
      expires: entry.expires,
      origin: `${file}:${line ?? "?"}`,
      matchesRule: (ids) => !ruleMatcher || ids.some((id) => ruleMatcher(id)),
      matchesResource: (id, name) => !resourceMatcher || resourceMatcher(id) || resourceMatcher(name)
    };
    (entry.expires !== void 0 && entry.expires < today ? expired : active).push(suppression);
  });
  if (problems.length > 0) throw new InputError(problems);
  return { active, expired };
}
function defaultIgnoreFile() {
  return existsSync(DEFAULT_IGNORE_FILE) ? DEFAULT_IGNORE_FILE : void 0;
}
function applySuppressions(findings, suppressions, ruleAliases) {
  for (const finding of findings) {
    const ids = [finding.ruleId, ...ruleAliases.get(finding.ruleId) ?? []];
    const match = suppressions.active.find((entry) => entry.matchesRule(ids) && entry.matchesResource(finding.resource.id, finding.resource.name));
    if (match) {
      finding.status = "suppressed";
      finding.suppression = { reason: match.reason, ...match.expires ? { expires: match.expires } : {} };
    }
  }
}
function globMatcher(pattern) {
  if (!pattern.includes("*")) return (value) => value === pattern;
  const regex = new RegExp(`^${pattern.split("*").map(escapeRegex).join(".*")}$`, "s");
  return (value) => regex.test(value);
}
function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export {
  DEFAULT_IGNORE_FILE,
  loadSuppressions,
  defaultIgnoreFile,
  applySuppressions,
  globMatcher
};

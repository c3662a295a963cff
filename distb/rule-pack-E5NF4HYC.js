import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  findRuleFiles
} from "./chunk-7O3LCA3C.js";
import {
  BUILTIN_RULES_DIR,
  PACKAGE_ROOT,
  RULE_PACK_BUNDLE
} from "./chunk-O3Y7GDW5.js";
import "./chunk-L52WNKTN.js";
import "./chunk-2TIRR4RQ.js";

// src/engine/rule-pack.ts
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
var RULE_PACK_BUNDLE_VERSION = 1;
async function builtInRules() {
  const bundle = freshBundle();
  if (bundle) return bundle.rules.map(({ source, document }) => ({ ...document, source }));
  return (await loadBuiltInRulesFromYaml()).map((compiled) => compiled.rule);
}
async function compiledBuiltInRules() {
  const bundle = freshBundle();
  if (!bundle) return loadBuiltInRulesFromYaml();
  const { compileRuleDocument } = await import("./load-rules-HHOBC3F6.js");
  return bundle.rules.map(({ source, document }) => compileRuleDocument({ file: source, data: document, lineOf: () => void 0 }, source));
}
async function loadBuiltInRulesFromYaml() {
  const { loadRuleDir } = await import("./load-rules-HHOBC3F6.js");
  return loadRuleDir(BUILTIN_RULES_DIR, PACKAGE_ROOT);
}
async function buildRulePackBundle() {
  const { loadRuleDir } = await import("./load-rules-HHOBC3F6.js");
  const compiled = loadRuleDir(BUILTIN_RULES_DIR, PACKAGE_ROOT);
  const byId = [...compiled].sort((a, b) => a.rule.id < b.rule.id ? -1 : 1);
  return {
    bundleVersion: RULE_PACK_BUNDLE_VERSION,
    files: fileStamps(),
    rules: byId.map(({ rule: { source, ...document } }) => ({ source, document }))
  };
}
function fileStamps() {
  return findRuleFiles(BUILTIN_RULES_DIR).map((file) => ({
    path: relative(PACKAGE_ROOT, file),
    sha1: createHash("sha1").update(readFileSync(file)).digest("hex")
  }));
}
function freshBundle() {
  let bundle;
  try {
    bundle = JSON.parse(readFileSync(RULE_PACK_BUNDLE, "utf8"));
  } catch {
    return void 0;
  }
  if (bundle.bundleVersion !== RULE_PACK_BUNDLE_VERSION) return void 0;
  const current = fileStamps();
  if (current.length !== bundle.files.length) return void 0;
  for (let index = 0; index < current.length; index++) {
    const now = current[index];
    const then = bundle.files[index];
    if (now.path !== then.path || now.sha1 !== then.sha1) return void 0;
  }
  return bundle;
}
export {
  RULE_PACK_BUNDLE_VERSION,
  buildRulePackBundle,
  builtInRules,
  compiledBuiltInRules
};

import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  findRuleTestFiles
} from "./chunk-7O3LCA3C.js";
import {
  evaluateRuleOn
} from "./chunk-EUPVSJUH.js";
import {
  buildGraph
} from "./chunk-7NFRTXAW.js";
import "./chunk-VSRTFL3P.js";
import {
  assetSchema,
  checkInventoryMeaning,
  edgeSchema
} from "./chunk-WXCWYLXW.js";
import "./chunk-KRZFTOTS.js";
import "./chunk-QHCZUORC.js";
import "./chunk-MVR65UMA.js";
import {
  providerOfType
} from "./chunk-H3GV4XYG.js";
import {
  readDocument,
  validateDocument
} from "./chunk-SAA2V5SN.js";
import {
  external_exports
} from "./chunk-QNRES2KC.js";
import {
  InputError
} from "./chunk-L52WNKTN.js";
import "./chunk-ST3MKGRW.js";
import "./chunk-2TIRR4RQ.js";

// src/engine/rule-tests.ts
import { relative } from "node:path";
var MAX_TEST_BYTES = 2 * 1024 * 1024;
var testAssetSchema = assetSchema.extend({
  provider: assetSchema.shape.provider.optional(),
  account: external_exports.string().default("test-account"),
  region: external_exports.string().default("test-region"),
  name: external_exports.string().optional(),
  props: assetSchema.shape.props.default({})
});
var caseSchema = external_exports.object({
  name: external_exports.string().min(3),
  expect: external_exports.enum(["fail", "pass", "unknown"]),
  subject: external_exports.string().optional(),
  path: external_exports.array(external_exports.string()).min(2).optional(),
  assets: external_exports.array(testAssetSchema).min(1),
  edges: external_exports.array(edgeSchema).default([])
}).strict();
var testFileSchema = external_exports.object({ rule: external_exports.string(), cases: external_exports.array(caseSchema).min(1) }).strict();
function loadRuleTestFile(file, displayName, rules) {
  const source = { ...readDocument(file, { kind: "rule test", maxBytes: MAX_TEST_BYTES }), file: displayName };
  const document = validateDocument(source, testFileSchema);
  const problems = [];
  const compiled = rules.get(document.rule);
  if (!compiled) problems.push({ file: displayName, line: source.lineOf(["rule"]), field: "rule", message: `no rule "${document.rule}" in this pack` });
  const cases = [];
  document.cases.forEach((testCase, index) => {
    const assets = testCase.assets.map((asset) => ({
      ...asset,
      provider: asset.provider ?? providerOfType(asset.type),
      name: asset.name ?? asset.id
    }));
    problems.push(...checkInventoryMeaning(source, assets, testCase.edges, ["cases", index]));
    let subject = testCase.subject;
    if (compiled && subject === void 0) {
      const candidates = assets.filter((asset) => compiled.rule.resourceTypes.includes(asset.type));
      if (candidates.length === 1) subject = candidates[0].id;
      else problems.push({ file: displayName, line: source.lineOf(["cases", index]), field: `cases[${index}]`, message: `${candidates.length} assets of the rule's types: name the one under test with \`subject:\`` });
    }
    if (subject !== void 0 && !assets.some((asset) => asset.id === subject)) {
      problems.push({ file: displayName, line: source.lineOf(["cases", index, "subject"]), field: `cases[${index}].subject`, message: `no asset "${subject}" in this case` });
    }
    cases.push({ name: testCase.name, expect: testCase.expect, subject: subject ?? "", path: testCase.path, assets, edges: testCase.edges });
  });
  if (problems.length > 0) throw new InputError(problems);
  return { file: displayName, ruleId: document.rule, cases };
}
function loadRuleTests(dir, rules, displayBase = process.cwd()) {
  const byId = new Map(rules.map((compiled) => [compiled.rule.id, compiled]));
  const problems = [];
  const files = [];
  for (const file of findRuleTestFiles(dir)) {
    try {
      files.push(loadRuleTestFile(file, relative(displayBase, file) || file, byId));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return files;
}
function runRuleTests(rules, files) {
  const byId = new Map(rules.map((compiled) => [compiled.rule.id, compiled]));
  const results = [];
  const seen = /* @__PURE__ */ new Map();
  for (const file of files) {
    const compiled = byId.get(file.ruleId);
    for (const testCase of file.cases) {
      const result = runCase(compiled, testCase);
      results.push({ ruleId: file.ruleId, file: file.file, name: testCase.name, ...result });
      if (result.passed) {
        let outcomes = seen.get(file.ruleId);
        if (!outcomes) seen.set(file.ruleId, outcomes = /* @__PURE__ */ new Set());
        outcomes.add(testCase.expect);
      }
    }
  }
  const missing = [];
  for (const { rule } of rules) {
    if (rule.deprecated) continue;
    const outcomes = seen.get(rule.id) ?? /* @__PURE__ */ new Set();
    const lacks = ["fail", "pass"].filter((outcome) => !outcomes.has(outcome));
    if (lacks.length > 0) missing.push({ ruleId: rule.id, source: rule.source, lacks });
  }
  return { results, missing };
}
function runCase(compiled, testCase) {
  const graph = buildGraph({ sources: ["test"], assets: testCase.assets, edges: testCase.edges, coverage: [] });
  const flagged = [];
  let subjectOutcome = "pass";
  let subjectPath;
  for (const type of compiled.rule.resourceTypes) {
    for (const asset of graph.ofType(type)) {
      const { outcome, violation } = evaluateRuleOn(graph, compiled, asset);
      if (outcome === "fail") flagged.push(asset.id);
      if (asset.id === testCase.subject) {
        subjectOutcome = outcome;
        subjectPath = violation?.paths?.[0];
      }
    }
  }
  const expectedFlags = testCase.expect === "fail" ? [testCase.subject] : [];
  if (subjectOutcome !== testCase.expect) return { passed: false, detail: `expected ${testCase.expect} for ${testCase.subject}, got ${subjectOutcome}` };
  const extra = flagged.filter((id) => !expectedFlags.includes(id));
  if (extra.length > 0) return { passed: false, detail: `also flagged ${extra.join(", ")}; each case must flag only its subject` };
  if (testCase.path && JSON.stringify(subjectPath) !== JSON.stringify(testCase.path)) {
    return { passed: false, detail: `expected path ${testCase.path.join(" -> ")}, got ${subjectPath ? subjectPath.join(" -> ") : "none"}` };
  }
  return { passed: true };
}
export {
  loadRuleTestFile,
  loadRuleTests,
  runRuleTests
};

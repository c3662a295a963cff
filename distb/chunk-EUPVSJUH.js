import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  resolveAssetField,
  searchPaths
} from "./chunk-VSRTFL3P.js";

// src/engine/evaluate.ts
var MAX_EVIDENCE_PATHS = 10;
function evaluateRules(graph, rules) {
  const violations = [];
  let inconclusive = 0;
  let checks = 0;
  for (const compiled of rules) {
    if (compiled.rule.deprecated) continue;
    for (const type of compiled.rule.resourceTypes) {
      for (const asset of graph.ofType(type)) {
        checks++;
        const result = evaluateRuleOn(graph, compiled, asset);
        if (result.outcome === "fail") violations.push(result.violation);
        else if (result.outcome === "unknown") inconclusive++;
      }
    }
  }
  return { violations, inconclusive, checks };
}
function evaluateRuleOn(graph, compiled, asset) {
  const { rule } = compiled;
  let truth;
  let paths;
  try {
    truth = compiled.when ? compiled.when(asset, { graph }) : true;
    if (truth === true && compiled.path) {
      const search = searchPaths(graph, asset, compiled.path);
      truth = search.truth;
      paths = search.paths;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { outcome: "fail", violation: { rule, asset, message: `${rule.title} (rule could not be evaluated: ${message})`, evidence: { error: message } } };
  }
  if (truth === void 0) return { outcome: "unknown" };
  if (!truth) return { outcome: "pass" };
  const recorded = /* @__PURE__ */ new Map();
  compiled.when?.(asset, { graph, evidence: recorded });
  const evidence = {};
  for (const key of [...recorded.keys()].sort()) evidence[key] = recorded.get(key);
  if (paths) {
    evidence.pathCount = paths.length;
    evidence.paths = paths.slice(0, MAX_EVIDENCE_PATHS);
  }
  return { outcome: "fail", violation: { rule, asset, message: renderMessage(compiled, asset, graph, paths), evidence, paths } };
}
function renderMessage(compiled, asset, graph, paths) {
  let text = compiled.message ? compiled.message.map((part) => renderPart(part, asset)).join("") : `${compiled.rule.title}: ${asset.name}`;
  if (paths && paths.length > 0) {
    const target = paths[0][paths[0].length - 1];
    text += ` reaches ${graph.get(target)?.name ?? target}${paths.length > 1 ? ` and ${paths.length - 1} more target${paths.length > 2 ? "s" : ""}` : ""}`;
  }
  return text;
}
function renderPart(part, asset) {
  if (typeof part === "string") return part;
  const value = resolveAssetField(asset, part.field);
  if (value === void 0) return "(unknown)";
  if (value === null) return "(not set)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export {
  evaluateRules,
  evaluateRuleOn
};

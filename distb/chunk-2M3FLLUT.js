import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  evaluateRules
} from "./chunk-EUPVSJUH.js";
import {
  buildGraph
} from "./chunk-7NFRTXAW.js";
import {
  compareFindings,
  fingerprint
} from "./chunk-O4D3DVTM.js";
import {
  applyBaseline
} from "./chunk-JKQO2OVJ.js";
import {
  EU_AI_ACT_SCOPES,
  EU_AI_ACT_SCOPE_TAG,
  FRAMEWORK_KEYS
} from "./chunk-FNICXQ5F.js";
import {
  applySuppressions
} from "./chunk-6SOLM6U7.js";
import {
  compareCoverage
} from "./chunk-WXCWYLXW.js";
import {
  SEVERITIES
} from "./chunk-H3GV4XYG.js";

// src/prioritize/score.ts
var SEVERITY_BASE = { critical: 80, high: 60, medium: 40, low: 20, info: 5 };
var CONTEXT_WEIGHT = { critical: 1, high: 1, medium: 1, low: 0.5, info: 0 };
var CONTEXT_POINTS = { internetExposed: 10, sensitiveDataReachable: 8, production: 5, perAttackPath: 3, maxAttackPaths: 3 };
function priorityScore(severity, context) {
  const points = (context.internetExposed ? CONTEXT_POINTS.internetExposed : 0) + (context.sensitiveDataReachable ? CONTEXT_POINTS.sensitiveDataReachable : 0) + (context.production ? CONTEXT_POINTS.production : 0) + CONTEXT_POINTS.perAttackPath * Math.min(context.attackPaths, CONTEXT_POINTS.maxAttackPaths);
  return Math.min(100, Math.round(SEVERITY_BASE[severity] + CONTEXT_WEIGHT[severity] * points));
}
var DATA_REACH_EDGES = ["uses-identity", "can-assume", "reads-data", "writes-data", "trained-on", "artifacts-in", "deploys"];
var DATA_REACH_DEPTH = 4;
var PRODUCTION_TAG_KEYS = /* @__PURE__ */ new Set(["env", "environment", "stage", "tier", "deployment-environment"]);
var PRODUCTION_VALUES = /^(prod|production|prd|live)$/i;
var PriorityContextCache = class {
  constructor(graph, attackPathsThrough) {
    this.graph = graph;
    this.attackPathsThrough = attackPathsThrough;
  }
  graph;
  attackPathsThrough;
  cache = /* @__PURE__ */ new Map();
  contextOf(asset) {
    let base = this.cache.get(asset.id);
    if (!base) {
      base = { internetExposed: this.isExposed(asset), sensitiveDataReachable: this.reachesSensitiveData(asset), production: isProduction(asset) };
      this.cache.set(asset.id, base);
    }
    return { ...base, attackPaths: this.attackPathsThrough.get(asset.id) ?? 0 };
  }
  /** Exposed itself, through its parent (a deployment of a public account), or through an endpoint that serves it. */
  isExposed(asset) {
    if (asset.props.internetExposed === true) return true;
    const parents = this.graph.neighbours(asset.id, "part-of", "out");
    const servers = this.graph.neighbours(asset.id, "deploys", "in");
    return [...parents, ...servers].some((other) => other.props.internetExposed === true);
  }
  reachesSensitiveData(asset) {
    const seen = /* @__PURE__ */ new Set([asset.id]);
    let layer = [asset];
    for (let depth = 0; depth <= DATA_REACH_DEPTH && layer.length > 0; depth++) {
      const next = [];
      for (const current of layer) {
        if (current.props.sensitiveData === true) return true;
        for (const edge of DATA_REACH_EDGES) {
          for (const neighbour of this.graph.neighbours(current.id, edge, "out")) {
            if (!seen.has(neighbour.id)) {
              seen.add(neighbour.id);
              next.push(neighbour);
            }
          }
        }
      }
      layer = next;
    }
    return false;
  }
};
function isProduction(asset) {
  if (!asset.tags) return false;
  for (const [key, value] of Object.entries(asset.tags)) {
    if (PRODUCTION_TAG_KEYS.has(key.toLowerCase()) && PRODUCTION_VALUES.test(value.trim())) return true;
  }
  return false;
}

// src/findings/build.ts
function buildFindings(graph, violations) {
  const attackPathsThrough = /* @__PURE__ */ new Map();
  for (const violation of violations) {
    if (!violation.paths) continue;
    const onPath = new Set(violation.paths.flat());
    for (const id of onPath) attackPathsThrough.set(id, (attackPathsThrough.get(id) ?? 0) + 1);
  }
  const contexts = new PriorityContextCache(graph, attackPathsThrough);
  return violations.map((violation) => {
    const { rule, asset } = violation;
    const context = contexts.contextOf(asset);
    const finding = {
      id: fingerprint(rule.id, asset.id),
      ruleId: rule.id,
      title: rule.title,
      severity: rule.severity,
      score: priorityScore(rule.severity, context),
      resource: { id: asset.id, type: asset.type, name: asset.name, provider: asset.provider, account: asset.account, region: asset.region },
      message: violation.message,
      evidence: { ...violation.evidence, priority: context },
      remediation: rule.remediation,
      frameworks: applicableFrameworks(rule.frameworks, asset),
      status: "new"
    };
    if (violation.paths && violation.paths.length > 0) finding.path = violation.paths[0];
    return finding;
  });
}
function applicableFrameworks(frameworks, asset) {
  const inScope = EU_AI_ACT_SCOPES.includes(asset.tags?.[EU_AI_ACT_SCOPE_TAG] ?? "");
  const out = {};
  for (const key of FRAMEWORK_KEYS) {
    const ids = frameworks[key];
    if (!ids || ids.length === 0) continue;
    if (key === "eu-ai-act" && !inScope) continue;
    out[key] = [...ids];
  }
  return out;
}

// src/scan.ts
function runScan(input) {
  const graph = buildGraph(input.inventory);
  const active = input.rules.filter((compiled) => !compiled.rule.deprecated);
  const evaluation = evaluateRules(graph, active);
  const findings = buildFindings(graph, evaluation.violations);
  const aliases = new Map(active.map((compiled) => [compiled.rule.id, compiled.rule.aliases]));
  const warnings = [];
  if (input.suppressions) {
    applySuppressions(findings, input.suppressions, aliases);
    for (const entry of input.suppressions.expired) {
      warnings.push(`ignore entry at ${entry.origin} expired on ${entry.expires} and no longer suppresses (${[entry.rule, entry.resource].filter(Boolean).join(" on ")}): review it`);
    }
  }
  if (input.baseline) applyBaseline(findings, input.baseline, aliases);
  if (graph.danglingEdges > 0) warnings.push(`${graph.danglingEdges} relation(s) point to assets that were not collected and were ignored`);
  findings.sort(compareFindings);
  return {
    tool: input.tool,
    startedAt: input.startedAt,
    finishedAt: /* @__PURE__ */ new Date(),
    sources: [...graph.sources].sort(),
    coverage: [...graph.coverage].sort(compareCoverage),
    assetCount: graph.size,
    findings,
    rules: active.map((compiled) => compiled.rule).sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    inconclusive: evaluation.inconclusive,
    checks: evaluation.checks,
    warnings,
    baselineApplied: input.baseline !== void 0,
    graph
  };
}
function countedFindings(result) {
  return result.findings.filter((finding) => finding.status === "new");
}
function severityCounts(findings) {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0]));
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export {
  runScan,
  countedFindings,
  severityCounts
};

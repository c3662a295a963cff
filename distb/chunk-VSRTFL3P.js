import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  EDGE_TYPE_NAMES,
  isEdgeType
} from "./chunk-QHCZUORC.js";
import {
  ASSET_TYPE_NAMES
} from "./chunk-MVR65UMA.js";
import {
  external_exports
} from "./chunk-QNRES2KC.js";
import {
  suggestion
} from "./chunk-L52WNKTN.js";

// src/engine/field-path.ts
var ASSET_FIELDS = ["id", "type", "provider", "account", "region", "name", "tags", "props", "raw"];
function parseFieldPath(path) {
  const segments = [];
  let index = 0;
  while (index < path.length) {
    if (path[index] === "[") {
      const quote = path[index + 1];
      if (quote !== "'" && quote !== '"') return `expected a quoted key after "[" at position ${index + 1}`;
      const end2 = path.indexOf(`${quote}]`, index + 2);
      if (end2 === -1) return `unterminated ${quote}...${quote}] in field path`;
      segments.push(path.slice(index + 2, end2));
      index = end2 + 2;
      if (path[index] === ".") index++;
      continue;
    }
    let end = index;
    while (end < path.length && path[end] !== "." && path[end] !== "[") end++;
    const segment = path.slice(index, end);
    if (segment === "") return `empty segment in field path "${path}"`;
    segments.push(segment);
    index = path[end] === "." ? end + 1 : end;
    if (path[end] === "." && end === path.length - 1) return `field path "${path}" ends with "."`;
  }
  if (segments.length === 0) return "empty field path";
  return segments;
}
function resolveAssetField(asset, segments) {
  const root = segments[0];
  let value = asset[root];
  if (value === void 0) return root === "tags" || root === "raw" ? void 0 : null;
  let start = 1;
  if (root === "props") {
    if (segments.length === 1) return value;
    value = value[segments[1]];
    if (value === void 0) return void 0;
    start = 2;
  }
  return resolveWithin(value, segments, start);
}
function resolveElementField(element, segments) {
  if (element === void 0) return void 0;
  return resolveWithin(element, segments, 0);
}
function resolveWithin(value, segments, start) {
  let current = value;
  for (let index = start; index < segments.length; index++) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return null;
    const next = current[segments[index]];
    if (next === void 0) return null;
    current = next;
  }
  return current;
}
function formatFieldSegments(segments) {
  return segments.map((segment, index) => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment) ? index === 0 ? segment : `.${segment}` : `['${segment}']`).join("");
}

// src/engine/path.ts
var pathStepSchema = external_exports.object({
  edge: external_exports.union([external_exports.string(), external_exports.array(external_exports.string()).min(1)]),
  direction: external_exports.enum(["out", "in"]).default("out"),
  to: external_exports.array(external_exports.string()).min(1).optional(),
  where: external_exports.unknown().optional(),
  minHops: external_exports.number().int().min(0).max(5).default(1),
  maxHops: external_exports.number().int().min(1).max(5).default(1)
}).strict();
var MAX_FRONTIER = 1e4;
function compilePath(steps, at, compiler, problem) {
  const compiled = [];
  steps.forEach((raw, index) => {
    const stepPath = [...at, index];
    const parsed = pathStepSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const keys = issue.code === "unrecognized_keys" ? ` ${issue.keys.join(", ")}` : "";
        problem([...stepPath, ...issue.path], `${issue.code === "unrecognized_keys" ? "unknown key" : issue.message}${keys}`, issue.code === "unrecognized_keys" ? "a step has edge, direction, to, where, minHops, maxHops" : void 0);
      }
      return;
    }
    const step = parsed.data;
    const edges = Array.isArray(step.edge) ? step.edge : [step.edge];
    edges.forEach((edge) => {
      if (!isEdgeType(edge)) problem([...stepPath, "edge"], `unknown edge type "${edge}"`, suggestion(edge, EDGE_TYPE_NAMES) ?? `known edge types: ${EDGE_TYPE_NAMES.join(", ")}`);
    });
    step.to?.forEach((type, typeIndex) => {
      if (!ASSET_TYPE_NAMES.includes(type)) problem([...stepPath, "to", typeIndex], `unknown asset type "${type}"`, suggestion(type, ASSET_TYPE_NAMES));
    });
    if (step.minHops > step.maxHops) problem([...stepPath, "minHops"], `minHops (${step.minHops}) is greater than maxHops (${step.maxHops})`);
    const where = step.where === void 0 ? void 0 : compiler.compile(step.where, [...stepPath, "where"], { kind: "asset", types: step.to ?? ASSET_TYPE_NAMES });
    compiled.push({ edges, direction: step.direction, to: step.to ? new Set(step.to) : void 0, where, minHops: step.minHops, maxHops: step.maxHops });
  });
  return compiled;
}
function searchPaths(graph, entry, steps) {
  let frontier = [{ asset: entry, path: [entry.id] }];
  let uncertain = false;
  for (const step of steps) {
    const next = [];
    const visited = /* @__PURE__ */ new Set();
    let layer = frontier;
    for (const reached of frontier) visited.add(reached.asset.id);
    const candidates = step.minHops === 0 ? [...frontier] : [];
    for (let hop = 1; hop <= step.maxHops && layer.length > 0; hop++) {
      const nextLayer = [];
      for (const { asset, path } of layer) {
        for (const edge of step.edges) {
          for (const neighbour of graph.neighbours(asset.id, edge, step.direction)) {
            if (visited.has(neighbour.id)) continue;
            visited.add(neighbour.id);
            const reached = { asset: neighbour, path: [...path, neighbour.id] };
            nextLayer.push(reached);
            if (hop >= step.minHops) candidates.push(reached);
          }
        }
      }
      layer = nextLayer.length > MAX_FRONTIER ? nextLayer.slice(0, MAX_FRONTIER) : nextLayer;
    }
    for (const candidate of candidates) {
      if (step.to && !step.to.has(candidate.asset.type)) continue;
      const result = step.where ? step.where(candidate.asset, { graph }) : true;
      if (result === true) next.push(candidate);
      else if (result === void 0) uncertain = true;
      if (next.length >= MAX_FRONTIER) break;
    }
    frontier = next;
    if (frontier.length === 0) break;
  }
  if (frontier.length > 0) {
    const paths = frontier.map((reached) => reached.path).sort((a, b) => a.length - b.length || compareLists(a, b));
    return { truth: true, paths };
  }
  return { truth: uncertain ? void 0 : false, paths: [] };
}
function compareLists(a, b) {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return a[index] < b[index] ? -1 : 1;
  }
  return a.length - b.length;
}

export {
  ASSET_FIELDS,
  parseFieldPath,
  resolveAssetField,
  resolveElementField,
  formatFieldSegments,
  compilePath,
  searchPaths
};

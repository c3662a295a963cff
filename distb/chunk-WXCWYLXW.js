import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  compareStrings,
  writeFileAtomic
} from "./chunk-KRZFTOTS.js";
import {
  EDGE_TYPE_NAMES,
  isEdgeType
} from "./chunk-QHCZUORC.js";
import {
  ASSET_TYPE_NAMES,
  assetTypeSpec
} from "./chunk-MVR65UMA.js";
import {
  COVERAGE_STATUSES,
  PROVIDERS,
  providerOfType
} from "./chunk-H3GV4XYG.js";
import {
  formatFieldPath,
  issuesToProblems,
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

// src/graph/snapshot.ts
var SNAPSHOT_VERSION = 1;
var MAX_SNAPSHOT_BYTES = 1024 * 1024 * 1024;
var MAX_PROBLEMS = 50;
var assetSchema = external_exports.object({
  id: external_exports.string().min(1),
  type: external_exports.string().min(1),
  provider: external_exports.enum(PROVIDERS),
  account: external_exports.string(),
  region: external_exports.string(),
  name: external_exports.string(),
  tags: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  props: external_exports.record(external_exports.string(), external_exports.unknown()),
  raw: external_exports.unknown().optional()
}).strict();
var edgeSchema = external_exports.object({ from: external_exports.string().min(1), type: external_exports.string().min(1), to: external_exports.string().min(1) }).strict();
var coverageSchema = external_exports.object({
  provider: external_exports.enum(PROVIDERS),
  account: external_exports.string(),
  region: external_exports.string(),
  service: external_exports.string(),
  status: external_exports.enum(COVERAGE_STATUSES),
  message: external_exports.string().optional()
}).strict();
var snapshotSchema = external_exports.object({
  snapshotVersion: external_exports.literal(SNAPSHOT_VERSION),
  tool: external_exports.object({ name: external_exports.string(), version: external_exports.string() }).strict().optional(),
  createdAt: external_exports.string().optional(),
  sources: external_exports.array(external_exports.string()).default([]),
  coverage: external_exports.array(coverageSchema).default([]),
  assets: external_exports.array(assetSchema),
  edges: external_exports.array(edgeSchema).default([])
}).strict();
function loadSnapshot(file) {
  const source = readDocument(file, { kind: "snapshot", maxBytes: MAX_SNAPSHOT_BYTES });
  const version = source.data?.snapshotVersion;
  if (source.data !== null && typeof source.data === "object" && version !== void 0 && version !== SNAPSHOT_VERSION) {
    throw new InputError({
      file,
      line: source.lineOf(["snapshotVersion"]),
      field: "snapshotVersion",
      message: `unsupported snapshot version ${JSON.stringify(version)}; this aispm reads version ${SNAPSHOT_VERSION}`,
      hint: "save the snapshot again with this version of aispm"
    });
  }
  const snapshot = validateDocument(source, snapshotSchema);
  const problems = checkInventoryMeaning(source, snapshot.assets, snapshot.edges);
  if (problems.length > 0) throw new InputError(problems.slice(0, MAX_PROBLEMS));
  return {
    sources: snapshot.sources.length > 0 ? snapshot.sources : [`snapshot:${file}`],
    assets: snapshot.assets,
    edges: snapshot.edges,
    coverage: snapshot.coverage
  };
}
function checkInventoryMeaning(source, assets, edges, base = []) {
  const problems = [];
  const at = (...path) => [...base, ...path];
  const field = (...path) => formatFieldPath(at(...path));
  const ids = /* @__PURE__ */ new Set();
  assets.forEach((asset, index) => {
    if (problems.length >= MAX_PROBLEMS) return;
    ids.add(asset.id);
    const spec = assetTypeSpec(asset.type);
    if (!spec) {
      problems.push({
        file: source.file,
        line: source.lineOf(at("assets", index, "type")),
        field: field("assets", index, "type"),
        message: `unknown asset type "${asset.type}"`,
        hint: suggestion(asset.type, ASSET_TYPE_NAMES) ?? "see docs/asset-types.md for the types this version knows; a snapshot from a newer aispm needs that version"
      });
      return;
    }
    if (providerOfType(asset.type) !== asset.provider) {
      problems.push({
        file: source.file,
        line: source.lineOf(at("assets", index, "provider")),
        field: field("assets", index, "provider"),
        message: `provider "${asset.provider}" does not match type "${asset.type}"`
      });
    }
    const checked = spec.props.safeParse(asset.props, { reportInput: true });
    if (!checked.success) problems.push(...issuesToProblems(source, checked.error.issues, at("assets", index, "props"), spec.props));
  });
  edges.forEach((edge, index) => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (!isEdgeType(edge.type)) {
      problems.push({
        file: source.file,
        line: source.lineOf(at("edges", index, "type")),
        field: field("edges", index, "type"),
        message: `unknown edge type "${edge.type}"`,
        hint: suggestion(edge.type, EDGE_TYPE_NAMES) ?? `known edge types: ${EDGE_TYPE_NAMES.join(", ")}`
      });
    }
    for (const end of ["from", "to"]) {
      if (!ids.has(edge[end])) {
        problems.push({
          file: source.file,
          line: source.lineOf(at("edges", index, end)),
          field: field("edges", index, end),
          message: `no asset with id "${edge[end]}" in this snapshot`
        });
      }
    }
  });
  return problems;
}
function saveSnapshot(inventory, file, tool, createdAt) {
  const document = {
    snapshotVersion: SNAPSHOT_VERSION,
    tool,
    createdAt: createdAt.toISOString(),
    sources: [...inventory.sources].sort(),
    coverage: [...inventory.coverage].sort(compareCoverage),
    assets: [...inventory.assets].sort((a, b) => compareStrings(a.id, b.id)),
    edges: [...inventory.edges].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.type, b.type) || compareStrings(a.to, b.to))
  };
  writeFileAtomic(file, `${JSON.stringify(document, null, 1)}
`);
}
function compareCoverage(a, b) {
  return compareStrings(a.provider, b.provider) || compareStrings(a.account, b.account) || compareStrings(a.region, b.region) || compareStrings(a.service, b.service) || compareStrings(a.status, b.status) || compareStrings(a.message ?? "", b.message ?? "");
}

export {
  SNAPSHOT_VERSION,
  assetSchema,
  edgeSchema,
  coverageSchema,
  loadSnapshot,
  checkInventoryMeaning,
  saveSnapshot,
  compareCoverage
};

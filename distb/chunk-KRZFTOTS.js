import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-L52WNKTN.js";

// src/graph/graph.ts
var EMPTY = Object.freeze([]);
var AssetGraph = class {
  /** Every asset, sorted by id so that evaluation order is deterministic. */
  assets;
  edges;
  coverage;
  sources;
  /** Edges whose ends are not in the graph; ignored for queries. */
  danglingEdges;
  byId = /* @__PURE__ */ new Map();
  byType = /* @__PURE__ */ new Map();
  outgoing = /* @__PURE__ */ new Map();
  incoming = /* @__PURE__ */ new Map();
  constructor(inventory) {
    for (const asset of inventory.assets) {
      const existing = this.byId.get(asset.id);
      this.byId.set(asset.id, existing ? mergeAssets(existing, asset) : asset);
    }
    this.assets = [...this.byId.values()].sort((a, b) => compareStrings(a.id, b.id));
    for (const asset of this.assets) {
      let list = this.byType.get(asset.type);
      if (!list) this.byType.set(asset.type, list = []);
      list.push(asset);
    }
    const seen = /* @__PURE__ */ new Set();
    const edges = [];
    let dangling = 0;
    for (const edge of inventory.edges) {
      const key = `${edge.from}\0${edge.type}\0${edge.to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const from = this.byId.get(edge.from);
      const to = this.byId.get(edge.to);
      if (!from || !to) {
        dangling++;
        continue;
      }
      edges.push(edge);
      addAdjacent(this.outgoing, edge.from, edge.type, to);
      addAdjacent(this.incoming, edge.to, edge.type, from);
    }
    for (const index of [this.outgoing, this.incoming]) {
      for (const byType of index.values()) for (const list of byType.values()) list.sort((a, b) => compareStrings(a.id, b.id));
    }
    this.edges = edges.sort(compareEdges);
    this.danglingEdges = dangling;
    this.coverage = [...inventory.coverage];
    this.sources = [...inventory.sources];
  }
  get size() {
    return this.assets.length;
  }
  get(id) {
    return this.byId.get(id);
  }
  ofType(type) {
    return this.byType.get(type) ?? EMPTY;
  }
  types() {
    return [...this.byType.keys()].sort();
  }
  /** Assets one edge away, along edges of `edgeType` in `direction` (out: this asset is `from`). */
  neighbours(id, edgeType, direction = "out") {
    const index = direction === "out" ? this.outgoing : this.incoming;
    return index.get(id)?.get(edgeType) ?? EMPTY;
  }
  /** Every relation of one asset, for the inventory: edge type, direction and the other asset. */
  relationsOf(id) {
    const relations = [];
    for (const [direction, index] of [["out", this.outgoing], ["in", this.incoming]]) {
      const byType = index.get(id);
      if (!byType) continue;
      for (const type of [...byType.keys()].sort()) for (const asset of byType.get(type)) relations.push({ type, direction, asset });
    }
    return relations;
  }
  toInventory() {
    return { sources: [...this.sources], assets: [...this.assets], edges: [...this.edges], coverage: [...this.coverage] };
  }
};
function addAdjacent(index, id, type, other) {
  let byType = index.get(id);
  if (!byType) index.set(id, byType = /* @__PURE__ */ new Map());
  let list = byType.get(type);
  if (!list) byType.set(type, list = []);
  list.push(other);
}
function mergeAssets(first, second) {
  const props = { ...first.props };
  for (const [key, value] of Object.entries(second.props)) if (value !== void 0) props[key] = value;
  return {
    ...first,
    ...second,
    tags: second.tags ?? first.tags,
    raw: second.raw ?? first.raw,
    props
  };
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareEdges(a, b) {
  return compareStrings(a.from, b.from) || compareStrings(a.type, b.type) || compareStrings(a.to, b.to);
}

// src/files.ts
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
function writeFileAtomic(file, content) {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  let fd;
  try {
    fd = openSync(temporary, "w", 420);
  } catch (error) {
    throw new InputError({ file, message: `cannot write: ${error.message}`, hint: "check that the directory exists and is writable" });
  }
  try {
    const chunks = typeof content === "string" ? [content] : content;
    for (const chunk of chunks) writeSync(fd, chunk);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, file);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
    }
    rmSync(temporary, { force: true });
    throw new InputError({ file, message: `cannot write: ${error.message}` });
  }
}

export {
  AssetGraph,
  compareStrings,
  writeFileAtomic
};

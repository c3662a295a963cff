import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  mergeInventories
} from "./chunk-4EELHLSM.js";
import {
  DEMO_DIR
} from "./chunk-O3Y7GDW5.js";
import {
  loadSnapshot
} from "./chunk-WXCWYLXW.js";
import "./chunk-KRZFTOTS.js";
import "./chunk-QHCZUORC.js";
import "./chunk-MVR65UMA.js";
import "./chunk-H3GV4XYG.js";
import "./chunk-SAA2V5SN.js";
import "./chunk-QNRES2KC.js";
import "./chunk-L52WNKTN.js";
import "./chunk-ST3MKGRW.js";
import "./chunk-2TIRR4RQ.js";

// src/collect/demo.ts
import { readdirSync } from "node:fs";
import { join } from "node:path";
function loadDemoInventory(dir = DEMO_DIR) {
  const files = readdirSync(dir).filter((name) => /\.(ya?ml|json)$/i.test(name)).sort();
  const merged = mergeInventories(files.map((name) => loadSnapshot(join(dir, name))));
  return { ...merged, sources: ["demo"] };
}
export {
  loadDemoInventory
};

import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  SNAPSHOT_VERSION,
  assetSchema,
  checkInventoryMeaning,
  compareCoverage,
  coverageSchema,
  edgeSchema,
  loadSnapshot,
  saveSnapshot
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
export {
  SNAPSHOT_VERSION,
  assetSchema,
  checkInventoryMeaning,
  compareCoverage,
  coverageSchema,
  edgeSchema,
  loadSnapshot,
  saveSnapshot
};

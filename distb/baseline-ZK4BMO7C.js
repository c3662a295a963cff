import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  applyBaseline,
  loadBaseline
} from "./chunk-JKQO2OVJ.js";
import "./chunk-SAA2V5SN.js";
import "./chunk-QNRES2KC.js";
import "./chunk-L52WNKTN.js";
import "./chunk-ST3MKGRW.js";
import "./chunk-2TIRR4RQ.js";
export {
  applyBaseline,
  loadBaseline
};

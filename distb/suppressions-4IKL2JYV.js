import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  DEFAULT_IGNORE_FILE,
  applySuppressions,
  defaultIgnoreFile,
  globMatcher,
  loadSuppressions
} from "./chunk-6SOLM6U7.js";
import "./chunk-SAA2V5SN.js";
import "./chunk-QNRES2KC.js";
import "./chunk-L52WNKTN.js";
import "./chunk-ST3MKGRW.js";
import "./chunk-2TIRR4RQ.js";
export {
  DEFAULT_IGNORE_FILE,
  applySuppressions,
  defaultIgnoreFile,
  globMatcher,
  loadSuppressions
};

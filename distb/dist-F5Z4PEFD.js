import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-ST3MKGRW.js";
import "./chunk-2TIRR4RQ.js";
export default require_dist();

import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  require_cli_table3
} from "./chunk-VMTZODNH.js";
import "./chunk-2TIRR4RQ.js";
export default require_cli_table3();

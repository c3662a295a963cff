import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  EU_AI_ACT_SCOPES,
  EU_AI_ACT_SCOPE_TAG,
  FRAMEWORKS,
  FRAMEWORK_KEYS,
  checkFrameworkId,
  frameworkByKey
} from "./chunk-FNICXQ5F.js";
import "./chunk-2TIRR4RQ.js";
export {
  EU_AI_ACT_SCOPES,
  EU_AI_ACT_SCOPE_TAG,
  FRAMEWORKS,
  FRAMEWORK_KEYS,
  checkFrameworkId,
  frameworkByKey
};

import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);

// src/package-info.ts
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
var PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
var BUILTIN_RULES_DIR = join(PACKAGE_ROOT, "rules");
var DEMO_DIR = join(PACKAGE_ROOT, "fixtures", "demo");
var RULE_PACK_BUNDLE = join(PACKAGE_ROOT, "dist", "rule-pack.json");
var cachedVersion;
function toolVersion() {
  cachedVersion ??= JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")).version;
  return cachedVersion;
}
var TOOL_NAME = "aispm";
var TOOL_URL = "https://github.com/aispm/aispm";

export {
  PACKAGE_ROOT,
  BUILTIN_RULES_DIR,
  DEMO_DIR,
  RULE_PACK_BUNDLE,
  toolVersion,
  TOOL_NAME,
  TOOL_URL
};

import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-L52WNKTN.js";

// src/engine/rule-files.ts
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
var MAX_RULE_FILES = 5e3;
function findRuleFiles(dir) {
  return listYamlFiles(dir).filter((file) => !isTestFile(file));
}
function findRuleTestFiles(dir) {
  return listYamlFiles(dir).filter(isTestFile);
}
function isTestFile(file) {
  return /\.test\.ya?ml$/i.test(file);
}
function listYamlFiles(dir) {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new InputError({ file: dir, message: "rule pack directory not found", hint: "pass a directory of rule YAML files" });
  }
  if (!stat.isDirectory()) throw new InputError({ file: dir, message: "not a directory", hint: "pass a directory of rule YAML files" });
  const files = [];
  const walk = (current, depth) => {
    if (depth > 10) return;
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
      if (entry.name.startsWith(".")) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) files.push(path);
      if (files.length > MAX_RULE_FILES) throw new InputError({ file: dir, message: `more than ${MAX_RULE_FILES} YAML files in the rule pack` });
    }
  };
  walk(dir, 0);
  return files;
}

export {
  findRuleFiles,
  findRuleTestFiles
};

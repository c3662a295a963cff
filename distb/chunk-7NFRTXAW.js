import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  AssetGraph
} from "./chunk-KRZFTOTS.js";

// src/secrets/detect.ts
var TOKEN_PATTERNS = [
  { kind: "private-key", pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----[\s\S]*?(?:-----END (?:[A-Z]+ )?PRIVATE KEY-----|$)/g },
  { kind: "aws-access-key-id", pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g },
  { kind: "anthropic-api-key", pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { kind: "openai-api-key", pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g },
  { kind: "github-token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g },
  { kind: "google-api-key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: "huggingface-token", pattern: /\bhf_[A-Za-z0-9]{30,}\b/g },
  { kind: "slack-token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: "stripe-secret-key", pattern: /\b[sr]k_live_[A-Za-z0-9]{20,}\b/g },
  { kind: "azure-storage-account-key", pattern: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/g },
  { kind: "azure-sas-token", pattern: /[?&]sig=[A-Za-z0-9%+/]{30,}={0,2}/g },
  { kind: "jwt", pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { kind: "credential-in-url", pattern: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@]{1,100}:[^\s@/]{3,200}@/g }
];
var SECRET_WORDS = /* @__PURE__ */ new Set(["password", "passwd", "pwd", "secret", "token", "apikey", "credential", "credentials", "passphrase"]);
var SECRET_PAIRS = /* @__PURE__ */ new Set(["api key", "access key", "private key", "secret key", "client secret", "connection string", "auth token", "session token", "account key", "sas token", "signing key", "master key"]);
var REFERENCE_WORDS = /* @__PURE__ */ new Set(["arn", "id", "name", "path", "file", "url", "uri", "ref", "length", "max", "min", "count", "type", "version", "enabled", "ttl", "region", "endpoint", "expiry", "expiration", "header", "field", "env", "var"]);
var REDACTION_PREFIX = "[REDACTED:";
function redactSecretsInString(value, keyName) {
  if (value.length < 8) return void 0;
  const kinds = [];
  let text = value;
  for (const { kind, pattern } of TOKEN_PATTERNS) {
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    text = text.replace(pattern, () => `${REDACTION_PREFIX}${kind}]`);
    kinds.push(kind);
  }
  if (kinds.length === 0 && keyName !== void 0 && looksLikeSecretKey(keyName) && looksLikeSecretValue(value, keyName)) {
    return { text: `${REDACTION_PREFIX}generic-credential]`, kinds: ["generic-credential"] };
  }
  return kinds.length > 0 ? { text, kinds } : void 0;
}
function looksLikeSecretKey(key) {
  const words = splitWords(key);
  if (words.length === 0) return false;
  if (REFERENCE_WORDS.has(words[words.length - 1])) return false;
  for (let index = 0; index < words.length; index++) {
    if (SECRET_WORDS.has(words[index])) return true;
    if (index > 0 && SECRET_PAIRS.has(`${words[index - 1]} ${words[index]}`)) return true;
  }
  return false;
}
function looksLikeSecretValue(value, key) {
  const trimmed = value.trim();
  if (trimmed.startsWith(REDACTION_PREFIX)) return false;
  if (/\s/.test(trimmed)) return false;
  if (isReference(trimmed)) return false;
  if (/^(true|false|yes|no|none|null|enabled|disabled)$/i.test(trimmed)) return false;
  if (/^\d+$/.test(trimmed)) return false;
  const words = splitWords(key);
  const isPassword = words.some((word) => word === "password" || word === "passwd" || word === "pwd" || word === "passphrase");
  if (isPassword) return trimmed.length >= 8;
  return trimmed.length >= 16 && shannonEntropy(trimmed) >= 3;
}
function isReference(value) {
  return /^arn:aws[a-z-]*:/.test(value) || /^projects\/[^/]+\/secrets\//.test(value) || /^@Microsoft\.KeyVault\(/i.test(value) || /^https:\/\/[a-z0-9-]+\.vault\.azure\.(net|cn|us)\//i.test(value) || /^\{\{resolve:/.test(value) || /^\$\{[^}]*\}$/.test(value) || /^\$\([^)]*\)$/.test(value) || /^<[^>]*>$/.test(value) || /^\{\{[^}]*\}\}$/.test(value);
}
function splitWords(key) {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 0);
}
function shannonEntropy(value) {
  const counts = /* @__PURE__ */ new Map();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

// src/secrets/redact.ts
function redactInventory(inventory) {
  return { ...inventory, assets: inventory.assets.map(redactAsset) };
}
function redactAsset(asset) {
  const found = [];
  const raw = asset.raw === void 0 ? void 0 : redactValue(asset.raw, "raw", void 0, found);
  const tags = asset.tags === void 0 ? void 0 : redactValue(asset.tags, "tags", void 0, found);
  const { secrets: previous, ...otherProps } = asset.props;
  const props = redactValue(otherProps, "props", void 0, found);
  const secrets = mergeFindings(Array.isArray(previous) ? previous : [], found);
  if (asset.raw !== void 0 || previous !== void 0 || secrets.length > 0) props.secrets = secrets;
  const redacted = { ...asset, props };
  if (raw !== void 0) redacted.raw = raw;
  if (tags !== void 0) redacted.tags = tags;
  return redacted;
}
function redactValue(value, location, key, found) {
  if (typeof value === "string") {
    const result = redactSecretsInString(value, key);
    if (!result) return value;
    for (const kind of result.kinds) found.push({ location, kind });
    return result.text;
  }
  if (Array.isArray(value)) return value.map((item, index) => redactValue(item, `${location}[${index}]`, key, found));
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    const pairKey = environmentPairKey(value);
    const out = {};
    for (const [childKey, child] of entries) {
      const keyForChild = pairKey !== void 0 && /^value$/i.test(childKey) ? pairKey : childKey;
      out[childKey] = redactValue(child, `${location}.${childKey}`, keyForChild, found);
    }
    return out;
  }
  return value;
}
function environmentPairKey(object) {
  const name = object.Name ?? object.name ?? object.Key ?? object.key;
  const hasValue = "Value" in object || "value" in object;
  return typeof name === "string" && hasValue ? name : void 0;
}
function mergeFindings(previous, found) {
  const byKey = /* @__PURE__ */ new Map();
  for (const finding of [...previous, ...found]) byKey.set(`${finding.location}\0${finding.kind}`, { location: finding.location, kind: finding.kind });
  return [...byKey.values()].sort((a, b) => a.location === b.location ? a.kind.localeCompare(b.kind) : a.location < b.location ? -1 : 1);
}

// src/graph/build.ts
function buildGraph(inventory) {
  return new AssetGraph(redactInventory(inventory));
}

export {
  buildGraph
};

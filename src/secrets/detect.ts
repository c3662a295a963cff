/**
 * Finds credentials in strings that come from the cloud: container environments, lifecycle scripts,
 * prompts, tags. Two ways: well-known token formats anywhere in a string, and values stored under a
 * key whose name says it is a secret (PASSWORD, API_KEY, CLIENT_SECRET, ...).
 */

interface TokenPattern {
  kind: string;
  pattern: RegExp;
}

/** Well-known credential formats. Each regex is linear (no nested quantifiers). */
const TOKEN_PATTERNS: readonly TokenPattern[] = [
  { kind: 'private-key', pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----[\s\S]*?(?:-----END (?:[A-Z]+ )?PRIVATE KEY-----|$)/g },
  { kind: 'aws-access-key-id', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g },
  { kind: 'anthropic-api-key', pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { kind: 'openai-api-key', pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g },
  { kind: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g },
  { kind: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'huggingface-token', pattern: /\bhf_[A-Za-z0-9]{30,}\b/g },
  { kind: 'slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: 'stripe-secret-key', pattern: /\b[sr]k_live_[A-Za-z0-9]{20,}\b/g },
  { kind: 'azure-storage-account-key', pattern: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/g },
  { kind: 'azure-sas-token', pattern: /[?&]sig=[A-Za-z0-9%+/]{30,}={0,2}/g },
  { kind: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  // An Authorization header value, whatever the token's format (an error page may quote the request).
  { kind: 'bearer-token', pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{8,}=*/gi },
  { kind: 'credential-in-url', pattern: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@]{1,100}:[^\s@/]{3,200}@/g },
];

/** Words in a key name that say its value is a secret. */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'secret', 'token', 'apikey', 'credential', 'credentials', 'passphrase']);
const SECRET_PAIRS = new Set(['api key', 'access key', 'private key', 'secret key', 'client secret', 'connection string', 'auth token', 'session token', 'account key', 'sas token', 'signing key', 'master key']);
/** A last word that makes the value a pointer to a secret, not the secret. */
const REFERENCE_WORDS = new Set(['arn', 'id', 'name', 'path', 'file', 'url', 'uri', 'ref', 'length', 'max', 'min', 'count', 'type', 'version', 'enabled', 'ttl', 'region', 'endpoint', 'expiry', 'expiration', 'header', 'field', 'env', 'var']);

export const REDACTION_PREFIX = '[REDACTED:';

export interface SecretMatch {
  kind: string;
  redacted: string;
}

/** Scans one string; returns the redacted text and what it found, or undefined when it is clean. */
export function redactSecretsInString(value: string, keyName?: string): { text: string; kinds: string[] } | undefined {
  if (value.length < 8) return undefined;
  const kinds: string[] = [];
  let text = value;
  for (const { kind, pattern } of TOKEN_PATTERNS) {
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    text = text.replace(pattern, () => `${REDACTION_PREFIX}${kind}]`);
    kinds.push(kind);
  }
  if (kinds.length === 0 && keyName !== undefined && looksLikeSecretKey(keyName) && looksLikeSecretValue(value, keyName)) {
    return { text: `${REDACTION_PREFIX}generic-credential]`, kinds: ['generic-credential'] };
  }
  return kinds.length > 0 ? { text, kinds } : undefined;
}

export function looksLikeSecretKey(key: string): boolean {
  const words = splitWords(key);
  if (words.length === 0) return false;
  if (REFERENCE_WORDS.has(words[words.length - 1]!)) return false;
  for (let index = 0; index < words.length; index++) {
    if (SECRET_WORDS.has(words[index]!)) return true;
    if (index > 0 && SECRET_PAIRS.has(`${words[index - 1]} ${words[index]}`)) return true;
  }
  return false;
}

function looksLikeSecretValue(value: string, key: string): boolean {
  const trimmed = value.trim();
  if (trimmed.startsWith(REDACTION_PREFIX)) return false;
  if (/\s/.test(trimmed)) return false;
  if (isReference(trimmed)) return false;
  if (/^(true|false|yes|no|none|null|enabled|disabled)$/i.test(trimmed)) return false;
  if (/^\d+$/.test(trimmed)) return false;
  const words = splitWords(key);
  const isPassword = words.some((word) => word === 'password' || word === 'passwd' || word === 'pwd' || word === 'passphrase');
  if (isPassword) return trimmed.length >= 8;
  return trimmed.length >= 16 && shannonEntropy(trimmed) >= 3.0;
}

/** Values that point to a secret store rather than holding the secret. */
function isReference(value: string): boolean {
  return (
    /^arn:aws[a-z-]*:/.test(value) ||
    /^projects\/[^/]+\/secrets\//.test(value) ||
    /^@Microsoft\.KeyVault\(/i.test(value) ||
    /^https:\/\/[a-z0-9-]+\.vault\.azure\.(net|cn|us)\//i.test(value) ||
    /^\{\{resolve:/.test(value) ||
    /^\$\{[^}]*\}$/.test(value) ||
    /^\$\([^)]*\)$/.test(value) ||
    /^<[^>]*>$/.test(value) ||
    /^\{\{[^}]*\}\}$/.test(value)
  );
}

/** `OPENAI_API_KEY` → [openai, api, key]; `clientSecret` → [client, secret]. */
function splitWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

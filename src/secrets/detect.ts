import { createRequire } from 'node:module';
import { redactKnownSecrets } from './known.js';

/**
 * Finds credentials in strings that come from the cloud (container environments, lifecycle scripts,
 * prompts, tags, names, error messages) and in everything aispm writes. Four ways: the scanner's own
 * credentials, exactly (known.ts); well-known token formats anywhere in a string; `KEY=value`
 * assignments in a string whose key says it holds a secret; and values stored under such a key.
 *
 * A value found is replaced by `[REDACTED:<kind>]`. In identifiers (ids, names, accounts, regions,
 * tag and record keys) the placeholder also carries a short hash of the secret,
 * `[REDACTED:<kind>:<hash>]`, so that two ids that differ only in their secret stay two ids.
 */

interface TokenPattern {
  kind: string;
  pattern: RegExp;
  /** Literal text that any match contains (each spelling, for a case-insensitive format): the regex runs only where one occurs. */
  needles: readonly string[];
  /** (A named group `keep`, a parameter name say, stays in the text; the rest of the match is replaced.) */
  /** A check on the match that the regex cannot express (a Basic header decodes to `user:password`). */
  valid?: (match: string) => boolean;
}

/** Characters that end a value inside a URL, a JSON string, an HTML or markdown document. */
const URL_VALUE = '[^\\s&#"\'<>`\\\\]';

/** Well-known credential formats. Each regex is linear: no nested or overlapping quantifiers. */
const TOKEN_PATTERNS: readonly TokenPattern[] = [
  // PEM and PGP armor; the body stops at a quote so that the match never leaves a JSON or YAML string.
  {
    kind: 'private-key',
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[^-"'<>`]|-(?!----END ))*(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)?/g,
    needles: ['PRIVATE KEY'],
  },
  // Authorization header values, whatever the token's format (an error page may quote the request);
  // before the formats, so that `Bearer ya29....` is one bearer token.
  { kind: 'bearer-token', pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{8,}=*/gi, needles: ['Bearer', 'bearer', 'BEARER'], valid: (match) => !/^bearer\s+[A-Za-z]+\.?$/i.test(match) },
  { kind: 'basic-auth-credentials', pattern: /\bBasic\s+[A-Za-z0-9+/]{6,}={0,2}/gi, needles: ['Basic', 'basic', 'BASIC'], valid: decodesToUserAndPassword },
  { kind: 'aws-access-key-id', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g, needles: ['AKIA', 'ASIA', 'ABIA', 'ACCA'] },
  // STS session tokens are opaque, but every one issued so far starts with a protobuf header whose
  // base64 form is one of these (AWS's own examples show `AQoDYXdz...`, today's tokens `IQoJb3JpZ2lu...`).
  {
    kind: 'aws-session-token',
    pattern: /\b(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz|AQoDYXdz|AQoEXAMPLE)(?:[A-Za-z0-9+/=]|%2[BFbf]|%3[Dd]){40,}/g,
    needles: ['IQoJb3JpZ2lu', 'FwoGZXIvYXdz', 'FQoGZXIvYXdz', 'AQoDYXdz', 'AQoEXAMPLE'],
  },
  { kind: 'aws-session-token', pattern: new RegExp(`(?<keep>[?&]X-Amz-Security-Token=)${URL_VALUE}{16,}`, 'gi'), needles: ['X-Amz-Security-Token=', 'x-amz-security-token=', 'X-AMZ-SECURITY-TOKEN='] },
  // Presigned URLs (S3 SigV4 and SigV2, Cloud Storage V4 and V2): the signature is the credential.
  { kind: 'presigned-url-signature', pattern: new RegExp(`(?<keep>[?&](?:X-Amz-Signature|X-Goog-Signature|Signature)=)${URL_VALUE}{16,}`, 'gi'), needles: ['Signature=', 'signature=', 'SIGNATURE='] },
  { kind: 'azure-sas-token', pattern: new RegExp(`(?<keep>[?&]sig=)${URL_VALUE}{16,}`, 'g'), needles: ['sig='] },
  // Azure Functions keys travel as `?code=`.
  { kind: 'azure-function-key', pattern: new RegExp(`(?<keep>[?&]code=)${URL_VALUE}{20,}`, 'g'), needles: ['code='] },
  { kind: 'anthropic-api-key', pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/g, needles: ['sk-ant-'] },
  { kind: 'openai-api-key', pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g, needles: ['sk-'] },
  { kind: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g, needles: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'] },
  { kind: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, needles: ['AIza'] },
  { kind: 'google-oauth-access-token', pattern: /\bya29\.[0-9A-Za-z_-]{20,}/g, needles: ['ya29.'] },
  { kind: 'google-oauth-refresh-token', pattern: /(?<![A-Za-z0-9_/-])1\/\/0[0-9A-Za-z_-]{30,}/g, needles: ['1//0'] },
  { kind: 'huggingface-token', pattern: /\bhf_[A-Za-z0-9]{30,}\b/g, needles: ['hf_'] },
  { kind: 'slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, needles: ['xox'] },
  { kind: 'stripe-secret-key', pattern: /\b[sr]k_live_[A-Za-z0-9]{20,}\b/g, needles: ['k_live_'] },
  // Microsoft Entra client secrets: 3 characters, a version digit, `Q~`, then 31 to 34 more (microsoft/security-utilities, SEC101/156).
  { kind: 'azure-client-secret', pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g, needles: ['Q~'] },
  { kind: 'azure-storage-account-key', pattern: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/g, needles: ['AccountKey='] },
  { kind: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, needles: ['eyJ'] },
  // `scheme://user:password@host`: the user and password go, the scheme and host stay.
  { kind: 'credential-in-url', pattern: /(?<keep>:\/\/)[^\s:/@"'<>`]{1,100}:[^\s@/"'<>`]{3,200}@/g, needles: ['://'] },
];

/** The needles of every format, found in one scan of a string instead of one scan per format. */
const ANY_NEEDLE = new RegExp(
  [...new Set(TOKEN_PATTERNS.flatMap((pattern) => pattern.needles))].map((needle) => needle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'),
  'g',
);

/** A `Basic` authorization value is base64 of `user:password`. */
function decodesToUserAndPassword(match: string): boolean {
  const encoded = match.replace(/^basic\s+/i, '');
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  return /^[^\s:]{0,256}:[^\n]{1,256}$/.test(decoded) && !decoded.includes('\uFFFD');
}

// ---------------------------------------------------------------- key names

/** Words in a key name that say its value is a password: any value is taken as secret. */
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode']);
/** Words in a key name that say its value is a secret: high-entropy values are taken as secret. */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'secret', 'token', 'apikey', 'credential', 'credentials', 'passphrase', 'passcode']);
const SECRET_PAIRS = new Set(['api key', 'access key', 'private key', 'secret key', 'client secret', 'connection string', 'auth token', 'session token', 'account key', 'sas token', 'signing key', 'master key', 'shared key', 'encryption key']);
/**
 * A last word that makes the value a pointer to a secret or a fact about it, not the secret: an
 * ARN, a name, a length, a key spec (`CustomerMasterKeySpec: SYMMETRIC_DEFAULT`), an alias, a policy.
 */
const REFERENCE_WORDS = new Set([
  ...['arn', 'arns', 'id', 'ids', 'name', 'names', 'alias', 'aliases', 'path', 'file', 'url', 'uri', 'ref', 'reference', 'env', 'var', 'variable', 'param', 'parameter', 'field', 'header', 'prefix', 'suffix'],
  ...['length', 'max', 'min', 'count', 'size', 'bits', 'type', 'types', 'kind', 'version', 'format', 'spec', 'usage', 'algorithm', 'algorithms', 'origin', 'source', 'manager', 'store', 'vault'],
  ...['enabled', 'disabled', 'required', 'configured', 'present', 'exists', 'set', 'enforced', 'mode', 'state', 'status', 'policy', 'policies', 'rotation', 'scope', 'scopes', 'provider'],
  ...['ttl', 'region', 'endpoint', 'expiry', 'expiration', 'expires', 'expired', 'age', 'validity', 'lifetime', 'duration', 'timeout', 'days', 'hours', 'minutes', 'seconds', 'date', 'time', 'timestamp'],
  ...['created', 'updated', 'used', 'last', 'changed', 'reset', 'reuse', 'prevention', 'strength', 'complexity', 'pattern', 'regex', 'schema', 'location', 'label', 'description', 'hint', 'authentication'],
  ...['fingerprint', 'thumbprint', 'user', 'username', 'owner', 'issuer', 'audience', 'subject', 'email', 'account', 'limit', 'quota', 'unit', 'units'],
]);

/** How much a key name says about its value. */
export type SecretKeyClass = 'password' | 'secret' | 'key';

/**
 * `DB_PASSWORD`, `SMTP_PASS`, `passwd` → password; `OPENAI_API_KEY`, `clientSecret`, `HF_TOKEN` →
 * secret; `SIGNING_KEY`, `OPENAI_KEY` → key (a secret only when the value looks generated);
 * `SECRET_ARN`, `PASSWORD_LENGTH`, `CustomerMasterKeySpec`, `MAX_TOKENS` → not a secret.
 */
export function classifySecretKey(key: string): SecretKeyClass | undefined {
  // Record keys repeat across a whole estate: each name is judged once.
  const known = keyClasses.get(key);
  if (known !== undefined) return known === 'none' ? undefined : known;
  const keyClass = classifyWords(splitWords(key));
  if (keyClasses.size >= MAX_CACHED_KEYS) keyClasses.clear();
  keyClasses.set(key, keyClass ?? 'none');
  return keyClass;
}

const keyClasses = new Map<string, SecretKeyClass | 'none'>();
const MAX_CACHED_KEYS = 50_000;

function classifyWords(words: string[]): SecretKeyClass | undefined {
  const last = words[words.length - 1];
  if (last === undefined || REFERENCE_WORDS.has(last)) return undefined;
  if (PASSWORD_WORDS.has(last)) return 'password';
  for (let index = 0; index < words.length; index++) {
    if (SECRET_WORDS.has(words[index]!)) return 'secret';
    if (index > 0 && SECRET_PAIRS.has(`${words[index - 1]} ${words[index]}`)) return 'secret';
  }
  return last === 'key' && words.length > 1 ? 'key' : undefined;
}

export function looksLikeSecretKey(key: string): boolean {
  return classifySecretKey(key) !== undefined;
}

// ---------------------------------------------------------------- values

export const REDACTION_PREFIX = '[REDACTED:';

/** The placeholder for a value: `[REDACTED:<kind>]`; with the secret, `[REDACTED:<kind>:<hash>]` for identifiers. */
export function placeholder(kind: string, secret?: string): string {
  return secret === undefined ? `${REDACTION_PREFIX}${kind}]` : `${REDACTION_PREFIX}${kind}:${secretTag(secret)}]`;
}

/**
 * 12 hex digits of SHA-256: enough that two secret-bearing ids of one estate never collide, stable
 * across runs (fingerprints, baselines and ignore entries depend on ids), and one-way.
 */
function secretTag(secret: string): string {
  return sha256Hex(secret).slice(0, 12);
}

/** node:crypto, loaded on first use: start-up (`--version`, `rules list`) must not pay for it (test/bundle.test.ts). */
let sha256Hex: (text: string) => string = (text) => {
  const crypto = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  sha256Hex = (value) => crypto.createHash('sha256').update(value).digest('hex');
  return sha256Hex(text);
};

/** Values that say "no value", not a password (`Password: required`, `DB_PASSWORD=***`). */
const NOT_A_VALUE = /^(?:true|false|yes|no|none|null|nil|undefined|n\/a|empty|unset|set|required|optional|missing|invalid|expired|hidden|masked|redacted|changeme|\*+|x{3,}|•+|\.{3,}|-+)$/i;

export function looksLikeSecretValue(value: string, keyClass: SecretKeyClass): boolean {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.includes(REDACTION_PREFIX) || NOT_A_VALUE.test(trimmed) || isReference(trimmed)) return false;
  if (keyClass === 'password') return !isEnumLike(trimmed);
  if (/\s/.test(trimmed) || /^\d+$/.test(trimmed) || isEnumLike(trimmed) || isIdentifierLike(trimmed) || isPathOrUrl(trimmed) || /^\d{4}-\d{2}-\d{2}/.test(trimmed)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((pattern) => pattern.test(trimmed)).length;
  if (classes < 2) return false;
  if (keyClass === 'secret') return trimmed.length >= 12 && shannonEntropy(trimmed) >= 3.0;
  // A bare `*_KEY` is also an S3 object key, a partition key, a tag key: only a generated-looking value counts.
  return trimmed.length >= 20 && !trimmed.includes(':') && !isUuid(trimmed) && shannonEntropy(trimmed) >= 3.5;
}

/** `SYMMETRIC_DEFAULT`, `HMAC_SHA_256`, `ECC_NIST_P256`: API enum values. */
function isEnumLike(value: string): boolean {
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) && /^[A-Z]{2,}/.test(value);
}

/** `SymmetricDefault`, `bert-base-uncased`, `us-central1`, `ml.m5.large`: words, not randomness. */
function isIdentifierLike(value: string): boolean {
  if (/^[a-z]+[0-9]*(?:[-_.][a-z]+[0-9]*)+$/.test(value)) return true;
  if (!/^[A-Za-z]+$/.test(value)) return false;
  const words = value.split(/(?=[A-Z])/);
  return words.every((word) => word.length >= 3 && /^[A-Z]?[a-z]+$|^[A-Z]+$/.test(word));
}

function isPathOrUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('/') || value.startsWith('./') || (value.includes('/') && value.includes('.'));
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** Values that point to a secret store or a resource rather than holding the secret. */
function isReference(value: string): boolean {
  return (
    /^arn:aws[a-z-]*:/.test(value) ||
    // A SigV4 credential scope names the access key id, never the secret key.
    /^[A-Z0-9]{16,128}\/\d{8}\/[a-z0-9-]+\/[a-z0-9-]+\/(?:aws4|goog4)_request$/i.test(value) ||
    /^(?:projects|organizations|folders)\/[^/\s]+\//.test(value) ||
    /^\/subscriptions\/[^/\s]+/i.test(value) ||
    /^@Microsoft\.KeyVault\(/i.test(value) ||
    /^https:\/\/[a-z0-9-]+\.vault\.azure\.(net|cn|us)\//i.test(value) ||
    /^\{\{resolve:/.test(value) ||
    /^\$\{[^}]*\}$/.test(value) ||
    /^\$\([^)]*\)$/.test(value) ||
    /^\$[A-Z_][A-Z0-9_]*$/.test(value) ||
    /^<[^>]*>$/.test(value) ||
    /^\{\{[^}]*\}\}$/.test(value)
  );
}

// ---------------------------------------------------------------- scanning a string

export interface Redaction {
  text: string;
  kinds: string[];
}

export interface RedactOptions {
  /** The name the value is stored under (an environment variable's, a record field's). */
  keyName?: string;
  /** The string is an identifier (an id, a name, a key): placeholders carry a hash of the secret. */
  identifier?: boolean;
  /**
   * Only the scanner's own credentials and the well-known formats, not `KEY=value` assignments: for
   * whole documents, whose every `"field": value` would otherwise be weighed.
   */
  formatsOnly?: boolean;
}

/** Scans one string; returns the redacted text and what it found, or undefined when it is clean. */
export function redactSecretsInString(value: string, keyNameOrOptions?: string | RedactOptions): Redaction | undefined {
  const options = typeof keyNameOrOptions === 'string' ? { keyName: keyNameOrOptions } : (keyNameOrOptions ?? {});
  const kinds: string[] = [];
  const replace = (kind: string, secret: string) => {
    kinds.push(kind);
    return placeholder(kind, options.identifier ? secret : undefined);
  };
  let text = redactKnownSecrets(value, replace);
  const keyClass = options.keyName === undefined ? undefined : classifySecretKey(options.keyName);
  // A password field is secret whole, whatever is in it.
  if (keyClass === 'password' && !text.includes(REDACTION_PREFIX) && looksLikeSecretValue(text, 'password')) return { text: replace('generic-credential', text), kinds };
  if (text.length >= 8) {
    text = redactTokens(text, replace);
    if (!options.formatsOnly) text = redactAssignments(text, replace);
  }
  if (kinds.length === 0 && keyClass !== undefined && looksLikeSecretValue(text, keyClass)) return { text: replace('generic-credential', text), kinds };
  return kinds.length > 0 ? { text, kinds: [...new Set(kinds)] } : undefined;
}

type Replace = (kind: string, secret: string) => string;

function redactTokens(value: string, replace: Replace): string {
  const present = new Set<string>();
  ANY_NEEDLE.lastIndex = 0;
  for (let found = ANY_NEEDLE.exec(value); found; found = ANY_NEEDLE.exec(value)) {
    present.add(found[0]);
    // Needles may overlap (`sk-ant-`, `sk-`): look again from the next character.
    ANY_NEEDLE.lastIndex = found.index + 1;
  }
  if (present.size === 0) return value;
  let text = value;
  for (const { kind, pattern, needles, valid } of TOKEN_PATTERNS) {
    if (!needles.some((needle) => present.has(needle))) continue;
    pattern.lastIndex = 0;
    text = text.replace(pattern, (match: string, ...rest: unknown[]) => {
      if (valid && !valid(match)) return match;
      const groups = rest[rest.length - 1] as Record<string, string | undefined> | undefined;
      const keep = typeof groups === 'object' && groups !== null ? (groups.keep ?? '') : '';
      return `${keep}${replace(kind, match.slice(keep.length))}`;
    });
  }
  return text;
}

/**
 * `KEY=value`, `KEY: value`, `"KEY": "value"`, `?key=value`, `--key value` inside a string (a shell
 * script, a command line, a connection string, an error message): the value is judged by its key.
 */
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:\S+$/;
const ASSIGNMENT = /(?<![A-Za-z0-9_])(?:--([a-z][a-z0-9-]{0,63})(=|[ \t]+)|([A-Za-z][A-Za-z0-9_.-]{0,63})["']?[ \t]{0,8}([:=])[ \t]{0,8})/g;
const MAX_VALUE = 1024;

/** Every key that classifySecretKey accepts holds one of these. */
const SECRET_STEM = /pass|pwd|secret|token|key|credential|string/i;

function redactAssignments(text: string, replace: Replace): string {
  if (!/[:= ]/.test(text) || !SECRET_STEM.test(text)) return text;
  // An ARN names a resource: `...:secret:db-password-AbCdEf` (a Secrets Manager reference, the safe way to pass one) is no assignment.
  if (ARN.test(text)) return text;
  let out = '';
  let copied = 0;
  // `[REDACTED:slack-token:1a2b...]` reads like `token: value`: placeholders are skipped whole.
  const placeholders = placeholderSpans(text);
  let next = 0;
  ASSIGNMENT.lastIndex = 0;
  for (let match = ASSIGNMENT.exec(text); match; match = ASSIGNMENT.exec(text)) {
    while (next < placeholders.length && placeholders[next]!.end <= match.index) next++;
    const inside = placeholders[next];
    if (inside && inside.start <= match.index) {
      ASSIGNMENT.lastIndex = inside.end;
      continue;
    }
    const key = match[1] ?? match[3]!;
    const keyClass = classifySecretKey(key);
    if (!keyClass) {
      // Go on after the key only: the value may itself be `KEY=value` (`url: a?password=b`).
      ASSIGNMENT.lastIndex = match.index + key.length + (match[1] ? 2 : 0);
      continue;
    }
    const span = valueSpan(text, match.index + match[0].length, keyClass, (match[2] ?? match[4]) === '=');
    if (!span) continue;
    const candidate = text.slice(span.start, span.end);
    if (looksLikeSecretValue(candidate, keyClass)) {
      out += text.slice(copied, span.start) + replace('generic-credential', candidate);
      copied = span.end;
    }
    ASSIGNMENT.lastIndex = Math.max(span.end, ASSIGNMENT.lastIndex);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function placeholderSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (let start = text.indexOf(REDACTION_PREFIX); start !== -1; start = text.indexOf(REDACTION_PREFIX, start + 1)) {
    const close = text.indexOf(']', start);
    if (close === -1) break;
    spans.push({ start, end: close + 1 });
    start = close;
  }
  return spans;
}

/**
 * Where the value after `KEY=` is: inside its quotes, or up to a delimiter. A password after `=` may
 * hold spaces, up to the line's end (after `:` the rest of the line is more often prose).
 */
function valueSpan(text: string, start: number, keyClass: SecretKeyClass, assigned: boolean): { start: number; end: number } | undefined {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    let end = start + 1;
    while (end < text.length && end - start <= MAX_VALUE && text[end] !== quote && text[end] !== '\n') end += text[end] === '\\' ? 2 : 1;
    return end < text.length && text[end] === quote && end > start + 1 ? { start: start + 1, end } : undefined;
  }
  const spaced = keyClass === 'password' && assigned;
  const stop = spaced ? /["'<>`\\\n\r&;,]/ : /[\s"'<>`\\&;,]/;
  let end = start;
  while (end < text.length && end - start <= MAX_VALUE && !stop.test(text[end]!)) end++;
  // A password that runs to the end of the line still ends before the next `KEY=` on it.
  if (spaced) {
    const next = /[ \t]+[A-Za-z_][A-Za-z0-9_.-]*[ \t]*[:=]/.exec(text.slice(start, end));
    if (next) end = start + next.index;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
  } else {
    // Prose punctuation after a word is not part of it (`refused the credentials: InvalidToken: ...`).
    while (end > start && /[.:)\]}]/.test(text[end - 1]!)) end--;
  }
  return end > start ? { start, end } : undefined;
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

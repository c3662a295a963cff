import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The credentials the scanner itself holds: secret environment variables, the key file behind
 * Google's application default credentials, the AWS keys a profile or role resolved to, the tokens
 * Entra ID and Google handed out. An error that quotes a request (its headers, its signed URL) would
 * otherwise carry them into coverage messages, logs and reports, in whatever format the error used,
 * and no pattern knows an arbitrary token's shape. Every string that leaves aispm is scrubbed of
 * these values, exactly, in their plain, JSON-escaped, URL-encoded and base64 forms.
 */

/** Shorter values would scrub ordinary words out of reports; no credential is this short. */
const MIN_LENGTH = 8;
/** Known secrets and the kind each is reported as, by every form it may take in a message. */
const forms = new Map<string, string>();
let matcher: RegExp | undefined;

/** Adds a credential the scanner holds; every later message is scrubbed of it. */
export function rememberSecret(value: string | undefined | null, kind: string): void {
  if (typeof value !== 'string') return;
  const trimmed = value.trim();
  if (trimmed.length < MIN_LENGTH) return;
  // A PEM key appears line by line in some messages: each line of its body is a secret of its own.
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY/.test(trimmed)) {
    for (const line of trimmed.split(/\r?\n|\\n/)) if (!line.startsWith('-----') && line.trim().length >= 16) addForms(line.trim(), kind);
  }
  addForms(trimmed, kind);
}

function addForms(value: string, kind: string): void {
  const encoded = [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), encodeURIComponent(value).replace(/%20/g, '+'), ...base64Forms(value)];
  for (const form of encoded) {
    if (form.length < MIN_LENGTH || forms.has(form)) continue;
    forms.set(form, kind);
    matcher = undefined;
  }
}

/**
 * A value base64-encoded inside a longer text (an `Authorization: Basic` header, a token) takes one
 * of three shapes, by its offset modulo 3; the part of each shape that does not depend on the
 * neighbouring bytes is what can be found.
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const shapes: string[] = [];
  for (let skip = 0; skip < 3; skip++) {
    // Starting `skip` bytes in, whole 3-byte groups encode to the same characters wherever the value sits.
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    const core = bytes.subarray(skip, skip + whole).toString('base64');
    if (core.length >= 16) shapes.push(core);
  }
  return shapes;
}

/** Replaces every known secret in a text; `replace` says what to put instead and counts what it saw. */
export function redactKnownSecrets(text: string, replace: (kind: string, secret: string) => string): string {
  if (forms.size === 0) return text;
  matcher ??= new RegExp(
    [...forms.keys()]
      .sort((a, b) => b.length - a.length)
      .map((form) => form.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('|'),
    'g',
  );
  return text.replace(matcher, (match) => replace(forms.get(match) ?? 'scanner-credential', match));
}

/** Forgets every known secret (tests, and a process that scans twice). */
export function forgetKnownSecrets(): void {
  forms.clear();
  matcher = undefined;
}

/** Environment variables that hold a credential in every SDK aispm uses, and what it is. */
const CREDENTIAL_VARIABLES: Readonly<Record<string, string>> = {
  AWS_SECRET_ACCESS_KEY: 'aws-secret-access-key',
  AWS_SESSION_TOKEN: 'aws-session-token',
  AWS_SECURITY_TOKEN: 'aws-session-token',
  AWS_CONTAINER_AUTHORIZATION_TOKEN: 'aws-container-token',
  AWS_BEARER_TOKEN_BEDROCK: 'aws-bedrock-api-key',
  AZURE_CLIENT_SECRET: 'azure-client-secret',
  AZURE_CLIENT_CERTIFICATE_PASSWORD: 'azure-certificate-password',
  AZURE_PASSWORD: 'azure-password',
  AISPM_AZURE_TOKEN: 'azure-access-token',
  AISPM_GCP_TOKEN: 'google-access-token',
  CLOUDSDK_AUTH_ACCESS_TOKEN: 'google-access-token',
  GOOGLE_OAUTH_ACCESS_TOKEN: 'google-access-token',
};

/** Files the SDKs read credentials from, named by a variable: read only when small. */
const MAX_CREDENTIAL_FILE = 1024 * 1024;

/**
 * Remembers the credentials in the environment: the variables above, any other variable that looks
 * like one by its name and value (a CI's `GITHUB_TOKEN`), the token file of workload identity, the key file
 * of Google's application default credentials and Azure's client certificate.
 */
export function rememberEnvironmentSecrets(env: NodeJS.ProcessEnv, isSecretVariable: (name: string, value: string) => boolean): void {
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    const kind = CREDENTIAL_VARIABLES[name] ?? (isSecretVariable(name, value) ? 'scanner-credential' : undefined);
    if (kind) rememberSecret(value, kind);
  }
  rememberFile(env.AZURE_FEDERATED_TOKEN_FILE, 'azure-federated-token');
  rememberFile(env.AWS_WEB_IDENTITY_TOKEN_FILE, 'aws-web-identity-token');
  rememberFile(env.AZURE_CLIENT_CERTIFICATE_PATH, 'azure-client-certificate');
  const adc = env.GOOGLE_APPLICATION_CREDENTIALS || join(env.CLOUDSDK_CONFIG || join(env.HOME || homedir(), '.config', 'gcloud'), 'application_default_credentials.json');
  rememberGoogleKeyFile(readSmallFile(adc));
}

/** A service account key or an authorized-user file: its private key, key id, client secret and refresh token. */
export function rememberGoogleKeyFile(content: string | undefined): void {
  if (!content) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return;
  }
  if (parsed === null || typeof parsed !== 'object') return;
  const record = parsed as Record<string, unknown>;
  for (const field of ['private_key', 'private_key_id', 'client_secret', 'refresh_token']) {
    if (typeof record[field] === 'string') rememberSecret(record[field], `google-${field.replace(/_/g, '-')}`);
  }
}

function rememberFile(path: string | undefined, kind: string): void {
  const content = readSmallFile(path);
  if (content) rememberSecret(content, kind);
}

function readSmallFile(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    if (!existsSync(path) || statSync(path).size > MAX_CREDENTIAL_FILE) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

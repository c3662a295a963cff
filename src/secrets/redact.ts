import type { Asset, CoverageEntry, Edge, Inventory, SecretFinding } from '../graph/model.js';
import { classifySecretKey, looksLikeSecretValue, redactSecretsInString } from './detect.js';
import { rememberEnvironmentSecrets } from './known.js';

/**
 * The one place where secrets are taken out of what the cloud told us. Every source (collectors,
 * snapshots, the demo) passes through here before the graph is built, so no output format, log or
 * saved snapshot can carry a secret value. What was found is kept in `props.secrets` (where and what
 * kind, never the value) so that rules can report it.
 *
 * Everything is redacted: values, and identifiers too (ids, names, accounts, regions, tag keys, the
 * keys of raw records, the ends of edges, coverage fields). Rules then match on the redacted values,
 * the same ones that reports show and snapshots keep, so a rule that fires on a live scan fires on
 * its snapshot, and no message template or evidence can quote a secret. Identifiers get a
 * placeholder with a hash of the secret (`[REDACTED:<kind>:<hash>]`): ids stay stable across runs
 * and unique, and an edge still meets the asset it names, as both ends are redacted alike.
 */
export function redactInventory(inventory: Inventory): Inventory {
  return {
    ...inventory,
    assets: inventory.assets.map(redactAsset),
    edges: inventory.edges.map(redactEdge),
    coverage: inventory.coverage.map(redactCoverage),
  };
}

/** An id, a name, a key: redacted with a placeholder that keeps distinct identifiers distinct. */
export function redactIdentifier(value: string): string {
  return redactSecretsInString(value, { identifier: true })?.text ?? value;
}

/** Free text (a message, a log line): every secret in it, known or by its format. */
export function redactText(value: string): string {
  return redactSecretsInString(value)?.text ?? value;
}

/** What the coverage recorder keeps of an error message. */
export const redactCoverageMessage = redactText;

function redactEdge(edge: Edge): Edge {
  const from = redactIdentifier(edge.from);
  const to = redactIdentifier(edge.to);
  return from === edge.from && to === edge.to ? edge : { ...edge, from, to };
}

/** A coverage entry names an account, region and service, and its message quotes what the API answered (a resource, the request). */
export function redactCoverage(entry: CoverageEntry): CoverageEntry {
  const account = redactIdentifier(entry.account);
  const region = redactIdentifier(entry.region);
  const service = redactIdentifier(entry.service);
  const message = entry.message === undefined ? undefined : redactText(entry.message);
  if (account === entry.account && region === entry.region && service === entry.service && message === entry.message) return entry;
  return { ...entry, account, region, service, ...(message !== undefined ? { message } : {}) };
}

export function redactAsset(asset: Asset): Asset {
  const found: SecretFinding[] = [];
  const identifier = (value: string, location: string) => {
    const result = redactSecretsInString(value, { identifier: true });
    if (!result) return value;
    for (const kind of result.kinds) found.push({ location, kind });
    return result.text;
  };
  const id = identifier(asset.id, 'id');
  const name = identifier(asset.name, 'name');
  const account = identifier(asset.account, 'account');
  const region = identifier(asset.region, 'region');
  const raw = asset.raw === undefined ? undefined : redactValue(asset.raw, 'raw', undefined, found);
  const tags = asset.tags === undefined ? undefined : (redactValue(asset.tags, 'tags', undefined, found) as Record<string, string>);
  const { secrets: previous, ...otherProps } = asset.props;
  const props = redactValue(otherProps, 'props', undefined, found) as Record<string, unknown>;
  const secrets = mergeFindings(Array.isArray(previous) ? (previous as SecretFinding[]) : [], found);
  // Secrets are "known" once the configuration was read: an asset without a raw record keeps what it had.
  if (asset.raw !== undefined || previous !== undefined || secrets.length > 0) props.secrets = secrets;
  const redacted: Asset = { ...asset, id, name, account, region, props };
  if (raw !== undefined) redacted.raw = raw;
  if (tags !== undefined) redacted.tags = tags;
  return redacted;
}

/** Values nested deeper than this are dropped: no API record needs it, and recursion must stay bounded. */
const MAX_DEPTH = 100;
const TOO_DEEP = '[nested too deep]';

function redactValue(value: unknown, location: string, key: string | undefined, found: SecretFinding[], depth = 0): unknown {
  if (depth > MAX_DEPTH) return TOO_DEEP;
  if (typeof value === 'string') {
    const result = redactSecretsInString(value, key);
    if (!result) return value;
    for (const kind of result.kinds) found.push({ location, kind });
    return result.text;
  }
  if (Array.isArray(value)) return redactArray(value, location, key, found, depth);
  if (value !== null && typeof value === 'object') {
    // AWS and Azure give environments as lists of { Name/name/key, Value/value } pairs.
    const pairKey = environmentPairKey(value as Record<string, unknown>);
    const out: Record<string, unknown> = {};
    for (const [childKey, child] of Object.entries(value as Record<string, unknown>)) {
      // A key is an identifier: a secret in it is replaced by a placeholder that keeps keys apart.
      const keyResult = redactSecretsInString(childKey, { identifier: true });
      const safeKey = keyResult?.text ?? childKey;
      const childLocation = `${location}.${safeKey}`;
      for (const kind of keyResult?.kinds ?? []) found.push({ location: childLocation, kind });
      const keyForChild = pairKey !== undefined && /^value$/i.test(childKey) ? pairKey : childKey;
      defineEntry(out, safeKey, redactValue(child, childLocation, keyForChild, found, depth + 1));
    }
    return out;
  }
  return value;
}

/**
 * A command line given as a list (`["--db-password", "hunter2"]`, `["-e", "API_KEY=..."]`): the
 * element after a flag that names a secret is judged by that name.
 */
function redactArray(list: unknown[], location: string, key: string | undefined, found: SecretFinding[], depth: number): unknown[] {
  return list.map((item, index) => {
    const previous = index > 0 ? list[index - 1] : undefined;
    const flag = typeof previous === 'string' ? /^--?([A-Za-z][A-Za-z0-9_-]{0,63})$/.exec(previous)?.[1] : undefined;
    const itemLocation = `${location}[${index}]`;
    if (flag !== undefined && typeof item === 'string' && classifySecretKey(flag)) {
      const keyClass = classifySecretKey(flag)!;
      if (looksLikeSecretValue(item, keyClass)) {
        found.push({ location: itemLocation, kind: 'generic-credential' });
        return redactSecretsInString(item, flag)?.text ?? '[REDACTED:generic-credential]';
      }
    }
    return redactValue(item, itemLocation, key, found, depth + 1);
  });
}

/** Sets a key as an own data property, `__proto__` included (plain assignment would set the prototype). */
function defineEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function environmentPairKey(object: Record<string, unknown>): string | undefined {
  const name = object.Name ?? object.name ?? object.Key ?? object.key;
  const hasValue = 'Value' in object || 'value' in object;
  return typeof name === 'string' && hasValue ? name : undefined;
}

function mergeFindings(previous: SecretFinding[], found: SecretFinding[]): SecretFinding[] {
  const byKey = new Map<string, SecretFinding>();
  for (const finding of [...previous, ...found]) byKey.set(`${finding.location}\u0000${finding.kind}`, { location: finding.location, kind: finding.kind });
  return [...byKey.values()].sort((a, b) => (a.location === b.location ? a.kind.localeCompare(b.kind) : a.location < b.location ? -1 : 1));
}

/**
 * Remembers the credentials this process was given (environment variables, key files), so that
 * every message and report is scrubbed of them (known.ts). Called before anything talks to a cloud.
 */
export function rememberScannerCredentials(env: NodeJS.ProcessEnv = process.env): void {
  rememberEnvironmentSecrets(env, (name, value) => {
    const keyClass = classifySecretKey(name);
    // A variable named like a password may hold anything; only a generated-looking value is scrubbed from every report.
    return keyClass !== undefined && looksLikeSecretValue(value, keyClass === 'password' ? 'secret' : keyClass);
  });
}

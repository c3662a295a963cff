import type { Asset, CoverageEntry, Inventory, SecretFinding } from '../graph/model.js';
import { redactSecretsInString } from './detect.js';

/**
 * The one place where secrets are taken out of what the cloud told us. Every source (collectors,
 * snapshots, the demo) passes through here before the graph is built, so no output format, log or
 * saved snapshot can carry a secret value. What was found is kept in `props.secrets` (where and what
 * kind, never the value) so that rules can report it.
 */
export function redactInventory(inventory: Inventory): Inventory {
  return { ...inventory, assets: inventory.assets.map(redactAsset), coverage: inventory.coverage.map(redactCoverage) };
}

/** A coverage message quotes what the API answered, and an answer may quote a resource or the request. */
function redactCoverage(entry: CoverageEntry): CoverageEntry {
  const redacted = entry.message === undefined ? undefined : redactSecretsInString(entry.message);
  return redacted ? { ...entry, message: redacted.text } : entry;
}

export function redactAsset(asset: Asset): Asset {
  const found: SecretFinding[] = [];
  const raw = asset.raw === undefined ? undefined : redactValue(asset.raw, 'raw', undefined, found);
  const tags = asset.tags === undefined ? undefined : (redactValue(asset.tags, 'tags', undefined, found) as Record<string, string>);
  const { secrets: previous, ...otherProps } = asset.props;
  const props = redactValue(otherProps, 'props', undefined, found) as Record<string, unknown>;
  const secrets = mergeFindings(Array.isArray(previous) ? (previous as SecretFinding[]) : [], found);
  // Secrets are "known" once the configuration was read: an asset without a raw record keeps what it had.
  if (asset.raw !== undefined || previous !== undefined || secrets.length > 0) props.secrets = secrets;
  const redacted: Asset = { ...asset, props };
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
  if (Array.isArray(value)) return value.map((item, index) => redactValue(item, `${location}[${index}]`, key, found, depth + 1));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    // AWS and Azure give environments as lists of { Name/name/key, Value/value } pairs.
    const pairKey = environmentPairKey(value as Record<string, unknown>);
    const out: Record<string, unknown> = {};
    for (const [childKey, child] of entries) {
      const keyForChild = pairKey !== undefined && /^value$/i.test(childKey) ? pairKey : childKey;
      out[childKey] = redactValue(child, `${location}.${childKey}`, keyForChild, found, depth + 1);
    }
    return out;
  }
  return value;
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

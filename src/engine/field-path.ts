/**
 * Field paths in rules: `props.directInternetAccess`, `tags.owner`, `tags['app.kubernetes.io/name']`,
 * `raw.PrimaryContainer.Environment`. Parsed once when a rule loads; resolved many times.
 */

export type FieldPathSegments = readonly string[];

/** Top-level fields of an asset that a rule may read. */
export const ASSET_FIELDS = ['id', 'type', 'provider', 'account', 'region', 'name', 'tags', 'props', 'raw'] as const;

/** Parses a path; returns an error message instead when it is malformed. */
export function parseFieldPath(path: string): FieldPathSegments | string {
  const segments: string[] = [];
  let index = 0;
  while (index < path.length) {
    if (path[index] === '[') {
      const quote = path[index + 1];
      if (quote !== "'" && quote !== '"') return `expected a quoted key after "[" at position ${index + 1}`;
      const end = path.indexOf(`${quote}]`, index + 2);
      if (end === -1) return `unterminated ${quote}...${quote}] in field path`;
      segments.push(path.slice(index + 2, end));
      index = end + 2;
      if (path[index] === '.') index++;
      continue;
    }
    let end = index;
    while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
    const segment = path.slice(index, end);
    if (segment === '') return `empty segment in field path "${path}"`;
    segments.push(segment);
    index = path[end] === '.' ? end + 1 : end;
    if (path[end] === '.' && end === path.length - 1) return `field path "${path}" ends with "."`;
  }
  if (segments.length === 0) return 'empty field path';
  return segments;
}

/**
 * Reads a field of an asset. Returns undefined when it is unknown (the collector did not read it):
 * a missing top-level `props` key, or missing `tags`/`raw`. Inside a value that was read, a missing
 * key is `null` (read, and not set).
 */
export function resolveAssetField(asset: object, segments: FieldPathSegments): unknown {
  const root = segments[0]!;
  let value = ownValue(asset, root);
  if (value === undefined) return root === 'tags' || root === 'raw' ? undefined : null;
  let start = 1;
  if (root === 'props') {
    if (segments.length === 1) return value;
    value = value !== null && typeof value === 'object' ? ownValue(value, segments[1]!) : undefined;
    if (value === undefined) return undefined;
    start = 2;
  }
  return resolveWithin(value, segments, start);
}

/** Reads a field of a value that was read (an element of a list): missing keys are `null`. */
export function resolveElementField(element: unknown, segments: FieldPathSegments): unknown {
  if (element === undefined) return undefined;
  return resolveWithin(element, segments, 0);
}

function resolveWithin(value: unknown, segments: FieldPathSegments, start: number): unknown {
  let current = value;
  for (let index = start; index < segments.length; index++) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return null;
    const next = ownValue(current, segments[index]!);
    if (next === undefined) return null;
    current = next;
  }
  return current;
}

/**
 * A key of the data itself: `constructor`, `toString` or `__proto__` in a field path name keys of the
 * record, never members that every object inherits (`tags.constructor exists` must not match all).
 */
function ownValue(object: object, key: string): unknown {
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

export function formatFieldSegments(segments: FieldPathSegments): string {
  return segments.map((segment, index) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment) ? (index === 0 ? segment : `.${segment}`) : `['${segment}']`)).join('');
}

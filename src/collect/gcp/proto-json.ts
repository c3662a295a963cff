import type { protos } from '@google-cloud/aiplatform';

/**
 * The SDK hands records over as decoded protobuf objects: every unset field present with its
 * default, google.protobuf.Value as `{ kind, structValue: { fields } }`, times as `{ seconds, nanos }`.
 * These helpers turn them back into the API's own JSON form for the `raw` record and for reading.
 */

/** The decoded form names the member that is set in `kind`. */
type Value = protos.google.protobuf.IValue & { kind?: string };
type Duration = protos.google.protobuf.IDuration;
/** Timestamp and Duration decode to the same shape; the field name tells them apart. */
type SecondsAndNanos = Duration | protos.google.protobuf.ITimestamp;

const VALUE_KINDS = new Set(['nullValue', 'numberValue', 'stringValue', 'boolValue', 'structValue', 'listValue']);

/**
 * Proto3 JSON of a decoded record: fields with default values (empty, false, zero, unset) are left
 * out, as the REST API does; Value and Struct become plain JSON, timestamps ISO strings and
 * durations "<seconds>s".
 */
export function toApiJson(value: unknown, key = ''): unknown {
  if (value === null || value === undefined || value === '' || value === false || value === 0) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => toApiJson(item)).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value !== 'object') return value;
  if (isValue(value)) return valueToJson(value);
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1 && entries[0]![0] === 'fields' && isPlainObject(entries[0]![1])) return structToJson(entries[0]![1] as Record<string, Value>);
  if (isSecondsAndNanos(value)) return /Time$/.test(key) ? timestampToIso(value) : `${durationSeconds(value)}s`;
  const out: Record<string, unknown> = {};
  for (const [childKey, child] of entries) {
    const converted = toApiJson(child, childKey);
    if (converted !== undefined) out[childKey] = converted;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A google.protobuf.Value as plain JSON, kept exactly (a Struct's false and "" are data). */
export function valueToJson(value: Value | null | undefined): unknown {
  switch (value?.kind) {
    case undefined:
      return undefined;
    case 'structValue':
      return structToJson(value.structValue?.fields ?? {});
    case 'listValue':
      return (value.listValue?.values ?? []).map((item) => valueToJson(item) ?? null);
    case 'stringValue':
      return value.stringValue;
    case 'numberValue':
      return value.numberValue;
    case 'boolValue':
      return value.boolValue;
    default:
      return null;
  }
}

export function durationSeconds(duration: Duration | null | undefined): number | undefined {
  if (!duration) return undefined;
  return Number(duration.seconds ?? 0) + (duration.nanos ?? 0) / 1e9;
}

function structToJson(fields: Record<string, Value>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, item]) => [name, valueToJson(item) ?? null]));
}

function isValue(value: object): value is Value {
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && VALUE_KINDS.has(kind) && kind in value;
}

function isSecondsAndNanos(value: object): value is SecondsAndNanos {
  const keys = Object.keys(value);
  return keys.length === 2 && keys.includes('seconds') && keys.includes('nanos');
}

function timestampToIso(value: SecondsAndNanos): string {
  return new Date(Number(value.seconds ?? 0) * 1000 + Math.floor(Number(value.nanos ?? 0) / 1e6)).toISOString();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

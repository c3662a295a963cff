import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Checks an answer of the fake Google APIs against Google's published model of it: the proto
 * messages of Vertex AI, Notebooks, Resource Manager, IAM and Cloud KMS in their proto3 JSON form
 * (model/google-protos.json, generated from the googleapis protos by model/vendor-protos.mjs), and the
 * schemas of the Cloud Storage JSON API discovery document (model/storage-v1.json). README.md says
 * what is checked, and how to add an API.
 */

/** What an answer is: a proto message (full name), a Cloud Storage schema (its id), or an error body in one of the two dialects. */
export type ApiModel = { proto: string } | { storage: string } | { error: 'google' | 'storage' };

export interface ModelViolation {
  /** JSON pointer into the answer. */
  at: string;
  message: string;
}

interface ProtoField {
  type: string;
  repeated?: true;
  /** Map key type; `type` is then the value type. */
  map?: string;
  /** A scalar or enum with explicit presence (proto3 `optional`, oneof member): sent even when it holds its default. */
  presence?: true;
  oneof?: string;
}

interface ProtoModel {
  source: { repository: string; commit: string; date: string };
  messages: Record<string, { fields: Record<string, ProtoField> }>;
  enums: Record<string, Record<string, number>>;
}

/** A schema of a discovery document (a JSON Schema dialect); `proto` hands a value to the proto checks. */
interface DiscoverySchema {
  id?: string;
  type?: string;
  format?: string;
  $ref?: string;
  enum?: string[];
  properties?: Record<string, DiscoverySchema>;
  additionalProperties?: DiscoverySchema;
  items?: DiscoverySchema;
  required?: string[];
  proto?: string;
}

interface StorageModel {
  source: { revision: string };
  schemas: Record<string, DiscoverySchema>;
}

const MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), 'model');
const readModel = <T>(file: string): T => JSON.parse(readFileSync(join(MODEL_DIR, file), 'utf8')) as T;

export const protoModel = readModel<ProtoModel>('google-protos.json');
export const storageModel = readModel<StorageModel>('storage-v1.json');

/** Every way the answer departs from its model; [] when it fits. */
export function checkAgainstModel(model: ApiModel, answer: unknown): ModelViolation[] {
  const out: ModelViolation[] = [];
  if ('proto' in model) {
    if (!own(protoModel.messages, model.proto)) throw new Error(`google-protos.json has no message ${model.proto}: add it to ROOTS in model/vendor-protos.mjs and run it`);
    checkProtoValue(model.proto, answer, '', out);
  } else if ('storage' in model) {
    if (!own(storageModel.schemas, model.storage)) throw new Error(`storage-v1.json has no schema ${model.storage}`);
    checkDiscovery({ $ref: model.storage }, answer, '', out);
  } else {
    checkDiscovery(model.error === 'google' ? GOOGLE_ERROR : STORAGE_ERROR, answer, '', out);
  }
  return out;
}

// --- proto3 JSON (https://protobuf.dev/programming-guides/json/), as a server writes it ---

const INTEGER_STRING = /^-?(0|[1-9][0-9]*)$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** RFC 3339 in UTC ("Z") with 0, 3, 6 or 9 fractional digits: what proto3 JSON writers emit. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3}|\.\d{6}|\.\d{9})?Z$/;
const DURATION = /^-?(0|[1-9][0-9]*)(\.\d{3}|\.\d{6}|\.\d{9})?s$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const FLOAT_NAMES = new Set(['NaN', 'Infinity', '-Infinity']);

type Check = (value: unknown) => boolean;
interface Scalar {
  what: string;
  check: Check;
  /** The value a server leaves out for a field without presence. */
  empty?: unknown;
}

const integer =
  (min: number, max: number): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const integerString =
  (min: bigint, max: bigint): Check =>
  (value) =>
    typeof value === 'string' && INTEGER_STRING.test(value) && BigInt(value) >= min && BigInt(value) <= max;
const floating: Check = (value) => (typeof value === 'number' && Number.isFinite(value)) || FLOAT_NAMES.has(value as string);
const base64: Check = (value) => typeof value === 'string' && BASE64.test(value);

const INT32: Scalar = { what: 'an int32 (a JSON number)', check: integer(-(2 ** 31), 2 ** 31 - 1), empty: 0 };
const UINT32: Scalar = { what: 'a uint32 (a JSON number)', check: integer(0, 2 ** 32 - 1), empty: 0 };
const INT64: Scalar = { what: 'an int64 (a JSON string of digits)', check: integerString(-(2n ** 63n), 2n ** 63n - 1n), empty: '0' };
const UINT64: Scalar = { what: 'a uint64 (a JSON string of digits)', check: integerString(0n, 2n ** 64n - 1n), empty: '0' };
const FLOATING: Scalar = { what: 'a JSON number (or "NaN", "Infinity", "-Infinity")', check: floating, empty: 0 };
const BYTES: Scalar = { what: 'bytes (standard base64 with padding)', check: base64, empty: '' };
const STRING: Scalar = { what: 'a string', check: (value) => typeof value === 'string', empty: '' };
const BOOL: Scalar = { what: 'a boolean', check: (value) => typeof value === 'boolean', empty: false };

const SCALARS: Record<string, Scalar> = {
  string: STRING,
  bool: BOOL,
  bytes: BYTES,
  double: FLOATING,
  float: FLOATING,
  int32: INT32,
  sint32: INT32,
  sfixed32: INT32,
  uint32: UINT32,
  fixed32: UINT32,
  int64: INT64,
  sint64: INT64,
  sfixed64: INT64,
  uint64: UINT64,
  fixed64: UINT64,
};

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
/** A key of a model's table, never one of Object.prototype's ("constructor" is a field name an answer may carry). */
const own = <T>(table: Record<string, T> | undefined, key: string): T | undefined => (table && Object.hasOwn(table, key) ? table[key] : undefined);

/** Well-known types with a JSON form of their own (Any is checked by checkAny). */
const WELL_KNOWN: Record<string, Scalar> = {
  'google.protobuf.Timestamp': { what: 'a Timestamp (an RFC 3339 string in UTC)', check: (value) => typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value)) },
  'google.protobuf.Duration': { what: 'a Duration (a string of seconds ending in "s")', check: (value) => typeof value === 'string' && DURATION.test(value) },
  'google.protobuf.FieldMask': { what: 'a FieldMask (a string)', check: (value) => typeof value === 'string' },
  'google.protobuf.Struct': { what: 'a Struct (a JSON object)', check: isObject },
  'google.protobuf.Value': { what: 'a Value (any JSON)', check: () => true },
  'google.protobuf.ListValue': { what: 'a ListValue (a JSON array)', check: Array.isArray },
  'google.protobuf.NullValue': { what: 'NullValue (null)', check: (value) => value === null },
  'google.protobuf.Empty': { what: 'Empty ({})', check: (value) => isObject(value) && Object.keys(value).length === 0 },
  'google.protobuf.DoubleValue': FLOATING,
  'google.protobuf.FloatValue': FLOATING,
  'google.protobuf.Int64Value': INT64,
  'google.protobuf.UInt64Value': UINT64,
  'google.protobuf.Int32Value': INT32,
  'google.protobuf.UInt32Value': UINT32,
  'google.protobuf.BoolValue': BOOL,
  'google.protobuf.StringValue': STRING,
  'google.protobuf.BytesValue': BYTES,
};

const MAP_KEYS: Record<string, Check> = {
  string: () => true,
  bool: (key) => key === 'true' || key === 'false',
};

function checkProtoValue(type: string, value: unknown, at: string, out: ModelViolation[]): void {
  const scalar = own(SCALARS, type) ?? own(WELL_KNOWN, type);
  if (scalar) {
    if (!scalar.check(value)) out.push({ at, message: `${JSON.stringify(value)} is not ${scalar.what}` });
    return;
  }
  const values = own(protoModel.enums, type);
  if (values) {
    const known = typeof value === 'string' ? Object.hasOwn(values, value) : Number.isInteger(value) && Object.values(values).includes(value as number);
    if (!known) out.push({ at, message: `${JSON.stringify(value)} is not a value of ${type}` });
    return;
  }
  if (type === 'google.protobuf.Any') return checkAny(value, at, out);
  const message = own(protoModel.messages, type);
  if (!message) throw new Error(`google-protos.json has no ${type}: run model/vendor-protos.mjs`);
  if (!isObject(value)) {
    out.push({ at, message: `${JSON.stringify(value)} is not a JSON object (${type})` });
    return;
  }
  const oneofs = new Map<string, string[]>();
  for (const [key, child] of Object.entries(value)) {
    const field = own(message.fields, key);
    const where = `${at}/${escapePointer(key)}`;
    if (!field) {
      const camel = key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
      out.push({ at: where, message: `is not a field of ${type}${camel !== key && own(message.fields, camel) ? ` (its JSON name is ${camel})` : ''}` });
      continue;
    }
    if (field.oneof) oneofs.set(field.oneof, [...(oneofs.get(field.oneof) ?? []), key]);
    checkProtoField(field, child, where, out);
  }
  for (const [oneof, set] of oneofs) if (set.length > 1) out.push({ at: at || '/', message: `sets ${set.join(' and ')}, members of oneof ${oneof} of ${type}: at most one is set` });
}

function checkProtoField(field: ProtoField, value: unknown, at: string, out: ModelViolation[]): void {
  if (value === null && field.type !== 'google.protobuf.Value' && field.type !== 'google.protobuf.NullValue') {
    out.push({ at, message: 'is null; the API leaves an unset field out' });
    return;
  }
  if (field.map) {
    if (!isObject(value)) return void out.push({ at, message: `${JSON.stringify(value)} is not a JSON object (a map)` });
    if (Object.keys(value).length === 0) out.push({ at, message: 'is an empty map, which the API leaves out' });
    const keyCheck = own(MAP_KEYS, field.map) ?? ((key: string) => INTEGER_STRING.test(key));
    for (const [key, item] of Object.entries(value)) {
      if (!keyCheck(key)) out.push({ at: `${at}/${escapePointer(key)}`, message: `is not a ${field.map} map key` });
      checkProtoValue(field.type, item, `${at}/${escapePointer(key)}`, out);
    }
    return;
  }
  if (field.repeated) {
    if (!Array.isArray(value)) return void out.push({ at, message: `${JSON.stringify(value)} is not a JSON array (a repeated field)` });
    if (value.length === 0) out.push({ at, message: 'is an empty list, which the API leaves out' });
    value.forEach((item, index) => checkProtoValue(field.type, item, `${at}/${index}`, out));
    return;
  }
  checkProtoValue(field.type, value, at, out);
  // Scalars and enums without presence: a server leaves them out while they hold their default.
  if (field.presence) return;
  const scalar = SCALARS[field.type];
  const enumValues = own(protoModel.enums, field.type);
  const isDefault = scalar ? value === scalar.empty : enumValues ? value === 0 || own(enumValues, String(value)) === 0 : false;
  if (isDefault) out.push({ at, message: `holds the default ${JSON.stringify(value)}, which the API leaves out (the field has no presence)` });
}

/** An Any carries its message's JSON beside "@type", or, for a well-known type with a JSON form of its own, under "value". */
function checkAny(value: unknown, at: string, out: ModelViolation[]): void {
  if (!isObject(value) || typeof value['@type'] !== 'string') return void out.push({ at, message: `${JSON.stringify(value)} is not an Any (a JSON object with "@type")` });
  const { '@type': url, ...rest } = value;
  const type = url.replace(/^type\.googleapis\.com\//, '');
  if (type === url) return void out.push({ at: `${at}/@type`, message: `${JSON.stringify(url)} is not a type.googleapis.com/ type URL` });
  if (own(WELL_KNOWN, type)) {
    const extra = Object.keys(rest).filter((key) => key !== 'value');
    for (const key of extra) out.push({ at: `${at}/${escapePointer(key)}`, message: `is not beside "value" in an Any of ${type}` });
    checkProtoValue(type, rest.value, `${at}/value`, out);
    return;
  }
  if (!own(protoModel.messages, type)) return void out.push({ at: `${at}/@type`, message: `${type} is not in google-protos.json: add it to ROOTS in model/vendor-protos.mjs` });
  checkProtoValue(type, rest, at, out);
}

// --- Cloud Storage JSON API discovery schemas, and the two error dialects ---

const DISCOVERY_FORMATS: Record<string, Scalar> = {
  int32: INT32,
  uint32: UINT32,
  int64: INT64,
  uint64: UINT64,
  byte: BYTES,
  double: FLOATING,
  float: FLOATING,
  'date-time': { what: 'an RFC 3339 date-time', check: (value) => typeof value === 'string' && RFC3339.test(value) && !Number.isNaN(Date.parse(value)) },
  date: { what: 'an RFC 3339 date', check: (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) },
};

const DISCOVERY_TYPES: Record<string, Scalar> = {
  string: STRING,
  boolean: BOOL,
  integer: INT32,
  number: FLOATING,
  any: { what: 'any JSON', check: () => true },
};

/** `name` says where an inline schema sits (Bucket.iamConfiguration), for the messages. */
function checkDiscovery(schema: DiscoverySchema, value: unknown, at: string, out: ModelViolation[], name = schema.id ?? 'the answer'): void {
  if (schema.proto) return checkProtoValue(schema.proto, value, at, out);
  if (schema.$ref) {
    const target = own(storageModel.schemas, schema.$ref);
    if (!target) throw new Error(`storage-v1.json has no schema ${schema.$ref}`);
    return checkDiscovery(target, value, at, out, schema.$ref);
  }
  if (value === null) return void out.push({ at, message: 'is null; the API leaves an unset field out' });
  if (schema.type === 'object') {
    if (!isObject(value)) return void out.push({ at, message: `${JSON.stringify(value)} is not a JSON object (${name})` });
    for (const key of schema.required ?? []) if (!(key in value)) out.push({ at: at || '/', message: `lacks ${key}, which ${name} always has` });
    for (const [key, child] of Object.entries(value)) {
      const where = `${at}/${escapePointer(key)}`;
      const property = own(schema.properties, key) ?? schema.additionalProperties;
      if (property) checkDiscovery(property, child, where, out, property.id ?? `${name}.${key}`);
      else out.push({ at: where, message: `is not a field of ${name}` });
    }
    return;
  }
  if (schema.type === 'array') {
    if (!Array.isArray(value)) return void out.push({ at, message: `${JSON.stringify(value)} is not a JSON array` });
    value.forEach((item, index) => checkDiscovery(schema.items ?? { type: 'any' }, item, `${at}/${index}`, out, schema.items?.id ?? `${name}[]`));
    return;
  }
  const scalar = own(DISCOVERY_FORMATS, schema.format ?? '') ?? own(DISCOVERY_TYPES, schema.type ?? '');
  if (!scalar) throw new Error(`no check for discovery type ${schema.type} format ${schema.format}`);
  if (!scalar.check(value)) out.push({ at, message: `${JSON.stringify(value)} is not ${scalar.what}` });
  else if (schema.enum && !schema.enum.includes(value as string)) out.push({ at, message: `${JSON.stringify(value)} is not ${schema.id ? `a name of ${schema.id}` : `one of ${schema.enum.join(', ')}`}` });
}

/** `{"error": {"code", "message", ...}}`: the envelope both error dialects share, `code` being the HTTP status. */
function errorBody(dialect: string, own: Record<string, DiscoverySchema>, required: string[]): DiscoverySchema {
  const error: DiscoverySchema = { type: 'object', id: `a ${dialect} error`, required: ['code', 'message', ...required], properties: { code: { type: 'integer', format: 'int32' }, message: { type: 'string' }, ...own } };
  return { type: 'object', id: `a ${dialect} error body`, required: ['error'], properties: { error } };
}

/** https://cloud.google.com/apis/design/errors#http_mapping: google.rpc.Status with the HTTP code and the status name. */
const GOOGLE_ERROR = errorBody(
  'Google API',
  {
    status: { type: 'string', id: 'google.rpc.Code', enum: Object.keys(protoModel.enums['google.rpc.Code'] ?? {}).filter((name) => name !== 'OK') },
    details: { type: 'array', items: { proto: 'google.protobuf.Any' } },
  },
  ['status'],
);

/** https://cloud.google.com/storage/docs/json_api/v1/status-codes: the JSON API's own error shape. */
const STORAGE_ERROR = errorBody(
  'Cloud Storage',
  {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        id: 'a Cloud Storage error item',
        required: ['domain', 'reason', 'message'],
        properties: { domain: { type: 'string' }, reason: { type: 'string' }, message: { type: 'string' }, locationType: { type: 'string' }, location: { type: 'string' } },
      },
    },
  },
  ['errors'],
);

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

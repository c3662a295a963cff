import { z } from 'zod';

/**
 * How an asset type is described: as data, one entry per type, so that the engine can check the
 * fields a rule reads, fixtures can be validated, and docs can be generated from the same source.
 */
export interface AssetTypeSpec {
  /** `provider.service.kind`. */
  type: string;
  /** What a person calls it, e.g. "SageMaker notebook instance". */
  title: string;
  /**
   * `ai` assets make up the AI inventory (AI-BOM); the others are the identities, data, keys,
   * networks and log destinations that AI assets touch.
   */
  category: 'ai' | 'identity' | 'data' | 'key' | 'network' | 'logging' | 'compute' | 'governance';
  /** CycloneDX component type used by `aispm inventory --format cyclonedx`; `service` goes to `services`. */
  bomType: 'machine-learning-model' | 'data' | 'service' | 'platform' | 'application' | 'cryptographic-asset';
  /** The normalized properties collectors fill in; every key optional (absent = not read). */
  props: z.ZodObject;
}

/**
 * Where a property's value comes from in the provider's API, and what the collector makes of the
 * field when the API leaves it out (an absent field is often a default, sometimes unknown). Both are
 * written from the provider's published model or documentation, and shown in docs/asset-types.md.
 */
export interface PropertySource {
  /** The call and field, e.g. `DescribeNotebookInstance DirectInternetAccess`. */
  from: string;
  /** What an absent field means, e.g. `absent: Enabled (the API default)`, or why there is no such case. */
  absent: string;
}

/** A property's documentation, as docs/asset-types.md shows it. */
export interface PropertyDoc {
  description?: string;
  source?: PropertySource;
}

/* Property builders. Every property is optional (absent = unknown) and nullable (null = read, not set). */

function documented<T extends z.ZodType>(schema: T, description: string, source: PropertySource | undefined): T {
  return schema.meta(source ? { description, source } : { description }) as T;
}

/** The documentation of a property schema made by the builders here. */
export function propertyDoc(schema: z.ZodType): PropertyDoc {
  const meta = z.globalRegistry.get(schema) as { description?: string; source?: PropertySource } | undefined;
  return { description: meta?.description ?? schema.description, source: meta?.source };
}

export function bool(description: string, source?: PropertySource) {
  return documented(z.boolean().nullable().optional(), description, source);
}

export function str(description: string, source?: PropertySource) {
  return documented(z.string().nullable().optional(), description, source);
}

export function num(description: string, source?: PropertySource) {
  return documented(z.number().nullable().optional(), description, source);
}

export function strList(description: string, source?: PropertySource) {
  return documented(z.array(z.string()).nullable().optional(), description, source);
}

export function record(description: string, source?: PropertySource) {
  return documented(z.record(z.string(), z.string()).nullable().optional(), description, source);
}

export function list<T extends z.ZodRawShape>(shape: T, description: string, source?: PropertySource) {
  return documented(z.array(z.object(shape).strict()).nullable().optional(), description, source);
}

export function object<T extends z.ZodRawShape>(shape: T, description: string, source?: PropertySource) {
  return documented(z.object(shape).strict().nullable().optional(), description, source);
}

/** Where `secrets` comes from, for every type: the redaction pass, not an API field. */
export const SECRETS_SOURCE: PropertySource = {
  from: 'aispm: the secret scan of every string in the API record (raw), before it is kept',
  absent: 'never absent once the record was read: an empty list when nothing was found',
};

/**
 * Provider-neutral security properties. Cross-provider rules read these, so each collector fills
 * them with the same meaning. A type lists only the ones that make sense for it.
 */
export const COMMON_PROPS = {
  internetExposed: bool('reachable from the public internet: inbound connections from anywhere can reach it (a public IP, or public network access without an IP allow-list or private link)'),
  internetEgress: bool('can open connections to the public internet (outbound), so code on it can download payloads and send data out'),
  customerManagedKey: bool('data at rest is encrypted with a customer-managed key'),
  networkIsolated: bool('runs without outbound internet access, inside a private network'),
  loggingEnabled: bool('invocation, request or diagnostic logs are delivered to a destination'),
  publicRead: bool('anyone on the internet can read the data'),
  publicWrite: bool('anyone on the internet can write the data'),
  admin: bool('the identity holds administrator or wildcard rights'),
  sensitiveData: bool('holds training data, model artifacts or other sensitive data'),
  secrets: list({ location: z.string(), kind: z.string() }, 'secrets found in the configuration (values are never kept)', SECRETS_SOURCE),
  modelId: str('the model this asset serves or uses, as the provider names it'),
  modelVersion: str('the version of that model'),
  outdated: bool('the model or platform version is retired, deprecated or legacy'),
} as const;

export type CommonProp = keyof typeof COMMON_PROPS;

/**
 * Builds a strict props schema from the common properties a type uses plus its own. Every type has
 * `secrets`: the redaction pass records what it finds in any asset's configuration. `sources` says
 * where this type's common properties come from (they are shared by meaning, not by API field).
 */
export function props<T extends z.ZodRawShape>(common: readonly CommonProp[], own: T, sources: Partial<Record<CommonProp, PropertySource>> = {}) {
  const picked: Record<string, z.ZodType> = { secrets: COMMON_PROPS.secrets };
  for (const name of common) {
    const source = sources[name];
    picked[name] = source ? documented(COMMON_PROPS[name], propertyDoc(COMMON_PROPS[name]).description ?? '', source) : COMMON_PROPS[name];
  }
  return z.object({ ...picked, ...own }).strict();
}

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
  category: 'ai' | 'identity' | 'data' | 'key' | 'network' | 'logging' | 'compute';
  /** CycloneDX component type used by `aispm inventory --format cyclonedx`; `service` goes to `services`. */
  bomType: 'machine-learning-model' | 'data' | 'service' | 'platform' | 'application' | 'cryptographic-asset';
  /** The normalized properties collectors fill in; every key optional (absent = not read). */
  props: z.ZodObject;
}

/* Property builders. Every property is optional (absent = unknown) and nullable (null = read, not set). */

export function bool(description: string) {
  return z.boolean().nullable().optional().describe(description);
}

export function str(description: string) {
  return z.string().nullable().optional().describe(description);
}

export function num(description: string) {
  return z.number().nullable().optional().describe(description);
}

export function strList(description: string) {
  return z.array(z.string()).nullable().optional().describe(description);
}

export function record(description: string) {
  return z.record(z.string(), z.string()).nullable().optional().describe(description);
}

export function list<T extends z.ZodRawShape>(shape: T, description: string) {
  return z.array(z.object(shape).strict()).nullable().optional().describe(description);
}

export function object<T extends z.ZodRawShape>(shape: T, description: string) {
  return z.object(shape).strict().nullable().optional().describe(description);
}

/**
 * Provider-neutral security properties. Cross-provider rules read these, so each collector fills
 * them with the same meaning. A type lists only the ones that make sense for it.
 */
export const COMMON_PROPS = {
  internetExposed: bool('reachable from the public internet (direct internet access, public IP, or public network access without restrictions)'),
  customerManagedKey: bool('data at rest is encrypted with a customer-managed key'),
  networkIsolated: bool('runs without outbound internet access, inside a private network'),
  loggingEnabled: bool('invocation, request or diagnostic logs are delivered to a destination'),
  publicRead: bool('anyone on the internet can read the data'),
  publicWrite: bool('anyone on the internet can write the data'),
  admin: bool('the identity holds administrator or wildcard rights'),
  sensitiveData: bool('holds training data, model artifacts or other sensitive data'),
  secrets: list({ location: z.string(), kind: z.string() }, 'secrets found in the configuration (values are never kept)'),
  modelId: str('the model this asset serves or uses, as the provider names it'),
  modelVersion: str('the version of that model'),
  outdated: bool('the model or platform version is retired, deprecated or legacy'),
} as const;

export type CommonProp = keyof typeof COMMON_PROPS;

/**
 * Builds a strict props schema from the common properties a type uses plus its own. Every type has
 * `secrets`: the redaction pass records what it finds in any asset's configuration.
 */
export function props<T extends z.ZodRawShape>(common: readonly CommonProp[], own: T) {
  const picked: Record<string, z.ZodType> = { secrets: COMMON_PROPS.secrets };
  for (const name of common) picked[name] = COMMON_PROPS[name];
  return z.object({ ...picked, ...own }).strict();
}

/**
 * Small helpers for Azure Resource Manager records: resource ids, paged listings, and reading
 * values from JSON that may lack a field or hold a value newer than this code.
 */

/** An ARM resource as the REST API returns it (`az resource show`), every field optional. */
export interface ArmRecord {
  id?: string;
  name?: string;
  kind?: string;
  location?: string;
  tags?: unknown;
  identity?: ArmIdentity;
  properties?: Record<string, unknown>;
}

/** The `identity` block of a resource; the same shape in every provider's API. */
export interface ArmIdentity {
  type?: string;
  principalId?: string;
  userAssignedIdentities?: Record<string, { principalId?: string; clientId?: string } | undefined>;
}

export interface ResourceIdParts {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

/** Subscription, resource group and name of a resource id; undefined for ids outside a resource group. */
export function parseResourceId(id: string): ResourceIdParts | undefined {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/.+\/([^/]+)$/i.exec(id);
  return match ? { subscriptionId: match[1]!, resourceGroup: match[2]!, name: match[3]! } : undefined;
}

/** Whether a role assignment at `scope` covers the resource: the scope contains it, or is a child inside it (a container of a storage account). */
export function withinScope(resourceId: string, scope: string): boolean {
  const resource = resourceId.toLowerCase();
  const within = scope.toLowerCase().replace(/\/+$/, '');
  return resource === within || resource.startsWith(`${within}/`) || within.startsWith(`${resource}/`);
}

export function subscriptionOf(id: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(id)?.[1];
}

export function lastSegment(id: string): string {
  return id.replace(/\/+$/, '').split('/').pop() ?? id;
}

/** Every item of an SDK listing; the SDK's paginator follows nextLink. */
export async function drain<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** What the `@azure/core-client` clients hand to `onResponse`. */
interface RawResponse {
  bodyAsText?: string | null;
}

/**
 * Every item of an SDK listing as the ARM JSON on the wire, not the SDK's model: drives the SDK's
 * paginator (nextLink, retries) and keeps each page's body. Used where the SDK's models are older
 * than the API version requested and would drop the newer fields.
 */
export async function drainArmJson(list: (options: { onResponse: (response: RawResponse) => void }) => AsyncIterable<unknown>): Promise<ArmRecord[]> {
  const records: ArmRecord[] = [];
  const onResponse = (response: RawResponse) => {
    const body = response.bodyAsText ? (JSON.parse(response.bodyAsText) as { value?: unknown }) : {};
    if (Array.isArray(body.value)) records.push(...(body.value.filter(isObject) as ArmRecord[]));
  };
  await drain(list({ onResponse }));
  return records;
}

/** A plain JSON copy, for `raw`: SDK models may hold Dates and undefined, which snapshots and redaction should not see. */
export function jsonRecord(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/* Readers for ARM JSON: the value when it has the expected type, else undefined. */

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function flag(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function record(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

export function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Case-insensitive comparison, as ARM treats its enum values. */
export function same(value: string | null | undefined, expected: string): boolean {
  return typeof value === 'string' && value.toLowerCase() === expected.toLowerCase();
}

/**
 * Reads an ARM enum value into a known spelling: the matching known value, null when absent, and
 * undefined for a value this code does not know (a newer API), so that it stays unknown, not false.
 */
export function knownValue<T extends string>(value: string | null | undefined, known: readonly T[]): T | null | undefined {
  if (value === undefined || value === null) return null;
  return known.find((candidate) => same(value, candidate));
}

/** Whether an ARM enum value is `wanted` (an absent value is not); undefined for a value outside `known`. */
export function enumIs<T extends string>(value: string | null | undefined, known: readonly T[], wanted: T): boolean | undefined {
  const read = knownValue(value, known);
  return read === undefined ? undefined : read === wanted;
}

/**
 * Whether a public endpoint takes traffic from anywhere: public network access on (also when the
 * field is absent, its default) and no network rule set that denies by default. A network security
 * perimeter decides for itself, so it counts as restricted. Undefined when a value is one this code
 * does not know.
 */
export function openToInternet(publicNetworkAccess: string | null | undefined, defaultAction?: string | null): boolean | undefined {
  const access = knownValue(publicNetworkAccess, ['Enabled', 'Disabled', 'SecuredByPerimeter']);
  if (access === undefined) return undefined;
  if (access === 'Disabled' || access === 'SecuredByPerimeter') return false;
  const action = knownValue(defaultAction, ['Allow', 'Deny']);
  return action === undefined ? undefined : action !== 'Deny';
}

/** Minutes in an ISO 8601 duration such as PT30M or P1DT2H; undefined when it cannot be read. */
export function durationMinutes(duration: string): number | undefined {
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(duration);
  if (!match || duration.toUpperCase() === 'P' || duration.toUpperCase() === 'PT') return undefined;
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number];
  return Math.round(days * 1440 + hours * 60 + minutes + seconds / 60);
}

/** Resource tags as strings, `{}` when the resource has none. */
export function tagsOf(tags: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record(tags))) if (typeof value === 'string') out[key] = value;
  return out;
}

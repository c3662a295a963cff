import type { EdgeType } from '../graph/edge-types.js';
import type { Asset } from '../graph/model.js';
import type { PlannedResource } from './plan.js';

/** How one Terraform resource type becomes an asset of the collectors' catalog. */
export interface ResourceMapping {
  /** The asset type, as the live collector names it. */
  assetType: string;
  /** IAM, S3 and the like: not in a region. */
  global?: boolean;
  /** The asset's id when the plan knows it (an ARN); otherwise `terraform:<address>`. */
  id?: (resource: PlannedResource) => string | undefined;
  /** The account (AWS account, Azure subscription, Google Cloud project) and region when the plan knows them; else from an ARN, the provider's region, or empty. */
  account?: (resource: PlannedResource) => string | undefined;
  region?: (resource: PlannedResource) => string | undefined;
  /** The asset's name; the resource's `name` argument, else its Terraform name. */
  name?: (resource: PlannedResource) => string | undefined;
  /** The properties, as the catalog describes them; undefined where the plan does not know. */
  props: (resource: PlannedResource, plan: PlannedInventory) => Record<string, unknown>;
  /** What it reads, for docs/asset-types.md: the arguments and what they become. */
  reads: string;
  /**
   * Arguments whose references to other planned resources become edges of this type; with `to`, only
   * references to those resource types (a nested block that names a service account and a network).
   */
  edges?: Readonly<Record<string, EdgeType | { edge: EdgeType; to: readonly string[] }>>;
}

/** What a provider's mapping may ask of the inventory being built from a plan. */
export interface PlannedInventory {
  resourcesOfType(type: string): PlannedResource[];
  assetsOfType(type: string): Asset[];
  resourceOf(assetId: string): PlannedResource | undefined;
  /** The asset id a planned resource became. */
  idOf(resource: PlannedResource): string;
  /** The planned resources of a type whose `argument` refers to the asset (or names it by its name or id). */
  attachedTo(assetId: string, type: string, argument: string): PlannedResource[];
  /** The addresses (in the resource's module) that an argument of the resource refers to. */
  referenced(resource: PlannedResource, argument: string): string[];
  /** Whether a key argument names a customer managed key: a key of the plan; null when no key; unknown otherwise. */
  customerManagedKey(resource: PlannedResource, argument: string): boolean | undefined;
  patchProps(assetId: string, props: Record<string, unknown>): void;
  edge(from: string, type: EdgeType, to: string): void;
  markEdgesUnread(assetId: string, edge: EdgeType, direction?: 'out' | 'in'): void;
}

/** A value the plan knows and that is a non-empty string. */
export function knownString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `Enabled`/`Disabled`-style arguments as a boolean; anything else, or unknown, is undefined. */
export function enabledFlag(value: unknown, on: string, off: string): boolean | undefined {
  return value === on ? true : value === off ? false : undefined;
}

/**
 * A nested block of at most one (Terraform lists those as an array): its attributes; null when the plan
 * has none configured (an empty list); undefined when unknown.
 */
export function blockOf(value: unknown): Record<string, unknown> | null | undefined {
  if (!Array.isArray(value)) return value === null ? null : undefined;
  const first = value[0];
  if (first === undefined) return null;
  return first !== null && typeof first === 'object' ? (first as Record<string, unknown>) : undefined;
}

/**
 * The known-after-apply marks under a key or index of a resource's marks (`after_unknown` mirrors the
 * values: `true` at an unknown value, objects and arrays of marks inside blocks).
 */
export function marksAt(marks: unknown, key: string | number): unknown {
  return marks !== null && typeof marks === 'object' ? (marks as Record<string | number, unknown>)[key] : undefined;
}

/** The items of a repeated nested block, each with its known-after-apply marks. */
export function blockItems(value: unknown, marks: unknown): Array<{ item: Record<string, unknown>; marks: unknown }> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => (item !== null && typeof item === 'object' ? [{ item: item as Record<string, unknown>, marks: marksAt(marks, index) }] : []));
}

/** A string argument: its value, null when not set, undefined when known only after apply. */
export function stringOrNull(value: unknown): string | null | undefined {
  return value === null ? null : knownString(value);
}

/** A boolean argument the provider leaves null when not set: the API's default then; undefined when unknown. */
export function booleanOr(value: unknown, absent: boolean): boolean | undefined {
  return typeof value === 'boolean' ? value : value === null ? absent : undefined;
}

import type { AssetTypeSpec } from './spec.js';
import { AWS_ASSET_TYPES } from './aws.js';
import { AZURE_ASSET_TYPES } from './azure.js';
import { GCP_ASSET_TYPES } from './gcp.js';

export type { AssetTypeSpec } from './spec.js';
export { COMMON_PROPS } from './spec.js';

/** Every asset type aispm knows, by name. */
export const ASSET_TYPES: ReadonlyMap<string, AssetTypeSpec> = new Map(
  [...AWS_ASSET_TYPES, ...AZURE_ASSET_TYPES, ...GCP_ASSET_TYPES].map((spec) => [spec.type, spec as AssetTypeSpec]),
);

export const ASSET_TYPE_NAMES: readonly string[] = [...ASSET_TYPES.keys()].sort();

export function assetTypeSpec(type: string): AssetTypeSpec | undefined {
  return ASSET_TYPES.get(type);
}

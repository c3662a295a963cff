import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ASSET_TYPES } from '../../src/graph/catalog/index.js';
import { propertyDoc } from '../../src/graph/catalog/spec.js';

/**
 * The catalog as documentation of the real APIs: every property of every type names the API call and
 * field it comes from and what aispm makes of the field when the API leaves it out (docs/asset-types.md).
 */
describe('asset catalog', () => {
  it('every property of every type names its source and what an absent field means', () => {
    const properties = [...ASSET_TYPES.values()].flatMap((spec) => Object.entries(spec.props.shape as Record<string, z.ZodType>).map(([name, schema]) => ({ name: `${spec.type} props.${name}`, source: propertyDoc(schema).source })));
    expect(properties.length).toBeGreaterThan(400);
    const undocumented = properties.filter(({ source }) => !source || source.from.trim().length < 6 || source.absent.trim().length < 4).map(({ name }) => name);
    expect(undocumented).toEqual([]);
  });
});

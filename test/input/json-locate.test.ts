import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/input/document.js';
import { JsonLocator, type JsonPath } from '../../src/input/json-locate.js';

/** Every path to a value in a JSON document, parents first. */
function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const paths: JsonPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

describe('JsonLocator: lines of fields in JSON text without a second parse', () => {
  it('finds the line the YAML parser finds, for every field of any JSON document, compact or indented', () => {
    const keys = fc.oneof(fc.constantFrom('a', 'b', 'name', 'props', 'with "quote"', 'back\\slash', 'ünï', '\n'), fc.string({ maxLength: 6 }));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(keys, tie('value'), { maxKeys: 4 }),
    })).value;
    fc.assert(
      fc.property(json, fc.constantFrom(undefined, 1, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const locator = new JsonLocator(text);
        const reference = parseYaml('x.json', text);
        // Lookups in a shuffled order too: what one lookup remembers must not mislead the next.
        const paths = pathsOf(value);
        for (const path of [...paths, ...[...paths].reverse()]) expect([path, locator.lineOf(path)]).toEqual([path, reference.lineOf(path)]);
      }),
      { numRuns: 300 },
    );
  });

  it('stops at the closest existing parent for a path that is not there', () => {
    const text = '{\n "assets": [\n  {"id": "a"},\n  {"id": "b",\n   "props": {}}\n ]\n}';
    const locator = new JsonLocator(text);
    expect(locator.lineOf(['assets', 1, 'props', 'missing'])).toBe(5);
    expect(locator.lineOf(['assets', 7])).toBe(2);
    expect(locator.lineOf(['nothing'])).toBe(1);
  });

  it('costs one pass over a large document for many lookups', () => {
    const assets = Array.from({ length: 200_000 }, (_, index) => ({ id: `asset-${index}`, props: { value: index, note: 'a "quoted" \\ text' } }));
    const text = JSON.stringify({ assets }, null, 1);
    const locator = new JsonLocator(text);
    const started = performance.now();
    for (let index = 0; index < 200_000; index += 4000) expect(locator.lineOf(['assets', index, 'props', 'value'])).toBe(4 + index * 7 + 2);
    // A fresh scan per lookup would take 50 passes over 20 MB; one pass takes some 100 ms.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

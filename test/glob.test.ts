import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatcher } from '../src/glob.js';

/** The glob dialect (`*` only) against a reference: the same answers, and no backtracking blow-up. */

function reference(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
}

describe('globMatcher', () => {
  it('agrees with the regular-expression reading of the same pattern', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '-', '/', ':'), maxLength: 12 });
    const pattern = fc.string({ unit: fc.constantFrom('a', 'b', '-', '*'), maxLength: 8 });
    fc.assert(
      fc.property(pattern, text, (glob, value) => {
        expect(globMatcher(glob)(value)).toBe(reference(glob).test(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('answers hostile patterns on long names at once (each piece is looked for once, left to right)', () => {
    // Backtracking regular expressions take minutes on these; the test's own timeout bounds them here.
    const longName = `${'a'.repeat(100_000)}c`;
    expect(globMatcher(`${'*a'.repeat(20)}*b`)(longName)).toBe(false);
    expect(globMatcher('*-a-*-a-*-a-*-b-*')(`${'-a-'.repeat(50_000)}x`)).toBe(false);
    expect(globMatcher(`${'*a'.repeat(20)}*c`)(longName)).toBe(true);
  }, 2000);
});

import { describe, expect, it } from 'vitest';
import { indentedJson } from '../../src/report/json-text.js';
import { displayWidth, renderTable, wrapCell } from '../../src/report/text-table.js';

describe('streamed JSON', () => {
  it('an item indented as deep as it sits gives the bytes of the whole document', () => {
    const items = [{ a: 1, b: [1, 2, { c: 'x' }], d: {} }, { e: null, f: [] }];
    const whole = JSON.stringify({ head: { x: 1 }, items }, null, 2);
    const streamed = `{\n  "head": {\n    "x": 1\n  },\n  "items": [\n    ${items.map((item) => indentedJson(item, 2)).join(',\n    ')}\n  ]\n}`;
    expect(streamed).toBe(whole);
    expect(indentedJson('plain', 4)).toBe('"plain"');
  });
});

describe('text tables', () => {
  it('wraps between words, splits words longer than the column, keeps explicit line breaks', () => {
    expect(wrapCell('alpha beta gamma', 10)).toEqual(['alpha beta', 'gamma']);
    expect(wrapCell('averyveryverylongword x', 8)).toEqual(['averyver', 'yverylon', 'gword x']);
    expect(wrapCell('one\ntwo three', 20)).toEqual(['one', 'two three']);
  });

  it('counts wide characters as two cells and colour codes as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('\u001b[31mred\u001b[39m')).toBe(3);
  });

  it('keeps the colour of a wrapped paragraph on every line', () => {
    expect(wrapCell('\u001b[2mdim text here\u001b[22m', 8)).toEqual(['\u001b[2mdim text\u001b[0m', '\u001b[2mhere\u001b[0m']);
  });

  it('draws every row at the same width', () => {
    const text = renderTable({ head: ['A', 'B'], widths: [3, 6] }, [['1', 'long words here'], ['22', '日本語']]);
    const widths = new Set(text.split('\n').map(displayWidth));
    expect(widths).toEqual(new Set([16]));
  });
});

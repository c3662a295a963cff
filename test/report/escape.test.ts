import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeText } from '../../src/report/escape.js';

describe('escaping strings from the cloud', () => {
  it('makes ANSI escapes, control characters and bidi overrides visible in text', () => {
    expect(escapeText('evil\u001b[31mred\u001b[0m')).toBe('evil\\x1b[31mred\\x1b[0m');
    expect(escapeText('line1\nline2\r\t')).toBe('line1\\nline2\\r\\t');
    expect(escapeText('abc\u202Eexe.txt')).toBe('abc\\u{202e}exe.txt');
    expect(escapeText('zero\u200Bwidth\u0007bell\u009bcsi')).toBe('zero\\u{200b}width\\x07bell\\x9bcsi');
    expect(escapeText('ordinary name-01_ü')).toBe('ordinary name-01_ü');
  });

  it('keeps markdown text inert: no tables broken, links, HTML or mentions', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(escapeMarkdown('[click](https://evil.example)')).toBe('\\[click\\]\\(https://evil.example\\)');
    expect(escapeMarkdown('@org/security-team')).toBe('&#64;org/security-team');
    expect(escapeMarkdown('**bold** `code`')).toBe('\\*\\*bold\\*\\* \\`code\\`');
  });
});

import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownBlock, escapeText } from '../../src/report/escape.js';
import { LIVE_MARKDOWN, markdownLiveText } from '../helpers.js';

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
    expect(escapeMarkdown('[click](evil.example)')).toBe('\\[click\\]\\(evil.example\\)');
    expect(escapeMarkdown('@org/security-team')).toBe('`@org/security-team`');
    expect(escapeMarkdown('**bold** `code`')).toBe('\\*\\*bold\\*\\* \\`code\\`');
  });

  it('neutralizes GFM autolinks, @mentions and issue references by putting the word in a code span, as written', () => {
    const cases: Array<[string, string]> = [
      ['see https://phish.example/login now', 'see `https://phish.example/login` now'],
      ['HTTP://PHISH.example and ftp://files.example', '`HTTP://PHISH.example` and `ftp://files.example`'],
      ['visit www.phish.example.', 'visit `www.phish.example`.'],
      ['(WWW.Phish.example)', '\\(`WWW.Phish.example`\\)'],
      ['[click](https://evil.example)', '\\[`click](https://evil.example`\\)'],
      ['"www."', '`"www."`'],
      ['mail admin@phish.example', 'mail `admin@phish.example`'],
      ['mailto:admin@phish.example', '`mailto:admin@phish.example`'],
      ['cc @admins and @org/security-team', 'cc `@admins` and `@org/security-team`'],
      ['closes #1, GH-2 and org/repo#3', 'closes `#1`, `GH-2` and `org/repo#3`'],
      ['a`b@c.example', '``a`b@c.example``'],
      ['`@x`', '`` `@x` ``'],
      ['(service account: sa@p.iam.gserviceaccount.com)', '\\(service account: `sa@p.iam.gserviceaccount.com`\\)'],
      ['@a|www.b.example', '`@a`\\|`www.b.example`'],
      ['nb\u001b[2J@x', '`nb\\x1b[2J@x`'],
      ['high-1 #tag plain.name', 'high-1 \\#tag plain.name'],
    ];
    for (const [value, expected] of cases) {
      const markdown = escapeMarkdown(value);
      expect(markdown, value).toBe(expected);
      expect(markdownLiveText(markdown), value).not.toMatch(LIVE_MARKDOWN);
    }
  });

  it('stays linear on long words (a generous bound that only a quadratic blow-up would break)', () => {
    const started = Date.now();
    const markdown = escapeMarkdown(`${'('.repeat(200_000)}a@b${'.'.repeat(200_000)} ${'`'.repeat(100_000)}@ ${'x.'.repeat(100_000)}`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(markdownLiveText(markdown)).not.toMatch(LIVE_MARKDOWN);
  });

  it('keeps the shape of multi-line text: paragraphs, list items, and indented lines as fenced code copied as written', () => {
    expect(escapeMarkdownBlock('Run this <now>:\n\tcmd --bucket <x> `a`\n\n  second block\n\n1. step for @bob\n===\n- item\n  more of it\n    code ```\n')).toBe(
      'Run this &lt;now&gt;:\n```\ncmd --bucket <x> `a`\n```\n\n```\nsecond block\n```\n\n1. step for `@bob`\n\\===\n- item\n  more of it\n  ````\n  code ```\n  ````',
    );
  });
});

/**
 * Strings from the cloud (names, tags, descriptions, prompts) are written by strangers. Before they
 * reach a terminal, a markdown page or a code-scanning UI, control characters, ANSI escapes and
 * bidirectional overrides are made visible instead of being interpreted.
 */

// C0 controls (but not handled separately below), DEL, C1 controls, bidi marks and overrides,
// zero-width characters, line and paragraph separators.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function visible(char: string): string {
  switch (char) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default: {
      const code = char.codePointAt(0)!;
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
    }
  }
}

/** For terminals and any plain-text output: no character can move the cursor, recolour or reorder text. */
export function escapeText(value: string): string {
  return value.replace(UNSAFE, visible);
}

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+!|~&@$]/g;
const MARKDOWN_ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '@': '&#64;', '|': '\\|' };

/** For markdown (GitHub job summaries): text stays text — no links, HTML, mentions or table breaks. */
export function escapeMarkdown(value: string): string {
  return escapeText(value).replace(MARKDOWN_SPECIAL, (char) => MARKDOWN_ENTITY[char] ?? `\\${char}`);
}

/**
 * For SARIF message text: control characters made visible, and brackets escaped, because viewers
 * render `[text](url)` in SARIF messages as a link (SARIF 2.1.0 §3.11.6).
 */
export function escapeSarifText(value: string): string {
  return escapeText(value).replace(/[[\]]/g, (char) => `\\${char}`);
}

/** Shortens long strings for narrow places, keeping the end (resource names often differ at the end). */
export function truncateMiddle(value: string, max: number): string {
  if (value.length <= max) return value;
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  return `${value.slice(0, head)}…${value.slice(value.length - (keep - head))}`;
}

/** Like escapeText, but keeps line breaks (for multi-line text such as a rule's description). */
export function escapeLines(value: string): string {
  return value
    .split('\n')
    .map((line) => escapeText(line.replace(/\r$/, '')))
    .join('\n');
}

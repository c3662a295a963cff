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

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+!|~&$]/g;
const MARKDOWN_ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '|': '\\|' };

/**
 * Words GitHub turns into links or notifications: URLs (any `scheme://`), `www.` names, e-mail
 * addresses and @mentions (`@`), issue references (`#1`, `GH-1`, `owner/repo#1`). Escapes do not stop
 * them: GFM finds e-mail autolinks in text nodes, after `\@` or `&#64;` has become `@` (GFM spec 0.29,
 * "Autolinks (extension)"), and GitHub finds mentions and references in the rendered HTML text.
 * Both skip code, so such a word goes in a code span: inert, and copied exactly as written.
 */
const LIVE_WORD = /:\/\/|www\.|@|#\d|\bgh-\d/i;

/** A word (no spaces, no `|`) as a code span, with a fence longer than any run of backticks in it. */
function codeSpan(word: string): string {
  let longest = 0;
  for (const run of word.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  // A span that starts or ends with a backtick needs a space inside the fence (CommonMark strips one each side).
  const pad = word.startsWith('`') || word.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${word}${pad}${fence}`;
}

const OPENING = '([{"\'<';
const CLOSING = ')]}"\'.,;:!?>';

/** A live word in a code span; brackets and punctuation around it stay outside, as text (linear in the word's length). */
function inertWord(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && OPENING.includes(word[start]!)) start++;
  while (end > start && CLOSING.includes(word[end - 1]!)) end--;
  const core = word.slice(start, end);
  if (!LIVE_WORD.test(core)) return codeSpan(word);
  return `${escapeMarkdownSyntax(word.slice(0, start))}${codeSpan(core)}${escapeMarkdownSyntax(word.slice(end))}`;
}

function escapeMarkdownSyntax(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (char) => MARKDOWN_ENTITY[char] ?? `\\${char}`);
}

/**
 * For markdown (GitHub job summaries, pull-request comments, SARIF help): text stays text — no links,
 * HTML, mentions, references or table breaks. Words that GitHub would link go in code spans; in the
 * rest, markdown syntax is backslash-escaped and HTML's `<`, `>`, `&` become entities. `|` is always
 * escaped and never inside a code span, so table cells hold.
 */
export function escapeMarkdown(value: string): string {
  return escapeText(value).replace(/[^ |]+|\|/g, (word) => (LIVE_WORD.test(word) ? inertWord(word) : escapeMarkdownSyntax(word)));
}

const LIST_ITEM = /^(?:[-]|\d{1,9}\.) +/;

/**
 * Multi-line text (a rule's remediation) as markdown that keeps its shape: paragraphs and `-` or `1.`
 * list items stay, every line escaped as escapeMarkdown does; indented lines (commands, code) become
 * fenced code blocks, shown and copied exactly as written, with a fence no line can close.
 */
export function escapeMarkdownBlock(text: string): string {
  const out: string[] = [];
  // The content column of the list item whose lines are being read; lines indented up to it continue the item.
  let itemIndent: number | undefined;
  let code: { prefix: string; lines: string[] } | undefined;
  const flush = () => {
    if (!code) return;
    const dedent = code.lines.reduce((least, line) => Math.min(least, indentOf(line)), Infinity);
    let longest = 0;
    for (const line of code.lines) for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
    const fence = `${code.prefix}${'`'.repeat(Math.max(3, longest + 1))}`;
    out.push(fence, ...code.lines.map((line) => `${code!.prefix}${line.slice(dedent)}`), fence);
    code = undefined;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = escapeText(raw.replace(/[ \t\r]+$/, '').replace(/^\t+/, (tabs) => '    '.repeat(tabs.length)));
    const indent = indentOf(line);
    if (line === '') {
      flush();
      itemIndent = undefined;
      out.push('');
    } else if (indent === 0 || (!code && itemIndent !== undefined && indent <= itemIndent)) {
      flush();
      if (indent === 0) itemIndent = LIST_ITEM.exec(line)?.[0].length;
      // A line of only - or = would underline the line above into a heading.
      out.push(/^[-=][-= ]*$/.test(line) ? `\\${escapeMarkdown(line)}` : escapeMarkdown(line));
    } else {
      (code ??= { prefix: ' '.repeat(itemIndent ?? 0), lines: [] }).lines.push(line);
    }
  }
  flush();
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
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

const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * For HTML text and attribute values: control characters and bidi overrides made visible, then the
 * five characters that could end a text node or a quoted attribute become entities.
 */
export function escapeHtml(value: string): string {
  return escapeText(value).replace(/[&<>"']/g, (char) => HTML_ENTITY[char]!);
}

/**
 * A value as the text of a `<script type="application/json">` block: `<`, `>` and `&` as JSON
 * escapes, so no string can write `</script>` or `<!--` and leave the block (HTML ends a script
 * element's raw text at the first `</script`), and U+2028/U+2029 escaped as older JavaScript parsers
 * take them for line ends. JSON.parse reads the escapes back as the same characters.
 */
export function jsonForHtmlScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

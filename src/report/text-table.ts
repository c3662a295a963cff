/**
 * Box-drawn tables for the terminal, with fixed column widths and word wrapping.
 *
 * aispm used cli-table3 at first; it spent 3–6 ms per row measuring strings (its string-width
 * dependency rebuilds a very large emoji regex on every call), which made a 100-row table take half
 * a second. This renderer does the same layout in linear time. Cells are expected to be escaped
 * already (no control characters); ANSI colour codes are allowed and take no width.
 */

export interface TableOptions {
  head: string[];
  /** Width of each column's content, in terminal cells (borders and padding come on top). */
  widths: number[];
}

const ANSI = /\u001b\[[0-9;]*m/g;
// East Asian wide and fullwidth characters, and emoji, take two terminal cells.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** Terminal cells a string takes. */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  let width = 0;
  for (const char of plain) width += char.charCodeAt(0) < 0x1100 ? 1 : WIDE.test(char) ? 2 : 1;
  return width;
}

export function renderTable(options: TableOptions, rows: readonly string[][]): string {
  const { widths } = options;
  const line = (left: string, middle: string, right: string) => `${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}`;
  const out = [line('┌', '┬', '┐'), ...renderRow(options.head, widths), line('├', '┼', '┤')];
  rows.forEach((row, index) => {
    if (index > 0) out.push(line('├', '┼', '┤'));
    out.push(...renderRow(row, widths));
  });
  out.push(line('└', '┴', '┘'));
  return out.join('\n');
}

function renderRow(cells: readonly string[], widths: readonly number[]): string[] {
  const wrapped = widths.map((width, column) => wrapCell(cells[column] ?? '', width));
  const height = Math.max(...wrapped.map((lines) => lines.length));
  const lines: string[] = [];
  for (let index = 0; index < height; index++) {
    lines.push(`│${wrapped.map((cellLines, column) => ` ${pad(cellLines[index] ?? '', widths[column]!)} `).join('│')}│`);
  }
  return lines;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Splits a cell into lines of at most `width` cells: on its own line breaks, then between words, then
 * inside long words. Linear in the text's length: each character is measured once (a 200 KB name
 * from the cloud must not take seconds).
 */
export function wrapCell(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    // Colour codes wrap a whole paragraph here (a dim rule id, a coloured severity): keep them on every line.
    const style = /^(\u001b\[[0-9;]*m)+/.exec(paragraph)?.[0] ?? '';
    const reset = style ? '\u001b[0m' : '';
    const plain = style ? paragraph.replace(ANSI, '') : paragraph;
    const first = lines.length;
    let current = '';
    let currentWidth = 0;
    for (const word of plain.split(' ')) {
      let rest = word;
      let restWidth = displayWidth(word);
      if (restWidth > width) {
        if (current) {
          lines.push(current);
          current = '';
          currentWidth = 0;
        }
        // Cut the long word into pieces that fill a line; the last piece goes on like a word.
        let piece = '';
        let pieceWidth = 0;
        for (const char of word) {
          const charWidth = displayWidth(char);
          if (pieceWidth + charWidth > width) {
            lines.push(piece);
            piece = '';
            pieceWidth = 0;
          }
          piece += char;
          pieceWidth += charWidth;
        }
        rest = piece;
        restWidth = pieceWidth;
      }
      if (!current) {
        current = rest;
        currentWidth = restWidth;
      } else if (currentWidth + 1 + restWidth <= width) {
        current += ` ${rest}`;
        currentWidth += 1 + restWidth;
      } else {
        lines.push(current);
        current = rest;
        currentWidth = restWidth;
      }
    }
    lines.push(current);
    if (style) for (let index = first; index < lines.length; index++) lines[index] = `${style}${lines[index]}${reset}`;
  }
  return lines;
}

/**
 * Finding the line of a field in JSON text without parsing it a second time. JSON.parse keeps no
 * positions, and parsing a large snapshot again with positions (as the YAML parser does) takes
 * minutes and gigabytes. This scanner only skips over values to reach the field asked for, builds
 * nothing, and remembers what it passed: the keys of each object it scanned and the start of each
 * array element up to the furthest one asked for, so that many lookups cost about one pass in all.
 */

export type JsonPath = ReadonlyArray<string | number>;

interface ArrayIndex {
  /** Offsets of the elements found so far. */
  starts: number[];
  /** Where to resume looking for the next element; -1 once the closing bracket was reached. */
  resume: number;
}

export class JsonLocator {
  private readonly objects = new Map<number, Map<string, { key: number; value: number }>>();
  private readonly arrays = new Map<number, ArrayIndex>();
  /** Line starts found so far, sorted by offset. */
  private readonly lines: Array<{ offset: number; line: number }> = [{ offset: 0, line: 1 }];

  constructor(private readonly text: string) {}

  /** 1-based line of the field at `path` (of its key, for an object member), or of its closest existing parent. */
  lineOf(path: JsonPath): number | undefined {
    const offset = this.offsetOf(path);
    return offset === undefined ? undefined : this.lineAt(offset);
  }

  /** Offset of the field at `path` (its key, for an object member), or of its closest existing parent. */
  offsetOf(path: JsonPath): number | undefined {
    let value = this.skipSpace(0);
    if (value >= this.text.length) return undefined;
    let found = value;
    for (const part of path) {
      const char = this.text.charCodeAt(value);
      if (char === OPEN_BRACE) {
        const member = this.members(value).get(String(part));
        if (!member) break;
        found = member.key;
        value = member.value;
      } else if (char === OPEN_BRACKET && typeof part === 'number') {
        const element = this.element(value, part);
        if (element === undefined) break;
        found = element;
        value = element;
      } else {
        break;
      }
    }
    return found;
  }

  /** 1-based line of an offset; counts newlines onward from the nearest offset answered before. */
  lineAt(offset: number): number {
    const known = this.lines;
    let low = 0;
    let high = known.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (known[middle]!.offset <= offset) low = middle;
      else high = middle - 1;
    }
    let { offset: from, line } = known[low]!;
    for (let next = this.text.indexOf('\n', from); next !== -1 && next < offset; next = this.text.indexOf('\n', next + 1)) {
      line++;
      from = next + 1;
    }
    known.splice(low + 1, 0, { offset: from, line });
    return line;
  }

  private members(start: number): Map<string, { key: number; value: number }> {
    let members = this.objects.get(start);
    if (members) return members;
    members = new Map();
    let index = this.skipSpace(start + 1);
    while (index < this.text.length && this.text.charCodeAt(index) === QUOTE) {
      const keyStart = index;
      const keyEnd = this.skipString(index);
      index = this.skipSpace(keyEnd);
      if (this.text.charCodeAt(index) !== COLON) break;
      const value = this.skipSpace(index + 1);
      // As JSON.parse does, the last of duplicate keys wins.
      members.set(this.decodeKey(keyStart, keyEnd), { key: keyStart, value });
      index = this.skipSpace(this.skipValue(value));
      if (this.text.charCodeAt(index) !== COMMA) break;
      index = this.skipSpace(index + 1);
    }
    this.objects.set(start, members);
    return members;
  }

  private element(start: number, wanted: number): number | undefined {
    let array = this.arrays.get(start);
    if (!array) {
      array = { starts: [], resume: this.skipSpace(start + 1) };
      if (this.text.charCodeAt(array.resume) === CLOSE_BRACKET) array.resume = -1;
      this.arrays.set(start, array);
    }
    while (array.starts.length <= wanted && array.resume !== -1) {
      const value = array.resume;
      array.starts.push(value);
      const after = this.skipSpace(this.skipValue(value));
      array.resume = this.text.charCodeAt(after) === COMMA ? this.skipSpace(after + 1) : -1;
    }
    return array.starts[wanted];
  }

  /** The end (exclusive) of the value starting at `index`. */
  private skipValue(index: number): number {
    const text = this.text;
    const first = text.charCodeAt(index);
    if (first === QUOTE) return this.skipString(index);
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
      while (index < text.length && !isDelimiter(text.charCodeAt(index))) index++;
      return index;
    }
    // A container: count brackets, skipping strings, without recursion.
    let depth = 0;
    while (index < text.length) {
      const char = text.charCodeAt(index);
      if (char === QUOTE) {
        index = this.skipString(index);
        continue;
      }
      if (char === OPEN_BRACE || char === OPEN_BRACKET) depth++;
      else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return index + 1;
      }
      index++;
    }
    return index;
  }

  /** The end (exclusive) of the string whose opening quote is at `index`. */
  private skipString(index: number): number {
    let close = this.text.indexOf('"', index + 1);
    while (close !== -1 && this.isEscaped(close)) close = this.text.indexOf('"', close + 1);
    return close === -1 ? this.text.length : close + 1;
  }

  private isEscaped(quote: number): boolean {
    let backslashes = 0;
    for (let index = quote - 1; index >= 0 && this.text.charCodeAt(index) === BACKSLASH; index--) backslashes++;
    return backslashes % 2 === 1;
  }

  private decodeKey(start: number, end: number): string {
    const raw = this.text.slice(start, end);
    if (!raw.includes('\\')) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  }

  private skipSpace(index: number): number {
    while (index < this.text.length && isSpace(this.text.charCodeAt(index))) index++;
    return index;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isSpace(char: number): boolean {
  return char === 0x20 || char === 0x0a || char === 0x0d || char === 0x09;
}

function isDelimiter(char: number): boolean {
  return char === COMMA || char === CLOSE_BRACE || char === CLOSE_BRACKET || isSpace(char);
}

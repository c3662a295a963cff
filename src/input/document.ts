import { readFileSync, statSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { describeFsError, InputError, suggestion, type Problem } from '../errors.js';
import { JsonLocator } from './json-locate.js';
import { knownKeysAt } from './schema-walk.js';

/**
 * Reading documents that users hand us (rules, rule tests, ignore files, snapshots, baselines, config).
 * Every problem is reported as `file:line: field: message (hint)`, never as a stack trace.
 */

export type FieldPath = ReadonlyArray<string | number>;

/** A parsed document and a way to find the line of any field in it. */
export interface SourceDocument {
  file: string;
  data: unknown;
  /** 1-based line of the field at `path`, or of its closest existing parent. */
  lineOf(path: FieldPath): number | undefined;
}

export interface ReadOptions {
  /** Refuse files larger than this (a guard against memory exhaustion). */
  maxBytes: number;
  /** What the document is, for messages: "rule file", "snapshot", ... */
  kind: string;
}

/**
 * The largest document aispm reads. V8 holds no string longer than 2^29 - 24 characters (just under
 * 512 MiB) on 64-bit platforms, so a larger file cannot be read into memory at all; this is a round
 * figure below that.
 */
export const MAX_INPUT_BYTES = 500 * 1024 * 1024;

/**
 * Memory that reading a document takes, per byte of it: the text, the parsed objects and what the
 * scan builds from them. Measured on a 166 MB snapshot of 300,000 assets, which scans with a
 * 512 MiB heap; 4 leaves a margin. A file that would exhaust the heap is refused before it is read,
 * rather than crash the process.
 */
const HEAP_PER_INPUT_BYTE = 4;

/** Reads a file from disk, refusing missing, unreadable and oversized files with a clear message. */
export function readTextFile(file: string, options: ReadOptions): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new InputError({ file, message: `${options.kind} is not a file` });
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({ file, message: `cannot read ${options.kind}: ${describeFsError(error)}`, hint: 'check the path' });
  }
  if (size > options.maxBytes) {
    throw new InputError({
      file,
      message: `${options.kind} is ${formatBytes(size)}, more than the ${formatBytes(options.maxBytes)} aispm accepts`,
    });
  }
  const heapLimit = getHeapStatistics().heap_size_limit;
  if (size * HEAP_PER_INPUT_BYTE > heapLimit) {
    throw new InputError({
      file,
      message: `${options.kind} is ${formatBytes(size)}; reading it takes about ${formatBytes(size * HEAP_PER_INPUT_BYTE)} of memory, more than the ${formatBytes(heapLimit)} this Node.js process may use`,
      hint: `give Node.js more: NODE_OPTIONS=--max-old-space-size=${Math.ceil((size * HEAP_PER_INPUT_BYTE) / 1024 / 1024 / 256) * 256}`,
    });
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError({ file, message: `cannot read ${options.kind}: ${describeFsError(error)}` });
  }
}

/** Parses YAML (JSON is YAML too) keeping positions; a syntax error becomes an InputError with its line. */
export function parseYaml(file: string, text: string): SourceDocument {
  if (flowNestingExceeds(text, MAX_DEPTH)) throw new InputError({ file, message: `invalid YAML: nested more than ${MAX_DEPTH} levels deep` });
  const lineCounter = new LineCounter();
  let document: Document;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    // The parser recurses; absurd nesting overflows the stack before a depth check could run.
    throw new InputError({ file, message: `invalid YAML: ${error instanceof RangeError ? `nested more than ${MAX_DEPTH} levels deep` : String(error)}` });
  }
  if (document.errors.length > 0) {
    throw new InputError(
      document.errors.map((error) => ({
        file,
        line: error.linePos?.[0]?.line,
        message: `invalid YAML: ${firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    );
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new InputError({ file, message: `invalid YAML: ${error instanceof RangeError ? `nested more than ${MAX_DEPTH} levels deep` : error instanceof Error ? error.message : String(error)}` });
  }
  const source: SourceDocument = { file, data, lineOf: (path) => lineOfPath(document, lineCounter, path) };
  checkStructure(source);
  return source;
}

/**
 * Parses JSON with the fast native parser. Line lookups scan the text for the field asked for
 * (json-locate.ts) rather than parse it again, which only happens when there is a problem to report.
 */
export function parseJson(file: string, text: string): SourceDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const locator = new JsonLocator(text);
    // A truncated document ends early: point at its last line.
    const line = position ? locator.lineAt(Number(position[1])) : /end of JSON/i.test(message) ? locator.lineAt(text.trimEnd().length) : undefined;
    throw new InputError({ file, line, message: `invalid JSON: ${message}` });
  }
  return jsonDocument(file, text, data);
}

function jsonDocument(file: string, text: string, data: unknown): SourceDocument {
  const locator = new JsonLocator(text);
  const source: SourceDocument = { file, data, lineOf: (path) => locator.lineOf(path) };
  checkStructure(source);
  return source;
}

/**
 * JSON text in a YAML file, parsed as JSON: JSON.parse is some hundred times faster and lighter than
 * the YAML parser. Undefined when the text is not JSON (YAML flow syntax such as `{a: 1}` is not).
 */
function parseJsonInYaml(file: string, text: string): SourceDocument | undefined {
  if (!/^[\s\uFEFF]*[{[]/.test(text.slice(0, 4096))) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  return jsonDocument(file, text, data);
}

/** Deeper documents are refused: nothing aispm reads needs more, and recursion must stay bounded. */
export const MAX_DEPTH = 100;

/**
 * Whether `[`/`{` flow collections nest deeper than `max` (outside quoted strings and comments).
 * The YAML parser recurses on them, and at the stack limit V8 can abort the whole process instead of
 * throwing, so such text is refused before it reaches the parser.
 */
function flowNestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === '\\' && quote === '"') index++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else if (char === '[' || char === '{') {
      if (++depth > max) return true;
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return false;
}

/**
 * Refuses documents nested more than MAX_DEPTH levels (checked without recursion), and keys named
 * `__proto__`: JavaScript objects cannot hold them faithfully (validation drops them, copying turns
 * them into the object's prototype), so a document with one would not mean what it says.
 */
function checkStructure(source: SourceDocument): void {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: source.data, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) throw new InputError({ file: source.file, message: `the document is nested more than ${MAX_DEPTH} levels deep` });
    if (!Array.isArray(value) && Object.hasOwn(value, PROTO_KEY)) {
      const path = [...(pathTo(source.data, value) ?? []), PROTO_KEY];
      throw new InputError({ file: source.file, line: source.lineOf(path), field: formatFieldPath(path), message: `"${PROTO_KEY}" is not accepted as a key`, hint: 'rename or remove it' });
    }
    for (const child of Array.isArray(value) ? value : Object.values(value)) if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
  }
}

const PROTO_KEY = '__proto__';

/** Where `target` sits inside `root` (only looked for when there is a problem to report). */
function pathTo(root: unknown, target: object): FieldPath | undefined {
  const stack: Array<{ value: unknown; path: FieldPath }> = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === target) return path;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) value.forEach((child, index) => stack.push({ value: child, path: [...path, index] }));
    else for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, key] });
  }
  return undefined;
}

/** Reads and parses a YAML or JSON file (by extension; YAML otherwise). */
export function readDocument(file: string, options: ReadOptions): SourceDocument {
  const text = readTextFile(file, options);
  if (file.toLowerCase().endsWith('.json')) return parseJson(file, text);
  return parseJsonInYaml(file, text) ?? parseYaml(file, text);
}

/** Validates parsed data against a zod schema; every issue becomes a located problem. */
export function validateDocument<T extends z.ZodType>(source: SourceDocument, schema: T, basePath: FieldPath = []): z.output<T> {
  const data = getAt(source.data, basePath);
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const problems = issuesToProblems(source, issues.slice(0, MAX_PROBLEMS), basePath, schema);
  if (issues.length > MAX_PROBLEMS) problems.push({ file: source.file, message: `and ${issues.length - MAX_PROBLEMS} more problems` });
  throw new InputError(problems);
}

/** A broken large document can have a problem per record: the first ones are enough to act on. */
export const MAX_PROBLEMS = 50;

/** Turns zod issues into located problems; with the schema, unknown fields get a "did you mean". */
export function issuesToProblems(source: SourceDocument, issues: readonly z.core.$ZodIssue[], basePath: FieldPath = [], schema?: z.ZodType): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const relative = issue.path as Array<string | number>;
    const path = [...basePath, ...relative];
    if (issue.code === 'unrecognized_keys') {
      const allowed = schema ? knownKeysAt(schema, relative) : undefined;
      for (const key of issue.keys) {
        problems.push({
          file: source.file,
          line: source.lineOf([...path, key]),
          field: formatFieldPath([...path, key]),
          message: 'unknown field',
          hint: (allowed && suggestion(key, allowed)) ?? (allowed ? `known fields: ${allowed.join(', ')}` : undefined),
        });
      }
      continue;
    }
    problems.push({
      file: source.file,
      line: source.lineOf(path),
      field: formatFieldPath(path),
      message: describeIssue(issue),
    });
  }
  return problems;
}

/** `when.all[1].equals` */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `missing required field (expected ${issue.expected})` : `expected ${issue.expected}, got ${typeName(issue.input)}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_big':
      return issue.origin === 'number' ? `${describeInput(issue.input)} is more than ${issue.maximum}, the most allowed` : issue.message;
    case 'too_small':
      return issue.origin === 'number' ? `${describeInput(issue.input)} is less than ${issue.minimum}, the least allowed` : issue.message;
    default:
      return issue.message;
  }
}

function describeInput(value: unknown): string {
  return typeof value === 'number' ? String(value) : 'the value';
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}

function getAt(data: unknown, path: FieldPath): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

function lineOfPath(document: Document, lineCounter: LineCounter, path: FieldPath): number | undefined {
  let node: unknown = document.contents;
  let line = node && (node as Node).range ? lineCounter.linePos((node as Node).range![0]).line : undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair) break;
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      if (keyRange) line = lineCounter.linePos(keyRange[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      const range = (node as Node | undefined)?.range;
      if (!range) break;
      line = lineCounter.linePos(range[0]).line;
    } else {
      break;
    }
  }
  return line;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

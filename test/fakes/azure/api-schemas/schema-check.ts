import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Azure REST API models the fake Resource Manager answers with (schemas.json, extracted by
 * extract.mjs from bicep-types-az and the REST API specs), and the check of an answer against them:
 * no property the model does not have at that api-version, no enum value it does not list, no
 * write-only property (secrets are never returned), and the JSON types right.
 *
 * Not checked: `required` (the specs mark request fields required that ARM leaves out of some
 * answers), string formats and patterns. `null` is accepted for any property: ARM writes absent
 * optional values as null in many answers.
 */

type Node =
  | { kind: 'string' | 'integer' | 'boolean' | 'any' | 'null' }
  | { kind: 'enum'; values: string[]; open: boolean; ignoreCase?: boolean }
  | { kind: 'array'; items: number }
  | { kind: 'object'; name: string; properties: Record<string, Property>; additional?: number }
  | { kind: 'tagged'; name: string; discriminator: string; base: Record<string, Property>; cases: Record<string, number> }
  | { kind: 'oneOf'; options: number[] };

interface Property {
  type: number;
  readOnly?: boolean;
  writeOnly?: boolean;
}

interface SchemaFile {
  source: { repository: string; commit: string };
  sources: Record<string, string>;
  resources: Record<string, number>;
  envelopes: Record<string, string[]>;
  types: Node[];
}

export interface CheckOptions {
  /**
   * The record stands for an answer of an api-version newer than the model (a test of how the
   * collector reads values it does not know): values outside an extensible enum (the specs'
   * `modelAsString`) and unknown kinds of a discriminated type are accepted. Closed enums, unknown
   * properties and wrong types are still violations.
   */
  newerValues?: boolean;
}

const HERE = dirname(fileURLToPath(import.meta.url));

export class ApiSchemas {
  private readonly byKey = new Map<string, { key: string; root: number }>();
  private readonly versionsByType = new Map<string, string[]>();

  private constructor(private readonly file: SchemaFile) {
    for (const [key, root] of Object.entries(file.resources)) {
      this.byKey.set(key.toLowerCase(), { key, root });
      const [type, version] = key.split('@') as [string, string];
      const versions = this.versionsByType.get(type.toLowerCase()) ?? [];
      versions.push(version);
      this.versionsByType.set(type.toLowerCase(), versions.sort());
    }
  }

  static load(file = join(HERE, 'schemas.json')): ApiSchemas {
    return new ApiSchemas(JSON.parse(readFileSync(file, 'utf8')) as SchemaFile);
  }

  /** The api-versions the extract has for a resource type, oldest first. */
  versions(type: string): string[] {
    return [...(this.versionsByType.get(type.toLowerCase()) ?? [])];
  }

  has(type: string, version: string): boolean {
    return this.byKey.has(`${type}@${version}`.toLowerCase());
  }

  /** Where the model of a type at a version was read from. */
  sourceOf(type: string, version: string): string | undefined {
    const entry = this.byKey.get(`${type}@${version}`.toLowerCase());
    return entry ? this.file.sources[entry.key] : undefined;
  }

  /** The violations of one resource (or list item) against the model of `type` at `version`, each `path: problem`. */
  check(type: string, version: string, value: unknown, options: CheckOptions = {}): string[] {
    const problems: string[] = [];
    this.visit(value, this.root(type, version), '$', options, problems);
    return problems;
  }

  /** The violations of a list answer's envelope (the keys beside `value`). */
  checkEnvelope(type: string, version: string, body: Record<string, unknown>): string[] {
    const allowed = this.file.envelopes[this.byKey.get(`${type}@${version}`.toLowerCase())?.key ?? ''] ?? ['value', 'nextLink'];
    const problems = Object.keys(body)
      .filter((key) => !allowed.includes(key))
      .map((key) => `$.${key}: not in the list result of ${type} at ${version} (it has ${allowed.join(', ')})`);
    if (!Array.isArray(body.value)) problems.push('$.value: a list answer needs an array value');
    if (body.nextLink !== undefined && typeof body.nextLink !== 'string') problems.push('$.nextLink: expected a string');
    return problems;
  }

  /**
   * The record as an answer at `version`: the properties the model at that version does not have
   * are left out, as the service serializes its answer with that version's model (diagnostic
   * settings at 2017-05-01-preview have no categoryGroup).
   */
  project(type: string, version: string, value: unknown): unknown {
    return this.strip(value, this.root(type, version));
  }

  private root(type: string, version: string): number {
    const entry = this.byKey.get(`${type}@${version}`.toLowerCase());
    if (!entry) throw new Error(`no model of ${type} at api-version ${version} in schemas.json (have: ${this.versions(type).join(', ') || 'none'})`);
    return entry.root;
  }

  private node(index: number): Node {
    return this.file.types[index]!;
  }

  /** The properties an object of a tagged type has, for its discriminator value; undefined for an unknown kind. */
  private taggedProperties(node: Extract<Node, { kind: 'tagged' }>, value: Record<string, unknown>): Record<string, Property> | undefined {
    const kind = value[node.discriminator];
    const match = typeof kind === 'string' ? Object.keys(node.cases).find((candidate) => candidate === kind) : undefined;
    if (match === undefined) return undefined;
    const element = this.node(node.cases[match]!);
    return { ...node.base, ...(element.kind === 'object' ? element.properties : {}) };
  }

  private visit(value: unknown, index: number, path: string, options: CheckOptions, problems: string[]): void {
    const node = this.node(index);
    const fail = (message: string) => problems.push(`${path}: ${message}`);
    switch (node.kind) {
      case 'any':
        return;
      case 'null':
        if (value !== null) fail(`expected null, got ${describe(value)}`);
        return;
      case 'string':
        if (typeof value !== 'string') fail(`expected a string, got ${describe(value)}`);
        return;
      case 'integer':
        if (typeof value !== 'number') fail(`expected a number, got ${describe(value)}`);
        return;
      case 'boolean':
        if (typeof value !== 'boolean') fail(`expected a boolean, got ${describe(value)}`);
        return;
      case 'enum': {
        if (typeof value !== 'string') return void fail(`expected one of ${list(node.values)}, got ${describe(value)}`);
        const known = node.values.some((candidate) => (node.ignoreCase ? candidate.toLowerCase() === value.toLowerCase() : candidate === value));
        if (!known && !(node.open && options.newerValues)) fail(`"${value}" is not a value of this ${node.open ? 'extensible ' : ''}enum at this api-version (${list(node.values)})`);
        return;
      }
      case 'array':
        if (!Array.isArray(value)) return void fail(`expected an array, got ${describe(value)}`);
        value.forEach((item, position) => this.visit(item, node.items, `${path}[${position}]`, options, problems));
        return;
      case 'oneOf': {
        const attempts = node.options.map((option) => {
          const found: string[] = [];
          this.visit(value, option, path, options, found);
          return found;
        });
        if (!attempts.some((found) => found.length === 0)) problems.push(...attempts.sort((a, b) => a.length - b.length)[0]!);
        return;
      }
      case 'object':
      case 'tagged': {
        if (!isObject(value)) return void fail(`expected an object, got ${describe(value)}`);
        let properties: Record<string, Property>;
        let additional: number | undefined;
        if (node.kind === 'tagged') {
          const known = this.taggedProperties(node, value);
          if (!known) {
            const kinds = list(Object.keys(node.cases));
            if (!options.newerValues) fail(`${node.discriminator} "${String(value[node.discriminator])}" is not a kind of ${node.name} at this api-version (${kinds})`);
            properties = { ...node.base, [node.discriminator]: { type: -1 } };
          } else properties = known;
        } else {
          properties = node.properties;
          additional = node.additional;
        }
        for (const [key, child] of Object.entries(value)) {
          const property = properties[key];
          const at = `${path}.${key}`;
          if (property) {
            if (property.writeOnly) problems.push(`${at}: write-only in the model, never returned`);
            else if (child !== null && property.type >= 0) this.visit(child, property.type, at, options, problems);
          } else if (additional !== undefined) {
            if (child !== null) this.visit(child, additional, at, options, problems);
          } else {
            problems.push(`${at}: not in the model of ${node.name} at this api-version`);
          }
        }
        return;
      }
    }
  }

  private strip(value: unknown, index: number): unknown {
    const node = this.node(index);
    if (node.kind === 'array' && Array.isArray(value)) return value.map((item) => this.strip(item, node.items));
    if ((node.kind !== 'object' && node.kind !== 'tagged') || !isObject(value)) return value;
    const properties = node.kind === 'tagged' ? this.taggedProperties(node, value) : node.properties;
    // A kind the model does not know keeps its fields (the check reports it).
    if (!properties) return value;
    const additional = node.kind === 'object' ? node.additional : undefined;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const property = properties[key];
      if (property) out[key] = property.type >= 0 && child !== null ? this.strip(child, property.type) : child;
      else if (additional !== undefined) out[key] = child === null ? child : this.strip(child, additional);
    }
    return out;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

function list(values: string[]): string {
  return values.length > 8 ? `${values.slice(0, 8).join(', ')}, ...` : values.join(', ');
}

import type { NormalizedSchema } from '@smithy/core/schema';
import { XMLParser } from 'fast-xml-parser';
import { allowedValues, ModelError, outputSchema, requiredMembers } from './model.js';
import type { Protocol, Reply } from './protocols.js';

/**
 * Checks an answer of the fake AWS against AWS's model of the operation (see `model.ts` and
 * README.md): every member the answer carries must be a member of its shape (at any depth), every
 * enum value one of the member's enum, every value of the member's type, every required member
 * present. What is checked is the body as it goes on the wire, in the protocol's own form:
 *
 * - awsJson1_1 and restJson1: JSON, members by name (restJson1: `jsonName`), timestamps as the
 *   protocol and the `timestampFormat` trait say (awsJson1_1: epoch seconds; restJson1: epoch seconds
 *   unless the shape says date-time, as Bedrock's do), no member bound to an HTTP header in the body;
 * - query (IAM, STS): XML `<OpResponse><OpResult>…</OpResult><ResponseMetadata>`, members by
 *   `xmlName`, lists wrapped in `member` (or the list's own `xmlName`) unless `xmlFlattened`;
 * - ec2Query: XML `<OpResponse>` with the members directly inside, by their (lowercase) `xmlName`,
 *   lists wrapped in `item`;
 * - restXml (S3): the root element named by the output's `xmlName` (or, for an `httpPayload`
 *   member, by the payload shape's name), XML attributes only where the model has `xmlAttribute`.
 *
 * Error answers are not checked here: AWS models list few of the errors an operation returns (the
 * common ones, AccessDenied and Throttling, are in no model), and `protocols.ts` builds them all in
 * one place in each protocol's error format.
 */

export interface AnswerToCheck {
  /** SDK client package name, `@aws-sdk/client-<client>`. */
  client: string;
  operation: string;
  protocol: Protocol;
  reply: Reply;
}

/** One problem per line, `<client> <Operation>: <path>: <what is wrong>`; empty when the answer is true to the model. */
export function checkAnswer({ client, operation, protocol, reply }: AnswerToCheck): string[] {
  const problems: string[] = [];
  if (reply.status < 200 || reply.status >= 300) return problems;
  try {
    const checker = new Checker(client, protocol, (path, problem) => problems.push(`${client} ${operation}: ${path}: ${problem}`));
    checker.answer(outputSchema(client, operation), operation, reply.body);
  } catch (error) {
    // The fake must still answer (a throw here would leave the request hanging): the problem is recorded instead.
    problems.push(`${client} ${operation}: ${error instanceof ModelError ? error.message : `the check failed: ${String(error)}`}`);
  }
  return problems;
}

// ---------------------------------------------------------------- scalars, common to every protocol

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const NUMBER_TEXT = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|NaN|-?Infinity)$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

type TimestampFormat = 'date-time' | 'http-date' | 'epoch-seconds';

/** The scalar kinds of the Smithy type system, as the checker tells them apart. */
function scalarKind(schema: NormalizedSchema): string {
  if (schema.isStringSchema()) return 'string';
  if (schema.isBooleanSchema()) return 'boolean';
  if (schema.isNumericSchema() || schema.isBigIntegerSchema() || schema.isBigDecimalSchema()) return 'number';
  if (schema.isTimestampSchema()) return 'timestamp';
  if (schema.isBlobSchema()) return 'blob';
  if (schema.isDocumentSchema()) return 'document';
  throw new ModelError(`unhandled schema ${schema.getName(true)}`);
}

/** The `timestampFormat` a timestamp member has (schema ids 5, 6, 7), or the protocol's default (4). */
function timestampFormat(schema: NormalizedSchema, protocol: Protocol): TimestampFormat {
  const id = schema.getSchema() as unknown as number;
  if (id === 5) return 'date-time';
  if (id === 6) return 'http-date';
  if (id === 7) return 'epoch-seconds';
  return protocol === 'json' || protocol === 'rest-json' ? 'epoch-seconds' : 'date-time';
}

const describe = (value: unknown) => (Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`);

type Report = (path: string, problem: string) => void;

/** The output member bound to the whole body (`httpPayload`), if there is one. */
function payloadMember(output: NormalizedSchema): [string, NormalizedSchema] | undefined {
  return [...output.structIterator()].find(([, member]) => member.getMergedTraits().httpPayload);
}

/** An XML element as parsed: its attributes, child elements in order, and text. */
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

class Checker {
  constructor(
    private readonly client: string,
    private readonly protocol: Protocol,
    private readonly report: Report,
  ) {}

  answer(output: NormalizedSchema, operation: string, body: string): void {
    const { protocol } = this;
    switch (protocol) {
      case 'json':
      case 'rest-json':
        return this.jsonAnswer(output, body);
      case 'query':
      case 'ec2':
      case 'rest-xml': {
        // A string or blob payload (S3's GetBucketPolicy) is the body itself, whatever it holds.
        if (protocol === 'rest-xml' && payloadMember(output)?.[1].isStructSchema() === false) return;
        const xml = this.parseXml(output, body);
        if (!xml) return;
        if (protocol === 'query') return this.queryAnswer(output, operation, xml);
        if (protocol === 'ec2') return this.ec2Answer(output, operation, xml);
        return this.restXmlAnswer(output, xml);
      }
      default: {
        // A protocol added to the fake must be taught to the check first.
        const unchecked: never = protocol;
        throw new ModelError(`no check for the ${String(unchecked)} protocol`);
      }
    }
  }

  /** A string's enum (for the member that holds it, through lists and maps), its type, its format. */
  private scalar(schema: NormalizedSchema, value: unknown, path: string, allowed: readonly string[] | undefined, fromXml: boolean): void {
    const kind = scalarKind(schema);
    const text = typeof value === 'string' ? value : undefined;
    switch (kind) {
      case 'string':
        if (text === undefined) return this.report(path, `expected a string, got ${describe(value)}`);
        if (allowed && !allowed.includes(text)) this.report(path, `${JSON.stringify(text)} is not one of the enum's values (${allowed.join(', ')})`);
        return;
      case 'boolean':
        if (fromXml ? text !== 'true' && text !== 'false' : typeof value !== 'boolean') this.report(path, `expected a boolean, got ${describe(value)}`);
        return;
      case 'number':
        if (fromXml ? !NUMBER_TEXT.test(text ?? '') : typeof value !== 'number') this.report(path, `expected a number, got ${describe(value)}`);
        return;
      case 'timestamp': {
        const format = timestampFormat(schema, this.protocol);
        const good =
          format === 'epoch-seconds' ? (fromXml ? NUMBER_TEXT.test(text ?? '') : typeof value === 'number') : format === 'date-time' ? DATE_TIME.test(text ?? '') : HTTP_DATE.test(text ?? '');
        if (!good) this.report(path, `expected a timestamp as ${format}, got ${describe(value)}`);
        return;
      }
      case 'blob':
        if (text === undefined || !BASE64.test(text)) this.report(path, `expected base64 bytes, got ${describe(value)}`);
        return;
      default:
        return;
    }
  }

  // -------------------------------------------------------------- JSON (awsJson1_1, restJson1)

  private jsonAnswer(output: NormalizedSchema, body: string): void {
    const payload = payloadMember(output);
    if (payload) {
      const [, member] = payload;
      // The payload member is the whole body; a string or blob payload is the body itself, whatever it holds.
      if (member.isStructSchema()) this.json(member, this.parseJson(body), '$', undefined);
      return;
    }
    this.json(output, this.parseJson(body), '$', undefined);
  }

  private parseJson(body: string): unknown {
    try {
      return JSON.parse(body || '{}');
    } catch {
      this.report('$', 'the body is not JSON');
      return {};
    }
  }

  private json(schema: NormalizedSchema, value: unknown, path: string, allowed: readonly string[] | undefined): void {
    if (schema.isListSchema()) {
      if (!Array.isArray(value)) return this.report(path, `expected a list, got ${describe(value)}`);
      value.forEach((item, index) => this.json(schema.getValueSchema(), item, `${path}[${index}]`, allowed));
      return;
    }
    if (schema.isMapSchema()) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return this.report(path, `expected a map, got ${describe(value)}`);
      for (const [key, item] of Object.entries(value)) this.json(schema.getValueSchema(), item, `${path}[${JSON.stringify(key)}]`, allowed);
      return;
    }
    if (schema.isStructSchema()) return this.jsonStructure(schema, value, path);
    if (schema.isDocumentSchema()) return;
    this.scalar(schema, value, path, allowed, false);
  }

  private jsonStructure(schema: NormalizedSchema, value: unknown, path: string): void {
    const shape = schema.getName()!;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return this.report(path, `expected a ${shape} structure, got ${describe(value)}`);
    const record = value as Record<string, unknown>;
    const byWireName = new Map<string, [string, NormalizedSchema]>();
    for (const [name, member] of schema.structIterator()) {
      const traits = member.getMergedTraits();
      const wireName = this.protocol === 'rest-json' ? (traits.jsonName ?? name) : name;
      byWireName.set(wireName, [name, member]);
    }
    const present = Object.keys(record);
    for (const key of present) {
      const found = byWireName.get(key);
      const memberPath = path === '$' ? `$.${key}` : `${path}.${key}`;
      if (!found) {
        this.report(memberPath, `${shape} has no member ${key}`);
        continue;
      }
      const [name, member] = found;
      const traits = member.getMergedTraits();
      if (traits.httpHeader !== undefined || traits.httpPrefixHeaders !== undefined || traits.httpResponseCode) {
        this.report(memberPath, `${shape}.${name} is sent as an HTTP header or status, not in the body`);
        continue;
      }
      if (record[key] === null) {
        this.report(memberPath, 'AWS leaves an absent member out; it never sends null');
        continue;
      }
      this.json(member, record[key], memberPath, allowedValues(this.client, schema, name));
    }
    this.missingRequired(schema, present.map((key) => byWireName.get(key)?.[0]), path);
    if (schema.isUnionSchema() && present.length !== 1) this.report(path, `the union ${shape} must have exactly one member, has ${present.length}`);
  }

  private missingRequired(schema: NormalizedSchema, present: Array<string | undefined>, path: string): void {
    for (const name of requiredMembers(schema)) if (!present.includes(name)) this.report(path, `${schema.getName()} lacks its required member ${name}`);
  }

  // -------------------------------------------------------------- XML (query, ec2Query, restXml)

  private parseXml(output: NormalizedSchema, body: string): XmlElement | undefined {
    let nodes: XmlNode[];
    try {
      nodes = XML.parse(body, true) as XmlNode[];
    } catch (error) {
      this.report('/', `the body is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    const roots = nodes.map(toElement).filter((element): element is XmlElement => element !== undefined);
    if (roots.length !== 1) {
      this.report('/', `expected one root element for ${output.getName()}, got ${roots.length}`);
      return undefined;
    }
    return roots[0];
  }

  private queryAnswer(output: NormalizedSchema, operation: string, root: XmlElement): void {
    const response = `${operation}Response`;
    const result = `${operation}Result`;
    if (root.name !== response) return this.report('/', `the root element is <${root.name}>, not <${response}>`);
    for (const child of root.children) {
      if (child.name === result) this.xmlStructure(output, child, `/${response}/${result}`);
      else if (child.name !== 'ResponseMetadata') this.report(`/${response}`, `<${child.name}> is neither <${result}> nor <ResponseMetadata>`);
    }
    if (!root.children.some((child) => child.name === result) && [...output.structIterator()].length > 0) this.report(`/${response}`, `no <${result}>`);
  }

  private ec2Answer(output: NormalizedSchema, operation: string, root: XmlElement): void {
    const response = `${operation}Response`;
    if (root.name !== response) return this.report('/', `the root element is <${root.name}>, not <${response}>`);
    // EC2 puts the request id among the output's members.
    this.xmlStructure(output, { ...root, children: root.children.filter((child) => child.name !== 'requestId') }, `/${response}`);
  }

  private restXmlAnswer(output: NormalizedSchema, root: XmlElement): void {
    const payload = payloadMember(output);
    if (payload) {
      const [, member] = payload;
      const expected = member.getMergedTraits().xmlName ?? member.getName()!;
      if (root.name !== expected) return this.report('/', `the root element is <${root.name}>, not <${expected}>`);
      return this.xmlStructure(member, root, `/${expected}`);
    }
    const expected = output.getMergedTraits().xmlName ?? output.getName()!;
    if (root.name !== expected) return this.report('/', `the root element is <${root.name}>, not <${expected}>`);
    // A root element with text only is the member of its own name (S3's GetBucketLocation), as the SDK reads it.
    if (root.children.length === 0 && root.text.trim() !== '') {
      const textMember = { name: root.name, attributes: {}, children: [], text: root.text };
      return this.xmlStructure(output, { ...root, text: '', children: [textMember] }, `/${expected}`);
    }
    this.xmlStructure(output, root, `/${expected}`);
  }

  private xmlValue(schema: NormalizedSchema, elements: XmlElement[], path: string, allowed: readonly string[] | undefined, flattened: boolean): void {
    if (schema.isListSchema()) {
      const item = schema.getValueSchema();
      const itemName = item.getMergedTraits().xmlName ?? 'member';
      const items = flattened ? elements : elements.flatMap((element) => this.onlyElements(element, path, itemName));
      items.forEach((element, index) => this.xmlValue(item, [element], `${path}/${element.name}[${index + 1}]`, allowed, false));
      return;
    }
    if (schema.isMapSchema()) {
      const keyName = schema.getKeySchema().getMergedTraits().xmlName ?? 'key';
      const valueName = schema.getValueSchema().getMergedTraits().xmlName ?? 'value';
      const entries = flattened ? elements : elements.flatMap((element) => this.onlyElements(element, path, 'entry'));
      for (const entry of entries) {
        for (const child of entry.children) if (child.name !== keyName && child.name !== valueName) this.report(`${path}/${entry.name}`, `a map entry has <${keyName}> and <${valueName}>, not <${child.name}>`);
        const values = entry.children.filter((child) => child.name === valueName);
        this.xmlValue(schema.getValueSchema(), values, `${path}/${entry.name}/${valueName}`, allowed, false);
      }
      return;
    }
    const [element] = elements;
    if (!element) return;
    if (schema.isStructSchema()) return this.xmlStructure(schema, element, path);
    if (schema.isDocumentSchema()) return;
    if (element.children.length > 0) return this.report(path, `expected text (${scalarKind(schema)}), got elements ${element.children.map((child) => `<${child.name}>`).join('')}`);
    const attributes = Object.keys(element.attributes).filter((attribute) => attribute !== 'xmlns' && !attribute.startsWith('xmlns:'));
    if (attributes.length > 0) this.report(path, `a ${scalarKind(schema)} has no XML attributes, got ${attributes.join(', ')}`);
    this.scalar(schema, element.text, path, allowed, true);
  }

  /** The children of a wrapping element, which must all be named `name`. */
  private onlyElements(element: XmlElement, path: string, name: string): XmlElement[] {
    if (element.text.trim() !== '') this.report(`${path}`, `a list or map holds elements, not text ${JSON.stringify(element.text.trim())}`);
    for (const child of element.children) if (child.name !== name) this.report(path, `a list or map wraps its items in <${name}>, not <${child.name}>`);
    return element.children.filter((child) => child.name === name);
  }

  private xmlStructure(schema: NormalizedSchema, element: XmlElement, path: string): void {
    const shape = schema.getName()!;
    const elements = new Map<string, [string, NormalizedSchema]>();
    const attributes = new Map<string, [string, NormalizedSchema]>();
    for (const [name, member] of schema.structIterator()) {
      const traits = member.getMergedTraits();
      if (traits.httpHeader !== undefined || traits.httpPrefixHeaders !== undefined || traits.httpResponseCode) continue;
      const wireName = member.getMemberTraits().xmlName ?? name;
      (traits.xmlAttribute ? attributes : elements).set(wireName, [name, member]);
    }
    const present: string[] = [];
    for (const [attribute, value] of Object.entries(element.attributes)) {
      if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue;
      const found = attributes.get(attribute);
      if (!found) {
        this.report(path, `${shape} has no XML attribute ${attribute}`);
        continue;
      }
      present.push(found[0]);
      this.scalar(found[1], value, `${path}/@${attribute}`, allowedValues(this.client, schema, found[0]), true);
    }
    if (element.text.trim() !== '') this.report(path, `a ${shape} structure holds elements, not text ${JSON.stringify(element.text.trim())}`);
    const groups = new Map<string, XmlElement[]>();
    for (const child of element.children) groups.set(child.name, [...(groups.get(child.name) ?? []), child]);
    for (const [wireName, group] of groups) {
      const found = elements.get(wireName);
      const memberPath = `${path}/${wireName}`;
      if (!found) {
        this.report(memberPath, `${shape} has no member <${wireName}>`);
        continue;
      }
      const [name, member] = found;
      const flattened = Boolean(member.getMergedTraits().xmlFlattened) && (member.isListSchema() || member.isMapSchema());
      if (group.length > 1 && !flattened) this.report(memberPath, `${shape}.${name} appears ${group.length} times`);
      present.push(name);
      this.xmlValue(member, group, memberPath, allowedValues(this.client, schema, name), flattened);
    }
    this.missingRequired(schema, present, path);
    if (schema.isUnionSchema() && present.length !== 1) this.report(path, `the union ${shape} must have exactly one member, has ${present.length}`);
  }
}

type XmlNode = Record<string, unknown>;

/** Elements in order, attributes apart from elements, text as sent; `parse(xml, true)` also checks the XML is well-formed. */
const XML = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: false, ignoreDeclaration: true });

/** fast-xml-parser's ordered node (`{ name: [children], ':@': attributes }`) as an element; undefined for text. */
function toElement(node: XmlNode): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
  if (!name) return undefined;
  const content = node[name] as XmlNode[];
  return {
    name,
    attributes: (node[':@'] as Record<string, string> | undefined) ?? {},
    children: content.map(toElement).filter((element): element is XmlElement => element !== undefined),
    text: content.map((child) => (child['#text'] === undefined ? '' : String(child['#text']))).join(''),
  };
}

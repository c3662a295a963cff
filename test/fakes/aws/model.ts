import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NormalizedSchema } from '@smithy/core/schema';

/**
 * AWS's published model of an operation's answer, as the installed SDK clients carry it (the clients
 * the tests drive): the wire schema the client deserializes with (`<Operation>$` and the shape
 * schemas each `@aws-sdk/client-*` exports; `dist-es/schemas/schemas_0.js` is their readable source:
 * members, lists, maps, unions, scalar types, XML and JSON wire names, HTTP bindings, required members), and
 * each member's enum, which only the type declarations keep (`dist-types/models/*.d.ts`, a string
 * literal union per enum). Both are read from `node_modules` on first use, per client, so the
 * ground truth moves with the installed SDK and nothing generated is checked in.
 */

const nodeRequire = createRequire(import.meta.url);

/** The SDK client package (`@aws-sdk/client-<name>`) of each service the fake serves. */
export const CLIENT_OF_SERVICE: Record<string, string> = {
  sagemaker: 'sagemaker',
  kms: 'kms',
  logs: 'cloudwatch-logs',
  cloudwatch: 'cloudwatch',
  bedrock: 'bedrock',
  'bedrock-agent': 'bedrock-agent',
  'bedrock-agentcore': 'bedrock-agentcore-control',
  guardduty: 'guardduty',
  cloudtrail: 'cloudtrail',
  lambda: 'lambda',
  ecs: 'ecs',
  ecr: 'ecr',
  aoss: 'opensearchserverless',
  macie2: 'macie2',
  sts: 'sts',
  iam: 'iam',
  ec2: 'ec2',
  s3: 's3',
  organizations: 'organizations',
  apigateway: 'api-gateway',
  wafv2: 'wafv2',
  shield: 'shield',
  inspector2: 'inspector2',
  xray: 'xray',
  ce: 'cost-explorer',
  budgets: 'budgets',
};

export class ModelError extends Error {}

interface Client {
  version: string;
  exports: Record<string, unknown>;
  /** Every `dist-types/models/models_*.d.ts`, joined: where the shapes' interfaces are declared. */
  declarations: string;
  /** Shape name → where its declaration's body starts in `declarations`, and whether it is a union's namespace. */
  declared: Map<string, { start: number; union: boolean }>;
  /** Enum name → its values, from `dist-types/models/enums.d.ts`. */
  enums: Map<string, readonly string[]>;
  /** Structure or union name → member name → the member's enum values (undefined: no enum). */
  memberEnums: Map<string, Map<string, readonly string[] | undefined>>;
}

const clients = new Map<string, Client>();

function client(name: string): Client {
  const cached = clients.get(name);
  if (cached) return cached;
  const main = nodeRequire.resolve(`@aws-sdk/client-${name}`);
  const root = dirname(dirname(main));
  const models = join(root, 'dist-types', 'models');
  const files = readdirSync(models).filter((file) => /^models_\d+\.d\.ts$/.test(file));
  // Doc comments hold free text (even lines that look like code): they go before anything is read.
  const declarations = withoutComments(files.map((file) => readFileSync(join(models, file), 'utf8')).join('\n'));
  const loaded: Client = {
    version: (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version,
    exports: nodeRequire(main) as Record<string, unknown>,
    declarations,
    declared: new Map([...declarations.matchAll(/^export (interface|declare namespace) (\w+) \{\n/gm)].map((match) => [match[2]!, { start: match.index + match[0].length, union: match[1] !== 'interface' }])),
    // A client without enums (STS) has no enums.d.ts.
    enums: existsSync(join(models, 'enums.d.ts')) ? enumDeclarations(readFileSync(join(models, 'enums.d.ts'), 'utf8')) : new Map(),
    memberEnums: new Map(),
  };
  clients.set(name, loaded);
  return loaded;
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '');

/** The installed version of a client package, for messages and the README. */
export function clientVersion(name: string): string {
  return client(name).version;
}

/**
 * `export declare const X: {`, one `readonly A: "a";` line per value, `};` → X → ['a', ...] (doc
 * comments removed first): the one form the SDK's generator writes enums in. An enum written otherwise
 * would be missed, which `memberEnum` catches: every string member must name `string` or a known enum.
 */
export function enumDeclarations(text: string): Map<string, readonly string[]> {
  const enums = new Map<string, readonly string[]>();
  for (const [, name, body] of withoutComments(text).matchAll(/^export declare const (\w+): \{\n([\s\S]*?)\n\};$/gm)) {
    const lines = body!.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    const values = lines.map((line) => /^readonly [^:]+: ("(?:[^"\\]|\\.)*");$/.exec(line)?.[1]);
    if (values.every((value) => value !== undefined)) enums.set(name!, values.map((value) => JSON.parse(value) as string));
  }
  return enums;
}

/**
 * The members of one shape's declaration, name → declared type: `export interface Name {` with one
 * `member?: Type | undefined;` line per member, or, for a union, `export declare namespace Name {`
 * with one `interface XMember { x: Type; other?: never; ... }` per member. The text is cut from the
 * joined `.d.ts` files (doc comments removed) and read line by line, in the one form the SDK's generator writes; any other
 * line fails the check rather than being skipped. (Loading the TypeScript compiler to parse the same
 * lines costs 1 to 2.5 s per test file that uses the fake; this costs milliseconds.)
 */
function declaredMembers({ declarations, declared }: Client, name: string): Map<string, string> | undefined {
  // Shapes named like JavaScript globals are declared with an underscore (S3's Object, Error).
  const where = declared.get(name) ?? declared.get(`_${name}`);
  if (!where) return undefined;
  const { start, union } = where;
  const body = declarations.slice(start, declarations.indexOf('\n}\n', start)).split('\n');
  const members = new Map<string, string>();
  let inMember = false;
  for (const line of body) {
    const text = line.trim();
    if (text === '') continue;
    if (union && /^interface \$?\w+(<\w+>)? \{$/.test(text)) {
      inMember = /^interface \w+Member \{$/.test(text);
      continue;
    }
    if (union && text === '}') continue;
    const member = /^([A-Za-z_]\w*|\$unknown)(\?)?: (.+);$/.exec(text);
    if (!member) throw new ModelError(`the declaration of ${name} has a line this check cannot read: ${text}`);
    if (union && (!inMember || member[3] === 'never')) continue;
    if (member[1] !== '$unknown') members.set(member[1]!, member[3]!);
  }
  return members;
}

/** The enum a declared type names, through `| undefined`, arrays and `Record<string, T>`; the bare type name otherwise. */
function namedType(declared: string): string | undefined {
  const alternatives = declared.split(' | ').filter((part) => part !== 'undefined' && part !== 'never');
  if (alternatives.length !== 1) return undefined;
  let type = alternatives[0]!;
  for (;;) {
    const inner = type.endsWith('[]') ? type.slice(0, -2) : (/^Record<string, (.+)>$/.exec(type)?.[1] ?? /^\((.+)\)$/.exec(type)?.[1]);
    if (inner === undefined) return /^\w+$/.test(type) ? type : undefined;
    type = inner;
  }
}

/** A string, or a list or map of them, at any depth. */
function holdsStrings(schema: NormalizedSchema): boolean {
  return schema.isListSchema() || schema.isMapSchema() ? holdsStrings(schema.getValueSchema()) : schema.isStringSchema();
}

/**
 * The enum values allowed for a member of a structure or union (undefined: the member is no enum).
 * The declared members must be the schema's members, and a string member must be declared as
 * `string` or as an enum: if the two sources ever disagree, the model cannot be trusted and the check
 * fails loudly rather than passing.
 */
export function memberEnum(clientName: string, shape: NormalizedSchema, memberName: string): readonly string[] | undefined {
  const loaded = client(clientName);
  const shapeName = shape.getName()!;
  let members = loaded.memberEnums.get(shapeName);
  if (!members) {
    const where = `@aws-sdk/client-${clientName}@${loaded.version}`;
    const declared = declaredMembers(loaded, shapeName);
    if (!declared) throw new ModelError(`${where} declares no interface for ${shapeName}`);
    const schemaMembers = [...shape.structIterator()];
    if (declared.size !== schemaMembers.length || schemaMembers.some(([name]) => !declared.has(name))) {
      throw new ModelError(`${where}: the declaration of ${shapeName} (${[...declared.keys()].join(', ')}) and its schema (${schemaMembers.map(([name]) => name).join(', ')}) disagree`);
    }
    members = new Map();
    for (const [name, schema] of schemaMembers) {
      const type = namedType(declared.get(name)!);
      const values = type === undefined ? undefined : loaded.enums.get(type);
      if (holdsStrings(schema) && type !== undefined && type !== 'string' && !values) throw new ModelError(`${where}: ${shapeName}.${name} is declared as ${declared.get(name)}, neither string nor a known enum`);
      members.set(name, values);
    }
    loaded.memberEnums.set(shapeName, members);
  }
  return members.get(memberName);
}

/**
 * Where the real API is known to answer outside its own published model, the real API wins: each
 * erratum widens one member's enum, and names the evidence. Keep this list short and sourced.
 */
export const MODEL_ERRATA: ReadonlyArray<{ client: string; shape: string; member: string; values: (modelled: readonly string[]) => string[]; evidence: string }> = [
  {
    client: 'ec2',
    shape: 'VpcEndpoint',
    member: 'State',
    // The model says Available, PendingAcceptance, ...; DescribeVpcEndpoints sends available, pendingAcceptance, ...
    values: (modelled) => modelled.map((value) => value.charAt(0).toLowerCase() + value.slice(1)),
    evidence: 'https://github.com/aws/aws-sdk/issues/360, https://github.com/aws/aws-sdk-go-v2/issues/2864, https://github.com/aws/aws-sdk-java-v2/issues/6382',
  },
];

/** The enum values a member may have on the wire: the model's, and any erratum's. */
export function allowedValues(clientName: string, shape: NormalizedSchema, memberName: string): readonly string[] | undefined {
  const modelled = memberEnum(clientName, shape, memberName);
  const erratum = MODEL_ERRATA.find((entry) => entry.client === clientName && entry.shape === shape.getName() && entry.member === memberName);
  return modelled && erratum ? [...modelled, ...erratum.values(modelled)] : modelled;
}

/** The schema of an operation's output, from the client's `<Operation>$` operation schema. */
export function outputSchema(clientName: string, operation: string): NormalizedSchema {
  const loaded = client(clientName);
  const schema = loaded.exports[`${operation}$`];
  if (!Array.isArray(schema) || schema[0] !== 9) throw new ModelError(`@aws-sdk/client-${clientName}@${loaded.version} has no operation ${operation}`);
  return NormalizedSchema.of(schema[5] as Parameters<typeof NormalizedSchema.of>[0]);
}

/** The members a structure must always have: the schema lists them first and counts them. */
export function requiredMembers(shape: NormalizedSchema): string[] {
  const schema = shape.getSchema() as unknown as unknown[];
  const names = schema[4] as string[];
  const count = typeof schema[6] === 'number' && !shape.isUnionSchema() ? schema[6] : 0;
  return names.slice(0, count);
}

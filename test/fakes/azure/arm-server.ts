import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiSchemas } from './api-schemas/schema-check.js';

/**
 * A fake Azure Resource Manager for tests: HTTPS on 127.0.0.1 with a test-only self-signed
 * certificate (the bearer-token policy of the Azure SDK refuses plain HTTP). It serves a tenant held
 * as ARM JSON, pages every list with absolute nextLink URLs, and can refuse, throttle or time out
 * requests. Every request is recorded with the RBAC action it needs, so tests can hold the
 * collector's calls against the permission document.
 *
 * It answers as the REST API does at the api-version asked for: the tenant holds each record as the
 * newest model in api-schemas/schemas.json has it, and an answer at an older version leaves out what
 * that version's model does not have. Every record and every answer is checked against the models
 * (schema-check.ts); a request at an api-version the extract has no model for is answered 400. Each
 * problem is kept in `violations`, and `close()` throws when there is any, so that every test that
 * runs the fake also holds its answers to the published models.
 */

const HERE = dirname(fileURLToPath(import.meta.url));
/** Test-only certificate and key for IP 127.0.0.1, valid until 2126; trust it with NODE_EXTRA_CA_CERTS or an agent's `ca`. */
export const FAKE_ARM_CERT_FILE = join(HERE, 'cert.pem');
export const FAKE_ARM_CERT = readFileSync(FAKE_ARM_CERT_FILE, 'utf8');
const FAKE_ARM_KEY = readFileSync(join(HERE, 'key.pem'), 'utf8');

export type ArmJson = Record<string, unknown>;

const SCHEMAS = ApiSchemas.load();

/** What the fake tenant holds: subscriptions, and lists of ARM records by the path that lists them. */
export class FakeTenant {
  readonly subscriptions: ArmJson[] = [];
  private readonly lists = new Map<string, ArmJson[]>();
  private readonly byId = new Map<string, ArmJson>();
  /** Management groups by lower-case id: their parent (lower case; none: the tenant root) and subscriptions. */
  private readonly groups = new Map<string, { id: string; displayName: string; parent?: string; subscriptionIds: string[] }>();
  /** Records that stand for answers of an api-version newer than the models (see CheckOptions.newerValues). */
  readonly newerThanModel = new WeakSet<ArmJson>();

  subscription(subscriptionId: string, displayName: string, state = 'Enabled'): this {
    this.subscriptions.push({ id: `/subscriptions/${subscriptionId}`, subscriptionId, tenantId: 'aaaaaaaa-0000-4000-8000-000000000000', displayName, state });
    return this;
  }

  /**
   * Adds records that have ids. Each is listed under its parent path, and a resource in a resource
   * group also under its subscription's provider listing (as `accounts.list` or
   * `roleAssignments.listForSubscription` return them).
   */
  add(...records: ArmJson[]): this {
    for (const item of records) {
      const id = String(item.id);
      this.byId.set(normalize(id), item);
      this.listUnder(id.slice(0, id.lastIndexOf('/')), item);
      // The type right after the last provider namespace, as in .../providers/Microsoft.CognitiveServices/accounts/a.
      const providers = id.toLowerCase().lastIndexOf('/providers/');
      const scope = id.slice(0, providers);
      const [namespace, type, name] = id.slice(providers + '/providers/'.length).split('/');
      const subscription = /^\/subscriptions\/[^/]+/i.exec(id)?.[0];
      if (providers !== -1 && subscription && name !== undefined && id.split('/').length === scope.split('/').length + 4 && normalize(scope) !== normalize(subscription)) {
        this.listUnder(`${subscription}/providers/${namespace}/${type}`, item);
      }
    }
    return this;
  }

  /**
   * Adds records with values an api-version newer than the models may bring (an enum value the model
   * calls extensible but does not list yet, a new kind of compute), to test that the collector leaves
   * them unknown.
   */
  addFromNewerApi(...records: ArmJson[]): this {
    for (const item of records) this.newerThanModel.add(item);
    return this.add(...records);
  }

  /** Adds records that answer a GET of their id but appear in no list. */
  addUnlisted(...records: ArmJson[]): this {
    for (const item of records) this.byId.set(normalize(String(item.id)), item);
    return this;
  }

  /** Adds records without ids (a model catalog) under the path that lists them. */
  addToList(path: string, ...records: ArmJson[]): this {
    for (const item of records) this.listUnder(path, item);
    return this;
  }

  private listUnder(path: string, item: ArmJson): void {
    const key = normalize(path);
    const list = this.lists.get(key) ?? [];
    list.push(item);
    this.lists.set(key, list);
  }

  list(path: string): ArmJson[] | undefined {
    const group = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)\/descendants$/.exec(normalize(path))?.[1];
    if (group !== undefined) return this.descendants(group);
    return normalize(path) === '/subscriptions' ? this.subscriptions : this.lists.get(normalize(path));
  }

  /**
   * Adds a management group under `parent` (none: under the tenant root) and places subscriptions in
   * it: those added with `subscription()` and others the credential cannot see.
   */
  managementGroup(groupId: string, displayName: string, parent: string | undefined, subscriptionIds: string[] = []): this {
    this.groups.set(groupId.toLowerCase(), { id: groupId, displayName, parent: parent?.toLowerCase(), subscriptionIds });
    return this;
  }

  /**
   * ManagementGroups_GetDescendants: every group and subscription beneath a group, at any depth
   * (DescendantInfo), each group before what it holds; undefined for a group the tenant does not have.
   */
  private descendants(groupId: string): ArmJson[] | undefined {
    const group = this.groups.get(groupId);
    if (!group) return undefined;
    const groupRef = (id: string) => `/providers/Microsoft.Management/managementGroups/${id}`;
    const subscriptionName = (id: string) => String(this.subscriptions.find((item) => String(item.subscriptionId).toLowerCase() === id.toLowerCase())?.displayName ?? id);
    const beneath: ArmJson[] = group.subscriptionIds.map((id) => ({ id: `/subscriptions/${id}`, type: '/subscriptions', name: id, properties: { displayName: subscriptionName(id), parent: { id: groupRef(group.id) } } }));
    for (const [key, child] of this.groups) {
      if (child.parent !== groupId) continue;
      beneath.push({ id: groupRef(child.id), type: 'Microsoft.Management/managementGroups', name: child.id, properties: { displayName: child.displayName, parent: { id: groupRef(group.id) } } });
      beneath.push(...(this.descendants(key) ?? []));
    }
    return beneath;
  }

  get(path: string): ArmJson | undefined {
    const found = this.byId.get(normalize(path));
    if (found) return found;
    // Built-in role definitions answer under every subscription.
    const role = /\/providers\/Microsoft\.Authorization\/roleDefinitions\/([^/]+)$/i.exec(path);
    return role ? [...this.byId.values()].find((item) => String(item.id).toLowerCase().endsWith(`/roledefinitions/${role[1]!.toLowerCase()}`)) : undefined;
  }
}

function normalize(path: string): string {
  return path.toLowerCase().replace(/\/+/g, '/').replace(/\/$/, '');
}

/**
 * The Azure RBAC action an ARM GET needs, derived as ARM does: the resource provider namespace after
 * the last `/providers/`, then the resource type segments. `GET /subscriptions` needs
 * `Microsoft.Resources/subscriptions/read`.
 */
export function armReadAction(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const providers = segments.map((segment) => segment.toLowerCase()).lastIndexOf('providers');
  const typeSegments = (from: string[]) => from.filter((_, index) => index % 2 === 0);
  if (providers === -1) return ['Microsoft.Resources', ...typeSegments(segments), 'read'].join('/');
  return [segments[providers + 1], ...typeSegments(segments.slice(providers + 2)), 'read'].join('/');
}

export interface RecordedRequest {
  method: string;
  path: string;
  action: string;
  subscriptionId?: string;
  /** The HTTP status answered; 0 for a request left hanging. */
  status: number;
}

export interface FakeArmOptions {
  /** The bearer token clients must send. */
  token: string;
  /** Items per page of every pageable list. */
  pageSize?: number;
  /** Refuse these actions (`*`: every action) in one subscription, below one scope (a path prefix, such as a management group), or everywhere, with 403 AuthorizationFailed. */
  deny?: Array<{ action: string; subscriptionId?: string; scope?: string }>;
  /** Answer the first N attempts of every distinct request with 429 and Retry-After: 0. */
  throttleFirst?: number;
  /** Never answer requests whose path matches (the client's timeout must end them). */
  hang?: RegExp;
  /** Hold every answer this long, so that requests the client sends together are in flight together. */
  holdMs?: number;
}

/** Lists answered in one response (their operations are not pageable: diagnostic settings, Defender for Cloud pricings). */
const UNPAGED_LISTS = /\/providers\/microsoft\.(insights\/diagnosticsettings|security\/pricings)$/i;

export class FakeArm {
  readonly requests: RecordedRequest[] = [];
  /** Answers that the REST API models would not give, and requests at api-versions without a model. */
  readonly violations: string[] = [];
  private readonly authored = new WeakMap<ArmJson, string[]>();
  /** The most requests that were being answered at one time. */
  maxInFlight = 0;
  private inFlight = 0;
  private readonly throttled = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly tenant: FakeTenant,
    private readonly options: FakeArmOptions,
  ) {}

  static async start(tenant: FakeTenant, options: FakeArmOptions): Promise<FakeArm> {
    const server = createServer({ cert: FAKE_ARM_CERT, key: FAKE_ARM_KEY });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeArm(server, `https://127.0.0.1:${(server.address() as AddressInfo).port}`, tenant, options);
    server.on('request', (request, response) => {
      fake.maxInFlight = Math.max(fake.maxInFlight, ++fake.inFlight);
      response.on('finish', () => fake.inFlight--);
      setTimeout(() => fake.answer(request, response), options.holdMs ?? 0);
    });
    return fake;
  }

  /** Stops the server; throws when an answer broke the REST API models (see `violations`). */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.assertTrueToModels();
  }

  assertTrueToModels(): void {
    if (this.violations.length === 0) return;
    const shown = [...new Set(this.violations)];
    throw new Error(`the fake Resource Manager answered outside the REST API models ${shown.length} time(s):\n${shown.slice(0, 30).join('\n')}`);
  }

  /** The actions of the requests that were answered with data (not refused, not throttled). */
  actionsUsed(): string[] {
    return [...new Set(this.requests.filter((request) => request.status === 200).map((request) => request.action))].sort();
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', this.url);
    const path = decodeURIComponent(url.pathname).replace(/\/+/g, '/');
    const action = armReadAction(path);
    const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(path)?.[1];
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ method: request.method ?? 'GET', path, action, subscriptionId, status });
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(JSON.stringify(body));
    };
    const error = (status: number, code: string, message: string, headers?: Record<string, string>) => reply(status, { error: { code, message } }, headers);

    if (request.headers.authorization !== `Bearer ${this.options.token}`) {
      return error(401, 'InvalidAuthenticationToken', 'The access token is invalid.');
    }
    if (request.method !== 'GET') return error(405, 'MethodNotAllowed', `The fake Resource Manager is read-only; ${request.method} is not served.`);
    const denied = this.options.deny?.some((rule) => (rule.action === '*' || rule.action.toLowerCase() === action.toLowerCase()) && (!rule.subscriptionId || rule.subscriptionId === subscriptionId) && (!rule.scope || normalize(path).startsWith(normalize(rule.scope))));
    if (denied) {
      return error(403, 'AuthorizationFailed', `The client 'aispm-test' with object id 'bbbbbbbb-0000-4000-8000-000000000000' does not have authorization to perform action '${action}' over scope '${path}' or the scope is invalid.`);
    }
    if (this.options.hang?.test(path)) {
      this.requests.push({ method: request.method ?? 'GET', path, action, subscriptionId, status: 0 });
      return;
    }
    const attempts = this.throttled.get(url.href) ?? 0;
    if (attempts < (this.options.throttleFirst ?? 0)) {
      this.throttled.set(url.href, attempts + 1);
      return error(429, 'TooManyRequests', 'The request is being throttled.', { 'retry-after': '0' });
    }

    const { type, list: isList } = requestedType(path);
    const version = url.searchParams.get('api-version') ?? '';
    if (!SCHEMAS.has(type, version)) {
      this.violations.push(`GET ${path}?api-version=${version}: no model of ${type} at this api-version in api-schemas/schemas.json (have: ${SCHEMAS.versions(type).join(', ') || 'none'})`);
      return error(400, 'InvalidApiVersionParameter', `The api-version '${version}' is invalid. The supported versions are '${SCHEMAS.versions(type).join(',')}'.`);
    }
    const serve = (record: ArmJson) => this.asAnswer(record, type, version, path);
    if (isList) {
      // A list nobody added to is empty.
      const items = atScopeOnly(path, url, this.tenant.list(path) ?? []).map(serve);
      const body = UNPAGED_LISTS.test(path) ? { value: items } : this.page(url, items);
      for (const problem of SCHEMAS.checkEnvelope(type, version, body)) this.violations.push(`GET ${path}?api-version=${version}: ${problem}`);
      return reply(200, body);
    }
    const item = this.tenant.get(path);
    if (item) return reply(200, serve(item));
    return error(404, 'ResourceNotFound', `The resource '${path}' was not found.`);
  }

  /**
   * A record as the answer at `version`: checked as written against the newest model of its type,
   * then left without what the model at `version` does not have, and checked again.
   */
  private asAnswer(record: ArmJson, type: string, version: string, path: string): ArmJson {
    const options = { newerValues: this.tenant.newerThanModel.has(record) };
    let authored = this.authored.get(record);
    if (!authored) {
      const newest = SCHEMAS.versions(type).at(-1)!;
      authored = SCHEMAS.check(type, newest, record, options).map((problem) => `${String(record.id ?? record.name ?? type)} as written (${type}@${newest}): ${problem}`);
      this.authored.set(record, authored);
    }
    this.violations.push(...authored);
    const answer = SCHEMAS.project(type, version, record) as ArmJson;
    for (const problem of SCHEMAS.check(type, version, answer, options)) this.violations.push(`GET ${path}?api-version=${version}: ${String(record.id ?? record.name ?? type)}: ${problem}`);
    return answer;
  }

  private page(url: URL, list: ArmJson[]): { value: ArmJson[]; nextLink?: string } {
    const pageSize = this.options.pageSize ?? 2;
    const start = Number(url.searchParams.get('$skiptoken') ?? 0);
    const value = list.slice(start, start + pageSize);
    if (start + pageSize >= list.length) return { value };
    const next = new URL(url.href);
    next.searchParams.set('$skiptoken', String(start + pageSize));
    return { value, nextLink: next.href };
  }
}

/**
 * PolicyAssignments_List with `$filter=atScope()`: the assignments at the subscription and at the
 * management groups above it, without those at resource groups and resources inside it (which the
 * unfiltered list includes). The fake knows no other `$filter` of that list: it answers it unfiltered.
 */
function atScopeOnly(path: string, url: URL, list: ArmJson[]): ArmJson[] {
  if (!/\/providers\/Microsoft\.Authorization\/policyAssignments$/i.test(path)) return list;
  const filter = url.searchParams.get('$filter');
  if (filter !== 'atScope()') return list;
  const scope = path.slice(0, path.toLowerCase().lastIndexOf('/providers/')).toLowerCase();
  return list.filter((item) => {
    const at = String((item.properties as ArmJson | undefined)?.scope ?? '').toLowerCase();
    return !(at.startsWith(`${scope}/`) && at !== scope);
  });
}

/**
 * The resource type a GET names and whether it lists them. ARM paths alternate type and name after
 * the last provider namespace (an odd count of segments names a list); a path without one is the
 * subscriptions (`/subscriptions`, `/subscriptions/{id}`).
 */
export function requestedType(path: string): { type: string; list: boolean } {
  const segments = path.split('/').filter(Boolean);
  const providers = segments.map((segment) => segment.toLowerCase()).lastIndexOf('providers');
  if (providers === -1) return { type: 'Microsoft.Resources/subscriptions', list: segments.length % 2 === 1 };
  const rest = segments.slice(providers + 2);
  return { type: [segments[providers + 1], ...rest.filter((_, index) => index % 2 === 0)].join('/'), list: rest.length % 2 === 1 };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkAgainstModel, type ApiModel } from './api-model.js';
import type { FakeGoogleEstate, FakeProject } from './estate.js';

/**
 * A fake of the Google APIs aispm calls, on 127.0.0.1, speaking their REST wire protocol: Vertex AI
 * (v1, pageToken paging), Notebooks v2 (Workbench instances), Resource Manager v3, Cloud KMS v1,
 * API Keys v2, Service Usage v1 (batchGet), Model Armor v1 (floor settings, templates), Organization
 * Policy v2 (effective policies, constraints), Access Context Manager v1 (access policies, service
 * perimeters) and the Cloud Storage JSON API, with
 * Google's error bodies. It records every request with the IAM permission the real API checks, so
 * the tests can hold the permission document to what the collector really calls.
 *
 * Every answer, errors included, is checked against Google's published model of it (api-model.ts):
 * what departs from it is recorded in `violations`, and `close()` throws when there are any, so no
 * suite can pass on an answer the real API would not give.
 */

export interface FakeRequest {
  method: string;
  path: string;
  pageToken?: string;
  /** The IAM permission the real API checks for this request; undefined for a request the fake does not know. */
  permission?: string;
  status: number;
}

/** Where an answer of the fake departs from the API's published model. */
export interface FakeViolation {
  /** `METHOD /path` and the status answered. */
  request: string;
  status: number;
  /** JSON pointer into the answer. */
  at: string;
  message: string;
}

export interface FakeBehaviour {
  /** Items per page in Vertex AI lists. */
  pageSize?: number;
  /** Answer the first N attempts at every distinct request with 429 RESOURCE_EXHAUSTED. */
  throttle?: number;
  /** Answer 403 PERMISSION_DENIED when this returns true for the request's permission and path. */
  deny?: (permission: string, path: string) => boolean;
  /** Never answer these requests (for the per-request timeout). */
  hang?: (permission: string, path: string) => boolean;
}

export interface FakeGoogle {
  /** Base URL for AISPM_GCP_ENDPOINT. */
  url: string;
  token: string;
  requests: FakeRequest[];
  /** Every departure of an answer from its model, since the fake started (reset keeps them). */
  violations: FakeViolation[];
  /** Changes behaviour for the next scans and forgets the recorded requests. */
  reset(behaviour?: FakeBehaviour): void;
  /** Stops the server; throws when an answer departed from its model. */
  close(): Promise<void>;
}

/** The Vertex AI collections the fake serves: REST collection → the permission its list needs. */
const VERTEX_COLLECTIONS = [
  'endpoints',
  'models',
  'datasets',
  'customJobs',
  'trainingPipelines',
  'modelDeploymentMonitoringJobs',
  'notebookRuntimes',
  'notebookRuntimeTemplates',
  'featureOnlineStores',
  'indexEndpoints',
  'reasoningEngines',
  'tensorboards',
  'metadataStores',
  'ragCorpora',
  'indexes',
];

interface Route {
  /** The permission the request is recorded (and denied) under. */
  permission: string;
  /** Further permissions the real API checks for this request (a Cloud Storage get with projection=full). */
  alsoNeeds?: string[];
  /** The message or schema of a successful answer (errors are checked against the API's error dialect). */
  model: ApiModel;
  answer: () => unknown;
}

/**
 * The IAM permission the fake records for a request (method, and path with query), by the same
 * routing that answers it; undefined for a request the fake does not serve.
 */
export function permissionOf(method: string, url: string): string | undefined {
  return routeOf({ projects: {}, buckets: {}, keys: {} }, method, new URL(url, 'http://fake'), 1)?.permission;
}

/** Cloud Storage speaks its own error dialect; every other API here answers google.rpc.Status bodies. */
const isStorage = (path: string) => path.startsWith('/storage/');

export async function startFakeGoogle(estate: FakeGoogleEstate): Promise<FakeGoogle> {
  const token = 'fake-gcp-token';
  const requests: FakeRequest[] = [];
  const violations: FakeViolation[] = [];
  let behaviour: FakeBehaviour = {};
  const attempts = new Map<string, number>();
  const hanging = new Set<ServerResponse>();

  const server: Server = createServer((request, response) => {
    void handle(request, response);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method ?? 'GET';
    for await (const chunk of request) void chunk; // drain the body (getIamPolicy posts options)
    const route = routeOf(estate, method, url, behaviour.pageSize ?? 2);
    const storage = isStorage(url.pathname);
    const send = (status: number, body: unknown) => {
      requests.push({ method, path: url.pathname, pageToken: url.searchParams.get('pageToken') ?? undefined, permission: route?.permission, status });
      for (const violation of checkAnswer(route, storage, status, body)) violations.push({ request: `${method} ${url.pathname}`, status, ...violation });
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body, null, 2));
    };
    if (request.headers.authorization !== `Bearer ${token}`) return send(401, failure(storage, 401, 'Request had invalid authentication credentials.'));
    if (!route) return send(404, failure(storage, 404, `The fake does not serve ${method} ${url.pathname}`));
    if (behaviour.hang?.(route.permission, url.pathname)) {
      requests.push({ method, path: url.pathname, permission: route.permission, status: 0 });
      hanging.add(response);
      return;
    }
    const key = `${method} ${url.pathname}?${url.searchParams.get('pageToken') ?? ''}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    if (attempt <= (behaviour.throttle ?? 0)) return send(429, failure(storage, 429, 'Quota exceeded for quota metric read requests.'));
    if ([route.permission, ...(route.alsoNeeds ?? [])].some((permission) => behaviour.deny?.(permission, url.pathname))) return send(403, failure(storage, 403, `Permission '${route.permission}' denied on resource (or it may not exist).`));
    try {
      send(200, route.answer());
    } catch (error) {
      if (error instanceof FakeHttpError) return send(error.status, error.body);
      throw error;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    violations,
    reset(next = {}) {
      behaviour = next;
      attempts.clear();
      requests.length = 0;
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (violations.length > 0) throw new Error(`The fake Google APIs answered outside Google's published model:\n${describeViolations(violations)}`);
    },
  };
}

/** The answer checked against its model: a success against the route's message, an error against its API's dialect. */
function checkAnswer(route: Route | undefined, storage: boolean, status: number, body: unknown): Array<{ at: string; message: string }> {
  if (status < 300 && route) return checkAgainstModel(route.model, body);
  const found = checkAgainstModel({ error: storage ? 'storage' : 'google' }, body);
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return code === status ? found : [...found, { at: '/error/code', message: `${JSON.stringify(code)} is not the HTTP status ${status}` }];
}

/** Violations as lines, one per departure, for an assertion message. */
export function describeViolations(violations: FakeViolation[]): string {
  return violations.map((violation) => `${violation.request} (${violation.status}) ${violation.at || '/'}: ${violation.message}`).join('\n');
}

class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

function googleError(code: number, status: string, message: string, reason?: string): unknown {
  return { error: { code, message, status, ...(reason ? { details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com' }] } : {}) } };
}

/** Cloud Storage errors have no status, only errors[].reason. */
function storageError(code: number, reason: string, message: string, domain = 'global'): unknown {
  return { error: { code, message, errors: [{ message, domain, reason }] } };
}

/** The status name (google.rpc.Code) and the Cloud Storage reason each HTTP status the fake answers with carries. */
const FAILURES: Record<number, { status: string; reason: string; domain?: string }> = {
  400: { status: 'INVALID_ARGUMENT', reason: 'invalid' },
  401: { status: 'UNAUTHENTICATED', reason: 'required' },
  403: { status: 'PERMISSION_DENIED', reason: 'forbidden' },
  404: { status: 'NOT_FOUND', reason: 'notFound' },
  429: { status: 'RESOURCE_EXHAUSTED', reason: 'rateLimitExceeded', domain: 'usageLimits' },
};

/** A failure in the dialect of the API asked: Cloud Storage's, or google.rpc.Status. */
function failure(storage: boolean, code: number, message: string): unknown {
  const { status, reason, domain } = FAILURES[code]!;
  return storage ? storageError(code, reason, message, domain) : googleError(code, status, message);
}

function project(estate: FakeGoogleEstate, id: string): FakeProject {
  const found = estate.projects[id];
  if (!found) throw new FakeHttpError(403, googleError(403, 'PERMISSION_DENIED', `Permission denied on resource project ${id} (or it may not exist).`));
  return found;
}

/** Vertex AI answers a project whose API is disabled with 403 SERVICE_DISABLED. */
function vertexProject(estate: FakeGoogleEstate, id: string): FakeProject {
  const found = project(estate, id);
  if (found.vertexDisabled) throw new FakeHttpError(403, googleError(403, 'PERMISSION_DENIED', `Vertex AI API has not been used in project ${found.number} before or it is disabled.`, 'SERVICE_DISABLED'));
  return found;
}

/** The Notebooks API answers a project where it is not enabled with 403 SERVICE_DISABLED. */
function workbenchInstances(estate: FakeGoogleEstate, id: string): unknown[] {
  const found = project(estate, id);
  if (found.workbench === 'disabled') throw new FakeHttpError(403, googleError(403, 'PERMISSION_DENIED', `Notebooks API has not been used in project ${found.number} before or it is disabled.`, 'SERVICE_DISABLED'));
  return found.workbench ?? [];
}

/** The id of a project named by id or number. */
function projectIdOf(estate: FakeGoogleEstate, idOrNumber: string): string {
  return Object.entries(estate.projects).find(([, candidate]) => candidate.number === idOrNumber)?.[0] ?? idOrNumber;
}

/** Service Usage names a project by id or number. */
function projectByIdOrNumber(estate: FakeGoogleEstate, idOrNumber: string): FakeProject {
  const byNumber = Object.values(estate.projects).find((candidate) => candidate.number === idOrNumber);
  return byNumber ?? project(estate, idOrNumber);
}

/** An API's state: as the estate says, else Vertex AI enabled unless the project has it off, and every other API disabled. */
function serviceState(found: FakeProject, api: string): string {
  return found.services?.[api] ?? (api === 'aiplatform.googleapis.com' && !found.vertexDisabled ? 'ENABLED' : 'DISABLED');
}

/** Model Armor answers a project where its API is not enabled with 403 SERVICE_DISABLED. */
function modelArmorOf(estate: FakeGoogleEstate, id: string): Exclude<FakeProject['modelArmor'], 'disabled' | undefined> {
  const found = project(estate, id);
  if (found.modelArmor === 'disabled') throw new FakeHttpError(403, googleError(403, 'PERMISSION_DENIED', `Model Armor API has not been used in project ${found.number} before or it is disabled.`, 'SERVICE_DISABLED'));
  return found.modelArmor ?? {};
}

function routeOf(estate: FakeGoogleEstate, method: string, url: URL, pageSize: number): Route | undefined {
  const path = decodeURIComponent(url.pathname);
  let match: RegExpExecArray | null;
  if (method === 'GET' && (match = /^\/v1\/projects\/([^/]+)\/locations$/.exec(path))) {
    const id = match[1]!;
    return { permission: 'aiplatform.locations.list', model: { proto: 'google.cloud.location.ListLocationsResponse' }, answer: () => ({ locations: Object.keys(vertexProject(estate, id).locations).map((locationId) => ({ name: `projects/${id}/locations/${locationId}`, locationId })) }) };
  }
  if (method === 'GET' && (match = /^\/v1\/projects\/([^/]+)\/locations\/([^/]+)\/([A-Za-z]+)$/.exec(path)) && VERTEX_COLLECTIONS.includes(match[3]!)) {
    const [, id, location, collection] = match as unknown as [string, string, string, string];
    return {
      permission: `aiplatform.${collection}.list`,
      model: { proto: `google.cloud.aiplatform.v1.List${collection[0]!.toUpperCase()}${collection.slice(1)}Response` },
      answer: () => {
        const place = vertexProject(estate, id).locations[location];
        if (place === 'denied') denied(`aiplatform.${collection}.list`);
        const records = place?.[collection];
        if (records === 'not-offered') throw new FakeHttpError(404, googleError(404, 'NOT_FOUND', `${collection} are not available in ${location}.`));
        return page(collection, records ?? [], url.searchParams.get('pageToken'), pageSize);
      },
    };
  }
  if (method === 'GET' && (match = /^\/v1\/(projects\/([^/]+)\/locations\/[^/]+\/ragCorpora\/[^/]+)\/ragFiles$/.exec(path))) {
    const [, corpus, id] = match as unknown as [string, string, string];
    return {
      permission: 'aiplatform.ragFiles.list',
      model: { proto: 'google.cloud.aiplatform.v1.ListRagFilesResponse' },
      answer: () => {
        const files = vertexProject(estate, projectIdOf(estate, id)).ragFiles?.[corpus] ?? notFound(corpus);
        return page('ragFiles', files, url.searchParams.get('pageToken'), pageSize);
      },
    };
  }
  if (method === 'GET' && (match = /^\/v2\/projects\/([^/]+)\/locations\/-\/instances$/.exec(path))) {
    const id = match[1]!;
    return {
      permission: 'notebooks.instances.list',
      model: { proto: 'google.cloud.notebooks.v2.ListInstancesResponse' },
      answer: () => {
        const listed = page('instances', workbenchInstances(estate, id), url.searchParams.get('pageToken'), pageSize) as Record<string, unknown>;
        const unreachable = url.searchParams.get('pageToken') ? undefined : estate.projects[id]?.workbenchUnreachable;
        return unreachable ? { ...listed, unreachable } : listed;
      },
    };
  }
  if (method === 'GET' && (match = /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+)$/.exec(path))) {
    const name = match[1]!;
    return { permission: 'cloudkms.cryptoKeys.get', model: { proto: 'google.cloud.kms.v1.CryptoKey' }, answer: () => estate.keys[name] ?? notFound(name) };
  }
  if (method === 'GET' && (match = /^\/v3\/projects\/([^/:]+)$/.exec(path))) {
    const id = match[1]!;
    return {
      permission: 'resourcemanager.projects.get',
      model: { proto: 'google.cloud.resourcemanager.v3.Project' },
      answer: () => {
        const found = project(estate, id);
        return { name: `projects/${found.number}`, projectId: id, state: 'ACTIVE', ...(found.parent ? { parent: found.parent } : {}) };
      },
    };
  }
  if (method === 'POST' && (match = /^\/v3\/projects\/([^/:]+):getIamPolicy$/.exec(path))) {
    const id = match[1]!;
    return { permission: 'resourcemanager.projects.getIamPolicy', model: { proto: 'google.iam.v1.Policy' }, answer: () => project(estate, id).iamPolicy ?? denied('resourcemanager.projects.getIamPolicy') };
  }
  if (method === 'GET' && (match = /^\/storage\/v1\/b\/([^/]+)(\/iam)?$/.exec(path))) {
    const [, name, iam] = match as unknown as [string, string, string | undefined];
    // The ACLs (projection=full) need storage.buckets.getIamPolicy besides storage.buckets.get (Cloud Storage IAM permissions for JSON methods).
    const full = !iam && url.searchParams.get('projection') === 'full';
    const permission = iam || full ? 'storage.buckets.getIamPolicy' : 'storage.buckets.get';
    return {
      permission,
      ...(full ? { alsoNeeds: ['storage.buckets.get'] } : {}),
      model: { storage: iam ? 'Policy' : 'Bucket' },
      answer: () => {
        const bucket = estate.buckets[name];
        if (!bucket) throw new FakeHttpError(404, storageError(404, 'notFound', 'The specified bucket does not exist.'));
        if (bucket.denied) throw new FakeHttpError(403, storageError(403, 'forbidden', `aispm-reader does not have ${permission} access to the Google Cloud Storage bucket.`));
        if (iam) return bucket.iamPolicy;
        if (full) return bucket.bucket;
        const { acl: _acl, defaultObjectAcl: _defaultObjectAcl, owner: _owner, ...noAcl } = bucket.bucket as Record<string, unknown>;
        return noAcl;
      },
    };
  }
  if (method === 'GET' && (path === '/v3/folders' || path === '/v3/projects')) {
    // ListFolders and ListProjects: the direct children of `parent`; those being deleted only with showDeleted (as projects.proto and folders.proto say).
    const collection = path === '/v3/folders' ? 'folders' : 'projects';
    const permission = `resourcemanager.${collection}.list`;
    const parent = url.searchParams.get('parent') ?? '';
    const shown = (state: string | undefined) => (state ?? 'ACTIVE') === 'ACTIVE' || url.searchParams.get('showDeleted') === 'true';
    return {
      permission,
      model: { proto: `google.cloud.resourcemanager.v3.List${collection === 'folders' ? 'Folders' : 'Projects'}Response` },
      answer: () => {
        if (estate.ancestors?.[parent]?.unlistable) denied(permission);
        const children =
          collection === 'folders'
            ? Object.entries(estate.ancestors ?? {})
                .filter(([name, folder]) => name.startsWith('folders/') && folder.parent === parent && shown(folder.state))
                .map(([name, folder]) => ({ name, parent, displayName: folder.displayName ?? name, state: folder.state ?? 'ACTIVE' }))
            : Object.entries(estate.projects)
                .filter(([, candidate]) => candidate.parent === parent && shown(candidate.state))
                .map(([projectId, candidate]) => ({ name: `projects/${candidate.number}`, parent, projectId, state: candidate.state ?? 'ACTIVE', displayName: projectId }));
        return page(collection, children, url.searchParams.get('pageToken'), pageSize);
      },
    };
  }
  if (method === 'GET' && (match = /^\/v3\/(folders\/[^/:]+)$/.exec(path))) {
    const name = match[1]!;
    return {
      permission: 'resourcemanager.folders.get',
      model: { proto: 'google.cloud.resourcemanager.v3.Folder' },
      answer: () => {
        const folder = estate.ancestors?.[name] ?? denied('resourcemanager.folders.get');
        return { name, parent: folder.parent, displayName: folder.displayName ?? name, state: 'ACTIVE' };
      },
    };
  }
  if (method === 'POST' && (match = /^\/v3\/((folders|organizations)\/[^/:]+):getIamPolicy$/.exec(path))) {
    const [, name, kind] = match as unknown as [string, string, string];
    const permission = `resourcemanager.${kind}.getIamPolicy`;
    return { permission, model: { proto: 'google.iam.v1.Policy' }, answer: () => estate.ancestors?.[name]?.iamPolicy ?? denied(permission) };
  }
  if (method === 'GET' && (match = /^\/v2\/projects\/([^/]+)\/locations\/global\/keys$/.exec(path))) {
    const id = match[1]!;
    return { permission: 'apikeys.keys.list', model: { proto: 'google.api.apikeys.v2.ListKeysResponse' }, answer: () => page('keys', project(estate, id).apiKeys ?? [], url.searchParams.get('pageToken'), pageSize) };
  }
  if (method === 'GET' && (match = /^\/v1\/projects\/([^/]+)\/services:batchGet$/.exec(path))) {
    const id = match[1]!;
    return {
      permission: 'serviceusage.services.get',
      model: { proto: 'google.api.serviceusage.v1.BatchGetServicesResponse' },
      answer: () => {
        const found = projectByIdOrNumber(estate, id);
        const services = url.searchParams.getAll('names').map((name) => {
          const api = name.slice(name.lastIndexOf('/') + 1);
          return { name: `projects/${found.number}/services/${api}`, parent: `projects/${found.number}`, state: serviceState(found, api) };
        });
        return services.length > 0 ? { services } : {};
      },
    };
  }
  if (method === 'GET' && (match = /^\/v1\/((projects|folders|organizations)\/[^/]+)\/locations\/global\/floorSetting$/.exec(path))) {
    const [, parent, kind] = match as unknown as [string, string, string];
    return {
      permission: 'modelarmor.floorSettings.get',
      model: { proto: 'google.cloud.modelarmor.v1.FloorSetting' },
      answer: () => {
        if (kind !== 'projects') return estate.ancestors?.[parent]?.floorSetting ?? denied('modelarmor.floorSettings.get');
        const armor = modelArmorOf(estate, parent.slice('projects/'.length));
        // A floor setting is a singleton of every project: one never configured has only its name and an empty filter configuration.
        return armor.floorSetting ?? { name: `${parent}/locations/global/floorSetting`, filterConfig: {} };
      },
    };
  }
  if (method === 'GET' && (match = /^\/v1\/projects\/([^/]+)\/locations\/([^/]+)\/templates$/.exec(path))) {
    const [, id, location] = match as unknown as [string, string, string];
    return { permission: 'modelarmor.templates.list', model: { proto: 'google.cloud.modelarmor.v1.ListTemplatesResponse' }, answer: () => page('templates', modelArmorOf(estate, id).templates?.[location] ?? [], url.searchParams.get('pageToken'), pageSize) };
  }
  if (method === 'GET' && path === '/v1/accessPolicies') {
    const parent = url.searchParams.get('parent') ?? '';
    return {
      permission: 'accesscontextmanager.policies.list',
      model: { proto: 'google.identity.accesscontextmanager.v1.ListAccessPoliciesResponse' },
      answer: () => {
        const policies = estate.ancestors?.[parent]?.accessPolicies ?? denied('accesscontextmanager.policies.list');
        return page('accessPolicies', Object.keys(policies).map((name) => ({ name, parent, title: lastSegmentOf(name) })), url.searchParams.get('pageToken'), pageSize);
      },
    };
  }
  if (method === 'GET' && (match = /^\/v1\/(accessPolicies\/[^/]+)\/servicePerimeters$/.exec(path))) {
    const name = match[1]!;
    return {
      permission: 'accesscontextmanager.servicePerimeters.list',
      model: { proto: 'google.identity.accesscontextmanager.v1.ListServicePerimetersResponse' },
      answer: () => {
        const perimeters = Object.values(estate.ancestors ?? {}).find((ancestor) => ancestor.accessPolicies?.[name])?.accessPolicies?.[name] ?? notFound(name);
        return page('servicePerimeters', perimeters, url.searchParams.get('pageToken'), pageSize);
      },
    };
  }
  if (method === 'GET' && (match = /^\/v2\/projects\/([^/]+)\/policies\/([^/:]+):getEffectivePolicy$/.exec(path))) {
    const [, id, constraint] = match as unknown as [string, string, string];
    return {
      permission: 'orgpolicy.policy.get',
      model: { proto: 'google.cloud.orgpolicy.v2.Policy' },
      answer: () => {
        const found = project(estate, id);
        if (found.orgPolicies === 'denied') denied('orgpolicy.policy.get');
        if (!FAKE_CONSTRAINTS.some((known) => known.name === constraint)) throw new FakeHttpError(400, googleError(400, 'INVALID_ARGUMENT', `Constraint constraints/${constraint} is not a valid constraint.`));
        // The effective policy names the project by number and carries no etag; with no policy anywhere, no rule (orgpolicy.proto).
        const spec = found.orgPolicies?.[constraint];
        return { name: `projects/${found.number}/policies/${constraint}`, ...(spec ? { spec } : {}) };
      },
    };
  }
  if (method === 'GET' && (match = /^\/v2\/projects\/([^/]+)\/constraints$/.exec(path))) {
    const id = match[1]!;
    return {
      permission: 'orgpolicy.constraints.list',
      model: { proto: 'google.cloud.orgpolicy.v2.ListConstraintsResponse' },
      answer: () => {
        const found = project(estate, id);
        if (found.orgPolicies === 'denied') denied('orgpolicy.constraints.list');
        const constraints = FAKE_CONSTRAINTS.map(({ name, kind, displayName, constraintDefault }) => ({
          name: `projects/${found.number}/constraints/${name}`,
          displayName,
          constraintDefault: constraintDefault ?? 'ALLOW',
          ...(kind === 'boolean' ? { booleanConstraint: {} } : { listConstraint: { supportsUnder: true } }),
          supportsDryRun: true,
        }));
        return page('constraints', constraints, url.searchParams.get('pageToken'), pageSize);
      },
    };
  }
  if (method === 'GET' && (match = /^\/v2\/projects\/([^/]+)\/locations\/([^/]+)\/fileStoreDataProfiles$/.exec(path))) {
    const [, id, location] = match as unknown as [string, string, string];
    return {
      permission: 'dlp.fileStoreProfiles.list',
      model: { proto: 'google.privacy.dlp.v2.ListFileStoreDataProfilesResponse' },
      answer: () => {
        const found = project(estate, id);
        if (found.dataProfiles === 'disabled') throw new FakeHttpError(403, googleError(403, 'PERMISSION_DENIED', `Cloud Data Loss Prevention (DLP) API has not been used in project ${found.number} before or it is disabled.`, 'SERVICE_DISABLED'));
        // The one filter the collector sends: file_store_path = "gs://BUCKET" (AIP-160).
        const filter = url.searchParams.get('filter') ?? '';
        const path = /^file_store_path = "([^"]+)"$/.exec(filter)?.[1];
        if (filter !== '' && path === undefined) throw new FakeHttpError(400, googleError(400, 'INVALID_ARGUMENT', `Invalid filter: ${filter}`));
        const profiles = (found.dataProfiles?.[location] ?? []).filter((profile) => path === undefined || (profile as { fileStorePath?: string }).fileStorePath === path);
        return page('fileStoreDataProfiles', profiles, url.searchParams.get('pageToken'), pageSize);
      },
    };
  }
  if (method === 'POST' && (match = /^\/v1\/projects\/[^/]+\/serviceAccounts\/([^/:]+):getIamPolicy$/.exec(path))) {
    const email = match[1]!;
    return { permission: 'iam.serviceAccounts.getIamPolicy', model: { proto: 'google.iam.v1.Policy' }, answer: () => estate.serviceAccountPolicies?.[email] ?? { etag: 'ACAB' } };
  }
  return undefined;
}

/**
 * The constraints the fake knows, each with the default Google documents for it ("not enforced" for
 * the boolean ones, every value allowed for the list ones), except where `constraintDefault` says
 * otherwise: partner-model features are off until a policy allows them ("Enable web search for
 * partner models", https://cloud.google.com/vertex-ai/generative-ai/docs/control-model-access).
 * https://cloud.google.com/resource-manager/docs/organization-policy/org-policy-constraints
 */
const FAKE_CONSTRAINTS: Array<{ name: string; kind: 'boolean' | 'list'; displayName: string; constraintDefault?: 'DENY' }> = [
  { name: 'vertexai.allowedModels', kind: 'list', displayName: 'Define allowed Vertex AI models' },
  { name: 'ainotebooks.disableRootAccess', kind: 'boolean', displayName: 'Disable root access on new Vertex AI Workbench user-managed notebooks and instances' },
  { name: 'ainotebooks.disableTerminal', kind: 'boolean', displayName: 'Disable terminal on new Vertex AI Workbench instances' },
  { name: 'ainotebooks.disableFileDownloads', kind: 'boolean', displayName: 'Disable file downloads on new Vertex AI Workbench instances' },
  { name: 'ainotebooks.restrictPublicIp', kind: 'boolean', displayName: 'Restrict public IP access on new Vertex AI Workbench notebooks and instances' },
  { name: 'gcp.restrictNonCmekServices', kind: 'list', displayName: 'Restrict which services may create resources without CMEK' },
  { name: 'iam.disableServiceAccountKeyCreation', kind: 'boolean', displayName: 'Disable service account key creation' },
  { name: 'iam.managed.disableServiceAccountKeyCreation', kind: 'boolean', displayName: 'Block service account key creation' },
  { name: 'iam.allowedPolicyMemberDomains', kind: 'list', displayName: 'Domain restricted sharing' },
  { name: 'compute.requireOsLogin', kind: 'boolean', displayName: 'Require OS Login' },
  { name: 'vertexai.allowedGenAIModels', kind: 'list', displayName: 'Define allowed generative AI models' },
  { name: 'vertexai.allowedPartnerModelFeatures', kind: 'list', displayName: 'Define allowed partner model features', constraintDefault: 'DENY' },
  { name: 'vertexai.disableGenAIGoogleSearchGrounding', kind: 'boolean', displayName: 'Disable Grounding with Google Search in generative AI APIs' },
  { name: 'vertexai.genAIGroundingSources', kind: 'list', displayName: 'Define allowed grounding sources for generative AI' },
  { name: 'ainotebooks.requireAutoUpgradeSchedule', kind: 'boolean', displayName: 'Require automatic scheduled upgrades on new Vertex AI Workbench user-managed notebooks and instances' },
  { name: 'compute.vmExternalIpAccess', kind: 'list', displayName: 'Define allowed external IPs for VM instances' },
  { name: 'iam.automaticIamGrantsForDefaultServiceAccounts', kind: 'boolean', displayName: 'Disable Automatic IAM Grants for Default Service Accounts' },
];

/** One page of a list; an empty list is left out, as proto3 JSON leaves out every empty repeated field. */
function page(collection: string, records: unknown[], pageToken: string | null, pageSize: number): unknown {
  const start = Number(pageToken ?? 0);
  const end = start + pageSize;
  const items = records.slice(start, end);
  return { ...(items.length > 0 ? { [collection]: items } : {}), ...(end < records.length ? { nextPageToken: String(end) } : {}) };
}

const lastSegmentOf = (name: string) => name.slice(name.lastIndexOf('/') + 1);

function notFound(name: string): never {
  throw new FakeHttpError(404, googleError(404, 'NOT_FOUND', `${name} not found.`));
}

function denied(permission: string): never {
  throw new FakeHttpError(403, googleError(403, 'PERMISSION_DENIED', `The caller does not have permission ${permission}.`));
}

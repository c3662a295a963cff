import type { v1 as vertex } from '@google-cloud/aiplatform';
import type { ApiKeysClient } from '@google-cloud/apikeys';
import type { KeyManagementServiceClient } from '@google-cloud/kms';
import type { v1 as modelArmor } from '@google-cloud/modelarmor';
import type { ServiceUsageClient } from '@google-cloud/service-usage';
import type { FoldersClient, OrganizationsClient, ProjectsClient } from '@google-cloud/resource-manager';
import { GoogleAuth, OAuth2Client, type AuthClient, type gaxios } from 'google-auth-library';
import { NoCredentialsError, type CollectorContext } from '../collector.js';
import { attemptTurn, identityTimeoutMs } from '../runtime.js';
import type { GcpSettings } from './settings.js';
import { rememberSecret } from '../../secrets/known.js';

/**
 * Everything that talks to Google: credentials, the SDK clients, and the one retry and timeout
 * policy every call follows. Vertex AI, Resource Manager and Cloud KMS go through their official
 * clients on the REST transport (so one base URL can replace Google's endpoints); the Cloud
 * Storage reads, the Workbench instance list, the service accounts' IAM policies, the effective
 * organization policies and the VPC Service Controls perimeters go through the same authenticated
 * transport as plain REST calls.
 *
 * Google's client libraries cost seconds of CPU to load and build, so a scan opens in two steps:
 * `openRestSession` needs only the auth library, and makes each project's first call (GetProject,
 * plain REST: the call that proves Google answers); `openSession` then loads the client libraries
 * (gax-clients.ts).
 */

export type ClientOptions = NonNullable<ConstructorParameters<typeof vertex.EndpointServiceClient>[0]>;
export type CallOptions = NonNullable<Parameters<vertex.EndpointServiceClient['listEndpointsAsync']>[1]>;

const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const VERTEX_GLOBAL_HOST = 'aiplatform.googleapis.com';
const MODEL_ARMOR_GLOBAL_HOST = 'modelarmor.googleapis.com';
const STORAGE_BASE_URL = 'https://storage.googleapis.com';
const NOTEBOOKS_BASE_URL = 'https://notebooks.googleapis.com';
const IAM_BASE_URL = 'https://iam.googleapis.com';
const RESOURCE_MANAGER_BASE_URL = 'https://cloudresourcemanager.googleapis.com';
const ORG_POLICY_BASE_URL = 'https://orgpolicy.googleapis.com';
const ACCESS_CONTEXT_MANAGER_BASE_URL = 'https://accesscontextmanager.googleapis.com';
const DLP_BASE_URL = 'https://dlp.googleapis.com';

/**
 * Throttling, server errors and answers that never came (a dropped connection, the per-request
 * timeout) are retried with exponential back-off and full jitter, so a burst of 429s or 5xx slows
 * the scan down instead of failing it; every call aispm makes is a read, safe to repeat. The first
 * delay is Google's own default.
 */
const RETRY_POLICY: RetryPolicy = { maxAttempts: 8, initialDelayMs: 100, delayMultiplier: 2, maxDelayMs: 10_000 };

/** How calls are retried; tests shorten the delays. */
export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  delayMultiplier: number;
  maxDelayMs: number;
}

/**
 * gax compares a failed call's `code` with these. Over the REST transport the error is a GaxiosError
 * whose code is the HTTP status (googleapis/gax-nodejs#1803), or Node's code for a connection that
 * failed; over gRPC it is a status code. All are listed: 429/RESOURCE_EXHAUSTED (8), 500/INTERNAL
 * (13), 503/UNAVAILABLE (14), the gateway errors, and the network errors (a timeout is given
 * ETIMEDOUT by `markTimeouts`).
 */
const NETWORK_ERROR_CODES = ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'];
const RETRYABLE_CODES = [429, 500, 502, 503, 504, 8, 13, 14, ...NETWORK_ERROR_CODES];
const RETRYABLE_HTTP_STATUSES: Array<[number, number]> = [
  [429, 429],
  [500, 500],
  [502, 504],
];

/** The Vertex AI clients, one per service; building one costs about a quarter of a second. */
export interface VertexClients {
  endpoints: vertex.EndpointServiceClient;
  models: vertex.ModelServiceClient;
  datasets: vertex.DatasetServiceClient;
  jobs: vertex.JobServiceClient;
  pipelines: vertex.PipelineServiceClient;
  notebooks: vertex.NotebookServiceClient;
  featureOnlineStores: vertex.FeatureOnlineStoreAdminServiceClient;
  indexEndpoints: vertex.IndexEndpointServiceClient;
  reasoningEngines: vertex.ReasoningEngineServiceClient;
  tensorboards: vertex.TensorboardServiceClient;
  metadata: vertex.MetadataServiceClient;
  /** Built on first use (gax-clients.ts): RAG Engine corpora and their files. */
  ragData: vertex.VertexRagDataServiceClient;
  /** Built on first use: Vector Search indexes. */
  indexes: vertex.IndexServiceClient;
}

/** The gax clients (gax-clients.ts: each built on first use, those every project needs also warmed up in turns). */
export interface GaxClients {
  vertex: VertexClients;
  projects: ProjectsClient;
  /** Folders and organizations above the projects, for the IAM policies they pass down. */
  folders: FoldersClient;
  organizations: OrganizationsClient;
  keys: KeyManagementServiceClient;
  /** API Keys v2: the project's API keys. */
  apiKeys: ApiKeysClient;
  /** Service Usage v1: which APIs are enabled. */
  serviceUsage: ServiceUsageClient;
  /** Model Armor v1: floor settings (global endpoint) and templates (regional endpoints). */
  modelArmor: modelArmor.ModelArmorClient;
  /** Builds the clients every project needs, one per turn of the event loop, in the order it needs them. */
  warmUp(): void;
  /** Stops the warm-up and closes the clients that were built. */
  close(): Promise<void>;
}

/** The project as Resource Manager v3 describes it (REST): `name` is projects/{number}. */
export interface ProjectDetails {
  name?: string;
  parent?: string;
}

/** What can be called before the client libraries are loaded. */
export interface RestSession {
  /** Per-call options for every gax call: timeout, retry, and paging on demand. */
  callOptions: CallOptions;
  /** GET on the Cloud Storage JSON API (`path` below /storage/v1), with the same retry policy. */
  getStorage: RestGet;
  /** GET on the Notebooks API v2 (`path` below /v2), for Vertex AI Workbench instances. */
  getNotebooks: RestGet;
  /** POST without a body on the IAM API v1 (`path` below /v1): getIamPolicy of a service account, a read. */
  postIam: RestGet;
  /** GET on the Organization Policy API v2 (`path` below /v2): effective policies and constraints. */
  getOrgPolicy: RestGet;
  /** GET on Access Context Manager v1 (`path` below /v1): access policies and service perimeters. */
  getAccessContextManager: RestGet;
  /** GET on Sensitive Data Protection (DLP) v2 (`path` below /v2): data profiles, through the global endpoint, which serves every location. */
  getDlp: RestGet;
  /** Resource Manager v3 GetProject, with the identity call's shorter timeout: each project's first call. */
  getProject(project: string): Promise<ProjectDetails>;
  /** GET on Resource Manager v3 (`path` below /v3, with its query): the folders and projects beneath an organization or folder. */
  getResourceManager: RestGet;
}

export interface GoogleSession extends RestSession, GaxClients {}

/** A plain REST read of JSON below one API's base path. */
export type RestGet = <T>(path: string) => Promise<T>;

/** Every page of a plain REST listing (`pageToken` paging), its items in order. */
export async function allPages<Page extends { nextPageToken?: string }, T>(get: RestGet, path: string, items: (page: Page) => T[] | undefined): Promise<T[]> {
  const found: T[] = [];
  let pageToken: string | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await get<Page>(`${path}${pageToken ? `${separator}pageToken=${encodeURIComponent(pageToken)}` : ''}`);
    found.push(...(items(page) ?? []));
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
  return found;
}

/** The plain REST reads, sending requests with these credentials to Google or to the override URL. */
export function openRestSession(context: CollectorContext, settings: GcpSettings, authClient: AuthClient, retryTuning: Partial<RetryPolicy> = {}): RestSession {
  const retry = { ...RETRY_POLICY, ...retryTuning };
  authClient.transporter.interceptors.request.add({
    resolved: async (request) => {
      if (!settings.endpoint) routeToLocationHost(request);
      // gax gives each request its own abort signal; joining ours lets Ctrl-C end requests in flight.
      request.signal = request.signal ? AbortSignal.any([request.signal as AbortSignal, context.signal]) : context.signal;
      request.adapter = countedAdapter(request.adapter);
      return request;
    },
  });
  authClient.transporter.interceptors.response.add({ rejected: (error) => markTimeouts(error, context.signal) });
  // APIs without a gax client on this transport: plain GETs, retried like the gax calls.
  const restGet =
    (origin: string, basePath: string, method: 'GET' | 'POST' = 'GET', timeout?: number): RestGet =>
    async <T>(path: string) => {
      const response = await authClient.request<T>({ url: `${settings.endpoint?.origin ?? origin}/${basePath}/${path}`, method, timeout, retryConfig: restRetryConfig(context.signal, retry, method) });
      return response.data;
    };
  const callOptions = {
      timeout: context.timeoutMs,
      // The async iterators fetch the next page on demand; saying so keeps gax from warning.
      autoPaginate: false,
      retry: {
        // Typed as numbers; gax compares with ===, and over REST codes are also Node's strings.
        retryCodes: RETRYABLE_CODES as number[],
        backoffSettings: {
          initialRetryDelayMillis: retry.initialDelayMs,
          retryDelayMultiplier: retry.delayMultiplier,
          maxRetryDelayMillis: retry.maxDelayMs,
          initialRpcTimeoutMillis: context.timeoutMs,
          rpcTimeoutMultiplier: 1,
          maxRpcTimeoutMillis: context.timeoutMs,
          maxRetries: retry.maxAttempts,
        },
      },
    } satisfies CallOptions;
  const identityTimeout = identityTimeoutMs(context.timeoutMs);
  const getResourceManagerFast = restGet(RESOURCE_MANAGER_BASE_URL, 'v3', 'GET', identityTimeout);
  return {
    callOptions,
    getStorage: restGet(STORAGE_BASE_URL, 'storage/v1'),
    getNotebooks: restGet(NOTEBOOKS_BASE_URL, 'v2'),
    postIam: restGet(IAM_BASE_URL, 'v1', 'POST'),
    getOrgPolicy: restGet(ORG_POLICY_BASE_URL, 'v2'),
    getAccessContextManager: restGet(ACCESS_CONTEXT_MANAGER_BASE_URL, 'v1'),
    getDlp: restGet(DLP_BASE_URL, 'v2'),
    getProject: (project) => getResourceManagerFast<ProjectDetails>(`projects/${encodeURIComponent(project)}`),
    getResourceManager: restGet(RESOURCE_MANAGER_BASE_URL, 'v3'),
  };
}

/** The whole session: the REST reads, and the gax clients, whose libraries load now. */
export async function openSession(rest: RestSession, settings: GcpSettings, authClient: AuthClient): Promise<GoogleSession> {
  const { gaxClients } = await import('./gax-clients.js');
  // google-gax resolves its own copy of google-auth-library; the classes match in shape, not in name.
  const connection: ClientOptions = { fallback: true, authClient: authClient as unknown as ClientOptions['authClient'], ...endpointOptions(settings.endpoint) };
  const clients = gaxClients(connection);
  clients.warmUp();
  // Copied as property descriptors: each client is a getter that builds it on first use.
  return Object.defineProperties({ ...rest }, Object.getOwnPropertyDescriptors(clients)) as GoogleSession;
}

/** The project application default credentials name (environment, key file, gcloud, metadata server). */
export async function defaultProject(): Promise<string | undefined> {
  return new GoogleAuth().getProjectId().catch(() => undefined);
}

/**
 * A static token (`AISPM_GCP_TOKEN`) or application default credentials. Every request the client
 * sends, token refreshes included, gives up after the per-request timeout.
 */
export async function authenticate(context: CollectorContext, settings: GcpSettings): Promise<AuthClient> {
  const transporterOptions = { timeout: context.timeoutMs };
  if (settings.token) {
    rememberSecret(settings.token, 'google-access-token');
    const client = new OAuth2Client({ transporterOptions });
    client.setCredentials({ access_token: settings.token });
    return client;
  }
  try {
    const client = await new GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE], clientOptions: { transporterOptions } }).getClient();
    // Every token obtained (this first one, and each refresh) is a secret the scanner holds (secrets/known.ts).
    client.on('tokens', (tokens: { access_token?: string | null; refresh_token?: string | null }) => {
      rememberSecret(tokens.access_token, 'google-access-token');
      rememberSecret(tokens.refresh_token, 'google-refresh-token');
    });
    // Fail once, clearly, rather than once per API call when the credentials cannot give a token.
    rememberSecret((await client.getAccessToken()).token, 'google-access-token');
    return client;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new NoCredentialsError('gcp', `no usable Google Cloud credentials (${reason}): run gcloud auth application-default login, set GOOGLE_APPLICATION_CREDENTIALS, or set AISPM_GCP_TOKEN`);
  }
}

/** Client options that send every gax client to the override URL, or nothing for Google's defaults. */
function endpointOptions(endpoint: URL | undefined): Partial<ClientOptions> {
  if (!endpoint) return {};
  const protocol = endpoint.protocol === 'http:' ? 'http' : 'https';
  return { apiEndpoint: endpoint.hostname, port: Number(endpoint.port) || (protocol === 'http' ? 80 : 443), protocol };
}

/**
 * Vertex AI serves each location on its own host ({location}-aiplatform.googleapis.com). The clients
 * are built once for the global host, and each request goes to the host of the location its path
 * names; building a client per location would cost seconds of CPU per scan.
 */
function routeToLocationHost(request: gaxios.GaxiosOptionsPrepared): void {
  const url = request.url;
  if (url.hostname !== VERTEX_GLOBAL_HOST && url.hostname !== MODEL_ARMOR_GLOBAL_HOST) return;
  const location = /^\/v1\/projects\/[^/]+\/locations\/([a-z0-9-]+)\//.exec(url.pathname)?.[1];
  if (!location || location === 'global') return;
  // Model Armor templates are served only by the regional endpoint of their location; the global
  // endpoint serves floor settings (https://cloud.google.com/model-armor/data-residency).
  url.hostname = url.hostname === VERTEX_GLOBAL_HOST ? `${location}-${VERTEX_GLOBAL_HOST}` : `modelarmor.${location}.rep.googleapis.com`;
}

/**
 * Every attempt (gax and gaxios retry by sending the request again) takes a slot under the scan's
 * concurrency limit (runtime.ts), and reports a 429.
 */
function countedAdapter(inner: gaxios.GaxiosOptionsPrepared['adapter']): gaxios.GaxiosOptionsPrepared['adapter'] {
  return async (options, defaultAdapter) => {
    const attempt = await attemptTurn(`${options.method ?? 'GET'} ${String(options.url)} ${JSON.stringify(options.params ?? {})}\n${typeof options.data === 'string' ? options.data : JSON.stringify(options.data ?? '')}`);
    const outcome = { throttled: false, heard: false, succeeded: false };
    const timed = withHeldTimeout(options);
    try {
      const response = await (inner ? inner(timed.options, defaultAdapter) : defaultAdapter(timed.options));
      outcome.heard = true;
      outcome.succeeded = response.status < 400;
      outcome.throttled = response.status === 429;
      return response;
    } catch (error) {
      // gaxios throws for an error status too; that is an answer, not silence.
      outcome.heard = (error as { response?: unknown }).response !== undefined;
      throw error;
    } finally {
      timed.release();
      attempt.answered(outcome);
    }
  };
}

/**
 * gaxios ends an attempt at its timeout with `AbortSignal.timeout()` joined to the request's signal by
 * `AbortSignal.any()`. On Node 20 nothing holds such a timeout signal strongly, so a garbage collection
 * while the attempt waits can take it, and an attempt on an endpoint that never answers then waits
 * forever (test/faults/silent.test.ts caught it once the rule engine loaded during the first call).
 * The attempt gets a timer of its own, held until it ends, that aborts it at the same timeout.
 */
function withHeldTimeout(options: gaxios.GaxiosOptionsPrepared): { options: gaxios.GaxiosOptionsPrepared; release: () => void } {
  if (!options.timeout) return { options, release: () => {} };
  const joined = new AbortController();
  const timer = setTimeout(() => joined.abort(new DOMException(`no answer within ${options.timeout} ms`, 'TimeoutError')), options.timeout);
  const source = options.signal as AbortSignal | undefined;
  const follow = () => joined.abort(source?.reason);
  if (source?.aborted) follow();
  else source?.addEventListener('abort', follow, { once: true });
  return {
    options: { ...options, signal: joined.signal },
    release: () => {
      clearTimeout(timer);
      source?.removeEventListener('abort', follow);
    },
  };
}

/**
 * gaxios ends a request at the per-request timeout by aborting it, and an aborted request looks like
 * one given up on: give it the network code that says "no answer", so gax retries it. The scan's own
 * abort (Ctrl-C) stays an abort.
 */
function markTimeouts(error: gaxios.GaxiosError, scanSignal: AbortSignal): never {
  const cause = error.cause as { name?: string } | undefined;
  if (!scanSignal.aborted && error.code === undefined && (error.name === 'AbortError' || cause?.name === 'AbortError' || cause?.name === 'TimeoutError')) {
    Object.assign(error, { code: 'ETIMEDOUT' });
  }
  throw error;
}

/** The retry policy in gaxios terms, for the plain REST reads (each safe to repeat): the statuses above, and answers that never came. */
function restRetryConfig(scanSignal: AbortSignal, policy: RetryPolicy, method: 'GET' | 'POST'): gaxios.RetryConfig {
  return {
    retry: policy.maxAttempts - 1,
    httpMethodsToRetry: [method],
    shouldRetry: (error) => {
      if (scanSignal.aborted || (error.config.retryConfig?.currentRetryAttempt ?? 0) >= policy.maxAttempts - 1) return false;
      // The call has gone too long without any answer, or its listing goes round in circles (runtime.ts): retrying cannot help.
      if ([error.name, (error.cause as { name?: string } | undefined)?.name].some((name) => name === 'CallDeadlineError' || name === 'EndlessListingError')) return false;
      const status = error.response?.status;
      return status === undefined || RETRYABLE_HTTP_STATUSES.some(([min, max]) => status >= min && status <= max);
    },
    retryBackoff: (error) => {
      const attempt = (error.config.retryConfig?.currentRetryAttempt ?? 1) - 1;
      const ceiling = Math.min(policy.initialDelayMs * policy.delayMultiplier ** attempt, policy.maxDelayMs);
      return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    },
  };
}

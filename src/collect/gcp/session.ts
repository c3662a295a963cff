import { v1 as vertex } from '@google-cloud/aiplatform';
import { KeyManagementServiceClient } from '@google-cloud/kms';
import { ProjectsClient } from '@google-cloud/resource-manager';
import { GoogleAuth, OAuth2Client, type AuthClient, type gaxios } from 'google-auth-library';
import { NoCredentialsError, type CollectorContext } from '../collector.js';
import type { GcpSettings } from './settings.js';

/**
 * Everything that talks to Google: credentials, the SDK clients, and the one retry and timeout
 * policy every call follows. Vertex AI, Resource Manager and Cloud KMS go through their official
 * clients on the REST transport (so one base URL can replace Google's endpoints); the two Cloud
 * Storage reads go through the same authenticated transport as plain REST calls.
 */

type ClientOptions = NonNullable<ConstructorParameters<typeof vertex.EndpointServiceClient>[0]>;
export type CallOptions = NonNullable<Parameters<vertex.EndpointServiceClient['listEndpointsAsync']>[1]>;

const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const VERTEX_GLOBAL_HOST = 'aiplatform.googleapis.com';
const STORAGE_BASE_URL = 'https://storage.googleapis.com';

/**
 * Throttling and unavailability are retried with exponential back-off and full jitter, so a burst of
 * 429s slows the scan down instead of failing it. The first delay is Google's own default.
 */
const RETRY_POLICY = { maxAttempts: 8, initialDelayMs: 100, delayMultiplier: 2, maxDelayMs: 10_000 } as const;

/**
 * gax compares a failed call's `code` with these. Over the REST transport the error is a GaxiosError
 * whose code is the HTTP status (googleapis/gax-nodejs#1803); over gRPC it is a status code. Both
 * are listed: 429/RESOURCE_EXHAUSTED (8), 503/UNAVAILABLE (14), and the gateway errors.
 */
const RETRYABLE_CODES = [429, 502, 503, 504, 8, 14];
const RETRYABLE_HTTP_STATUSES: Array<[number, number]> = [
  [429, 429],
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
}

export interface GoogleSession {
  vertex: VertexClients;
  projects: ProjectsClient;
  keys: KeyManagementServiceClient;
  /** Per-call options for every gax call: timeout, retry, and paging on demand. */
  callOptions: CallOptions;
  /** GET on the Cloud Storage JSON API (`path` below /storage/v1), with the same retry policy. */
  getStorage<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

/** The SDK clients, sending requests with these credentials to Google or to the override URL. */
export function openSession(context: CollectorContext, settings: GcpSettings, authClient: AuthClient): GoogleSession {
  authClient.transporter.interceptors.request.add({
    resolved: async (request) => {
      if (!settings.endpoint) routeToLocationHost(request);
      // gax gives each request its own abort signal; joining ours lets Ctrl-C end requests in flight.
      request.signal = request.signal ? AbortSignal.any([request.signal as AbortSignal, context.signal]) : context.signal;
      return request;
    },
  });
  // google-gax resolves its own copy of google-auth-library; the classes match in shape, not in name.
  const connection: ClientOptions = { fallback: true, authClient: authClient as unknown as ClientOptions['authClient'], ...endpointOptions(settings.endpoint) };
  const clients = {
    vertex: {
      endpoints: new vertex.EndpointServiceClient(connection),
      models: new vertex.ModelServiceClient(connection),
      datasets: new vertex.DatasetServiceClient(connection),
      jobs: new vertex.JobServiceClient(connection),
      pipelines: new vertex.PipelineServiceClient(connection),
      notebooks: new vertex.NotebookServiceClient(connection),
      featureOnlineStores: new vertex.FeatureOnlineStoreAdminServiceClient(connection),
      indexEndpoints: new vertex.IndexEndpointServiceClient(connection),
      reasoningEngines: new vertex.ReasoningEngineServiceClient(connection),
    },
    projects: new ProjectsClient(connection),
    keys: new KeyManagementServiceClient(connection),
  };
  const storageBase = settings.endpoint?.origin ?? STORAGE_BASE_URL;
  return {
    ...clients,
    callOptions: {
      timeout: context.timeoutMs,
      // The async iterators fetch the next page on demand; saying so keeps gax from warning.
      autoPaginate: false,
      retry: {
        retryCodes: RETRYABLE_CODES,
        backoffSettings: {
          initialRetryDelayMillis: RETRY_POLICY.initialDelayMs,
          retryDelayMultiplier: RETRY_POLICY.delayMultiplier,
          maxRetryDelayMillis: RETRY_POLICY.maxDelayMs,
          initialRpcTimeoutMillis: context.timeoutMs,
          rpcTimeoutMultiplier: 1,
          maxRpcTimeoutMillis: context.timeoutMs,
          maxRetries: RETRY_POLICY.maxAttempts,
        },
      },
    },
    getStorage: async <T>(path: string) => {
      const response = await authClient.request<T>({ url: `${storageBase}/storage/v1/${path}`, method: 'GET', retryConfig: storageRetryConfig() });
      return response.data;
    },
    close: async () => {
      await Promise.all([...Object.values(clients.vertex), clients.projects, clients.keys].map((client) => client.close()));
    },
  };
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
    const client = new OAuth2Client({ transporterOptions });
    client.setCredentials({ access_token: settings.token });
    return client;
  }
  try {
    const client = await new GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE], clientOptions: { transporterOptions } }).getClient();
    // Fail once, clearly, rather than once per API call when the credentials cannot give a token.
    await client.getAccessToken();
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
  if (url.hostname !== VERTEX_GLOBAL_HOST) return;
  const location = /^\/v1\/projects\/[^/]+\/locations\/([a-z0-9-]+)\//.exec(url.pathname)?.[1];
  if (location && location !== 'global') url.hostname = `${location}-${VERTEX_GLOBAL_HOST}`;
}

/** The retry policy in gaxios terms, for the Cloud Storage reads. */
function storageRetryConfig(): gaxios.RetryConfig {
  return {
    retry: RETRY_POLICY.maxAttempts - 1,
    statusCodesToRetry: RETRYABLE_HTTP_STATUSES,
    httpMethodsToRetry: ['GET'],
    noResponseRetries: 0,
    retryBackoff: (error) => {
      const attempt = (error.config.retryConfig?.currentRetryAttempt ?? 1) - 1;
      const ceiling = Math.min(RETRY_POLICY.initialDelayMs * RETRY_POLICY.delayMultiplier ** attempt, RETRY_POLICY.maxDelayMs);
      return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    },
  };
}

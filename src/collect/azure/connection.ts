import { setMaxListeners } from 'node:events';
import type { Agent } from 'node:https';
import type { PipelinePolicy, PipelineRetryOptions } from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/identity';
import { attemptTurn, type ClassifiedError } from '../runtime.js';
import type { ArmTarget } from './credentials.js';

/**
 * How every Azure client is set up: one endpoint, one token audience, one retry policy (the SDK's
 * own: Retry-After on 429 and 503, exponential back-off on 5xx and network errors), one per-request
 * timeout, and the scan's abort signal on every request.
 */

/** Pipeline settings a caller may change: tests trust the fake's certificate through an agent and shorten back-off. */
export interface PipelineTuning {
  agent?: Agent;
  retryOptions?: PipelineRetryOptions;
}

/**
 * ARM throttles per subscription and says how long to wait; six attempts ride out a burst of 429s
 * (each waits what Retry-After asks), and a slow scan beats a scan with holes.
 */
const RETRY_DEFAULTS: PipelineRetryOptions = { maxRetries: 6, retryDelayInMs: 1000, maxRetryDelayInMs: 30_000 };

export interface ArmConnection {
  credential: TokenCredential;
  target: ArmTarget;
  timeoutMs: number;
  signal: AbortSignal;
  tuning: PipelineTuning;
}

/**
 * The signal every request of the scan listens to, aborted with the scan's. Each request in flight
 * (at most `concurrency`, by the limiter) adds a listener for its socket and one while it waits to
 * retry; a signal of its own keeps Node from warning about more than 10 listeners on the CLI's.
 */
export function requestSignal(scanSignal: AbortSignal, concurrency: number): AbortSignal {
  const controller = new AbortController();
  setMaxListeners(Math.max(10, concurrency * 3), controller.signal);
  if (scanSignal.aborted) controller.abort(scanSignal.reason);
  else scanSignal.addEventListener('abort', () => controller.abort(scanSignal.reason), { once: true });
  return controller.signal;
}

/** Options shared by the `@azure/arm-*` clients built on `@azure/core-client`. */
export function clientOptions(connection: ArmConnection) {
  return {
    endpoint: connection.target.endpoint,
    credentialScopes: [connection.target.tokenScope],
    ...pipelineOptions(connection),
  };
}

/** Options for the clients generated from TypeSpec (`@azure/arm-storage`), which name the token scopes differently. */
export function modularClientOptions(connection: ArmConnection) {
  return {
    endpoint: connection.target.endpoint,
    credentials: { scopes: [connection.target.tokenScope] },
    ...pipelineOptions(connection),
  };
}

function pipelineOptions(connection: ArmConnection) {
  return {
    retryOptions: { ...RETRY_DEFAULTS, ...connection.tuning.retryOptions },
    additionalPolicies: [
      { policy: requestBoundsPolicy(connection.timeoutMs, connection.signal), position: 'perCall' as const },
      { policy: attemptPolicy(connection.signal), position: 'perRetry' as const },
    ],
    userAgentOptions: { userAgentPrefix: 'aispm' },
    ...(connection.tuning.agent ? { agent: connection.tuning.agent } : {}),
  };
}

/**
 * Puts the per-request timeout and the scan's abort signal on every request, next-page requests
 * included (some paginators do not pass operation options on), before the retry policy so that
 * Ctrl-C also cuts a Retry-After wait short.
 */
function requestBoundsPolicy(timeoutMs: number, signal: AbortSignal): PipelinePolicy {
  return {
    name: 'aispmRequestBounds',
    sendRequest: (request, next) => {
      request.timeout = timeoutMs;
      request.abortSignal ??= signal;
      return next(request);
    },
  };
}

/**
 * Each attempt, inside the retry loop: takes a slot under the scan's concurrency limit (runtime.ts)
 * and reports a 429; and an attempt that got no whole answer becomes retryable, as a network error is
 * (the SDK's retry policy passes the AbortError of the per-request timeout straight through, and does
 * not retry a connection that dropped in the middle of the body, a PARSE_ERROR). Ctrl-C (the scan's
 * signal) still ends the scan.
 */
function attemptPolicy(scanSignal: AbortSignal): PipelinePolicy {
  const networkError = (message: string, code: string) => Object.assign(new Error(message), { name: 'RestError', code });
  return {
    name: 'aispmAttempt',
    sendRequest: async (request, next) => {
      const attempt = await attemptTurn(`${request.method} ${request.url}`);
      let throttled = false;
      let heard = false;
      let succeeded = false;
      try {
        const response = await next(request);
        heard = true;
        succeeded = response.status < 400;
        throttled = response.status === 429;
        if (response.status >= 400) rememberArmError(request, response.bodyAsText);
        return response;
      } catch (error) {
        const { name, code, message } = error as { name?: string; code?: string; message?: string };
        if (scanSignal.aborted) throw error;
        if (name === 'AbortError') throw networkError(`no answer within ${request.timeout} ms`, 'ETIMEDOUT');
        if (code === 'PARSE_ERROR' && message?.startsWith('Error reading response')) throw networkError(message, 'ECONNRESET');
        throw error;
      } finally {
        attempt.answered({ throttled, heard, succeeded });
      }
    },
  };
}

/**
 * ARM's own message of a refused request, by request. The clients generated from TypeSpec
 * (`@azure/arm-storage`, `@azure/arm-monitor`) throw "Pagination failed with unexpected statusCode
 * 403" from a pager and drop the body, whose message names the missing action; coverage keeps ARM's.
 */
const ARM_ERROR_MESSAGES = new WeakMap<object, string>();

function rememberArmError(request: object, body: string | null | undefined): void {
  try {
    const message = (JSON.parse(body ?? '') as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string' && message) ARM_ERROR_MESSAGES.set(request, message);
  } catch {
    // Not ARM's JSON error: the client's own message stays.
  }
}

const DENIED_CODES = new Set(['authorizationfailed', 'linkedauthorizationfailed', 'forbidden', 'invalidauthenticationtoken', 'expiredauthenticationtoken']);
/** The resource provider is not registered in the subscription: nothing of that kind can exist there. */
const ABSENT_CODES = new Set(['missingsubscriptionregistration', 'subscriptionnotregistered']);

interface AzureErrorShape {
  name?: string;
  code?: string;
  statusCode?: number;
  message?: string;
  request?: object;
}

/** Reads an `@azure/core-rest-pipeline` RestError (or a timeout) as coverage. */
export function classifyAzureError(error: unknown): ClassifiedError {
  const shape: AzureErrorShape = typeof error === 'object' && error !== null ? (error as AzureErrorShape) : { message: String(error) };
  const armMessage = shape.request ? ARM_ERROR_MESSAGES.get(shape.request) : undefined;
  const firstLine = withoutBody(((armMessage && !shape.message?.includes(armMessage) ? armMessage : shape.message) ?? 'unknown error').split('\n')[0]!);
  if (shape.name === 'AbortError' || shape.name === 'CallDeadlineError' || shape.code === 'ETIMEDOUT') return { status: 'error', message: `no answer in time (${firstLine})` };
  const code = shape.code?.toLowerCase() ?? '';
  const label = shape.code ?? (shape.statusCode !== undefined ? `HTTP ${shape.statusCode}` : shape.name ?? 'Error');
  const message = `${label}: ${firstLine}`;
  if (shape.statusCode === 401 || shape.statusCode === 403 || DENIED_CODES.has(code)) return { status: 'denied', message };
  if (ABSENT_CODES.has(code)) return { status: 'skipped', message };
  return { status: 'error', message };
}

/** Coverage messages stay short. */
const MAX_MESSAGE_LENGTH = 300;

/**
 * The SDK's message for an answer it could not parse ends with the whole body, which may be large
 * and hold anything the resource holds (a deployment's environment): only the parse error is kept.
 */
function withoutBody(message: string): string {
  const parseError = /^Error "(.*)" occurred while parsing the response body/.exec(message)?.[1];
  const text = parseError ? `the answer is not valid JSON (${parseError})` : message;
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}

export function isUnauthenticated(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as AzureErrorShape).statusCode === 401;
}

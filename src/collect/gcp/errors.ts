import type { ClassifiedError } from '../runtime.js';

/**
 * How a failed Google API call reads as coverage. Errors arrive in several shapes: a GaxiosError
 * whose message is the raw JSON error body (gax REST transport), a GaxiosError with a parsed body
 * (plain REST), or a gax GoogleError that wraps the last error after the retries ran out.
 */

/** google.rpc.Code names, for errors that carry only the number. */
const RPC_STATUS_NAMES = ['OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED'];

const HTTP_STATUS_NAMES: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 501: 'UNIMPLEMENTED', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED' };

const MAX_MESSAGE_LENGTH = 300;

/** The parts of a failure that matter: the canonical status, Google's reason, and the message. */
export interface GoogleFailure {
  status?: string;
  /** google.rpc.ErrorInfo reason (Vertex AI) or errors[].reason (Cloud Storage), e.g. SERVICE_DISABLED. */
  reason?: string;
  message: string;
}

interface ErrorBody {
  code?: number;
  message?: string;
  status?: string;
  details?: Array<{ reason?: string }>;
  errors?: Array<{ reason?: string }>;
}

interface ErrorLike {
  message?: unknown;
  name?: unknown;
  code?: unknown;
  status?: unknown;
  response?: { status?: unknown; data?: unknown };
}

export function describeGoogleError(error: unknown): GoogleFailure {
  if (error === null || typeof error !== 'object') return { message: String(error) };
  const { message, name, code, status, response } = error as ErrorLike;
  const text = typeof message === 'string' ? message : '';
  if (name === 'TimeoutError' || code === 'TimeoutError' || /operation was aborted/i.test(text)) return { status: 'DEADLINE_EXCEEDED', message: 'no answer within the per-request timeout (--timeout)' };
  // runtime.ts gave up on a call whose attempts heard nothing (gax or gaxios may carry it as the cause).
  const stopped = [error, (error as { cause?: unknown }).cause].find((candidate) => (candidate as { name?: string } | undefined)?.name === 'CallDeadlineError') as Error | undefined;
  if (stopped) return { status: 'DEADLINE_EXCEEDED', message: stopped.message };
  const body = errorBody(response?.data) ?? errorBody(jsonIn(text));
  const httpStatus = [status, response?.status, code, body?.code].find((value): value is number => typeof value === 'number' && value >= 100);
  const rpcCode = typeof code === 'number' && code < RPC_STATUS_NAMES.length ? RPC_STATUS_NAMES[code] : undefined;
  const failure: GoogleFailure = {
    status: body?.status ?? (httpStatus !== undefined ? HTTP_STATUS_NAMES[httpStatus] : undefined) ?? rpcCode,
    reason: body?.details?.find((detail) => detail.reason)?.reason ?? body?.errors?.find((detail) => detail.reason)?.reason,
    message: body?.message ?? (text || String(error)),
  };
  if (text.startsWith('Exceeded maximum number of retries')) failure.message += ' (gave up after retrying)';
  return failure;
}

export function classifyGcpError(error: unknown): ClassifiedError {
  const failure = describeGoogleError(error);
  const message = oneLine(failure.status ? `${failure.status}: ${failure.message}` : failure.message);
  if (isServiceDisabled(failure)) return { status: 'skipped', message };
  if (failure.status === 'PERMISSION_DENIED' || failure.status === 'UNAUTHENTICATED') return { status: 'denied', message };
  if (failure.status === 'NOT_FOUND' || failure.status === 'UNIMPLEMENTED') return { status: 'skipped', message };
  return { status: 'error', message };
}

/** A list that the location does not offer (an API that is absent there) has nothing in it. */
export function isNotOffered(error: unknown): boolean {
  const { status } = describeGoogleError(error);
  return status === 'NOT_FOUND' || status === 'UNIMPLEMENTED';
}

/** The API is not enabled in the project (403 SERVICE_DISABLED). */
export function isApiDisabled(error: unknown): boolean {
  return isServiceDisabled(describeGoogleError(error));
}

/** The API is not enabled in the project: there is nothing of it to read, which is not a gap. */
function isServiceDisabled(failure: GoogleFailure): boolean {
  return failure.reason === 'SERVICE_DISABLED' || /API has not been used in project|API .* is disabled/i.test(failure.message);
}

function errorBody(value: unknown): ErrorBody | undefined {
  const error = (value as { error?: unknown } | null | undefined)?.error;
  return error !== null && typeof error === 'object' ? (error as ErrorBody) : undefined;
}

/** The first JSON object in a text that starts with `{"error":`, as gax puts a REST error body into its message. */
function jsonIn(text: string): unknown {
  const start = text.search(/\{\s*"error"\s*:/);
  if (start === -1) return undefined;
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) {
      try {
        return JSON.parse(text.slice(start, index + 1));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_MESSAGE_LENGTH ? `${line.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : line;
}

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ACCESS_DENIED, errorReply, formParameters, THROTTLING, type Protocol } from './aws/protocols.js';
import { FAKE_ARM_CERT, FAKE_ARM_CERT_FILE } from './azure/arm-server.js';
import type { Answer, Dialect, ProxiedRequest } from './fault-proxy.js';

/**
 * How each provider names a request and says "slow down" or "failed", in the form its SDK
 * recognises: AWS in each of its protocols, Azure Resource Manager with 429 and Retry-After, Google
 * with 429 RESOURCE_EXHAUSTED.
 */

// ---------------------------------------------------------------- AWS

/** Service and region from the SigV4 credential scope (`Credential=KEY/DATE/REGION/SERVICE/aws4_request`). */
function awsScope(request: ProxiedRequest): { region: string; service: string } {
  const match = /Credential=[^/]+\/\d+\/([^/]+)\/([^/]+)\//.exec(String(request.headers.authorization ?? ''));
  return { region: match?.[1] ?? 'unsigned', service: match?.[2] ?? 'unsigned' };
}

function awsProtocol(request: ProxiedRequest, service: string): Protocol {
  if (request.headers['x-amz-target']) return 'json';
  if (service === 's3') return 'rest-xml';
  if (service === 'ec2') return 'ec2';
  if (service === 'sts' || service === 'iam') return 'query';
  return 'rest-json';
}

/** The server errors each protocol uses; the SDK retries 500, 502, 503 and 504 whatever the code. */
const AWS_SERVER_ERRORS: Record<500 | 503, string> = { 500: 'InternalFailure', 503: 'ServiceUnavailable' };

export const awsDialect: Dialect = {
  name: 'aws',
  label(request) {
    const { region, service } = awsScope(request);
    const target = String(request.headers['x-amz-target'] ?? '').split('.')[1];
    const action = target ?? (request.method === 'POST' && (service === 'sts' || service === 'iam' || service === 'ec2') ? formParameters(request.body).Action : undefined);
    return { operation: `${service}:${action ?? `${request.method} ${request.url}`}`, scope: region };
  },
  throttled(request) {
    const protocol = awsProtocol(request, awsScope(request).service);
    const { code, status } = THROTTLING[protocol];
    return errorReply(protocol, code, 'Rate exceeded', status);
  },
  serverError(request, status) {
    return errorReply(awsProtocol(request, awsScope(request).service), AWS_SERVER_ERRORS[status], 'We encountered an internal error. Please try again.', status);
  },
  invalid(request, message) {
    return errorReply(awsProtocol(request, awsScope(request).service), 'ValidationException', message, 400);
  },
  denied(request, message) {
    const protocol = awsProtocol(request, awsScope(request).service);
    const { code, status } = ACCESS_DENIED[protocol];
    return errorReply(protocol, code, message, status);
  },
};

// ---------------------------------------------------------------- Azure Resource Manager

const armError = (status: number, code: string, message: string, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify({ error: { code, message } }),
});

export const azureDialect: Dialect = {
  name: 'azure',
  label(request) {
    const path = decodeURIComponent(request.url.split('?')[0]!);
    // ARM throttles per subscription (and principal); tenant-wide calls count apart.
    return { operation: `${request.method} ${path}`, scope: /^\/subscriptions\/([^/]+)/i.exec(path)?.[1]?.toLowerCase() ?? 'tenant' };
  },
  throttled(_request, retryAfterMs = 0) {
    // The SDK prefers the millisecond headers; Retry-After (whole seconds) is what every client knows.
    const headers = { 'retry-after': String(Math.ceil(retryAfterMs / 1000)), 'retry-after-ms': String(retryAfterMs), 'x-ms-retry-after-ms': String(retryAfterMs) };
    return armError(429, 'TooManyRequests', 'The request is being throttled.', headers);
  },
  serverError(_request, status) {
    return status === 500 ? armError(500, 'InternalServerError', 'Encountered internal server error.') : armError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.');
  },
  invalid(_request, message) {
    return armError(400, 'BadRequest', message);
  },
  denied(_request, message) {
    return armError(403, 'AuthorizationFailed', message);
  },
};

/** The fake Resource Manager's test certificate, for a proxy that serves HTTPS in front of it. */
export const AZURE_PROXY_TLS = { cert: FAKE_ARM_CERT, key: readFileSync(join(dirname(FAKE_ARM_CERT_FILE), 'key.pem'), 'utf8') };

// ---------------------------------------------------------------- Google Cloud

const googleError = (code: number, status: string, message: string): Answer => ({
  status: code,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ error: { code, message, status } }),
});

/** The Cloud Storage JSON API has its own error shape: a domain and a reason, no status (https://cloud.google.com/storage/docs/json_api/v1/status-codes). */
const storageError = (code: number, reason: string, message: string, domain = 'global'): Answer => ({
  status: code,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ error: { code, message, errors: [{ message, domain, reason }] } }),
});

const isStorage = (request: ProxiedRequest) => request.url.startsWith('/storage/');

export const gcpDialect: Dialect = {
  name: 'gcp',
  label(request) {
    const path = decodeURIComponent(request.url.split('?')[0]!);
    return { operation: `${request.method} ${path}`, scope: /\/locations\/([^/]+)/.exec(path)?.[1] ?? 'global' };
  },
  throttled(request) {
    if (isStorage(request)) return storageError(429, 'rateLimitExceeded', 'The project exceeded the rate limit for read requests.', 'usageLimits');
    return googleError(429, 'RESOURCE_EXHAUSTED', "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per region'.");
  },
  serverError(request, status) {
    if (isStorage(request)) return status === 500 ? storageError(500, 'backendError', 'Backend Error') : storageError(503, 'backendError', 'Service Unavailable');
    return status === 500 ? googleError(500, 'INTERNAL', 'Internal error encountered.') : googleError(503, 'UNAVAILABLE', 'The service is currently unavailable.');
  },
  invalid(request, message) {
    return isStorage(request) ? storageError(400, 'invalid', message) : googleError(400, 'INVALID_ARGUMENT', message);
  },
  denied(request, message) {
    return isStorage(request) ? storageError(403, 'forbidden', message) : googleError(403, 'PERMISSION_DENIED', message);
  },
};

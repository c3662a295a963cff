/**
 * Wire formats of the AWS protocols the fake speaks: awsJson1_1 (SageMaker, KMS, CloudWatch Logs),
 * restJson1 (Bedrock, Bedrock Agent, Lambda), query and ec2Query (STS, IAM, EC2) with XML answers,
 * and restXml (S3). Only what the collector's calls need.
 */

/** Every listing answers in pages this small, so the collector must follow page tokens. */
export const PAGE_SIZE = 2;

/** A page of `items` starting at `token` (an index), with the token of the next page. */
export function paged<T>(items: readonly T[], token: string | undefined): { items: T[]; next: string | undefined } {
  const start = token ? Number(token) : 0;
  const end = start + PAGE_SIZE;
  return { items: items.slice(start, end), next: end < items.length ? String(end) : undefined };
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(value: unknown, status = 200, contentType = 'application/x-amz-json-1.1'): Reply {
  return { status, headers: { 'content-type': contentType }, body: JSON.stringify(value) };
}

export function xmlReply(body: string, status = 200): Reply {
  return { status, headers: { 'content-type': 'text/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}` };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A value as XML elements: objects become nested elements, arrays become repeated `item` elements
 * (`member` for query services, `item` for EC2); `null`/`undefined` members are left out.
 */
export function toXml(value: unknown, listItem: string): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => `<${listItem}>${toXml(item, listItem)}</${listItem}>`).join('');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined && child !== null)
      .map(([key, child]) => `<${key}>${toXml(child, listItem)}</${key}>`)
      .join('');
  }
  return escapeXml(String(value));
}

/** A query-protocol (STS, IAM) answer: `<XResponse><XResult>...</XResult></XResponse>`. */
export function queryReply(action: string, result: unknown): Reply {
  return xmlReply(`<${action}Response><${action}Result>${toXml(result, 'member')}</${action}Result><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></${action}Response>`);
}

/** An EC2 answer: the members directly under `<XResponse>`, lists as `item`. */
export function ec2Reply(action: string, result: unknown): Reply {
  return xmlReply(`<${action}Response><requestId>fake</requestId>${toXml(result, 'item')}</${action}Response>`);
}

export type Protocol = 'json' | 'rest-json' | 'query' | 'ec2' | 'rest-xml';

/** An AWS error in the protocol's own format. */
export function errorReply(protocol: Protocol, code: string, message: string, status: number): Reply {
  switch (protocol) {
    case 'json':
      return { status, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code }, body: JSON.stringify({ __type: code, message }) };
    case 'rest-json':
      return { status, headers: { 'content-type': 'application/json', 'x-amzn-errortype': code }, body: JSON.stringify({ message }) };
    case 'query':
      return xmlReply(`<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>fake</RequestId></ErrorResponse>`, status);
    case 'ec2':
      return xmlReply(`<Response><Errors><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>fake</RequestID></Response>`, status);
    case 'rest-xml':
      return xmlReply(`<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><RequestId>fake</RequestId></Error>`, status);
  }
}

/** How each protocol says "slow down": the codes the SDK's retry strategy treats as throttling. */
export const THROTTLING: Record<Protocol, { code: string; status: number }> = {
  json: { code: 'ThrottlingException', status: 400 },
  'rest-json': { code: 'ThrottlingException', status: 429 },
  query: { code: 'Throttling', status: 400 },
  ec2: { code: 'RequestLimitExceeded', status: 503 },
  'rest-xml': { code: 'SlowDown', status: 503 },
};

export const ACCESS_DENIED: Record<Protocol, { code: string; status: number }> = {
  json: { code: 'AccessDeniedException', status: 400 },
  'rest-json': { code: 'AccessDeniedException', status: 403 },
  query: { code: 'AccessDenied', status: 403 },
  ec2: { code: 'UnauthorizedOperation', status: 403 },
  'rest-xml': { code: 'AccessDenied', status: 403 },
};

/** Query-protocol parameters, with `Filter.1.Value.2`-style lists left flat. */
export function formParameters(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

import { createHash } from 'node:crypto';
import { Agent as HttpAgent, createServer as createHttpServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A fault-injecting reverse proxy on 127.0.0.1, between the real SDK clients and one of the fake
 * clouds, so that faults are added without changing the fakes: throttling, 5xx bursts, connection
 * resets, calls that never answer, malformed and truncated bodies, latency and a per-region rate
 * limit. A provider's dialect (fault-dialects.ts) says what a request is and how that provider
 * answers "slow down" or "failed".
 *
 * Deterministic: whether a fault hits is decided from the seed, the request (method, URL, body) and
 * how many times that same request was seen, never from arrival order, so a failure reproduces
 * however the concurrent calls interleave. Transient faults hit a request a bounded number of times
 * in a row, so a client that retries always gets through.
 */

/** What a dialect and a fault rule see of a request. */
export interface ProxiedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request as the provider names it: the operation (for matching faults) and the scope its rate limit counts in. */
export interface RequestLabel {
  /** e.g. `sagemaker:ListNotebookInstances`, `GET /subscriptions/…/accounts`, `GET /v1/projects/p/locations/l/endpoints`. */
  operation: string;
  /** The region (AWS), subscription (Azure) or location (Google) the request counts against. */
  scope: string;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Dialect {
  name: string;
  label(request: ProxiedRequest): RequestLabel;
  /** The provider's throttling answer, which its SDK recognises and retries; `retryAfterMs` when the wait is known. */
  throttled(request: ProxiedRequest, retryAfterMs?: number): Answer;
  /** The provider's answer for a server-side failure (500 or 503). */
  serverError(request: ProxiedRequest, status: 500 | 503): Answer;
  /** The provider's 400 answer for a request it refuses, with this message. */
  invalid(request: ProxiedRequest, message: string): Answer;
  /** The provider's access-denied answer (a missing permission), with this message. */
  denied(request: ProxiedRequest, message: string): Answer;
}

/** Which requests a fault applies to: a pattern tested against the operation label, or a predicate. */
export type Matcher = RegExp | ((label: RequestLabel, request: ProxiedRequest) => boolean);

export interface FaultPlan {
  /** Faults differ by seed; the same seed gives the same faults. */
  seed?: number;
  /** Every answer waits this long (a fault answer too). */
  latencyMs?: number;
  /** Answer this fraction of requests with the provider's throttling error, at most `limit` (default 2) times in a row. */
  throttle?: { rate: number; limit?: number; match?: Matcher };
  /** Answer this fraction of requests with 500 or 503, `burst` attempts in a row. */
  serverErrors?: { rate: number; burst: number; match?: Matcher };
  /** Close the connection without an answer (or in the middle of the body), at most `limit` (default 1) times in a row. */
  resets?: { rate: number; limit?: number; match?: Matcher };
  /** Never answer the first `attempts` tries (default: every try) of these requests. */
  hang?: { match: Matcher; attempts?: number };
  /** Replace the successful answer's body with broken JSON (or, where XML was coming, an HTML page). */
  malformed?: { match: Matcher };
  /** Cut the successful answer's body short, keeping this fraction of it (default half); the HTTP framing stays whole. */
  truncated?: { match: Matcher; keep?: number };
  /** At most `perSecond` requests per scope (region), with bursts of `burst`; the rest are throttled. */
  rateLimit?: { perSecond: number; burst?: number };
  /** Change the successful answer's body (to make a page very large, say). */
  rewrite?: { match: Matcher; body: (body: string) => string };
  /** Answer these requests with this, without asking the fake (an error page that quotes the request, say). */
  answer?: { match: Matcher; reply: (request: ProxiedRequest) => Answer };
}

export type Outcome = 'forwarded' | 'throttled' | 'rate-limited' | 'server-error' | 'reset' | 'hang' | 'malformed' | 'truncated' | 'rewritten' | 'answered';

export interface ProxyRecord extends RequestLabel {
  method: string;
  url: string;
  /** The request as received, for tests that classify requests after the scan. */
  request: ProxiedRequest;
  /** 1 for the first time this exact request was seen, 2 for its first retry, … */
  attempt: number;
  outcome: Outcome;
  /** HTTP status answered; 0 when no answer was given. */
  status: number;
  /** Milliseconds since the proxy started (or was last reset), when the request arrived and when it was answered. */
  start: number;
  end?: number;
}

export interface FaultProxyOptions {
  /** The fake to forward to, e.g. http://127.0.0.1:PORT. */
  target: string;
  dialect: Dialect;
  plan?: FaultPlan;
  /** Serve HTTPS with this certificate (Azure's SDK sends tokens over TLS only); also trusted for an HTTPS target. */
  tls?: { cert: string; key: string };
}

export class FaultProxy {
  readonly records: ProxyRecord[] = [];
  private plan: FaultPlan;
  private readonly attempts = new Map<string, number>();
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();
  private readonly held = new Set<ServerResponse>();
  private readonly agent: HttpAgent;
  private epoch = performance.now();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: FaultProxyOptions,
  ) {
    this.plan = options.plan ?? {};
    const upstream = new URL(options.target);
    this.agent = upstream.protocol === 'https:' ? new HttpsAgent({ keepAlive: true, ca: options.tls?.cert }) : new HttpAgent({ keepAlive: true });
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void this.handle(request, response));
  }

  /** How the provider behind this proxy names requests and answers faults. */
  get dialect(): Dialect {
    return this.options.dialect;
  }

  static async start(options: FaultProxyOptions): Promise<FaultProxy> {
    const server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }) : createHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new FaultProxy(server, `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`, options);
  }

  /** New faults for the next scan; forgets what was seen, so attempts count from 1 again. */
  reset(plan: FaultPlan = {}): void {
    this.plan = plan;
    this.records.length = 0;
    this.attempts.clear();
    this.buckets.clear();
    this.epoch = performance.now();
  }

  /** The records with this outcome. */
  outcomes(outcome: Outcome): ProxyRecord[] {
    return this.records.filter((record) => record.outcome === outcome);
  }

  async close(): Promise<void> {
    for (const response of this.held) response.destroy();
    this.server.closeAllConnections();
    this.agent.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of incoming) body += chunk;
    const request: ProxiedRequest = { method: incoming.method ?? 'GET', url: incoming.url ?? '/', headers: incoming.headers, body };
    const label = this.options.dialect.label(request);
    const key = `${request.method} ${request.url}\u0000${request.headers['x-amz-target'] ?? ''}\u0000${body}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    const record: ProxyRecord = { ...label, method: request.method, url: request.url, request, attempt, outcome: 'forwarded', status: 0, start: this.now() };
    this.records.push(record);
    const plan = this.plan;
    const hits = (matcher: Matcher | undefined) => matches(matcher, label, request);
    const respond = async (outcome: Outcome, reply: Answer) => {
      record.outcome = outcome;
      await this.delay();
      this.send(response, record, reply);
    };

    if (plan.hang && hits(plan.hang.match) && attempt <= (plan.hang.attempts ?? Infinity)) {
      record.outcome = 'hang';
      this.held.add(response);
      response.on('close', () => this.held.delete(response));
      return;
    }
    if (plan.answer && hits(plan.answer.match)) return respond('answered', plan.answer.reply(request));
    const rateLimitWait = plan.rateLimit ? this.takeToken(label.scope, plan.rateLimit) : 0;
    if (rateLimitWait > 0) return respond('rate-limited', this.options.dialect.throttled(request, rateLimitWait));
    if (plan.throttle && hits(plan.throttle.match) && this.streak('throttle', key, attempt, plan.throttle.rate, plan.throttle.limit ?? 2)) {
      return respond('throttled', this.options.dialect.throttled(request));
    }
    if (plan.serverErrors && hits(plan.serverErrors.match) && this.streak('server-error', key, 1, plan.serverErrors.rate, 1) && attempt <= plan.serverErrors.burst) {
      return respond('server-error', this.options.dialect.serverError(request, this.chance('status', key, attempt) < 0.5 ? 500 : 503));
    }
    const reset = plan.resets && hits(plan.resets.match) && this.streak('reset', key, attempt, plan.resets.rate, plan.resets.limit ?? 1);

    let upstream: Answer;
    try {
      upstream = await this.forward(request);
    } catch {
      record.outcome = 'reset';
      response.destroy();
      return;
    }
    await this.delay();
    if (reset) {
      record.outcome = 'reset';
      record.end = this.now();
      // Half the time before any byte of the answer, half in the middle of the body.
      if (this.chance('reset-where', key, attempt) < 0.5) {
        response.destroy();
        return;
      }
      response.writeHead(upstream.status, { ...upstream.headers, 'content-length': String(Buffer.byteLength(upstream.body)) });
      response.write(upstream.body.slice(0, Math.floor(upstream.body.length / 2)));
      setImmediate(() => response.destroy());
      return;
    }
    const ok = upstream.status >= 200 && upstream.status < 300;
    if (ok && plan.malformed && hits(plan.malformed.match)) {
      record.outcome = 'malformed';
      upstream = malformedAnswer(upstream);
    } else if (ok && plan.truncated && hits(plan.truncated.match)) {
      record.outcome = 'truncated';
      upstream = { ...upstream, body: upstream.body.slice(0, Math.floor(upstream.body.length * (plan.truncated.keep ?? 0.5))) };
    } else if (ok && plan.rewrite && hits(plan.rewrite.match)) {
      record.outcome = 'rewritten';
      upstream = { ...upstream, body: plan.rewrite.body(upstream.body) };
    }
    this.send(response, record, upstream);
  }

  /** Whether a transient fault hits this attempt: each try is hit with probability `rate`, for at most `limit` tries in a row. */
  private streak(kind: string, key: string, attempt: number, rate: number, limit: number): boolean {
    if (attempt > limit) return false;
    for (let tried = 1; tried <= attempt; tried++) if (this.chance(kind, key, tried) >= rate) return false;
    return true;
  }

  /** A number in [0, 1) fixed by the seed, the fault kind, the request and the attempt. */
  private chance(kind: string, key: string, attempt: number): number {
    const digest = createHash('sha256').update(`${this.plan.seed ?? 1}\u0000${kind}\u0000${key}\u0000${attempt}`).digest();
    return digest.readUInt32BE(0) / 2 ** 32;
  }

  /** Token bucket per scope: 0 when the request may pass, else the milliseconds until it could. */
  private takeToken(scope: string, limit: NonNullable<FaultPlan['rateLimit']>): number {
    const capacity = limit.burst ?? limit.perSecond;
    const now = this.now();
    const bucket = this.buckets.get(scope) ?? { tokens: capacity, updated: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updated) * limit.perSecond) / 1000);
    bucket.updated = now;
    this.buckets.set(scope, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) * 1000) / limit.perSecond);
  }

  private forward(request: ProxiedRequest): Promise<Answer> {
    // The path as received, also when it starts with "//": it is a path here, never a host.
    const target = new URL(this.options.target);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = { ...request.headers, host: target.host };
    return new Promise((resolve, reject) => {
      const options = { hostname: target.hostname, port: target.port, path: request.url, method: request.method, headers, agent: this.agent };
      const upstream = send(options, (answer) => {
        let body = '';
        answer.setEncoding('utf8');
        answer.on('data', (chunk: string) => (body += chunk));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: endToEndHeaders(answer.headers), body }));
        answer.on('error', reject);
      });
      upstream.on('error', reject);
      upstream.end(request.body);
    });
  }

  private send(response: ServerResponse, record: ProxyRecord, answer: Answer): void {
    record.status = answer.status;
    record.end = this.now();
    if (response.destroyed) return;
    response.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) });
    response.end(answer.body);
  }

  private delay(): Promise<void> {
    const ms = this.plan.latencyMs ?? 0;
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }

  private now(): number {
    return performance.now() - this.epoch;
  }
}

/**
 * A body that is not what the API sends: broken JSON where JSON was coming, else the HTML page a
 * misbehaving middlebox answers with (status 200, the API's XML expected).
 */
function malformedAnswer(answer: Answer): Answer {
  if (/json/i.test(answer.headers['content-type'] ?? '')) return { ...answer, body: `{"value": [{"id": "garbled", "properties": {]}, ${answer.body.slice(0, 40)}` };
  return { ...answer, headers: { ...answer.headers, 'content-type': 'text/html' }, body: '<html><head><title>Service unavailable</title></head><body><h1>Please try again later</h1></body></html>' };
}

function matches(matcher: Matcher | undefined, label: RequestLabel, request: ProxiedRequest): boolean {
  if (matcher === undefined) return true;
  return matcher instanceof RegExp ? matcher.test(label.operation) : matcher(label, request);
}

/** The upstream's headers without the hop-by-hop ones; the proxy sets its own length. */
function endToEndHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || ['connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}

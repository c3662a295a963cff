import type { SageMakerClientConfig } from '@aws-sdk/client-sagemaker';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { EdgeType } from '../../graph/edge-types.js';
import type { Asset, CoverageStatus } from '../../graph/model.js';
import { attemptTurn, type ClassifiedError, type InventoryBuilder } from '../runtime.js';
import { arnName, bucketArn, bucketName, isAwsManagedKeyAlias, kmsKeyArn, parseArn } from './arn.js';
import type { ModelInvocation } from './iam-policy.js';
import { ecrRepositoryOf, imagesOf } from './images.js';

/**
 * One AWS account being read: its SDK clients (one per service and region, created on first use),
 * the calls made in its name, the assets it yields, and the related resources (roles, buckets,
 * keys, functions, log groups, VPCs) that AI assets point at, to be read after the AI assets.
 */

type RetryStrategy = SageMakerClientConfig['retryStrategy'];

/**
 * Settings shared by every SDK client of a scan; tests replace the retry strategy to keep back-off
 * short. The strategy is made per client, as the SDK makes its own: its retry quota then counts one
 * service in one region, not the whole scan. (The credential and retry types are the same in every
 * client package; SageMaker's name them.)
 */
export interface AwsClientSettings {
  credentials?: SageMakerClientConfig['credentials'];
  profile?: string;
  timeoutMs: number;
  retryStrategy?: () => RetryStrategy;
}

/** Throttled calls back off and retry up to this many attempts before the call counts as failed. */
const MAX_ATTEMPTS = 8;

interface AwsClient {
  destroy(): void;
  /** The SDK's middleware stack; `add` is overloaded per step, and only the finalize step is used here. */
  middlewareStack: { add(...args: never[]): void };
}

/** Any `@aws-sdk/client-*` client class; they all accept the common settings below. */
type ClientClass<C extends AwsClient> = new (config: {
  region: string;
  credentials?: SageMakerClientConfig['credentials'];
  profile?: string;
  maxAttempts: number;
  retryMode: string;
  retryStrategy?: RetryStrategy;
  requestHandler: NodeHttpHandler;
  customUserAgent: string;
  forcePathStyle?: boolean;
  followRegionRedirects?: boolean;
  endpointProvider?: () => { url: URL };
}) => C;

/** S3 behind an endpoint override (a proxy, LocalStack, the test fake) cannot use bucket host names. */
function s3EndpointOverridden(): boolean {
  return Boolean(process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL);
}

/**
 * S3 Control puts the account id in front of the host (`{account}.s3-control.{region}...`), and does
 * the same to an endpoint override: `AWS_ENDPOINT_URL(_S3_CONTROL)` set to an IP address (a local
 * proxy, a test fake) would become an invalid host. Such an override is used as given; the account id
 * still travels in the `x-amz-account-id` header. A host name is left to the SDK's own rules. This is
 * the one place that knows.
 */
export function s3ControlEndpoint(env: NodeJS.ProcessEnv = process.env): { endpointProvider?: () => { url: URL } } {
  const override = env.AWS_ENDPOINT_URL_S3_CONTROL ?? env.AWS_ENDPOINT_URL;
  if (!override) return {};
  const url = new URL(override);
  const ipLiteral = /^\d{1,3}(\.\d{1,3}){3}$/.test(url.hostname) || url.hostname.startsWith('[');
  return ipLiteral ? { endpointProvider: () => ({ url: new URL(override) }) } : {};
}

export function createClient<C extends AwsClient>(
  Client: ClientClass<C>,
  region: string,
  settings: AwsClientSettings,
  userAgent: string,
  extra: { endpointProvider?: () => { url: URL } } = {},
): C {
  const client = new Client({
    ...extra,
    region,
    credentials: settings.credentials,
    profile: settings.profile,
    // Standard mode: exponential back-off with jitter; a call waiting out its back-off holds no
    // concurrency slot (runtime.ts), so throttling slows its region down instead of failing the scan.
    maxAttempts: MAX_ATTEMPTS,
    retryMode: 'standard',
    retryStrategy: settings.retryStrategy?.(),
    requestHandler: new AwsAnswersOnly({ connectionTimeout: settings.timeoutMs, requestTimeout: settings.timeoutMs, throwOnRequestTimeout: true }),
    customUserAgent: userAgent,
    // S3 settings; the other clients ignore them.
    forcePathStyle: s3EndpointOverridden() || undefined,
    followRegionRedirects: true,
  });
  // Inside the retry loop: every attempt takes a slot under the scan's concurrency limit (runtime.ts).
  client.middlewareStack.add(countedAttempts as never, { step: 'finalizeRequest', priority: 'low', name: 'aispmCountedAttempts' } as never);
  return client;
}

/** Throttling error codes across AWS protocols (the SDK's own list, less the rare ones). */
const THROTTLING_ERRORS = new Set(['Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottled', 'RequestThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown', 'ProvisionedThroughputExceededException']);

/** The parts of the SDK's HTTP request that tell one page of a listing from another. */
interface AwsHttpRequest {
  method?: string;
  hostname?: string;
  path?: string;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** Method, host, path, query and body: the same request asked twice in one call is a repeated page token. */
function requestKey(request: AwsHttpRequest | undefined): string | undefined {
  if (!request) return undefined;
  // Decoded as bytes: the SDK's request bodies warn when string methods are called on them.
  const body = typeof request.body === 'string' ? request.body : request.body instanceof Uint8Array ? new TextDecoder().decode(request.body) : '';
  return `${request.method} ${request.hostname}${request.path}?${JSON.stringify(request.query ?? {})}\n${body}`;
}

function countedAttempts<Output>(next: (args: unknown) => Promise<Output>): (args: unknown) => Promise<Output> {
  return async (args) => {
    const attempt = await attemptTurn(requestKey((args as { request?: AwsHttpRequest }).request));
    const outcome = { throttled: false, heard: true, succeeded: false };
    try {
      const result = await next(args);
      outcome.succeeded = true;
      return result;
    } catch (error) {
      const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
      outcome.throttled = $metadata?.httpStatusCode === 429 || THROTTLING_ERRORS.has(name ?? '');
      outcome.heard = $metadata?.httpStatusCode !== undefined;
      throw error;
    } finally {
      attempt.answered(outcome);
    }
  };
}

/**
 * The HTTP handler, refusing a 200 answer that is an HTML page (from a proxy or captive portal in
 * the way): the SDK's XML parser reads such a page as an empty result, so IAM, STS, EC2 and S3
 * calls would seem to succeed with nothing in them (a role without its record, no enabled regions)
 * and no gap would show. The call fails instead, and becomes coverage.
 */
class AwsAnswersOnly extends NodeHttpHandler {
  override async handle(...args: Parameters<NodeHttpHandler['handle']>): ReturnType<NodeHttpHandler['handle']> {
    const answer = await super.handle(...args);
    const { statusCode, headers, body } = answer.response;
    const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
    if (statusCode >= 200 && statusCode < 300 && /text\/html/i.test(contentType)) {
      (body as { destroy?: () => void } | undefined)?.destroy?.();
      throw Object.assign(new Error('the answer is an HTML page, not an AWS response (is a proxy in the way?)'), { name: 'UnexpectedAnswer' });
    }
    return answer;
  }
}

const DENIED_ERRORS = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'AuthorizationError',
  'AuthFailure',
  'ExpiredToken',
  'ExpiredTokenException',
  'SignatureDoesNotMatch',
  'OptInRequired',
]);

/** How an SDK error reads as coverage: denied, the service missing from the region, or an error. */
export function classifyAwsError(error: unknown): ClassifiedError {
  const details = (error ?? {}) as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = details.name && details.name !== 'Error' ? details.name : (details.code ?? 'Error');
  const message = `${name}: ${details.message ?? String(error)}`.slice(0, 500);
  // A service that does not exist in a region has no DNS name there. (Whether DNS works at all is
  // settled by the identity call first: a name it cannot resolve is an error, see collect.ts.)
  if (details.code === 'ENOTFOUND') return { status: 'skipped', message: 'the service has no endpoint in this region' };
  const status = details.$metadata?.httpStatusCode;
  if (DENIED_ERRORS.has(name) || status === 401 || status === 403) return { status: 'denied', message };
  return { status: 'error', message };
}

/** An asset as a collector module describes it; the account fills in the owner. */
export interface AssetDraft {
  id: string;
  type: string;
  name: string;
  region: string;
  props: Record<string, unknown>;
  tags?: Record<string, string>;
  raw?: unknown;
  /** Owner, when not the scanned account (a role in another account). */
  account?: string;
}

interface ReferencedKey {
  region: string;
  /** Assets encrypted by this key; their `customerManagedKey` is corrected once the key is read. */
  referrers: Set<string>;
}

export class AwsAccount {
  readonly roles = new Set<string>();
  private readonly roleListeners: Array<(arn: string) => void> = [];
  /** IAM user name → the Bedrock API keys it owns. */
  readonly users = new Map<string, string[]>();
  /** Buckets AI assets read, write or log to, by name, with the region of the first asset that named it. */
  readonly buckets = new Map<string, { region: string }>();
  /** Buckets whose region GetBucketLocation told (s3.ts): regional services (Macie) are asked only about those. */
  readonly bucketLocations = new Map<string, string>();
  readonly keys = new Map<string, ReferencedKey>();
  readonly functions = new Map<string, { region: string }>();
  readonly logGroups = new Map<string, { name: string; region: string }>();
  readonly vpcs = new Map<string, { region: string }>();
  /** ECR repositories of the images AI assets run, by ARN. */
  readonly repositories = new Map<string, { region: string; name: string }>();
  /** OpenSearch Serverless collections that knowledge bases store their vectors in, by ARN (opensearch-serverless.ts). */
  readonly collections = new Map<string, { region: string; id: string }>();
  /** Published guardrail versions that agents and flows name (`<ARN>:<version>`), read after them. */
  readonly guardrailVersions = new Map<string, { arn: string; version: string; region: string }>();
  /**
   * Compute found by listing each region (Lambda functions, ECS task definitions), by id: it becomes
   * an asset only when its role may call models, which is known once IAM is read (model-callers.ts).
   */
  readonly modelCallers = new Map<string, { draft: AssetDraft; role: string | undefined }>();
  /** The roles of those, screened by IAM for model invocation. */
  readonly modelCallerRoles = new Set<string>();
  /** What each screened role may do with models (iam.ts). */
  readonly modelInvocations = new Map<string, ModelInvocation>();
  /** Assets that use a Bedrock foundation model, to be marked outdated when the model is legacy. */
  readonly modelUsers: Array<{ id: string; region: string; model: string }> = [];
  private readonly clients = new Map<string, AwsClient>();
  private readonly scopes = new Map<string, ServiceScope>();
  private readonly expected = new Map<string, { type: string; region: string }>();

  constructor(
    private readonly builder: InventoryBuilder,
    readonly account: string,
    readonly partition: string,
    /** The region global services (IAM) and account-wide calls go to. */
    readonly homeRegion: string,
    private readonly settings: AwsClientSettings,
    private readonly userAgent: string,
  ) {}

  /** The account's client of a service in a region; `extra` settings are fixed by the first caller. */
  client<C extends AwsClient>(Client: ClientClass<C>, region: string, extra?: { endpointProvider?: () => { url: URL } }): C {
    const key = `${Client.name}\u0000${region}`;
    let client = this.clients.get(key) as C | undefined;
    if (!client) this.clients.set(key, (client = createClient(Client, region, this.settings, this.userAgent, extra)));
    return client;
  }

  scope(region: string, service: string): ServiceScope {
    const key = `${region}\u0000${service}`;
    let scope = this.scopes.get(key);
    if (!scope) this.scopes.set(key, (scope = new ServiceScope(this.builder, this.account, region, service)));
    return scope;
  }

  /** Adds an asset; properties left undefined (not read) are dropped, so they stay unknown. The ECR images it runs are noted (images.ts). */
  addAsset(draft: AssetDraft): void {
    const { account, props, ...asset } = draft;
    const known = Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));
    this.builder.addAsset({ ...asset, props: known, account: account ?? this.account });
    for (const uri of imagesOf(draft)) this.edge(draft.id, 'artifacts-in', this.repository(uri));
  }

  /** The ECR repository of an image in this account's registry: read later (ecr.ts); returns its id. */
  repository(uri: string): string | undefined {
    const repository = ecrRepositoryOf(uri);
    if (!repository || repository.account !== this.account) return undefined;
    const id = `arn:${this.partition}:ecr:${repository.region}:${this.account}:repository/${repository.name}`;
    if (!this.repositories.has(id)) this.repositories.set(id, { region: repository.region, name: repository.name });
    return this.expect(id, 'aws.ecr.repository', repository.region);
  }

  getAsset(id: string): Asset | undefined {
    return this.builder.getAsset(id);
  }

  /** Assets of this account found so far in a region whose type starts with `typePrefix` (`aws.sagemaker.`). */
  countAssets(region: string, typePrefix: string): number {
    return this.builder.countAssets((asset) => asset.region === region && asset.account === this.account && asset.type.startsWith(typePrefix));
  }

  /** Assets found so far in the whole AWS scan, for progress. */
  get assetCount(): number {
    return this.builder.assetCount;
  }

  /** Sets properties learned after the asset was added (from a related resource or a later listing). */
  patchProps(id: string, props: Record<string, unknown>): void {
    const asset = this.builder.getAsset(id);
    if (asset) this.builder.addAsset({ ...asset, props });
  }

  edge(from: string, type: EdgeType, to: string | undefined): void {
    if (to) this.builder.addEdge(from, type, to);
  }

  /** The asset's edges of this type and direction could not all be read: rules must not conclude from their absence. */
  markEdgesUnread(id: string, edge: EdgeType, direction: 'out' | 'in' = 'out'): void {
    this.builder.markEdgesUnread(id, edge, direction);
  }

  /** An asset another one points at (a guardrail an agent uses); a stub stands in if it is never read. */
  expect(id: string | undefined, type: string, region: string): string | undefined {
    if (id && !this.expected.has(id)) this.expected.set(id, { type, region });
    return id;
  }

  /** Stubs, with every property unknown, for expected assets that were not read (denied, deleted, elsewhere). */
  addStubs(): void {
    for (const [id, { type, region }] of this.expected) {
      if (!this.builder.hasAsset(id)) this.addAsset({ id, type, name: arnName(id), region, props: {}, account: parseArn(id)?.account || undefined });
    }
  }

  /** A role an AI asset runs as: read by the identities' reader (iam.ts) as soon as it is named; returns its id. */
  role(arn: string | undefined): string | undefined {
    if (!parseArn(arn)) return undefined;
    if (!this.roles.has(arn!)) {
      this.roles.add(arn!);
      for (const listener of this.roleListeners) listener(arn!);
    }
    return arn;
  }

  /** Calls `listener` with every role named so far and with each one named from now on. */
  onRole(listener: (arn: string) => void): void {
    this.roleListeners.push(listener);
    for (const arn of this.roles) listener(arn);
  }

  /**
   * A bucket an AI asset reads, writes or logs to (training data, artifacts, outputs, captured
   * requests, invocation logs, knowledge base sources): read later; returns its id.
   */
  bucket(reference: string | undefined, region: string): string | undefined {
    const name = bucketName(reference);
    if (!name) return undefined;
    if (!this.buckets.has(name)) this.buckets.set(name, { region });
    return bucketArn(this.partition, name);
  }

  /** An OpenSearch Serverless collection (`arn:...:aoss:region:account:collection/<id>`) a knowledge base stores in: read later; returns its id. */
  collection(arn: string | undefined): string | undefined {
    const parsed = parseArn(arn);
    const id = parsed?.service === 'aoss' && parsed.account === this.account ? parsed.resource.match(/^collection\/([^/]+)$/)?.[1] : undefined;
    if (!id) return undefined;
    if (!this.collections.has(arn!)) this.collections.set(arn!, { region: parsed!.region, id });
    return this.expect(arn, 'aws.opensearch-serverless.collection', parsed!.region);
  }

  /** A Lambda function an agent or flow invokes: read later; returns its (unqualified) ARN. */
  lambdaFunction(arn: string | undefined): string | undefined {
    const parsed = parseArn(arn);
    if (!parsed || parsed.service !== 'lambda') return undefined;
    const name = parsed.resource.split(':')[1];
    if (!name) return undefined;
    const id = `arn:${parsed.partition}:lambda:${parsed.region}:${parsed.account}:function:${name}`;
    if (!this.functions.has(id)) this.functions.set(id, { region: parsed.region });
    return id;
  }

  logGroup(name: string | undefined, region: string): string | undefined {
    if (!name) return undefined;
    const id = `arn:${this.partition}:logs:${region}:${this.account}:log-group:${name}`;
    if (!this.logGroups.has(id)) this.logGroups.set(id, { name, region });
    return id;
  }

  vpc(vpcId: string | undefined, region: string): string | undefined {
    if (!vpcId) return undefined;
    const id = `arn:${this.partition}:ec2:${region}:${this.account}:vpc/${vpcId}`;
    if (!this.vpcs.has(id)) this.vpcs.set(id, { region });
    return id;
  }

  /**
   * Records that `from` is encrypted with a KMS key (id, ARN or alias). The `encrypted-by` edge is
   * added once the key is read, because an alias resolves to the key's ARN only then.
   */
  encryptedBy(from: string, reference: string | undefined | null, region: string): void {
    if (!reference) return;
    const id = kmsKeyArn(reference, this.partition, region, this.account);
    const key = this.keys.get(id);
    if (key) key.referrers.add(from);
    else this.keys.set(id, { region: parseArn(id)?.region || region, referrers: new Set([from]) });
  }

  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}

/**
 * Whether data at rest is under a customer-managed key, as far as the reference tells: none means an
 * AWS-owned key, `alias/aws/...` an AWS managed one. A key that turns out to be AWS managed when it
 * is read corrects this (see kms.ts).
 */
export function customerManagedKey(...references: Array<string | null | undefined>): boolean {
  return references.every((reference) => Boolean(reference) && !isAwsManagedKeyAlias(reference!));
}

/** One service in one region of one account: every call goes through the builder, so a failure is coverage. */
export class ServiceScope {
  /** Some call failed: what was not found may still exist. */
  failed = false;

  constructor(
    private readonly builder: InventoryBuilder,
    readonly account: string,
    readonly region: string,
    readonly service: string,
  ) {}

  async call<T>(operation: string, run: () => Promise<T>): Promise<T | undefined> {
    let answered = false;
    const result = await this.builder.call({ account: this.account, region: this.region, service: this.service }, operation, async () => {
      const answer = await run();
      answered = true;
      return answer;
    });
    if (!answered) this.failed = true;
    return result;
  }

  /** Records this scope's outcome without a call (a region that is not enabled). */
  record(status: CoverageStatus, message?: string): void {
    this.builder.record({ account: this.account, region: this.region, service: this.service }, status, message);
  }

  /** A whole listing through the SDK's paginator, stopped after `limit` items (the most recent, where sorted). */
  list<Page, Item>(operation: string, pages: AsyncIterable<Page>, items: (page: Page) => Item[] | undefined, limit = Infinity): Promise<Item[] | undefined> {
    return this.call(operation, async () => {
      const all: Item[] = [];
      for await (const page of pages) {
        all.push(...(items(page) ?? []));
        if (all.length >= limit) return all.slice(0, limit);
      }
      return all;
    });
  }
}

/**
 * The pages of a listing the SDK has no paginator for (API Gateway v2, IAM ListServiceSpecificCredentials):
 * `page(token)` from no token until `next` finds none, for `ServiceScope.list`.
 */
export async function* pagesByToken<Page>(page: (token: string | undefined) => Promise<Page>, next: (answer: Page) => string | undefined): AsyncIterable<Page> {
  let token: string | undefined;
  do {
    const answer = await page(token);
    yield answer;
    token = next(answer);
  } while (token);
}

/** Treats the named "not configured" errors as an answer (null), not as a failed call. */
export function absentOn(...errorNames: string[]): (error: unknown) => null {
  return (error) => {
    if (errorNames.includes((error as { name?: string }).name ?? '')) return null;
    throw error;
  };
}

/** An API record as kept in `raw`: plain JSON, without the SDK's response metadata. */
export function toRaw(record: unknown): unknown {
  if (record === undefined) return undefined;
  return JSON.parse(JSON.stringify(record, (key, value: unknown) => (key === '$metadata' ? undefined : value)));
}

/** Tag lists in their AWS spellings (`Key`/`Value`, `key`/`value`) as a map. */
export function tagMap(tags: readonly object[] | undefined, keyField = 'Key', valueField = 'Value'): Record<string, string> | undefined {
  if (!tags) return undefined;
  const map: Record<string, string> = {};
  for (const tag of tags as ReadonlyArray<Record<string, unknown>>) {
    const key = tag[keyField];
    if (typeof key === 'string') map[key] = String(tag[valueField] ?? '');
  }
  return map;
}

/** `true`/`false` for an enum's on and off values; unknown (undefined) when missing or a value this version does not know. */
export function enabledFlag(value: string | undefined, on: string, off: string): boolean | undefined {
  return value === on ? true : value === off ? false : undefined;
}

/** Days back that "recent" jobs reach, and how many of each kind a region gives at most. */
const RECENT_JOB_DAYS = 90;
export const MAX_RECENT_JOBS = 50;

export function recentJobsSince(): Date {
  return new Date(Date.now() - RECENT_JOB_DAYS * 24 * 60 * 60 * 1000);
}

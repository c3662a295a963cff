import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACCOUNT, DENIED_SERVICES } from './estate.js';
import { organizationsOperation, sessionAccount } from './organizations.js';
import { FakeError, type RestRequest, cloudWatchOperation, ec2Operation, iamOperation, kmsOperation, logsOperation, restOperation, s3ControlOperation, s3Operation, sageMakerOperation, stsOperation, type Operation } from './handlers.js';
import { agentCoreOperation } from './agentcore.js';
import { apiGatewayOperation, shieldOperation, wafOperation } from './api-gateway.js';
import { ecrOperation } from './ecr.js';
import { ecsOperation } from './ecs.js';
import { bedrockJobOperation } from './bedrock-jobs.js';
import { guardDutyOperation } from './guardduty.js';
import { inspectorOperation } from './inspector.js';
import { xrayOperation } from './xray.js';
import { budgetsOperation, costExplorerOperation } from './cost-controls.js';
import { macieOperation } from './macie.js';
import { cloudTrailOperation } from './cloudtrail.js';
import { openSearchServerlessOperation } from './opensearch-serverless.js';
import { CLIENT_OF_SERVICE } from './model.js';
import { checkAnswer } from './model-check.js';
import { ACCESS_DENIED, THROTTLING, ec2Reply, errorReply, formParameters, jsonReply, queryReply, xmlReply, type Protocol, type Reply } from './protocols.js';

/**
 * A fake AWS on 127.0.0.1 for the real SDK clients: one HTTP server for every service, told apart by
 * the SigV4 credential scope (`Credential=KEY/DATE/REGION/SERVICE/aws4_request`). It records the IAM
 * action of every request, answers with the estate in `estate.ts`, and injects faults on demand:
 * throttling bursts, denied services, requests that never get an answer. Every answer is checked
 * against AWS's model of the operation (`model-check.ts`); `stop()` fails if one was not true to it.
 */

export interface Faults {
  /** IAM action → how many of its next requests are throttled. */
  throttle: Map<string, number>;
  /** IAM actions whose requests are never answered (the client's timeout must end them). */
  hang: Set<string>;
  /** Milliseconds every answer waits, so that concurrent requests overlap and `maxInFlight` shows them. */
  latencyMs: number;
}

interface Routed extends Operation {
  protocol: Protocol;
  reply: (result: unknown) => Reply;
}

const JSON_TARGETS: Record<
  string,
  {
    service: string;
    handler: (operation: string, input: Record<string, unknown>, region: string, caller?: string) => (() => unknown) | undefined;
    /** Operations whose IAM action is not `<service>:<Operation>`. */
    actions?: Record<string, string>;
  }
> = {
  SageMaker: { service: 'sagemaker', handler: sageMakerOperation },
  TrentService: { service: 'kms', handler: kmsOperation },
  Logs_20140328: { service: 'logs', handler: logsOperation },
  GraniteServiceVersion20100801: { service: 'cloudwatch', handler: cloudWatchOperation },
  AmazonEC2ContainerServiceV20141113: { service: 'ecs', handler: ecsOperation },
  AmazonEC2ContainerRegistry_V20150921: { service: 'ecr', handler: ecrOperation },
  CloudTrail_20131101: { service: 'cloudtrail', handler: cloudTrailOperation },
  AWSOrganizationsV20161128: { service: 'organizations', handler: (operation, input, _region, caller) => organizationsOperation(operation, input, caller) },
  OpenSearchServerless: { service: 'aoss', handler: openSearchServerlessOperation },
  AWSWAF_20190729: { service: 'wafv2', handler: wafOperation },
  AWSShield_20160616: { service: 'shield', handler: shieldOperation },
  AWSInsightsIndexService: { service: 'ce', handler: costExplorerOperation },
  // Budgets' read operations are authorized by budgets:ViewBudget (Service Authorization Reference, AWS Budgets).
  AWSBudgetServiceGateway: { service: 'budgets', handler: budgetsOperation, actions: { DescribeBudgets: 'budgets:ViewBudget' } },
};

/** awsJson1_1 sends timestamps as epoch seconds; restJson1 as ISO 8601 (what `Date#toJSON` gives). */
function epochSeconds(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Date ? original.getTime() / 1000 : value;
}

export class FakeAws {
  /** IAM action of every request received, in order. */
  readonly calls: string[] = [];
  /** Requests the fake does not implement: the collector called something unexpected. */
  readonly unhandled: string[] = [];
  /** Every way an answer differed from AWS's model of the operation (see `model-check.ts`); kept until `stop()`. */
  readonly violations: string[] = [];
  faults: Faults = { throttle: new Map(), hang: new Set(), latencyMs: 0 };
  /** Most requests in flight at once. */
  maxInFlight = 0;
  private inFlight = 0;
  private readonly server: Server = createServer((request, response) => void this.handle(request, response));
  private readonly hanging = new Set<ServerResponse>();

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** Stops the server, and fails if any answer was not true to AWS's model, so that no suite can miss it. */
  async stop(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.violations.length > 0) {
      const distinct = [...new Set(this.violations)];
      throw new Error(`The fake AWS answered unlike AWS's model of the operation (${distinct.length} distinct problems):\n${distinct.join('\n')}`);
    }
  }

  /** Forgets recorded calls and faults between tests. */
  reset(): void {
    this.calls.length = 0;
    this.unhandled.length = 0;
    this.faults = { throttle: new Map(), hang: new Set(), latencyMs: 0 };
    this.maxInFlight = 0;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of request) body += chunk;
    const scope = request.headers.authorization?.match(/Credential=[^/]+\/\d+\/([^/]+)\/([^/]+)\//);
    const url = new URL(request.url ?? '/', 'http://fake');
    const routed = scope ? route(scope[2]!, scope[1]!, request, url, body) : undefined;
    if (!routed) {
      this.unhandled.push(`${scope?.[2] ?? 'unsigned'} ${request.method} ${request.url} ${request.headers['x-amz-target'] ?? ''}`.trim());
      return this.send(response, { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not implemented by the fake' });
    }
    this.calls.push(routed.action);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    response.on('close', () => this.inFlight--);
    if (this.faults.hang.has(routed.action)) {
      this.hanging.add(response);
      return;
    }
    if (this.faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.faults.latencyMs));
    const throttled = this.faults.throttle.get(routed.action) ?? 0;
    if (throttled > 0) {
      this.faults.throttle.set(routed.action, throttled - 1);
      const { code, status } = THROTTLING[routed.protocol];
      return this.send(response, errorReply(routed.protocol, code, 'Rate exceeded', status));
    }
    // A member account reached through its role (organizations.ts): its role cannot read S3.
    const member = sessionAccount(request.headers.authorization);
    if ((member && routed.service === 's3') || DENIED_SERVICES.some((denied) => denied.service === routed.service && denied.region === scope![1])) {
      const { code, status } = ACCESS_DENIED[routed.protocol];
      return this.send(response, errorReply(routed.protocol, code, `User arn:aws:sts::111122223333:assumed-role/scanner/ci is not authorized to perform: ${routed.action} with an explicit deny`, status));
    }
    try {
      const reply = routed.reply(routed.run());
      const client = routed.client ?? CLIENT_OF_SERVICE[routed.service];
      this.violations.push(
        ...(client ? checkAnswer({ client, operation: routed.operation, protocol: routed.protocol, reply }) : [`${routed.service} ${routed.operation}: no SDK client is named for this service in CLIENT_OF_SERVICE (model.ts)`]),
      );
      // The member has the same estate under its own account id (organizations.ts).
      this.send(response, member ? { ...reply, body: reply.body.replaceAll(ACCOUNT, member) } : reply);
    } catch (error) {
      if (!(error instanceof FakeError)) throw error;
      this.send(response, errorReply(routed.protocol, error.code, error.message, error.status));
    }
  }

  private send(response: ServerResponse, reply: Reply): void {
    response.writeHead(reply.status, { ...reply.headers, 'x-amzn-requestid': 'fake' });
    response.end(reply.body);
  }
}

function route(service: string, region: string, request: Pick<IncomingMessage, 'method' | 'headers'>, url: URL, body: string): Routed | undefined {
  switch (service) {
    case 'sagemaker':
    case 'kms':
    case 'logs':
    case 'monitoring':
    case 'ecs':
    case 'ecr':
    case 'cloudtrail':
    case 'organizations':
    case 'aoss':
    case 'wafv2':
    case 'shield':
    case 'ce':
    case 'budgets': {
      const [prefix, operation] = String(request.headers['x-amz-target'] ?? '').split('.');
      const target = JSON_TARGETS[prefix ?? ''];
      const run = target && target.handler(operation ?? '', JSON.parse(body || '{}'), region, sessionAccount(request.headers.authorization));
      if (!target || !run) return undefined;
      return { service: target.service, action: target.actions?.[operation!] ?? `${target.service}:${operation}`, operation: operation!, protocol: 'json', run, reply: (result) => ({ ...jsonReply(result), body: JSON.stringify(result, epochSeconds) }) };
    }
    case 'bedrock':
    case 'lambda': {
      const rest = { method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, body: body ? JSON.parse(body) : {}, region };
      const operation = restOperation(rest) ?? (service === 'bedrock' ? bedrockJobOperation(rest) : undefined);
      return operation && { ...operation, protocol: 'rest-json', reply: (result) => jsonReply(result, 200, 'application/json') };
    }
    case 'guardduty':
    case 'macie2':
    case 'bedrock-agentcore':
    case 'apigateway':
    case 'inspector2':
    case 'xray': {
      const services: Record<string, (request: RestRequest) => Operation | undefined> = { guardduty: guardDutyOperation, macie2: macieOperation, apigateway: apiGatewayOperation, inspector2: inspectorOperation, xray: xrayOperation };
      const serve = services[service] ?? agentCoreOperation;
      const operation = serve({ method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, body: body ? JSON.parse(body) : {}, region });
      return operation && { ...operation, protocol: 'rest-json', reply: (result) => jsonReply(result, 200, 'application/json') };
    }
    case 'sts':
    case 'iam': {
      const input = formParameters(body);
      const action = input.Action ?? '';
      const run = service === 'sts' ? stsOperation(action, input) : iamOperation(action, input);
      return run && { service, action: `${service}:${action}`, operation: action, protocol: 'query', run, reply: (result) => queryReply(action, result) };
    }
    case 'ec2': {
      const input = formParameters(body);
      const action = input.Action ?? '';
      const run = ec2Operation(action, input, region);
      return run && { service, action: `ec2:${action}`, operation: action, protocol: 'ec2', run, reply: (result) => ec2Reply(action, result) };
    }
    case 's3': {
      const bucket = decodeURIComponent(url.pathname.split('/')[1] ?? '');
      // S3 Control signs as s3 too; its paths start with the API version.
      const control = url.pathname.startsWith('/v20180820/') ? s3ControlOperation(request.method ?? 'GET', url.pathname, request.headers['x-amz-account-id']) : undefined;
      const operation = control ?? (request.method === 'GET' ? s3Operation(bucket, url.searchParams) : undefined);
      return (
        operation && {
          ...operation,
          protocol: 'rest-xml',
          reply: (result) => {
            const answer = result as { xml?: string; json?: string };
            return answer.json !== undefined ? { status: 200, headers: { 'content-type': 'application/json' }, body: answer.json } : xmlReply(answer.xml ?? '');
          },
        }
      );
    }
    default:
      return undefined;
  }
}

/**
 * The IAM action and service of a signed request, as the fake routes it (undefined for a request it
 * does not serve): what the deny-each-operation tests refuse, one action at a time.
 */
export function awsRequestAction(request: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: string }): { service: string; action: string } | undefined {
  const scope = String(request.headers.authorization ?? '').match(/Credential=[^/]+\/\d+\/([^/]+)\/([^/]+)\//);
  if (!scope) return undefined;
  const routed = route(scope[2]!, scope[1]!, { method: request.method, headers: request.headers }, new URL(request.url, 'http://fake'), request.body);
  return routed && { service: routed.service, action: routed.action };
}

/** The environment that points the real SDK at the fake, and keeps a developer's own AWS setup out. */
export function fakeAwsEnvironment(fake: FakeAws, home: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: fake.url,
    AWS_ACCESS_KEY_ID: 'AKIDFAKEFORTESTS0000',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-for-tests',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: `${home}/no-such-aws-config`,
    AWS_SHARED_CREDENTIALS_FILE: `${home}/no-such-aws-credentials`,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

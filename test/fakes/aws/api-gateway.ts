import { ACCOUNT } from './estate.js';
import { FakeError, type Operation, type RestRequest } from './handlers.js';
import { paged } from './protocols.js';

/**
 * The fake's edge in front of AI compute, in us-east-1: API Gateway REST APIs (restJson1, signed as
 * `apigateway`, lists under the wire name `item`), HTTP APIs (API Gateway v2, same signing name, paths
 * under /v2/, camelCase wire names) and the WAF web ACLs of the REST stages (awsJson1_1, target
 * AWSWAF_20190729).
 *
 * - support-chat-api: POST /chat invokes ticket-summarizer (which calls models); stage prod has no web
 *   ACL, no usage plan, no throttle, no request validator. Every edge row fails on it.
 * - claims-assist-api: POST /assess calls Bedrock runtime directly (an AWS service integration); stage
 *   v1 is throttled by a usage plan and its body validated, but its web ACL only rate-limits and runs
 *   the IP reputation list: no SQLi or known-bad-inputs group, no XSS protection.
 * - faq-api, the hardened twin: POST /ask invokes faq-answerer with a body validator; stage live is
 *   throttled and guarded by a web ACL with the core rule set, known bad inputs, SQLi and a rate rule.
 * - image-api invokes image-resizer, which calls no model: listed, never read further.
 * - HTTP APIs: summarize-http ($default stage without throttling) and faq-http (throttled), both in
 *   front of AI functions; a WebSocket API is left alone.
 */

const US = 'us-east-1';
const lambdaUri = (name: string) => `arn:aws:apigateway:${US}:lambda:path/2015-03-31/functions/arn:aws:lambda:${US}:${ACCOUNT}:function:${name}/invocations`;
export const webAclArn = (name: string, id: string) => `arn:aws:wafv2:${US}:${ACCOUNT}:regional/webacl/${name}/${id}`;
const WEB_ACLS_IDS = { claims: '3f1c2d4e-0000-4a1b-9c8d-000000000001', faq: '3f1c2d4e-0000-4a1b-9c8d-000000000002' };

const proxy = (uri: string) => ({ type: 'AWS_PROXY', httpMethod: 'POST', uri, passthroughBehavior: 'WHEN_NO_MATCH', timeoutInMillis: 29000, cacheNamespace: 'c1', cacheKeyParameters: [] });
const method = (httpMethod: string, integration: Record<string, unknown>, requestValidatorId?: string) => ({
  httpMethod,
  authorizationType: 'NONE',
  apiKeyRequired: false,
  ...(requestValidatorId ? { requestValidatorId } : {}),
  methodIntegration: integration,
});

interface RestApiEstate {
  api: Record<string, unknown>;
  resources: Array<Record<string, unknown>>;
  stages: Array<Record<string, unknown>>;
  validators: Array<Record<string, unknown>>;
}

const regional = { types: ['REGIONAL'], ipAddressType: 'ipv4' };

export const REST_APIS: Record<string, RestApiEstate> = {
  a1chat0001: {
    api: { id: 'a1chat0001', name: 'support-chat-api', apiKeySource: 'HEADER', endpointConfiguration: regional, disableExecuteApiEndpoint: false, rootResourceId: 'r0chat' },
    resources: [
      { id: 'r0chat', path: '/' },
      { id: 'r1chat', parentId: 'r0chat', pathPart: 'chat', path: '/chat', resourceMethods: { POST: method('POST', proxy(lambdaUri('ticket-summarizer'))) } },
      { id: 'r2chat', parentId: 'r0chat', pathPart: 'health', path: '/health', resourceMethods: { GET: method('GET', { type: 'MOCK', passthroughBehavior: 'WHEN_NO_MATCH', requestTemplates: { 'application/json': '{"statusCode": 200}' } }) } },
    ],
    stages: [{ deploymentId: 'd1chat', stageName: 'prod', cacheClusterEnabled: false, cacheClusterStatus: 'NOT_AVAILABLE', methodSettings: {}, tracingEnabled: false }],
    validators: [],
  },
  b2claims02: {
    api: { id: 'b2claims02', name: 'claims-assist-api', apiKeySource: 'HEADER', endpointConfiguration: regional, disableExecuteApiEndpoint: false, rootResourceId: 'r0claims' },
    resources: [
      { id: 'r0claims', path: '/' },
      {
        id: 'r1claims',
        parentId: 'r0claims',
        pathPart: 'assess',
        path: '/assess',
        resourceMethods: {
          POST: method(
            'POST',
            {
              type: 'AWS',
              httpMethod: 'POST',
              uri: `arn:aws:apigateway:${US}:bedrock-runtime:path/model/amazon.nova-lite-v1:0/converse`,
              credentials: `arn:aws:iam::${ACCOUNT}:role/ClaimsApiBedrockRole`,
              passthroughBehavior: 'NEVER',
              timeoutInMillis: 29000,
            },
            'v1body',
          ),
        },
      },
    ],
    stages: [{ deploymentId: 'd1claims', stageName: 'v1', cacheClusterEnabled: false, cacheClusterStatus: 'NOT_AVAILABLE', methodSettings: {}, tracingEnabled: true, webAclArn: webAclArn('claims-basic-acl', WEB_ACLS_IDS.claims) }],
    validators: [{ id: 'v1body', name: 'body-only', validateRequestBody: true, validateRequestParameters: false }],
  },
  c3faq00003: {
    api: { id: 'c3faq00003', name: 'faq-api', apiKeySource: 'HEADER', endpointConfiguration: regional, disableExecuteApiEndpoint: false, rootResourceId: 'r0faq' },
    resources: [
      { id: 'r0faq', path: '/' },
      { id: 'r1faq', parentId: 'r0faq', pathPart: 'ask', path: '/ask', resourceMethods: { POST: method('POST', proxy(lambdaUri('faq-answerer')), 'v2all') } },
    ],
    stages: [
      {
        deploymentId: 'd1faq',
        stageName: 'live',
        cacheClusterEnabled: false,
        cacheClusterStatus: 'NOT_AVAILABLE',
        methodSettings: { '*/*': { metricsEnabled: true, loggingLevel: 'ERROR', dataTraceEnabled: false, throttlingBurstLimit: 100, throttlingRateLimit: 50, cachingEnabled: false, cacheTtlInSeconds: 300, cacheDataEncrypted: false, requireAuthorizationForCacheControl: true, unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER' } },
        tracingEnabled: true,
        webAclArn: webAclArn('faq-api-acl', WEB_ACLS_IDS.faq),
      },
    ],
    validators: [{ id: 'v2all', name: 'body-and-parameters', validateRequestBody: true, validateRequestParameters: true }],
  },
  d4image004: {
    api: { id: 'd4image004', name: 'image-api', apiKeySource: 'HEADER', endpointConfiguration: regional, disableExecuteApiEndpoint: false, rootResourceId: 'r0image' },
    resources: [
      { id: 'r0image', path: '/' },
      { id: 'r1image', parentId: 'r0image', pathPart: 'resize', path: '/resize', resourceMethods: { POST: method('POST', proxy(lambdaUri('image-resizer'))) } },
    ],
    stages: [{ deploymentId: 'd1image', stageName: 'prod', cacheClusterEnabled: false, cacheClusterStatus: 'NOT_AVAILABLE', methodSettings: {}, tracingEnabled: false }],
    validators: [],
  },
};

/** Usage plans (GetUsagePlans): claims-assist-api's stage is throttled by one; support-chat-api's is in none. */
const USAGE_PLANS = [
  { id: 'up1claims', name: 'claims-partners', apiStages: [{ apiId: 'b2claims02', stage: 'v1' }], throttle: { burstLimit: 20, rateLimit: 10 }, quota: { limit: 10000, offset: 0, period: 'DAY' } },
  // A plan without a throttle does not throttle the stages in it.
  { id: 'up2image', name: 'image-free', apiStages: [{ apiId: 'd4image004', stage: 'prod' }] },
];

const httpApi = (apiId: string, name: string, protocolType = 'HTTP') => ({
  apiEndpoint: `https://${apiId}.execute-api.${US}.amazonaws.com`,
  apiId,
  apiKeySelectionExpression: '$request.header.x-api-key',
  disableExecuteApiEndpoint: false,
  name,
  protocolType,
  routeSelectionExpression: protocolType === 'HTTP' ? '${request.method} ${request.path}' : '$request.body.action',
  tags: {},
});

const HTTP_APIS: Record<string, { api: Record<string, unknown>; integrations: Array<Record<string, unknown>>; stages: Array<Record<string, unknown>> }> = {
  e5sum00005: {
    api: httpApi('e5sum00005', 'summarize-http'),
    // HTTP API Lambda integrations name the function's ARN directly (or its invocation URI).
    integrations: [{ connectionType: 'INTERNET', integrationId: 'i1sum', integrationMethod: 'POST', integrationType: 'AWS_PROXY', integrationUri: `arn:aws:lambda:${US}:${ACCOUNT}:function:ticket-summarizer`, payloadFormatVersion: '2.0', timeoutInMillis: 30000 }],
    stages: [{ stageName: '$default', autoDeploy: true, defaultRouteSettings: { detailedMetricsEnabled: false }, routeSettings: {}, stageVariables: {}, tags: {} }],
  },
  f6faq00006: {
    api: httpApi('f6faq00006', 'faq-http'),
    integrations: [{ connectionType: 'INTERNET', integrationId: 'i1faq', integrationMethod: 'POST', integrationType: 'AWS_PROXY', integrationUri: lambdaUri('faq-answerer'), payloadFormatVersion: '2.0', timeoutInMillis: 30000 }],
    stages: [{ stageName: 'live', autoDeploy: true, defaultRouteSettings: { detailedMetricsEnabled: true, throttlingBurstLimit: 100, throttlingRateLimit: 50 }, routeSettings: {}, stageVariables: {}, tags: {} }],
  },
  g7ws000007: { api: httpApi('g7ws000007', 'notifications-ws', 'WEBSOCKET'), integrations: [], stages: [] },
};

const notFound = () => new FakeError('NotFoundException', 'Invalid API identifier specified', 404);

export function apiGatewayOperation(request: RestRequest): Operation | undefined {
  if (request.method !== 'GET') return undefined;
  // Every read is the one IAM action apigateway:GET on the resource's path (API Gateway's IAM model).
  const op = (operation: string, run: () => unknown, client = 'api-gateway'): Operation => ({ service: 'apigateway', action: 'apigateway:GET', operation, client, run });
  const inRegion = request.region === US;
  // Listings page with `position` (v1) and `nextToken` (v2), in pages of PAGE_SIZE.
  const page = (items: unknown[]) => paged(items, request.query.get('position') ?? undefined);
  if (request.path === '/restapis') {
    return op('GetRestApis', () => {
      const { items, next } = page(inRegion ? Object.values(REST_APIS).map((entry) => entry.api) : []);
      return { item: items, position: next };
    });
  }
  if (request.path === '/usageplans') return op('GetUsagePlans', () => ({ item: inRegion ? USAGE_PLANS : [] }));
  const rest = request.path.match(/^\/restapis\/([^/]+)\/(resources|stages|requestvalidators)$/);
  if (rest) {
    const [, id, what] = rest;
    const entry = () => (inRegion ? REST_APIS[decodeURIComponent(id!)] : undefined) ?? (() => { throw notFound(); })();
    if (what === 'resources') {
      return op('GetResources', () => {
        const { items, next } = page(entry().resources);
        return { item: items, position: next };
      });
    }
    if (what === 'stages') return op('GetStages', () => ({ item: entry().stages }));
    return op('GetRequestValidators', () => ({ item: entry().validators }));
  }
  if (request.path === '/v2/apis') {
    return op(
      'GetApis',
      () => {
        const { items, next } = paged(inRegion ? Object.values(HTTP_APIS).map((entry) => entry.api) : [], request.query.get('nextToken') ?? undefined);
        return { items, nextToken: next };
      },
      'apigatewayv2',
    );
  }
  const http = request.path.match(/^\/v2\/apis\/([^/]+)\/(integrations|stages)$/);
  if (http) {
    const [, id, what] = http;
    const entry = () => (inRegion ? HTTP_APIS[decodeURIComponent(id!)] : undefined) ?? (() => { throw notFound(); })();
    return op(what === 'integrations' ? 'GetIntegrations' : 'GetStages', () => ({ items: what === 'integrations' ? entry().integrations : entry().stages }), 'apigatewayv2');
  }
  return undefined;
}

const visibility = (metric: string) => ({ SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: metric });
const managed = (name: string, priority: number) => ({
  Name: name,
  Priority: priority,
  Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
  OverrideAction: { None: {} },
  VisibilityConfig: visibility(name),
});
const rateRule = (priority: number) => ({ Name: 'per-ip-rate', Priority: priority, Statement: { RateBasedStatement: { Limit: 500, EvaluationWindowSec: 300, AggregateKeyType: 'IP' } }, Action: { Block: {} }, VisibilityConfig: visibility('per-ip-rate') });

const WEB_ACLS: Record<string, Record<string, unknown>> = {
  [WEB_ACLS_IDS.claims]: {
    Name: 'claims-basic-acl',
    Id: WEB_ACLS_IDS.claims,
    ARN: webAclArn('claims-basic-acl', WEB_ACLS_IDS.claims),
    DefaultAction: { Allow: {} },
    Rules: [rateRule(0), managed('AWSManagedRulesAmazonIpReputationList', 1)],
    VisibilityConfig: visibility('claims-basic-acl'),
    Capacity: 27,
    ManagedByFirewallManager: false,
    LabelNamespace: `awswaf:${ACCOUNT}:webacl:claims-basic-acl:`,
  },
  [WEB_ACLS_IDS.faq]: {
    Name: 'faq-api-acl',
    Id: WEB_ACLS_IDS.faq,
    ARN: webAclArn('faq-api-acl', WEB_ACLS_IDS.faq),
    DefaultAction: { Allow: {} },
    Rules: [
      rateRule(0),
      managed('AWSManagedRulesCommonRuleSet', 1),
      managed('AWSManagedRulesKnownBadInputsRuleSet', 2),
      managed('AWSManagedRulesSQLiRuleSet', 3),
      {
        Name: 'prompt-size',
        Priority: 4,
        Statement: { SizeConstraintStatement: { FieldToMatch: { Body: { OversizeHandling: 'MATCH' } }, ComparisonOperator: 'GT', Size: 4096, TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
        Action: { Block: {} },
        VisibilityConfig: visibility('prompt-size'),
      },
    ],
    VisibilityConfig: visibility('faq-api-acl'),
    Capacity: 1502,
    ManagedByFirewallManager: false,
    LabelNamespace: `awswaf:${ACCOUNT}:webacl:faq-api-acl:`,
  },
};

/** Shield (awsJson1_1, target AWSShield_20160616, global in us-east-1): the account subscribes to Shield Advanced. */
export function shieldOperation(operation: string): (() => unknown) | undefined {
  return operation === 'GetSubscriptionState' ? () => ({ SubscriptionState: 'ACTIVE' }) : undefined;
}

export function wafOperation(operation: string, input: Record<string, unknown>, region: string): (() => unknown) | undefined {
  if (operation !== 'GetWebACL') return undefined;
  return () => {
    const acl = region === US && input.Scope === 'REGIONAL' ? WEB_ACLS[String(input.Id)] : undefined;
    if (!acl || acl.Name !== input.Name) throw new FakeError('WAFNonexistentItemException', 'AWS WAF couldn’t perform the operation because your resource doesn’t exist.', 400);
    return { WebACL: acl, LockToken: '6f0a1b2c-3d4e-5f60-7182-93a4b5c6d7e8' };
  };
}

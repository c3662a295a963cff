import { APIGatewayClient, GetRequestValidatorsCommand, GetStagesCommand, paginateGetResources, paginateGetRestApis, paginateGetUsagePlans, type Method, type Stage, type UsagePlan } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApisCommand, GetIntegrationsCommand, GetStagesCommand as GetHttpStagesCommand } from '@aws-sdk/client-apigatewayv2';
import { GetSubscriptionStateCommand, ShieldClient } from '@aws-sdk/client-shield';
import { forEachConcurrently } from '../runtime.js';
import { parseArn } from './arn.js';
import { pagesByToken, toRaw, type AwsAccount, type ServiceScope } from './session.js';
import { collectWebAcls } from './waf.js';

/**
 * The edge in front of AI applications: API Gateway REST APIs (v1) and HTTP APIs (v2) whose
 * integrations invoke a function that calls models, or Bedrock or SageMaker runtime directly. Every
 * region's APIs and their integrations are listed with the AI services (one call per API); once IAM
 * has said which functions call models, only the APIs that reach AI compute are read further (stages,
 * usage plans, request validators, and the WAF web ACLs of their stages, waf.ts) and become assets.
 */

/** A method (REST) or integration (HTTP) and what it reaches. */
interface Route {
  /** `POST /chat` (REST), or the integration id (HTTP). */
  label: string;
  /** Unqualified ARNs of the Lambda functions it invokes. */
  functions: string[];
  /** Invokes a Bedrock or SageMaker runtime API through an AWS service integration. */
  modelRuntime: boolean;
  requestValidatorId?: string;
}

/** An API listed in a region, kept until IAM has read the roles of the functions it invokes. */
export interface ListedApi {
  kind: 'rest' | 'http';
  apiId: string;
  id: string;
  name: string;
  region: string;
  routes: Route[];
  raw: unknown;
}

/** `arn:aws:lambda:<region>:<account>:function:<name>` in an integration URI, without a version or alias. */
function invokedFunction(uri: string | undefined): string | undefined {
  const match = uri?.match(/arn:(aws[a-z-]*):lambda:([a-z0-9-]+):(\d{12}):function:([A-Za-z0-9_-]+)/);
  return match ? `arn:${match[1]}:lambda:${match[2]}:${match[3]}:function:${match[4]}` : undefined;
}

/**
 * An AWS service integration's URI, `arn:aws:apigateway:{region}:{subdomain.service|service}:path|action/...`
 * (API Gateway API reference, Integration uri), that calls a model runtime: Bedrock (`bedrock`,
 * `bedrock-runtime`, `bedrock-agent-runtime`) or SageMaker runtime (`runtime.sagemaker`).
 */
function callsModelRuntime(type: string | undefined, uri: string | undefined): boolean {
  if (type !== 'AWS' && type !== 'AWS_PROXY') return false;
  const service = parseArn(uri)?.service === 'apigateway' ? uri!.split(':')[4] : undefined;
  return service !== undefined && /^(bedrock(-runtime|-agent-runtime)?|runtime\.sagemaker)$/.test(service);
}

/** Every REST and HTTP API of the region with what its integrations reach (listed with the AI services). */
export async function listApis(account: AwsAccount, region: string): Promise<ListedApi[]> {
  const [rest, http] = await Promise.all([listRestApis(account, region), listHttpApis(account, region)]);
  return [...rest, ...http];
}

async function listRestApis(account: AwsAccount, region: string): Promise<ListedApi[]> {
  const client = account.client(APIGatewayClient, region);
  const scope = account.scope(region, 'apigateway');
  const apis = (await scope.list('GetRestApis', paginateGetRestApis({ client }, {}), (page) => page.items)) ?? [];
  const listed: ListedApi[] = [];
  await forEachConcurrently(apis, async (api) => {
    if (!api.id) return;
    const resources = await scope.list('GetResources', paginateGetResources({ client }, { restApiId: api.id, embed: ['methods'] }), (page) => page.items);
    const routes = (resources ?? []).flatMap((resource) =>
      Object.entries(resource.resourceMethods ?? {}).map(([verb, method]: [string, Method]) => {
        const integration = method.methodIntegration;
        const fn = integration?.type === 'AWS' || integration?.type === 'AWS_PROXY' ? invokedFunction(integration.uri) : undefined;
        return { label: `${verb} ${resource.path ?? ''}`, functions: fn ? [fn] : [], modelRuntime: callsModelRuntime(integration?.type, integration?.uri), requestValidatorId: method.requestValidatorId };
      }),
    );
    listed.push({ kind: 'rest', apiId: api.id, id: `arn:${account.partition}:apigateway:${region}::/restapis/${api.id}`, name: api.name ?? api.id, region, routes, raw: toRaw(api) });
  });
  return listed;
}

/** GetApis, GetIntegrations and GetStages of API Gateway v2: the SDK has no paginator for them. */
function httpPages<T>(scope: ServiceScope, operation: string, page: (token: string | undefined) => Promise<{ Items?: T[]; NextToken?: string }>): Promise<T[] | undefined> {
  return scope.list(operation, pagesByToken(page, (answer) => answer.NextToken), (answer) => answer.Items);
}

async function listHttpApis(account: AwsAccount, region: string): Promise<ListedApi[]> {
  const client = account.client(ApiGatewayV2Client, region);
  const scope = account.scope(region, 'apigateway');
  const apis = (await httpPages(scope, 'GetApis', (NextToken) => client.send(new GetApisCommand({ NextToken })))) ?? [];
  const listed: ListedApi[] = [];
  // WebSocket APIs carry no request bodies to a model in the same way; only HTTP APIs are read.
  await forEachConcurrently(
    apis.filter((api) => api.ProtocolType === 'HTTP'),
    async (api) => {
      if (!api.ApiId) return;
      const integrations = await httpPages(scope, 'GetIntegrations', (NextToken) => client.send(new GetIntegrationsCommand({ ApiId: api.ApiId, NextToken })));
      const routes = (integrations ?? []).map((integration) => {
        const fn = integration.IntegrationType === 'AWS_PROXY' ? invokedFunction(integration.IntegrationUri) : undefined;
        return { label: integration.IntegrationId ?? '', functions: fn ? [fn] : [], modelRuntime: false };
      });
      listed.push({ kind: 'http', apiId: api.ApiId, id: `arn:${account.partition}:apigateway:${region}::/apis/${api.ApiId}`, name: api.Name ?? api.ApiId, region, routes, raw: toRaw(api) });
    },
  );
  return listed;
}

/** Whether a function calls models, as IAM read its role (model-callers.ts): unknown while its role is unread. */
function callsModels(account: AwsAccount, fn: string): boolean | undefined {
  const role = account.modelCallers.get(fn)?.role;
  return role ? account.modelInvocations.get(role)?.allowed : undefined;
}

const positive = (value: number | undefined) => value !== undefined && value > 0;

/** Reads the APIs that reach AI compute further, once IAM has read the roles of the functions they invoke. */
export async function collectAiApis(account: AwsAccount, listed: readonly ListedApi[]): Promise<void> {
  // Listed as each region answered: sorted, so that the reads (and the coverage messages) come in one order.
  const front = [...listed]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((api) => {
      const aiFunctions = [...new Set(api.routes.flatMap((route) => route.functions.filter((fn) => callsModels(account, fn) === true)))].sort();
      const aiRoutes = api.routes.filter((route) => route.modelRuntime || route.functions.some((fn) => aiFunctions.includes(fn)));
      return { api, aiFunctions, aiRoutes };
    })
    .filter(({ aiRoutes }) => aiRoutes.length > 0);
  const usagePlans = new Map<string, Promise<UsagePlan[] | undefined>>();
  const plansOf = (region: string) => {
    let plans = usagePlans.get(region);
    if (!plans) {
      const client = account.client(APIGatewayClient, region);
      usagePlans.set(region, (plans = account.scope(region, 'apigateway').list('GetUsagePlans', paginateGetUsagePlans({ client }, {}), (page) => page.items)));
    }
    return plans;
  };
  const webAcls = new Map<string, string>();
  const shieldAdvanced = front.some(({ api }) => api.kind === 'rest') ? shieldSubscription(account) : Promise.resolve(undefined);
  await forEachConcurrently(front, async ({ api, aiFunctions, aiRoutes }) => {
    for (const fn of aiFunctions) account.edge(api.id, 'invokes', fn);
    const props = {
      apiType: api.kind === 'rest' ? 'REST' : 'HTTP',
      aiFunctions: aiFunctions.map((fn) => fn.split(':').pop()!),
      modelRuntimeIntegration: aiRoutes.some((route) => route.modelRuntime),
    };
    if (api.kind === 'rest') {
      const [stageIds, validation] = await Promise.all([shieldAdvanced.then((shield) => collectRestStages(account, api, plansOf(api.region), webAcls, shield)), bodyValidation(account, api, aiRoutes)]);
      account.addAsset({ id: api.id, type: 'aws.apigateway.rest-api', name: api.name, region: api.region, props: { ...props, aiMethods: aiRoutes.map((route) => route.label).sort(), aiMethodsWithoutBodyValidation: validation }, raw: api.raw });
      for (const stage of stageIds) account.edge(stage, 'part-of', api.id);
    } else {
      await collectHttpStages(account, api);
      account.addAsset({ id: api.id, type: 'aws.apigatewayv2.api', name: api.name, region: api.region, props, raw: api.raw });
    }
  });
  await collectWebAcls(account, webAcls);
}

/** The methods that reach AI compute without a request validator that validates the body; unknown when a named validator could not be read. */
async function bodyValidation(account: AwsAccount, api: ListedApi, aiRoutes: Route[]): Promise<string[] | undefined> {
  const named = aiRoutes.some((route) => route.requestValidatorId);
  const client = account.client(APIGatewayClient, api.region);
  const validators = named ? await account.scope(api.region, 'apigateway').call('GetRequestValidators', () => client.send(new GetRequestValidatorsCommand({ restApiId: api.apiId, limit: 500 }))) : { items: [] };
  if (!validators) return undefined;
  const validatesBody = new Set((validators.items ?? []).filter((validator) => validator.validateRequestBody === true).map((validator) => validator.id));
  return aiRoutes.filter((route) => !route.requestValidatorId || !validatesBody.has(route.requestValidatorId)).map((route) => route.label).sort();
}

/** A REST API's stages, with their throttling (usage plans, the stage's default method settings) and web ACL. */
async function collectRestStages(account: AwsAccount, api: ListedApi, plans: Promise<UsagePlan[] | undefined>, webAcls: Map<string, string>, shieldAdvanced: boolean | undefined): Promise<string[]> {
  const client = account.client(APIGatewayClient, api.region);
  const [answer, usagePlans] = await Promise.all([account.scope(api.region, 'apigateway').call('GetStages', () => client.send(new GetStagesCommand({ restApiId: api.apiId }))), plans]);
  if (!answer) {
    account.markEdgesUnread(api.id, 'part-of', 'in');
    return [];
  }
  return (answer.item ?? []).flatMap((stage: Stage) => {
    if (!stage.stageName) return [];
    const id = `${api.id}/stages/${stage.stageName}`;
    const plansOfStage = usagePlans?.filter((plan) => plan.apiStages?.some((apiStage) => apiStage.apiId === api.apiId && apiStage.stage === stage.stageName));
    const defaults = stage.methodSettings?.['*/*'];
    const stageThrottle = positive(defaults?.throttlingRateLimit) && positive(defaults?.throttlingBurstLimit);
    const webAclArn = stage.webAclArn ?? null;
    if (webAclArn) {
      webAcls.set(webAclArn, api.region);
      account.edge(id, 'guarded-by', webAclArn);
    }
    account.addAsset({
      id,
      type: 'aws.apigateway.stage',
      name: `${api.name}/${stage.stageName}`,
      region: api.region,
      props: {
        webAclArn,
        usagePlans: plansOfStage?.map((plan) => plan.name ?? plan.id ?? '').sort(),
        usagePlanThrottle: plansOfStage === undefined ? undefined : plansOfStage.some((plan) => positive(plan.throttle?.rateLimit) && positive(plan.throttle?.burstLimit)),
        stageThrottle,
        throttled: throttled(stageThrottle, plansOfStage),
        shieldAdvanced,
      },
      raw: toRaw(stage),
    });
    return [id];
  });
}

/**
 * Whether the account subscribes to Shield Advanced (GetSubscriptionState ACTIVE), the account-level
 * half of FS-01. Shield's API is global, answered in us-east-1 (in the aws partition).
 */
async function shieldSubscription(account: AwsAccount): Promise<boolean | undefined> {
  const client = account.client(ShieldClient, account.partition === 'aws' ? 'us-east-1' : account.homeRegion);
  const answer = await account.scope('global', 'shield').call('GetSubscriptionState', () => client.send(new GetSubscriptionStateCommand({})));
  return answer === undefined ? undefined : answer.SubscriptionState === 'ACTIVE' ? true : answer.SubscriptionState === 'INACTIVE' ? false : undefined;
}

/** Throttled by the stage's own default, or by a usage plan; unknown when only the plans could tell and were not read. */
function throttled(stageThrottle: boolean, plans: UsagePlan[] | undefined): boolean | undefined {
  if (stageThrottle) return true;
  if (plans === undefined) return undefined;
  return plans.some((plan) => positive(plan.throttle?.rateLimit) && positive(plan.throttle?.burstLimit));
}

async function collectHttpStages(account: AwsAccount, api: ListedApi): Promise<void> {
  const client = account.client(ApiGatewayV2Client, api.region);
  const stages = await httpPages(account.scope(api.region, 'apigateway'), 'GetStages', (NextToken) => client.send(new GetHttpStagesCommand({ ApiId: api.apiId, NextToken })));
  if (!stages) {
    account.markEdgesUnread(api.id, 'part-of', 'in');
    return;
  }
  for (const stage of stages) {
    if (!stage.StageName) continue;
    const id = `${api.id}/stages/${stage.StageName}`;
    const defaults = stage.DefaultRouteSettings;
    account.addAsset({
      id,
      type: 'aws.apigatewayv2.stage',
      name: `${api.name}/${stage.StageName}`,
      region: api.region,
      props: { throttled: positive(defaults?.ThrottlingRateLimit) && positive(defaults?.ThrottlingBurstLimit) },
      raw: toRaw(stage),
    });
    account.edge(id, 'part-of', api.id);
  }
}

import {
  BedrockAgentCoreControlClient,
  GetAgentRuntimeCommand,
  GetBrowserCommand,
  GetCodeInterpreterCommand,
  GetGatewayCommand,
  GetGatewayTargetCommand,
  GetMemoryCommand,
  GetResourcePolicyCommand,
  ListTagsForResourceCommand,
  paginateListAgentRuntimeEndpoints,
  paginateListAgentRuntimes,
  paginateListBrowsers,
  paginateListCodeInterpreters,
  paginateListGatewayTargets,
  paginateListGateways,
  paginateListMemories,
  paginateListPolicyEngines,
  type AuthorizerConfiguration,
  type TargetConfiguration,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { forEachConcurrently } from '../runtime.js';
import type { RuntimeSubnets } from './agentcore-network.js';
import { isPublicStatement, parsePolicyDocument } from './iam-policy.js';
import { collectDescribed, type ServiceRegion } from './resources.js';
import { absentOn, customerManagedKey, toRaw, type AwsAccount } from './session.js';

/**
 * Amazon Bedrock AgentCore (control plane): agent runtimes and their endpoints, gateways and their
 * targets (the tools agents reach through MCP), memories, policy engines, and the custom code
 * interpreters and browsers agents use. Runtime environment variables go into `raw`, where the secret
 * scan reads them. The SDK signs as `bedrock-agentcore`; IAM actions are `bedrock-agentcore:<Operation>`.
 */

/** `true` when the runtime, code interpreter or browser reaches the internet by itself (network mode PUBLIC). */
function publicEgress(mode: string | undefined): boolean | undefined {
  // VPC: egress goes through the customer's VPC, whose routes are not read; SANDBOX: no outside network.
  return mode === 'PUBLIC' ? true : mode === 'SANDBOX' ? false : undefined;
}

/** CUSTOM_JWT when a JWT authorizer is configured; otherwise the runtime takes IAM (SigV4) callers, the documented default. */
function runtimeAuthorizer(configuration: AuthorizerConfiguration | undefined): string {
  return configuration?.customJWTAuthorizer ? 'CUSTOM_JWT' : 'AWS_IAM';
}

/** A gateway target's kind, in the model's own TargetType vocabulary; the Lambda, runtime and endpoint it calls. */
function targetKind(configuration: TargetConfiguration | undefined): { type: string | undefined; lambdaArn?: string; runtimeArn?: string; endpoint?: string } {
  const mcp = configuration?.mcp;
  if (mcp?.lambda) return { type: 'LAMBDA', lambdaArn: mcp.lambda.lambdaArn };
  if (mcp?.mcpServer) return { type: 'MCP_SERVER', endpoint: mcp.mcpServer.endpoint };
  if (mcp?.openApiSchema) return { type: 'OPEN_API_SCHEMA' };
  if (mcp?.smithyModel) return { type: 'SMITHY_MODEL' };
  if (mcp?.apiGateway) return { type: 'API_GATEWAY' };
  if (mcp?.connector) return { type: 'CONNECTOR' };
  const http = configuration?.http;
  if (http?.agentcoreRuntime) return { type: 'AGENTCORE_RUNTIME', runtimeArn: http.agentcoreRuntime.arn };
  if (http?.passthrough) return { type: 'PASSTHROUGH', endpoint: http.passthrough.endpoint };
  if (http?.connector) return { type: 'HTTP_CONNECTOR' };
  const inference = configuration?.inference;
  if (inference?.provider) return { type: 'PROVIDER', endpoint: inference.provider.endpoint };
  if (inference?.connector) return { type: 'CONNECTOR' };
  return { type: undefined };
}

export async function collectAgentCore(account: AwsAccount, region: string): Promise<{ resources: number; runtimes: number | undefined; logSources: string[]; runtimeSubnets: RuntimeSubnets }> {
  const client = account.client(BedrockAgentCoreControlClient, region);
  const scope = account.scope(region, 'bedrock-agentcore');
  const service: ServiceRegion = {
    account,
    region,
    scope,
    tags: async (arn) => (await scope.call('ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ resourceArn: arn }))))?.tags ?? undefined,
  };
  /** The resource-based policy of a runtime or gateway: whether there is one, and whether it lets anyone in; unknown when unread. */
  const resourcePolicy = async (arn: string): Promise<{ resourcePolicy?: boolean; resourcePolicyPublic?: boolean }> => {
    const answer = await scope.call('GetResourcePolicy', () => client.send(new GetResourcePolicyCommand({ resourceArn: arn })).catch(absentOn('ResourceNotFoundException')));
    if (answer === undefined) return {};
    const statements = parsePolicyDocument(answer?.policy ?? undefined);
    if (!answer?.policy) return { resourcePolicy: false, resourcePolicyPublic: false };
    // A public statement with conditions (aws:SourceVpc, aws:SourceIp) may still be narrow: only an unconditional one counts.
    return { resourcePolicy: true, resourcePolicyPublic: statements ? statements.some((statement) => isPublicStatement(statement) && !statement.Condition) : undefined };
  };
  const policies = new Map<string, Promise<{ resourcePolicy?: boolean; resourcePolicyPublic?: boolean }>>();
  const runtimeSubnets = new Map<string, string[]>();
  const policyOf = (arn: string) => {
    let pending = policies.get(arn);
    if (!pending) policies.set(arn, (pending = resourcePolicy(arn)));
    return pending;
  };

  const [runtimes, gateways, memories, policyEngines, interpreters, browsers] = await Promise.all([
    collectDescribed(service, {
      type: 'aws.bedrock-agentcore.runtime',
      list: { operation: 'ListAgentRuntimes', pages: () => paginateListAgentRuntimes({ client }, {}), items: (page) => page.agentRuntimes },
      identify: (summary) => ({ id: summary.agentRuntimeArn, name: summary.agentRuntimeName }),
      describe: {
        operation: 'GetAgentRuntime',
        run: (summary) => client.send(new GetAgentRuntimeCommand({ agentRuntimeId: summary.agentRuntimeId })),
        names: ['uses-identity'],
      },
      listed: (summary) => ({ status: summary.status ?? null }),
      tagged: true,
      toAsset: (runtime, id) => {
        account.edge(id, 'uses-identity', account.role(runtime.roleArn));
        const network = runtime.networkConfiguration;
        const vpc = network?.networkModeConfig;
        if (network?.networkMode === 'VPC' && vpc?.subnets?.length) runtimeSubnets.set(id, [...vpc.subnets]);
        return {
          props: {
            networkMode: network ? (network.networkMode ?? null) : undefined,
            internetEgress: publicEgress(network?.networkMode),
            subnetIds: network ? [...(vpc?.subnets ?? [])].sort() : undefined,
            securityGroupIds: network ? [...(vpc?.securityGroups ?? [])].sort() : undefined,
            authorizerType: runtimeAuthorizer(runtime.authorizerConfiguration),
            serverProtocol: runtime.protocolConfiguration?.serverProtocol ?? null,
            requireMmdsV2: runtime.metadataConfiguration?.requireMMDSV2 ?? null,
            containerUri: runtime.agentRuntimeArtifact?.containerConfiguration?.containerUri ?? null,
            status: runtime.status ?? null,
          },
          raw: toRaw(runtime),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.bedrock-agentcore.gateway',
      list: { operation: 'ListGateways', pages: () => paginateListGateways({ client }, {}), items: (page) => page.items },
      // Listings name gateways by id only; the ARN comes with GetGateway and follows this documented form.
      identify: (summary) => ({ id: summary.gatewayId && `arn:${account.partition}:bedrock-agentcore:${region}:${account.account}:gateway/${summary.gatewayId}`, name: summary.name }),
      describe: {
        operation: 'GetGateway',
        run: (summary) => client.send(new GetGatewayCommand({ gatewayIdentifier: summary.gatewayId })),
        names: ['uses-identity', 'encrypted-by', 'guarded-by'],
      },
      listed: (summary) => ({ authorizerType: summary.authorizerType ?? null, status: summary.status ?? null }),
      tagged: true,
      toAsset: (gateway, id) => {
        account.edge(id, 'uses-identity', account.role(gateway.roleArn));
        account.encryptedBy(id, gateway.kmsKeyArn, region);
        const engine = gateway.policyEngineConfiguration;
        account.edge(id, 'guarded-by', account.expect(engine?.arn, 'aws.bedrock-agentcore.policy-engine', region));
        return {
          props: {
            authorizerType: gateway.authorizerType ?? null,
            protocolType: gateway.protocolType ?? null,
            kmsKeyArn: gateway.kmsKeyArn ?? null,
            customerManagedKey: customerManagedKey(gateway.kmsKeyArn),
            policyEngineArn: engine?.arn ?? null,
            policyEngineMode: engine?.mode ?? null,
            exceptionLevel: gateway.exceptionLevel ?? null,
            webAclArn: gateway.webAclArn ?? null,
            status: gateway.status ?? null,
          },
          raw: toRaw(gateway),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.bedrock-agentcore.memory',
      list: { operation: 'ListMemories', pages: () => paginateListMemories({ client }, {}), items: (page) => page.memories },
      // Memory summaries carry no name; the id is the name with a suffix.
      identify: (summary) => ({ id: summary.arn, name: summary.id }),
      describe: { operation: 'GetMemory', run: (summary) => client.send(new GetMemoryCommand({ memoryId: summary.id })), names: ['uses-identity', 'encrypted-by'] },
      listed: (summary) => ({ status: summary.status ?? null }),
      tagged: true,
      toAsset: ({ memory }, id) => {
        if (!memory) return { props: {} };
        account.edge(id, 'uses-identity', account.role(memory.memoryExecutionRoleArn));
        account.encryptedBy(id, memory.encryptionKeyArn, region);
        return {
          props: {
            encryptionKeyArn: memory.encryptionKeyArn ?? null,
            customerManagedKey: customerManagedKey(memory.encryptionKeyArn),
            eventExpiryDays: memory.eventExpiryDuration ?? null,
            strategies: (memory.strategies ?? []).flatMap((strategy) => strategy.type ?? []).sort(),
            sensitiveData: true,
            status: memory.status ?? null,
          },
          raw: toRaw(memory),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.bedrock-agentcore.policy-engine',
      list: { operation: 'ListPolicyEngines', pages: () => paginateListPolicyEngines({ client }, {}), items: (page) => page.policyEngines },
      identify: (engine) => ({ id: engine.policyEngineArn, name: engine.name }),
      tagged: true,
      toAsset: (engine, id) => {
        account.encryptedBy(id, engine.encryptionKeyArn, region);
        return {
          props: { encryptionKeyArn: engine.encryptionKeyArn ?? null, customerManagedKey: customerManagedKey(engine.encryptionKeyArn), status: engine.status ?? null },
          raw: toRaw(engine),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.bedrock-agentcore.code-interpreter',
      // AWS's built-in interpreter (aws.codeinterpreter.v1) is not the account's to configure: custom ones only.
      list: { operation: 'ListCodeInterpreters', pages: () => paginateListCodeInterpreters({ client }, { type: 'CUSTOM' }), items: (page) => page.codeInterpreterSummaries },
      identify: (summary) => ({ id: summary.codeInterpreterArn, name: summary.name ?? summary.codeInterpreterId }),
      describe: {
        operation: 'GetCodeInterpreter',
        run: (summary) => client.send(new GetCodeInterpreterCommand({ codeInterpreterId: summary.codeInterpreterId })),
        names: ['uses-identity'],
      },
      listed: (summary) => ({ status: summary.status ?? null }),
      tagged: true,
      toAsset: (interpreter, id) => {
        account.edge(id, 'uses-identity', account.role(interpreter.executionRoleArn));
        const network = interpreter.networkConfiguration;
        return {
          props: {
            networkMode: network?.networkMode ?? null,
            internetEgress: publicEgress(network?.networkMode),
            networkIsolated: network?.networkMode === 'SANDBOX' ? true : network?.networkMode === 'PUBLIC' ? false : undefined,
            status: interpreter.status ?? null,
          },
          raw: toRaw(interpreter),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.bedrock-agentcore.browser',
      list: { operation: 'ListBrowsers', pages: () => paginateListBrowsers({ client }, { type: 'CUSTOM' }), items: (page) => page.browserSummaries },
      identify: (summary) => ({ id: summary.browserArn, name: summary.name ?? summary.browserId }),
      describe: { operation: 'GetBrowser', run: (summary) => client.send(new GetBrowserCommand({ browserId: summary.browserId })), names: ['uses-identity', 'writes-data'] },
      listed: (summary) => ({ status: summary.status ?? null }),
      tagged: true,
      toAsset: (browser, id) => {
        account.edge(id, 'uses-identity', account.role(browser.executionRoleArn));
        const recording = browser.recording;
        const recordingOn = recording?.enabled === true;
        if (recordingOn) account.edge(id, 'writes-data', account.bucket(recording?.s3Location?.bucket, region));
        return {
          props: {
            networkMode: browser.networkConfiguration?.networkMode ?? null,
            internetEgress: publicEgress(browser.networkConfiguration?.networkMode),
            recordingEnabled: recordingOn,
            recordingBucket: recordingOn ? (recording?.s3Location?.bucket ?? null) : null,
            status: browser.status ?? null,
          },
          raw: toRaw(browser),
        };
      },
    }),
  ]);

  await Promise.all([
    forEachConcurrently(runtimes ?? [], async (runtimeArn) => {
      account.patchProps(runtimeArn, await policyOf(runtimeArn));
      await collectRuntimeEndpoints(service, client, runtimeArn);
    }),
    forEachConcurrently(gateways ?? [], async (gatewayArn) => {
      account.patchProps(gatewayArn, await policyOf(gatewayArn));
      await collectGatewayTargets(service, client, gatewayArn);
    }),
  ]);
  return {
    resources: [runtimes, gateways, memories, policyEngines, interpreters, browsers].reduce((sum, ids) => sum + (ids?.length ?? 0), 0),
    runtimes: runtimes?.length,
    // The resources that can be sources of vended log deliveries (agentcore-logs.ts).
    logSources: [...(runtimes ?? []), ...(gateways ?? []), ...(memories ?? [])],
    runtimeSubnets,
  };
}

const idOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

/** A runtime's endpoints (the addresses callers invoke), with the versions they serve. */
async function collectRuntimeEndpoints(service: ServiceRegion, client: BedrockAgentCoreControlClient, runtimeArn: string): Promise<void> {
  const endpoints = await collectDescribed(service, {
    type: 'aws.bedrock-agentcore.runtime-endpoint',
    list: {
      operation: 'ListAgentRuntimeEndpoints',
      pages: () => paginateListAgentRuntimeEndpoints({ client }, { agentRuntimeId: idOf(runtimeArn) }),
      items: (page) => page.runtimeEndpoints,
    },
    identify: (endpoint) => ({ id: endpoint.agentRuntimeEndpointArn, name: endpoint.name }),
    tagged: false,
    toAsset: (endpoint) => ({
      props: { liveVersion: endpoint.liveVersion ?? null, targetVersion: endpoint.targetVersion ?? null, status: endpoint.status ?? null },
      raw: toRaw(endpoint),
    }),
  });
  if (!endpoints) service.account.markEdgesUnread(runtimeArn, 'part-of', 'in');
  for (const id of endpoints ?? []) service.account.edge(id, 'part-of', runtimeArn);
}

/** A gateway's targets: the tools it exposes, what they call, and the credentials the gateway presents to them. */
async function collectGatewayTargets(service: ServiceRegion, client: BedrockAgentCoreControlClient, gatewayArn: string): Promise<void> {
  const { account, region } = service;
  const gatewayIdentifier = idOf(gatewayArn);
  const targets = await collectDescribed(service, {
    type: 'aws.bedrock-agentcore.gateway-target',
    list: { operation: 'ListGatewayTargets', pages: () => paginateListGatewayTargets({ client }, { gatewayIdentifier }), items: (page) => page.items },
    identify: (summary) => ({ id: summary.targetId && `${gatewayArn}/target/${summary.targetId}`, name: summary.name }),
    describe: {
      operation: 'GetGatewayTarget',
      run: (summary) => client.send(new GetGatewayTargetCommand({ gatewayIdentifier, targetId: summary.targetId })),
      names: ['invokes'],
    },
    listed: (summary) => ({ targetType: summary.targetType ?? null, status: summary.status ?? null }),
    tagged: false,
    toAsset: (target, id) => {
      const kind = targetKind(target.targetConfiguration);
      const lambda = account.lambdaFunction(kind.lambdaArn);
      account.edge(id, 'invokes', lambda);
      account.edge(id, 'invokes', account.expect(kind.runtimeArn, 'aws.bedrock-agentcore.runtime', region));
      const credentials = (target.credentialProviderConfigurations ?? []).flatMap((configuration) => configuration.credentialProviderType ?? []);
      return {
        props: {
          targetType: kind.type,
          endpoint: kind.endpoint ?? null,
          credentialProviderTypes: [...new Set(credentials)].sort(),
          apiKeyCredential: credentials.includes('API_KEY'),
          status: target.status ?? null,
        },
        raw: toRaw(target),
      };
    },
  });
  if (!targets) account.markEdgesUnread(gatewayArn, 'part-of', 'in');
  for (const id of targets ?? []) account.edge(id, 'part-of', gatewayArn);
}

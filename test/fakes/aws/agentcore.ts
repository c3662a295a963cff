import { ACCOUNT, KEYS, PLANTED_SECRETS, daysAgo, roleArn } from './estate.js';
import { FakeError, type Operation, type RestRequest } from './handlers.js';
import { paged } from './protocols.js';

/**
 * The fake's Bedrock AgentCore control plane (restJson1, signed as `bedrock-agentcore`): the estate in
 * us-east-1 (a planted misconfiguration beside each hardened twin) and the answers, in the shapes of
 * `@aws-sdk/client-bedrock-agentcore-control`. Timestamps are as each shape says: date-time strings,
 * except the memory shapes, whose timestamps have no format trait and go as epoch seconds.
 */

const US = 'us-east-1';
type Item = Record<string, unknown>;

const arn = (kind: string, id: string) => `arn:aws:bedrock-agentcore:${US}:${ACCOUNT}:${kind}/${id}`;
const iso = (days: number) => daysAgo(days).toISOString();
const epoch = (days: number) => Math.floor(daysAgo(days).getTime() / 1000);
const lambdaArn = (name: string) => `arn:aws:lambda:${US}:${ACCOUNT}:function:${name}`;

export interface AgentCoreEstate {
  runtimes: Item[];
  /** Runtime id → its endpoints. */
  endpoints: Record<string, Item[]>;
  gateways: Item[];
  /** Gateway id → its targets. */
  targets: Record<string, Item[]>;
  memories: Item[];
  policyEngines: Item[];
  codeInterpreters: Item[];
  browsers: Item[];
  /** Resource ARN → its resource-based policy document; absent: none. */
  resourcePolicies: Record<string, unknown>;
  tags: Record<string, Record<string, string>>;
}

const runtime = (id: string, name: string, extra: Item): Item => ({
  agentRuntimeArn: arn('runtime', id),
  agentRuntimeName: name,
  agentRuntimeId: id,
  agentRuntimeVersion: '3',
  createdAt: iso(40),
  lastUpdatedAt: iso(4),
  status: 'READY',
  lifecycleConfiguration: { idleRuntimeSessionTimeout: 900, maxLifetime: 28800 },
  agentRuntimeArtifact: { containerConfiguration: { containerUri: `${ACCOUNT}.dkr.ecr.${US}.amazonaws.com/${name}:v3` } },
  protocolConfiguration: { serverProtocol: 'HTTP' },
  ...extra,
});

const GATEWAY_POLICY_ENGINE = arn('policy-engine', 'claims_policies-a1b2c3d4e5');

export const AGENTCORE: Record<string, AgentCoreEstate> = {
  [US]: {
    runtimes: [
      // Runs with internet access, takes any IAM caller of the account, and keeps a token in its environment.
      runtime('support_concierge-Qx7Lm2Np4R', 'support_concierge', {
        description: 'Answers customer questions and files tickets',
        roleArn: roleArn('AgentCoreConciergeRole'),
        networkConfiguration: { networkMode: 'PUBLIC' },
        environmentVariables: { HF_TOKEN: PLANTED_SECRETS.huggingFaceToken, LOG_LEVEL: 'info' },
      }),
      runtime('claims_agent-Bz8Kt3Wv6Y', 'claims_agent', {
        description: 'Triage of insurance claims',
        roleArn: roleArn('AgentCoreClaimsRole'),
        networkConfiguration: { networkMode: 'VPC', networkModeConfig: { subnets: ['subnet-0aa1', 'subnet-0bb2'], securityGroups: ['sg-0cc3'] } },
        authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Claims01/.well-known/openid-configuration', allowedClients: ['claims-web'] } },
        metadataConfiguration: { requireMMDSV2: true },
        environmentVariables: { LOG_LEVEL: 'warn' },
      }),
      // In a VPC (vpc-0456, estate.ts SUBNETS) that has no AgentCore interface endpoint; claims_agent's VPC has one.
      runtime('ticket_router-Tr5Ut6Vw7X', 'ticket_router', {
        description: 'Routes support tickets to queues',
        roleArn: roleArn('AgentCoreClaimsRole'),
        agentRuntimeArtifact: { containerConfiguration: { containerUri: `${ACCOUNT}.dkr.ecr.${US}.amazonaws.com/claims_agent:router-1` } },
        networkConfiguration: { networkMode: 'VPC', networkModeConfig: { subnets: ['subnet-0cc3', 'subnet-0dd4'], securityGroups: ['sg-0ee5'] } },
        authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Claims01/.well-known/openid-configuration', allowedClients: ['support-web'] } },
        metadataConfiguration: { requireMMDSV2: true },
      }),
    ],
    endpoints: {
      'support_concierge-Qx7Lm2Np4R': [
        {
          name: 'DEFAULT',
          id: 'DEFAULT',
          liveVersion: '3',
          agentRuntimeEndpointArn: arn('runtime-endpoint', 'support_concierge-Qx7Lm2Np4R/DEFAULT'),
          agentRuntimeArn: arn('runtime', 'support_concierge-Qx7Lm2Np4R'),
          status: 'READY',
          createdAt: iso(40),
          lastUpdatedAt: iso(4),
        },
      ],
      'claims_agent-Bz8Kt3Wv6Y': [
        {
          name: 'prod',
          id: 'prod',
          liveVersion: '2',
          targetVersion: '3',
          agentRuntimeEndpointArn: arn('runtime-endpoint', 'claims_agent-Bz8Kt3Wv6Y/prod'),
          agentRuntimeArn: arn('runtime', 'claims_agent-Bz8Kt3Wv6Y'),
          status: 'UPDATING',
          createdAt: iso(30),
          lastUpdatedAt: iso(1),
        },
      ],
    },
    gateways: [
      // Anyone who finds its URL can call its tools; errors carry debugging detail.
      {
        gatewayArn: arn('gateway', 'ops-tools-gw-1a2b3c4d5e'),
        gatewayId: 'ops-tools-gw-1a2b3c4d5e',
        gatewayUrl: 'https://ops-tools-gw-1a2b3c4d5e.gateway.bedrock-agentcore.us-east-1.amazonaws.com/mcp',
        createdAt: iso(20),
        updatedAt: iso(2),
        status: 'READY',
        name: 'ops-tools-gw',
        roleArn: roleArn('AgentCoreGatewayRole'),
        protocolType: 'MCP',
        protocolConfiguration: { mcp: { supportedVersions: ['2025-06-18'] } },
        authorizerType: 'NONE',
        exceptionLevel: 'DEBUG',
      },
      {
        gatewayArn: arn('gateway', 'claims-gw-9z8y7x6w5v'),
        gatewayId: 'claims-gw-9z8y7x6w5v',
        gatewayUrl: 'https://claims-gw-9z8y7x6w5v.gateway.bedrock-agentcore.us-east-1.amazonaws.com/mcp',
        createdAt: iso(25),
        updatedAt: iso(3),
        status: 'READY',
        name: 'claims-gw',
        roleArn: roleArn('AgentCoreGatewayRole'),
        protocolType: 'MCP',
        authorizerType: 'CUSTOM_JWT',
        authorizerConfiguration: { customJWTAuthorizer: { discoveryUrl: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Claims01/.well-known/openid-configuration', allowedClients: ['claims-agent'] } },
        kmsKeyArn: KEYS.mlCmk,
        policyEngineConfiguration: { arn: GATEWAY_POLICY_ENGINE, mode: 'ENFORCE' },
        webAclArn: `arn:aws:wafv2:${US}:${ACCOUNT}:regional/webacl/agentcore-gateways/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9`,
      },
    ],
    targets: {
      'ops-tools-gw-1a2b3c4d5e': [
        {
          gatewayArn: arn('gateway', 'ops-tools-gw-1a2b3c4d5e'),
          targetId: 'IAMTOOL001',
          name: 'iam-admin-tool',
          status: 'READY',
          createdAt: iso(20),
          updatedAt: iso(2),
          targetConfiguration: { mcp: { lambda: { lambdaArn: lambdaArn('ops-iam-tool'), toolSchema: { inlinePayload: [{ name: 'attach_policy', description: 'Attach a managed policy to a role', inputSchema: { type: 'object' } }] } } } },
          credentialProviderConfigurations: [{ credentialProviderType: 'GATEWAY_IAM_ROLE' }],
        },
        {
          gatewayArn: arn('gateway', 'ops-tools-gw-1a2b3c4d5e'),
          targetId: 'CRMMCP0002',
          name: 'crm-mcp',
          status: 'READY',
          createdAt: iso(18),
          updatedAt: iso(2),
          targetConfiguration: { mcp: { mcpServer: { endpoint: 'https://mcp.crm.example.com/mcp' } } },
          credentialProviderConfigurations: [
            {
              credentialProviderType: 'API_KEY',
              credentialProvider: { apiKeyCredentialProvider: { providerArn: arn('token-vault', 'default/apikeycredentialprovider/crm-api-key'), credentialLocation: 'HEADER', credentialParameterName: 'X-Api-Key' } },
            },
          ],
        },
      ],
      'claims-gw-9z8y7x6w5v': [
        {
          gatewayArn: arn('gateway', 'claims-gw-9z8y7x6w5v'),
          targetId: 'CLAIMS0001',
          name: 'order-lookup',
          status: 'READY',
          createdAt: iso(25),
          updatedAt: iso(3),
          targetConfiguration: { mcp: { lambda: { lambdaArn: lambdaArn('support-order-lookup'), toolSchema: { inlinePayload: [{ name: 'lookup_order', description: 'Read an order', inputSchema: { type: 'object' } }] } } } },
          credentialProviderConfigurations: [{ credentialProviderType: 'GATEWAY_IAM_ROLE' }],
        },
      ],
    },
    memories: [
      { arn: arn('memory', 'concierge_memory-Ab1Cd2Ef3G'), id: 'concierge_memory-Ab1Cd2Ef3G', name: 'concierge_memory', eventExpiryDuration: 365, status: 'ACTIVE', createdAt: epoch(40), updatedAt: epoch(4), strategies: [] },
      {
        arn: arn('memory', 'claims_memory-Hi4Jk5Lm6N'),
        id: 'claims_memory-Hi4Jk5Lm6N',
        name: 'claims_memory',
        encryptionKeyArn: KEYS.mlCmk,
        memoryExecutionRoleArn: roleArn('AgentCoreClaimsRole'),
        eventExpiryDuration: 30,
        status: 'ACTIVE',
        createdAt: epoch(30),
        updatedAt: epoch(3),
        strategies: [{ strategyId: 'summary-1', name: 'session-summaries', type: 'SUMMARIZATION', namespaces: ['/summaries/{actorId}/{sessionId}'], namespaceTemplates: ['/summaries/{actorId}/{sessionId}'] }],
      },
    ],
    policyEngines: [
      { policyEngineId: 'claims_policies-a1b2c3d4e5', name: 'claims_policies', createdAt: iso(25), updatedAt: iso(3), policyEngineArn: GATEWAY_POLICY_ENGINE, status: 'ACTIVE', encryptionKeyArn: KEYS.mlCmk, statusReasons: [] },
      { policyEngineId: 'draft_policies-f6g7h8i9j0', name: 'draft_policies', createdAt: iso(5), updatedAt: iso(5), policyEngineArn: arn('policy-engine', 'draft_policies-f6g7h8i9j0'), status: 'ACTIVE', statusReasons: [] },
    ],
    codeInterpreters: [
      { codeInterpreterId: 'data_analysis-Pq1Rs2Tu3V', codeInterpreterArn: arn('code-interpreter-custom', 'data_analysis-Pq1Rs2Tu3V'), name: 'data_analysis', executionRoleArn: roleArn('AgentCoreConciergeRole'), networkConfiguration: { networkMode: 'PUBLIC' }, status: 'READY', createdAt: iso(15), lastUpdatedAt: iso(15) },
      { codeInterpreterId: 'sandboxed_math-Wx4Yz5Ab6C', codeInterpreterArn: arn('code-interpreter-custom', 'sandboxed_math-Wx4Yz5Ab6C'), name: 'sandboxed_math', networkConfiguration: { networkMode: 'SANDBOX' }, status: 'READY', createdAt: iso(15), lastUpdatedAt: iso(15) },
    ],
    browsers: [
      { browserId: 'research_browser-De7Fg8Hi9J', browserArn: arn('browser-custom', 'research_browser-De7Fg8Hi9J'), name: 'research_browser', networkConfiguration: { networkMode: 'PUBLIC' }, status: 'READY', createdAt: iso(12), lastUpdatedAt: iso(12) },
      {
        browserId: 'audited_browser-Kl0Mn1Op2Q',
        browserArn: arn('browser-custom', 'audited_browser-Kl0Mn1Op2Q'),
        name: 'audited_browser',
        networkConfiguration: { networkMode: 'PUBLIC' },
        recording: { enabled: true, s3Location: { bucket: 'acme-ml-capture', prefix: 'browser-sessions/' } },
        status: 'READY',
        createdAt: iso(12),
        lastUpdatedAt: iso(12),
      },
    ],
    resourcePolicies: {
      [arn('runtime', 'ticket_router-Tr5Ut6Vw7X')]: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/ClaimsWebRole` }, Action: 'bedrock-agentcore:InvokeAgentRuntime', Resource: arn('runtime', 'ticket_router-Tr5Ut6Vw7X') }],
      },
      [arn('runtime', 'claims_agent-Bz8Kt3Wv6Y')]: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/ClaimsWebRole` }, Action: 'bedrock-agentcore:InvokeAgentRuntime', Resource: arn('runtime', 'claims_agent-Bz8Kt3Wv6Y') }],
      },
      [arn('gateway', 'claims-gw-9z8y7x6w5v')]: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: '*', Action: 'bedrock-agentcore:InvokeGateway', Resource: arn('gateway', 'claims-gw-9z8y7x6w5v'), Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-0123' } } }],
      },
    },
    tags: {
      [arn('runtime', 'claims_agent-Bz8Kt3Wv6Y')]: { team: 'claims', owner: 'claims-ml@acme.example', env: 'prod' },
      [arn('gateway', 'claims-gw-9z8y7x6w5v')]: { team: 'claims', owner: 'claims-ml@acme.example', env: 'prod' },
    },
  },
};

const NO_AGENTCORE: AgentCoreEstate = { runtimes: [], endpoints: {}, gateways: [], targets: {}, memories: [], policyEngines: [], codeInterpreters: [], browsers: [], resourcePolicies: {}, tags: {} };

function pick(record: Item, keys: readonly string[]): Item {
  return Object.fromEntries(keys.filter((key) => record[key] !== undefined).map((key) => [key, record[key]]));
}

function find(items: readonly Item[], key: string, value: unknown, what: string): Item {
  const found = items.find((item) => item[key] === value);
  if (!found) throw new FakeError('ResourceNotFoundException', `${what} ${String(value)} not found`, 404);
  return found;
}

/** One page of `items` under `itemsKey`; AgentCore takes the page token in the query, or (ListMemories) in the body. */
function listing(request: RestRequest, items: readonly Item[], fields: readonly string[], itemsKey: string): Item {
  const token = request.query.get('nextToken') ?? (request.body.nextToken as string | undefined) ?? undefined;
  const page = paged(items, token);
  return { [itemsKey]: page.items.map((item) => pick(item, fields)), nextToken: page.next };
}

interface Route {
  method: string;
  pattern: RegExp;
  operation: string;
  run: (estate: AgentCoreEstate, request: RestRequest, params: string[]) => unknown;
}

/** Custom resources only: the fake holds no AWS-managed (SYSTEM) interpreter or browser. */
const ofType = (request: RestRequest, items: Item[]) => (request.query.get('type') === 'SYSTEM' ? [] : items);

const ROUTES: Route[] = [
  {
    method: 'POST',
    pattern: /^\/runtimes\/$/,
    operation: 'ListAgentRuntimes',
    run: (estate, request) => listing(request, estate.runtimes, ['agentRuntimeArn', 'agentRuntimeId', 'agentRuntimeVersion', 'agentRuntimeName', 'description', 'lastUpdatedAt', 'status'], 'agentRuntimes'),
  },
  { method: 'GET', pattern: /^\/runtimes\/([^/]+)\/$/, operation: 'GetAgentRuntime', run: (estate, _request, [id]) => find(estate.runtimes, 'agentRuntimeId', id, 'agent runtime') },
  {
    method: 'POST',
    pattern: /^\/runtimes\/([^/]+)\/runtime-endpoints\/$/,
    operation: 'ListAgentRuntimeEndpoints',
    run: (estate, request, [id]) => listing(request, estate.endpoints[id!] ?? [], ['name', 'liveVersion', 'targetVersion', 'agentRuntimeEndpointArn', 'agentRuntimeArn', 'status', 'id', 'description', 'createdAt', 'lastUpdatedAt'], 'runtimeEndpoints'),
  },
  {
    method: 'GET',
    pattern: /^\/gateways\/$/,
    operation: 'ListGateways',
    run: (estate, request) =>
      listing(request, estate.gateways, ['gatewayId', 'name', 'status', 'description', 'createdAt', 'updatedAt', 'authorizerType', 'protocolType'], 'items'),
  },
  { method: 'GET', pattern: /^\/gateways\/([^/]+)\/$/, operation: 'GetGateway', run: (estate, _request, [id]) => find(estate.gateways, 'gatewayId', id, 'gateway') },
  {
    method: 'GET',
    pattern: /^\/gateways\/([^/]+)\/targets\/$/,
    operation: 'ListGatewayTargets',
    run: (estate, request, [id]) => {
      const targets = (estate.targets[id!] ?? []).map((target) => ({ ...target, targetType: (target.targetConfiguration as { mcp?: Item }).mcp?.lambda ? 'LAMBDA' : 'MCP_SERVER' }));
      return listing(request, targets, ['targetId', 'name', 'status', 'description', 'createdAt', 'updatedAt', 'targetType'], 'items');
    },
  },
  {
    method: 'GET',
    pattern: /^\/gateways\/([^/]+)\/targets\/([^/]+)\/$/,
    operation: 'GetGatewayTarget',
    run: (estate, _request, [id, target]) => find(estate.targets[id!] ?? [], 'targetId', target, 'gateway target'),
  },
  {
    method: 'GET',
    pattern: /^\/resourcepolicy\/(.+)$/,
    operation: 'GetResourcePolicy',
    run: (estate, _request, [resource]) => {
      const document = estate.resourcePolicies[resource!];
      if (!document) throw new FakeError('ResourceNotFoundException', `no resource policy for ${resource}`, 404);
      return { policy: JSON.stringify(document) };
    },
  },
  { method: 'POST', pattern: /^\/memories\/$/, operation: 'ListMemories', run: (estate, request) => listing(request, estate.memories, ['arn', 'id', 'status', 'createdAt', 'updatedAt'], 'memories') },
  { method: 'GET', pattern: /^\/memories\/([^/]+)\/details$/, operation: 'GetMemory', run: (estate, _request, [id]) => ({ memory: find(estate.memories, 'id', id, 'memory') }) },
  {
    method: 'GET',
    pattern: /^\/policy-engines$/,
    operation: 'ListPolicyEngines',
    run: (estate, request) => listing(request, estate.policyEngines, Object.keys(estate.policyEngines[0] ?? {}).concat('encryptionKeyArn', 'description'), 'policyEngines'),
  },
  {
    method: 'POST',
    pattern: /^\/code-interpreters$/,
    operation: 'ListCodeInterpreters',
    run: (estate, request) => listing(request, ofType(request, estate.codeInterpreters), ['codeInterpreterId', 'codeInterpreterArn', 'name', 'description', 'status', 'createdAt', 'lastUpdatedAt'], 'codeInterpreterSummaries'),
  },
  { method: 'GET', pattern: /^\/code-interpreters\/([^/]+)$/, operation: 'GetCodeInterpreter', run: (estate, _request, [id]) => find(estate.codeInterpreters, 'codeInterpreterId', id, 'code interpreter') },
  {
    method: 'POST',
    pattern: /^\/browsers$/,
    operation: 'ListBrowsers',
    run: (estate, request) => listing(request, ofType(request, estate.browsers), ['browserId', 'browserArn', 'name', 'description', 'status', 'createdAt', 'lastUpdatedAt'], 'browserSummaries'),
  },
  { method: 'GET', pattern: /^\/browsers\/([^/]+)$/, operation: 'GetBrowser', run: (estate, _request, [id]) => find(estate.browsers, 'browserId', id, 'browser') },
  { method: 'GET', pattern: /^\/tags\/(.+)$/, operation: 'ListTagsForResource', run: (estate, _request, [resource]) => ({ tags: estate.tags[resource!] ?? {} }) },
];

/** The AgentCore control-plane operation a request asks for; IAM actions are `bedrock-agentcore:<Operation>`. */
export function agentCoreOperation(request: RestRequest): Operation | undefined {
  for (const route of ROUTES) {
    const match = request.method === route.method ? request.path.match(route.pattern) : null;
    if (!match) continue;
    const params = match.slice(1).map((part) => decodeURIComponent(part));
    const estate = AGENTCORE[request.region] ?? NO_AGENTCORE;
    return { service: 'bedrock-agentcore', action: `bedrock-agentcore:${route.operation}`, operation: route.operation, run: () => route.run(estate, request, params) };
  }
  return undefined;
}

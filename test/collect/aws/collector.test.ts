import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectAws } from '../../../src/collect/aws/collect.js';
import { hasAwsCredentials } from '../../../src/collect/aws/index.js';
import { NoCredentialsError } from '../../../src/collect/collector.js';
import type { Asset, Inventory } from '../../../src/graph/model.js';
import { checkInventoryMeaning } from '../../../src/graph/snapshot.js';
import { parseJson } from '../../../src/input/document.js';
import { redactInventory } from '../../../src/secrets/redact.js';
import { ACCOUNT, KEYS, PLANTED_SECRETS, roleArn } from '../../fakes/aws/estate.js';
import { FakeAws, fakeAwsEnvironment } from '../../fakes/aws/server.js';
import { ROOT } from '../../helpers.js';
import { canonical, collectorContext, fastRetry, replaceAwsEnvironment } from './helpers.js';

/** The collector in this process, with the real SDK clients, against the fake AWS on 127.0.0.1. */

const fake = new FakeAws();
const home = mkdtempSync(join(tmpdir(), 'aispm-aws-'));
let restoreEnvironment: () => void;
let inventory: Inventory;
let baselineCalls: string[];

const collect = (overrides: Parameters<typeof collectorContext>[0] = {}) => collectAws(collectorContext(overrides), { retryStrategy: fastRetry() });

function asset(type: string, name: string): Asset {
  const found = inventory.assets.find((candidate) => candidate.type === type && candidate.name === name);
  if (!found) throw new Error(`no ${type} named ${name}`);
  return found;
}

/** Edges from the asset, as "type -> name of the other end". */
function edgesFrom(from: Asset): string[] {
  const names = new Map(inventory.assets.map((candidate) => [candidate.id, candidate.name]));
  return inventory.edges.filter((edge) => edge.from === from.id).map((edge) => `${edge.type} -> ${names.get(edge.to) ?? edge.to}`).sort();
}

beforeAll(async () => {
  await fake.start();
  restoreEnvironment = replaceAwsEnvironment(fakeAwsEnvironment(fake, home));
  inventory = await collect();
  baselineCalls = [...fake.calls];
});

afterEach(() => fake.reset());

afterAll(async () => {
  restoreEnvironment();
  await fake.stop();
});

describe('the AWS collector, against a fake AWS', () => {
  it('reads every region, records the one denied service as a gap, and reads everything else', () => {
    expect(fake.unhandled).toEqual([]);
    expect(fake.violations).toEqual([]);
    const coverage = inventory.coverage.map((entry) => `${entry.region} ${entry.service} ${entry.status}`).sort();
    expect(coverage).toEqual(
      [
        'ap-southeast-2 apigateway ok',
        'ap-southeast-2 bedrock ok',
        'ap-southeast-2 bedrock-agent ok',
        'ap-southeast-2 bedrock-agentcore ok',
        'ap-southeast-2 bedrock-evaluation ok',
        'ap-southeast-2 cloudwatch ok',
        'ap-southeast-2 ec2 ok',
        'ap-southeast-2 cloudtrail ok',
        'ap-southeast-2 ecs ok',
        'ap-southeast-2 guardduty ok',
        'ap-southeast-2 inspector2 ok',
        'ap-southeast-2 lambda ok',
        'ap-southeast-2 sagemaker ok',
        'eu-west-1 apigateway ok',
        'eu-west-1 bedrock ok',
        'eu-west-1 bedrock-agent ok',
        'eu-west-1 bedrock-agentcore ok',
        'eu-west-1 bedrock-evaluation ok',
        'eu-west-1 cloudwatch ok',
        'eu-west-1 ec2 ok',
        'eu-west-1 cloudtrail ok',
        'eu-west-1 ecs ok',
        'eu-west-1 guardduty ok',
        'eu-west-1 inspector2 ok',
        'eu-west-1 kms ok',
        'eu-west-1 lambda ok',
        'eu-west-1 logs ok',
        'eu-west-1 macie2 ok',
        'eu-west-1 sagemaker denied',
        'global budgets ok',
        'global ce ok',
        'global iam ok',
        'global s3 ok',
        'global shield ok',
        'us-east-1 apigateway ok',
        'us-east-1 bedrock ok',
        'us-east-1 bedrock-agent ok',
        'us-east-1 bedrock-agentcore ok',
        'us-east-1 bedrock-evaluation ok',
        'us-east-1 cloudwatch ok',
        'us-east-1 ec2 ok',
        'us-east-1 cloudtrail ok',
        'us-east-1 ecr ok',
        'us-east-1 ecs ok',
        'us-east-1 guardduty ok',
        'us-east-1 inspector2 ok',
        'us-east-1 kms ok',
        'us-east-1 lambda ok',
        'us-east-1 logs ok',
        'us-east-1 macie2 ok',
        'us-east-1 aoss ok',
        'us-east-1 organizations ok',
        'us-east-1 sagemaker ok',
        'us-east-1 sts ok',
        'us-east-1 wafv2 ok',
        'us-east-1 xray ok',
      ].sort(),
    );
    const denied = inventory.coverage.find((entry) => entry.status === 'denied')!;
    expect(denied).toMatchObject({ provider: 'aws', account: ACCOUNT });
    // Of the equally denied calls, the message that sorts first is kept, so the output is deterministic.
    expect(denied.message).toMatch(/^ListAutoMLJobs: AccessDeniedException: .*not authorized to perform: sagemaker:ListAutoMLJobs .*\(and 17 more failed calls\)$/);
    // The denied region still has its Bedrock assets.
    expect(asset('aws.bedrock.guardrail', 'eu-guardrail').region).toBe('eu-west-1');
  });

  it('gives assets and edges that the asset catalog accepts, as a saved snapshot must', () => {
    const file = join(home, 'inventory.json');
    const text = JSON.stringify(inventory);
    writeFileSync(file, text);
    expect(checkInventoryMeaning(parseJson(file, text), inventory.assets, inventory.edges)).toEqual([]);
    expect(new Set(inventory.assets.map((candidate) => candidate.provider))).toEqual(new Set(['aws']));
  });

  it('follows page tokens to the last page, and reads only recent jobs', () => {
    const names = (type: string) => inventory.assets.filter((candidate) => candidate.type === type).map((candidate) => candidate.name).sort();
    expect(names('aws.sagemaker.notebook-instance')).toEqual(['odd-nb', 'research-nb', 'secure-nb']);
    // Drafts as listed, and the published versions that agents and flows use.
    expect(names('aws.bedrock.guardrail')).toEqual(['detect-guardrail', 'eu-guardrail', 'future-guardrail', 'legacy-guardrail', 'strict-guardrail', 'strict-guardrail:1', 'support-guardrail', 'support-guardrail:1']);
    expect(names('aws.sagemaker.monitoring-schedule')).toHaveLength(4);
    expect(names('aws.sagemaker.model-package')).toEqual(['fraud-models/1', 'fraud-models/2', 'fraud-models/3']);
    expect(names('aws.bedrock.agent')).toEqual(['draft-agent', 'faq-agent', 'ops-agent', 'support-agent']);
    expect(names('aws.bedrock.api-key')).toHaveLength(4);
    expect(baselineCalls.filter((call) => call === 'sagemaker:ListNotebookInstances').length).toBe(4); // two pages here, one denied in eu-west-1, one empty in ap-southeast-2
    expect(names('aws.sagemaker.training-job')).toEqual(['churn-train', 'fraud-train', 'llm-finetune']);
    // Only application inference profiles are the account's own.
    expect(names('aws.bedrock.inference-profile')).toEqual(['support-profile']);
  });

  it('reads SageMaker into the properties and relations the rules use', () => {
    const research = asset('aws.sagemaker.notebook-instance', 'research-nb');
    // Direct internet access is outbound; nothing reaches a notebook instance from outside but SageMaker's authenticated proxy.
    expect(research.props).toMatchObject({ directInternetAccess: true, internetEgress: true, networkIsolated: false, internetExposed: false, rootAccess: true, kmsKeyId: null, customerManagedKey: false, minimumImdsVersion: '1', outdated: true });
    expect(research.tags).toEqual({ team: 'research' });
    expect(edgesFrom(research)).toEqual(['configured-by -> research-setup', 'uses-identity -> SageMakerResearchRole']);
    const secure = asset('aws.sagemaker.notebook-instance', 'secure-nb');
    expect(secure.props).toMatchObject({ directInternetAccess: false, internetExposed: false, rootAccess: false, customerManagedKey: true, outdated: false });
    // Without direct access its traffic goes through the VPC, whose routes are not read: egress is unknown.
    for (const unknown of ['internetEgress', 'networkIsolated']) expect(secure.props).not.toHaveProperty(unknown);
    expect(asset('aws.sagemaker.domain', 'ml-studio').props).toMatchObject({ appNetworkAccessType: 'PublicInternetOnly', internetEgress: true, internetExposed: false });
    expect(asset('aws.sagemaker.domain', 'fraud-studio').props).not.toHaveProperty('internetEgress');
    expect(asset('aws.sagemaker.notebook-lifecycle-config', 'research-setup').props.downloadsIntoShell).toBe(true);

    const churnEndpoint = asset('aws.sagemaker.endpoint', 'churn-endpoint');
    expect(churnEndpoint.props).toMatchObject({ status: 'InService', dataCaptureEnabled: false, loggingEnabled: false, minInstanceCount: 1 });
    expect(edgesFrom(churnEndpoint)).toEqual(['configured-by -> churn-config', 'deploys -> churn-predictor']);
    expect(edgesFrom(asset('aws.sagemaker.endpoint', 'fraud-endpoint'))).toEqual([
      'configured-by -> fraud-config',
      'deploys -> fraud-detector',
      'monitored-by -> fraud-dataquality',
      'monitored-by -> fraud-modelbias',
      'monitored-by -> fraud-modelexplainability',
      'monitored-by -> fraud-modelquality',
    ]);
    // A model was trained on the data of the job that produced its artifacts.
    expect(edgesFrom(asset('aws.sagemaker.model', 'churn-predictor'))).toEqual(['artifacts-in -> acme-ml-artifacts', 'documented-by -> churn-predictor-card', 'trained-on -> acme-public-uploads', 'uses-identity -> MLAdminRole']);
    // Model cards: the model each names (by name or ARN), and whether it says what the model is for; only booleans and names are kept.
    expect(asset('aws.sagemaker.model-card', 'fraud-detector-card').props).toEqual({ status: 'Approved', documentedModel: 'fraud-detector', intendedUseDocumented: true, riskRating: 'High', evaluationDocumented: true });
    expect(asset('aws.sagemaker.model-card', 'churn-predictor-card').props).toMatchObject({ status: 'Draft', intendedUseDocumented: false, riskRating: null, evaluationDocumented: false });
    expect(asset('aws.sagemaker.model-card', 'vendor-scoring-card').props).toMatchObject({ documentedModel: 'vendor-credit-score-v4', intendedUseDocumented: true });
    expect(asset('aws.sagemaker.model-card', 'fraud-detector-card').raw).not.toHaveProperty('Content');
    expect(asset('aws.sagemaker.training-job', 'churn-train').props).toMatchObject({ networkIsolation: false, interContainerEncryption: false, instanceCount: 4, instanceType: 'ml.m5.xlarge', customerManagedKey: false });
    // Local NVMe storage takes no volume key: the customer-managed output key is enough.
    expect(asset('aws.sagemaker.training-job', 'llm-finetune').props).toMatchObject({ instanceType: 'ml.g5.12xlarge', volumeKmsKeyId: null, customerManagedKey: true });
    expect(asset('aws.sagemaker.processing-job', 'prep-churn').props).toMatchObject({ instanceType: 'ml.m5.large', customerManagedKey: false });
    expect(asset('aws.sagemaker.processing-job', 'prep-fraud').props).toMatchObject({ customerManagedKey: true, networkIsolation: true, vpcConfigured: true });
    expect(asset('aws.sagemaker.endpoint-config', 'churn-config').props).toMatchObject({ kmsKeyId: null, customerManagedKey: false });
    // No key can be set on an endpoint configuration for instances with local storage: not applicable.
    expect(asset('aws.sagemaker.endpoint-config', 'llm-config').props).toMatchObject({ kmsKeyId: null, customerManagedKey: null });
    // A model deployed from the registry points at its registered version.
    expect(edgesFrom(asset('aws.sagemaker.model', 'fraud-detector'))).toEqual([
      'artifacts-in -> acme-ml-artifacts',
      'artifacts-in -> fraud-detector',
      'configured-by -> fraud-models/2',
      'documented-by -> fraud-detector-card',
      'trained-on -> acme-ml-training-data',
      'uses-identity -> SageMakerFraudModelRole',
    ]);
    expect(asset('aws.sagemaker.monitoring-schedule', 'fraud-modelbias').props).toMatchObject({ monitoringType: 'ModelBias', networkIsolated: true });
    expect(asset('aws.sagemaker.model-package-group', 'fraud-models').props).toMatchObject({ packages: 3, approvedPackages: 2, pendingPackages: 1 });
    expect(edgesFrom(asset('aws.sagemaker.user-profile', 'alice'))).toEqual(['part-of -> ml-studio', 'uses-identity -> SageMakerSecureNotebookRole']);
    // Jobs that start other jobs or change a model: each left at the defaults beside a hardened twin.
    expect(asset('aws.sagemaker.hyperparameter-tuning-job', 'churn-tune').props).toEqual({
      networkIsolation: false,
      networkIsolated: false,
      interContainerEncryption: false,
      vpcConfigured: false,
      maxParallelTrainingJobs: 2,
      instanceType: 'ml.m5.xlarge',
      volumeKmsKeyIds: [],
      outputKmsKeyIds: [],
      customerManagedKey: false,
      status: 'Completed',
    });
    expect(asset('aws.sagemaker.hyperparameter-tuning-job', 'fraud-tune').props).toMatchObject({ networkIsolated: true, interContainerEncryption: true, vpcConfigured: true, volumeKmsKeyIds: [KEYS.mlCmk], customerManagedKey: true });
    expect(edgesFrom(asset('aws.sagemaker.hyperparameter-tuning-job', 'fraud-tune'))).toEqual([
      'encrypted-by -> alias/ml-cmk',
      'reads-data -> acme-ml-training-data',
      'uses-identity -> SageMakerFraudModelRole',
      'writes-data -> acme-ml-artifacts',
    ]);
    expect(asset('aws.sagemaker.automl-job', 'churn-autopilot').props).toEqual({
      interContainerEncryption: false,
      vpcConfigured: false,
      volumeKmsKeyId: null,
      outputKmsKeyId: null,
      customerManagedKey: false,
      problemType: 'Tabular',
      status: 'Completed',
    });
    expect(asset('aws.sagemaker.automl-job', 'fraud-autopilot').props).toMatchObject({ interContainerEncryption: true, vpcConfigured: true, customerManagedKey: true });
    expect(asset('aws.sagemaker.compilation-job', 'churn-neo').props).toEqual({ outputKmsKeyId: null, customerManagedKey: false, vpcConfigured: false, framework: 'XGBOOST', targetDevice: 'jetson_xavier', status: 'COMPLETED' });
    expect(asset('aws.sagemaker.compilation-job', 'fraud-neo').props).toMatchObject({ customerManagedKey: true, vpcConfigured: true });
    expect(edgesFrom(asset('aws.sagemaker.compilation-job', 'churn-neo'))).toEqual(['reads-data -> acme-ml-artifacts', 'uses-identity -> SageMakerFraudModelRole', 'writes-data -> acme-ml-artifacts']);
  });

  it('reads the account\'s organization and the Bedrock policy in effect for it', () => {
    const membership = asset('aws.organizations.account', `organization membership (${ACCOUNT})`);
    expect(membership.id).toBe(`arn:aws:organizations::${ACCOUNT}:account/o-a1b2c3d4e5/${ACCOUNT}`);
    // EffectivePolicyNotFoundException is an answer (no policy in effect), not a gap.
    // The management account reads the SCPs: one keeps Bedrock to two regions, none to approved models.
    expect(membership.props).toEqual({
      inOrganization: true,
      organizationId: 'o-a1b2c3d4e5',
      featureSet: 'ALL',
      bedrockPolicyInEffect: false,
      enforcedGuardrails: [],
      modelRestrictingScps: [],
      bedrockUsed: true,
    });
    // AWS's FullAWSAccess is not read.
    expect(baselineCalls.filter((call) => call === 'organizations:DescribePolicy')).toHaveLength(1);
    expect(inventory.coverage.filter((entry) => entry.service === 'organizations' && entry.status !== 'ok')).toEqual([]);
  });

  it('reads Bedrock AgentCore into the properties and relations the rules use', () => {
    const concierge = asset('aws.bedrock-agentcore.runtime', 'support_concierge');
    expect(concierge.props).toEqual({
      networkMode: 'PUBLIC',
      internetEgress: true,
      subnetIds: [],
      securityGroupIds: [],
      authorizerType: 'AWS_IAM',
      serverProtocol: 'HTTP',
      requireMmdsV2: null,
      containerUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/support_concierge:v3`,
      resourcePolicy: false,
      resourcePolicyPublic: false,
      logDeliveries: [],
      status: 'READY',
    });
    // Log deliveries: a source with a delivery counts; a source without one delivers nothing.
    expect(asset('aws.bedrock-agentcore.gateway', 'claims-gw').props.logDeliveries).toEqual(['APPLICATION_LOGS', 'TRACES']);
    expect(asset('aws.bedrock-agentcore.gateway', 'ops-tools-gw').props.logDeliveries).toEqual([]);
    expect(asset('aws.bedrock-agentcore.memory', 'claims_memory-Hi4Jk5Lm6N').props.logDeliveries).toEqual(['APPLICATION_LOGS']);
    expect(asset('aws.bedrock-agentcore.memory', 'concierge_memory-Ab1Cd2Ef3G').props.logDeliveries).toEqual([]);
    // The token in its environment is in raw, where the redaction pass finds it (cli.test.ts).
    expect(concierge.raw).toMatchObject({ environmentVariables: { LOG_LEVEL: 'info' } });
    expect(edgesFrom(concierge)).toEqual(['artifacts-in -> support_concierge', 'uses-identity -> AgentCoreConciergeRole']);
    const claims = asset('aws.bedrock-agentcore.runtime', 'claims_agent');
    expect(claims.props).toMatchObject({ networkMode: 'VPC', subnetIds: ['subnet-0aa1', 'subnet-0bb2'], authorizerType: 'CUSTOM_JWT', requireMmdsV2: true, resourcePolicy: true, resourcePolicyPublic: false });
    expect(claims.props.internetEgress).toBeUndefined();
    // Its subnets' VPC (DescribeSubnets); the PUBLIC concierge has none.
    expect(edgesFrom(claims)).toContain('in-network -> vpc-0123');
    expect(edgesFrom(asset('aws.bedrock-agentcore.runtime', 'ticket_router'))).toContain('in-network -> vpc-0456');
    // Transaction Search is read only where runtimes run.
    expect(asset('aws.xray.trace-destination', 'x-ray trace destination (us-east-1)').props).toEqual({ destination: 'XRay', status: 'ACTIVE', transactionSearch: false, agentCoreRuntimes: 3 });
    expect(inventory.assets.filter((candidate) => candidate.type === 'aws.xray.trace-destination')).toHaveLength(1);
    expect(edgesFrom(asset('aws.bedrock-agentcore.runtime-endpoint', 'prod'))).toEqual(['part-of -> claims_agent']);

    const open = asset('aws.bedrock-agentcore.gateway', 'ops-tools-gw');
    expect(open.props).toMatchObject({ authorizerType: 'NONE', customerManagedKey: false, policyEngineMode: null, exceptionLevel: 'DEBUG', webAclArn: null, resourcePolicy: false });
    expect(edgesFrom(open)).toEqual(['uses-identity -> AgentCoreGatewayRole']);
    expect(edgesFrom(asset('aws.bedrock-agentcore.gateway', 'claims-gw'))).toEqual(['encrypted-by -> alias/ml-cmk', 'guarded-by -> claims_policies', 'uses-identity -> AgentCoreGatewayRole']);
    expect(asset('aws.bedrock-agentcore.gateway-target', 'crm-mcp').props).toEqual({
      targetType: 'MCP_SERVER',
      endpoint: 'https://mcp.crm.example.com/mcp',
      credentialProviderTypes: ['API_KEY'],
      apiKeyCredential: true,
      status: 'READY',
    });
    expect(edgesFrom(asset('aws.bedrock-agentcore.gateway-target', 'iam-admin-tool'))).toEqual(['invokes -> ops-iam-tool', 'part-of -> ops-tools-gw']);
    expect(asset('aws.bedrock-agentcore.memory', 'concierge_memory-Ab1Cd2Ef3G').props).toMatchObject({ customerManagedKey: false, eventExpiryDays: 365, strategies: [], sensitiveData: true });
    expect(asset('aws.bedrock-agentcore.memory', 'claims_memory-Hi4Jk5Lm6N').props).toMatchObject({ customerManagedKey: true, eventExpiryDays: 30, strategies: ['SUMMARIZATION'] });
    expect(asset('aws.bedrock-agentcore.policy-engine', 'draft_policies').props).toMatchObject({ customerManagedKey: false });
    expect(asset('aws.bedrock-agentcore.code-interpreter', 'sandboxed_math').props).toMatchObject({ networkMode: 'SANDBOX', internetEgress: false, networkIsolated: true });
    expect(asset('aws.bedrock-agentcore.browser', 'audited_browser').props).toMatchObject({ recordingEnabled: true, recordingBucket: 'acme-ml-capture' });
    expect(edgesFrom(asset('aws.bedrock-agentcore.browser', 'audited_browser'))).toEqual(['writes-data -> acme-ml-capture']);
  });

  it('reads GuardDuty per region, with whether the region runs AI workloads', () => {
    expect(asset('aws.guardduty.detector', 'guardduty (us-east-1)').props).toEqual({
      detectorId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      enabled: true,
      aiProtection: true,
      bedrockUsed: true,
      agentCoreResources: 13,
    });
    expect(asset('aws.guardduty.detector', 'guardduty (eu-west-1)').props).toEqual({ detectorId: null, enabled: false, aiProtection: false, bedrockUsed: true, agentCoreResources: 0 });
    expect(asset('aws.guardduty.detector', 'guardduty (ap-southeast-2)').props).toMatchObject({ enabled: false, aiProtection: false, bedrockUsed: true });
  });

  it('reads the anomaly monitors and budgets that cover Bedrock and SageMaker spend', () => {
    // A DIMENSIONAL monitor on SERVICE covers every service; the only budget filters on EC2.
    expect(asset('aws.billing.ai-cost-controls', `AI cost controls (${ACCOUNT})`).props).toEqual({ anomalyMonitors: ['services-spend'], budgets: [], bedrockUsed: true, sageMakerUsed: true });
  });

  it('reads Amazon Inspector per region, with how many functions there may call models', () => {
    // Three functions of us-east-1 may call models (ticket-summarizer, faq-answerer, ops-iam-tool); the other regions have none.
    expect(asset('aws.inspector.scanning', 'inspector (us-east-1)').props).toEqual({ status: 'ENABLED', lambdaScanning: 'ENABLED', lambdaCodeScanning: 'DISABLED', ecrScanning: 'ENABLED', modelCallingFunctions: 3 });
    expect(asset('aws.inspector.scanning', 'inspector (eu-west-1)').props).toEqual({ status: 'DISABLED', lambdaScanning: 'DISABLED', lambdaCodeScanning: 'DISABLED', ecrScanning: 'DISABLED', modelCallingFunctions: 0 });
    expect(asset('aws.inspector.scanning', 'inspector (ap-southeast-2)').props).toMatchObject({ lambdaCodeScanning: 'ENABLED', modelCallingFunctions: 0 });
  });

  it('reads data quality job definitions (scheduled or not) and human review workflows with their keys', () => {
    expect(asset('aws.sagemaker.data-quality-job-definition', 'churn-dataquality-job').props).toEqual({ outputKmsKeyId: null, volumeKmsKeyId: null, interContainerEncryption: false, networkIsolated: false });
    expect(asset('aws.sagemaker.data-quality-job-definition', 'fraud-dataquality-job').props).toEqual({ outputKmsKeyId: KEYS.mlCmk, volumeKmsKeyId: KEYS.mlCmk, interContainerEncryption: true, networkIsolated: true });
    expect(asset('aws.sagemaker.flow-definition', 'churn-review').props).toEqual({ outputKmsKeyId: null, status: 'Active' });
    expect(edgesFrom(asset('aws.sagemaker.flow-definition', 'claims-review'))).toEqual(
      expect.arrayContaining(['uses-identity -> SageMakerFraudModelRole', 'writes-data -> acme-ml-artifacts']),
    );
  });

  it('reads the CloudWatch alarms that watch Bedrock metrics, directly or through metric math', () => {
    const alarms = (region: string) => asset('aws.cloudwatch.bedrock-alarms', `bedrock alarms (${region})`).props;
    expect(alarms('us-east-1')).toEqual({ alarms: ['bedrock-throttles'], alarmedMetrics: ['InvocationThrottles'], bedrockUsed: true });
    expect(alarms('ap-southeast-2')).toEqual({ alarms: ['bedrock-token-burn'], alarmedMetrics: ['InputTokenCount', 'OutputTokenCount'], bedrockUsed: true });
    // Its only alarm watches an EC2 metric.
    expect(alarms('eu-west-1')).toEqual({ alarms: [], alarmedMetrics: [], bedrockUsed: true });
    // Alarms on agent metrics (AWS/Bedrock/Agents, Bedrock-AgentCore), with whether agents run in the region.
    const agentAlarms = (region: string) => asset('aws.cloudwatch.agent-alarms', `agent alarms (${region})`).props;
    expect(agentAlarms('us-east-1')).toEqual({ alarms: [], alarmedMetrics: [], agentsUsed: true });
    expect(agentAlarms('ap-southeast-2')).toEqual({ alarms: ['agentcore-invocation-surge'], alarmedMetrics: ['Invocations'], agentsUsed: false });
    expect(agentAlarms('eu-west-1')).toEqual({ alarms: [], alarmedMetrics: [], agentsUsed: false });
  });

  it('reads when each knowledge-base data source last synced, and the recent evaluation jobs with what they measured', () => {
    expect(asset('aws.bedrock.data-source', 'hr-policies').props).toMatchObject({ lastIngestionStatus: 'COMPLETE', lastSyncedAt: expect.any(String) });
    const articles = asset('aws.bedrock.data-source', 'support-articles').props;
    expect(articles).toMatchObject({ lastIngestionStatus: 'FAILED' });
    // The newest COMPLETE job, not yesterday's failed one.
    expect(Date.now() - Date.parse(String(articles.lastSyncedAt))).toBeGreaterThan(19 * 86_400_000);
    const region = (name: string) => asset('aws.bedrock.model-evaluation', `model evaluation (${name})`);
    expect(region('us-east-1').props).toEqual({ recentJobs: 2, bedrockUsed: true });
    expect(region('ap-southeast-2').props).toEqual({ recentJobs: 0, bedrockUsed: true });
    const rag = asset('aws.bedrock.evaluation-job', 'support-kb-rag-eval');
    expect(rag.props).toMatchObject({
      status: 'Completed',
      jobType: 'Automated',
      applicationType: 'RagEvaluation',
      metricNames: ['Builtin.Correctness', 'Builtin.Faithfulness', 'Builtin.Harmfulness', 'Builtin.Stereotyping'],
      datasets: ['s3://acme-ml-artifacts/evaluation-datasets/support-questions.jsonl', 'support-questions'],
      knowledgeBaseIds: ['KBSUPPORT'],
      evaluatedModels: [],
    });
    expect(edgesFrom(rag)).toEqual(['evaluates -> support-articles-kb', 'part-of -> model evaluation (us-east-1)']);
    expect(asset('aws.bedrock.evaluation-job', 'claude-safety-eval').props).toMatchObject({ applicationType: 'ModelEvaluation', datasets: ['Builtin.Bold'], metricNames: ['Builtin.Robustness', 'Builtin.Toxicity'] });
    // The 60-day-old job is read too (the rules decide what is recent); every knowledge base's evaluations are known.
    expect(asset('aws.bedrock.evaluation-job', 'claude-robustness-eval').props).toMatchObject({ status: 'Completed' });
    expect(asset('aws.bedrock.knowledge-base', 'hr-policies-kb').props.evaluationJobsRead).toBe(true);
  });

  it('reads CloudTrail trails and event data stores per region: what they log of Bedrock and SageMaker', () => {
    const trails = (region: string) => asset('aws.cloudtrail.region-logging', `cloudtrail (${region})`).props;
    // An account trail for management events and a trail with advanced selectors for Bedrock and SageMaker data events.
    expect(trails('us-east-1')).toEqual({
      activeTrails: ['account-trail', 'ai-data-events'],
      bedrockManagementEvents: true,
      bedrockDataEvents: true,
      sageMakerManagementEvents: true,
      sageMakerDataEvents: true,
      bedrockUsed: true,
      bedrockResourcesInRegion: 18,
      sageMakerUsed: true,
    });
    // Its only trail is stopped; SageMaker is denied there and nothing of it was found, so its use is unknown.
    expect(trails('eu-west-1')).toEqual({
      activeTrails: [],
      bedrockManagementEvents: false,
      bedrockDataEvents: false,
      sageMakerManagementEvents: false,
      sageMakerDataEvents: false,
      bedrockUsed: true,
      bedrockResourcesInRegion: expect.any(Number),
    });
    // No trail: a CloudTrail Lake event data store ingests management events and Bedrock data events.
    expect(trails('ap-southeast-2')).toMatchObject({ activeTrails: ['ai-lake'], bedrockManagementEvents: true, bedrockDataEvents: true, sageMakerManagementEvents: true, sageMakerDataEvents: false });
  });

  it('reads Bedrock and Bedrock Agents into the properties and relations the rules use', () => {
    const regionLogging = (region: string) => asset('aws.bedrock.model-invocation-logging', `model-invocation-logging (${region})`);
    expect(regionLogging('us-east-1').props).toMatchObject({ loggingEnabled: false, bedrockResourcesInRegion: 18, bedrockUsed: true });
    // No Bedrock resource at all, but the AWS/Bedrock metrics show models invoked in the past two weeks: Bedrock is used.
    expect(regionLogging('ap-southeast-2').props).toMatchObject({
      loggingEnabled: false,
      bedrockResourcesInRegion: 0,
      invokedModels: ['amazon.titan-embed-text-v2:0', 'anthropic.claude-3-5-sonnet-20240620-v1:0'],
      bedrockUsed: true,
    });
    expect(regionLogging('eu-west-1').props).toMatchObject({ loggingEnabled: true, textDataDelivery: true, logGroupName: '/aws/bedrock/invocations', bedrockResourcesInRegion: 1 });
    expect(edgesFrom(regionLogging('eu-west-1'))).toEqual(['logs-to -> /aws/bedrock/invocations', 'logs-to -> acme-bedrock-logs']);

    expect(asset('aws.bedrock.guardrail', 'strict-guardrail').props).toMatchObject({
      promptAttackStrength: 'HIGH',
      contentFilterTypes: ['HATE', 'INSULTS', 'MISCONDUCT', 'PROMPT_ATTACK', 'SEXUAL', 'VIOLENCE'],
      sensitiveInformationFilter: true,
      contextualGrounding: true,
      deniedTopics: 1,
      wordFilter: true,
      contentFilterTier: 'STANDARD',
      customerManagedKey: true,
    });
    expect(asset('aws.bedrock.guardrail', 'legacy-guardrail').props).toMatchObject({ promptAttackStrength: null, sensitiveInformationFilter: true, customerManagedKey: false });
    // Blocking denied topics by name and definition; a topic switched off in both directions is not one.
    expect(asset('aws.bedrock.guardrail', 'strict-guardrail').props.deniedTopicTexts).toEqual(['system-prompt: Requests to reveal instructions']);
    expect(asset('aws.bedrock.guardrail', 'detect-guardrail').props.deniedTopicTexts).toEqual([]);
    expect(asset('aws.bedrock.guardrail', 'legacy-guardrail').props.deniedTopicTexts).toEqual([]);
    // Filters in detect mode (action NONE) or switched off are configured but protect nothing.
    expect(asset('aws.bedrock.guardrail', 'detect-guardrail').props).toMatchObject({
      version: 'DRAFT',
      promptAttackStrength: 'HIGH',
      promptAttackBlocking: false,
      contentFilterTypes: [],
      contentFiltersDetectOnly: ['HATE', 'INSULTS', 'MISCONDUCT', 'PROMPT_ATTACK', 'SEXUAL', 'VIOLENCE'],
      sensitiveInformationFilter: false,
      contextualGrounding: false,
      deniedTopics: 0,
      wordFilter: false,
    });
    // Filters made before detect mode existed carry no action fields: they block.
    expect(asset('aws.bedrock.guardrail', 'strict-guardrail').props).toMatchObject({ promptAttackBlocking: true, contentFiltersDetectOnly: [] });
    // Grounding thresholds and PII entity types, filter by filter; a filter that only detects counts for neither.
    expect(asset('aws.bedrock.guardrail', 'strict-guardrail').props).toMatchObject({
      groundingThreshold: 0.8,
      relevanceThreshold: 0.7,
      piiEntityTypes: ['CREDIT_DEBIT_CARD_NUMBER', 'US_BANK_ACCOUNT_NUMBER', 'US_SOCIAL_SECURITY_NUMBER'],
    });
    expect(asset('aws.bedrock.guardrail', 'support-guardrail:1').props).toMatchObject({ groundingThreshold: 0.5, relevanceThreshold: null, piiEntityTypes: [] });
    expect(asset('aws.bedrock.guardrail', 'detect-guardrail').props).toMatchObject({ groundingThreshold: null, relevanceThreshold: null, piiEntityTypes: [] });
    expect(asset('aws.bedrock.guardrail', 'legacy-guardrail').props).toMatchObject({ piiEntityTypes: ['EMAIL'] });
    // Guardrails listed per region: none in ap-southeast-2, where models are invoked.
    expect(regionLogging('ap-southeast-2').props).toMatchObject({ guardrailsInRegion: 0, bedrockUsed: true });
    expect(regionLogging('eu-west-1').props).toMatchObject({ guardrailsInRegion: 1 });
    // The version in force is read, not the draft: support-guardrail's version 1 predates its PII filter.
    expect(asset('aws.bedrock.guardrail', 'support-guardrail').props).toMatchObject({ version: 'DRAFT', sensitiveInformationFilter: true });
    expect(asset('aws.bedrock.guardrail', 'support-guardrail:1')).toMatchObject({
      id: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/gr-support01:1',
      props: { version: '1', sensitiveInformationFilter: false, promptAttackBlocking: true, customerManagedKey: true },
    });

    const ops = asset('aws.bedrock.agent', 'ops-agent');
    expect(ops.props).toMatchObject({ guardrailId: null, idleSessionTtlSeconds: 7200, customerManagedKey: false, promptOverride: true, modelId: 'anthropic.claude-v2', outdated: true });
    expect(edgesFrom(ops)).toEqual(['uses-identity -> BedrockOpsAgentRole']);
    const support = asset('aws.bedrock.agent', 'support-agent');
    expect(support.props).toMatchObject({ customerManagedKey: true, outdated: false });
    expect(edgesFrom(support)).toEqual(['encrypted-by -> alias/ml-cmk', 'guarded-by -> strict-guardrail:1', 'reads-data -> support-articles-kb', 'uses-identity -> BedrockSupportAgentRole']);
    // An alias is guarded by the guardrail of the agent version it routes to (GetAgentVersion).
    const alias = (name: string, agent: string) => inventory.assets.find((candidate) => candidate.type === 'aws.bedrock.agent-alias' && candidate.name === name && edgesFrom(candidate).includes(`part-of -> ${agent}`))!;
    expect(edgesFrom(alias('prod', 'support-agent'))).toEqual(['guarded-by -> strict-guardrail:1', 'part-of -> support-agent']);
    expect(edgesFrom(asset('aws.bedrock.agent', 'faq-agent'))).toContain('guarded-by -> support-guardrail:1');
    expect(edgesFrom(alias('live', 'faq-agent'))).toEqual(['part-of -> faq-agent']);
    const runbooks = asset('aws.bedrock.agent-action-group', 'ops-runbooks');
    expect(runbooks.props).toEqual({ executorType: 'lambda', state: 'ENABLED', requireConfirmation: false, unconfirmedActions: ['restart_service', 'rotate_instances'] });
    expect(edgesFrom(runbooks)).toEqual(['invokes -> ops-runbook-executor', 'part-of -> ops-agent']);
    expect(edgesFrom(asset('aws.bedrock.knowledge-base', 'support-articles-kb'))).toEqual(['reads-data -> acme-support-articles', 'reads-data -> support-kb', 'uses-identity -> BedrockKbRole']);

    const flow = asset('aws.bedrock.flow', 'support-flow');
    // Validations of severity Error only; the warning is left out.
    expect(flow.props).toMatchObject({ unguardedNodes: ['Classify'], customerManagedKey: false, status: 'Failed', validationErrors: ['Node Lookup is unreachable: no connection leads to it.'] });
    expect(edgesFrom(flow)).toEqual([
      'configured-by -> classify-ticket',
      'guarded-by -> strict-guardrail:1',
      'invokes -> support-order-lookup',
      'reads-data -> support-articles-kb',
      'uses-identity -> BedrockFlowRole',
    ]);
    expect(edgesFrom(asset('aws.bedrock.custom-model', 'support-titan'))).toEqual(['trained-on -> acme-support-data']);
    expect(asset('aws.bedrock.custom-model', 'support-titan').props).toMatchObject({ customerManagedKey: false, outdated: true });
    expect(edgesFrom(asset('aws.bedrock.provisioned-throughput', 'support-pt'))).toEqual(['deploys -> support-titan']);
    expect(asset('aws.bedrock.api-key', 'bedrock-dev-at-111122223333').props).toMatchObject({ userName: 'bedrock-dev', active: true, expiresAt: null });
    expect(asset('aws.ec2.vpc', 'vpc-0123').props).toEqual({
      bedrockEndpoints: ['bedrock-agent-runtime', 'bedrock-runtime'],
      agentCoreEndpoints: ['bedrock-agentcore', 'bedrock-agentcore.gateway'],
      bedrockResourcesInRegion: 18,
      bedrockUsed: true,
    });
    // A Studio domain's and the ticket_router runtime's VPC, with interface endpoints for other services only.
    expect(asset('aws.ec2.vpc', 'vpc-0456').props).toEqual({ bedrockEndpoints: [], agentCoreEndpoints: [], bedrockResourcesInRegion: 18, bedrockUsed: true });
  });

  it('reads compute that calls models directly (Lambda, ECS) with what its role allows, and leaves the rest out', () => {
    const summarizer = asset('aws.lambda.function', 'ticket-summarizer');
    expect(summarizer.props).toEqual({
      runtime: 'python3.13',
      runtimeDeprecated: false,
      runtimeDeprecatedOn: null,
      environmentVariables: ['MODEL_ID', 'OPENAI_API_KEY', 'SYSTEM_PROMPT'],
      // Only the name of the variable that holds a system prompt; the greeting and disclaimer of faq-answerer are not prompts.
      promptEnvironmentVariables: ['SYSTEM_PROMPT'],
      invokesModels: true,
      modelInvocationGuardrail: false,
    });
    // Subscribing to any Marketplace product, or only to the approved one's (a ProductId condition).
    expect(asset('aws.iam.role', 'TicketSummarizerRole').props.marketplaceSubscribe).toBe(true);
    expect(asset('aws.iam.role', 'FaqAnswererRole').props.marketplaceSubscribe).toBe(false);
    expect(edgesFrom(summarizer)).toEqual(['uses-identity -> TicketSummarizerRole']);
    expect(asset('aws.lambda.function', 'faq-answerer').props).toMatchObject({ invokesModels: true, modelInvocationGuardrail: true, promptEnvironmentVariables: [] });
    const chat = asset('aws.ecs.task-definition', 'chat-backend');
    // The latest ACTIVE revision, under an id without the revision.
    expect(chat.id).toBe(`arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/chat-backend`);
    expect(chat.props).toEqual({
      revision: 2,
      networkMode: 'awsvpc',
      images: [`${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/chat-backend:1.1`],
      environmentVariables: ['HF_TOKEN', 'MODEL_ID'],
      executionRoleArn: roleArn('EcsTaskExecutionRole'),
      invokesModels: true,
      modelInvocationGuardrail: false,
    });
    expect(edgesFrom(chat)).toEqual(['uses-identity -> ChatBackendTaskRole']);
    // Allowed with the guardrail and denied without it, as the Bedrock user guide shows.
    expect(asset('aws.ecs.task-definition', 'rag-api').props).toMatchObject({ invokesModels: true, modelInvocationGuardrail: true, environmentVariables: ['MODEL_ID'] });
    // An administrator may call models too, and nothing makes it name a guardrail.
    expect(asset('aws.lambda.function', 'ops-iam-tool').props).toMatchObject({ invokesModels: true, modelInvocationGuardrail: false });
    // No model calls: neither the compute nor its role is in the inventory.
    for (const name of ['image-resizer', 'nightly-etl', 'ImageResizerRole', 'EtlTaskRole']) expect(inventory.assets.find((candidate) => candidate.name === name)).toBeUndefined();
  });

  it('reads the APIs in front of AI compute (API Gateway REST and HTTP APIs), their stages and web ACLs, and no other API', () => {
    const chat = asset('aws.apigateway.rest-api', 'support-chat-api');
    expect(chat.id).toBe('arn:aws:apigateway:us-east-1::/restapis/a1chat0001');
    expect(chat.props).toEqual({ apiType: 'REST', aiFunctions: ['ticket-summarizer'], modelRuntimeIntegration: false, aiMethods: ['POST /chat'], aiMethodsWithoutBodyValidation: ['POST /chat'] });
    expect(edgesFrom(chat)).toEqual(['invokes -> ticket-summarizer']);
    expect(asset('aws.apigateway.stage', 'support-chat-api/prod').props).toEqual({ webAclArn: null, usagePlans: [], usagePlanThrottle: false, stageThrottle: false, throttled: false, shieldAdvanced: true });
    expect(edgesFrom(asset('aws.apigateway.stage', 'support-chat-api/prod'))).toEqual(['part-of -> support-chat-api']);
    // Bedrock runtime called directly through an AWS service integration, with a body validator.
    expect(asset('aws.apigateway.rest-api', 'claims-assist-api').props).toMatchObject({ aiFunctions: [], modelRuntimeIntegration: true, aiMethodsWithoutBodyValidation: [] });
    const claims = asset('aws.apigateway.stage', 'claims-assist-api/v1');
    expect(claims.props).toMatchObject({ usagePlans: ['claims-partners'], usagePlanThrottle: true, throttled: true });
    expect(edgesFrom(claims)).toEqual(['guarded-by -> claims-basic-acl', 'part-of -> claims-assist-api']);
    expect(asset('aws.wafv2.web-acl', 'claims-basic-acl').props).toEqual({
      defaultAction: 'ALLOW',
      statementKinds: ['ManagedRuleGroupStatement', 'RateBasedStatement'],
      managedRuleGroups: { AWSManagedRulesAmazonIpReputationList: 'AWS' },
      rateLimited: true,
      xssProtection: false,
      bodySizeLimited: false,
    });
    // The core rule set brings XSS and body size rules; the stage throttles by its default method settings.
    expect(asset('aws.wafv2.web-acl', 'faq-api-acl').props).toMatchObject({ rateLimited: true, xssProtection: true, bodySizeLimited: true });
    expect(Object.keys(asset('aws.wafv2.web-acl', 'faq-api-acl').props.managedRuleGroups as object).sort()).toEqual(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesSQLiRuleSet']);
    expect(asset('aws.apigateway.stage', 'faq-api/live').props).toMatchObject({ stageThrottle: true, throttled: true });
    expect(asset('aws.apigatewayv2.api', 'summarize-http').props).toEqual({ apiType: 'HTTP', aiFunctions: ['ticket-summarizer'], modelRuntimeIntegration: false });
    expect(asset('aws.apigatewayv2.stage', 'summarize-http/$default').props).toEqual({ throttled: false });
    expect(asset('aws.apigatewayv2.stage', 'faq-http/live').props).toEqual({ throttled: true });
    // image-api invokes a function that calls no model, and a WebSocket API is not read: neither is in the inventory.
    for (const name of ['image-api', 'image-api/prod', 'notifications-ws']) expect(inventory.assets.find((candidate) => candidate.name === name)).toBeUndefined();
  });

  it('reads the ECR repositories of the images AI assets run: scanning, tag mutability, encryption', () => {
    const concierge = asset('aws.ecr.repository', 'support_concierge');
    expect(concierge.id).toBe(`arn:aws:ecr:us-east-1:${ACCOUNT}:repository/support_concierge`);
    expect(concierge.props).toEqual({
      scanType: 'BASIC',
      scanFrequency: 'MANUAL',
      imagesScanned: false,
      imageTagMutability: 'MUTABLE',
      tagsImmutable: false,
      encryptionType: 'AES256',
      customerManagedKey: false,
    });
    expect(asset('aws.ecr.repository', 'fraud-detector').props).toMatchObject({ scanFrequency: 'SCAN_ON_PUSH', imagesScanned: true, tagsImmutable: true, customerManagedKey: true });
    expect(edgesFrom(asset('aws.ecr.repository', 'claims_agent'))).toEqual(['encrypted-by -> alias/ml-cmk']);
    expect(edgesFrom(asset('aws.bedrock-agentcore.runtime', 'support_concierge'))).toContain('artifacts-in -> support_concierge');
    expect(edgesFrom(asset('aws.sagemaker.model', 'fraud-detector'))).toContain('artifacts-in -> fraud-detector');
    // Images in AWS's own registries (built-in algorithms, deep learning containers) are not the account's to read.
    expect(inventory.assets.filter((candidate) => candidate.type === 'aws.ecr.repository').map((candidate) => candidate.name).sort()).toEqual(['claims_agent', 'fraud-detector', 'support_concierge']);
  });

  it('reads the roles, users, buckets and keys that AI assets point at', () => {
    expect(asset('aws.iam.role', 'BedrockOpsAgentRole').props).toMatchObject({ admin: true, wildcardActions: true, attachedPolicies: ['AdministratorAccess'], trustedServices: ['bedrock.amazonaws.com'] });
    const research = asset('aws.iam.role', 'SageMakerResearchRole');
    expect(research.props).toMatchObject({
      admin: false,
      wildcardActions: true,
      attachedPolicies: ['AmazonSageMakerFullAccess'],
      inlinePolicies: ['assume-any', 'training-data'],
      permissionsBoundary: null,
      assumeRoleWildcards: ['*'],
    });
    // sts:AssumeRole on "*": of the account's roles (ListRoles), those whose trust policy lets it in; no AI asset names AnalyticsAdminRole.
    expect(edgesFrom(research)).toEqual([
      'can-assume -> AnalyticsAdminRole',
      'reads-data -> acme-ml-training-data',
      'reads-data -> acme-public-uploads',
      'writes-data -> acme-ml-training-data',
      'writes-data -> acme-public-uploads',
    ]);
    expect(asset('aws.iam.role', 'AnalyticsAdminRole').props).toMatchObject({ admin: true, trustedPrincipals: [`arn:aws:iam::${ACCOUNT}:root`] });
    // "*" also reaches roles in other accounts that trust this one, which cannot be listed: its can-assume edges are not all known.
    expect(research.unreadEdges).toEqual([{ edge: 'can-assume', direction: 'out' }]);
    // Roles trusting only a service or another principal are not reached.
    expect(edgesFrom(research).some((edge) => edge.includes('DataPipelineRole') || edge.includes('MLAdminRole'))).toBe(false);
    // An explicit Deny takes back the write.
    expect(edgesFrom(asset('aws.iam.role', 'SageMakerSecureNotebookRole'))).toEqual(['reads-data -> acme-ml-training-data']);
    // Role chains: a role that no AI asset names is read because a tool's role can assume it.
    expect(edgesFrom(asset('aws.iam.role', 'OpsRunbookLambdaRole'))).toEqual(['can-assume -> DataPipelineRole']);
    expect(edgesFrom(asset('aws.iam.role', 'DataPipelineRole'))).toEqual(['writes-data -> acme-ml-training-data']);
    // A role in another account cannot be read: a stub with unknown properties stands in.
    const partner = asset('aws.iam.role', 'PartnerDataRole');
    expect(partner).toMatchObject({ account: '999988887777', props: {} });
    expect(asset('aws.iam.user', 'bedrock-dev').props).toMatchObject({ admin: true, groups: ['developers'], inlinePolicies: ['everything'] });

    expect(asset('aws.s3.bucket', 'acme-public-uploads').props).toMatchObject({ publicWrite: true, publicRead: false, blockPublicAccess: false, sensitiveData: true });
    // A public-read ACL on a bucket without Block Public Access of its own, ignored because the account's IgnorePublicAcls is on.
    expect(asset('aws.s3.bucket', 'acme-support-articles').props).toMatchObject({ publicRead: false, publicWrite: false, blockPublicAccess: false });
    expect((asset('aws.s3.bucket', 'acme-support-articles').raw as { AccountPublicAccessBlock: unknown }).AccountPublicAccessBlock).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: false,
    });
    // A public ACL that IgnorePublicAcls neutralises.
    expect(asset('aws.s3.bucket', 'acme-support-data').props).toMatchObject({ publicRead: false, encryption: 'aws:kms', customerManagedKey: false, versioning: false });
    expect(asset('aws.s3.bucket', 'acme-ml-training-data')).toMatchObject({
      region: 'us-east-1',
      tags: { 'data-classification': 'confidential' },
      props: { publicRead: false, publicWrite: false, blockPublicAccess: true, encryption: 'aws:kms', customerManagedKey: true, versioning: true, sensitiveData: true },
    });
    expect(asset('aws.s3.bucket', 'acme-feature-store').region).toBe('eu-west-1');

    // A key named by bare id, by ARN and by alias is one asset; an AWS managed key, named by ARN, is found out.
    const cmk = asset('aws.kms.key', 'alias/ml-cmk');
    expect(cmk).toMatchObject({ id: KEYS.mlCmk, props: { keyManager: 'CUSTOMER', rotationEnabled: true } });
    expect(inventory.edges.filter((edge) => edge.to === KEYS.mlCmk).length).toBe(31);
    expect(asset('aws.sagemaker.transform-job', 'batch-fraud').props.customerManagedKey).toBe(false);
    // Its data protection policy only audits: nothing is masked.
    expect(asset('aws.logs.log-group', '/aws/bedrock/invocations').props).toEqual({ customerManagedKey: true, retentionDays: 365, sensitiveData: true, dataMasking: false, maskedDataIdentifiers: [] });
    expect(asset('aws.lambda.function', 'ops-runbook-executor').props).toEqual({
      runtime: 'python3.9',
      runtimeDeprecated: true,
      runtimeDeprecatedOn: '2025-12-15',
      environmentVariables: ['LOG_LEVEL', 'SLACK_BOT_TOKEN'],
      promptEnvironmentVariables: [],
      invokesModels: false,
      modelInvocationGuardrail: null,
      // No ReservedConcurrentExecutions in the answer: none reserved.
      reservedConcurrency: null,
    });
    expect(asset('aws.lambda.function', 'support-order-lookup').props.reservedConcurrency).toBe(20);
    expect(edgesFrom(asset('aws.lambda.function', 'ops-runbook-executor'))).toEqual(['uses-identity -> OpsRunbookLambdaRole']);
    expect(inventory.assets.filter((candidate) => candidate.id === roleArn('MLAdminRole'))).toHaveLength(1);
  });

  it('reads the knowledge bases\' vector stores: key, network and data access policies', () => {
    const hardened = asset('aws.opensearch-serverless.collection', 'support-kb');
    expect(hardened.props).toEqual({
      collectionType: 'VECTORSEARCH',
      status: 'ACTIVE',
      kmsKeyArn: KEYS.mlCmk,
      customerManagedKey: true,
      internetExposed: false,
      sourceVpcEndpoints: ['vpce-0a1b2c3d4e5f60718'],
      dataAccessPrincipals: [roleArn('BedrockKbRole')],
      dataAccessAllPermissions: false,
      dataAccessWildcardPrincipal: false,
      sensitiveData: true,
    });
    expect(edgesFrom(hardened)).toEqual(['encrypted-by -> alias/ml-cmk']);
    // kmsKeyArn "auto" is an AWS owned key; the network policy names it by the pattern collection/hr-*.
    expect(asset('aws.opensearch-serverless.collection', 'hr-kb').props).toMatchObject({
      kmsKeyArn: null,
      customerManagedKey: false,
      internetExposed: true,
      dataAccessPrincipals: [roleArn('BedrockKbRole'), roleArn('HrAnalyticsRole')],
      dataAccessAllPermissions: true,
    });
    expect(edgesFrom(asset('aws.bedrock.knowledge-base', 'hr-policies-kb'))).toContain('reads-data -> hr-kb');
  });

  it('reads the AI buckets\' event notifications and what Macie knows of them', () => {
    const bucket = (name: string) => asset('aws.s3.bucket', name).props;
    // An empty notification configuration is an answer: nobody is notified.
    expect(bucket('acme-hr-policies')).toMatchObject({ eventNotifications: false, notificationTargets: [], macieEnabled: true, macieMonitored: false, sensitivityScore: 50, macieSensitivity: 'not-classified', sensitiveData: true });
    expect(bucket('acme-support-articles')).toMatchObject({ eventNotifications: true, notificationTargets: ['eventbridge'], macieMonitored: true, sensitivityScore: 12, macieSensitivity: 'not-sensitive' });
    // Macie analysed it and found nothing sensitive: its verdict replaces the assumption.
    expect(bucket('acme-support-articles').sensitiveData).toBe(false);
    expect(bucket('acme-ml-training-data')).toMatchObject({ notificationTargets: [`arn:aws:sns:us-east-1:${ACCOUNT}:ml-data-changes`], macieMonitored: true, macieSensitivity: 'sensitive', sensitiveData: true });
    // A periodic classification job covers a bucket that discovery leaves out.
    expect(bucket('acme-public-uploads')).toMatchObject({ macieMonitored: true, macieSensitivity: 'not-classified' });
    // "Macie is not enabled" (403) in eu-west-1 is an answer: off, not a denied call.
    expect(bucket('acme-feature-store')).toMatchObject({ macieEnabled: false, macieMonitored: false, sensitiveData: true });
    expect(bucket('acme-feature-store').sensitivityScore).toBeUndefined();
  });

  // Values this SDK does not know are served by the fault proxy (test/faults/aws.test.ts): the fake answers only what AWS's model has.
  it('reads a missing optional field as unknown and carries on', () => {
    const odd = asset('aws.sagemaker.notebook-instance', 'odd-nb');
    expect(odd.props.status).toBe('Pending');
    for (const unknown of ['directInternetAccess', 'internetEgress', 'rootAccess', 'outdated']) expect(odd.props).not.toHaveProperty(unknown);
    expect(odd.props).toMatchObject({ platformIdentifier: null, kmsKeyId: null });
    expect(asset('aws.bedrock.guardrail', 'future-guardrail').props).toMatchObject({ contentFilterTypes: ['PROMPT_ATTACK'], promptAttackStrength: 'MEDIUM', contentFilterTier: null });
    // An agent always has a session TTL (the model requires it); it may have no model.
    const draft = asset('aws.bedrock.agent', 'draft-agent');
    expect(draft.props).toMatchObject({ status: 'NOT_PREPARED', modelId: null, idleSessionTtlSeconds: 600 });
    expect(draft.props).not.toHaveProperty('outdated');
  });

  it('puts environments, scripts and prompts into raw, where redaction finds and removes the secrets', () => {
    const redacted = redactInventory(inventory);
    const secretsOf = (type: string, name: string) => redacted.assets.find((candidate) => candidate.type === type && candidate.name === name)!.props.secrets;
    expect(secretsOf('aws.sagemaker.model', 'churn-predictor')).toEqual([
      { location: 'raw.PrimaryContainer.Environment.FEATURE_STORE_ACCESS_KEY_ID', kind: 'aws-access-key-id' },
      { location: 'raw.PrimaryContainer.Environment.FEATURE_STORE_SECRET_ACCESS_KEY', kind: 'generic-credential' },
    ]);
    expect(secretsOf('aws.sagemaker.notebook-lifecycle-config', 'research-setup')).toEqual([{ location: 'raw.OnStart[0]', kind: 'huggingface-token' }]);
    expect(secretsOf('aws.bedrock.agent', 'ops-agent')).toEqual([{ location: 'raw.instruction', kind: 'openai-api-key' }]);
    expect(secretsOf('aws.lambda.function', 'ops-runbook-executor')).toEqual([{ location: 'raw.Environment.Variables.SLACK_BOT_TOKEN', kind: 'slack-token' }]);
    expect(secretsOf('aws.lambda.function', 'ticket-summarizer')).toEqual([{ location: 'raw.Environment.Variables.OPENAI_API_KEY', kind: 'openai-api-key' }]);
    expect(secretsOf('aws.ecs.task-definition', 'chat-backend')).toEqual([{ location: 'raw.containerDefinitions[0].environment[1].value', kind: 'huggingface-token' }]);
    expect(secretsOf('aws.ecs.task-definition', 'rag-api')).toEqual([]);
    expect(secretsOf('aws.sagemaker.model', 'fraud-detector')).toEqual([]);
    expect(secretsOf('aws.bedrock.prompt', 'escalate-ticket')).toEqual([{ location: 'raw.variants[0].templateConfiguration.text.text', kind: 'github-token' }]);
    expect(secretsOf('aws.bedrock.prompt', 'classify-ticket')).toEqual([]);
    const text = JSON.stringify(redacted);
    for (const secret of Object.values(PLANTED_SECRETS)) expect(text).not.toContain(secret);
  });

  it('keeps no more calls in flight than the concurrency allows, and reads the same', async () => {
    fake.faults.latencyMs = 2;
    const narrow = await collect({ concurrency: 3 });
    // Calls do overlap (the limit is reached), and never beyond it.
    expect(fake.maxInFlight).toBe(3);
    expect(canonical(narrow)).toBe(canonical(inventory));
  });

  it('gives the same inventory when AWS throttles bursts of calls in every protocol', async () => {
    const bursts = ['sagemaker:ListNotebookInstances', 'sagemaker:DescribeModel', 'bedrock:GetGuardrail', 'bedrock:ListAgents', 'iam:GetRole', 'ec2:DescribeVpcEndpoints', 's3:GetBucketPolicy', 'kms:DescribeKey'];
    fake.faults.throttle = new Map(bursts.map((action) => [action, 3]));
    const throttled = await collect();
    expect(canonical(throttled)).toBe(canonical(inventory));
    for (const action of bursts) {
      expect(fake.calls.filter((call) => call === action).length, action).toBe(baselineCalls.filter((call) => call === action).length + 3);
    }
  });

  it('ends a request that is never answered with the per-request timeout, records the gap and reads the rest', async () => {
    fake.faults.hang.add('kms:GetKeyRotationStatus');
    const hung = await collectAws(collectorContext({ timeoutMs: 250 }), { retryStrategy: fastRetry(2) });
    const kms = hung.coverage.find((entry) => entry.region === 'us-east-1' && entry.service === 'kms')!;
    expect(kms.status).toBe('error');
    expect(kms.message).toMatch(/^GetKeyRotationStatus: TimeoutError: /);
    expect(hung.assets.find((candidate) => candidate.id === KEYS.mlCmk)!.props).toEqual({ keyManager: 'CUSTOMER', keyState: 'Enabled' });
    expect(hung.assets).toHaveLength(inventory.assets.length);
  });

  it('honours AWS_ENDPOINT_URL_<SERVICE> for every service it calls', async () => {
    const services = ['STS', 'EC2', 'SAGEMAKER', 'BEDROCK', 'BEDROCK_AGENT', 'BEDROCK_AGENTCORE_CONTROL', 'GUARDDUTY', 'IAM', 'S3', 'S3_CONTROL', 'KMS', 'LAMBDA', 'CLOUDWATCH_LOGS', 'CLOUDWATCH', 'ECS', 'ECR', 'CLOUDTRAIL', 'OPENSEARCHSERVERLESS', 'MACIE2', 'ORGANIZATIONS', 'API_GATEWAY', 'APIGATEWAYV2', 'WAFV2', 'SHIELD', 'INSPECTOR2', 'XRAY', 'COST_EXPLORER', 'BUDGETS'];
    // Anything not overridden per service would go to a closed local port, never to AWS.
    const restore = replaceAwsEnvironment({
      ...fakeAwsEnvironment(fake, home),
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      ...Object.fromEntries(services.map((service) => [`AWS_ENDPOINT_URL_${service}`, fake.url])),
    });
    try {
      expect(canonical(await collect())).toBe(canonical(inventory));
    } finally {
      restore();
    }
  });

  it('narrows to the requested regions, and skips one that is not enabled', async () => {
    const narrowed = await collect({ scope: { regions: ['eu-west-1', 'mars-north-1'] } });
    expect(narrowed.coverage).toContainEqual({ provider: 'aws', account: ACCOUNT, region: 'mars-north-1', service: 'all', status: 'skipped', message: 'the region is not enabled for this account, or does not exist' });
    const regions = new Set(narrowed.assets.filter((candidate) => candidate.region !== 'global').map((candidate) => candidate.region));
    expect(regions).toEqual(new Set(['eu-west-1']));
    const aiServices = narrowed.coverage.filter((entry) => ['sagemaker', 'bedrock', 'bedrock-agent'].includes(entry.service));
    expect(new Set(aiServices.map((entry) => entry.region))).toEqual(new Set(['eu-west-1']));
  });

  it('stops with NoCredentialsError when no credentials are found, without calling the network', async () => {
    const restore = replaceAwsEnvironment({ ...fakeAwsEnvironment(fake, home), AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' });
    try {
      await expect(collect()).rejects.toBeInstanceOf(NoCredentialsError);
      await expect(collectAws(collectorContext({ scope: { awsProfiles: ['no-such-profile'] } }))).rejects.toThrow(/no usable AWS credentials for profile "no-such-profile"/);
    } finally {
      restore();
    }
    expect(fake.calls).toEqual([]);
  });
});

describe('docs/permissions/aws-policy.json, the least-privilege policy', () => {
  const policy = JSON.parse(readFileSync(join(ROOT, 'docs', 'permissions', 'aws-policy.json'), 'utf8')) as {
    Version: string;
    Statement: Array<{ Effect: string; Action: string[]; Resource: string | string[] }>;
  };
  const actions = policy.Statement.flatMap((statement) => statement.Action);

  it('allows only read actions (List, Get, BatchGet, Describe), each named once, without wildcards', () => {
    expect(policy.Version).toBe('2012-10-17');
    // API Gateway's IAM actions are the HTTP verbs of its management API: apigateway:GET is its only read
    // action, and it is scoped to the API, stage and usage plan paths, so that API key values (/apikeys) stay out of reach.
    for (const statement of policy.Statement.filter((candidate) => !candidate.Action.includes('apigateway:GET'))) expect(statement).toMatchObject({ Effect: 'Allow', Resource: '*' });
    expect(policy.Statement.find((candidate) => candidate.Action.includes('apigateway:GET'))).toEqual({
      Sid: 'AispmApiGatewayInFrontOfAi',
      Effect: 'Allow',
      Action: ['apigateway:GET'],
      Resource: ['arn:aws:apigateway:*::/restapis', 'arn:aws:apigateway:*::/restapis/*', 'arn:aws:apigateway:*::/usageplans', 'arn:aws:apigateway:*::/apis', 'arn:aws:apigateway:*::/apis/*'],
    });
    // Budgets names its one read action otherwise: ViewBudget authorizes DescribeBudgets (access level Read in the Service Authorization Reference).
    const readOnlyNamedOtherwise = ['apigateway:GET', 'budgets:ViewBudget'];
    for (const action of actions.filter((name) => !readOnlyNamedOtherwise.includes(name))) expect(action).toMatch(/^[a-z0-9-]+:(List|Get|BatchGet|Describe)[A-Za-z][A-Za-z0-9]*$/);
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('allows every operation the collector called, and nothing it does not call', () => {
    const called = [...new Set(baselineCalls)].sort();
    expect(called.filter((action) => !actions.includes(action)), 'called but not in the policy').toEqual([]);
    expect(actions.filter((action) => !called.includes(action)), 'in the policy but never called').toEqual([]);
  });
});

describe('finding AWS credentials without the network', () => {
  const none = { AWS_CONFIG_FILE: join(home, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'none') };

  it('sees credential variables, a requested profile, or a default profile on disk', () => {
    expect(hasAwsCredentials({}, none)).toBe(false);
    expect(hasAwsCredentials({}, { ...none, AWS_ACCESS_KEY_ID: 'AKID' })).toBe(true);
    expect(hasAwsCredentials({}, { ...none, AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/token' })).toBe(true);
    expect(hasAwsCredentials({ awsProfiles: ['prod'] }, none)).toBe(true);
    const config = join(home, 'config');
    writeFileSync(config, '[profile dev]\nregion = eu-west-1\n');
    expect(hasAwsCredentials({}, { ...none, AWS_CONFIG_FILE: config })).toBe(false);
    writeFileSync(config, '[profile dev]\nregion = eu-west-1\n\n[default]\nsso_session = corp\n');
    expect(hasAwsCredentials({}, { ...none, AWS_CONFIG_FILE: config })).toBe(true);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAws } from '../../src/collect/aws/collect.js';
import type { Inventory } from '../../src/graph/model.js';
import { collectorContext, fastRetry, replaceAwsEnvironment } from '../collect/aws/helpers.js';
import { ACCOUNT, KEYS, roleArn } from '../fakes/aws/estate.js';
import { toXml } from '../fakes/aws/protocols.js';
import { FakeAws, fakeAwsEnvironment } from '../fakes/aws/server.js';
import { awsDialect } from '../fakes/fault-dialects.js';
import { FaultProxy } from '../fakes/fault-proxy.js';
import { coverageOf, diffInventories, HANG_TIMEOUT_MS, NO_DIFFERENCE, outcomes, transientFaultTests } from './harness.js';

/**
 * The AWS collector in this process, its real SDK clients going through the fault proxy to the fake
 * AWS: every protocol (awsJson, restJson, query, ec2Query, restXml) meets each fault.
 */

const fake = new FakeAws();
let proxy: FaultProxy;
let restoreEnvironment: () => void;
let faultFree: Inventory;

const scan = (timeoutMs = 10_000, maxAttempts = 8) => collectAws(collectorContext({ timeoutMs }), { retryStrategy: fastRetry(maxAttempts) });

beforeAll(async () => {
  await fake.start();
  proxy = await FaultProxy.start({ target: fake.url, dialect: awsDialect });
  restoreEnvironment = replaceAwsEnvironment({ ...fakeAwsEnvironment(fake, mkdtempSync(join(tmpdir(), 'aispm-faults-aws-'))), AWS_ENDPOINT_URL: proxy.url });
  faultFree = await scan();
});

afterAll(async () => {
  restoreEnvironment();
  await proxy.close();
  await fake.stop();
});

describe('the AWS collector through transient faults', () => {
  transientFaultTests(() => ({ proxy, faultFree, scan: (timeoutMs) => scan(timeoutMs) }), {
    hangOnce: /^(sagemaker:ListNotebookInstances|bedrock:GET \/guardrails\/|iam:GetRole|ec2:DescribeVpcEndpoints|s3:GET \/[^/?]+\?policy|kms:DescribeKey)/,
    atLeast: 20,
  });
});

describe('the AWS collector when answers stay broken', () => {
  it('records a truncated body, an HTML page for XML and a call that always hangs as coverage, and reads everything else', async () => {
    proxy.reset({
      truncated: { match: /^sagemaker:DescribeNotebookInstance$/ },
      malformed: { match: /^iam:GetRole$/ },
      hang: { match: /^kms:GetKeyRotationStatus$/ },
    });
    const inventory = await scan(HANG_TIMEOUT_MS, 2);
    expect(outcomes(proxy)).toMatchObject({ truncated: 3, malformed: expect.any(Number), hang: expect.any(Number) });

    const diff = diffInventories(faultFree, inventory);
    const scopeStatus = (line: string) => line.slice(0, line.indexOf(':'));
    expect(diff.coverageBefore.map(scopeStatus)).toEqual([`${ACCOUNT} eu-west-1 kms ok`, `${ACCOUNT} global iam ok`, `${ACCOUNT} us-east-1 kms ok`, `${ACCOUNT} us-east-1 sagemaker ok`]);
    expect(coverageOf(inventory, ACCOUNT, 'us-east-1', 'sagemaker')?.message).toMatch(/^DescribeNotebookInstance: SyntaxError: /);
    expect(coverageOf(inventory, ACCOUNT, 'global', 'iam')?.message).toMatch(/^GetRole: UnexpectedAnswer: the answer is an HTML page/);
    expect(coverageOf(inventory, ACCOUNT, 'us-east-1', 'kms')?.message).toMatch(/^GetKeyRotationStatus: TimeoutError: /);
    expect(diff.coverageAfter.map(scopeStatus)).toEqual(diff.coverageBefore.map(scopeStatus).map((scope) => scope.replace(/ ok$/, ' error')));

    // The notebooks were listed, so they are there, with what only their description tells unknown
    // (that no notebook takes inbound connections holds for every notebook, described or not);
    // only what the descriptions alone named (a lifecycle configuration, a role) is missing.
    const typeOf = (id: string) => faultFree.assets.find((asset) => asset.id === id)!.type;
    expect(new Set(diff.missing.map(typeOf))).toEqual(new Set(['aws.sagemaker.notebook-lifecycle-config', 'aws.iam.role']));
    for (const notebook of faultFree.assets.filter((asset) => asset.type === 'aws.sagemaker.notebook-instance')) {
      expect(inventory.assets.find((asset) => asset.id === notebook.id)?.props, notebook.name).toEqual({ internetExposed: false });
    }
    // Roles without their own record keep what their policies say; keys without rotation status keep the rest.
    expect(new Set(diff.changed.map(typeOf))).toEqual(new Set(['aws.sagemaker.notebook-instance', 'aws.iam.role', 'aws.kms.key']));
    expect(inventory.assets.find((asset) => asset.id === KEYS.mlCmk)?.props).toEqual({ keyManager: 'CUSTOMER', keyState: 'Enabled' });
    expect([...diff.added, ...diff.edgesAdded]).toEqual([]);
  });
});

describe('the AWS collector and odd data', () => {
  it('reads values this SDK does not know (an API newer than the SDK) as unknown, and the rest as before', async () => {
    // The fake answers only what AWS's model has; a newer API's values are put in by the proxy.
    const newer: Array<[RegExp, string, string]> = [
      [/^sagemaker:DescribeNotebookInstance$/, '"NotebookInstanceStatus":"Pending"', '"NotebookInstanceStatus":"Hibernating","DirectInternetAccess":"PartiallyEnabled"'],
      [/^bedrock:GET \/guardrails\/gr-future01/, '"filters":[', '"filters":[{"type":"DEEPFAKE_VOICE","inputStrength":"HIGH","outputStrength":"HIGH"},'],
      [/^bedrock:(POST \/agents\/|GET \/agents\/DRAFTAGNT\/)$/, '"agentStatus":"NOT_PREPARED"', '"agentStatus":"HIBERNATING"'],
      [/^bedrock:GET \/flows\/FLOWSUP01\//, '"nodes":[', '"nodes":[{"name":"Translate","type":"Translator","configuration":{"translator":{"targetLanguage":"fr"}}},'],
    ];
    proxy.reset({
      rewrite: {
        match: (label) => newer.some(([operation]) => operation.test(label.operation)),
        body: (body) => newer.reduce((rewritten, [, from, to]) => rewritten.replace(from, to), body),
      },
    });
    const inventory = await scan();
    const found = (type: string, name: string) => inventory.assets.find((asset) => asset.type === type && asset.name === name)!;
    const odd = found('aws.sagemaker.notebook-instance', 'odd-nb');
    expect(odd.props.status).toBe('Hibernating');
    for (const unknown of ['directInternetAccess', 'internetEgress', 'rootAccess', 'outdated']) expect(odd.props).not.toHaveProperty(unknown);
    expect(found('aws.bedrock.guardrail', 'future-guardrail').props).toMatchObject({ contentFilterTypes: ['DEEPFAKE_VOICE', 'PROMPT_ATTACK'], promptAttackStrength: 'MEDIUM' });
    expect(found('aws.bedrock.agent', 'draft-agent').props.status).toBe('HIBERNATING');
    // The flow's node of an unknown kind is kept in raw.
    expect(JSON.stringify(found('aws.bedrock.flow', 'support-flow').raw)).toContain('Translate');
    const diff = diffInventories(faultFree, inventory);
    expect(new Set(diff.changed.map((id) => inventory.assets.find((asset) => asset.id === id)!.name))).toEqual(new Set(['odd-nb', 'future-guardrail', 'draft-agent', 'support-flow']));
    expect({ ...diff, changed: [] }).toEqual(NO_DIFFERENCE);
  });

  it('reads a page of 3000 VPC endpoints in one answer', async () => {
    const endpoints = Array.from({ length: 3000 }, (_, index) => ({
      vpcEndpointId: `vpce-bulk${index}`,
      vpcEndpointType: 'Interface',
      vpcId: `vpc-bulk${index}`,
      serviceName: 'com.amazonaws.eu-west-1.bedrock-runtime',
      state: 'available',
    }));
    proxy.reset({
      rewrite: {
        match: (label) => label.operation === 'ec2:DescribeVpcEndpoints' && label.scope === 'eu-west-1',
        body: (body) => body.replace('<vpcEndpointSet>', `<vpcEndpointSet>${toXml(endpoints, 'item')}`),
      },
    });
    const inventory = await scan();
    expect(outcomes(proxy).rewritten).toBe(1);
    const diff = diffInventories(faultFree, inventory);
    expect(diff.added).toHaveLength(3000);
    const vpcs = inventory.assets.filter((asset) => diff.added.includes(asset.id));
    // Each VPC carries its endpoint and, like every VPC, whether its region uses Bedrock and how many Bedrock resources it has.
    const logging = faultFree.assets.find((asset) => asset.type === 'aws.bedrock.model-invocation-logging' && asset.region === 'eu-west-1')!;
    const props = JSON.stringify({ bedrockEndpoints: ['bedrock-runtime'], agentCoreEndpoints: [], bedrockResourcesInRegion: logging.props.bedrockResourcesInRegion, bedrockUsed: logging.props.bedrockUsed });
    expect(vpcs.every((vpc) => vpc.type === 'aws.ec2.vpc' && vpc.region === 'eu-west-1' && JSON.stringify(vpc.props) === props)).toBe(true);
    expect({ ...diff, added: [] }).toEqual(NO_DIFFERENCE);
  });
});

describe('the AWS collector when managed policy documents cannot be read', () => {
  it('still knows what the well-known AWS managed policies grant, by their ARN', async () => {
    proxy.reset({
      answer: {
        match: (label) => label.operation === 'iam:GetPolicy' || label.operation === 'iam:GetPolicyVersion',
        reply: (request) => awsDialect.denied(request, 'User is not authorized to perform: iam:GetPolicy'),
      },
    });
    const inventory = await scan();
    const props = (id: string) => inventory.assets.find((asset) => asset.id === id)?.props;
    // AdministratorAccess: admin, with no call made for it.
    expect(props(roleArn('MLAdminRole'))).toMatchObject({ admin: true, wildcardActions: true });
    expect(props(roleArn('BedrockOpsAgentRole'))).toMatchObject({ admin: true });
    // AmazonBedrockFullAccess and AmazonSageMakerFullAccess: service-wide, not admin, even unread.
    expect(props(roleArn('BedrockFlowRole'))).toMatchObject({ admin: false, wildcardActions: true });
    expect(props(roleArn('SageMakerResearchRole'))).toMatchObject({ admin: false, wildcardActions: true });
    // A managed policy aispm does not know stays unknown while its document is unread.
    expect(props(`arn:aws:iam::${ACCOUNT}:user/analyst`)).not.toHaveProperty('admin');
    expect(proxy.records.filter((record) => record.operation === 'iam:GetPolicy').map((record) => decodeURIComponent(record.request.body)).join(' ')).not.toContain('AdministratorAccess');
  });

  it('reads an account outside any organization as such, without a gap and without asking for its Bedrock policy', async () => {
    // AWSOrganizationsNotInUseException is the answer DescribeOrganization gives an account in no organization (client-organizations API reference).
    proxy.reset({
      answer: {
        match: (label) => label.operation === 'organizations:DescribeOrganization',
        reply: () => ({
          status: 400,
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'AWSOrganizationsNotInUseException' },
          body: JSON.stringify({ __type: 'AWSOrganizationsNotInUseException', message: 'Your account is not a member of an organization.' }),
        }),
      },
    });
    const inventory = await scan();
    const membership = inventory.assets.find((asset) => asset.type === 'aws.organizations.account')!;
    expect(membership).toMatchObject({ id: `arn:aws:organizations::${ACCOUNT}:account/standalone/${ACCOUNT}` });
    expect(membership.props).toEqual({ inOrganization: false, organizationId: null, featureSet: null, bedrockPolicyInEffect: null, enforcedGuardrails: null, modelRestrictingScps: null, bedrockUsed: true });
    expect(inventory.coverage.filter((entry) => entry.service === 'organizations')).toEqual([expect.objectContaining({ status: 'ok' })]);
    expect(proxy.records.some((record) => record.operation === 'organizations:DescribeEffectivePolicy')).toBe(false);
  });
});

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DescribeNotebookInstanceCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAws } from '../../../src/collect/aws/collect.js';
import { collectorContext, fastRetry, replaceAwsEnvironment } from '../../collect/aws/helpers.js';
import { ROOT } from '../../helpers.js';
import { SAGEMAKER } from './estate.js';
import { checkAnswer } from './model-check.js';
import { CLIENT_OF_SERVICE, enumDeclarations } from './model.js';
import { ec2Reply, jsonReply, queryReply, toXml, xmlReply, type Protocol, type Reply } from './protocols.js';
import { FakeAws, fakeAwsEnvironment } from './server.js';

/** The checker that holds the fake AWS to AWS's model, one protocol family at a time, and the fake held to it. */

const check = (client: string, operation: string, protocol: Protocol, reply: Reply) => checkAnswer({ client, operation, protocol, reply });

describe('the model check, awsJson1_1 (SageMaker)', () => {
  const notebook = (fields: Record<string, unknown>) =>
    check('sagemaker', 'DescribeNotebookInstance', 'json', jsonReply({ NotebookInstanceName: 'nb', NotebookInstanceStatus: 'InService', CreationTime: 1_700_000_000.5, ...fields }));

  it('accepts an answer true to the model', () => {
    expect(notebook({ DirectInternetAccess: 'Disabled', InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' }, AcceleratorTypes: ['ml.eia1.medium'] })).toEqual([]);
  });

  it('rejects an invented member, at any depth', () => {
    expect(notebook({ PublicUrl: 'https://nb', InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2', HopLimit: 2 } })).toEqual([
      'sagemaker DescribeNotebookInstance: $.PublicUrl: DescribeNotebookInstanceOutput has no member PublicUrl',
      'sagemaker DescribeNotebookInstance: $.InstanceMetadataServiceConfiguration.HopLimit: InstanceMetadataServiceConfiguration has no member HopLimit',
    ]);
  });

  it('rejects a value outside the enum, in a member or a list of them', () => {
    expect(notebook({ DirectInternetAccess: 'PartiallyEnabled', AcceleratorTypes: ['ml.eia1.medium', 'ml.quantum'] })).toEqual([
      'sagemaker DescribeNotebookInstance: $.DirectInternetAccess: "PartiallyEnabled" is not one of the enum\'s values (Disabled, Enabled)',
      'sagemaker DescribeNotebookInstance: $.AcceleratorTypes[1]: "ml.quantum" is not one of the enum\'s values (ml.eia1.large, ml.eia1.medium, ml.eia1.xlarge, ml.eia2.large, ml.eia2.medium, ml.eia2.xlarge)',
    ]);
  });

  it('rejects a value of the wrong type, a timestamp in the wrong format and null', () => {
    expect(notebook({ VolumeSizeInGB: '5', RootAccess: true, AcceleratorTypes: 'ml.eia1.medium', CreationTime: '2024-01-02T03:04:05Z', KmsKeyId: null })).toEqual([
      'sagemaker DescribeNotebookInstance: $.CreationTime: expected a timestamp as epoch-seconds, got string "2024-01-02T03:04:05Z"',
      'sagemaker DescribeNotebookInstance: $.VolumeSizeInGB: expected a number, got string "5"',
      'sagemaker DescribeNotebookInstance: $.RootAccess: expected a string, got boolean true',
      'sagemaker DescribeNotebookInstance: $.AcceleratorTypes: expected a list, got string "ml.eia1.medium"',
      'sagemaker DescribeNotebookInstance: $.KmsKeyId: AWS leaves an absent member out; it never sends null',
    ]);
  });

  it('names an operation the client does not have', () => {
    expect(check('sagemaker', 'DescribeNotebook', 'json', jsonReply({}))).toEqual([expect.stringMatching(/^sagemaker DescribeNotebook: @aws-sdk\/client-sagemaker@[\d.]+ has no operation DescribeNotebook$/)]);
  });
});

describe('the model check, restJson1 (Bedrock, Bedrock Agents)', () => {
  const guardrail = {
    name: 'g',
    guardrailId: 'gr1',
    guardrailArn: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/gr1',
    version: 'DRAFT',
    status: 'READY',
    createdAt: '2024-01-02T03:04:05.000Z',
    updatedAt: '2024-01-02T03:04:05.000Z',
    blockedInputMessaging: 'Blocked.',
    blockedOutputsMessaging: 'Blocked.',
  };
  const get = (fields: Record<string, unknown>) => check('bedrock', 'GetGuardrail', 'rest-json', jsonReply({ ...guardrail, ...fields }, 200, 'application/json'));
  const filter = (fields: Record<string, unknown>) => ({ contentPolicy: { filters: [{ type: 'HATE', inputStrength: 'HIGH', outputStrength: 'HIGH', ...fields }] } });

  it('accepts an answer true to the model', () => {
    expect(get({ ...filter({ inputAction: 'BLOCK', inputModalities: ['TEXT', 'IMAGE'] }), contextualGroundingPolicy: { filters: [{ type: 'GROUNDING', threshold: 0.8 }] } })).toEqual([]);
  });

  it('rejects an invented member', () => {
    expect(get(filter({ severity: 'high' }))).toEqual(['bedrock GetGuardrail: $.contentPolicy.filters[0].severity: GuardrailContentFilter has no member severity']);
  });

  it('rejects a value outside the enum', () => {
    expect(get(filter({ type: 'DEEPFAKE_VOICE', inputModalities: ['VIDEO'] }))).toEqual([
      'bedrock GetGuardrail: $.contentPolicy.filters[0].type: "DEEPFAKE_VOICE" is not one of the enum\'s values (HATE, INSULTS, MISCONDUCT, PROMPT_ATTACK, SEXUAL, VIOLENCE)',
      'bedrock GetGuardrail: $.contentPolicy.filters[0].inputModalities[0]: "VIDEO" is not one of the enum\'s values (IMAGE, TEXT)',
    ]);
  });

  it('rejects a value of the wrong type, a timestamp the shape does not format so, and a missing required member', () => {
    const { blockedOutputsMessaging: _left, ...withoutOne } = guardrail;
    const answer = { ...withoutOne, createdAt: 1_704_164_645, contextualGroundingPolicy: { filters: [{ type: 'GROUNDING', threshold: '0.8' }] } };
    expect(check('bedrock', 'GetGuardrail', 'rest-json', jsonReply(answer, 200, 'application/json'))).toEqual([
      'bedrock GetGuardrail: $.createdAt: expected a timestamp as date-time, got number 1704164645',
      'bedrock GetGuardrail: $.contextualGroundingPolicy.filters[0].threshold: expected a number, got string "0.8"',
      'bedrock GetGuardrail: $: GetGuardrailResponse lacks its required member blockedOutputsMessaging',
    ]);
  });

  it('holds a union to exactly one of its members', () => {
    const flow = (configuration: unknown) =>
      check(
        'bedrock-agent',
        'GetFlow',
        'rest-json',
        jsonReply({
          name: 'f',
          executionRoleArn: 'arn:aws:iam::111122223333:role/r',
          id: 'F1',
          arn: 'arn:aws:bedrock:us-east-1:111122223333:flow/F1',
          status: 'Prepared',
          createdAt: '2024-01-02T03:04:05.000Z',
          updatedAt: '2024-01-02T03:04:05.000Z',
          version: 'DRAFT',
          definition: { nodes: [{ name: 'Start', type: 'Input', configuration }] },
        }),
      );
    expect(flow({ input: {} })).toEqual([]);
    expect(flow({ input: {}, output: {} })).toEqual(['bedrock-agent GetFlow: $.definition.nodes[0].configuration: the union FlowNodeConfiguration must have exactly one member, has 2']);
    expect(flow({ translator: {} })).toEqual(['bedrock-agent GetFlow: $.definition.nodes[0].configuration.translator: FlowNodeConfiguration has no member translator']);
  });
});

describe('the model check, query (IAM)', () => {
  const role = {
    Path: '/',
    RoleName: 'r',
    RoleId: 'AROAEXAMPLE',
    Arn: 'arn:aws:iam::111122223333:role/r',
    CreateDate: new Date('2024-01-02T03:04:05Z'),
    MaxSessionDuration: 3600,
    PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/b' },
    Tags: [{ Key: 'team', Value: 'ml' }],
  };
  const getRole = (fields: Record<string, unknown>) => check('iam', 'GetRole', 'query', queryReply('GetRole', { Role: { ...role, ...fields } }));

  it('accepts an answer true to the model', () => {
    expect(getRole({})).toEqual([]);
  });

  it('rejects an invented member', () => {
    expect(getRole({ Color: 'blue' })).toEqual(['iam GetRole: /GetRoleResponse/GetRoleResult/Role/Color: Role has no member <Color>']);
  });

  it('rejects a value outside the enum', () => {
    expect(getRole({ PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/b' } })).toEqual([
      'iam GetRole: /GetRoleResponse/GetRoleResult/Role/PermissionsBoundary/PermissionsBoundaryType: "Policy" is not one of the enum\'s values (PermissionsBoundaryPolicy)',
    ]);
  });

  it('rejects a value of the wrong type, and a structure given as text', () => {
    expect(getRole({ MaxSessionDuration: 'an hour', CreateDate: 'yesterday', RoleLastUsed: 'never' })).toEqual([
      'iam GetRole: /GetRoleResponse/GetRoleResult/Role/CreateDate: expected a timestamp as date-time, got string "yesterday"',
      'iam GetRole: /GetRoleResponse/GetRoleResult/Role/MaxSessionDuration: expected a number, got string "an hour"',
      'iam GetRole: /GetRoleResponse/GetRoleResult/Role/RoleLastUsed: a RoleLastUsed structure holds elements, not text "never"',
    ]);
  });

  it('wants lists wrapped in member elements, and the answer in <OpResponse><OpResult>', () => {
    const inItems = queryReply('GetRole', { Role: { ...role, Tags: undefined } }).body.replace('</RoleName>', `</RoleName><Tags>${toXml([{ Key: 'team', Value: 'ml' }], 'item')}</Tags>`);
    expect(check('iam', 'GetRole', 'query', xmlReply(inItems.replace(/^<\?xml[^>]*>\n/, '')))).toEqual(['iam GetRole: /GetRoleResponse/GetRoleResult/Role/Tags: a list or map wraps its items in <member>, not <item>']);
    expect(check('iam', 'GetRole', 'query', xmlReply(`<GetRoleResult>${toXml({ Role: role }, 'member')}</GetRoleResult>`))).toEqual(['iam GetRole: /: the root element is <GetRoleResult>, not <GetRoleResponse>']);
  });
});

describe('the model check, ec2Query (EC2)', () => {
  const endpoint = { vpcEndpointId: 'vpce-1', vpcEndpointType: 'Interface', vpcId: 'vpc-1', serviceName: 'com.amazonaws.us-east-1.bedrock-runtime', state: 'available', privateDnsEnabled: true };
  const describeEndpoints = (fields: Record<string, unknown>, listItem = 'item') =>
    check('ec2', 'DescribeVpcEndpoints', 'ec2', xmlReply(`<DescribeVpcEndpointsResponse><requestId>r</requestId><vpcEndpointSet>${toXml([{ ...endpoint, ...fields }], listItem)}</vpcEndpointSet></DescribeVpcEndpointsResponse>`));

  it('accepts an answer true to the model, and the lowercase states the real API sends (a known erratum of the model)', () => {
    expect(check('ec2', 'DescribeVpcEndpoints', 'ec2', ec2Reply('DescribeVpcEndpoints', { vpcEndpointSet: [endpoint], nextToken: 'n' }))).toEqual([]);
    expect(describeEndpoints({ state: 'pendingAcceptance' })).toEqual([]);
    expect(describeEndpoints({ state: 'Available' })).toEqual([]);
  });

  it('rejects an invented member, and a member under its SDK name instead of its wire name', () => {
    expect(describeEndpoints({ color: 'blue', VpcId: 'vpc-1' })).toEqual([
      'ec2 DescribeVpcEndpoints: /DescribeVpcEndpointsResponse/vpcEndpointSet/item[1]/color: VpcEndpoint has no member <color>',
      'ec2 DescribeVpcEndpoints: /DescribeVpcEndpointsResponse/vpcEndpointSet/item[1]/VpcId: VpcEndpoint has no member <VpcId>',
    ]);
  });

  it('rejects a value outside the enum', () => {
    expect(describeEndpoints({ state: 'AVAILABLE', vpcEndpointType: 'Wormhole' })).toEqual([
      'ec2 DescribeVpcEndpoints: /DescribeVpcEndpointsResponse/vpcEndpointSet/item[1]/vpcEndpointType: "Wormhole" is not one of the enum\'s values (Gateway, GatewayLoadBalancer, Interface, Resource, ServiceNetwork, Tunnel)',
      'ec2 DescribeVpcEndpoints: /DescribeVpcEndpointsResponse/vpcEndpointSet/item[1]/state: "AVAILABLE" is not one of the enum\'s values (Available, Deleted, Deleting, Expired, Failed, Partial, Pending, PendingAcceptance, Rejected, available, deleted, deleting, expired, failed, partial, pending, pendingAcceptance, rejected)',
    ]);
  });

  it('rejects a value of the wrong type, and lists not wrapped in item elements', () => {
    expect(describeEndpoints({ privateDnsEnabled: 'yes', creationTimestamp: 1_704_164_645 })).toEqual([
      'ec2 DescribeVpcEndpoints: /DescribeVpcEndpointsResponse/vpcEndpointSet/item[1]/privateDnsEnabled: expected a boolean, got string "yes"',
      'ec2 DescribeVpcEndpoints: /DescribeVpcEndpointsResponse/vpcEndpointSet/item[1]/creationTimestamp: expected a timestamp as date-time, got string "1704164645"',
    ]);
    expect(describeEndpoints({}, 'member')).toEqual(['ec2 DescribeVpcEndpoints: /DescribeVpcEndpointsResponse/vpcEndpointSet: a list or map wraps its items in <item>, not <member>']);
  });
});

describe('the model check, restXml (S3)', () => {
  const acl = (grant: string, owner = '<ID>o</ID>') =>
    check('s3', 'GetBucketAcl', 'rest-xml', xmlReply(`<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner>${owner}</Owner><AccessControlList>${grant}</AccessControlList></AccessControlPolicy>`));
  const grant = (permission = 'READ', attributes = '') =>
    `<Grant${attributes}><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>${permission}</Permission></Grant>`;
  const publicAccessBlock = (root: string, value: string) =>
    check('s3', 'GetPublicAccessBlock', 'rest-xml', xmlReply(`<${root}><BlockPublicAcls>${value}</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls></${root}>`));

  it('accepts answers true to the model: attributes, a payload structure, a root that is its own member, a policy document', () => {
    expect(acl(grant())).toEqual([]);
    expect(publicAccessBlock('PublicAccessBlockConfiguration', 'true')).toEqual([]);
    expect(check('s3', 'GetBucketLocation', 'rest-xml', xmlReply('<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-1</LocationConstraint>'))).toEqual([]);
    expect(check('s3', 'GetBucketPolicy', 'rest-xml', { status: 200, headers: {}, body: '{"Version":"2012-10-17","Statement":[]}' })).toEqual([]);
  });

  it('rejects an invented member or XML attribute', () => {
    expect(acl(grant('READ', ' expires="never"'), '<ID>o</ID><Nickname>n</Nickname>')).toEqual([
      's3 GetBucketAcl: /AccessControlPolicy/Owner/Nickname: Owner has no member <Nickname>',
      's3 GetBucketAcl: /AccessControlPolicy/AccessControlList/Grant[1]: Grant has no XML attribute expires',
    ]);
  });

  it('rejects a value outside the enum', () => {
    expect(acl(grant('EVERYTHING'))).toEqual([
      's3 GetBucketAcl: /AccessControlPolicy/AccessControlList/Grant[1]/Permission: "EVERYTHING" is not one of the enum\'s values (FULL_CONTROL, READ, READ_ACP, WRITE, WRITE_ACP)',
    ]);
    expect(check('s3', 'GetBucketVersioning', 'rest-xml', xmlReply('<VersioningConfiguration><Status>Paused</Status></VersioningConfiguration>'))).toEqual([
      's3 GetBucketVersioning: /VersioningConfiguration/Status: "Paused" is not one of the enum\'s values (Enabled, Suspended)',
    ]);
    expect(check('s3', 'GetBucketLocation', 'rest-xml', xmlReply('<LocationConstraint>mars-north-1</LocationConstraint>'))).toEqual([expect.stringMatching(/"mars-north-1" is not one of the enum's values/)]);
  });

  it('rejects a value of the wrong type, and a root element the model does not name', () => {
    expect(publicAccessBlock('PublicAccessBlockConfiguration', 'yes')).toEqual(['s3 GetPublicAccessBlock: /PublicAccessBlockConfiguration/BlockPublicAcls: expected a boolean, got string "yes"']);
    expect(publicAccessBlock('PublicAccessBlock', 'true')).toEqual(['s3 GetPublicAccessBlock: /: the root element is <PublicAccessBlock>, not <PublicAccessBlockConfiguration>']);
  });
});

describe('the model the check reads', () => {
  it('finds every enum of the AWS clients aispm depends on, with the values the SDK exports at run time', () => {
    const require = createRequire(import.meta.url);
    const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const clients = Object.keys(packageJson.dependencies).flatMap((name) => /^@aws-sdk\/client-(.+)$/.exec(name)?.[1] ?? []);
    expect(clients).toEqual(expect.arrayContaining(Object.values(CLIENT_OF_SERVICE)));
    for (const client of clients) {
      const main = require.resolve(`@aws-sdk/client-${client}`);
      const file = join(dirname(dirname(main)), 'dist-types', 'models', 'enums.d.ts');
      if (!existsSync(file)) continue;
      const exported = require(main) as Record<string, unknown>;
      const declared = enumDeclarations(readFileSync(file, 'utf8'));
      const declaredNames = [...readFileSync(file, 'utf8').matchAll(/^export declare const (\w+):/gm)].map((match) => match[1]);
      expect([...declared.keys()], client).toEqual(declaredNames);
      for (const [name, values] of declared) expect(values, `${client} ${name}`).toEqual(Object.values(exported[name] as object));
    }
  });
});

describe('the fake AWS, held to the model', () => {
  const fake = new FakeAws();
  let restoreEnvironment: () => void;

  beforeAll(async () => {
    await fake.start();
    restoreEnvironment = replaceAwsEnvironment(fakeAwsEnvironment(fake, mkdtempSync(join(tmpdir(), 'aispm-aws-model-'))));
  });

  afterAll(async () => {
    restoreEnvironment();
    await fake.stop();
  });

  it("answers every call of the fault-free scan as AWS's model says", async () => {
    await collectAws(collectorContext(), { retryStrategy: fastRetry() });
    expect(fake.unhandled).toEqual([]);
    expect(fake.calls.length).toBeGreaterThan(200);
    expect(fake.violations).toEqual([]);
  });

  it('records an answer unlike the model, and fails when stopped', async () => {
    const other = await new FakeAws().start();
    const notebooks = SAGEMAKER['us-east-1']!.notebooks;
    notebooks.push({ NotebookInstanceName: 'unreal-nb', NotebookInstanceStatus: 'Hibernating', PublicUrl: 'https://unreal-nb' });
    try {
      const client = new SageMakerClient({ endpoint: other.url, region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' } });
      // The SDK reads the answer as it reads AWS's: what it does not know is passed through or dropped, no error.
      expect((await client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: 'unreal-nb' }))).NotebookInstanceStatus).toBe('Hibernating');
    } finally {
      notebooks.pop();
    }
    expect(other.violations).toEqual([
      'sagemaker DescribeNotebookInstance: $.NotebookInstanceStatus: "Hibernating" is not one of the enum\'s values (Deleting, Failed, InMaintenance, InService, Pending, PendingMaintenance, Stopped, Stopping, Updating)',
      'sagemaker DescribeNotebookInstance: $.PublicUrl: DescribeNotebookInstanceOutput has no member PublicUrl',
    ]);
    await expect(other.stop()).rejects.toThrow(/^The fake AWS answered unlike AWS's model of the operation \(2 distinct problems\):\nsagemaker DescribeNotebookInstance: /);
  });
});

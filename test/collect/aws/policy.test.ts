import { describe, expect, it } from 'vitest';
import { bucketName, kmsKeyArn, parseArn, s3Location } from '../../../src/collect/aws/arn.js';
import {
  allows,
  assumableRoles,
  assumeRoleWildcards,
  bucketAccess,
  exactResource,
  globMatches,
  grantsAdmin,
  grantsWildcardActions,
  modelInvocation,
  parsePolicyDocument,
  principals,
  trusts,
  type PolicyStatement,
} from '../../../src/collect/aws/iam-policy.js';
import { KNOWN_MANAGED_POLICIES, knownManagedPolicy } from '../../../src/collect/aws/managed-policies.js';
import { classifyAwsError, s3ControlEndpoint } from '../../../src/collect/aws/session.js';

/** The pure parts of the AWS collector: policy reading, ARNs, and how errors read as coverage. */

const BUCKET = 'arn:aws:s3:::acme-training';
const allow = (Action: string | string[], Resource: string | string[]) => ({ Effect: 'Allow', Action, Resource });

describe('IAM policy documents', () => {
  it('parse from plain or URL-encoded JSON, with one statement or many', () => {
    const document = { Version: '2012-10-17', Statement: allow('s3:GetObject', '*') };
    expect(parsePolicyDocument(JSON.stringify(document))).toEqual([document.Statement]);
    expect(parsePolicyDocument(encodeURIComponent(JSON.stringify({ Statement: [document.Statement] })))).toEqual([document.Statement]);
    expect(parsePolicyDocument('not json')).toBeUndefined();
  });

  it('match IAM globs: * spans any characters, ? one', () => {
    expect(globMatches('s3:Get*', 's3:GetObject')).toBe(true);
    expect(globMatches('s3:Get?bject', 's3:GetObject')).toBe(true);
    expect(globMatches('s3:Put*', 's3:GetObject')).toBe(false);
    expect(globMatches('arn:aws:s3:::*', 'arn:aws:s3:::a/b/c')).toBe(true);
  });

  it('give object access on a bucket by its name, wildcards included, and let an unconditional Deny win', () => {
    expect(bucketAccess([allow(['s3:GetObject', 's3:PutObject'], `${BUCKET}/*`)], BUCKET)).toEqual({ read: true, write: true });
    expect(bucketAccess([allow('s3:*', 'arn:aws:s3:::acme-*')], BUCKET)).toEqual({ read: true, write: true });
    expect(bucketAccess([allow('s3:Get*', `${BUCKET}/uploads/*`)], BUCKET)).toEqual({ read: true, write: false });
    expect(bucketAccess([allow('*', '*')], BUCKET)).toEqual({ read: true, write: true });
    // The bucket itself is not its objects; a pattern on other bucket names does not reach into this one.
    expect(bucketAccess([allow('s3:GetObject', BUCKET), allow('s3:PutObject', 'arn:aws:s3:::*sagemaker*')], BUCKET)).toEqual({ read: false, write: false });
    expect(bucketAccess([allow('s3:*', `${BUCKET}/*`), { Effect: 'Deny', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: `${BUCKET}/*` }], BUCKET)).toEqual({ read: true, write: false });
    // A conditional Deny may not apply: access stays.
    expect(bucketAccess([allow('s3:*', `${BUCKET}/*`), { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }], BUCKET)).toEqual({ read: true, write: true });
    // NotAction grants everything it does not name.
    expect(bucketAccess([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }], BUCKET)).toEqual({ read: true, write: true });
  });

  it('tell administrators and wildcard actions apart', () => {
    expect(grantsAdmin([allow('*', '*')])).toBe(true);
    // Full IAM rights let an identity grant itself the rest (IAMFullAccess); everything but IAM (PowerUserAccess) does not.
    expect(grantsAdmin(KNOWN_MANAGED_POLICIES.IAMFullAccess!.statements!)).toBe(true);
    expect(grantsAdmin(KNOWN_MANAGED_POLICIES.PowerUserAccess!.statements!)).toBe(false);
    expect(grantsWildcardActions(KNOWN_MANAGED_POLICIES.PowerUserAccess!.statements!)).toBe(true);
    expect(bucketAccess(KNOWN_MANAGED_POLICIES.PowerUserAccess!.statements!, BUCKET)).toEqual({ read: true, write: true });
    expect(allows(KNOWN_MANAGED_POLICIES.PowerUserAccess!.statements!, 'iam:AttachRolePolicy', exactResource('arn:aws:iam::111122223333:role/x'))).toBe(false);
    expect(knownManagedPolicy('arn:aws-us-gov:iam::aws:policy/AdministratorAccess')?.admin).toBe(true);
    expect(knownManagedPolicy('arn:aws:iam::111122223333:policy/AdministratorAccess')).toBeUndefined();
    expect(grantsAdmin([allow('sagemaker:*', '*')])).toBe(false);
    expect(grantsWildcardActions([allow('sagemaker:*', '*')])).toBe(true);
    expect(grantsWildcardActions([allow(['sagemaker:Describe*', 's3:GetObject'], '*')])).toBe(false);
  });

  it('read trust policies: services, AWS principals, and who may assume', () => {
    const trust: PolicyStatement[] = [
      { Effect: 'Allow', Principal: { Service: ['sagemaker.amazonaws.com'] }, Action: 'sts:AssumeRole' },
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/Pipeline' }, Action: 'sts:AssumeRole' },
    ];
    expect(principals(trust, 'Service')).toEqual(['sagemaker.amazonaws.com']);
    expect(principals(trust, 'AWS')).toEqual(['arn:aws:iam::111122223333:role/Pipeline']);
    expect(principals([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }], 'AWS')).toEqual(['*']);
    expect(trusts(['arn:aws:iam::111122223333:role/Pipeline'], 'arn:aws:iam::111122223333:role/Pipeline', '111122223333')).toBe(true);
    expect(trusts(['arn:aws-us-gov:iam::111122223333:root'], 'arn:aws-us-gov:iam::111122223333:role/Any', '111122223333')).toBe(true);
    expect(trusts(['arn:aws:iam::999988887777:root'], 'arn:aws:iam::111122223333:role/Any', '111122223333')).toBe(false);
    const caller = [allow('sts:AssumeRole', ['arn:aws:iam::111122223333:role/Pipeline', 'arn:aws:iam::111122223333:role/team-*'])];
    expect(allows(caller, 'sts:AssumeRole', exactResource('arn:aws:iam::111122223333:role/team-a'))).toBe(true);
    expect(assumableRoles(caller)).toEqual(['arn:aws:iam::111122223333:role/Pipeline']);
    expect(assumeRoleWildcards(caller)).toEqual(['arn:aws:iam::111122223333:role/team-*']);
    expect(assumeRoleWildcards([allow('sts:*', '*'), { Effect: 'Allow', Action: 'sts:AssumeRole', NotResource: 'arn:aws:iam::111122223333:role/Break-Glass' }])).toEqual(['*']);
    expect(assumeRoleWildcards([allow('s3:*', '*')])).toEqual([]);
  });
});

describe('direct model invocation and the guardrail condition', () => {
  const GUARDRAIL = 'arn:aws:bedrock:us-east-1:111122223333:guardrail/gr-1:1';
  const invoke = (Resource: string, Condition?: unknown): PolicyStatement => ({ Effect: 'Allow', Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], Resource, ...(Condition ? { Condition } : {}) });

  it('finds InvokeModel grants on Bedrock resources, from wildcards too, and not on other services', () => {
    expect(modelInvocation([invoke('arn:aws:bedrock:us-east-1::foundation-model/*')], true)).toEqual({ allowed: true, guardrailRequired: false });
    expect(modelInvocation([allow('*', '*')], true)).toEqual({ allowed: true, guardrailRequired: false });
    expect(modelInvocation([allow('bedrock:Invoke*', 'arn:aws:bedrock:*:*:inference-profile/*')], true).allowed).toBe(true);
    expect(modelInvocation([allow('s3:GetObject', '*'), allow('bedrock:ListFoundationModels', '*')], true)).toEqual({ allowed: false, guardrailRequired: null });
    expect(modelInvocation([allow('bedrock:InvokeModel', 'arn:aws:s3:::bucket/*')], true).allowed).toBe(false);
    // An unconditional Deny of every Bedrock resource wins.
    expect(modelInvocation([allow('bedrock:*', '*'), { Effect: 'Deny', Action: 'bedrock:Invoke*', Resource: '*' }], true).allowed).toBe(false);
  });

  it('requires a guardrail through a conditioned Allow, or a Deny of every other guardrail', () => {
    expect(modelInvocation([invoke('*', { StringEquals: { 'bedrock:GuardrailIdentifier': GUARDRAIL } })], true)).toEqual({ allowed: true, guardrailRequired: true });
    expect(modelInvocation([invoke('*', { Null: { 'bedrock:GuardrailIdentifier': 'false' } })], true).guardrailRequired).toBe(true);
    // IfExists lets a request without a guardrail through.
    expect(modelInvocation([invoke('*', { StringEqualsIfExists: { 'bedrock:GuardrailIdentifier': GUARDRAIL } })], true).guardrailRequired).toBe(false);
    // One unconditioned grant is enough to skip the guardrail.
    expect(modelInvocation([invoke('*', { StringEquals: { 'bedrock:GuardrailIdentifier': GUARDRAIL } }), allow('bedrock:InvokeModel', '*')], true).guardrailRequired).toBe(false);
    const deny = (Condition: unknown): PolicyStatement => ({ Effect: 'Deny', Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], Resource: '*', Condition });
    expect(modelInvocation([allow('bedrock:*', '*'), deny({ StringNotEquals: { 'bedrock:GuardrailIdentifier': GUARDRAIL } })], true).guardrailRequired).toBe(true);
    expect(modelInvocation([allow('bedrock:*', '*'), deny({ Null: { 'bedrock:GuardrailIdentifier': 'true' } })], true).guardrailRequired).toBe(true);
    // A Deny narrowed by another condition does not hold for every request.
    expect(modelInvocation([allow('bedrock:*', '*'), deny({ StringNotEquals: { 'bedrock:GuardrailIdentifier': GUARDRAIL, 'aws:SourceVpc': 'vpc-1' } })], true).guardrailRequired).toBe(false);
  });

  it('stays unknown while a policy that could change the answer is unread', () => {
    expect(modelInvocation([allow('s3:GetObject', '*')], false)).toEqual({ allowed: undefined, guardrailRequired: undefined });
    // A grant is a grant; whether an unread policy holds the enforcing Deny is not known.
    expect(modelInvocation([allow('bedrock:InvokeModel', '*')], false)).toEqual({ allowed: true, guardrailRequired: undefined });
    expect(modelInvocation([invoke('*', { StringEquals: { 'bedrock:GuardrailIdentifier': GUARDRAIL } })], false).guardrailRequired).toBeUndefined();
  });
});

describe('ARNs and S3 locations', () => {
  it('name buckets and keys the way AWS resources refer to them', () => {
    expect(parseArn('arn:aws:iam::111122223333:role/service-role/Name')).toEqual({ partition: 'aws', service: 'iam', region: '', account: '111122223333', resource: 'role/service-role/Name' });
    expect(s3Location('s3://bucket/a/b.tar.gz')).toEqual({ bucket: 'bucket', key: 'a/b.tar.gz' });
    expect(bucketName('arn:aws:s3:::bucket/prefix/*')).toBe('bucket');
    expect(bucketName('https://example.com/x')).toBeUndefined();
    expect(kmsKeyArn('1234abcd-12ab', 'aws', 'eu-west-1', '111122223333')).toBe('arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab');
    expect(kmsKeyArn('alias/ml', 'aws', 'eu-west-1', '111122223333')).toBe('arn:aws:kms:eu-west-1:111122223333:alias/ml');
  });
});

describe('SDK errors as coverage', () => {
  it('reads access errors as denied, a missing regional endpoint as skipped, and the rest as errors', () => {
    const sdkError = (name: string, status: number) => Object.assign(new Error('not authorized'), { name, $metadata: { httpStatusCode: status } });
    expect(classifyAwsError(sdkError('AccessDeniedException', 403))).toEqual({ status: 'denied', message: 'AccessDeniedException: not authorized' });
    expect(classifyAwsError(sdkError('UnrecognizedClientException', 400)).status).toBe('denied');
    expect(classifyAwsError(sdkError('SomethingNew', 403)).status).toBe('denied');
    // What Node gives when a service has no DNS name in a region.
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND bedrock-agent.ap-southeast-5.amazonaws.com'), { code: 'ENOTFOUND' });
    expect(classifyAwsError(dns)).toEqual({ status: 'skipped', message: 'the service has no endpoint in this region' });
    expect(classifyAwsError(sdkError('InternalServerException', 500))).toEqual({ status: 'error', message: 'InternalServerException: not authorized' });
  });
});

describe('the S3 Control endpoint override', () => {
  it('sends an IP-address override as given (an account-id host prefix would make it invalid), and leaves host names to the SDK', () => {
    expect(s3ControlEndpoint({})).toEqual({});
    expect(s3ControlEndpoint({ AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }).endpointProvider?.().url.href).toBe('http://127.0.0.1:4566/');
    expect(s3ControlEndpoint({ AWS_ENDPOINT_URL: 'http://[::1]:4566' }).endpointProvider?.().url.href).toBe('http://[::1]:4566/');
    // The per-service variable wins over the general one.
    expect(s3ControlEndpoint({ AWS_ENDPOINT_URL: 'http://10.0.0.1', AWS_ENDPOINT_URL_S3_CONTROL: 'http://127.0.0.2:9000' }).endpointProvider?.().url.href).toBe('http://127.0.0.2:9000/');
    expect(s3ControlEndpoint({ AWS_ENDPOINT_URL_S3_CONTROL: 'https://s3-control.proxy.example.com' })).toEqual({});
  });
});

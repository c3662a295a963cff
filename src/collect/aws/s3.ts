import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketNotificationConfigurationCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  S3Client,
  type Grant,
  type NotificationConfiguration,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { forEachConcurrently } from '../runtime.js';
import { bucketArn } from './arn.js';
import { bucketAccess, isPublicStatement, parsePolicyDocument } from './iam-policy.js';
import { absentOn, customerManagedKey, s3ControlEndpoint, tagMap, toRaw, type AwsAccount } from './session.js';

/**
 * S3 buckets that AI assets read, write or log to: who on the internet can read or write them
 * (bucket policy, ACL, and the Block Public Access settings of the bucket and of the account, which
 * S3 applies together: a setting on at either level is on), default encryption and versioning.
 */

type BlockSettings = Partial<Record<(typeof BLOCK_SETTINGS)[number], boolean>>;
const BLOCK_SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

/** One Block Public Access setting in force for a bucket: on at either level; unknown while a level that could turn it on is unread. */
function blocking(setting: (typeof BLOCK_SETTINGS)[number], bucket: BlockSettings | undefined, account: BlockSettings | undefined): boolean | undefined {
  return anyOf(bucket === undefined ? undefined : bucket[setting] === true, account === undefined ? undefined : account[setting] === true);
}

/**
 * The account's Block Public Access settings (S3 Control GetPublicAccessBlock): {} when none are set,
 * undefined when they could not be read.
 */
async function accountBlockSettings(account: AwsAccount): Promise<BlockSettings | undefined> {
  const client = account.client(S3ControlClient, account.homeRegion, s3ControlEndpoint());
  const answer = await account
    .scope('global', 's3')
    .call('GetPublicAccessBlock (account)', () => client.send(new GetAccountPublicAccessBlockCommand({ AccountId: account.account })).catch(absentOn('NoSuchPublicAccessBlockConfiguration')));
  return answer === undefined ? undefined : (answer?.PublicAccessBlockConfiguration ?? {});
}

/** ACL groups that mean "anyone" (everyone, or any AWS account holder). */
const PUBLIC_GRANTEES = /\/global\/(AllUsers|AuthenticatedUsers)$/;

/** Public through a grant, unless a Block Public Access setting neutralises that grant. */
function exposure(granted: boolean | undefined, blocked: boolean | undefined): boolean | undefined {
  if (granted !== true) return granted;
  return blocked === undefined ? undefined : !blocked;
}

/** True if any source says so, false if all say not, unknown otherwise. */
function anyOf(...values: Array<boolean | undefined>): boolean | undefined {
  if (values.includes(true)) return true;
  return values.every((value) => value === false) ? false : undefined;
}

function aclGrants(grants: Grant[] | undefined, permissions: string[]): boolean | undefined {
  if (!grants) return undefined;
  return grants.some((grant) => PUBLIC_GRANTEES.test(grant.Grantee?.URI ?? '') && permissions.includes(grant.Permission ?? ''));
}

/**
 * Where the bucket's event notifications go: SNS topics, SQS queues and Lambda functions by ARN, and
 * `eventbridge` when every event is sent to EventBridge (an empty EventBridgeConfiguration turns that on).
 */
function notificationTargets(configuration: NotificationConfiguration): string[] {
  const targets = [
    ...(configuration.TopicConfigurations ?? []).map((topic) => topic.TopicArn),
    ...(configuration.QueueConfigurations ?? []).map((queue) => queue.QueueArn),
    ...(configuration.LambdaFunctionConfigurations ?? []).map((lambda) => lambda.LambdaFunctionArn),
    ...(configuration.EventBridgeConfiguration ? ['eventbridge'] : []),
  ];
  return [...new Set(targets.filter((target): target is string => Boolean(target)))].sort();
}

export async function collectBuckets(account: AwsAccount): Promise<void> {
  if (account.buckets.size === 0) return;
  const accountBlock = await accountBlockSettings(account);
  await forEachConcurrently([...account.buckets], async ([name, reference]) => {
    const scope = account.scope('global', 's3');
    const location = await scope.call('GetBucketLocation', () => account.client(S3Client, account.homeRegion).send(new GetBucketLocationCommand({ Bucket: name })));
    const constraint = location?.LocationConstraint as string | undefined;
    const region = location ? (!constraint ? 'us-east-1' : constraint === 'EU' ? 'eu-west-1' : constraint) : reference.region;
    if (location) account.bucketLocations.set(name, region);
    const client = account.client(S3Client, region);
    const Bucket = name;
    const [tagging, block, policyStatus, policy, acl, encryption, versioning, notification] = await Promise.all([
      scope.call('GetBucketTagging', () => client.send(new GetBucketTaggingCommand({ Bucket })).catch(absentOn('NoSuchTagSet'))),
      scope.call('GetPublicAccessBlock', () => client.send(new GetPublicAccessBlockCommand({ Bucket })).catch(absentOn('NoSuchPublicAccessBlockConfiguration'))),
      scope.call('GetBucketPolicyStatus', () => client.send(new GetBucketPolicyStatusCommand({ Bucket })).catch(absentOn('NoSuchBucketPolicy'))),
      scope.call('GetBucketPolicy', () => client.send(new GetBucketPolicyCommand({ Bucket })).catch(absentOn('NoSuchBucketPolicy'))),
      scope.call('GetBucketAcl', () => client.send(new GetBucketAclCommand({ Bucket }))),
      scope.call('GetBucketEncryption', () => client.send(new GetBucketEncryptionCommand({ Bucket })).catch(absentOn('ServerSideEncryptionConfigurationNotFoundError'))),
      scope.call('GetBucketVersioning', () => client.send(new GetBucketVersioningCommand({ Bucket }))),
      // An empty configuration is an answer: the bucket notifies nobody.
      scope.call('GetBucketNotificationConfiguration', () => client.send(new GetBucketNotificationConfigurationCommand({ Bucket }))),
    ]);

    const id = bucketArn(account.partition, name);
    const blockSettings = block === undefined ? undefined : (block?.PublicAccessBlockConfiguration ?? {});
    const statements = policy === undefined ? undefined : (parsePolicyDocument(policy?.Policy ?? undefined) ?? []);
    // AWS's own evaluation of the policy (conditions included) rules out public access when it says so.
    const publicStatements = policyStatus?.PolicyStatus?.IsPublic === false ? [] : statements?.filter(isPublicStatement);
    const policyAccess = publicStatements && bucketAccess(publicStatements, id);
    const restrictPolicy = blocking('RestrictPublicBuckets', blockSettings, accountBlock);
    const ignoreAcls = blocking('IgnorePublicAcls', blockSettings, accountBlock);
    const inForce = BLOCK_SETTINGS.map((setting) => blocking(setting, blockSettings, accountBlock));
    const sse = encryption === undefined ? undefined : encryption?.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
    const algorithm = sse?.SSEAlgorithm;
    if (sse?.KMSMasterKeyID) account.encryptedBy(id, sse.KMSMasterKeyID, region);

    account.addAsset({
      id,
      type: 'aws.s3.bucket',
      name,
      region,
      tags: tagging === undefined ? undefined : (tagMap(tagging?.TagSet) ?? {}),
      props: {
        // AI assets named it for their data: training data, artifacts, outputs, captured requests, logs.
        sensitiveData: true,
        publicRead: anyOf(exposure(policyAccess?.read, restrictPolicy), exposure(aclGrants(acl?.Grants, ['READ', 'FULL_CONTROL']), ignoreAcls)),
        publicWrite: anyOf(exposure(policyAccess?.write, restrictPolicy), exposure(aclGrants(acl?.Grants, ['WRITE', 'FULL_CONTROL']), ignoreAcls)),
        blockPublicAccess: inForce.includes(false) ? false : inForce.includes(undefined) ? undefined : true,
        encryption: encryption === undefined ? undefined : (algorithm ?? null),
        customerManagedKey: encryption === undefined ? undefined : algorithm?.startsWith('aws:kms') === true && customerManagedKey(sse?.KMSMasterKeyID),
        versioning: versioning === undefined ? undefined : versioning.Status === 'Enabled',
        eventNotifications: notification && notificationTargets(notification).length > 0,
        notificationTargets: notification && notificationTargets(notification),
      },
      raw: {
        Location: location?.LocationConstraint,
        PublicAccessBlock: blockSettings,
        AccountPublicAccessBlock: accountBlock,
        PolicyStatus: policyStatus?.PolicyStatus,
        Policy: statements && { Statement: statements },
        Grants: acl?.Grants,
        Encryption: sse,
        Versioning: versioning?.Status,
        Notifications: notification && toRaw(notification),
      },
    });
  });
}

import { CloudWatchLogsClient, paginateDescribeLogGroups } from '@aws-sdk/client-cloudwatch-logs';
import { forEachConcurrently } from '../runtime.js';
import { toRaw, type AwsAccount } from './session.js';

/** CloudWatch Logs groups that receive Bedrock invocation logs (prompts and completions): encryption and retention. */
export async function collectLogGroups(account: AwsAccount): Promise<void> {
  await forEachConcurrently([...account.logGroups], async ([id, { name, region }]) => {
    const client = account.client(CloudWatchLogsClient, region);
    const groups = await account.scope(region, 'logs').list('DescribeLogGroups', paginateDescribeLogGroups({ client }, { logGroupNamePrefix: name }), (page) => page.logGroups);
    const group = groups?.find((candidate) => candidate.logGroupName === name);
    if (group?.kmsKeyId) account.encryptedBy(id, group.kmsKeyId, region);
    account.addAsset({
      id,
      type: 'aws.logs.log-group',
      name,
      region,
      // A group that does not exist (yet) receives nothing; it stays unknown.
      props: group ? { customerManagedKey: Boolean(group.kmsKeyId), retentionDays: group.retentionInDays ?? null, sensitiveData: true } : {},
      raw: group && toRaw(group),
    });
  });
}

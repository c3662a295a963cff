import { CloudWatchLogsClient, DescribeAccountPoliciesCommand, GetDataProtectionPolicyCommand, paginateDescribeLogGroups } from '@aws-sdk/client-cloudwatch-logs';
import { forEachConcurrently } from '../runtime.js';
import { absentOn, toRaw, type AwsAccount } from './session.js';

/**
 * CloudWatch Logs groups that receive Bedrock invocation logs (prompts and completions): encryption,
 * retention, and whether a data protection policy masks the sensitive data in them. A group's own
 * policy and the account's data protection policy apply together (PutDataProtectionPolicy, CloudWatch
 * Logs API reference), so both are read.
 */
export async function collectLogGroups(account: AwsAccount): Promise<void> {
  const accountPolicies = new Map<string, Promise<string[] | null | undefined>>();
  const accountMasking = (region: string) => {
    let masked = accountPolicies.get(region);
    if (!masked) accountPolicies.set(region, (masked = accountMaskedIdentifiers(account, region)));
    return masked;
  };
  await forEachConcurrently([...account.logGroups], async ([id, { name, region }]) => {
    const client = account.client(CloudWatchLogsClient, region);
    const scope = account.scope(region, 'logs');
    const groups = await scope.list('DescribeLogGroups', paginateDescribeLogGroups({ client }, { logGroupNamePrefix: name }), (page) => page.logGroups);
    const group = groups?.find((candidate) => candidate.logGroupName === name);
    if (group?.kmsKeyId) account.encryptedBy(id, group.kmsKeyId, region);
    const [own, ofAccount] = group
      ? await Promise.all([
          scope.call('GetDataProtectionPolicy', () =>
            client
              .send(new GetDataProtectionPolicyCommand({ logGroupIdentifier: name }))
              .then((answer) => answer.policyDocument ?? null)
              .catch(absentOn('ResourceNotFoundException')),
          ),
          accountMasking(region),
        ])
      : [undefined, undefined];
    const ownMasked = own === undefined ? undefined : own === null ? [] : maskedIdentifiers(own);
    const accountMasked = ofAccount === null ? [] : ofAccount;
    const masked = ownMasked && accountMasked ? [...new Set([...ownMasked, ...accountMasked])].sort() : undefined;
    account.addAsset({
      id,
      type: 'aws.logs.log-group',
      name,
      region,
      // A group that does not exist (yet) receives nothing; it stays unknown.
      props: group
        ? {
            customerManagedKey: Boolean(group.kmsKeyId),
            retentionDays: group.retentionInDays ?? null,
            sensitiveData: true,
            // One policy masking something is enough to say so, even while the other is unread.
            dataMasking: (ownMasked?.length ?? 0) > 0 || (accountMasked?.length ?? 0) > 0 ? true : masked === undefined ? undefined : false,
            maskedDataIdentifiers: masked,
          }
        : {},
      raw: group && toRaw({ ...group, dataProtectionPolicy: own ?? undefined }),
    });
  });
}

/** The data identifiers the account's data protection policies mask in every log group of the region: null when it has none. */
async function accountMaskedIdentifiers(account: AwsAccount, region: string): Promise<string[] | null | undefined> {
  const client = account.client(CloudWatchLogsClient, region);
  const answer = await account.scope(region, 'logs').call('DescribeAccountPolicies', () => client.send(new DescribeAccountPoliciesCommand({ policyType: 'DATA_PROTECTION_POLICY' })));
  if (!answer) return undefined;
  // The account's data protection policy applies to every group (scope ALL); a malformed one is unknown.
  const policies = (answer.accountPolicies ?? []).filter((policy) => policy.scope === undefined || policy.scope === 'ALL');
  if (policies.length === 0) return null;
  const masked = policies.map((policy) => maskedIdentifiers(policy.policyDocument));
  return masked.some((identifiers) => identifiers === undefined) ? undefined : [...new Set(masked.flat() as string[])];
}

/**
 * The data identifiers a data protection policy masks: those of its statements whose Operation is
 * Deidentify (the others only audit). A document that is not the JSON the service accepts gives
 * undefined (unknown), never an error.
 */
export function maskedIdentifiers(document: string | undefined): string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document ?? '');
  } catch {
    return undefined;
  }
  const statements = (parsed as { Statement?: unknown } | null)?.Statement;
  if (!Array.isArray(statements)) return undefined;
  const masked: string[] = [];
  for (const statement of statements as unknown[]) {
    const { DataIdentifier, Operation } = (statement ?? {}) as { DataIdentifier?: unknown; Operation?: unknown };
    if (!Operation || typeof Operation !== 'object' || !('Deidentify' in Operation)) continue;
    if (Array.isArray(DataIdentifier)) masked.push(...DataIdentifier.filter((identifier): identifier is string => typeof identifier === 'string'));
  }
  return masked;
}

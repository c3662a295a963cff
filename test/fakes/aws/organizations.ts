import { ACCOUNT, daysAgo } from './estate.js';
import { FakeError } from './handlers.js';
import { paged } from './protocols.js';

/**
 * The fake AWS Organization: account 111122223333 (the estate's, the caller) is its management
 * account. Member 444455556666 trusts it to assume `ORGANIZATION_ROLE`; member 777788889999 has no
 * such role (or does not trust the caller), so AssumeRole is denied there as STS denies it; member
 * 555566667777 is suspended and must not be scanned.
 *
 * A member reached through the role answers with the estate's records, its account id in place of
 * 111122223333: a second account with the same AI estate. Its role has no S3 read permission, so its
 * S3 calls are denied (bucket names are global: two accounts cannot own the same bucket).
 *
 * Shapes: ListAccounts (awsJson1_1, target AWSOrganizationsV20161128.ListAccounts) answers `Accounts`
 * of `Account` and `NextToken`, as in @aws-sdk/client-organizations dist-es/schemas/schemas_0.js
 * (`ListAccountsResponse$`, `Account$`). Only `State` is sent: the `Account` shape's documentation
 * says `Status` "will be retired on September 9, 2026" (dist-types/models/models_0.d.ts).
 * AssumeRole (query protocol) answers `Credentials` and `AssumedRoleUser` (client-sts `AssumeRoleResponse$`).
 */

export const MEMBER_ACCOUNT = '444455556666';
export const LOCKED_ACCOUNT = '777788889999';
export const SUSPENDED_ACCOUNT = '555566667777';
export const ORGANIZATION_ROLE = 'AispmScanner';
export const ORGANIZATION_ID = 'o-a1b2c3d4e5';

const account = (id: string, name: string, state: string) => ({
  Id: id,
  Arn: `arn:aws:organizations::${ACCOUNT}:account/${ORGANIZATION_ID}/${id}`,
  Email: `aws+${name}@example.com`,
  Name: name,
  State: state,
  JoinedMethod: id === ACCOUNT ? 'CREATED' : 'INVITED',
  JoinedTimestamp: daysAgo(400),
});

export const ORGANIZATION_ACCOUNTS = [
  account(ACCOUNT, 'management', 'ACTIVE'),
  account(MEMBER_ACCOUNT, 'ml-production', 'ACTIVE'),
  account(SUSPENDED_ACCOUNT, 'old-sandbox', 'SUSPENDED'),
  account(LOCKED_ACCOUNT, 'security-audit', 'ACTIVE'),
];

/** Access keys of assumed-role sessions name their account: `ASIAFAKE<account>`. */
const SESSION_KEY = /^ASIAFAKE(\d{12})$/;

/** The account whose assumed role signed a request, from its credential scope; undefined for the caller's own keys. */
export function sessionAccount(authorization: string | undefined): string | undefined {
  const key = authorization?.match(/Credential=([^/]+)\//)?.[1];
  return key?.match(SESSION_KEY)?.[1];
}

export function organizationsOperation(operation: string, input: Record<string, unknown>, caller?: string): (() => unknown) | undefined {
  if (operation !== 'ListAccounts') return organizationPolicyOperation(operation, input, caller);
  return () => {
    const page = paged(ORGANIZATION_ACCOUNTS, input.NextToken as string | undefined);
    return { Accounts: page.items, NextToken: page.next };
  };
}

/** STS AssumeRole: temporary credentials for the role in a member that trusts the caller. */
export function assumeRole(input: Record<string, string>): unknown {
  const arn = input.RoleArn ?? '';
  const [, , , , account, resource] = arn.split(':');
  const trusted = account && account !== LOCKED_ACCOUNT && ORGANIZATION_ACCOUNTS.some((member) => member.Id === account) && resource === `role/${ORGANIZATION_ROLE}`;
  if (!trusted || !input.RoleSessionName) {
    throw new FakeError('AccessDenied', `User: arn:aws:iam::${ACCOUNT}:user/aispm-scanner is not authorized to perform: sts:AssumeRole on resource: ${arn}`, 403);
  }
  return {
    Credentials: { AccessKeyId: `ASIAFAKE${account}`, SecretAccessKey: `fake-session-secret-${account}`, SessionToken: `fake-session-token-${account}`, Expiration: new Date(Date.now() + 3_600_000) },
    AssumedRoleUser: { AssumedRoleId: `AROAFAKE${account}:${input.RoleSessionName}`, Arn: `arn:aws:sts::${account}:assumed-role/${ORGANIZATION_ROLE}/${input.RoleSessionName}` },
  };
}

/**
 * DescribeOrganization and DescribeEffectivePolicy (both callable from any account of the
 * organization). The member has a Bedrock policy in effect that enforces a guardrail; the management
 * account, whose estate uses Bedrock, has none: DescribeEffectivePolicy then fails with
 * EffectivePolicyNotFoundException, as the API reference says (client-organizations
 * dist-types/commands/DescribeEffectivePolicyCommand.d.ts). Shapes: `DescribeOrganizationResponse$`,
 * `Organization$`, `DescribeEffectivePolicyResponse$`, `EffectivePolicy$` in dist-es/schemas/schemas_0.js.
 * The member's answers pass through the server's account rewrite like every other answer, so the
 * management account's id never reaches it: the member's view leaves MasterAccount* out.
 */
function organizationPolicyOperation(operation: string, input: Record<string, unknown>, caller: string | undefined): (() => unknown) | undefined {
  if (operation === 'DescribeOrganization') {
    return () => ({
      Organization: {
        Id: ORGANIZATION_ID,
        Arn: `arn:aws:organizations::${ACCOUNT}:organization/${ORGANIZATION_ID}`,
        FeatureSet: 'ALL',
        ...(caller ? {} : { MasterAccountArn: `arn:aws:organizations::${ACCOUNT}:account/${ORGANIZATION_ID}/${ACCOUNT}`, MasterAccountId: ACCOUNT, MasterAccountEmail: 'aws+management@example.com' }),
      },
    });
  }
  if (operation === 'ListPolicies' || operation === 'DescribePolicy') return serviceControlPolicyOperation(operation, input, caller);
  if (operation !== 'DescribeEffectivePolicy') return undefined;
  return () => {
    if (!caller) throw new FakeError('EffectivePolicyNotFoundException', 'We can\'t find an effective policy of the specified type for the target.', 400);
    const guardrail = `arn:aws:bedrock:us-east-1:${caller}:guardrail/orgguard01:1`;
    return {
      EffectivePolicy: {
        PolicyContent: JSON.stringify({ bedrock: { guardrail_inference: { 'us-east-1': { config_1: { identifier: guardrail, input_tags: 'honor' } } } } }),
        LastUpdatedTimestamp: daysAgo(30),
        TargetId: caller,
        PolicyType: 'BEDROCK_POLICY',
      },
    };
  };
}

/**
 * Service control policies (ListPolicies with Filter SERVICE_CONTROL_POLICY, DescribePolicy), which only
 * the management account may read: a member gets AccessDeniedException, as the API reference says
 * (client-organizations dist-types/commands/ListPoliciesCommand.d.ts). Besides AWS's FullAWSAccess, the
 * organization keeps Bedrock to two regions: a Deny of bedrock:* outside them, which names no model, so
 * no model allow-list is in place (the planted gap). Shapes: `ListPoliciesResponse$`, `PolicySummary$`,
 * `DescribePolicyResponse$`, `Policy$` in dist-es/schemas/schemas_0.js.
 */
const scp = (id: string, name: string, description: string, awsManaged: boolean, document: unknown) => ({
  PolicySummary: { Id: id, Arn: `arn:aws:organizations::${awsManaged ? 'aws' : ACCOUNT}:policy/${awsManaged ? '' : `${ORGANIZATION_ID}/`}service_control_policy/${id}`, Name: name, Description: description, Type: 'SERVICE_CONTROL_POLICY', AwsManaged: awsManaged },
  Content: JSON.stringify(document),
});
export const SERVICE_CONTROL_POLICIES = [
  scp('p-FullAWSAccess', 'FullAWSAccess', 'Allows access to every operation', true, { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
  scp('p-ai7regions1', 'bedrock-approved-regions', 'Bedrock only in the approved regions', false, {
    Version: '2012-10-17',
    Statement: [{ Sid: 'DenyBedrockElsewhere', Effect: 'Deny', Action: 'bedrock:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } }],
  }),
];

function serviceControlPolicyOperation(operation: string, input: Record<string, unknown>, caller: string | undefined): () => unknown {
  return () => {
    if (caller) throw new FakeError('AccessDeniedException', 'You don\'t have permissions to access this resource.', 400);
    if (operation === 'ListPolicies') {
      const page = paged(
        SERVICE_CONTROL_POLICIES.filter((policy) => policy.PolicySummary.Type === input.Filter).map((policy) => policy.PolicySummary),
        input.NextToken as string | undefined,
      );
      return { Policies: page.items, NextToken: page.next };
    }
    const policy = SERVICE_CONTROL_POLICIES.find((candidate) => candidate.PolicySummary.Id === input.PolicyId);
    if (!policy) throw new FakeError('PolicyNotFoundException', 'We can\'t find a policy with the PolicyId that you specified.', 400);
    return { Policy: policy };
  };
}

import { DescribeEffectivePolicyCommand, DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { modelRestrictingScps } from './service-control-policies.js';
import { absentOn, toRaw, type AwsAccount } from './session.js';

/**
 * The scanned account's place in AWS Organizations, and the Bedrock policy in effect for it: an
 * Organizations management policy of type BEDROCK_POLICY enforces a guardrail on every model call
 * of the accounts it applies to. Both calls can be made from any account of an organization
 * (DescribeOrganization, DescribeEffectivePolicy: "You can call this operation from any account in
 * a organization", @aws-sdk/client-organizations dist-types/commands), so no management-account
 * access is needed. Service control policies are read only from the management account, the one
 * account that may always list them (service-control-policies.ts).
 */

/** `bedrock.guardrail_inference.<region>.<config>.identifier` of an effective Bedrock policy (Organizations user guide, "Amazon Bedrock policy syntax"). */
function enforcedGuardrails(content: string | undefined): string[] {
  let document: unknown;
  try {
    document = JSON.parse(content ?? '');
  } catch {
    return [];
  }
  const inference = (document as { bedrock?: { guardrail_inference?: unknown } } | null)?.bedrock?.guardrail_inference;
  const identifiers: string[] = [];
  for (const configs of Object.values(typeof inference === 'object' && inference ? inference : {})) {
    for (const config of Object.values(typeof configs === 'object' && configs ? configs : {})) {
      // An effective policy holds resolved values; a policy as written wraps them in "@@assign".
      const identifier = (config as { identifier?: unknown } | null)?.identifier;
      const value = typeof identifier === 'object' && identifier ? (identifier as Record<string, unknown>)['@@assign'] : identifier;
      if (typeof value === 'string') identifiers.push(value);
    }
  }
  return [...new Set(identifiers)].sort();
}

/** Adds the account's organization asset; returns its id, or undefined when DescribeOrganization could not be read. */
export async function collectOrganizationPolicies(account: AwsAccount): Promise<string | undefined> {
  const client = account.client(OrganizationsClient, account.homeRegion);
  const scope = account.scope(account.homeRegion, 'organizations');
  const described = await scope.call('DescribeOrganization', () => client.send(new DescribeOrganizationCommand({})).catch(absentOn('AWSOrganizationsNotInUseException')));
  if (described === undefined) return undefined;
  const inOrganization = described !== null;
  const organization = described?.Organization;
  // The account's ARN in Organizations names the management account; outside an organization there is none.
  const id = organization?.Id
    ? `arn:${account.partition}:organizations::${organization.MasterAccountId ?? account.account}:account/${organization.Id}/${account.account}`
    : `arn:${account.partition}:organizations::${account.account}:account/standalone/${account.account}`;
  // Not in an organization: no organization policy can apply, and none is missing.
  const effective = inOrganization
    ? await scope.call('DescribeEffectivePolicy', () => client.send(new DescribeEffectivePolicyCommand({ PolicyType: 'BEDROCK_POLICY' })).catch(absentOn('EffectivePolicyNotFoundException')))
    : null;
  const content = effective?.EffectivePolicy?.PolicyContent;
  // Service control policies can be listed from the management account only (service-control-policies.ts).
  const management = Boolean(organization?.MasterAccountId) && organization?.MasterAccountId === account.account;
  const scps = !inOrganization ? null : management ? await modelRestrictingScps(client, scope) : undefined;
  account.addAsset({
    id,
    type: 'aws.organizations.account',
    name: `organization membership (${account.account})`,
    region: 'global',
    props: {
      inOrganization,
      organizationId: organization?.Id ?? null,
      featureSet: organization?.FeatureSet ?? null,
      bedrockPolicyInEffect: !inOrganization ? null : effective === undefined ? undefined : effective !== null && Boolean(content),
      enforcedGuardrails: !inOrganization ? null : effective === undefined ? undefined : enforcedGuardrails(content),
      modelRestrictingScps: scps,
    },
    raw: toRaw({ Organization: organization ?? null, EffectivePolicy: effective?.EffectivePolicy ?? null }),
  });
  return id;
}

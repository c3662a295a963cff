import { DescribePolicyCommand, type OrganizationsClient, paginateListPolicies } from '@aws-sdk/client-organizations';
import { forEachConcurrently } from '../runtime.js';
import { globMatches, parsePolicyDocument, type PolicyStatement } from './iam-policy.js';
import type { ServiceScope } from './session.js';

/**
 * The organization's service control policies that keep accounts to approved Bedrock models: a Deny of
 * bedrock:InvokeModel (or a wildcard that covers it) scoped to every model but the listed ones, by
 * NotResource or by a negated condition on the model (StringNotEquals / StringNotLike / ArnNot* on
 * bedrock:ModelId). ListPolicies and DescribePolicy answer only in the management account or a
 * delegated administrator (ListPolicies: "You can only call this operation from the management account
 * or a member account that is a delegated administrator", @aws-sdk/client-organizations
 * dist-types/commands/ListPoliciesCommand.d.ts); they are read only in the management account, so no
 * other account records a gap for what it may not read (a delegated administrator's are left unknown).
 */

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The statement denies model invocation except for the models it names. */
function restrictsModels(statement: PolicyStatement): boolean {
  if (statement.Effect !== 'Deny') return false;
  if (!asList(statement.Action).some((action) => globMatches(action.toLowerCase(), 'bedrock:invokemodel'))) return false;
  if (statement.NotResource !== undefined) return true;
  const condition = statement.Condition && typeof statement.Condition === 'object' ? (statement.Condition as Record<string, unknown>) : {};
  return Object.entries(condition).some(
    ([operator, keys]) => /^(ForAllValues:|ForAnyValue:)?(StringNot|ArnNot)/i.test(operator) && Object.keys(typeof keys === 'object' && keys ? keys : {}).some((key) => key.toLowerCase() === 'bedrock:modelid'),
  );
}

/** Names of the SCPs that restrict model invocation to an allow-list, sorted; undefined when they could not all be read. */
export async function modelRestrictingScps(client: OrganizationsClient, scope: ServiceScope): Promise<string[] | undefined> {
  const policies = await scope.list('ListPolicies', paginateListPolicies({ client }, { Filter: 'SERVICE_CONTROL_POLICY' }), (page) => page.Policies);
  if (!policies) return undefined;
  const restricting: string[] = [];
  let unread = false;
  // AWS's own FullAWSAccess allows everything: no need to read it.
  await forEachConcurrently(
    policies.filter((policy) => policy.Id && !policy.AwsManaged),
    async (policy) => {
      const described = await scope.call('DescribePolicy', () => client.send(new DescribePolicyCommand({ PolicyId: policy.Id })));
      const statements = parsePolicyDocument(described?.Policy?.Content);
      if (!statements) unread = true;
      else if (statements.some(restrictsModels)) restricting.push(policy.Name ?? policy.Id!);
    },
  );
  // One unread policy may be the restricting one: only a found one settles it.
  return restricting.length > 0 || !unread ? restricting.sort() : undefined;
}

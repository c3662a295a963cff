import type { PolicyStatement } from './iam-policy.js';

/**
 * AWS managed policies aispm knows by ARN, so that what an identity may do is known even when
 * GetPolicy/GetPolicyVersion is denied or slow. What each grants, as the AWS Managed Policy Reference
 * publishes it (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/<Name>.html):
 *
 * - AdministratorAccess: every action on every resource. Admin.
 * - IAMFullAccess (v2): every IAM action (and Organizations reads) on every resource. Admin: it can attach
 *   AdministratorAccess, or write any policy, to itself.
 * - PowerUserAccess (v12): every action except IAM, Organizations and Account ones (NotAction), plus a
 *   few reads and service-linked roles. Not admin: it cannot grant itself rights. It does reach every
 *   S3 object and may call sts:AssumeRole on any role, which the data and assume-role edges show.
 * - AmazonBedrockFullAccess, AmazonSageMakerFullAccess: every action of their service (plus scoped
 *   helpers such as iam:PassRole to that service). Not admin, but wildcard actions. Their documents are
 *   long and change with new features: they are still read for the buckets they reach.
 *
 * `statements` are given where the whole document is short and settled; aispm then makes no call.
 */
export interface KnownPolicy {
  admin: boolean;
  wildcardActions: boolean;
  statements?: PolicyStatement[];
}

const allow = (Action: string[], Resource = '*'): PolicyStatement => ({ Effect: 'Allow', Action, Resource });

export const KNOWN_MANAGED_POLICIES: Readonly<Record<string, KnownPolicy>> = {
  AdministratorAccess: { admin: true, wildcardActions: true, statements: [allow(['*'])] },
  IAMFullAccess: {
    admin: true,
    wildcardActions: true,
    statements: [
      allow([
        'iam:*',
        'organizations:DescribeAccount',
        'organizations:DescribeOrganization',
        'organizations:DescribeOrganizationalUnit',
        'organizations:DescribePolicy',
        'organizations:ListChildren',
        'organizations:ListParents',
        'organizations:ListPoliciesForTarget',
        'organizations:ListRoots',
        'organizations:ListPolicies',
        'organizations:ListTargetsForPolicy',
      ]),
    ],
  },
  PowerUserAccess: {
    admin: false,
    wildcardActions: true,
    statements: [
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      allow([
        'account:GetAccountInformation',
        'account:GetGovCloudAccountInformation',
        'account:GetPrimaryEmail',
        'account:ListRegions',
        'iam:CreateServiceLinkedRole',
        'iam:DeleteServiceLinkedRole',
        'iam:ListRoles',
        'organizations:DescribeEffectivePolicy',
        'organizations:DescribeOrganization',
      ]),
    ],
  },
  AmazonBedrockFullAccess: { admin: false, wildcardActions: true },
  AmazonSageMakerFullAccess: { admin: false, wildcardActions: true },
};

/** The known policy an ARN names (`arn:<partition>:iam::aws:policy/<Name>`, AWS managed only). */
export function knownManagedPolicy(arn: string): KnownPolicy | undefined {
  const name = arn.match(/^arn:[^:]+:iam::aws:policy\/([A-Za-z0-9+=,.@_-]+)$/)?.[1];
  return name !== undefined && Object.hasOwn(KNOWN_MANAGED_POLICIES, name) ? KNOWN_MANAGED_POLICIES[name] : undefined;
}

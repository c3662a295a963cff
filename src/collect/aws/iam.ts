import {
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListServiceSpecificCredentialsCommand,
  paginateListRoles,
  paginateListAttachedGroupPolicies,
  paginateListAttachedRolePolicies,
  paginateListAttachedUserPolicies,
  paginateListGroupPolicies,
  paginateListGroupsForUser,
  paginateListRolePolicies,
  paginateListUserPolicies,
  type AttachedPolicy,
} from '@aws-sdk/client-iam';
import { arnName, parseArn } from './arn.js';
import { allows, assumableRoles, assumeRoleWildcards, bucketAccess, exactResource, grantsAdmin, grantsMarketplaceSubscribe, grantsWildcardActions, modelInvocation, parsePolicyDocument, principals, trusts, type PolicyStatement } from './iam-policy.js';
import { knownManagedPolicy } from './managed-policies.js';
import { pagesByToken, tagMap, toRaw, type AwsAccount, type ServiceScope } from './session.js';

/**
 * IAM, read only where AI assets point: the roles they run as, and the users that own Bedrock API
 * keys. From their policies come `admin` and `wildcardActions`, `reads-data`/`writes-data` edges to
 * the buckets AI assets use, and `can-assume` edges between the principals read.
 */

const IAM_REGION = 'global';
/** Role chains are followed this far (the attack-path rules allow up to three assume-role hops). */
const MAX_ASSUME_HOPS = 3;
/** Roles reached only through wildcard sts:AssumeRole grants are read up to this many per account. */
const MAX_WILDCARD_ROLES = 50;
const BEDROCK_SERVICE = 'bedrock.amazonaws.com';

/** What a principal's policies say, as far as they could be read. */
interface PolicySet {
  attached: string[] | undefined;
  inline: string[] | undefined;
  statements: PolicyStatement[];
  /** Every policy document was read, so "not granted" can be trusted. */
  complete: boolean;
  /** Administrator and wildcard rights: known from the documents, or from a well-known managed policy's ARN. */
  admin: boolean | undefined;
  wildcardActions: boolean | undefined;
}

/** One policy: its statements when read, and what it grants when that is known. */
interface PolicyGrant {
  statements: PolicyStatement[] | undefined;
  admin: boolean | undefined;
  wildcardActions: boolean | undefined;
}

/** True if any says so, false if all say not, unknown otherwise. */
function anyOf(values: Array<boolean | undefined>): boolean | undefined {
  if (values.includes(true)) return true;
  return values.every((value) => value === false) ? false : undefined;
}

function documentGrant(statements: PolicyStatement[] | undefined): PolicyGrant {
  return { statements, admin: statements && grantsAdmin(statements), wildcardActions: statements && grantsWildcardActions(statements) };
}

/** The calls that read one kind of principal's policies. */
interface PolicyReader {
  kind: 'Role' | 'User' | 'Group';
  attached: (client: IAMClient, name: string) => AsyncIterable<{ AttachedPolicies?: AttachedPolicy[] }>;
  inlineNames: (client: IAMClient, name: string) => AsyncIterable<{ PolicyNames?: string[] }>;
  inlineDocument: (client: IAMClient, name: string, policy: string) => Promise<{ PolicyDocument?: string }>;
}

const POLICY_READERS = {
  role: {
    kind: 'Role',
    attached: (client, name) => paginateListAttachedRolePolicies({ client }, { RoleName: name }),
    inlineNames: (client, name) => paginateListRolePolicies({ client }, { RoleName: name }),
    inlineDocument: (client, name, policy) => client.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policy })),
  },
  user: {
    kind: 'User',
    attached: (client, name) => paginateListAttachedUserPolicies({ client }, { UserName: name }),
    inlineNames: (client, name) => paginateListUserPolicies({ client }, { UserName: name }),
    inlineDocument: (client, name, policy) => client.send(new GetUserPolicyCommand({ UserName: name, PolicyName: policy })),
  },
  group: {
    kind: 'Group',
    attached: (client, name) => paginateListAttachedGroupPolicies({ client }, { GroupName: name }),
    inlineNames: (client, name) => paginateListGroupPolicies({ client }, { GroupName: name }),
    inlineDocument: (client, name, policy) => client.send(new GetGroupPolicyCommand({ GroupName: name, PolicyName: policy })),
  },
} satisfies Record<string, PolicyReader>;

/** Reads IAM through one client and caches managed policy documents, which many principals share. */
class IamReader {
  readonly client: IAMClient;
  readonly scope: ServiceScope;
  private readonly managedPolicies = new Map<string, Promise<PolicyGrant>>();
  private listedRoles: Promise<ListedRole[] | undefined> | undefined;

  constructor(readonly account: AwsAccount) {
    this.client = account.client(IAMClient, account.homeRegion);
    this.scope = account.scope(IAM_REGION, 'iam');
  }

  /** A managed policy: a well-known one by its ARN (its document read only when not settled), any other by GetPolicy and GetPolicyVersion. */
  managedPolicy(arn: string): Promise<PolicyGrant> {
    let cached = this.managedPolicies.get(arn);
    if (!cached) {
      const known = knownManagedPolicy(arn);
      cached = known?.statements
        ? Promise.resolve({ statements: known.statements, admin: known.admin, wildcardActions: known.wildcardActions })
        : (async () => {
            const policy = await this.scope.call('GetPolicy', () => this.client.send(new GetPolicyCommand({ PolicyArn: arn })));
            const versionId = policy?.Policy?.DefaultVersionId;
            const version = versionId && (await this.scope.call('GetPolicyVersion', () => this.client.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }))));
            const read = documentGrant(parsePolicyDocument(version ? version.PolicyVersion?.Document : undefined));
            return known ? { ...read, admin: known.admin, wildcardActions: known.wildcardActions } : read;
          })();
      this.managedPolicies.set(arn, cached);
    }
    return cached;
  }

  /** Every role of the account with its trust policy (ListRoles gives both), for wildcard sts:AssumeRole grants; undefined when it could not be listed. Listed once. */
  accountRoles(): Promise<ListedRole[] | undefined> {
    this.listedRoles ??= this.scope
      .list('ListRoles', paginateListRoles({ client: this.client }, {}), (page) => page.Roles)
      .then((roles) => roles?.flatMap((role) => (role.Arn ? [{ arn: role.Arn, trusted: principals(parsePolicyDocument(role.AssumeRolePolicyDocument) ?? [], 'AWS') }] : [])));
    return this.listedRoles;
  }

  async policies(reader: PolicyReader, name: string): Promise<PolicySet> {
    const [attached, inline] = await Promise.all([
      this.scope.list(`ListAttached${reader.kind}Policies`, reader.attached(this.client, name), (page) => page.AttachedPolicies),
      this.scope.list(`List${reader.kind}Policies`, reader.inlineNames(this.client, name), (page) => page.PolicyNames),
    ]);
    const grants = await Promise.all([
      ...(attached ?? []).map((policy) => (policy.PolicyArn ? this.managedPolicy(policy.PolicyArn) : Promise.resolve(documentGrant(undefined)))),
      ...(inline ?? []).map(async (policy) =>
        documentGrant(parsePolicyDocument((await this.scope.call(`Get${reader.kind}Policy`, () => reader.inlineDocument(this.client, name, policy)))?.PolicyDocument)),
      ),
    ]);
    const listed = attached !== undefined && inline !== undefined;
    // A grant found is true whatever else is unread; "not granted" needs every policy known.
    const combine = (pick: (grant: PolicyGrant) => boolean | undefined) => anyOf([...grants.map(pick), listed ? false : undefined]);
    return {
      attached: attached?.flatMap((policy) => policy.PolicyName ?? []),
      inline,
      statements: grants.flatMap((grant) => grant.statements ?? []),
      complete: listed && grants.every((grant) => grant.statements !== undefined),
      admin: combine((grant) => grant.admin),
      wildcardActions: combine((grant) => grant.wildcardActions),
    };
  }
}

function mergePolicySets(sets: readonly PolicySet[]): PolicySet {
  const names = (pick: (set: PolicySet) => string[] | undefined) => (sets.every((set) => pick(set) !== undefined) ? [...new Set(sets.flatMap((set) => pick(set)!))].sort() : undefined);
  return {
    attached: names((set) => set.attached),
    inline: names((set) => set.inline),
    statements: sets.flatMap((set) => set.statements),
    complete: sets.every((set) => set.complete),
    admin: anyOf(sets.map((set) => set.admin)),
    wildcardActions: anyOf(sets.map((set) => set.wildcardActions)),
  };
}

/** Who may do what, for the edges drawn once every principal is read. */
interface Principal {
  id: string;
  statements: PolicyStatement[];
  /** Every policy document was read: what the statements do not grant, the principal cannot do. */
  complete: boolean;
  /** AWS principals its trust policy names (roles only); undefined for a role whose trust policy was not read. */
  trusted?: string[];
}

/** A role of the account as ListRoles gives it, with the principals its trust policy names. */
interface ListedRole {
  arn: string;
  trusted: string[];
}

/** Bedrock API keys: IAM service-specific credentials for Bedrock, with the users that own them. */
export async function collectApiKeys(account: AwsAccount): Promise<void> {
  const iam = new IamReader(account);
  const credentials = await iam.scope.list(
    'ListServiceSpecificCredentials',
    pagesByToken(
      (Marker) => iam.client.send(new ListServiceSpecificCredentialsCommand({ ServiceName: BEDROCK_SERVICE, AllUsers: true, Marker })),
      (page) => (page.IsTruncated ? page.Marker : undefined),
    ),
    (page) => page.ServiceSpecificCredentials,
  );
  for (const key of credentials ?? []) {
    if (!key.ServiceSpecificCredentialId || !key.UserName) continue;
    const id = `arn:${account.partition}:iam::${account.account}:service-specific-credential/${key.UserName}/${key.ServiceSpecificCredentialId}`;
    account.addAsset({
      id,
      type: 'aws.bedrock.api-key',
      name: key.ServiceCredentialAlias ?? key.ServiceSpecificCredentialId,
      region: IAM_REGION,
      props: {
        userName: key.UserName,
        active: key.Status === undefined ? undefined : key.Status === 'Active',
        createdAt: key.CreateDate?.toISOString() ?? null,
        expiresAt: key.ExpirationDate?.toISOString() ?? null,
      },
      raw: toRaw(key),
    });
    account.users.set(key.UserName, [...(account.users.get(key.UserName) ?? []), id]);
  }
}

/**
 * The identities of an account, read while its resources are still being listed: each role an AI
 * asset runs as is read (GetRole and its policies) as soon as a collector names it, and the account's
 * roles are listed as soon as one of those may assume roles by wildcard, so the account's last phase
 * waits only for what the roles lead to. Start it before the resources are collected; `finish`, once
 * they are, reads the users and the roles the principals can assume, and draws the edges.
 */
export function startIdentities(account: AwsAccount): { finish(): Promise<void> } {
  const iam = new IamReader(account);
  const reads = new Map<string, Promise<Principal | undefined>>();
  const readOnce = (arn: string) => {
    let read = reads.get(arn);
    if (!read) {
      reads.set(arn, (read = readRole(iam, arn)));
      // A role that may assume roles by wildcard needs the account's roles: list them now too.
      // Awaited by `finish`; a scan stopped before then must not end on an unhandled rejection.
      read
        .then((role) => {
          if (role && assumeRoleWildcards(role.statements).length > 0) return iam.accountRoles();
        })
        .catch(() => {});
    }
    return read;
  };
  account.onRole((arn) => void readOnce(arn));
  return { finish: () => collectIdentities(iam, readOnce) };
}

/**
 * Reads every role and user AI assets point at, and the roles those can assume (a few hops deep);
 * then draws data and assume-role edges between them.
 */
async function collectIdentities(iam: IamReader, readOnce: (arn: string) => Promise<Principal | undefined>): Promise<void> {
  const { account } = iam;
  const seen = new Set(account.roles);
  const readRoles = async (arns: readonly string[]) => (await Promise.all(arns.map(readOnce))).filter((role): role is Principal => role !== undefined);
  const [roles, users] = await Promise.all([
    readRoles([...seen]),
    Promise.all(
      [...account.users].map(async ([name, keys]) => {
        const user = await readUser(iam, name);
        for (const key of keys) account.edge(key, 'uses-identity', user.id);
        return user;
      }),
    ),
  ]);
  const principals: Principal[] = [...roles, ...users, ...(await screenModelCallerRoles(iam, seen))];
  for (const principal of principals) {
    if (account.modelCallerRoles.has(principal.id) && !account.modelInvocations.has(principal.id)) account.modelInvocations.set(principal.id, modelInvocation(principal.statements, principal.complete));
  }
  let wildcardBudget = MAX_WILDCARD_ROLES;
  let reached: Principal[] = principals;
  for (let hop = 0; hop < MAX_ASSUME_HOPS && reached.length > 0; hop++) {
    const named = reached.flatMap((principal) => assumableRoles(principal.statements));
    // Wildcard grants (sts:AssumeRole on "*" or on role patterns) reach every role of the account whose trust policy lets the principal in.
    const wildcard = reached.filter((principal) => assumeRoleWildcards(principal.statements).length > 0);
    const matched: string[] = [];
    if (wildcard.length > 0) {
      const accountRoles = await iam.accountRoles();
      for (const principal of wildcard) {
        const candidates = (accountRoles ?? []).filter(
          (role) => role.arn !== principal.id && allows(principal.statements, 'sts:AssumeRole', exactResource(role.arn)) && trusts(role.trusted, principal.id, account.account),
        );
        const unseen = candidates.filter((role) => !seen.has(role.arn) && !matched.includes(role.arn));
        // Roles it could not list, read, or that sit in other accounts: its can-assume edges are not all known.
        const reachesOtherAccounts = assumeRoleWildcards(principal.statements).some((pattern) => parseArn(pattern)?.account !== account.account);
        if (!accountRoles || unseen.length > wildcardBudget || reachesOtherAccounts) account.markEdgesUnread(principal.id, 'can-assume');
        const taken = unseen.slice(0, Math.max(0, wildcardBudget));
        wildcardBudget -= taken.length;
        matched.push(...taken.map((role) => role.arn));
      }
    }
    const next = [...new Set([...named, ...matched])].filter((arn) => !seen.has(arn));
    for (const arn of next) seen.add(arn);
    reached = await readRoles(next);
    principals.push(...reached);
  }

  for (const principal of principals) {
    // What a principal can reach is only known when all its policies were read; what can assume a role, when its trust policy was.
    if (!principal.complete) for (const edge of ['reads-data', 'writes-data', 'can-assume'] as const) account.markEdgesUnread(principal.id, edge);
    if (principal.id.includes(':role/') && !principal.trusted) account.markEdgesUnread(principal.id, 'can-assume', 'in');
    for (const name of account.buckets.keys()) {
      const bucket = `arn:${account.partition}:s3:::${name}`;
      const access = bucketAccess(principal.statements, bucket);
      if (access.read) account.edge(principal.id, 'reads-data', bucket);
      if (access.write) account.edge(principal.id, 'writes-data', bucket);
    }
    for (const target of principals) {
      if (target === principal || !target.trusted) continue;
      if (allows(principal.statements, 'sts:AssumeRole', exactResource(target.id)) && trusts(target.trusted, principal.id, account.account)) account.edge(principal.id, 'can-assume', target.id);
    }
  }
}

/**
 * The roles of compute found by listing (Lambda functions, ECS task definitions), not yet read: their
 * policies first, and the whole role only when it may call models; the others are not AI and stay out.
 */
async function screenModelCallerRoles(iam: IamReader, seen: Set<string>): Promise<Principal[]> {
  const { account } = iam;
  const unread = [...account.modelCallerRoles].filter((arn) => !seen.has(arn) && parseArn(arn)?.account === account.account);
  const read = await Promise.all(
    unread.map(async (arn) => {
      const policies = await iam.policies(POLICY_READERS.role, arnName(arn));
      const invocation = modelInvocation(policies.statements, policies.complete);
      account.modelInvocations.set(arn, invocation);
      if (invocation.allowed !== true) return undefined;
      seen.add(arn);
      return readRole(iam, arn, policies);
    }),
  );
  return read.filter((role): role is Principal => role !== undefined);
}

async function readRole(iam: IamReader, arn: string, knownPolicies?: PolicySet): Promise<Principal | undefined> {
  const { account, scope, client } = iam;
  const name = arnName(arn);
  const owner = parseArn(arn)?.account;
  // GetRole only reads roles of the calling account; a role elsewhere stays a stub.
  if (owner !== account.account) {
    account.addAsset({ id: arn, type: 'aws.iam.role', name, region: IAM_REGION, props: {}, account: owner });
    return undefined;
  }
  const [response, policies] = await Promise.all([scope.call('GetRole', () => client.send(new GetRoleCommand({ RoleName: name }))), knownPolicies ?? iam.policies(POLICY_READERS.role, name)]);
  const role = response?.Role;
  const trust = parsePolicyDocument(role?.AssumeRolePolicyDocument);
  const trusted = trust && principals(trust, 'AWS');
  addPrincipal(account, { id: arn, type: 'aws.iam.role', name }, role, policies, { trustedServices: trust && principals(trust, 'Service'), trustedPrincipals: trusted }, {
    Role: { ...role, AssumeRolePolicyDocument: trust },
  });
  return { id: arn, statements: policies.statements, complete: policies.complete, trusted };
}

async function readUser(iam: IamReader, name: string): Promise<Principal> {
  const { account, scope, client } = iam;
  const [response, own, groups] = await Promise.all([
    scope.call('GetUser', () => client.send(new GetUserCommand({ UserName: name }))),
    iam.policies(POLICY_READERS.user, name),
    scope.list('ListGroupsForUser', paginateListGroupsForUser({ client }, { UserName: name }), (page) => page.Groups),
  ]);
  const groupNames = groups?.flatMap((group) => group.GroupName ?? []).sort();
  const groupPolicies = await Promise.all((groupNames ?? []).map((group) => iam.policies(POLICY_READERS.group, group)));
  const merged = mergePolicySets([own, ...groupPolicies]);
  const policies = { ...merged, complete: merged.complete && groupNames !== undefined };
  const user = response?.User;
  const id = user?.Arn ?? `arn:${account.partition}:iam::${account.account}:user/${name}`;
  addPrincipal(account, { id, type: 'aws.iam.user', name }, user, policies, { groups: groupNames }, { User: user, Groups: groupNames });
  return { id, statements: policies.statements, complete: policies.complete };
}

/** What GetRole and GetUser both tell about a principal. */
interface PrincipalRecord {
  Tags?: Array<{ Key?: string; Value?: string }>;
  PermissionsBoundary?: { PermissionsBoundaryArn?: string };
}

/** The asset of a role or user: what its policies grant, and what its own record says (unknown when it could not be read). */
function addPrincipal(
  account: AwsAccount,
  principal: { id: string; type: string; name: string },
  record: PrincipalRecord | undefined,
  policies: PolicySet,
  props: Record<string, unknown>,
  raw: Record<string, unknown>,
): void {
  account.addAsset({
    ...principal,
    region: IAM_REGION,
    tags: record ? (tagMap(record.Tags) ?? {}) : undefined,
    props: {
      admin: policies.admin,
      wildcardActions: policies.wildcardActions,
      assumeRoleWildcards: policies.complete ? assumeRoleWildcards(policies.statements) : undefined,
      // Found in what was read is true whatever else is unread; not found is false only when every policy was read.
      marketplaceSubscribe: grantsMarketplaceSubscribe(policies.statements) || (policies.complete ? false : undefined),
      attachedPolicies: policies.attached,
      inlinePolicies: policies.inline && [...policies.inline].sort(),
      permissionsBoundary: record ? (record.PermissionsBoundary?.PermissionsBoundaryArn ?? null) : undefined,
      ...props,
    },
    raw: record ? toRaw({ ...raw, AttachedPolicies: policies.attached, InlinePolicies: policies.inline }) : undefined,
  });
}

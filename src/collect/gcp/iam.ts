/**
 * What IAM bindings mean for the graph: which roles make an identity an administrator, which let it
 * impersonate a service account, and which give read or write access to Cloud Storage data. Custom roles are not expanded (their permissions
 * are not read), so an identity with only custom roles has no data edges.
 */

export interface IamPolicy {
  bindings?: Array<{ role?: string | null; members?: string[] | null; condition?: unknown }> | null;
  /** Data Access audit logging per service (getIamPolicy returns it on projects, folders and organizations). */
  auditConfigs?: Array<{ service?: string | null; auditLogConfigs?: Array<{ logType?: string | number | null; exemptedMembers?: string[] | null }> | null }> | null;
}

/** Project roles that can change (nearly) anything in the project. */
const ADMIN_ROLES: ReadonlySet<string> = new Set(['roles/owner', 'roles/editor']);

/**
 * Roles that let a member run as a service account: iam.serviceAccounts.actAs (attach it to a
 * workload it creates: Owner, Editor, Service Account User) or iam.serviceAccounts.getAccessToken
 * (mint its tokens: Service Account Token Creator, Workload Identity User).
 * https://cloud.google.com/iam/docs/service-account-permissions
 */
const IMPERSONATION_ROLES: ReadonlySet<string> = new Set(['roles/owner', 'roles/editor', 'roles/iam.serviceAccountUser', 'roles/iam.serviceAccountTokenCreator', 'roles/iam.workloadIdentityUser']);

/**
 * Roles that read object data (storage.objects.get), or can grant themselves that (legacyBucketOwner
 * holds storage.buckets.setIamPolicy). legacyBucketReader and legacyBucketWriter are not here: they
 * grant storage.buckets.get and storage.objects.list (object names, not contents), plus create and
 * delete for the writer. https://cloud.google.com/storage/docs/access-control/iam-roles
 */
const STORAGE_READ_ROLES = new Set([
  'roles/owner',
  'roles/editor',
  'roles/storage.admin',
  'roles/storage.objectAdmin',
  'roles/storage.objectUser',
  'roles/storage.objectViewer',
  'roles/storage.legacyBucketOwner',
  'roles/storage.legacyObjectOwner',
  'roles/storage.legacyObjectReader',
]);

const STORAGE_WRITE_ROLES = new Set([
  'roles/owner',
  'roles/editor',
  'roles/storage.admin',
  'roles/storage.objectAdmin',
  'roles/storage.objectUser',
  'roles/storage.objectCreator',
  'roles/storage.legacyBucketOwner',
  'roles/storage.legacyBucketWriter',
]);

/** Anyone on the internet (allUsers), or anyone with a Google account (allAuthenticatedUsers). */
const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

export interface DataAccess {
  read: boolean;
  write: boolean;
}

/** The roles a policy grants to a member (e.g. `serviceAccount:x@p.iam.gserviceaccount.com`), sorted. */
export function rolesOf(policy: IamPolicy, member: string): string[] {
  const roles = (policy.bindings ?? []).filter((binding) => binding.role && binding.members?.includes(member)).map((binding) => binding.role as string);
  return [...new Set(roles)].sort();
}

/** The Cloud Storage data access these roles give. */
export function storageAccess(roles: readonly string[]): DataAccess {
  return { read: roles.some((role) => STORAGE_READ_ROLES.has(role)), write: roles.some((role) => STORAGE_WRITE_ROLES.has(role)) };
}

/** The data access a bucket policy gives to the public. */
export function publicStorageAccess(policy: IamPolicy): DataAccess {
  const roles = (policy.bindings ?? []).filter((binding) => binding.members?.some((member) => PUBLIC_MEMBERS.has(member))).map((binding) => binding.role ?? '');
  return storageAccess(roles);
}

export function isPublicMember(member: string): boolean {
  return PUBLIC_MEMBERS.has(member);
}

/** Members that stand for principals aispm cannot list: a Google group, a Workspace domain, a workload or workforce pool set. */
function isUnexpandedSet(member: string): boolean {
  return /^(group|domain):/.test(member) || member.startsWith('principalSet://');
}

/**
 * Whether the policies (a resource's, and those it inherits) grant the member one of the roles:
 * true when a binding names it (or everyone) without a condition; unknown (undefined) when a binding
 * names a group or other set it may belong to, or names it under a condition that is not evaluated;
 * false otherwise. Deny policies are not read.
 */
function grantsAny(roles: ReadonlySet<string>, member: string, policies: readonly IamPolicy[]): boolean | undefined {
  let unknown = false;
  for (const binding of policies.flatMap((policy) => policy.bindings ?? [])) {
    if (!binding.role || !roles.has(binding.role)) continue;
    for (const granted of binding.members ?? []) {
      const names = granted === member || isPublicMember(granted);
      if (names && !binding.condition) return true;
      if (names || isUnexpandedSet(granted)) unknown = true;
    }
  }
  return unknown ? undefined : false;
}

/** The member holds an administrator role through these policies (see grantsAny). */
export function grantsAdmin(member: string, policies: readonly IamPolicy[]): boolean | undefined {
  return grantsAny(ADMIN_ROLES, member, policies);
}

/** The member may act as, or mint tokens for, a service account these policies govern (see grantsAny). */
export function grantsImpersonation(member: string, policies: readonly IamPolicy[]): boolean | undefined {
  return grantsAny(IMPERSONATION_ROLES, member, policies);
}

/** The service accounts a policy names, by email. */
export function serviceAccountMembers(policy: IamPolicy): string[] {
  return (policy.bindings ?? []).flatMap((binding) => binding.members ?? []).flatMap((member) => (member.startsWith('serviceAccount:') ? [member.slice('serviceAccount:'.length)] : []));
}

/**
 * What IAM bindings mean for the graph: which roles make an identity an administrator, and which
 * give read or write access to Cloud Storage data. Custom roles are not expanded (their permissions
 * are not read), so an identity with only custom roles has no data edges.
 */

export interface IamPolicy {
  bindings?: Array<{ role?: string | null; members?: string[] | null }> | null;
}

/** Project roles that can change (nearly) anything in the project. */
const ADMIN_ROLES = new Set(['roles/owner', 'roles/editor']);

const STORAGE_READ_ROLES = new Set([
  'roles/owner',
  'roles/editor',
  'roles/storage.admin',
  'roles/storage.objectAdmin',
  'roles/storage.objectUser',
  'roles/storage.objectViewer',
  'roles/storage.legacyBucketOwner',
  'roles/storage.legacyBucketReader',
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

export function isAdminRole(role: string): boolean {
  return ADMIN_ROLES.has(role);
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

import { AuthorizationManagementClient, type RoleAssignment, type RoleDefinition } from '@azure/arm-authorization';
import { ManagedServiceIdentityClient } from '@azure/arm-msi';
import { forEachConcurrently } from '../runtime.js';
import { drain, jsonRecord, lastSegment, same, subscriptionOf, tagsOf, type ArmIdentity } from './arm.js';
import { clientOptions } from './connection.js';
import { SERVICES, type AzureScan, type DataGrant, type ResourceRef, type SearchWriteGrant } from './session.js';

/**
 * Managed identities of AI resources and what their role assignments let them do: `admin` for
 * wildcard or role-assignment rights over a subscription or resource group (Owner, Contributor, User
 * Access Administrator, custom roles alike), and blob data roles as reads-data / writes-data grants.
 */

const IDENTITY_TYPE = 'azure.managedidentity.identity';

/**
 * Records the identities in a resource's `identity` block and links the resource to them. Returns
 * whether the resource has a managed identity (a missing block means none).
 */
export function attachIdentities(scan: AzureScan, holder: ResourceRef, identity: ArmIdentity | undefined): boolean {
  const type = identity?.type ?? 'None';
  if (/systemassigned/i.test(type) && identity?.principalId) {
    // The system-assigned identity has no resource of its own; ARM serves it under this path.
    const id = `${holder.id}/providers/Microsoft.ManagedIdentity/identities/default`;
    addIdentity(scan, holder, { id, name: `${holder.name} (system-assigned)`, identityType: 'SystemAssigned', principalId: identity.principalId, account: holder.account });
  }
  if (/userassigned/i.test(type)) {
    for (const [id, details] of Object.entries(identity?.userAssignedIdentities ?? {})) {
      addIdentity(scan, holder, { id, name: lastSegment(id), identityType: 'UserAssigned', principalId: details?.principalId, account: subscriptionOf(id) ?? holder.account });
    }
  }
  return /assigned/i.test(type);
}

interface IdentityReference {
  id: string;
  name: string;
  identityType: 'SystemAssigned' | 'UserAssigned';
  principalId: string | undefined;
  account: string;
}

function addIdentity(scan: AzureScan, holder: ResourceRef, identity: IdentityReference): void {
  const key = identity.id.toLowerCase();
  if (!scan.identities.has(key)) {
    scan.identities.set(key, {
      id: identity.id,
      type: IDENTITY_TYPE,
      account: identity.account,
      region: holder.region,
      name: identity.name,
      props: { identityType: identity.identityType, ...(identity.principalId ? { principalId: identity.principalId } : {}) },
    });
  }
  if (identity.principalId) {
    const principal = identity.principalId.toLowerCase();
    const ids = scan.principals.get(principal) ?? new Set<string>();
    ids.add(identity.id);
    scan.principals.set(principal, ids);
  }
  scan.graph.link(holder.id, 'uses-identity', identity.id);
}

/** Actions that amount to control of everything in scope: all actions, or granting roles to anyone. */
const ADMIN_ACTIONS = ['*', 'Microsoft.Authorization/*'];
const BLOB_READ = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read';
const BLOB_WRITE = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write';
/** "Upload documents to an index or modify existing documents" (Search Index Data Contributor has documents/*). */
const SEARCH_DOCUMENTS_WRITE = 'Microsoft.Search/searchServices/indexes/documents/write';
/** The admin keys, which write every index of a service that accepts keys (Contributor, Search Service Contributor). */
const SEARCH_ADMIN_KEYS = 'Microsoft.Search/searchServices/listAdminKeys/action';
/** A management group, a subscription or a resource group: everything inside, not one resource. */
const BROAD_SCOPE = /^\/(?:providers\/Microsoft\.Management\/managementGroups\/[^/]+|subscriptions\/[^/]+(?:\/resourceGroups\/[^/]+)?)?\/?$/i;

/**
 * Reads the role assignments of every scanned subscription (one paged call each), keeps those of the
 * AI identities, and reads the role definitions they use. Role names and `admin: false` are set only
 * when every subscription's assignments were read: an unread one could hold an Owner assignment.
 */
export async function collectRoleAssignments(scan: AzureScan, subscriptionIds: readonly string[]): Promise<void> {
  if (scan.principals.size === 0 || subscriptionIds.length === 0) return;
  const clients = new Map(subscriptionIds.map((subscriptionId) => [subscriptionId, new AuthorizationManagementClient(scan.connection.credential, subscriptionId, clientOptions(scan.connection))]));
  const assignments = new Map<string, RoleAssignment & { subscriptionId: string }>();
  const unread: string[] = [];
  await forEachConcurrently(subscriptionIds, async (subscriptionId) => {
    const client = clients.get(subscriptionId)!;
    const listed = await scan.call(subscriptionId, SERVICES.authorization, 'roleAssignments.listForSubscription', () => drain(client.roleAssignments.listForSubscription()));
    if (!listed) {
      unread.push(subscriptionId);
      return;
    }
    // Assignments above the subscription (management groups) are listed in every subscription: keep one.
    for (const assignment of listed) {
      if (assignment.principalId && scan.principals.has(assignment.principalId.toLowerCase())) assignments.set((assignment.id ?? '').toLowerCase(), { ...assignment, subscriptionId });
    }
  });
  const definitions = await readRoleDefinitions(scan, clients, [...assignments.values()]);
  const allRead = unread.length === 0;
  // Search services sit in a subscription whose assignments could not be read: any identity may be able to write them.
  const searchUnknown = [...scan.searchAuth.values()].some(({ id }) => unread.some((subscriptionId) => same(subscriptionOf(id), subscriptionId)));
  for (const [principal, identityIds] of scan.principals) {
    const granted = [...assignments.values()]
      .filter((assignment) => assignment.principalId?.toLowerCase() === principal)
      .map((assignment) => ({ assignment, definition: definitions.get(roleKey(assignment.roleDefinitionId)) }));
    const complete = allRead && granted.every(({ definition }) => definition !== undefined);
    const admin = granted.some(({ assignment, definition }) => definition && isAdminRole(definition) && BROAD_SCOPE.test(assignment.scope ?? ''));
    const roles = [...new Set(granted.map(({ definition }) => definition?.roleName ?? ''))].filter(Boolean).sort();
    for (const id of identityIds) {
      const identity = scan.identities.get(id.toLowerCase())!;
      if (admin) identity.props.admin = true;
      else if (complete) identity.props.admin = false;
      if (complete) identity.props.roles = roles;
      // An assignment that could not be read may grant writes the edges below do not show.
      if (searchUnknown || granted.some(({ definition }) => !definition)) scan.graph.markEdgesUnread(id, 'writes-data', 'out');
    }
    for (const { assignment, definition } of granted) {
      if (!definition || !assignment.scope) continue;
      for (const grant of dataGrantsOf(definition)) scan.dataGrants.push({ identityIds: [...identityIds], scope: assignment.scope, edge: grant });
      const search = searchWriteOf(definition);
      if (search) scan.searchWriteGrants.push({ identityIds: [...identityIds], scope: assignment.scope, via: search });
    }
  }
}

/** Role definitions by the GUID that ends their id (the same for a built-in role in every subscription), each read once. */
async function readRoleDefinitions(
  scan: AzureScan,
  clients: ReadonlyMap<string, AuthorizationManagementClient>,
  assignments: ReadonlyArray<RoleAssignment & { subscriptionId: string }>,
): Promise<Map<string, RoleDefinition>> {
  const wanted = new Map<string, { id: string; subscriptionId: string }>();
  for (const assignment of assignments) {
    if (assignment.roleDefinitionId) wanted.set(roleKey(assignment.roleDefinitionId), { id: assignment.roleDefinitionId, subscriptionId: assignment.subscriptionId });
  }
  const definitions = new Map<string, RoleDefinition>();
  await forEachConcurrently([...wanted], async ([key, { id, subscriptionId }]) => {
    const definition = await scan.call(subscriptionId, SERVICES.authorization, 'roleDefinitions.getById', () => clients.get(subscriptionId)!.roleDefinitions.getById(id));
    if (definition) definitions.set(key, definition);
  });
  return definitions;
}

function roleKey(roleDefinitionId: string | undefined): string {
  return lastSegment(roleDefinitionId ?? '').toLowerCase();
}

function isAdminRole(definition: RoleDefinition): boolean {
  return (definition.permissions ?? []).some((permission) => (permission.actions ?? []).some((action) => ADMIN_ACTIONS.some((admin) => same(action, admin))));
}

function dataGrantsOf(definition: RoleDefinition): Array<DataGrant['edge']> {
  const grants: Array<DataGrant['edge']> = [];
  if (grantsDataAction(definition, BLOB_READ)) grants.push('reads-data');
  if (grantsDataAction(definition, BLOB_WRITE)) grants.push('writes-data');
  return grants;
}

/** How a role lets its holder write search indexes: a data-plane role, the admin keys, or not at all. */
function searchWriteOf(definition: RoleDefinition): SearchWriteGrant['via'] | undefined {
  if (grantsDataAction(definition, SEARCH_DOCUMENTS_WRITE)) return 'data-role';
  return grantsAction(definition, SEARCH_ADMIN_KEYS) ? 'admin-keys' : undefined;
}

function grantsDataAction(definition: RoleDefinition, action: string): boolean {
  return (definition.permissions ?? []).some(
    (permission) => (permission.dataActions ?? []).some((pattern) => actionMatches(pattern, action)) && !(permission.notDataActions ?? []).some((pattern) => actionMatches(pattern, action)),
  );
}

function grantsAction(definition: RoleDefinition, action: string): boolean {
  return (definition.permissions ?? []).some(
    (permission) => (permission.actions ?? []).some((pattern) => actionMatches(pattern, action)) && !(permission.notActions ?? []).some((pattern) => actionMatches(pattern, action)),
  );
}

/** Azure RBAC action patterns: case-insensitive, `*` matches any run of characters. */
function actionMatches(pattern: string, action: string): boolean {
  const expression = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('.*');
  return new RegExp(`^${expression}$`, 'i').test(action);
}

/** Reads the user-assigned identities of the scanned subscriptions that AI resources use (their region and tags). */
export async function collectIdentities(scan: AzureScan, subscriptionIds: readonly string[]): Promise<void> {
  const userAssigned = [...scan.identities.values()].filter((identity) => identity.props.identityType === 'UserAssigned');
  const subscriptions = subscriptionIds.filter((subscriptionId) => userAssigned.some((identity) => same(identity.account, subscriptionId)));
  await forEachConcurrently(subscriptions, async (subscriptionId) => {
    const client = new ManagedServiceIdentityClient(scan.connection.credential, subscriptionId, clientOptions(scan.connection));
    const listed = await scan.call(subscriptionId, SERVICES.managedIdentity, 'userAssignedIdentities.listBySubscription', () => drain(client.userAssignedIdentities.listBySubscription()));
    for (const identity of listed ?? []) {
      if (!identity.id || !scan.identities.has(identity.id.toLowerCase())) continue;
      scan.graph.add({
        id: identity.id,
        type: IDENTITY_TYPE,
        account: subscriptionId,
        region: identity.location,
        name: identity.name ?? lastSegment(identity.id),
        tags: tagsOf(identity.tags),
        props: { identityType: 'UserAssigned', principalId: identity.principalId ?? null },
        raw: jsonRecord(identity),
      });
    }
  });
}

/** Hands every identity the AI resources use to the graph, once its role assignments are read. */
export function referenceIdentities(scan: AzureScan): void {
  for (const identity of scan.identities.values()) scan.graph.reference(identity);
}

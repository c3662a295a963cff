import type { Account, CognitiveServicesManagementClient, ConnectionPropertiesV2BasicResource, Project } from '@azure/arm-cognitiveservices';
import { looksLikeSecretKey, REDACTION_PREFIX } from '../../secrets/detect.js';
import { forEachConcurrently } from '../runtime.js';
import { drain, jsonRecord, knownValue, same, subscriptionOf, tagsOf, type ResourceIdParts } from './arm.js';
import { attachIdentities } from './identities.js';
import { hostOf } from './search.js';
import { SERVICES, type AzureScan, type ResourceRef } from './session.js';

/**
 * AI Foundry (new style): the projects of an AI services account (`accounts/{a}/projects/{p}`), the
 * connections at account and project level, and the projects' managed identities, whose role
 * assignments the identity phase reads like any other AI identity's.
 *
 * Read at the api-version @azure/arm-cognitiveservices 8.1 sends, 2025-09-01. Connection list and
 * get answers carry no credential values (the credential fields are x-ms-secret in the spec, and that
 * api-version has no listSecrets operation); aispm still drops `properties.credentials` from what it
 * keeps, and never calls an operation that returns secrets.
 */

const PROJECT_TYPE = 'azure.cognitiveservices.project';
const CONNECTION_TYPE = 'azure.cognitiveservices.connection';

/** ConnectionAuthType (2025-09-01) values whose connection keeps a secret for its target; the others are AAD, ManagedIdentity and None. */
const STORED_CREDENTIAL_AUTH = ['ApiKey', 'AccountKey', 'SAS', 'PAT', 'UsernamePassword', 'ServicePrincipal', 'AccessKey', 'CustomKeys', 'OAuth2'] as const;
const IDENTITY_AUTH = ['AAD', 'ManagedIdentity', 'None'] as const;

/**
 * Which listings an account gets. Projects are child resources only of accounts that "support
 * project management" (allowProjectManagement, in the 2025-09-01 spec); connections belong to AI
 * Foundry resources, which are AIServices accounts. Other accounts are not asked, so that a classic
 * Azure OpenAI or speech account costs no calls for children it cannot have.
 */
export function foundryScope(account: Account): { connections: boolean; projects: boolean } {
  const projects = account.properties?.allowProjectManagement === true;
  return { projects, connections: projects || same(account.kind, 'AIServices') };
}

/**
 * Reads the projects and connections of one account. A listing that fails is a coverage gap, and the
 * relations it would have named (children `part-of` the account or project) are marked unread.
 */
export async function collectFoundry(scan: AzureScan, client: CognitiveServicesManagementClient, account: ResourceRef, parts: ResourceIdParts, scope: { connections: boolean; projects: boolean }): Promise<void> {
  const call = <T>(operation: string, run: () => Promise<T>) => scan.call(account.account, SERVICES.cognitiveServices, operation, run);
  const [projects, connections] = await Promise.all([
    scope.projects ? call('projects.list', () => drain(client.projects.list(parts.resourceGroup, parts.name))) : [],
    scope.connections ? call('accountConnections.list', () => drain(client.accountConnections.list(parts.resourceGroup, parts.name))) : [],
  ]);
  if (!projects || !connections) {
    scan.graph.markEdgesUnread(account.id, 'part-of', 'in');
    scan.connectionsUnread = true;
  }
  for (const connection of connections ?? []) addConnection(scan, account, connection);
  await forEachConcurrently(projects ?? [], async (project) => {
    const ref = addProject(scan, account, project);
    if (!ref) return;
    const listed = await call('projectConnections.list', () => drain(client.projectConnections.list(parts.resourceGroup, parts.name, ref.name)));
    if (!listed) {
      scan.graph.markEdgesUnread(ref.id, 'part-of', 'in');
      scan.connectionsUnread = true;
    }
    for (const connection of listed ?? []) addConnection(scan, ref, connection);
  });
}

function addProject(scan: AzureScan, account: ResourceRef, project: Project): ResourceRef | undefined {
  if (!project.id || !project.name) return undefined;
  const ref: ResourceRef = { id: project.id, name: project.name, account: account.account, region: project.location ?? account.region };
  const managedIdentity = attachIdentities(scan, ref, project.identity);
  const properties = project.properties ?? {};
  scan.graph.add({
    ...ref,
    type: PROJECT_TYPE,
    tags: tagsOf(project.tags),
    props: { displayName: properties.displayName ?? null, isDefault: properties.isDefault ?? null, endpoints: properties.endpoints ?? null, managedIdentity },
    raw: jsonRecord(project),
  });
  scan.graph.link(ref.id, 'part-of', account.id);
  return ref;
}

function addConnection(scan: AzureScan, parent: ResourceRef, connection: ConnectionPropertiesV2BasicResource): void {
  if (!connection.id) return;
  scan.graph.add({
    id: connection.id,
    type: CONNECTION_TYPE,
    account: parent.account,
    region: parent.region,
    name: connection.name ?? connection.id,
    props: { ...connectionProps(connection), ...targetProps(connection, parent.account) },
    raw: connectionRecord(connection),
  });
  scan.graph.link(connection.id, 'part-of', parent.id);
  if (same(connection.properties?.category, 'CognitiveSearch')) {
    scan.searchUses.push({ from: connection.id, resourceId: connection.properties?.metadata?.ResourceId, host: hostOf(connection.properties?.target) });
  }
}

export function connectionProps(connection: ConnectionPropertiesV2BasicResource) {
  const properties = connection.properties;
  const target = properties?.target;
  const shared = properties?.isSharedToAll;
  return {
    category: properties?.category ?? null,
    authType: properties?.authType ?? null,
    storesCredential: storesCredential(properties?.authType),
    target: target === undefined ? null : redactTarget(target),
    ...(shared !== undefined ? { isSharedToAll: shared } : {}),
  };
}

/** The Azure resource a connection's metadata names, and whether it lies in another subscription than the connection's account. */
function targetProps(connection: ConnectionPropertiesV2BasicResource, subscriptionId: string) {
  const targetResourceId = connection.properties?.metadata?.ResourceId;
  const targetSubscription = targetResourceId ? subscriptionOf(targetResourceId) : undefined;
  return {
    targetResourceId: targetResourceId ?? null,
    ...(targetSubscription ? { crossSubscription: !same(targetSubscription, subscriptionId) } : {}),
  };
}

/** Whether the auth type keeps a secret; undefined for a value newer than this code. */
function storesCredential(authType: string | undefined): boolean | undefined {
  if (knownValue(authType, IDENTITY_AUTH)) return false;
  return knownValue(authType, STORED_CREDENTIAL_AUTH) ? true : undefined;
}

/** What aispm keeps of a connection: its record without any credential field, and its target redacted. */
export function connectionRecord(connection: ConnectionPropertiesV2BasicResource): unknown {
  const record = jsonRecord(connection) as { properties?: Record<string, unknown> };
  if (record.properties) {
    delete record.properties.credentials;
    if (typeof record.properties.target === 'string') record.properties.target = redactTarget(record.properties.target);
  }
  return record;
}

/**
 * A connection target without the parts that can carry a secret: a URL loses user name, password,
 * query string (a SAS token, an Azure Functions `code`) and fragment; a `key=value;...` connection
 * string keeps its keys and loses the values of secret-looking ones (Password, AccountKey, ...).
 * Resource ids and host names stay as they are.
 */
export function redactTarget(target: string): string {
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(target) ? parseUrl(target) : undefined;
  if (url) {
    if (!url.username && !url.password && !url.search && !url.hash) return target;
    const removed = (part: string) => `${REDACTION_PREFIX}${part}]`;
    return `${url.protocol}//${url.username || url.password ? `${removed('user-info')}@` : ''}${url.host}${url.pathname}${url.search ? `?${removed('query')}` : ''}${url.hash ? `#${removed('fragment')}` : ''}`;
  }
  if (!target.includes('=')) return target;
  return target
    .split(';')
    .map((pair) => {
      const at = pair.indexOf('=');
      return at > 0 && looksLikeSecretKey(pair.slice(0, at).trim()) ? `${pair.slice(0, at)}=${REDACTION_PREFIX}value]` : pair;
    })
    .join(';');
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

import { SearchManagementClient, type SearchService } from '@azure/arm-search';
import { forEachConcurrently } from '../runtime.js';
import { drain, jsonRecord, knownValue, same, tagsOf, withinScope } from './arm.js';
import { clientOptions } from './connection.js';
import { diagnosticLoggingReader } from './diagnostics.js';
import { attachIdentities } from './identities.js';
import { resourceRef, SERVICES, type AzureScan } from './session.js';

/**
 * Azure AI Search services, the retrieval store behind most RAG applications: their network
 * exposure (public access, IP rules, private endpoints), data-plane authentication (API keys or
 * Microsoft Entra ID), CMK enforcement, managed identity, semantic search, shared private links and
 * diagnostic settings; and which AI Foundry connections retrieve from them.
 *
 * Read with @azure/arm-search 3.3, which sends api-version 2025-05-01, the newest GA version of
 * Microsoft.Search. Private endpoint connections and shared private links come in the service's own
 * record (read-only arrays), so one listing per subscription reads everything but the logs. The
 * client never calls the key operations (listAdminKeys, listQueryKeys): they return secrets.
 */

const SEARCH_TYPE = 'azure.search.service';

export async function collectSearch(scan: AzureScan, subscriptionId: string): Promise<void> {
  const client = new SearchManagementClient(scan.connection.credential, subscriptionId, clientOptions(scan.connection));
  const services = await scan.call(subscriptionId, SERVICES.search, 'services.listBySubscription', () => drain(client.services.listBySubscription()));
  if (!services?.length) return;
  const readLogging = diagnosticLoggingReader(scan, subscriptionId);
  await forEachConcurrently(services, async (service) => {
    const resource = resourceRef(service, subscriptionId);
    if (!resource) return;
    const { parts: _parts, ...ref } = resource;
    const logging = await readLogging(ref.id);
    const managedIdentity = attachIdentities(scan, ref, service.identity);
    scan.searchServices.set(ref.id.toLowerCase(), ref.id);
    scan.searchAuth.set(ref.id.toLowerCase(), { id: ref.id, authMode: authMode(service) });
    const host = hostOf(service.endpoint) ?? `${ref.name}.search.windows.net`;
    scan.searchServices.set(host.toLowerCase(), ref.id);
    scan.graph.add({ ...ref, type: SEARCH_TYPE, tags: tagsOf(service.tags), props: { ...searchProps(service), managedIdentity, ...(logging ?? {}) }, raw: jsonRecord(service) });
  });
}

/**
 * Links each Foundry connection to the AI Search service it retrieves from (`reads-data`): by the
 * search resource id its metadata names, else by its target URL's host. Called once every
 * subscription has been read. When some connection listing failed, a search service's users may be
 * missing, so its incoming `reads-data` edges are marked unread.
 */
export function linkSearchUses(scan: AzureScan): void {
  for (const use of scan.searchUses) {
    const target = (use.resourceId && scan.searchServices.get(use.resourceId.toLowerCase())) || (use.host && scan.searchServices.get(use.host.toLowerCase()));
    if (target) scan.graph.link(use.from, 'reads-data', target);
  }
  if (!scan.connectionsUnread) return;
  for (const id of new Set(scan.searchServices.values())) scan.graph.markEdgesUnread(id, 'reads-data', 'in');
}

/**
 * Links AI identities to the search services they can write (`writes-data`), once role assignments
 * are read: a data-plane role counts where the service accepts Microsoft Entra ID (not apiKeyOnly),
 * the admin keys where it accepts keys (not aadOnly).
 */
export function linkSearchWriters(scan: AzureScan): void {
  for (const grant of scan.searchWriteGrants) {
    for (const { id, authMode } of scan.searchAuth.values()) {
      if (!withinScope(id, grant.scope)) continue;
      const works = grant.via === 'data-role' ? authMode !== 'apiKeyOnly' : authMode !== 'aadOnly';
      if (works) for (const identityId of grant.identityIds) scan.graph.link(identityId, 'writes-data', id);
    }
  }
}

export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

const PUBLIC_ACCESS = ['Enabled', 'Disabled', 'SecuredByPerimeter'] as const;
const CMK_ENFORCEMENT = ['Enabled', 'Disabled', 'Unspecified'] as const;

/** An IP rule that admits every IPv4 address (a /0 range). */
function admitsAll(rule: string): boolean {
  return /\/0$/.test(rule.trim());
}

export function searchProps(service: SearchService) {
  const ipRules = (service.networkRuleSet?.ipRules ?? []).map((rule) => rule.value).filter((value): value is string => typeof value === 'string');
  // Absent: Enabled, the spec's default.
  const access = knownValue(service.publicNetworkAccess ?? 'Enabled', PUBLIC_ACCESS);
  const publicEndpoint = access === undefined ? undefined : access === 'Enabled';
  const enforcement = knownValue(service.encryptionWithCmk?.enforcement, CMK_ENFORCEMENT);
  const compliance = service.encryptionWithCmk?.encryptionComplianceStatus ?? null;
  return {
    skuName: service.sku?.name ?? null,
    replicaCount: service.replicaCount ?? 1,
    partitionCount: service.partitionCount ?? 1,
    publicNetworkAccess: service.publicNetworkAccess ?? null,
    publicEndpoint,
    internetExposed: publicEndpoint === undefined ? undefined : publicEndpoint && (ipRules.length === 0 || ipRules.some(admitsAll)),
    ipRules,
    networkBypass: service.networkRuleSet?.bypass ?? null,
    privateEndpoints: (service.privateEndpointConnections ?? []).filter((connection) => same(connection.properties?.privateLinkServiceConnectionState?.status, 'Approved')).length,
    sharedPrivateLinks: (service.sharedPrivateLinkResources ?? [])
      .filter((link) => same(link.properties?.status, 'Approved') && link.properties?.privateLinkResourceId)
      .map((link) => link.properties!.privateLinkResourceId!)
      .sort(),
    localAuthDisabled: service.disableLocalAuth === true,
    authMode: authMode(service),
    cmkEnforcement: service.encryptionWithCmk?.enforcement ?? null,
    cmkComplianceStatus: compliance,
    customerManagedKey: enforcement === undefined ? undefined : enforcement === 'Enabled' && !same(compliance, 'NonCompliant'),
    semanticSearch: service.semanticSearch ?? null,
    dataExfiltrationProtections: service.dataExfiltrationProtections ?? [],
    sensitiveData: true,
  };
}

/**
 * How the data plane authenticates: aadOnly (disableLocalAuth: API keys refused), aadOrApiKey, or
 * apiKeyOnly, which is also what a service with neither setting does (keys are the default).
 */
function authMode(service: SearchService): 'aadOnly' | 'aadOrApiKey' | 'apiKeyOnly' {
  if (service.disableLocalAuth === true) return 'aadOnly';
  return service.authOptions?.aadOrApiKey ? 'aadOrApiKey' : 'apiKeyOnly';
}

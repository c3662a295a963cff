import {
  CognitiveServicesManagementClient,
  type Account,
  type AccountModel,
  type Deployment,
  type PrivateEndpointConnection,
  type RaiPolicy,
  type RaiPolicyContentFilter,
} from '@azure/arm-cognitiveservices';
import { forEachConcurrently } from '../runtime.js';
import { drain, enumIs, jsonRecord, openToInternet, same, tagsOf, type ResourceIdParts } from './arm.js';
import { clientOptions } from './connection.js';
import { defenderPlanId } from './defender.js';
import { diagnosticLoggingReader, type DiagnosticLoggingReader } from './diagnostics.js';
import { collectFoundry, foundryScope } from './foundry.js';
import { attachIdentities } from './identities.js';
import { keyIdFromVault, linkEncryptionKey } from './keys.js';
import { guardrailsId } from './policy.js';
import { resourceRef, SERVICES, type AzureScan, type ResourceRef } from './session.js';

/**
 * Azure OpenAI and the other Azure AI services (every account kind): the accounts, their model
 * deployments, the content filters (RAI policies) in force, the model catalog's retirement dates,
 * the accounts' diagnostic settings, and the AI Foundry projects and connections (foundry.ts).
 */

const ACCOUNT_TYPE = 'azure.cognitiveservices.account';
const DEPLOYMENT_TYPE = 'azure.cognitiveservices.deployment';
const RAI_POLICY_TYPE = 'azure.cognitiveservices.rai-policy';

export async function collectCognitiveServices(scan: AzureScan, subscriptionId: string): Promise<void> {
  const client = new CognitiveServicesManagementClient(scan.connection.credential, subscriptionId, clientOptions(scan.connection));
  const accounts = await scan.call(subscriptionId, SERVICES.cognitiveServices, 'accounts.list', () => drain(client.accounts.list()));
  if (!accounts) {
    // Unread accounts: their connections (users of search services) and the AI workloads a Defender plan covers.
    scan.connectionsUnread = true;
    scan.graph.markEdgesUnread(defenderPlanId(subscriptionId, 'AI'), 'monitored-by', 'in');
    scan.graph.markEdgesUnread(guardrailsId(subscriptionId), 'governed-by', 'in');
  }
  if (!accounts?.length) return;
  const readLogging = diagnosticLoggingReader(scan, subscriptionId);
  await forEachConcurrently(accounts, (account) => collectAccount(scan, client, readLogging, subscriptionId, account));
}

async function collectAccount(scan: AzureScan, client: CognitiveServicesManagementClient, readLogging: DiagnosticLoggingReader, subscriptionId: string, account: Account): Promise<void> {
  const resource = resourceRef(account, subscriptionId);
  if (!resource) return;
  const { parts, ...ref } = resource;
  const call = <T>(operation: string, run: () => Promise<T>) => scan.call(subscriptionId, SERVICES.cognitiveServices, operation, run);
  const [logging, deployments, policies, catalog] = await Promise.all([
    readLogging(ref.id),
    call('deployments.list', () => drain(client.deployments.list(parts.resourceGroup, parts.name))),
    call('raiPolicies.list', () => drain(client.raiPolicies.list(parts.resourceGroup, parts.name))),
    call('accounts.listModels', () => drain(client.accounts.listModels(parts.resourceGroup, parts.name))),
    collectFoundry(scan, client, ref, parts, foundryScope(account)),
  ]);

  const managedIdentity = attachIdentities(scan, ref, account.identity);
  // Defender for AI Services covers the account when the subscription's AI plan is on (defender.ts).
  scan.aiAccounts.push(ref);
  const encryption = account.properties?.encryption;
  if (same(encryption?.keySource, 'Microsoft.KeyVault')) linkEncryptionKey(scan, ref, keyIdFromVault(encryption?.keyVaultProperties?.keyVaultUri, encryption?.keyVaultProperties?.keyName));
  scan.graph.add({
    ...ref,
    type: ACCOUNT_TYPE,
    tags: tagsOf(account.tags),
    props: { ...accountProps(account), managedIdentity, ...(logging ?? {}) },
    raw: jsonRecord(account),
  });

  const raiPolicyId = raiPolicyResolver(scan, client, ref, parts, policies);
  const now = Date.now();
  await forEachConcurrently(deployments ?? [], async (deployment) => {
    if (!deployment.id) return;
    const props = deploymentProps(deployment, catalog, now);
    scan.graph.add({ id: deployment.id, type: DEPLOYMENT_TYPE, account: subscriptionId, region: ref.region, name: deployment.name ?? deployment.id, tags: tagsOf(deployment.tags), props, raw: jsonRecord(deployment) });
    scan.graph.link(deployment.id, 'part-of', ref.id);
    if (props.raiPolicyName) scan.graph.link(deployment.id, 'guarded-by', await raiPolicyId(props.raiPolicyName));
  });
}

function accountProps(account: Account) {
  const properties = account.properties ?? {};
  const acls = properties.networkAcls;
  return {
    kind: account.kind ?? null,
    internetExposed: openToInternet(properties.publicNetworkAccess, acls?.defaultAction),
    publicNetworkAccess: properties.publicNetworkAccess ?? null,
    networkDefaultAction: acls?.defaultAction ?? null,
    ipRules: (acls?.ipRules ?? []).map((rule) => rule.value),
    virtualNetworkRules: acls?.virtualNetworkRules?.length ?? 0,
    privateEndpoints: approvedPrivateEndpoints(properties.privateEndpointConnections),
    localAuthDisabled: properties.disableLocalAuth === true,
    customerManagedKey: enumIs(properties.encryption?.keySource, ['Microsoft.CognitiveServices', 'Microsoft.KeyVault'], 'Microsoft.KeyVault'),
    outboundRestricted: properties.restrictOutboundNetworkAccess === true,
    // What the account calls out to (agents' tools, data sources) is limited to allowedFqdnList only when restricted.
    internetEgress: properties.restrictOutboundNetworkAccess !== true,
    allowedFqdns: properties.allowedFqdnList ?? null,
    customSubdomain: properties.customSubDomainName ?? null,
    allowProjectManagement: properties.allowProjectManagement ?? null,
  };
}

function approvedPrivateEndpoints(connections: PrivateEndpointConnection[] | undefined): number {
  return (connections ?? []).filter((connection) => same(connection.properties?.privateLinkServiceConnectionState?.status, 'Approved')).length;
}

/**
 * The deployment's model, and whether its version is retired: the account's model catalog gives the
 * date inference stops (deprecation.inference) and the lifecycle. A model the catalog does not list
 * (fine-tuned, or the catalog could not be read) keeps retirement unknown.
 *
 * A deployment that names no content filter runs under the account's default one, and Azure does not
 * say which that is (Microsoft.DefaultV2 blocks jailbreaks, the older Microsoft.Default does not): the
 * filter in force stays unknown rather than "none".
 */
function deploymentProps(deployment: Deployment, catalog: AccountModel[] | undefined, now: number) {
  const model = deployment.properties?.model;
  const entry = catalog?.find((candidate) => same(candidate.name, model?.name ?? '') && same(candidate.version, model?.version ?? '') && (!candidate.format || !model?.format || same(candidate.format, model.format)));
  const raiPolicyName = deployment.properties?.raiPolicyName;
  return {
    modelId: model?.name ?? null,
    modelVersion: model?.version ?? null,
    modelFormat: model?.format ?? null,
    skuName: deployment.sku?.name ?? null,
    ...(raiPolicyName ? { raiPolicyName } : {}),
    versionUpgradeOption: deployment.properties?.versionUpgradeOption ?? null,
    capacity: deployment.sku?.capacity ?? null,
    ...perMinute('requestsPerMinute', deployment.properties?.rateLimits, 'request'),
    ...perMinute('tokensPerMinute', deployment.properties?.rateLimits, 'token'),
    dynamicQuota: deployment.properties?.dynamicThrottlingEnabled ?? null,
    generatesText: generatesText(deployment.properties?.capabilities),
    ...(entry ? retirement(entry, now) : {}),
  };
}

/**
 * The limit of one kind (`request`, `token`) the deployment's rate limits set, per minute: Azure
 * derives them from the capacity (the spec's ThrottlingRule: count per renewalPeriod seconds).
 * Nothing when the answer carries no rate limits (unknown); null when none of that kind is listed.
 */
function perMinute<K extends string>(name: K, rules: Array<{ key?: string; renewalPeriod?: number; count?: number }> | undefined, key: string): Partial<Record<K, number | null>> {
  if (!rules) return {};
  const rule = rules.find((candidate) => same(candidate.key, key));
  const limit = rule?.count !== undefined && rule.renewalPeriod ? Math.round((rule.count * 60) / rule.renewalPeriod) : null;
  return { [name]: limit } as Record<K, number | null>;
}

/** Capabilities of a deployment that take text prompts and generate text, where prompt shields apply. */
const TEXT_GENERATION_CAPABILITIES = ['chatCompletion', 'completion', 'responses', 'assistants'];

/** Whether the deployed model generates text from prompts; null when the deployment reports no capabilities. */
function generatesText(capabilities: Record<string, string> | undefined): boolean | null {
  const entries = Object.entries(capabilities ?? {});
  if (entries.length === 0) return null;
  return entries.some(([name, value]) => TEXT_GENERATION_CAPABILITIES.some((capability) => same(name, capability)) && same(String(value), 'true'));
}

const RETIRED_LIFECYCLES = ['Deprecated', 'Legacy'];

function retirement(entry: AccountModel, now: number) {
  const retirementDate = entry.deprecation?.inference ?? null;
  const lifecycleStatus = entry.lifecycleStatus ?? null;
  const retired = retirementDate !== null && Date.parse(retirementDate) <= now;
  return { retirementDate, lifecycleStatus, outdated: retired || RETIRED_LIFECYCLES.some((status) => same(lifecycleStatus, status)) };
}

function addRaiPolicy(scan: AzureScan, account: ResourceRef, policy: RaiPolicy): string | undefined {
  if (!policy.name) return undefined;
  const id = policy.id ?? `${account.id}/raiPolicies/${policy.name}`;
  scan.graph.add({ id, type: RAI_POLICY_TYPE, account: account.account, region: account.region, name: policy.name, tags: tagsOf(policy.tags), props: raiPolicyProps(policy), raw: jsonRecord(policy) });
  return id;
}

/**
 * The id of a deployment's content filter. A policy the listing did not return (some accounts list
 * only their own, not Microsoft.Default / Microsoft.DefaultV2) is read by name, once per account; one
 * that cannot be read stays in the graph with unknown settings, so rules on it are inconclusive
 * instead of failing.
 */
function raiPolicyResolver(scan: AzureScan, client: CognitiveServicesManagementClient, account: ResourceRef, parts: ResourceIdParts, listed: RaiPolicy[] | undefined) {
  const ids = new Map<string, Promise<string>>();
  for (const policy of listed ?? []) {
    const id = addRaiPolicy(scan, account, policy);
    if (id) ids.set(policy.name!.toLowerCase(), Promise.resolve(id));
  }
  const read = async (name: string): Promise<string> => {
    const fetched = listed ? await scan.call(account.account, SERVICES.cognitiveServices, 'raiPolicies.get', () => client.raiPolicies.get(parts.resourceGroup, parts.name, name)) : undefined;
    const id = (fetched && addRaiPolicy(scan, account, fetched)) || `${account.id}/raiPolicies/${name}`;
    if (!fetched) scan.graph.reference({ id, type: RAI_POLICY_TYPE, account: account.account, region: account.region, name, props: {} });
    return id;
  };
  return (name: string): Promise<string> => {
    const key = name.toLowerCase();
    let id = ids.get(key);
    if (!id) ids.set(key, (id = read(name)));
    return id;
  };
}

const HARM_CATEGORIES = ['hate', 'sexual', 'violence', 'selfharm'] as const;

/** Filter names as the API spells them vary ("Indirect Attack", "Selfharm"): compare letters only. */
function filterKey(name: string | undefined): string {
  return (name ?? '').toLowerCase().replace(/[^a-z]/g, '');
}

function filtersOn(filters: RaiPolicyContentFilter[], source: 'prompt' | 'completion', key: string): RaiPolicyContentFilter[] {
  // Prompt shields apply to prompts; the API may leave their source out.
  return filters.filter((filter) => filterKey(filter.name) === key && (filter.source ? same(filter.source, source) : source === 'prompt'));
}

function blocks(filters: RaiPolicyContentFilter[], source: 'prompt' | 'completion', key: string): boolean {
  return filtersOn(filters, source, key).some((filter) => filter.enabled === true && filter.blocking === true);
}

function raiPolicyProps(policy: RaiPolicy) {
  const filters = policy.properties?.contentFilters ?? [];
  const harmThresholds: Record<string, string> = {};
  for (const source of ['prompt', 'completion'] as const) {
    for (const category of HARM_CATEGORIES) {
      const threshold = filtersOn(filters, source, category).find((filter) => filter.enabled === true && filter.severityThreshold)?.severityThreshold;
      if (threshold) harmThresholds[`${source}.${category}`] = threshold;
    }
  }
  return {
    mode: policy.properties?.mode ?? null,
    policyType: policy.properties?.type ?? null,
    basePolicyName: policy.properties?.basePolicyName ?? null,
    jailbreakFilter: blocks(filters, 'prompt', 'jailbreak'),
    indirectAttackFilter: blocks(filters, 'prompt', 'indirectattack'),
    harmFiltersBlocking: HARM_CATEGORIES.filter((category) => blocks(filters, 'prompt', category)),
    completionHarmFiltersBlocking: HARM_CATEGORIES.filter((category) => blocks(filters, 'completion', category)),
    harmThresholds,
  };
}

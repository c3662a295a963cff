import { openToInternet } from '../collect/azure/arm.js';
import type { PlannedInventory, ResourceMapping } from './mapping.js';
import { blockOf, booleanOr, knownString, stringOrNull } from './mapping.js';
import type { PlannedResource } from './plan.js';

/**
 * The azurerm provider's resources (hashicorp/azurerm, https://registry.terraform.io/providers/hashicorp/azurerm)
 * as the Azure collector's asset types, with the properties the collector derives from the same ARM
 * fields, so the built-in rules run unchanged on a plan.
 */
export const AZURE_RESOURCES: Readonly<Record<string, ResourceMapping>> = {
  azurerm_cognitive_account: {
    assetType: 'azure.cognitiveservices.account',
    region: (resource) => knownString(resource.values.location),
    reads:
      'kind, public_network_access_enabled (default true), network_acls, local_auth_enabled (default true), outbound_network_access_restricted, fqdns, custom_subdomain_name, identity, customer_managed_key (or an azurerm_cognitive_account_customer_managed_key resource that names the account); private endpoints and diagnostic settings are separate resources, not read: unknown',
    props: (resource, plan) => {
      const access = resource.values.public_network_access_enabled;
      return aiAccountProps(resource, plan, {
        kind: knownString(resource.values.kind),
        publicAccess: typeof access === 'boolean' ? (access ? 'Enabled' : 'Disabled') : undefined,
        localAuth: resource.values.local_auth_enabled,
      });
    },
  },
  // The same ARM resource (Microsoft.CognitiveServices/accounts, kind AIServices), with the provider's own argument names.
  azurerm_ai_services: {
    assetType: 'azure.cognitiveservices.account',
    region: (resource) => knownString(resource.values.location),
    reads:
      'public_network_access (Enabled or Disabled, default Enabled), network_acls, local_authentication_enabled (default true), outbound_network_access_restricted, fqdns, custom_subdomain_name, identity, customer_managed_key (or an azurerm_cognitive_account_customer_managed_key resource that names it); the kind is AIServices; private endpoints and diagnostic settings are separate resources, not read: unknown',
    props: (resource, plan) =>
      aiAccountProps(resource, plan, { kind: 'AIServices', publicAccess: knownString(resource.values.public_network_access), localAuth: resource.values.local_authentication_enabled }),
  },
  azurerm_cognitive_deployment: {
    assetType: 'azure.cognitiveservices.deployment',
    reads:
      'model (format, name, version), sku (name, capacity), rai_policy_name, version_upgrade_option, dynamic_throttling_enabled; a cognitive_account_id reference becomes a part-of edge. Content filters (azurerm_cognitive_account_rai_policy) are not read: the filter a deployment names stays unknown',
    edges: { cognitive_account_id: 'part-of' },
    props: (resource, plan) => {
      const model = blockOf(resource.values.model);
      const sku = blockOf(resource.values.sku);
      const raiPolicy = knownString(resource.values.rai_policy_name);
      if (raiPolicy || resource.unknown.rai_policy_name === true) plan.markEdgesUnread(plan.idOf(resource), 'guarded-by');
      return {
        modelFormat: model === null ? null : stringOrNull(model?.format),
        modelId: model === null ? null : stringOrNull(model?.name),
        // No version: the provider leaves it to Azure (the model's default version), known after apply.
        modelVersion: knownString(model?.version),
        skuName: sku === null ? null : stringOrNull(sku?.name),
        capacity: typeof sku?.capacity === 'number' ? sku.capacity : undefined,
        // None named: the account's default filter applies, and Azure does not say which (as for a live scan).
        raiPolicyName: raiPolicy,
        versionUpgradeOption: stringOrNull(resource.values.version_upgrade_option),
        dynamicQuota: typeof resource.values.dynamic_throttling_enabled === 'boolean' ? resource.values.dynamic_throttling_enabled : undefined,
      };
    },
  },
  azurerm_storage_account: {
    assetType: 'azure.storage.account',
    region: (resource) => knownString(resource.values.location),
    reads:
      'public_network_access_enabled (default true), network_rules.default_action, allow_nested_items_to_be_public (allowBlobPublicAccess, default true), shared_access_key_enabled (default true), customer_managed_key (or an azurerm_storage_account_customer_managed_key resource that names it); the azurerm_storage_container resources that name it (container_access_type blob or container is anonymous read); it holds AI data when a planned Azure ML workspace keeps its artifacts there',
    props: (resource, plan) => {
      const values = resource.values;
      const access = typeof values.public_network_access_enabled === 'boolean' ? (values.public_network_access_enabled ? 'Enabled' : 'Disabled') : undefined;
      const separateKey = plan.attachedTo(plan.idOf(resource), 'azurerm_storage_account_customer_managed_key', 'storage_account_id').length > 0;
      const rules = blockOf(values.network_rules);
      const defaultAction = rules === null ? null : stringOrNull(rules?.default_action);
      const key = blockOf(values.customer_managed_key);
      return {
        internetExposed: access === undefined || defaultAction === undefined ? undefined : openToInternet(access, defaultAction),
        allowBlobPublicAccess: booleanOr(values.allow_nested_items_to_be_public, true),
        publicNetworkAccess: access,
        networkDefaultAction: defaultAction,
        sharedKeyAccess: booleanOr(values.shared_access_key_enabled, true),
        customerManagedKey: key || separateKey ? true : key === null ? false : undefined,
        // Anonymous access to Azure Storage is read-only.
        publicWrite: false,
      };
    },
  },
  azurerm_search_service: {
    assetType: 'azure.search.service',
    region: (resource) => knownString(resource.values.location),
    reads:
      'sku, replica_count, partition_count, public_network_access_enabled (default true), allowed_ips, network_rule_bypass_option, local_authentication_enabled (default true), authentication_failure_mode, customer_managed_key_enforcement_enabled (default false), identity, semantic_search_sku; private endpoints and diagnostic settings are separate resources, not read: unknown',
    props: (resource) => {
      const values = resource.values;
      const publicEndpoint = booleanOr(values.public_network_access_enabled, true);
      const ipRules = Array.isArray(values.allowed_ips) ? values.allowed_ips.filter((rule): rule is string => typeof rule === 'string').sort() : values.allowed_ips === null ? [] : undefined;
      const localAuth = booleanOr(values.local_authentication_enabled, true);
      const enforcement = booleanOr(values.customer_managed_key_enforcement_enabled, false);
      const identity = blockOf(values.identity);
      return {
        skuName: stringOrNull(values.sku),
        // The provider's defaults (1) are in the plan; Computed when not set, so unknown until apply otherwise.
        replicaCount: typeof values.replica_count === 'number' ? values.replica_count : undefined,
        partitionCount: typeof values.partition_count === 'number' ? values.partition_count : undefined,
        publicNetworkAccess: publicEndpoint === undefined ? undefined : publicEndpoint ? 'Enabled' : 'Disabled',
        publicEndpoint,
        internetExposed: publicEndpoint === undefined || ipRules === undefined ? undefined : publicEndpoint && (ipRules.length === 0 || ipRules.some((rule) => /\/0$/.test(rule.trim()))),
        ipRules,
        networkBypass: stringOrNull(values.network_rule_bypass_option),
        sharedPrivateLinks: [],
        localAuthDisabled: localAuth === undefined ? undefined : !localAuth,
        // authentication_failure_mode is set only when both API keys and Entra ID are accepted.
        authMode: localAuth === false ? 'aadOnly' : localAuth === undefined ? undefined : knownString(values.authentication_failure_mode) ? 'aadOrApiKey' : values.authentication_failure_mode === null ? 'apiKeyOnly' : undefined,
        cmkEnforcement: enforcement === undefined ? undefined : enforcement ? 'Enabled' : 'Disabled',
        // Enforced, and nothing not yet encrypted with it: a new service holds nothing.
        customerManagedKey: enforcement,
        managedIdentity: identity === null ? false : identity === undefined ? undefined : knownString(identity.type) !== undefined,
        semanticSearch: stringOrNull(values.semantic_search_sku),
        sensitiveData: true,
      };
    },
  },
  azurerm_machine_learning_workspace: {
    assetType: 'azure.machinelearning.workspace',
    region: (resource) => knownString(resource.values.location),
    reads:
      'kind (default Default), public_network_access_enabled (default true), managed_network.isolation_mode, high_business_impact, identity, encryption, application_insights_id (how system datastores authenticate is not an argument of the resource: unknown); a storage_account_id reference becomes an artifacts-in edge and makes the account hold AI data',
    edges: { storage_account_id: 'artifacts-in' },
    props: (resource) => {
      const values = resource.values;
      const publicAccess = booleanOr(values.public_network_access_enabled, true);
      const network = blockOf(values.managed_network);
      const isolation = network === null ? null : stringOrNull(network?.isolation_mode);
      const identity = blockOf(values.identity);
      const encryption = blockOf(values.encryption);
      return {
        kind: stringOrNull(values.kind),
        publicNetworkAccess: publicAccess === undefined ? undefined : publicAccess ? 'Enabled' : 'Disabled',
        networkDefaultAction: null,
        ipRules: [],
        internetExposed: publicAccess,
        // As for a live scan: only a managed network says where compute's traffic may go.
        internetEgress: isolation === 'AllowInternetOutbound' ? true : isolation === 'AllowOnlyApprovedOutbound' ? false : undefined,
        isolationMode: isolation,
        customerManagedKey: encryption ? true : encryption === null ? false : undefined,
        highBusinessImpact: booleanOr(values.high_business_impact, false),
        managedIdentity: identity === null ? false : identity === undefined ? undefined : knownString(identity.type) !== undefined,
        applicationInsights: stringOrNull(values.application_insights_id) ?? (resource.unknown.application_insights_id === true ? undefined : null),
      };
    },
  },
};

/** What the provider's two AI account resources share: the Microsoft.CognitiveServices/accounts fields the collector reads. */
function aiAccountProps(resource: PlannedResource, plan: PlannedInventory, own: { kind: string | undefined; publicAccess: string | undefined; localAuth: unknown }): Record<string, unknown> {
  const values = resource.values;
  const acls = blockOf(values.network_acls);
  const defaultAction = acls === null ? null : acls === undefined ? undefined : knownString(acls.default_action);
  const restricted = typeof values.outbound_network_access_restricted === 'boolean' ? values.outbound_network_access_restricted : undefined;
  const identity = blockOf(values.identity);
  const keyBlock = blockOf(values.customer_managed_key);
  const separateKey = plan.attachedTo(plan.idOf(resource), 'azurerm_cognitive_account_customer_managed_key', 'cognitive_account_id').length > 0;
  return {
    kind: own.kind,
    publicNetworkAccess: own.publicAccess,
    // No network_acls block: ARM gives no networkAcls either, which the collector reads the same way.
    networkDefaultAction: defaultAction,
    internetExposed: own.publicAccess === undefined || defaultAction === undefined ? undefined : openToInternet(own.publicAccess, defaultAction),
    ipRules: acls === null ? [] : Array.isArray(acls?.ip_rules) ? acls.ip_rules.filter((rule): rule is string => typeof rule === 'string').sort() : undefined,
    virtualNetworkRules: acls === null ? 0 : Array.isArray(acls?.virtual_network_rules) ? acls.virtual_network_rules.length : undefined,
    localAuthDisabled: typeof own.localAuth === 'boolean' ? !own.localAuth : undefined,
    customerManagedKey: keyBlock || separateKey ? true : keyBlock === null ? false : undefined,
    outboundRestricted: restricted,
    internetEgress: restricted === undefined ? undefined : !restricted,
    allowedFqdns: Array.isArray(values.fqdns) ? values.fqdns : values.fqdns === null ? null : undefined,
    customSubdomain: values.custom_subdomain_name === null ? null : knownString(values.custom_subdomain_name),
    managedIdentity: identity === null ? false : identity === undefined ? undefined : knownString(identity.type) !== undefined,
  };
}

/** Storage accounts that hold AI data, and their anonymously readable containers, from the resources that name them. */
export function completeAzure(plan: PlannedInventory): void {
  for (const account of plan.assetsOfType('azure.storage.account')) {
    if (plan.assetsOfType('azure.machinelearning.workspace').some((workspace) => plan.attachedTo(account.id, 'azurerm_machine_learning_workspace', 'storage_account_id').includes(plan.resourceOf(workspace.id)!))) {
      plan.patchProps(account.id, { sensitiveData: true });
    }
    const containers = plan.attachedTo(account.id, 'azurerm_storage_container', 'storage_account_id').concat(plan.attachedTo(account.id, 'azurerm_storage_container', 'storage_account_name'));
    const open = containers.filter((container) => container.values.container_access_type === 'blob' || container.values.container_access_type === 'container');
    // Nothing is anonymously readable where the account forbids it or no network path reaches it.
    const closed = account.props.allowBlobPublicAccess === false || account.props.internetExposed === false;
    if (closed) plan.patchProps(account.id, { publicContainers: [], publicRead: false });
    else if (open.length > 0) plan.patchProps(account.id, { publicContainers: open.map((container) => knownString(container.values.name) ?? container.name).sort(), publicRead: true });
  }
}

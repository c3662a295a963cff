import { openToInternet } from '../collect/azure/arm.js';
import type { ResourceMapping } from './mapping.js';
import { blockOf, knownString } from './mapping.js';

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
      const values = resource.values;
      const publicAccess = typeof values.public_network_access_enabled === 'boolean' ? (values.public_network_access_enabled ? 'Enabled' : 'Disabled') : undefined;
      const acls = blockOf(values.network_acls);
      const defaultAction = acls === null ? null : acls === undefined ? undefined : knownString(acls.default_action);
      const restricted = typeof values.outbound_network_access_restricted === 'boolean' ? values.outbound_network_access_restricted : undefined;
      const identity = blockOf(values.identity);
      const keyBlock = blockOf(values.customer_managed_key);
      const separateKey = plan.attachedTo(plan.idOf(resource), 'azurerm_cognitive_account_customer_managed_key', 'cognitive_account_id').length > 0;
      return {
        kind: knownString(values.kind),
        publicNetworkAccess: publicAccess,
        // No network_acls block: ARM gives no networkAcls either, which the collector reads the same way.
        networkDefaultAction: defaultAction,
        internetExposed: publicAccess === undefined || defaultAction === undefined ? undefined : openToInternet(publicAccess, defaultAction),
        ipRules: acls === null ? [] : Array.isArray(acls?.ip_rules) ? acls.ip_rules.filter((rule): rule is string => typeof rule === 'string').sort() : undefined,
        virtualNetworkRules: acls === null ? 0 : Array.isArray(acls?.virtual_network_rules) ? acls.virtual_network_rules.length : undefined,
        localAuthDisabled: typeof values.local_auth_enabled === 'boolean' ? !values.local_auth_enabled : undefined,
        customerManagedKey: keyBlock || separateKey ? true : keyBlock === null ? false : undefined,
        outboundRestricted: restricted,
        internetEgress: restricted === undefined ? undefined : !restricted,
        allowedFqdns: Array.isArray(values.fqdns) ? values.fqdns : values.fqdns === null ? null : undefined,
        customSubdomain: values.custom_subdomain_name === null ? null : knownString(values.custom_subdomain_name),
        managedIdentity: identity === null ? false : identity === undefined ? undefined : knownString(identity.type) !== undefined,
      };
    },
  },
};

import type { Logger } from '../log.js';
import type { Inventory, Provider } from '../graph/model.js';
import type { Shard } from './shard-option.js';

/**
 * The shape every live collector has. A collector reads one provider's estate through the official
 * SDK and returns an inventory; a call that fails is a coverage entry, never an exception, so the
 * rest of the estate is still read. Only missing credentials stop a collector (`NoCredentialsError`).
 */
export interface ProviderCollector {
  provider: Provider;
  /** Whether credentials can be found, without calling the provider; for "scan every provider with credentials". */
  hasCredentials(context: CollectorContext): Promise<boolean>;
  collect(context: CollectorContext): Promise<Inventory>;
}

export interface CollectScope {
  regions?: string[];
  awsProfiles?: string[];
  /** `--aws-organization`: every active account of the caller's organization. */
  awsOrganization?: boolean;
  /** `--aws-account`: accounts to scan by assuming `awsRoleName` in each (besides the organization's). */
  awsAccounts?: string[];
  /** `--aws-exclude-account`: accounts never scanned. */
  awsExcludeAccounts?: string[];
  /** `--aws-role-name`: the role assumed in every account but the caller's own. */
  awsRoleName?: string;
  /** `--aws-external-id`: the external id the role's trust policy asks for. */
  awsExternalId?: string;
  /** `--shard i/n`: scan only this share of the accounts, subscriptions and projects found (shard.ts). */
  shard?: Shard;
  azureSubscriptions?: string[];
  /** `--azure-management-group`: scan every subscription beneath these management groups (besides those named). */
  azureManagementGroups?: string[];
  /** `--azure-exclude-subscription`: subscriptions never scanned. */
  azureExcludeSubscriptions?: string[];
  azureCloud?: 'public' | 'china' | 'usgov';
  gcpProjects?: string[];
  /** `--gcp-organization` and `--gcp-folder`, as `organizations/{id}` and `folders/{id}`: scan every active project beneath them (besides those named). */
  gcpParents?: string[];
  /** `--gcp-exclude-project`: projects never scanned. */
  gcpExcludeProjects?: string[];
  gcpLocations?: string[];
}

export interface CollectorContext {
  scope: CollectScope;
  /** Most API calls in flight at once, per provider. */
  concurrency: number;
  /** Per-request timeout. */
  timeoutMs: number;
  signal: AbortSignal;
  log: Logger;
  /** Short progress notes for the spinner. */
  progress(message: string): void;
}

/** No credentials for a provider the user asked for: exit 2 with this message. */
export class NoCredentialsError extends Error {
  constructor(
    readonly provider: Provider,
    message: string,
  ) {
    super(message);
    this.name = 'NoCredentialsError';
  }
}

/** Merges inventories from several sources into one. */
export function mergeInventories(inventories: readonly Inventory[]): Inventory {
  return {
    sources: inventories.flatMap((inventory) => inventory.sources),
    assets: inventories.flatMap((inventory) => inventory.assets),
    edges: inventories.flatMap((inventory) => inventory.edges),
    coverage: inventories.flatMap((inventory) => inventory.coverage),
  };
}

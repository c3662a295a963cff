import type { CoverageStatus } from '../../graph/model.js';
import type { CollectorContext } from '../collector.js';
import { identityTimeoutMs, type InventoryBuilder } from '../runtime.js';
import { parseResourceId, type ArmRecord, type ResourceIdParts } from './arm.js';
import type { ArmConnection } from './connection.js';
import { AzureGraph, type AzureAsset } from './graph.js';

/** Coverage is per subscription and resource provider; ARM listings are not regional. */
export const GLOBAL_REGION = 'global';

export const SERVICES = {
  subscriptions: 'Microsoft.Resources/subscriptions',
  cognitiveServices: 'Microsoft.CognitiveServices',
  diagnosticSettings: 'Microsoft.Insights/diagnosticSettings',
  machineLearning: 'Microsoft.MachineLearningServices',
  authorization: 'Microsoft.Authorization',
  managedIdentity: 'Microsoft.ManagedIdentity',
  storage: 'Microsoft.Storage',
  search: 'Microsoft.Search',
  keyVault: 'Microsoft.KeyVault',
  security: 'Microsoft.Security/pricings',
  databricks: 'Microsoft.Databricks',
  policy: 'Microsoft.Authorization/policy',
  defenderForStorage: 'Microsoft.Security/defenderForStorageSettings',
  managementGroups: 'Microsoft.Management/managementGroups',
} as const;

type Service = (typeof SERVICES)[keyof typeof SERVICES];

/** A resource as other assets refer to it, and where it is. */
export interface ResourceRef {
  id: string;
  name: string;
  account: string;
  region: string;
}

/** A resource-group resource from its own listing, and where it is; undefined for a record without a usable id. */
export function resourceRef(record: { id?: string; name?: string; location?: string }, subscriptionId: string): (ResourceRef & { parts: ResourceIdParts }) | undefined {
  const parts = record.id ? parseResourceId(record.id) : undefined;
  if (!record.id || !parts) return undefined;
  return { id: record.id, name: record.name ?? parts.name, account: subscriptionId, region: record.location ?? GLOBAL_REGION, parts };
}

/** Where an AI resource says it keeps data: a storage account named by id (workspace storage) or by name (datastores). */
export interface StorageUse {
  from: string;
  edge: 'artifacts-in' | 'reads-data';
  storageId?: string;
  storageName?: string;
  /** Where the referring resource is; a storage account that cannot be read is placed there. */
  account: string;
  region: string;
}

/** A Foundry connection to an AI Search service: the search resource id its metadata names, and its target URL's host. */
export interface SearchUse {
  from: string;
  resourceId?: string;
  host?: string;
}

/** A role assignment that lets identities read or write blob data somewhere under `scope`. */
export interface DataGrant {
  identityIds: string[];
  scope: string;
  edge: 'reads-data' | 'writes-data';
}

/**
 * A role assignment that lets identities write the documents of the AI Search services under `scope`:
 * through a data-plane role (documents/write), which works where the service accepts Microsoft Entra
 * ID, or through the admin keys (listAdminKeys), which work where it accepts keys.
 */
export interface SearchWriteGrant {
  identityIds: string[];
  scope: string;
  via: 'data-role' | 'admin-keys';
}

/**
 * One Azure scan: the connection every client uses, the graph being built, and what the AI
 * resources point at (identities, storage) so that the later phases read only what matters.
 */
export class AzureScan {
  readonly graph: AzureGraph;
  /** Identities attached to AI resources, by lower-case asset id; role assignments add to their props. */
  readonly identities = new Map<string, AzureAsset>();
  /** Identity asset ids by lower-case principal (object) id, the key role assignments use. */
  readonly principals = new Map<string, Set<string>>();
  readonly storageUses: StorageUse[] = [];
  readonly dataGrants: DataGrant[] = [];
  /** AI Search services read, by lower-case resource id and by lower-case endpoint host; search.ts links connections to them. */
  readonly searchServices = new Map<string, string>();
  /** How each AI Search service read authenticates its data plane, by lower-case resource id (search.ts). */
  readonly searchAuth = new Map<string, { id: string; authMode: 'aadOnly' | 'aadOrApiKey' | 'apiKeyOnly' }>();
  /** Role assignments that let AI identities write search indexes, resolved once every service and assignment is read. */
  readonly searchWriteGrants: SearchWriteGrant[] = [];
  /** Connections that reach an AI Search service (category CognitiveSearch), resolved once every subscription is read. */
  readonly searchUses: SearchUse[] = [];
  /** AI services accounts read, which their subscription's Defender for AI Services plan covers (defender.ts). */
  readonly aiAccounts: ResourceRef[] = [];
  /** Key Vault keys that encrypt AI resources (versionless key URL), with the first resource that named each. */
  readonly encryptionKeys = new Map<string, ResourceRef>();
  /** Defender plans read, by lower-case id. */
  readonly defenderPlans = new Map<string, string>();
  /** Subscriptions whose policy assignments were read (policy.ts), which their AI accounts link to. */
  readonly policyGuardrails = new Set<string>();
  /** Policy set definitions (initiatives) read or being read, by lower-case id; undefined when the read failed. */
  readonly policySets = new Map<string, Promise<ArmRecord | undefined>>();
  /** Some connection listing could not be read: a search service's users may be missing. */
  connectionsUnread = false;

  constructor(
    readonly connection: ArmConnection,
    readonly context: CollectorContext,
    private readonly builder: InventoryBuilder,
  ) {
    this.graph = new AzureGraph(builder);
  }

  /** Runs one call (or one paged listing) for a subscription's resource provider; a failure becomes coverage. */
  call<T>(subscriptionId: string, service: Service, operation: string, run: () => Promise<T>): Promise<T | undefined> {
    return this.builder.call({ account: subscriptionId, region: GLOBAL_REGION, service }, operation, run);
  }

  /** Runs the tenant-wide identity call (the subscription listing) under the limiter and a short deadline, letting its failure through. */
  identityCall<T>(account: string, service: Service, run: () => Promise<T>): Promise<T> {
    return this.builder.attempt({ account, region: GLOBAL_REGION, service }, run, { deadlineMs: 2 * identityTimeoutMs(this.connection.timeoutMs) });
  }

  /** Assets found so far, for progress. */
  get assetCount(): number {
    return this.builder.assetCount;
  }

  record(subscriptionId: string, service: Service, status: CoverageStatus, message?: string): void {
    this.builder.record({ account: subscriptionId, region: GLOBAL_REGION, service }, status, message);
  }
}

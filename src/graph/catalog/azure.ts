import { bool, num, props, record, str, strList, type AssetTypeSpec, type PropertySource } from './spec.js';

/*
 * Where each property comes from: the REST operation, its api-version and the field, as the
 * collector reads them (the fake Resource Manager holds its answers to the same models,
 * test/fakes/azure/api-schemas).
 */
const COGNITIVE = 'Microsoft.CognitiveServices 2025-09-01';
const ML_WORKSPACES = 'Microsoft.MachineLearningServices 2026-05-15-preview';
const ML = 'Microsoft.MachineLearningServices 2026-05-01';
const STORAGE = 'Microsoft.Storage 2025-08-01';
const AUTHORIZATION = 'Microsoft.Authorization 2022-04-01';
const SEARCH = 'Microsoft.Search 2025-05-01';
const SECURITY = 'Microsoft.Security 2024-01-01';
const KEY_VAULT = 'Microsoft.KeyVault 2026-02-01';
const DATABRICKS = 'Microsoft.Databricks 2026-01-01';
const POLICY = 'Microsoft.Authorization 2025-03-01';

const source = (from: string, absent: string): PropertySource => ({ from, absent });
const account = (field: string, absent: string) => source(`Accounts_List (${COGNITIVE}) ${field}`, absent);
const deployment = (field: string, absent: string) => source(`Deployments_List (${COGNITIVE}) ${field}`, absent);
const raiPolicy = (field: string, absent: string) => source(`RaiPolicies_List / RaiPolicies_Get (${COGNITIVE}) ${field}`, absent);
const workspace = (field: string, absent: string) => source(`Workspaces_ListBySubscription (${ML_WORKSPACES}) ${field}`, absent);
const compute = (field: string, absent: string) => source(`Compute_List (${ML}) ${field}`, absent);
const endpoint = (field: string, absent: string) => source(`OnlineEndpoints_List (${ML}) ${field}`, absent);
const storage = (field: string, absent: string) => source(`StorageAccounts_List (${STORAGE}) ${field}`, absent);
const search = (field: string, absent: string) => source(`Services_ListBySubscription (${SEARCH}) ${field}`, absent);
const databricks = (field: string, absent: string) => source(`Workspaces_ListBySubscription (${DATABRICKS}) ${field}`, absent);
const defenderForStorage = (field: string, absent: string) => source(`DefenderForStorage_Get (Microsoft.Security 2025-06-01) on the account, setting current: ${field}`, absent);
const assignments = (field: string, absent: string) => source(`PolicyAssignments_List with $filter=atScope() (${POLICY}) on the subscription: ${field}`, absent);
const pricing = (field: string, absent: string) => source(`Pricings_List (${SECURITY}) on the subscription: ${field}`, absent);
/** Search data-plane authentication: keys are the default (https://learn.microsoft.com/azure/search/search-security-enable-roles). */
const SEARCH_KEYS_DEFAULT = 'API keys work: key-based authentication is the default (learn.microsoft.com/azure/search/search-security-enable-roles); the spec gives no default';
const NULL_WHEN_ABSENT = 'null';
const IDENTITY = 'false: a resource without an identity block has none';

/** Diagnostic settings of a resource, as azure-ai-account-diagnostic-logs-disabled and its siblings read them. */
const DIAGNOSTIC_LOGGING = source(
  'DiagnosticSettings_List (Microsoft.Insights 2021-05-01-preview) on the resource: logs[] enabled, by category or categoryGroup, in a setting with a destination (workspaceId, storageAccountId, eventHubAuthorizationRuleId or serviceBusRuleId, marketplacePartnerId)',
  'no setting delivers a log: false; the listing could not be read: unknown',
);
const LOG_CATEGORIES = source(DIAGNOSTIC_LOGGING.from, 'no setting delivers a log: []; the listing could not be read: unknown');
/** What outbound traffic a workspace's managed network lets compute send. */
const MANAGED_EGRESS = 'managedNetwork.isolationMode of the workspace, or for a Foundry project that names none, of its hub: AllowOnlyApprovedOutbound: false, AllowInternetOutbound: true';

/** Azure asset types: Azure OpenAI / AI Services accounts and deployments, Azure ML and AI Foundry, and what they touch. */
export const AZURE_ASSET_TYPES = [
  {
    type: 'azure.cognitiveservices.account',
    title: 'Azure AI services account (Azure OpenAI, AI Services, ...)',
    category: 'ai',
    bomType: 'service',
    props: props(
      ['internetExposed', 'internetEgress', 'customerManagedKey', 'loggingEnabled'],
      {
        kind: str('account kind: OpenAI, AIServices, CognitiveServices, ...', account('kind', NULL_WHEN_ABSENT)),
        publicNetworkAccess: str('Enabled, Disabled or SecuredByPerimeter', account('properties.publicNetworkAccess', 'null (the account then takes traffic as its network rule set says)')),
        networkDefaultAction: str('networkAcls.defaultAction: Allow or Deny; null when no ACLs are set', account('properties.networkAcls.defaultAction', 'null: no network rule set, traffic from any network')),
        ipRules: strList('networkAcls.ipRules values', account('properties.networkAcls.ipRules[].value', '[]: no IP rules')),
        virtualNetworkRules: num('number of virtual network rules', account('properties.networkAcls.virtualNetworkRules', '0: no virtual network rules')),
        privateEndpoints: num('number of approved private endpoint connections', account('properties.privateEndpointConnections[].properties.privateLinkServiceConnectionState.status (Approved)', '0: the account record carries its connections')),
        localAuthDisabled: bool('disableLocalAuth: API keys cannot be used', account('properties.disableLocalAuth', 'false: API keys work unless disabled (the API default)')),
        managedIdentity: bool('a system- or user-assigned managed identity is attached', account('identity.type', IDENTITY)),
        outboundRestricted: bool('restrictOutboundNetworkAccess is true', account('properties.restrictOutboundNetworkAccess', 'false: not restricted')),
        allowedFqdns: strList('allowedFqdnList', account('properties.allowedFqdnList', NULL_WHEN_ABSENT)),
        customSubdomain: str('customSubDomainName', account('properties.customSubDomainName', NULL_WHEN_ABSENT)),
        logCategories: strList('diagnostic log categories and category groups delivered to a destination (Audit, RequestResponse, allLogs, ...)', LOG_CATEGORIES),
        allowProjectManagement: bool('AI Foundry project management is on: projects can be created under the account', {
          from: foundrySource('Accounts_List', 'properties.allowProjectManagement'),
          absent: 'null: not set; the spec gives no default, and aispm lists projects only where it is true',
        }),
      },
      {
        internetExposed: account(
          'properties.publicNetworkAccess and properties.networkAcls.defaultAction: Enabled without a Deny default',
          'publicNetworkAccess absent: enabled (the default), then networkAcls decides; networkAcls absent: Allow; a value this code does not know: unknown',
        ),
        internetEgress: account('properties.restrictOutboundNetworkAccess: what the account calls out to (agent tools, data sources) is limited to allowedFqdnList only when true', 'true: not restricted'),
        customerManagedKey: account('properties.encryption.keySource (Microsoft.KeyVault)', 'false: Microsoft-managed keys, the default; an unknown key source: unknown'),
        loggingEnabled: DIAGNOSTIC_LOGGING,
      },
    ),
  },
  {
    type: 'azure.cognitiveservices.deployment',
    title: 'Azure AI model deployment',
    category: 'ai',
    bomType: 'machine-learning-model',
    props: props(
      ['modelId', 'modelVersion', 'outdated'],
      {
        modelFormat: str('model format, e.g. OpenAI', deployment('properties.model.format', NULL_WHEN_ABSENT)),
        skuName: str('deployment SKU, e.g. Standard, GlobalStandard', deployment('sku.name', NULL_WHEN_ABSENT)),
        capacity: num('deployed capacity (sku.capacity): for Azure OpenAI Standard and GlobalStandard, units of 1,000 tokens per minute', deployment('sku.capacity', NULL_WHEN_ABSENT)),
        requestsPerMinute: num(
          'requests per minute the deployment accepts before answering 429, as Azure derives it from the capacity',
          deployment('properties.rateLimits[] with key request: count per renewalPeriod seconds, read-only', 'unknown when the answer carries no rateLimits; null when none has key request'),
        ),
        tokensPerMinute: num(
          'tokens per minute the deployment accepts before answering 429',
          deployment('properties.rateLimits[] with key token: count per renewalPeriod seconds, read-only', 'unknown when the answer carries no rateLimits; null when none has key token'),
        ),
        dynamicQuota: bool('dynamic quota: the deployment may take spare capacity above its quota', deployment('properties.dynamicThrottlingEnabled, read-only', NULL_WHEN_ABSENT)),
        raiPolicyName: str(
          'content filter (RAI policy) the deployment names; unknown when it names none (the account default applies, and Azure does not say which)',
          deployment('properties.raiPolicyName', 'unknown: the account default filter applies, and the API does not say which'),
        ),
        generatesText: bool(
          'the model takes text prompts and generates text (capabilities chatCompletion, completion, responses or assistants); null when the deployment reports no capabilities',
          deployment('properties.capabilities', 'null: no capabilities reported'),
        ),
        versionUpgradeOption: str('OnceNewDefaultVersionAvailable, OnceCurrentVersionExpired or NoAutoUpgrade', deployment('properties.versionUpgradeOption', NULL_WHEN_ABSENT)),
        retirementDate: str(
          'date the model version retires, when known (ISO 8601)',
          source(`Accounts_ListModels (${COGNITIVE}) deprecation.inference of the catalog entry with the deployment's model name, version and format`, 'null: no date; the catalog does not list the model (fine-tuned) or could not be read: unknown'),
        ),
        lifecycleStatus: str(
          'lifecycle of the model version in the account catalog: Preview, GenerallyAvailable, Deprecating, Deprecated, Legacy, ...',
          source(`Accounts_ListModels (${COGNITIVE}) lifecycleStatus`, 'null: not given; the catalog does not list the model or could not be read: unknown'),
        ),
      },
      {
        modelId: deployment('properties.model.name', NULL_WHEN_ABSENT),
        modelVersion: deployment('properties.model.version', NULL_WHEN_ABSENT),
        outdated: source(
          `Accounts_ListModels (${COGNITIVE}): lifecycleStatus Deprecated or Legacy, or deprecation.inference in the past`,
          'the catalog does not list the model (fine-tuned) or could not be read: unknown',
        ),
      },
    ),
  },
  {
    type: 'azure.cognitiveservices.rai-policy',
    title: 'Azure AI content filter (RAI policy)',
    category: 'ai',
    bomType: 'application',
    props: props([], {
      mode: str('Default, Blocking, Asynchronous_filter, Deferred', raiPolicy('properties.mode', NULL_WHEN_ABSENT)),
      jailbreakFilter: bool('prompt shield for jailbreak attacks is enabled and blocking', raiPolicy('properties.contentFilters[] named Jailbreak on Prompt: enabled and blocking', 'false: no such filter (a filter without source counts as Prompt); a policy that could not be read: unknown')),
      indirectAttackFilter: bool('prompt shield for indirect attacks is enabled and blocking', raiPolicy('properties.contentFilters[] named Indirect Attack on Prompt: enabled and blocking', 'false: no such filter; a policy that could not be read: unknown')),
      harmFiltersBlocking: strList('harm categories (hate, sexual, violence, selfharm) filtered and blocking on prompts', raiPolicy('properties.contentFilters[] Hate, Sexual, Violence, Selfharm on Prompt: enabled and blocking', '[]: none')),
      completionHarmFiltersBlocking: strList('harm categories (hate, sexual, violence, selfharm) filtered and blocking on completions', raiPolicy('properties.contentFilters[] Hate, Sexual, Violence, Selfharm on Completion: enabled and blocking', '[]: none')),
      harmThresholds: record(
        'severity threshold of each enabled harm filter, keyed source.category, e.g. "prompt.hate": "Medium" (Low filters the most)',
        raiPolicy('properties.contentFilters[].severityThreshold of enabled harm filters', 'a filter without a threshold is left out'),
      ),
      policyType: str('SystemManaged (Microsoft.Default, Microsoft.DefaultV2) or UserManaged', raiPolicy('properties.type', NULL_WHEN_ABSENT)),
      basePolicyName: str('the policy this one is derived from', raiPolicy('properties.basePolicyName', NULL_WHEN_ABSENT)),
    }),
  },
  {
    type: 'azure.machinelearning.workspace',
    title: 'Azure Machine Learning / AI Foundry workspace',
    category: 'ai',
    bomType: 'platform',
    props: props(
      ['internetExposed', 'internetEgress', 'customerManagedKey', 'loggingEnabled'],
      {
        kind: str('Default, Hub, Project, FeatureStore', workspace('kind', NULL_WHEN_ABSENT)),
        publicNetworkAccess: str('Enabled or Disabled', workspace('properties.publicNetworkAccess', 'null (public access is then on, the default)')),
        networkDefaultAction: str('networkAcls.defaultAction: Deny when public access is enabled from selected IP addresses only', workspace('properties.networkAcls.defaultAction (preview api-versions only)', 'null: no ACLs, all networks')),
        ipRules: strList('addresses and ranges public access is allowed from (networkAcls.ipRules and ipAllowlist)', workspace('properties.networkAcls.ipRules[].value and properties.ipAllowlist[] (preview api-versions only)', '[]: no IP rules')),
        isolationMode: str('managed network isolation mode: Disabled, AllowInternetOutbound, AllowOnlyApprovedOutbound', workspace('properties.managedNetwork.isolationMode', 'null: no managed network')),
        highBusinessImpact: bool('hbiWorkspace flag', workspace('properties.hbiWorkspace', 'false, the API default')),
        privateEndpoints: num('number of private endpoint connections', workspace('properties.privateEndpointConnections[].properties.privateLinkServiceConnectionState.status (Approved)', '0: no private endpoint connections')),
        managedIdentity: bool('a system- or user-assigned managed identity is attached', workspace('identity.type', IDENTITY)),
        logCategories: strList('diagnostic log categories and category groups delivered to a destination', LOG_CATEGORIES),
        systemDatastoresAuthMode: str(
          'how the workspace reaches its default storage (system datastores): Identity (Microsoft Entra ID), AccessKey or UserDelegationSAS',
          workspace('properties.systemDatastoresAuthMode', 'unknown: the spec gives no default'),
        ),
        applicationInsights: str('Application Insights resource the workspace sends its telemetry to', workspace('properties.applicationInsights', 'null: none associated')),
      },
      {
        internetExposed: workspace(
          'properties.publicNetworkAccess, properties.networkAcls.defaultAction and properties.ipAllowlist: Enabled, without a Deny default or an IP allow-list',
          'publicNetworkAccess absent: enabled (Azure Policy\'s built-in audit of ML workspaces counts an absent value as public); networkAcls absent: all networks; a value this code does not know: unknown',
        ),
        internetEgress: workspace(`properties.${MANAGED_EGRESS}`, 'unknown: Disabled or no managed network, where the customer\'s network decides'),
        customerManagedKey: workspace('properties.encryption.status (Enabled)', 'false: Microsoft-managed keys'),
        loggingEnabled: DIAGNOSTIC_LOGGING,
      },
    ),
  },
  {
    type: 'azure.machinelearning.compute',
    title: 'Azure ML compute (instance or cluster)',
    category: 'ai',
    bomType: 'application',
    props: props(
      ['internetExposed', 'internetEgress'],
      {
        computeType: str('ComputeInstance, AmlCompute, Kubernetes, ...', compute('properties.computeType', 'never absent: the discriminator of the compute kinds')),
        publicIp: bool(
          'the compute has a public IP address',
          compute('properties.properties.enableNodePublicIp, else (instances) properties.properties.connectivityEndpoints.publicIpAddress', 'unknown: the spec gives enableNodePublicIp no default; other compute kinds: not set'),
        ),
        sshEnabled: bool(
          'SSH access is enabled',
          compute(
            'instances: properties.properties.sshSettings.sshPublicAccess; clusters: properties.properties.remoteLoginPortPublicAccess (NotSpecified: open unless the cluster is in a subnet)',
            'instances: Disabled, the API default; clusters: NotSpecified, the API default',
          ),
        ),
        idleShutdownMinutes: num(
          'idle time before shutdown; null when never',
          compute(
            'instances: properties.properties.idleTimeBeforeShutdown (in GA api-versions from 2025-12-01); clusters: scaleSettings.nodeIdleTimeBeforeScaleDown with minNodeCount 0',
            'instances: null, no idle shutdown set; clusters with minNodeCount above 0: null; a duration that cannot be read: unknown',
          ),
        ),
        localAuthDisabled: bool('disableLocalAuth', compute('properties.disableLocalAuth', 'false: local authentication allowed, the API default')),
        subnetId: str('subnet the compute runs in', compute('properties.properties.subnet.id', 'null: no subnet of the customer\'s')),
        managedIdentity: bool('a system- or user-assigned managed identity is attached', compute('identity.type', IDENTITY)),
        latestOsImage: bool('a compute instance runs the latest OS image (osImageMetadata.isLatestOsImageVersion)', compute('properties.properties.osImageMetadata.isLatestOsImageVersion', 'unknown')),
      },
      {
        internetExposed: compute(
          'a public IP (publicIp) with SSH open to it (sshEnabled); without SSH the public IP takes only Azure ML\'s management traffic (its network security group allows the service tags)',
          'unknown while either is unknown and the other does not settle it; other compute kinds: not set',
        ),
        internetEgress: compute(`${MANAGED_EGRESS}; without a managed network, a public IP`, 'unknown: no managed network and no public IP known, where the customer\'s network decides'),
      },
    ),
  },
  {
    type: 'azure.machinelearning.online-endpoint',
    title: 'Azure ML online endpoint',
    category: 'ai',
    bomType: 'service',
    props: props(
      ['internetExposed', 'internetEgress', 'loggingEnabled'],
      {
        authMode: str('Key, AMLToken or AADToken', endpoint('properties.authMode', NULL_WHEN_ABSENT)),
        publicNetworkAccess: str('Enabled or Disabled', endpoint('properties.publicNetworkAccess', 'null (public, the default)')),
        logCategories: strList('diagnostic log categories and category groups delivered to a destination (AmlOnlineEndpointTrafficLog, allLogs, ...)', LOG_CATEGORIES),
      },
      {
        internetExposed: endpoint('properties.publicNetworkAccess (online endpoints have no IP allow-list)', 'enabled, the default; a value this code does not know: unknown'),
        internetEgress: source(`the workspace's ${MANAGED_EGRESS}`, 'unknown: no managed network'),
        loggingEnabled: source(
          `${DIAGNOSTIC_LOGGING.from}; or OnlineDeployments_List (${ML}) properties.appInsightsEnabled or properties.dataCollector.collections[].dataCollectionMode Enabled`,
          'false only when the settings and the deployments were read and none logs; unknown while an unread source could say yes',
        ),
      },
    ),
  },
  {
    type: 'azure.machinelearning.datastore',
    title: 'Azure ML datastore',
    category: 'data',
    bomType: 'data',
    props: props(
      ['sensitiveData'],
      {
        datastoreType: str('AzureBlob, AzureFile, AzureDataLakeGen2, ...', source(`Datastores_List (${ML}) properties.datastoreType`, 'never absent: the discriminator of the datastore kinds')),
        credentialType: str('None (identity-based), AccountKey, Sas, ServicePrincipal, Certificate', source(`Datastores_List (${ML}) properties.credentials.credentialsType`, NULL_WHEN_ABSENT)),
      },
      { sensitiveData: source('aispm: a datastore exists to hand data to training and inference', 'never absent: always true') },
    ),
  },
  {
    type: 'azure.managedidentity.identity',
    title: 'Managed identity',
    category: 'identity',
    bomType: 'application',
    props: props(
      ['admin'],
      {
        identityType: str('SystemAssigned or UserAssigned', source('identity.type of the resource that holds the identity', 'never absent: an identity is known only from such a block')),
        roles: strList(
          'role definition names assigned to the identity',
          source(`RoleAssignments_ListForSubscription and RoleDefinitions_GetById (${AUTHORIZATION}) properties.roleName`, 'unknown unless every scanned subscription\'s assignments and their role definitions were read'),
        ),
        principalId: str(
          'object id of the identity in Microsoft Entra ID',
          source('identity.principalId (system-assigned) or identity.userAssignedIdentities[].principalId of the holder; UserAssignedIdentities_ListBySubscription (Microsoft.ManagedIdentity 2024-11-30) properties.principalId', 'left out when the holder\'s record does not give it; null when the identity\'s own record does not'),
        ),
      },
      {
        admin: source(
          `RoleAssignments_ListForSubscription and RoleDefinitions_GetById (${AUTHORIZATION}): a role whose permissions[].actions hold * or Microsoft.Authorization/*, assigned at a management group, subscription or resource group`,
          'false only when every scanned subscription\'s assignments and their role definitions were read; otherwise unknown unless an admin role was found',
        ),
      },
    ),
  },
  {
    type: 'azure.storage.account',
    title: 'Storage account',
    category: 'data',
    bomType: 'data',
    props: props(
      ['publicRead', 'publicWrite', 'sensitiveData', 'customerManagedKey', 'internetExposed'],
      {
        allowBlobPublicAccess: bool(
          'allowBlobPublicAccess',
          storage('properties.allowBlobPublicAccess', 'unknown: the spec reads absent as false since 2023-01-01 and as true before (2021-09-01), and accounts created before the November 2023 default change can lack the field and still allow anonymous access'),
        ),
        publicNetworkAccess: str('Enabled, Disabled or SecuredByPerimeter', storage('properties.publicNetworkAccess', 'null (the network rule set then decides)')),
        networkDefaultAction: str('networkAcls.defaultAction', storage('properties.networkAcls.defaultAction', 'null: no rule set, Allow')),
        sharedKeyAccess: bool('allowSharedKeyAccess', storage('properties.allowSharedKeyAccess', 'true: the spec says null is equivalent to true')),
        publicContainers: strList(
          'blob containers that allow anonymous read access',
          source(`BlobContainers_List (${STORAGE}) properties.publicAccess (Blob or Container)`, '[] when the account forbids anonymous access or no network path reaches it; unknown when the containers could not be listed'),
        ),
        defenderForStorage: bool('Microsoft Defender for Storage protects the account (set on it or inherited from the subscription\'s plan)', defenderForStorage('properties.isEnabled', 'unknown')),
        sensitiveDataDiscovery: bool(
          'Defender for Storage\'s sensitive data discovery classifies the account\'s blobs (personal, financial, credential data), so what the AI data holds is known',
          defenderForStorage('properties.isEnabled and properties.sensitiveDataDiscovery.isEnabled: both true', 'false when either is false; unknown when the API leaves out either, or the setting could not be read'),
        ),
        defenderSettingsOverridden: bool('the account\'s Defender for Storage settings override the subscription\'s', defenderForStorage('properties.overrideSubscriptionLevelSettings', NULL_WHEN_ABSENT)),
      },
      {
        publicRead: source(`BlobContainers_List (${STORAGE}) properties.publicAccess of each container, unless allowBlobPublicAccess is false or the network is closed`, 'unknown when the containers could not be listed'),
        publicWrite: source('aispm: anonymous access to Azure Storage is read-only', 'never absent: always false'),
        sensitiveData: source('aispm: an ML workspace keeps its artifacts in the account, or a datastore reads from it', 'unknown: the account is in the graph only through a data role'),
        customerManagedKey: storage('properties.encryption.keySource (Microsoft.Keyvault)', 'false: Microsoft-managed keys (Microsoft.Storage), the default'),
        internetExposed: storage('properties.publicNetworkAccess and properties.networkAcls.defaultAction: Enabled without a Deny default', 'publicNetworkAccess absent: the rule set decides; networkAcls absent: Allow; a value this code does not know: unknown'),
      },
    ),
  },
  {
    type: 'azure.keyvault.key',
    title: 'Key Vault key',
    category: 'key',
    bomType: 'cryptographic-asset',
    props: props([], {
      rotationPolicy: bool('an automatic rotation policy is set', source('not read: a data-plane setting of the key, which aispm does not call (the key is known from the encrypting resource\'s record)', 'always unknown')),
      vaultId: str('the Key Vault that holds the key, matched by its vault URI', source(`Vaults_ListBySubscription (${KEY_VAULT}) id of the vault whose properties.vaultUri is the key's`, 'unknown: the vault was not found in a scanned subscription, or could not be listed')),
      softDelete: bool(
        'soft delete is on: a deleted key or vault can be recovered during the retention period',
        source(`Vaults_ListBySubscription (${KEY_VAULT}) properties.enableSoftDelete`, 'unknown: the service sets it to true when a vault is created without it and returns it; a vault not found: unknown'),
      ),
      purgeProtection: bool(
        'purge protection is on: nobody can purge a deleted key or vault before its retention ends',
        source(`Vaults_ListBySubscription (${KEY_VAULT}) properties.enablePurgeProtection`, 'false: purge protection is off by default (learn.microsoft.com/azure/key-vault/general/soft-delete-overview); a vault not found: unknown'),
      ),
      softDeleteRetentionDays: num('days a deleted key or vault stays recoverable (7 to 90)', source(`Vaults_ListBySubscription (${KEY_VAULT}) properties.softDeleteRetentionInDays`, 'null: not returned (90, the documented default, applies)')),
    }),
  },
  {
    type: 'azure.cognitiveservices.project',
    title: 'Azure AI Foundry project (of an AI services account)',
    category: 'ai',
    bomType: 'platform',
    props: props([], {
      displayName: str('display name of the project', { from: foundrySource('Projects_List', 'properties.displayName'), absent: 'null: not set (optional in the model)' }),
      isDefault: bool('the default project of its account: data-plane calls that name no project reach it', {
        from: foundrySource('Projects_List', 'properties.isDefault, read-only'),
        absent: 'null: not reported',
      }),
      endpoints: record('data-plane endpoints of the project, by API name', { from: foundrySource('Projects_List', 'properties.endpoints, read-only'), absent: 'null: none reported' }),
      managedIdentity: bool('a system- or user-assigned managed identity is attached: the identity the project, its agents and its Microsoft Entra ID connections act as', {
        from: foundrySource('Projects_List', 'identity.type: None, SystemAssigned, UserAssigned or "SystemAssigned, UserAssigned"'),
        absent: 'false: a project without an identity block has none',
      }),
    }),
  },
  {
    type: 'azure.cognitiveservices.connection',
    title: 'Azure AI Foundry connection (of an AI services account or project); credential values are never read',
    category: 'ai',
    bomType: 'service',
    props: props([], {
      category: str('what the connection reaches (ConnectionCategory): AzureOpenAI, AIServices, CognitiveSearch, AzureBlob, AzureStorageAccount, ApiKey, CustomKeys, ...', {
        from: foundrySource('AccountConnections_List and ProjectConnections_List', 'properties.category'),
        absent: 'null: not set (optional in the model)',
      }),
      authType: str('how it authenticates to its target (ConnectionAuthType): AAD (Microsoft Entra ID), ManagedIdentity, None, ApiKey, AccountKey, SAS, PAT, UsernamePassword, ServicePrincipal, AccessKey, CustomKeys or OAuth2', {
        from: foundrySource('AccountConnections_List and ProjectConnections_List', 'properties.authType'),
        absent: 'never absent: required in the model (the discriminator of the connection kinds)',
      }),
      storesCredential: bool('the connection keeps a secret for its target (every auth type but AAD, ManagedIdentity and None); unknown for an auth type aispm does not know', {
        from: foundrySource('AccountConnections_List and ProjectConnections_List', 'properties.authType'),
        absent: 'never absent: authType is required in the model',
      }),
      target: str('the URL or resource the connection points to, without user name, password, query string or fragment, and with secret-looking key=value pairs redacted', {
        from: foundrySource('AccountConnections_List and ProjectConnections_List', 'properties.target'),
        absent: 'null: not set (optional in the model)',
      }),
      isSharedToAll: bool('shared to all: an account-level connection that every project of the account can use (the spec describes the field no further, so rules read it on account-level connections only)', {
        from: foundrySource('AccountConnections_List and ProjectConnections_List', 'properties.isSharedToAll'),
        absent: 'unknown: the spec gives no default',
      }),
      targetResourceId: str('the Azure resource the connection reaches, as its metadata names it (Foundry sets metadata.ResourceId for Azure resources)', {
        from: foundrySource('AccountConnections_List and ProjectConnections_List', 'properties.metadata.ResourceId'),
        absent: 'null: not named (the metadata is a free string map)',
      }),
      crossSubscription: bool('the target resource is in another subscription than the connection\'s account', {
        from: foundrySource('AccountConnections_List and ProjectConnections_List', 'the subscription of properties.metadata.ResourceId, compared with the account\'s'),
        absent: 'unknown when the metadata names no resource id',
      }),
    }),
  },
  {
    type: 'azure.search.service',
    title: 'Azure AI Search service (the retrieval store of RAG applications)',
    category: 'data',
    bomType: 'data',
    props: props(
      ['internetExposed', 'customerManagedKey', 'loggingEnabled', 'sensitiveData'],
      {
        skuName: str('pricing tier: free, basic, standard, standard2, standard3, storage_optimized_l1, storage_optimized_l2', search('sku.name', NULL_WHEN_ABSENT)),
        replicaCount: num('number of replicas (two for the query SLA, three for the index-update SLA)', search('properties.replicaCount', '1, the spec\'s default (@azure/arm-search fills it in)')),
        partitionCount: num('number of partitions', search('properties.partitionCount', '1, the spec\'s default (@azure/arm-search fills it in)')),
        publicNetworkAccess: str('Enabled, Disabled or SecuredByPerimeter, as the API gives it', search('properties.publicNetworkAccess', '"enabled": @azure/arm-search fills in its model\'s default, as the spec\'s default Enabled applies')),
        publicEndpoint: bool(
          'the public endpoint takes traffic (publicNetworkAccess Enabled), whatever IP rules limit it to',
          search('properties.publicNetworkAccess', 'true: Enabled is the spec\'s default; a value this code does not know: unknown'),
        ),
        ipRules: strList('IPv4 addresses and CIDR ranges the public endpoint admits (networkRuleSet.ipRules)', search('properties.networkRuleSet.ipRules[].value', '[]: no IP rules, every public address is admitted while public access is enabled')),
        networkBypass: str('networkRuleSet.bypass: None or AzureServices (trusted Azure services pass the IP rules)', search('properties.networkRuleSet.bypass', 'null: None, the spec\'s default')),
        privateEndpoints: num(
          'number of approved private endpoint connections',
          search('properties.privateEndpointConnections[].properties.privateLinkServiceConnectionState.status (Approved)', '0: the service record carries its connections (read-only)'),
        ),
        sharedPrivateLinks: strList(
          'resource ids the service reaches through approved shared private links (indexer data sources, skill endpoints)',
          search('properties.sharedPrivateLinkResources[].properties.privateLinkResourceId with status Approved', '[]: none'),
        ),
        localAuthDisabled: bool('disableLocalAuth: API keys are refused on the data plane, only Microsoft Entra ID works', search('properties.disableLocalAuth', `false: ${SEARCH_KEYS_DEFAULT}`)),
        authMode: str(
          'data-plane authentication: aadOnly (disableLocalAuth), aadOrApiKey (authOptions.aadOrApiKey) or apiKeyOnly',
          search('properties.disableLocalAuth and properties.authOptions (apiKeyOnly or aadOrApiKey)', `apiKeyOnly: ${SEARCH_KEYS_DEFAULT}`),
        ),
        cmkEnforcement: str('encryptionWithCmk.enforcement: Enabled, Disabled or Unspecified', search('properties.encryptionWithCmk.enforcement', 'null: not set, which the spec says behaves as Disabled')),
        cmkComplianceStatus: str('encryptionWithCmk.encryptionComplianceStatus: Compliant or NonCompliant (objects not encrypted with a CMK exist)', search('properties.encryptionWithCmk.encryptionComplianceStatus, read-only', NULL_WHEN_ABSENT)),
        managedIdentity: bool('a system- or user-assigned managed identity is attached (indexers and CMK use it)', search('identity.type', IDENTITY)),
        semanticSearch: str('semantic ranker availability: disabled, free or standard', search('properties.semanticSearch', 'null: not set; the spec gives no default')),
        dataExfiltrationProtections: strList('data exfiltration scenarios the service blocks (BlockAll)', search('properties.dataExfiltrationProtections', '[]: none blocked')),
        logCategories: strList('diagnostic log categories and category groups delivered to a destination (OperationLogs, allLogs, ...)', LOG_CATEGORIES),
      },
      {
        internetExposed: search(
          'properties.publicNetworkAccess and properties.networkRuleSet.ipRules: Enabled with no IP rule, or with one that admits every address (a /0 range)',
          'publicNetworkAccess absent: Enabled, the spec\'s default; no rule set: every address; a value this code does not know: unknown',
        ),
        customerManagedKey: search(
          'properties.encryptionWithCmk: enforcement Enabled, and encryptionComplianceStatus not NonCompliant (without enforcement, the service may hold objects with Microsoft-managed keys; per-index keys are data-plane settings aispm does not read)',
          'encryptionWithCmk absent: false, the spec says Unspecified behaves as Disabled; an enforcement value this code does not know: unknown',
        ),
        loggingEnabled: DIAGNOSTIC_LOGGING,
        sensitiveData: source('aispm: a search service holds the indexed documents and vectors that RAG applications retrieve', 'never absent: always true'),
      },
    ),
  },
  {
    type: 'azure.security.pricing',
    title: 'Microsoft Defender for Cloud plan of a subscription (AI services threat protection, Defender CSPM)',
    category: 'logging',
    bomType: 'service',
    props: props([], {
      plan: str('the plan: AI (Defender for AI Services) or CloudPosture (Defender CSPM)', pricing('name', 'never absent: the plan is the resource name')),
      pricingTier: str('Free (off) or Standard (on)', pricing('properties.pricingTier', 'never absent: required in the model')),
      enabled: bool('the plan is on (pricingTier Standard)', pricing('properties.pricingTier', 'never absent: required in the model; a tier this code does not know: unknown')),
      subPlan: str('the sub-plan, when the plan has several', pricing('properties.subPlan', 'null: the full plan applies (the spec)')),
      enforce: str('True: the setting is forced on every descendant scope', pricing('properties.enforce', NULL_WHEN_ABSENT)),
      resourcesCoverageStatus: str('FullyCovered, PartiallyCovered or NotCovered: resource-level settings can differ from the subscription\'s', pricing('properties.resourcesCoverageStatus, read-only', NULL_WHEN_ABSENT)),
      extensions: strList('extensions of the plan that are enabled (isEnabled True), e.g. AIPromptEvidence', pricing('properties.extensions[].name with isEnabled True', '[]: none')),
      deprecated: bool('the plan is deprecated', pricing('properties.deprecated, read-only', NULL_WHEN_ABSENT)),
    }),
  },
  {
    type: 'azure.databricks.workspace',
    title: 'Azure Databricks workspace (data engineering and model training)',
    category: 'ai',
    bomType: 'platform',
    props: props(
      ['loggingEnabled'],
      {
        skuName: str('pricing tier: standard, premium or trial', databricks('sku.name', NULL_WHEN_ABSENT)),
        computeMode: str(
          'Hybrid (classic clusters in the customer\'s subscription) or Serverless (no classic clusters: the cluster settings do not apply)',
          databricks('properties.computeMode', 'Hybrid: required in the model; workspaces made before Serverless existed are classic ones. A value this code does not know: unknown'),
        ),
        publicNetworkAccess: str('Enabled or Disabled, as the API gives it', databricks('properties.publicNetworkAccess', 'null (public access is then on)')),
        publicEndpoint: bool(
          'the workspace (web application and REST API) takes traffic over its public endpoint (publicNetworkAccess not Disabled); IP access lists are workspace settings aispm does not read',
          databricks('properties.publicNetworkAccess', 'true: enabled, as Azure Policy\'s built-in audit of Databricks workspaces counts an absent value (notEquals Disabled); a value this code does not know: unknown'),
        ),
        requiredNsgRules: str('AllRules or NoAzureDatabricksRules (clusters reach the control plane over a private endpoint)', databricks('properties.requiredNsgRules', NULL_WHEN_ABSENT)),
        privateEndpoints: num(
          'number of approved private endpoint connections',
          databricks('properties.privateEndpointConnections[].properties.privateLinkServiceConnectionState.status (Approved)', '0: the workspace record carries its connections (read-only)'),
        ),
        clusterPublicIp: bool(
          'classic clusters get public IP addresses (parameters.enableNoPublicIp false: secure cluster connectivity off); null on a Serverless workspace',
          databricks(
            'properties.parameters.enableNoPublicIp.value',
            'unknown: the spec says new workspaces default to true, but workspaces made at older api-versions defaulted to false, and the spec\'s examples list workspaces with parameters null',
          ),
        ),
        vnetInjected: bool(
          'classic clusters run in a virtual network of the customer\'s (VNet injection: parameters.customVirtualNetworkId set); null on a Serverless workspace',
          databricks('properties.parameters.customVirtualNetworkId.value', 'parameters present without it: false, a managed virtual network (Azure Policy\'s built-in audit reads it so); parameters absent: unknown'),
        ),
        customVirtualNetworkId: str('the virtual network the clusters are injected into', databricks('properties.parameters.customVirtualNetworkId.value', 'null: none (a managed virtual network)')),
        workspaceUrl: str('the workspace URL (adb-{workspaceId}.{n}.azuredatabricks.net)', databricks('properties.workspaceUrl, read-only', NULL_WHEN_ABSENT)),
        logCategories: strList('diagnostic log categories and category groups delivered to a destination (accounts, clusters, jobs, notebook, ...)', LOG_CATEGORIES),
      },
      { loggingEnabled: DIAGNOSTIC_LOGGING },
    ),
  },
  {
    type: 'azure.policy.ai-guardrails',
    title: 'Azure Policy guardrails for AI services in force on a subscription (built-in definitions assigned at the subscription or a management group above it)',
    category: 'governance',
    bomType: 'service',
    props: props([], {
      assignments: num('policy assignments in force on the subscription (at it or at a management group above it), AI-related or not', assignments('the count of value[]', 'never absent: an empty list counts 0')),
      enforcedControls: strList(
        'AI controls that an assignment enforces on the whole subscription: a recognised built-in definition (directly or in an initiative) with effect Deny, Modify or DeployIfNotExists, enforcementMode Default, no notScopes and no resource selectors. Controls: public-network-access-disabled, local-auth-disabled, customer-managed-key, approved-models',
        assignments(
          'properties.policyDefinitionId (with PolicySetDefinitions_Get policyDefinitions[] for an initiative), the effect from properties.overrides, properties.parameters, the initiative\'s parameters and defaults, properties.enforcementMode, properties.notScopes, properties.resourceSelectors',
          '[]: none; enforcementMode absent: Default (the spec\'s default); an effect parameter not given: the built-in\'s default effect (Azure/azure-policy@f4a50ba)',
        ),
      ),
      partlyEnforcedControls: strList('AI controls enforced only outside excluded scopes (notScopes) or for selected resources (resourceSelectors)', assignments('properties.notScopes, properties.resourceSelectors', '[]: none')),
      auditedControls: strList('AI controls that assignments only audit: effect Audit or AuditIfNotExists, or an enforcing effect under enforcementMode DoNotEnforce', assignments('properties.enforcementMode and the resolved effect', '[]: none')),
      publicNetworkAccessEnforced: bool(
        'an assignment enforces on the whole subscription that AI services accounts restrict network access (built-ins 037eea7a Deny, 47ba1dd7 Modify, or the deprecated 0725b4dd Deny)',
        assignments('as enforcedControls', 'unknown when an initiative could not be read, or an assignment\'s effect or enforcement mode (Enroll) is not determined by its record'),
      ),
      localAuthEnforced: bool(
        'an assignment enforces on the whole subscription that AI services accounts disable key access (built-ins 71ef260a Deny, 14de9e63 Modify, 55eff01b DeployIfNotExists)',
        assignments('as enforcedControls', 'unknown when an initiative could not be read, or an assignment\'s effect or enforcement mode (Enroll) is not determined by its record'),
      ),
    }),
  },
] as const satisfies readonly AssetTypeSpec[];

/**
 * The source of an AI Foundry property: the operation and field in the REST API spec of the
 * api-version @azure/arm-cognitiveservices 8.1 sends (2025-09-01). A function, so that it can sit
 * after the list.
 */
function foundrySource(operation: string, field: string): string {
  return `${operation} ${field} (Microsoft.CognitiveServices 2025-09-01)`;
}

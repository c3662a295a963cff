import { bool, num, props, record, str, strList, type AssetTypeSpec } from './spec.js';

/** Azure asset types: Azure OpenAI / AI Services accounts and deployments, Azure ML and AI Foundry, and what they touch. */
export const AZURE_ASSET_TYPES = [
  {
    type: 'azure.cognitiveservices.account',
    title: 'Azure AI services account (Azure OpenAI, AI Services, ...)',
    category: 'ai',
    bomType: 'service',
    props: props(['internetExposed', 'customerManagedKey', 'loggingEnabled'], {
      kind: str('account kind: OpenAI, AIServices, CognitiveServices, ...'),
      publicNetworkAccess: str('Enabled or Disabled'),
      networkDefaultAction: str('networkAcls.defaultAction: Allow or Deny; null when no ACLs are set'),
      ipRules: strList('networkAcls.ipRules values'),
      virtualNetworkRules: num('number of virtual network rules'),
      privateEndpoints: num('number of approved private endpoint connections'),
      localAuthDisabled: bool('disableLocalAuth: API keys cannot be used'),
      managedIdentity: bool('a system- or user-assigned managed identity is attached'),
      outboundRestricted: bool('restrictOutboundNetworkAccess is true'),
      allowedFqdns: strList('allowedFqdnList'),
      customSubdomain: str('customSubDomainName'),
      logCategories: strList('diagnostic log categories and category groups delivered to a destination (Audit, RequestResponse, allLogs, ...)'),
      allowProjectManagement: bool('AI Foundry project management is on: projects can be created under the account', {
        from: foundrySource('Accounts_List', 'properties.allowProjectManagement'),
        absent: 'null: not set; the spec gives no default, and aispm lists projects only where it is true',
      }),
    }),
  },
  {
    type: 'azure.cognitiveservices.deployment',
    title: 'Azure AI model deployment',
    category: 'ai',
    bomType: 'machine-learning-model',
    props: props(['modelId', 'modelVersion', 'outdated'], {
      modelFormat: str('model format, e.g. OpenAI'),
      skuName: str('deployment SKU, e.g. Standard, GlobalStandard'),
      raiPolicyName: str('content filter (RAI policy) the deployment names; unknown when it names none (the account default applies, and Azure does not say which)'),
      generatesText: bool('the model takes text prompts and generates text (capabilities chatCompletion, completion, responses or assistants); null when the deployment reports no capabilities'),
      versionUpgradeOption: str('OnceNewDefaultVersionAvailable, OnceCurrentVersionExpired or NoAutoUpgrade'),
      retirementDate: str('date the model version retires, when known (ISO 8601)'),
      lifecycleStatus: str('lifecycle of the model version in the account catalog: Preview, GenerallyAvailable, Deprecating, Deprecated, Legacy, ...'),
    }),
  },
  {
    type: 'azure.cognitiveservices.rai-policy',
    title: 'Azure AI content filter (RAI policy)',
    category: 'ai',
    bomType: 'application',
    props: props([], {
      mode: str('Default, Blocking, Asynchronous_filter, Deferred'),
      jailbreakFilter: bool('prompt shield for jailbreak attacks is enabled and blocking'),
      indirectAttackFilter: bool('prompt shield for indirect attacks is enabled and blocking'),
      harmFiltersBlocking: strList('harm categories (hate, sexual, violence, selfharm) filtered and blocking on prompts'),
      completionHarmFiltersBlocking: strList('harm categories (hate, sexual, violence, selfharm) filtered and blocking on completions'),
      harmThresholds: record('severity threshold of each enabled harm filter, keyed source.category, e.g. "prompt.hate": "Medium" (Low filters the most)'),
      policyType: str('SystemManaged (Microsoft.Default, Microsoft.DefaultV2) or UserManaged'),
      basePolicyName: str('the policy this one is derived from'),
    }),
  },
  {
    type: 'azure.machinelearning.workspace',
    title: 'Azure Machine Learning / AI Foundry workspace',
    category: 'ai',
    bomType: 'platform',
    props: props(['internetExposed', 'customerManagedKey', 'loggingEnabled'], {
      kind: str('Default, Hub, Project, FeatureStore'),
      publicNetworkAccess: str('Enabled or Disabled'),
      isolationMode: str('managed network isolation mode: Disabled, AllowInternetOutbound, AllowOnlyApprovedOutbound'),
      highBusinessImpact: bool('hbiWorkspace flag'),
      privateEndpoints: num('number of private endpoint connections'),
      managedIdentity: bool('a system- or user-assigned managed identity is attached'),
      logCategories: strList('diagnostic log categories and category groups delivered to a destination'),
    }),
  },
  {
    type: 'azure.machinelearning.compute',
    title: 'Azure ML compute (instance or cluster)',
    category: 'ai',
    bomType: 'application',
    props: props(['internetExposed'], {
      computeType: str('ComputeInstance, AmlCompute, Kubernetes, ...'),
      publicIp: bool('the compute has a public IP address'),
      sshEnabled: bool('SSH access is enabled'),
      idleShutdownMinutes: num('idle time before shutdown; null when never'),
      localAuthDisabled: bool('disableLocalAuth'),
      subnetId: str('subnet the compute runs in'),
      managedIdentity: bool('a system- or user-assigned managed identity is attached'),
      latestOsImage: bool('a compute instance runs the latest OS image (osImageMetadata.isLatestOsImageVersion)'),
    }),
  },
  {
    type: 'azure.machinelearning.online-endpoint',
    title: 'Azure ML online endpoint',
    category: 'ai',
    bomType: 'service',
    props: props(['internetExposed', 'loggingEnabled'], {
      authMode: str('Key, AMLToken or AADToken'),
      publicNetworkAccess: str('Enabled or Disabled'),
      logCategories: strList('diagnostic log categories and category groups delivered to a destination (AmlOnlineEndpointTrafficLog, allLogs, ...)'),
    }),
  },
  {
    type: 'azure.machinelearning.datastore',
    title: 'Azure ML datastore',
    category: 'data',
    bomType: 'data',
    props: props(['sensitiveData'], {
      datastoreType: str('AzureBlob, AzureFile, AzureDataLakeGen2, ...'),
      credentialType: str('None (identity-based), AccountKey, Sas, ServicePrincipal, Certificate'),
    }),
  },
  {
    type: 'azure.managedidentity.identity',
    title: 'Managed identity',
    category: 'identity',
    bomType: 'application',
    props: props(['admin'], {
      identityType: str('SystemAssigned or UserAssigned'),
      roles: strList('role definition names assigned to the identity'),
      principalId: str('object id of the identity in Microsoft Entra ID'),
    }),
  },
  {
    type: 'azure.storage.account',
    title: 'Storage account',
    category: 'data',
    bomType: 'data',
    props: props(['publicRead', 'publicWrite', 'sensitiveData', 'customerManagedKey', 'internetExposed'], {
      allowBlobPublicAccess: bool('allowBlobPublicAccess'),
      publicNetworkAccess: str('Enabled or Disabled'),
      networkDefaultAction: str('networkAcls.defaultAction'),
      sharedKeyAccess: bool('allowSharedKeyAccess'),
      publicContainers: strList('blob containers that allow anonymous read access'),
    }),
  },
  {
    type: 'azure.keyvault.key',
    title: 'Key Vault key',
    category: 'key',
    bomType: 'cryptographic-asset',
    props: props([], {
      rotationPolicy: bool('an automatic rotation policy is set'),
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

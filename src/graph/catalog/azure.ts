import { bool, num, props, str, strList, type AssetTypeSpec } from './spec.js';

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
      raiPolicyName: str('content filter (RAI policy) in force; null when none'),
      versionUpgradeOption: str('OnceNewDefaultVersionAvailable, OnceCurrentVersionExpired or NoAutoUpgrade'),
      retirementDate: str('date the model version retires, when known (ISO 8601)'),
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
    }),
  },
  {
    type: 'azure.machinelearning.online-endpoint',
    title: 'Azure ML online endpoint',
    category: 'ai',
    bomType: 'service',
    props: props(['internetExposed'], {
      authMode: str('Key, AMLToken or AADToken'),
      publicNetworkAccess: str('Enabled or Disabled'),
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
] as const satisfies readonly AssetTypeSpec[];

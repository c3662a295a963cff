import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-QNRES2KC.js";

// src/graph/catalog/spec.ts
function bool(description) {
  return external_exports.boolean().nullable().optional().describe(description);
}
function str(description) {
  return external_exports.string().nullable().optional().describe(description);
}
function num(description) {
  return external_exports.number().nullable().optional().describe(description);
}
function strList(description) {
  return external_exports.array(external_exports.string()).nullable().optional().describe(description);
}
function list(shape, description) {
  return external_exports.array(external_exports.object(shape).strict()).nullable().optional().describe(description);
}
var COMMON_PROPS = {
  internetExposed: bool("reachable from the public internet (direct internet access, public IP, or public network access without restrictions)"),
  customerManagedKey: bool("data at rest is encrypted with a customer-managed key"),
  networkIsolated: bool("runs without outbound internet access, inside a private network"),
  loggingEnabled: bool("invocation, request or diagnostic logs are delivered to a destination"),
  publicRead: bool("anyone on the internet can read the data"),
  publicWrite: bool("anyone on the internet can write the data"),
  admin: bool("the identity holds administrator or wildcard rights"),
  sensitiveData: bool("holds training data, model artifacts or other sensitive data"),
  secrets: list({ location: external_exports.string(), kind: external_exports.string() }, "secrets found in the configuration (values are never kept)"),
  modelId: str("the model this asset serves or uses, as the provider names it"),
  modelVersion: str("the version of that model"),
  outdated: bool("the model or platform version is retired, deprecated or legacy")
};
function props(common, own) {
  const picked = { secrets: COMMON_PROPS.secrets };
  for (const name of common) picked[name] = COMMON_PROPS[name];
  return external_exports.object({ ...picked, ...own }).strict();
}

// src/graph/catalog/aws.ts
var AWS_ASSET_TYPES = [
  {
    type: "aws.sagemaker.notebook-instance",
    title: "SageMaker notebook instance",
    category: "ai",
    bomType: "application",
    props: props(["internetExposed", "customerManagedKey", "networkIsolated", "outdated"], {
      directInternetAccess: bool("DirectInternetAccess is Enabled"),
      rootAccess: bool("RootAccess is Enabled"),
      kmsKeyId: str("KMS key for the ML storage volume"),
      subnetId: str("subnet the notebook is attached to, null when not in a VPC"),
      minimumImdsVersion: str('InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion: "1" or "2"'),
      platformIdentifier: str("platform (OS and Jupyter) version, e.g. notebook-al2-v3"),
      lifecycleConfigName: str("lifecycle configuration attached to the notebook"),
      instanceType: str("ML instance type"),
      status: str("NotebookInstanceStatus")
    })
  },
  {
    type: "aws.sagemaker.domain",
    title: "SageMaker Studio domain",
    category: "ai",
    bomType: "platform",
    props: props(["internetExposed", "customerManagedKey"], {
      appNetworkAccessType: str("PublicInternetOnly or VpcOnly"),
      authMode: str("SSO or IAM"),
      kmsKeyId: str("KMS key for the domain EFS volume"),
      vpcId: str("VPC of the domain")
    })
  },
  {
    type: "aws.sagemaker.model",
    title: "SageMaker model",
    category: "ai",
    bomType: "machine-learning-model",
    props: props(["networkIsolated", "modelId"], {
      networkIsolation: bool("EnableNetworkIsolation is true"),
      vpcConfigured: bool("the model has a VpcConfig"),
      images: strList("container images"),
      repositoryAccessModes: strList("ImageConfig.RepositoryAccessMode of each container (Platform or Vpc)"),
      modelDataUrls: strList("S3 locations of the model artifacts")
    })
  },
  {
    type: "aws.sagemaker.endpoint-config",
    title: "SageMaker endpoint configuration",
    category: "ai",
    bomType: "service",
    props: props(["customerManagedKey"], {
      kmsKeyId: str("KmsKeyId for the ML storage volume of the endpoint instances"),
      dataCaptureEnabled: bool("DataCaptureConfig.EnableCapture"),
      variants: list({ name: str("variant name"), instanceType: str("instance type"), initialInstanceCount: num("instance count"), modelName: str("model name") }, "production variants")
    })
  },
  {
    type: "aws.sagemaker.endpoint",
    title: "SageMaker endpoint",
    category: "ai",
    bomType: "service",
    props: props(["internetExposed", "loggingEnabled"], {
      status: str("EndpointStatus"),
      dataCaptureEnabled: bool("data capture is enabled on the endpoint"),
      variants: list({ name: str("variant name"), currentInstanceCount: num("running instances") }, "production variants"),
      minInstanceCount: num("smallest instance count of any production variant")
    })
  },
  {
    type: "aws.sagemaker.monitoring-schedule",
    title: "SageMaker model monitoring schedule",
    category: "ai",
    bomType: "application",
    props: props(["networkIsolated"], {
      monitoringType: str("DataQuality, ModelQuality, ModelBias or ModelExplainability"),
      status: str("MonitoringScheduleStatus")
    })
  },
  {
    type: "aws.sagemaker.training-job",
    title: "SageMaker training job",
    category: "ai",
    bomType: "application",
    props: props(["customerManagedKey", "networkIsolated"], {
      networkIsolation: bool("EnableNetworkIsolation"),
      interContainerEncryption: bool("EnableInterContainerTrafficEncryption"),
      instanceCount: num("ResourceConfig.InstanceCount"),
      volumeKmsKeyId: str("ResourceConfig.VolumeKmsKeyId"),
      outputKmsKeyId: str("OutputDataConfig.KmsKeyId"),
      vpcConfigured: bool("the job has a VpcConfig"),
      status: str("TrainingJobStatus")
    })
  },
  {
    type: "aws.bedrock.model-invocation-logging",
    title: "Bedrock model invocation logging (per region)",
    category: "logging",
    bomType: "application",
    props: props(["loggingEnabled"], {
      textDataDelivery: bool("text prompts and completions are delivered"),
      s3Bucket: str("S3 bucket that receives the logs"),
      logGroupName: str("CloudWatch Logs group that receives the logs"),
      bedrockResourcesInRegion: num("number of Bedrock resources (agents, guardrails, custom models, knowledge bases) found in the region")
    })
  },
  {
    type: "aws.bedrock.guardrail",
    title: "Bedrock guardrail",
    category: "ai",
    bomType: "application",
    props: props(["customerManagedKey"], {
      promptAttackStrength: str("input strength of the PROMPT_ATTACK content filter: NONE, LOW, MEDIUM, HIGH; null when absent"),
      contentFilterTypes: strList("content filter types with a strength above NONE (HATE, INSULTS, SEXUAL, VIOLENCE, MISCONDUCT, PROMPT_ATTACK)"),
      sensitiveInformationFilter: bool("PII entities or regexes are configured"),
      contextualGrounding: bool("a contextual grounding filter is enabled"),
      deniedTopics: num("number of denied topics"),
      kmsKeyArn: str("KMS key of the guardrail"),
      status: str("guardrail status")
    })
  },
  {
    type: "aws.bedrock.custom-model",
    title: "Bedrock custom model",
    category: "ai",
    bomType: "machine-learning-model",
    props: props(["customerManagedKey", "modelId"], {
      baseModelArn: str("foundation model it was customized from"),
      modelKmsKeyArn: str("KMS key of the custom model"),
      customizationType: str("FINE_TUNING, CONTINUED_PRE_TRAINING, DISTILLATION")
    })
  },
  {
    type: "aws.bedrock.agent",
    title: "Bedrock agent",
    category: "ai",
    bomType: "application",
    props: props(["customerManagedKey", "modelId"], {
      guardrailId: str("guardrail identifier from guardrailConfiguration"),
      idleSessionTtlSeconds: num("idleSessionTTLInSeconds"),
      customerEncryptionKeyArn: str("customerEncryptionKeyArn"),
      status: str("agentStatus")
    })
  },
  {
    type: "aws.bedrock.agent-action-group",
    title: "Bedrock agent action group",
    category: "ai",
    bomType: "application",
    props: props([], {
      executorType: str("lambda, RETURN_CONTROL or none"),
      state: str("ENABLED or DISABLED"),
      requireConfirmation: bool("every function asks the user to confirm before it runs")
    })
  },
  {
    type: "aws.bedrock.knowledge-base",
    title: "Bedrock knowledge base",
    category: "ai",
    bomType: "data",
    props: props(["customerManagedKey", "sensitiveData"], {
      storageType: str("vector store type, e.g. OPENSEARCH_SERVERLESS, RDS, S3_VECTORS"),
      status: str("knowledge base status")
    })
  },
  {
    type: "aws.iam.role",
    title: "IAM role",
    category: "identity",
    bomType: "application",
    props: props(["admin"], {
      trustedServices: strList("service principals allowed to assume the role"),
      attachedPolicies: strList("names of attached managed policies"),
      wildcardActions: bool('an Allow statement grants Action "*" or "service:*"'),
      permissionsBoundary: str("ARN of the permissions boundary")
    })
  },
  {
    type: "aws.s3.bucket",
    title: "S3 bucket",
    category: "data",
    bomType: "data",
    props: props(["publicRead", "publicWrite", "sensitiveData", "customerManagedKey"], {
      blockPublicAccess: bool("all four S3 Block Public Access settings are on"),
      encryption: str("default encryption: AES256, aws:kms, aws:kms:dsse"),
      versioning: bool("versioning is Enabled")
    })
  },
  {
    type: "aws.kms.key",
    title: "KMS key",
    category: "key",
    bomType: "cryptographic-asset",
    props: props([], {
      keyManager: str("CUSTOMER or AWS"),
      rotationEnabled: bool("automatic key rotation is enabled"),
      keyState: str("Enabled, Disabled, PendingDeletion, ...")
    })
  },
  {
    type: "aws.lambda.function",
    title: "Lambda function",
    category: "compute",
    bomType: "application",
    props: props([], {
      runtime: str("runtime identifier")
    })
  },
  {
    type: "aws.ec2.vpc",
    title: "VPC",
    category: "network",
    bomType: "platform",
    props: props([], {
      bedrockEndpoints: strList("Bedrock services reachable through interface VPC endpoints in this VPC")
    })
  },
  {
    type: "aws.logs.log-group",
    title: "CloudWatch Logs log group",
    category: "logging",
    bomType: "data",
    props: props(["customerManagedKey", "sensitiveData"], {
      retentionDays: num("retention in days, null when logs never expire")
    })
  }
];

// src/graph/catalog/azure.ts
var AZURE_ASSET_TYPES = [
  {
    type: "azure.cognitiveservices.account",
    title: "Azure AI services account (Azure OpenAI, AI Services, ...)",
    category: "ai",
    bomType: "service",
    props: props(["internetExposed", "customerManagedKey", "loggingEnabled"], {
      kind: str("account kind: OpenAI, AIServices, CognitiveServices, ..."),
      publicNetworkAccess: str("Enabled or Disabled"),
      networkDefaultAction: str("networkAcls.defaultAction: Allow or Deny; null when no ACLs are set"),
      ipRules: strList("networkAcls.ipRules values"),
      virtualNetworkRules: num("number of virtual network rules"),
      privateEndpoints: num("number of approved private endpoint connections"),
      localAuthDisabled: bool("disableLocalAuth: API keys cannot be used"),
      managedIdentity: bool("a system- or user-assigned managed identity is attached"),
      outboundRestricted: bool("restrictOutboundNetworkAccess is true"),
      allowedFqdns: strList("allowedFqdnList"),
      customSubdomain: str("customSubDomainName")
    })
  },
  {
    type: "azure.cognitiveservices.deployment",
    title: "Azure AI model deployment",
    category: "ai",
    bomType: "machine-learning-model",
    props: props(["modelId", "modelVersion", "outdated"], {
      modelFormat: str("model format, e.g. OpenAI"),
      skuName: str("deployment SKU, e.g. Standard, GlobalStandard"),
      raiPolicyName: str("content filter (RAI policy) in force; null when none"),
      versionUpgradeOption: str("OnceNewDefaultVersionAvailable, OnceCurrentVersionExpired or NoAutoUpgrade"),
      retirementDate: str("date the model version retires, when known (ISO 8601)")
    })
  },
  {
    type: "azure.cognitiveservices.rai-policy",
    title: "Azure AI content filter (RAI policy)",
    category: "ai",
    bomType: "application",
    props: props([], {
      mode: str("Default, Blocking, Asynchronous_filter, Deferred"),
      jailbreakFilter: bool("prompt shield for jailbreak attacks is enabled and blocking"),
      indirectAttackFilter: bool("prompt shield for indirect attacks is enabled and blocking"),
      harmFiltersBlocking: strList("harm categories (hate, sexual, violence, selfharm) filtered and blocking on prompts")
    })
  },
  {
    type: "azure.machinelearning.workspace",
    title: "Azure Machine Learning / AI Foundry workspace",
    category: "ai",
    bomType: "platform",
    props: props(["internetExposed", "customerManagedKey", "loggingEnabled"], {
      kind: str("Default, Hub, Project, FeatureStore"),
      publicNetworkAccess: str("Enabled or Disabled"),
      isolationMode: str("managed network isolation mode: Disabled, AllowInternetOutbound, AllowOnlyApprovedOutbound"),
      highBusinessImpact: bool("hbiWorkspace flag"),
      privateEndpoints: num("number of private endpoint connections")
    })
  },
  {
    type: "azure.machinelearning.compute",
    title: "Azure ML compute (instance or cluster)",
    category: "ai",
    bomType: "application",
    props: props(["internetExposed"], {
      computeType: str("ComputeInstance, AmlCompute, Kubernetes, ..."),
      publicIp: bool("the compute has a public IP address"),
      sshEnabled: bool("SSH access is enabled"),
      idleShutdownMinutes: num("idle time before shutdown; null when never"),
      localAuthDisabled: bool("disableLocalAuth"),
      subnetId: str("subnet the compute runs in")
    })
  },
  {
    type: "azure.machinelearning.online-endpoint",
    title: "Azure ML online endpoint",
    category: "ai",
    bomType: "service",
    props: props(["internetExposed"], {
      authMode: str("Key, AMLToken or AADToken"),
      publicNetworkAccess: str("Enabled or Disabled")
    })
  },
  {
    type: "azure.machinelearning.datastore",
    title: "Azure ML datastore",
    category: "data",
    bomType: "data",
    props: props(["sensitiveData"], {
      datastoreType: str("AzureBlob, AzureFile, AzureDataLakeGen2, ..."),
      credentialType: str("None (identity-based), AccountKey, Sas, ServicePrincipal, Certificate")
    })
  },
  {
    type: "azure.managedidentity.identity",
    title: "Managed identity",
    category: "identity",
    bomType: "application",
    props: props(["admin"], {
      identityType: str("SystemAssigned or UserAssigned"),
      roles: strList("role definition names assigned to the identity")
    })
  },
  {
    type: "azure.storage.account",
    title: "Storage account",
    category: "data",
    bomType: "data",
    props: props(["publicRead", "publicWrite", "sensitiveData", "customerManagedKey", "internetExposed"], {
      allowBlobPublicAccess: bool("allowBlobPublicAccess"),
      publicNetworkAccess: str("Enabled or Disabled"),
      networkDefaultAction: str("networkAcls.defaultAction"),
      sharedKeyAccess: bool("allowSharedKeyAccess")
    })
  },
  {
    type: "azure.keyvault.key",
    title: "Key Vault key",
    category: "key",
    bomType: "cryptographic-asset",
    props: props([], {
      rotationPolicy: bool("an automatic rotation policy is set")
    })
  }
];

// src/graph/catalog/gcp.ts
var GCP_ASSET_TYPES = [
  {
    type: "gcp.vertexai.endpoint",
    title: "Vertex AI endpoint",
    category: "ai",
    bomType: "service",
    props: props(["internetExposed", "customerManagedKey", "loggingEnabled"], {
      networkType: str("public, private-service-connect or vpc-peering"),
      dedicatedEndpoint: bool("dedicatedEndpointEnabled"),
      kmsKeyName: str("encryptionSpec.kmsKeyName"),
      requestResponseLogging: bool("predictRequestResponseLoggingConfig.enabled"),
      deployedModels: num("number of deployed models")
    })
  },
  {
    type: "gcp.vertexai.model",
    title: "Vertex AI model",
    category: "ai",
    bomType: "machine-learning-model",
    props: props(["customerManagedKey", "modelId"], {
      artifactUri: str("Cloud Storage location of the model artifacts"),
      containerImage: str("containerSpec.imageUri"),
      kmsKeyName: str("encryptionSpec.kmsKeyName"),
      versionAliases: strList("versionAliases")
    })
  },
  {
    type: "gcp.vertexai.dataset",
    title: "Vertex AI dataset",
    category: "data",
    bomType: "data",
    props: props(["customerManagedKey", "sensitiveData"], {
      kmsKeyName: str("encryptionSpec.kmsKeyName"),
      sourceUris: strList("Cloud Storage sources")
    })
  },
  {
    type: "gcp.vertexai.custom-job",
    title: "Vertex AI custom job",
    category: "ai",
    bomType: "application",
    props: props(["customerManagedKey", "networkIsolated"], {
      network: str("jobSpec.network; null when the job has no VPC"),
      webAccess: bool("jobSpec.enableWebAccess"),
      serviceAccount: str("jobSpec.serviceAccount"),
      kmsKeyName: str("encryptionSpec.kmsKeyName")
    })
  },
  {
    type: "gcp.vertexai.notebook-runtime",
    title: "Vertex AI Workbench / Colab Enterprise notebook runtime",
    category: "ai",
    bomType: "application",
    props: props(["internetExposed", "customerManagedKey"], {
      publicIp: bool("the runtime has a public IP address"),
      idleShutdown: bool("idle shutdown is enabled"),
      idleTimeoutSeconds: num("idle timeout in seconds"),
      serviceAccount: str("service account the runtime runs as"),
      endUserCredentials: bool("runs with the end user's credentials")
    })
  },
  {
    type: "gcp.vertexai.model-monitoring-job",
    title: "Vertex AI model deployment monitoring job",
    category: "ai",
    bomType: "application",
    props: props([], {
      state: str("job state"),
      driftDetection: bool("prediction drift detection is configured"),
      skewDetection: bool("training-serving skew detection is configured")
    })
  },
  {
    type: "gcp.iam.service-account",
    title: "Service account",
    category: "identity",
    bomType: "application",
    props: props(["admin"], {
      email: str("service account email"),
      defaultComputeServiceAccount: bool("the Compute Engine default service account"),
      projectRoles: strList("roles granted on the project")
    })
  },
  {
    type: "gcp.storage.bucket",
    title: "Cloud Storage bucket",
    category: "data",
    bomType: "data",
    props: props(["publicRead", "publicWrite", "sensitiveData", "customerManagedKey"], {
      publicAccessPrevention: str("enforced or inherited"),
      uniformBucketLevelAccess: bool("uniform bucket-level access is on"),
      versioning: bool("object versioning is on")
    })
  },
  {
    type: "gcp.kms.crypto-key",
    title: "Cloud KMS key",
    category: "key",
    bomType: "cryptographic-asset",
    props: props([], {
      rotationPeriodSeconds: num("automatic rotation period; null when none")
    })
  }
];

// src/graph/catalog/index.ts
var ASSET_TYPES = new Map(
  [...AWS_ASSET_TYPES, ...AZURE_ASSET_TYPES, ...GCP_ASSET_TYPES].map((spec) => [spec.type, spec])
);
var ASSET_TYPE_NAMES = [...ASSET_TYPES.keys()].sort();
function assetTypeSpec(type) {
  return ASSET_TYPES.get(type);
}

export {
  ASSET_TYPE_NAMES,
  assetTypeSpec
};

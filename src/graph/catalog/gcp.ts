import { bool, num, props, str, strList, type AssetTypeSpec } from './spec.js';

/** Google Cloud asset types: Vertex AI and the service accounts, buckets and keys it touches. */
export const GCP_ASSET_TYPES = [
  {
    type: 'gcp.vertexai.endpoint',
    title: 'Vertex AI endpoint',
    category: 'ai',
    bomType: 'service',
    props: props(['internetExposed', 'customerManagedKey', 'loggingEnabled'], {
      networkType: str('public, private-service-connect or vpc-peering'),
      dedicatedEndpoint: bool('dedicatedEndpointEnabled'),
      kmsKeyName: str('encryptionSpec.kmsKeyName'),
      requestResponseLogging: bool('predictRequestResponseLoggingConfig.enabled'),
      deployedModels: num('number of deployed models'),
    }),
  },
  {
    type: 'gcp.vertexai.model',
    title: 'Vertex AI model',
    category: 'ai',
    bomType: 'machine-learning-model',
    props: props(['customerManagedKey', 'modelId'], {
      artifactUri: str('Cloud Storage location of the model artifacts'),
      containerImage: str('containerSpec.imageUri'),
      kmsKeyName: str('encryptionSpec.kmsKeyName'),
      versionAliases: strList('versionAliases'),
    }),
  },
  {
    type: 'gcp.vertexai.dataset',
    title: 'Vertex AI dataset',
    category: 'data',
    bomType: 'data',
    props: props(['customerManagedKey', 'sensitiveData'], {
      kmsKeyName: str('encryptionSpec.kmsKeyName'),
      sourceUris: strList('Cloud Storage sources'),
    }),
  },
  {
    type: 'gcp.vertexai.custom-job',
    title: 'Vertex AI custom job',
    category: 'ai',
    bomType: 'application',
    props: props(['customerManagedKey', 'networkIsolated'], {
      network: str('jobSpec.network; null when the job has no VPC'),
      webAccess: bool('jobSpec.enableWebAccess'),
      serviceAccount: str('jobSpec.serviceAccount'),
      kmsKeyName: str('encryptionSpec.kmsKeyName'),
    }),
  },
  {
    type: 'gcp.vertexai.notebook-runtime',
    title: 'Vertex AI Workbench / Colab Enterprise notebook runtime',
    category: 'ai',
    bomType: 'application',
    props: props(['internetExposed', 'customerManagedKey'], {
      publicIp: bool('the runtime has a public IP address'),
      idleShutdown: bool('idle shutdown is enabled'),
      idleTimeoutSeconds: num('idle timeout in seconds'),
      serviceAccount: str('service account the runtime runs as'),
      endUserCredentials: bool('runs with the end user\'s credentials'),
    }),
  },
  {
    type: 'gcp.vertexai.model-monitoring-job',
    title: 'Vertex AI model deployment monitoring job',
    category: 'ai',
    bomType: 'application',
    props: props([], {
      state: str('job state'),
      driftDetection: bool('prediction drift detection is configured'),
      skewDetection: bool('training-serving skew detection is configured'),
    }),
  },
  {
    type: 'gcp.iam.service-account',
    title: 'Service account',
    category: 'identity',
    bomType: 'application',
    props: props(['admin'], {
      email: str('service account email'),
      defaultComputeServiceAccount: bool('the Compute Engine default service account'),
      projectRoles: strList('roles granted on the project'),
    }),
  },
  {
    type: 'gcp.storage.bucket',
    title: 'Cloud Storage bucket',
    category: 'data',
    bomType: 'data',
    props: props(['publicRead', 'publicWrite', 'sensitiveData', 'customerManagedKey'], {
      publicAccessPrevention: str('enforced or inherited'),
      uniformBucketLevelAccess: bool('uniform bucket-level access is on'),
      versioning: bool('object versioning is on'),
    }),
  },
  {
    type: 'gcp.kms.crypto-key',
    title: 'Cloud KMS key',
    category: 'key',
    bomType: 'cryptographic-asset',
    props: props([], {
      rotationPeriodSeconds: num('automatic rotation period; null when none'),
    }),
  },
] as const satisfies readonly AssetTypeSpec[];

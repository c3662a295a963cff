import type { ContainerDefinition } from '@aws-sdk/client-sagemaker';

/**
 * What SageMaker resources tell about their models and volumes, from the fields the API returns; no
 * SDK client here, so a Terraform plan's SageMaker resources are read with the same functions.
 */

/**
 * Instance types with local NVMe instance storage (the `d` families such as ml.m5d, ml.g4dn, ml.p4d,
 * and GPU and Trainium families whose every size has it). That storage is encrypted by the instance
 * hardware, and SageMaker refuses a volume KMS key for them, so no key is expected there.
 */
const LOCAL_STORAGE_INSTANCES = /^ml\.([a-z]+\d+[a-z]*d[a-z]*|g5|g6|g6e|gr6|p5|p5e|p5en|trn1|trn1n|trn2)\./;

/** Whether a volume KMS key can be set for these instance types (none has local storage); unknown types count as able. */
export function volumeKeyApplies(instanceTypes: Array<string | undefined>): boolean {
  return !instanceTypes.some((type) => type !== undefined && LOCAL_STORAGE_INSTANCES.test(type));
}

/** JumpStart deployments made by the SageMaker Python SDK carry these tags. */
const JUMPSTART_MODEL_TAG = 'sagemaker-sdk:jumpstart-model-id';
const JUMPSTART_VERSION_TAG = 'sagemaker-sdk:jumpstart-model-version';

/**
 * Which model a SageMaker model serves, where the record says so: a hub model it was deployed from
 * (`HubAccessConfig.HubContentArn`, `.../hub-content/<hub>/Model/<name>/<version>`), a model package
 * (`<group>/<version>` in the account's registry, or a Marketplace package's name), or the JumpStart
 * tags the SageMaker Python SDK puts on what it deploys. An image and an S3 artifact alone name no
 * model: then modelId stays absent (unknown).
 */
export function servedModel(containers: readonly ContainerDefinition[], tags: Record<string, string> | undefined): { modelId?: string; modelVersion?: string | null } {
  for (const container of containers) {
    const hub = container.ModelDataSource?.S3DataSource?.HubAccessConfig?.HubContentArn?.match(/:hub-content\/[^/]+\/Model\/([^/]+)(?:\/([^/]+))?$/);
    if (hub) return { modelId: hub[1]!, modelVersion: hub[2] ?? null };
    const modelPackage = container.ModelPackageName?.replace(/^arn:[^:]+:sagemaker:[^:]*:[^:]*:model-package\//, '').match(/^([^/]+)(?:\/(\d+))?$/);
    if (modelPackage) return { modelId: modelPackage[1]!, modelVersion: modelPackage[2] ?? null };
  }
  const jumpStart = tags?.[JUMPSTART_MODEL_TAG];
  return jumpStart ? { modelId: jumpStart, modelVersion: tags?.[JUMPSTART_VERSION_TAG] ?? null } : {};
}

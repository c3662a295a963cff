import type { AssetDraft } from './session.js';

/**
 * Container images that AI assets run, as their records name them, and the ECR repository of an
 * image URI. Kept apart from ecr.ts so that the account (session.ts) can note references without
 * loading the ECR client.
 */

/** Where each AI asset type names its images: SageMaker models and jobs, AgentCore runtimes. */
export const IMAGE_REFERENCES: Readonly<Record<string, (draft: AssetDraft) => unknown>> = {
  'aws.sagemaker.model': (draft) => draft.props.images,
  'aws.sagemaker.training-job': (draft) => (draft.raw as { AlgorithmSpecification?: { TrainingImage?: unknown } } | undefined)?.AlgorithmSpecification?.TrainingImage,
  'aws.sagemaker.processing-job': (draft) => draft.props.image,
  'aws.bedrock-agentcore.runtime': (draft) => draft.props.containerUri,
};

/** The image URIs an asset names. */
export function imagesOf(draft: AssetDraft): string[] {
  const named = IMAGE_REFERENCES[draft.type]?.(draft);
  return (Array.isArray(named) ? named : [named]).filter((uri): uri is string => typeof uri === 'string');
}

/** An ECR image URI (`<account>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag][@digest]`): its registry and repository. */
export function ecrRepositoryOf(uri: string): { account: string; region: string; name: string; byDigest: boolean } | undefined {
  const match = uri.match(/^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9][a-z0-9._/-]*?)(?::[\w.-]+)?(@sha256:[0-9a-f]{64})?$/);
  if (!match) return undefined;
  return { account: match[1]!, region: match[2]!, name: match[3]!, byDigest: match[4] !== undefined };
}

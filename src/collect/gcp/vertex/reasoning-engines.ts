import type { protos } from '@google-cloud/aiplatform';
import { cmekOf, enumName, type Where } from '../estate.js';
import { vertexCollection } from './collection.js';

type ReasoningEngine = protos.google.cloud.aiplatform.v1.IReasoningEngine;

/**
 * Agent Engine (reasoning engines): the identity the agent runs as, its egress, and where its code
 * package lives. Its environment stays in `raw` for the secret scan; secretEnv only names secrets.
 */
export const reasoningEngines = vertexCollection({
  operation: 'ListReasoningEngines',
  list: (vertex, request, options) => vertex.reasoningEngines.listReasoningEnginesAsync(request, options),
  describe: describeReasoningEngine,
});

/**
 * The account an agent runs as when it names none: the project's AI Platform Reasoning Engine
 * Service Agent ("If not specified, the Vertex AI Reasoning Engine Service Agent in the project will
 * be used", reasoning_engine.proto; https://cloud.google.com/iam/docs/service-agents).
 */
export function reasoningEngineServiceAgent(projectNumber: string): string {
  return `service-${projectNumber}@gcp-sa-aiplatform-re.iam.gserviceaccount.com`;
}

/** How the agent's code is deployed: the oneof deployment_source, or the older package spec. */
function deploymentSourceOf(spec: NonNullable<ReasoningEngine['spec']>): string | null {
  if (spec.sourceCodeSpec) return 'source-code';
  if (spec.containerSpec) return 'container';
  if (spec.packageSpec) return 'package';
  return null;
}

function describeReasoningEngine(engine: ReasoningEngine, where: Where): void {
  const { estate, project } = where;
  const spec = engine.spec;
  const pscInterface = Boolean(spec?.deploymentSpec?.pscInterfaceConfig?.networkAttachment);
  const identityType = enumName(spec?.identityType as string | number | null | undefined);
  const projectNumber = /^projects\/(\d+)\//.exec(engine.name ?? '')?.[1];
  // Agent identity is a principal of its own, not a service account: what it may do is not read here.
  const effectiveServiceAccount = !spec || identityType === 'AGENT_IDENTITY' ? undefined : spec.serviceAccount || (projectNumber ? reasoningEngineServiceAgent(projectNumber) : undefined);
  const deployment = spec?.deploymentSpec;
  const id = estate.addVertexAsset(engine, 'gcp.vertexai.reasoning-engine', where, {
    ...(spec
      ? {
          serviceAccount: spec.serviceAccount || null,
          identityType,
          effectiveServiceAccount: effectiveServiceAccount ?? null,
          agentFramework: spec.agentFramework || null,
          deploymentSource: deploymentSourceOf(spec),
          pscInterface,
          networkIsolated: pscInterface,
          envVars: (deployment?.env ?? []).map((variable) => variable.name ?? '').sort(),
          secretEnvVars: (deployment?.secretEnv ?? []).map((variable) => variable.name ?? '').sort(),
        }
      : {}),
    ...cmekOf(engine),
  });
  estate.usesServiceAccount(id, project, effectiveServiceAccount);
  if (!effectiveServiceAccount) estate.builder.markEdgesUnread(id, 'uses-identity', 'out');
  for (const uri of [spec?.packageSpec?.pickleObjectGcsUri, spec?.packageSpec?.dependencyFilesGcsUri, spec?.packageSpec?.requirementsGcsUri]) estate.usesBucket(id, 'artifacts-in', uri, project);
}

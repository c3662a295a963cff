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

function describeReasoningEngine(engine: ReasoningEngine, where: Where): void {
  const { estate, project } = where;
  const spec = engine.spec;
  const pscInterface = Boolean(spec?.deploymentSpec?.pscInterfaceConfig?.networkAttachment);
  const id = estate.addVertexAsset(engine, 'gcp.vertexai.reasoning-engine', where, {
    ...(spec
      ? {
          serviceAccount: spec.serviceAccount || null,
          identityType: enumName(spec.identityType),
          agentFramework: spec.agentFramework || null,
          pscInterface,
          networkIsolated: pscInterface,
        }
      : {}),
    ...cmekOf(engine),
  });
  estate.usesServiceAccount(id, project, spec?.serviceAccount);
  for (const uri of [spec?.packageSpec?.pickleObjectGcsUri, spec?.packageSpec?.dependencyFilesGcsUri, spec?.packageSpec?.requirementsGcsUri]) estate.usesBucket(id, 'artifacts-in', uri, project);
}

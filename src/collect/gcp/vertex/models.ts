import type { protos } from '@google-cloud/aiplatform';
import { cmekOf, lastSegment, type Where } from '../estate.js';
import { vertexCollection } from './collection.js';

type Model = protos.google.cloud.aiplatform.v1.IModel;

/**
 * Models in the Model Registry. The container environment stays in `raw`, where the redaction pass
 * finds credentials in it.
 */
export const models = vertexCollection({
  operation: 'ListModels',
  list: (vertex, request, options) => vertex.models.listModelsAsync(request, options),
  describe: describeModel,
});

function describeModel(model: Model, where: Where): void {
  const { estate, project } = where;
  const id = estate.addVertexAsset(model, 'gcp.vertexai.model', where, {
    artifactUri: model.artifactUri || null,
    containerImage: model.containerSpec?.imageUri || null,
    ...cmekOf(model),
    versionAliases: model.versionAliases ?? [],
    // A Model Garden model names its source; a model of one's own is known by its registry id.
    modelId: model.baseModelSource?.modelGardenSource?.publicModelName || lastSegment(model.name ?? ''),
    modelVersion: model.versionId || null,
  });
  estate.usesBucket(id, 'artifacts-in', model.artifactUri, project);
  if (model.trainingPipeline) estate.modelPipelines.set(id, model.trainingPipeline);
}

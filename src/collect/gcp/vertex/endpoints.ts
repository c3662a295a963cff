import type { protos } from '@google-cloud/aiplatform';
import { cmekOf, withoutVersion, type Where } from '../estate.js';
import { vertexCollection } from './collection.js';

type Endpoint = protos.google.cloud.aiplatform.v1.IEndpoint;

/** Online prediction endpoints: how they are reached, CMEK, logging, monitoring, and the models they serve. */
export const endpoints = vertexCollection({
  operation: 'ListEndpoints',
  list: (vertex, request, options) => vertex.endpoints.listEndpointsAsync(request, options),
  describe: describeEndpoint,
});

function describeEndpoint(endpoint: Endpoint, where: Where): void {
  const { estate, project } = where;
  const networkType = networkTypeOf(endpoint);
  const requestResponseLogging = endpoint.predictRequestResponseLoggingConfig?.enabled === true;
  const deployedModels = endpoint.deployedModels ?? [];
  const id = estate.addVertexAsset(endpoint, 'gcp.vertexai.endpoint', where, {
    networkType,
    internetExposed: networkType === 'public',
    dedicatedEndpoint: endpoint.dedicatedEndpointEnabled === true,
    ...cmekOf(endpoint),
    requestResponseLogging,
    loggingEnabled: requestResponseLogging,
    deployedModels: deployedModels.length,
    modelsWithoutAccessLogging: deployedModels.filter((deployed) => deployed.enableAccessLogging !== true).map(deployedName),
    // No serviceAccount: the container runs as a Vertex-managed identity "that doesn't have access to the resource project" (endpoint.proto).
    modelsWithManagedIdentity: deployedModels.filter((deployed) => !deployed.serviceAccount).map(deployedName),
    monitoringJob: endpoint.modelDeploymentMonitoringJob || null,
  });
  for (const deployed of deployedModels) {
    estate.addEdge(id, 'deploys', withoutVersion(deployed.model));
    // The model's serving container runs as this account (the Vertex AI service agent when unset).
    estate.usesServiceAccount(id, project, deployed.serviceAccount);
  }
  estate.addEdge(id, 'monitored-by', endpoint.modelDeploymentMonitoringJob);
}

const deployedName = (deployed: NonNullable<Endpoint['deployedModels']>[number]) => deployed.displayName || deployed.id || '';

/** Private Service Connect and VPC peering keep predictions off the internet; otherwise it is public. */
function networkTypeOf(endpoint: Endpoint): string {
  if (endpoint.privateServiceConnectConfig?.enablePrivateServiceConnect || endpoint.enablePrivateServiceConnect) return 'private-service-connect';
  if (endpoint.network) return 'vpc-peering';
  return 'public';
}

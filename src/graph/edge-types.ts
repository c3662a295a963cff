/**
 * The typed edges of the asset graph. An edge always points from the asset that acts or depends
 * to the asset it acts on or depends on: notebook --uses-identity--> role --writes-data--> bucket.
 */
export const EDGE_TYPES = {
  'uses-identity': 'runs as, or is granted the rights of, an identity (role, managed identity, service account)',
  'can-assume': 'an identity can assume or impersonate another identity',
  'reads-data': 'can read data from a store (bucket, dataset, storage account, knowledge base)',
  'writes-data': 'can write data to a store',
  'trained-on': 'a model was trained or fine-tuned on this data',
  'artifacts-in': 'a model keeps its artifacts (weights, container) in this store',
  'deploys': 'an endpoint or deployment serves this model',
  'configured-by': 'takes its configuration from this asset (a SageMaker endpoint from its endpoint configuration)',
  'encrypted-by': 'data at rest is encrypted with this key',
  'guarded-by': 'requests pass through this guardrail or content filter',
  'logs-to': 'logs or captured requests are delivered to this destination',
  'monitored-by': 'a model-monitoring job or schedule watches this asset',
  'in-network': 'runs inside this network (VPC, subnet, virtual network)',
  'invokes': 'can call this function or tool (agent action groups, tools)',
  'part-of': 'is a child of this asset (a deployment of an account, a compute of a workspace)',
  'governed-by': 'its settings are constrained by these policy guardrails (Azure Policy assignments)',
  'evaluates': 'an evaluation job measured the answers of this model or knowledge base',
  'documented-by': 'a model card (or like record) documents this model: its intended use, risks and evaluation',
} as const satisfies Record<string, string>;

export type EdgeType = keyof typeof EDGE_TYPES;
export const EDGE_TYPE_NAMES = Object.keys(EDGE_TYPES) as EdgeType[];

export function isEdgeType(name: string): name is EdgeType {
  return Object.hasOwn(EDGE_TYPES, name);
}

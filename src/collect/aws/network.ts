import { EC2Client, paginateDescribeVpcEndpoints } from '@aws-sdk/client-ec2';
import type { BedrockUse } from './account.js';
import { toRaw, type AwsAccount } from './session.js';

/**
 * Private connectivity to Bedrock and Bedrock AgentCore: interface VPC endpoints for their services,
 * per VPC. A VPC appears as an asset when it has such an endpoint or when an AI asset runs in it (a
 * Studio domain, an AgentCore runtime).
 */

/** `com.amazonaws.<region>.bedrock-agent-runtime` → `bedrock-agent-runtime` (any partition's prefix). */
const BEDROCK_ENDPOINT_SERVICE = /\.(bedrock(?:-agent)?(?:-runtime)?)$/;
/**
 * AgentCore's three PrivateLink services: `bedrock-agentcore` (data plane: runtime, memory, built-in
 * tools, identity), `bedrock-agentcore-control` (control plane) and `bedrock-agentcore.gateway`
 * (invoking gateways) (AgentCore Developer Guide, "Use interface VPC endpoints",
 * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/vpc-interface-endpoints.html).
 */
const AGENTCORE_ENDPOINT_SERVICE = /\.(bedrock-agentcore(?:-control|\.gateway)?)$/;
const isAgentCore = (service: string) => service.startsWith('bedrock-agentcore');

/** VPC id → its available Bedrock and AgentCore endpoints with their records; undefined when the listing failed. */
export type BedrockEndpoints = Map<string, Array<{ service: string; record: unknown }>> | undefined;

export async function collectBedrockEndpoints(account: AwsAccount, region: string): Promise<BedrockEndpoints> {
  const client = account.client(EC2Client, region);
  const endpoints = await account
    .scope(region, 'ec2')
    .list('DescribeVpcEndpoints', paginateDescribeVpcEndpoints({ client }, { Filters: [{ Name: 'vpc-endpoint-type', Values: ['Interface'] }] }), (page) => page.VpcEndpoints);
  if (!endpoints) return undefined;
  const byVpc = new Map<string, Array<{ service: string; record: unknown }>>();
  for (const endpoint of endpoints) {
    const service = (endpoint.ServiceName?.match(BEDROCK_ENDPOINT_SERVICE) ?? endpoint.ServiceName?.match(AGENTCORE_ENDPOINT_SERVICE))?.[1];
    if (!service || !endpoint.VpcId || endpoint.State?.toLowerCase() !== 'available') continue;
    account.vpc(endpoint.VpcId, region);
    byVpc.set(endpoint.VpcId, [...(byVpc.get(endpoint.VpcId) ?? []), { service, record: toRaw(endpoint) }]);
  }
  return byVpc;
}

/**
 * One asset per VPC seen, with the Bedrock and AgentCore services it reaches privately (unknown where
 * the listing failed) and whether its region uses Bedrock (as the region's invocation logging asset says).
 */
export function addVpcs(account: AwsAccount, endpointsByRegion: ReadonlyMap<string, BedrockEndpoints>, bedrockUseByRegion: ReadonlyMap<string, BedrockUse>): void {
  for (const [id, { region }] of account.vpcs) {
    const vpcId = id.slice(id.lastIndexOf('/') + 1);
    const regionEndpoints = endpointsByRegion.get(region);
    const all = regionEndpoints?.get(vpcId) ?? [];
    const endpoints = all.filter((endpoint) => !isAgentCore(endpoint.service));
    const agentCore = all.filter((endpoint) => isAgentCore(endpoint.service));
    const services = (list: typeof all) => (regionEndpoints ? [...new Set(list.map((endpoint) => endpoint.service))].sort() : undefined);
    account.addAsset({
      id,
      type: 'aws.ec2.vpc',
      name: vpcId,
      region,
      props: {
        bedrockEndpoints: services(endpoints),
        agentCoreEndpoints: services(agentCore),
        bedrockResourcesInRegion: bedrockUseByRegion.get(region)?.bedrockResourcesInRegion,
        bedrockUsed: bedrockUseByRegion.get(region)?.bedrockUsed,
      },
      raw: regionEndpoints
        ? { VpcId: vpcId, BedrockVpcEndpoints: endpoints.map((endpoint) => endpoint.record), ...(agentCore.length > 0 ? { AgentCoreVpcEndpoints: agentCore.map((endpoint) => endpoint.record) } : {}) }
        : undefined,
    });
  }
}

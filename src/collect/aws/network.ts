import { EC2Client, paginateDescribeVpcEndpoints } from '@aws-sdk/client-ec2';
import type { BedrockUse } from './account.js';
import { toRaw, type AwsAccount } from './session.js';

/**
 * Private connectivity to Bedrock: interface VPC endpoints for the Bedrock services, per VPC. A VPC
 * appears as an asset when it has such an endpoint or when an AI asset runs in it (a Studio domain).
 */

/** `com.amazonaws.<region>.bedrock-agent-runtime` → `bedrock-agent-runtime` (any partition's prefix). */
const BEDROCK_ENDPOINT_SERVICE = /\.(bedrock(?:-agent)?(?:-runtime)?)$/;

/** VPC id → its available Bedrock endpoints with their records; undefined when the listing failed. */
export type BedrockEndpoints = Map<string, Array<{ service: string; record: unknown }>> | undefined;

export async function collectBedrockEndpoints(account: AwsAccount, region: string): Promise<BedrockEndpoints> {
  const client = account.client(EC2Client, region);
  const endpoints = await account
    .scope(region, 'ec2')
    .list('DescribeVpcEndpoints', paginateDescribeVpcEndpoints({ client }, { Filters: [{ Name: 'vpc-endpoint-type', Values: ['Interface'] }] }), (page) => page.VpcEndpoints);
  if (!endpoints) return undefined;
  const byVpc = new Map<string, Array<{ service: string; record: unknown }>>();
  for (const endpoint of endpoints) {
    const service = endpoint.ServiceName?.match(BEDROCK_ENDPOINT_SERVICE)?.[1];
    if (!service || !endpoint.VpcId || endpoint.State?.toLowerCase() !== 'available') continue;
    account.vpc(endpoint.VpcId, region);
    byVpc.set(endpoint.VpcId, [...(byVpc.get(endpoint.VpcId) ?? []), { service, record: toRaw(endpoint) }]);
  }
  return byVpc;
}

/**
 * One asset per VPC seen, with the Bedrock services it reaches privately (unknown where the listing
 * failed) and whether its region uses Bedrock (as the region's invocation logging asset says).
 */
export function addVpcs(account: AwsAccount, endpointsByRegion: ReadonlyMap<string, BedrockEndpoints>, bedrockUseByRegion: ReadonlyMap<string, BedrockUse>): void {
  for (const [id, { region }] of account.vpcs) {
    const vpcId = id.slice(id.lastIndexOf('/') + 1);
    const regionEndpoints = endpointsByRegion.get(region);
    const endpoints = regionEndpoints?.get(vpcId) ?? [];
    account.addAsset({
      id,
      type: 'aws.ec2.vpc',
      name: vpcId,
      region,
      props: {
        bedrockEndpoints: regionEndpoints ? [...new Set(endpoints.map((endpoint) => endpoint.service))].sort() : undefined,
        bedrockResourcesInRegion: bedrockUseByRegion.get(region)?.bedrockResourcesInRegion,
        bedrockUsed: bedrockUseByRegion.get(region)?.bedrockUsed,
      },
      raw: regionEndpoints ? { VpcId: vpcId, BedrockVpcEndpoints: endpoints.map((endpoint) => endpoint.record) } : undefined,
    });
  }
}

import { EC2Client, paginateDescribeSubnets } from '@aws-sdk/client-ec2';
import type { AwsAccount } from './session.js';

/**
 * The VPC each AgentCore runtime in VPC mode runs in. GetAgentRuntime names only the runtime's subnets
 * (networkConfiguration.networkModeConfig.subnets, all of one VPC); EC2 DescribeSubnets gives their VPC,
 * which becomes an `in-network` edge to the VPC asset (network.ts adds its AgentCore interface endpoints).
 */

/** Runtime ARN → its subnet ids, for runtimes in VPC mode. */
export type RuntimeSubnets = ReadonlyMap<string, readonly string[]>;

export async function collectRuntimeNetworks(account: AwsAccount, region: string, runtimes: RuntimeSubnets): Promise<void> {
  const subnetIds = [...new Set([...runtimes.values()].flat())].sort();
  if (subnetIds.length === 0) return;
  const client = account.client(EC2Client, region);
  // A filter, not SubnetIds: a subnet deleted since the runtime was made is left out instead of failing the whole call.
  const subnets = await account
    .scope(region, 'ec2')
    .list('DescribeSubnets', paginateDescribeSubnets({ client }, { Filters: [{ Name: 'subnet-id', Values: subnetIds }] }), (page) => page.Subnets);
  const vpcOf = new Map((subnets ?? []).flatMap((subnet) => (subnet.SubnetId && subnet.VpcId ? [[subnet.SubnetId, subnet.VpcId] as const] : [])));
  for (const [runtimeArn, ids] of runtimes) {
    if (!subnets) {
      account.markEdgesUnread(runtimeArn, 'in-network', 'out');
      continue;
    }
    for (const vpcId of new Set(ids.flatMap((id) => vpcOf.get(id) ?? []))) account.edge(runtimeArn, 'in-network', account.vpc(vpcId, region));
  }
}

import { GetTraceSegmentDestinationCommand, XRayClient } from '@aws-sdk/client-xray';
import type { AwsAccount } from './session.js';

/**
 * X-Ray's trace segment destination per region: CloudWatch Transaction Search is on when segments go to
 * CloudWatch Logs and the destination is ACTIVE (X-Ray API reference, GetTraceSegmentDestination;
 * AgentCore needs it to show its runtimes' spans and traces: AgentCore Developer Guide, "Enabling
 * AgentCore observability"). Read only in regions that run AgentCore runtimes, or where that is unknown.
 */
export async function collectTraceDestination(account: AwsAccount, region: string, agentCoreRuntimes: number | undefined): Promise<void> {
  if (agentCoreRuntimes === 0) return;
  const client = account.client(XRayClient, region);
  const answer = await account.scope(region, 'xray').call('GetTraceSegmentDestination', () => client.send(new GetTraceSegmentDestinationCommand({})));
  if (!answer) return;
  const { Destination: destination, Status: status } = answer;
  account.addAsset({
    id: `arn:${account.partition}:xray:${region}:${account.account}:trace-segment-destination`,
    type: 'aws.xray.trace-destination',
    name: `x-ray trace destination (${region})`,
    region,
    props: {
      destination: destination ?? null,
      status: status ?? null,
      transactionSearch: destination && status ? destination === 'CloudWatchLogs' && status === 'ACTIVE' : undefined,
      agentCoreRuntimes,
    },
    raw: { Destination: destination, Status: status },
  });
}

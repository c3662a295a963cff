import { CloudWatchLogsClient, paginateDescribeDeliveries, paginateDescribeDeliverySources } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsAccount } from './session.js';

/**
 * What AgentCore resources log: their logs and traces are CloudWatch vended log deliveries, not
 * settings of the resource. A resource is a delivery source (PutDeliverySource names its ARN and a log
 * type: APPLICATION_LOGS and TRACES for gateways and memories, also USAGE_LOGS for runtimes, as the
 * @aws-sdk/client-cloudwatch-logs model documents PutDeliverySourceRequest.logType), and a delivery
 * joins a source to a destination (a log group, a bucket, Firehose or X-Ray). So a resource's log
 * types are those of the sources that name it and have at least one delivery.
 */
export async function collectAgentCoreLogDeliveries(account: AwsAccount, region: string, resourceArns: readonly string[]): Promise<void> {
  if (resourceArns.length === 0) return;
  const client = account.client(CloudWatchLogsClient, region);
  const scope = account.scope(region, 'logs');
  const [sources, deliveries] = await Promise.all([
    scope.list('DescribeDeliverySources', paginateDescribeDeliverySources({ client }, {}), (page) => page.deliverySources),
    scope.list('DescribeDeliveries', paginateDescribeDeliveries({ client }, {}), (page) => page.deliveries),
  ]);
  // Either listing unread: which log types are delivered stays unknown.
  if (!sources || !deliveries) return;
  const delivered = new Set(deliveries.flatMap((delivery) => delivery.deliverySourceName ?? []));
  for (const arn of resourceArns) {
    const logTypes = sources.filter((source) => source.name && delivered.has(source.name) && (source.resourceArns ?? []).includes(arn)).flatMap((source) => source.logType ?? []);
    account.patchProps(arn, { logDeliveries: [...new Set(logTypes)].sort() });
  }
}

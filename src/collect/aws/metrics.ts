import { CloudWatchClient, paginateListMetrics } from '@aws-sdk/client-cloudwatch';
import type { AwsAccount } from './session.js';

/**
 * Evidence that Bedrock is used in a region, resources or not: most use is plain InvokeModel and
 * Converse calls, which leave nothing to list but the `AWS/Bedrock` CloudWatch metrics. ListMetrics
 * returns only metrics that received data in the past two weeks (CloudWatch API reference,
 * ListMetrics), so an `Invocations` metric there means a model was invoked in the region lately.
 */

/** Model ids (the ModelId dimension) invoked in the region in the past two weeks; undefined when the metrics could not be listed. */
export async function bedrockInvokedModels(account: AwsAccount, region: string): Promise<string[] | undefined> {
  const client = account.client(CloudWatchClient, region);
  const metrics = await account
    .scope(region, 'cloudwatch')
    .list('ListMetrics', paginateListMetrics({ client }, { Namespace: 'AWS/Bedrock', MetricName: 'Invocations' }), (page) => page.Metrics);
  if (!metrics) return undefined;
  const models = metrics.flatMap((metric) => (metric.Dimensions ?? []).filter((dimension) => dimension.Name === 'ModelId').flatMap((dimension) => dimension.Value ?? []));
  // A metric without a ModelId dimension (an aggregate) still shows invocations.
  return metrics.length > 0 && models.length === 0 ? ['(all models)'] : [...new Set(models)].sort();
}

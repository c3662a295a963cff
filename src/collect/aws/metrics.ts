import { CloudWatchClient, paginateDescribeAlarms, paginateListMetrics, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { toRaw, type AwsAccount } from './session.js';

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

/** The AWS/Bedrock metrics an alarm watches: its own metric, or those of its metric math. */
function bedrockMetricsOf(alarm: MetricAlarm): string[] {
  const own = alarm.Namespace === 'AWS/Bedrock' ? [alarm.MetricName ?? '(metric)'] : [];
  const math = (alarm.Metrics ?? []).flatMap((query) => (query.MetricStat?.Metric?.Namespace === 'AWS/Bedrock' ? [query.MetricStat.Metric.MetricName ?? '(metric)'] : []));
  return [...own, ...math];
}

/**
 * The region's CloudWatch metric alarms on AWS/Bedrock metrics (set on the metric, or through metric
 * math), so that "Bedrock used, nothing alarms on it" can be decided; one asset per region read.
 * Whether the region uses Bedrock is patched in by account.ts.
 */
export async function collectBedrockAlarms(account: AwsAccount, region: string): Promise<string | undefined> {
  const client = account.client(CloudWatchClient, region);
  const alarms = await account
    .scope(region, 'cloudwatch')
    .list('DescribeAlarms', paginateDescribeAlarms({ client }, { AlarmTypes: ['MetricAlarm'] }), (page) => page.MetricAlarms);
  if (!alarms) return undefined;
  const onBedrock = alarms.filter((alarm) => bedrockMetricsOf(alarm).length > 0).sort((a, b) => ((a.AlarmName ?? '') < (b.AlarmName ?? '') ? -1 : 1));
  const id = `arn:${account.partition}:cloudwatch:${region}:${account.account}:bedrock-alarms`;
  account.addAsset({
    id,
    type: 'aws.cloudwatch.bedrock-alarms',
    name: `bedrock alarms (${region})`,
    region,
    props: {
      alarms: onBedrock.flatMap((alarm) => alarm.AlarmName ?? []),
      alarmedMetrics: [...new Set(onBedrock.flatMap(bedrockMetricsOf))].sort(),
    },
    raw: toRaw(onBedrock),
  });
  return id;
}

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

/** The metrics of the given namespaces an alarm watches: its own metric, or those of its metric math. */
function metricsOf(alarm: MetricAlarm, inNamespace: (namespace: string) => boolean): string[] {
  const own = alarm.Namespace && inNamespace(alarm.Namespace) ? [alarm.MetricName ?? '(metric)'] : [];
  const math = (alarm.Metrics ?? []).flatMap((query) => {
    const metric = query.MetricStat?.Metric;
    return metric?.Namespace && inNamespace(metric.Namespace) ? [metric.MetricName ?? '(metric)'] : [];
  });
  return [...own, ...math];
}

const isBedrock = (namespace: string) => namespace === 'AWS/Bedrock';
/**
 * The namespaces of agent metrics: Bedrock Agents publish InvocationCount, InvocationThrottles, ... under
 * AWS/Bedrock/Agents (Bedrock user guide, "Monitor Amazon Bedrock Agents using CloudWatch Metrics");
 * AgentCore publishes its runtime, gateway, memory and tool metrics (Invocations, Throttles,
 * SystemErrors, ...) under Bedrock-AgentCore (AgentCore Developer Guide, "AgentCore generated runtime
 * observability data"), compared without case, as the guide's examples spell it both ways.
 */
const isAgent = (namespace: string) => namespace === 'AWS/Bedrock/Agents' || namespace.toLowerCase() === 'bedrock-agentcore';

/**
 * The region's CloudWatch metric alarms on AWS/Bedrock metrics (set on the metric, or through metric
 * math), so that "Bedrock used, nothing alarms on it" can be decided, and those on agent metrics
 * (Bedrock Agents, AgentCore), so that "agents run, nothing alarms on their invocations" can; one
 * asset of each per region read. Whether the region uses Bedrock, and runs agents, is patched in by account.ts.
 */
export async function collectBedrockAlarms(account: AwsAccount, region: string): Promise<{ bedrock: string; agents: string } | undefined> {
  const client = account.client(CloudWatchClient, region);
  const alarms = await account
    .scope(region, 'cloudwatch')
    .list('DescribeAlarms', paginateDescribeAlarms({ client }, { AlarmTypes: ['MetricAlarm'] }), (page) => page.MetricAlarms);
  if (!alarms) return undefined;
  const sorted = [...alarms].sort((a, b) => ((a.AlarmName ?? '') < (b.AlarmName ?? '') ? -1 : 1));
  const add = (kind: string, type: string, title: string, inNamespace: (namespace: string) => boolean) => {
    const watching = sorted.filter((alarm) => metricsOf(alarm, inNamespace).length > 0);
    const id = `arn:${account.partition}:cloudwatch:${region}:${account.account}:${kind}`;
    account.addAsset({
      id,
      type,
      name: `${title} (${region})`,
      region,
      props: {
        alarms: watching.flatMap((alarm) => alarm.AlarmName ?? []),
        alarmedMetrics: [...new Set(watching.flatMap((alarm) => metricsOf(alarm, inNamespace)))].sort(),
      },
      raw: toRaw(watching),
    });
    return id;
  };
  return { bedrock: add('bedrock-alarms', 'aws.cloudwatch.bedrock-alarms', 'bedrock alarms', isBedrock), agents: add('agent-alarms', 'aws.cloudwatch.agent-alarms', 'agent alarms', isAgent) };
}

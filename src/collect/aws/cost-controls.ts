import { BudgetsClient, paginateDescribeBudgets } from '@aws-sdk/client-budgets';
import { CostExplorerClient, paginateGetAnomalyMonitors } from '@aws-sdk/client-cost-explorer';
import { toRaw, type AwsAccount } from './session.js';

/**
 * Spending controls on AI services, account-wide: Cost Anomaly Detection monitors and AWS Budgets that
 * cover Amazon Bedrock or Amazon SageMaker, so that runaway model use (a leaked key, an agent in a
 * loop: unbounded consumption) is noticed before the bill. Both APIs are global, served from us-east-1
 * (Cost Explorer: https://ce.us-east-1.amazonaws.com; Budgets: https://budgets.amazonaws.com, signed
 * for us-east-1); DescribeBudgets needs the account id.
 */

/** Cost Explorer and Budgets name the services "Amazon Bedrock" and "Amazon SageMaker" in the SERVICE dimension. */
const AI_SERVICE = /bedrock|sagemaker/i;

/** A cost expression (Cost Explorer or Budgets, same shape) that selects an AI service by its SERVICE dimension, at any depth. */
interface CostExpression {
  Or?: CostExpression[];
  And?: CostExpression[];
  Not?: CostExpression;
  Dimensions?: { Key?: string; Values?: string[] };
}
function selectsAiService(expression: CostExpression | undefined): boolean {
  if (!expression) return false;
  if (expression.Dimensions?.Key === 'SERVICE' && (expression.Dimensions.Values ?? []).some((value) => AI_SERVICE.test(value))) return true;
  // A Not excludes what it names: it selects no AI service.
  return [...(expression.Or ?? []), ...(expression.And ?? [])].some(selectsAiService);
}

export async function collectCostControls(account: AwsAccount): Promise<string | undefined> {
  const region = account.partition === 'aws' ? 'us-east-1' : account.homeRegion;
  const costExplorer = account.client(CostExplorerClient, region);
  const budgetsClient = account.client(BudgetsClient, region);
  const [monitors, budgets] = await Promise.all([
    account.scope('global', 'ce').list('GetAnomalyMonitors', paginateGetAnomalyMonitors({ client: costExplorer }, {}), (page) => page.AnomalyMonitors),
    account.scope('global', 'budgets').list('DescribeBudgets', paginateDescribeBudgets({ client: budgetsClient }, { AccountId: account.account }), (page) => page.Budgets),
  ]);
  if (!monitors && !budgets) return undefined;
  // A DIMENSIONAL monitor on SERVICE watches every service the account uses, Bedrock and SageMaker included.
  const aiMonitors = monitors?.filter((monitor) => (monitor.MonitorType === 'DIMENSIONAL' && monitor.MonitorDimension === 'SERVICE') || selectsAiService(monitor.MonitorSpecification as CostExpression | undefined));
  const aiBudgets = budgets?.filter(
    (budget) => Object.entries(budget.CostFilters ?? {}).some(([key, values]) => key === 'Service' && values.some((value) => AI_SERVICE.test(value))) || selectsAiService(budget.FilterExpression as CostExpression | undefined),
  );
  const id = `arn:${account.partition}:ce::${account.account}:ai-cost-controls`;
  const names = (list: Array<{ MonitorName?: string; BudgetName?: string }> | undefined) => list?.flatMap((item) => item.MonitorName ?? item.BudgetName ?? []).sort();
  account.addAsset({
    id,
    type: 'aws.billing.ai-cost-controls',
    name: `AI cost controls (${account.account})`,
    region: 'global',
    props: { anomalyMonitors: names(aiMonitors), budgets: names(aiBudgets) },
    raw: toRaw({ AnomalyMonitors: aiMonitors ?? null, Budgets: aiBudgets ?? null }),
  });
  return id;
}

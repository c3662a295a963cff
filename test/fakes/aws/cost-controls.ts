import { ACCOUNT, daysAgo } from './estate.js';
import { FakeError } from './handlers.js';
import { paged } from './protocols.js';

/**
 * The fake's Cost Explorer (awsJson1_1, target AWSInsightsIndexService, signed as `ce`) and AWS Budgets
 * (awsJson1_1, target AWSBudgetServiceGateway, signed as `budgets`). The account watches spend with a
 * DIMENSIONAL anomaly monitor on SERVICE, which covers Bedrock and SageMaker (the hardened half); its
 * only budget filters on EC2, none on Bedrock or SageMaker (the planted gap). Shapes: client-cost-explorer
 * `AnomalyMonitor$`, client-budgets `Budget$` (dist-es/schemas/schemas_0.js); Cost Explorer's dates are
 * strings, Budgets' timestamps epoch seconds.
 */

const day = (days: number) => daysAgo(days).toISOString().slice(0, 10);

const MONITORS = [
  {
    MonitorArn: `arn:aws:ce::${ACCOUNT}:anomalymonitor/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`,
    MonitorName: 'services-spend',
    CreationDate: day(200),
    LastUpdatedDate: day(200),
    LastEvaluatedDate: day(1),
    MonitorType: 'DIMENSIONAL',
    MonitorDimension: 'SERVICE',
    DimensionalValueCount: 14,
  },
];

const BUDGETS = [
  {
    BudgetName: 'gpu-hosts-monthly',
    BudgetLimit: { Amount: '5000.0', Unit: 'USD' },
    CostFilters: { Service: ['Amazon Elastic Compute Cloud - Compute'] },
    TimeUnit: 'MONTHLY',
    TimePeriod: { Start: daysAgo(300), End: new Date('2087-06-15T00:00:00Z') },
    BudgetType: 'COST',
    LastUpdatedTime: daysAgo(30),
  },
];

export function costExplorerOperation(operation: string, input: Record<string, unknown>): (() => unknown) | undefined {
  if (operation !== 'GetAnomalyMonitors') return undefined;
  return () => {
    const page = paged(MONITORS, input.NextPageToken as string | undefined);
    return { AnomalyMonitors: page.items, NextPageToken: page.next };
  };
}

export function budgetsOperation(operation: string, input: Record<string, unknown>): (() => unknown) | undefined {
  if (operation !== 'DescribeBudgets') return undefined;
  return () => {
    if (input.AccountId !== ACCOUNT) throw new FakeError('AccessDeniedException', `You are not authorized to access the budgets of ${String(input.AccountId)}`, 400);
    const page = paged(BUDGETS, input.NextToken as string | undefined);
    return { Budgets: page.items, NextToken: page.next };
  };
}

import { ACCOUNT, daysAgo } from './estate.js';
import { FakeError, type Operation, type RestRequest } from './handlers.js';
import { paged } from './protocols.js';

/**
 * The fake's Amazon Macie (restJson1, signed as `macie2`). In us-east-1 Macie is on with automated
 * sensitive data discovery: it found sensitive data in acme-ml-training-data (score 87), none in
 * acme-support-articles (score 12), and acme-hr-policies is excluded from discovery and in no periodic
 * job. In eu-west-1 Macie was never enabled: GetMacieSession answers AccessDeniedException "Macie is
 * not enabled" with HTTP 403, as the service does (the Macie CloudFormation resource provider's tests,
 * aws-cloudformation/aws-cloudformation-resource-providers-macie, read that answer as "no session").
 * ap-southeast-2 holds no AI bucket and is not asked.
 */

const US = 'us-east-1';
const enabledAt = daysAgo(200).toISOString();
const discoveredAt = daysAgo(2).toISOString();

export const MACIE_SESSIONS: Record<string, Record<string, unknown>> = {
  [US]: { createdAt: enabledAt, updatedAt: enabledAt, findingPublishingFrequency: 'FIFTEEN_MINUTES', serviceRole: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`, status: 'ENABLED' },
};

export const MACIE_DISCOVERY: Record<string, Record<string, unknown>> = {
  [US]: { status: 'ENABLED', firstEnabledAt: enabledAt, lastUpdatedAt: enabledAt, classificationScopeId: 'c2d1b6e1f0a94f1a8e3c6d7b5a4f3e2d', sensitivityInspectionTemplateId: '8a0c5e2b7d1f4a3c9e6b0d2f4a6c8e0b' },
};

const bucket = (name: string, score: number, monitoring: 'MONITORED' | 'NOT_MONITORED', job: 'TRUE' | 'FALSE') => ({
  accountId: ACCOUNT,
  bucketArn: `arn:aws:s3:::${name}`,
  bucketName: name,
  region: US,
  automatedDiscoveryMonitoringStatus: monitoring,
  ...(monitoring === 'MONITORED' ? { lastAutomatedDiscoveryTime: discoveredAt } : {}),
  sensitivityScore: score,
  classifiableObjectCount: 1200,
  classifiableSizeInBytes: 73_400_320,
  objectCount: 1250,
  sizeInBytes: 75_000_000,
  jobDetails: { isDefinedInJob: job, isMonitoredByJob: job },
  lastUpdated: discoveredAt,
});

export const MACIE_BUCKETS: Record<string, Array<Record<string, unknown>>> = {
  [US]: [
    bucket('acme-ml-training-data', 87, 'MONITORED', 'FALSE'),
    bucket('acme-support-articles', 12, 'MONITORED', 'FALSE'),
    bucket('acme-hr-policies', 50, 'NOT_MONITORED', 'FALSE'),
    bucket('acme-public-uploads', 50, 'NOT_MONITORED', 'TRUE'),
    bucket('acme-ml-artifacts', 34, 'MONITORED', 'FALSE'),
    bucket('acme-ml-capture', 72, 'MONITORED', 'FALSE'),
    bucket('acme-support-data', 91, 'MONITORED', 'FALSE'),
  ],
};

export function macieOperation(request: RestRequest): Operation | undefined {
  const session = MACIE_SESSIONS[request.region];
  const notEnabled = () => new FakeError('AccessDeniedException', 'Macie is not enabled.', 403);
  const operation = (name: string, run: () => unknown): Operation => ({ service: 'macie2', action: `macie2:${name}`, operation: name, run });
  if (request.method === 'GET' && request.path === '/macie') {
    return operation('GetMacieSession', () => {
      if (!session) throw notEnabled();
      return session;
    });
  }
  if (request.method === 'GET' && request.path === '/automated-discovery/configuration') {
    return operation('GetAutomatedDiscoveryConfiguration', () => {
      if (!session) throw notEnabled();
      return MACIE_DISCOVERY[request.region] ?? { status: 'DISABLED' };
    });
  }
  if (request.method === 'POST' && request.path === '/datasources/s3') {
    return operation('DescribeBuckets', () => {
      if (!session) throw notEnabled();
      const criteria = request.body.criteria as Record<string, { eq?: string[] }> | undefined;
      const names = criteria?.bucketName?.eq;
      const buckets = (MACIE_BUCKETS[request.region] ?? []).filter((candidate) => !names || names.includes(candidate.bucketName as string));
      const page = paged(buckets, request.body.nextToken as string | undefined);
      return { buckets: page.items, nextToken: page.next };
    });
  }
  return undefined;
}

import { GetAutomatedDiscoveryConfigurationCommand, GetMacieSessionCommand, Macie2Client, paginateDescribeBuckets, type BucketMetadata } from '@aws-sdk/client-macie2';
import { forEachConcurrently } from '../runtime.js';
import { bucketArn } from './arn.js';
import type { AwsAccount } from './session.js';

/**
 * Amazon Macie in the regions of the AI buckets: whether it is on, whether it looks at each bucket
 * (automated sensitive data discovery, or a periodic classification job), and what it found there (the
 * bucket's sensitivity score). A bucket Macie analysed and judged not sensitive loses the sensitiveData
 * that aispm otherwise assumes for every AI bucket, so prioritization stops weighing it as sensitive.
 * Runs after the buckets are read (s3.ts), since their regions come from GetBucketLocation; a bucket
 * whose location could not be read is left out (its Macie properties stay unknown).
 */

/** The answer of GetMacieSession when Macie was never enabled in the region (or was disabled). */
const NOT_ENABLED = /Macie is not enabled/i;

/** Sensitivity score bands (Macie API reference, BucketStatisticsBySensitivity): -1 error, 1-49 not sensitive, 50 not classified, 51-100 sensitive. */
export function sensitivityOf(score: number | undefined): 'sensitive' | 'not-sensitive' | 'not-classified' | 'error' | undefined {
  if (score === undefined) return undefined;
  if (score < 0) return 'error';
  if (score === 50) return 'not-classified';
  return score > 50 ? 'sensitive' : 'not-sensitive';
}

export async function collectMacie(account: AwsAccount): Promise<void> {
  // Only buckets whose region is known: Macie off in a guessed region says nothing about the bucket.
  const byRegion = new Map<string, string[]>();
  for (const [name, region] of [...account.bucketLocations].sort()) byRegion.set(region, [...(byRegion.get(region) ?? []), name]);
  await forEachConcurrently([...byRegion], async ([region, names]) => {
    const client = account.client(Macie2Client, region);
    const scope = account.scope(region, 'macie2');
    const session = await scope.call('GetMacieSession', () =>
      client.send(new GetMacieSessionCommand({})).catch((error: { name?: string; message?: string }) => {
        // Macie answers AccessDeniedException "Macie is not enabled" (HTTP 403) in a region where it is off: an answer, not a denial.
        if (error.name === 'AccessDeniedException' && NOT_ENABLED.test(error.message ?? '')) return null;
        throw error;
      }),
    );
    const enabled = session === undefined ? undefined : session !== null && session.status === 'ENABLED';
    const patch = (name: string, props: Record<string, unknown>) => account.patchProps(bucketArn(account.partition, name), { macieEnabled: enabled, ...props });
    if (!enabled) {
      // Off (or paused) in the region: nothing is scanned; unknown when the session could not be read.
      for (const name of names) patch(name, { macieMonitored: enabled === undefined ? undefined : false });
      return;
    }
    const [discovery, metadata] = await Promise.all([
      scope.call('GetAutomatedDiscoveryConfiguration', () => client.send(new GetAutomatedDiscoveryConfigurationCommand({}))),
      scope.list('DescribeBuckets', paginateDescribeBuckets({ client }, { criteria: { bucketName: { eq: names } } }), (page) => page.buckets),
    ]);
    const automated = discovery === undefined ? undefined : discovery.status === 'ENABLED';
    for (const name of names) {
      const bucket = metadata?.find((candidate) => candidate.bucketName === name);
      if (!bucket) {
        patch(name, {});
        continue;
      }
      const sensitivity = automated === false ? undefined : sensitivityOf(bucket.sensitivityScore);
      patch(name, {
        macieMonitored: monitored(automated, bucket),
        sensitivityScore: bucket.sensitivityScore ?? null,
        macieSensitivity: sensitivity ?? null,
        // Macie's verdict replaces aispm's assumption only when it analysed the bucket.
        ...(sensitivity === 'sensitive' ? { sensitiveData: true } : sensitivity === 'not-sensitive' ? { sensitiveData: false } : {}),
      });
    }
  });
}

/** Macie looks at the bucket: automated discovery (on for the account, and the bucket not excluded) or a periodic classification job. */
function monitored(automated: boolean | undefined, bucket: BucketMetadata): boolean | undefined {
  const byDiscovery = automated === undefined ? undefined : automated && bucket.automatedDiscoveryMonitoringStatus === 'MONITORED';
  const byJob = bucket.jobDetails?.isMonitoredByJob === 'TRUE' ? true : bucket.jobDetails?.isMonitoredByJob === 'FALSE' ? false : undefined;
  if (byDiscovery === true || byJob === true) return true;
  return byDiscovery === false && byJob === false ? false : undefined;
}

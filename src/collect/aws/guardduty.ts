import { GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import { toRaw, type AwsAccount } from './session.js';

/**
 * GuardDuty per region: whether a detector watches the region (one detector per account and region),
 * and whether its AI Protection feature is on. One asset per region read, so that "GuardDuty off where
 * AI workloads run" can be decided; whether the region runs AI workloads is patched in by collect.ts.
 */
export async function collectGuardDuty(account: AwsAccount, region: string): Promise<string | undefined> {
  const client = account.client(GuardDutyClient, region);
  const scope = account.scope(region, 'guardduty');
  const id = `arn:${account.partition}:guardduty:${region}:${account.account}:detectors`;
  const detectorIds = await scope.list('ListDetectors', paginateListDetectors({ client }, {}), (page) => page.DetectorIds);
  if (!detectorIds) return undefined;
  const detectorId = [...detectorIds].sort()[0];
  const detector = detectorId ? await scope.call('GetDetector', () => client.send(new GetDetectorCommand({ DetectorId: detectorId }))) : null;
  const feature = (name: string) => detector?.Features?.find((candidate) => candidate.Name === name)?.Status;
  account.addAsset({
    id,
    type: 'aws.guardduty.detector',
    name: `guardduty (${region})`,
    region,
    props: {
      detectorId: detectorId ?? null,
      // No detector: GuardDuty is off in the region; a detector that could not be read: unknown.
      enabled: detector === null ? false : detector === undefined ? undefined : detector.Status === 'ENABLED' ? true : detector.Status === 'DISABLED' ? false : undefined,
      aiProtection: detector === null ? false : detector === undefined ? undefined : feature('AI_PROTECTION') === 'ENABLED',
    },
    raw: detector ? toRaw({ DetectorId: detectorId, ...detector }) : undefined,
  });
  return id;
}

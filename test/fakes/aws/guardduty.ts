import { daysAgo } from './estate.js';
import { FakeError, type Operation, type RestRequest } from './handlers.js';
import { paged } from './protocols.js';

/**
 * The fake's GuardDuty (restJson1, signed as `guardduty`, camelCase wire names): a detector with AI
 * Protection in us-east-1 (the hardened twin), none in eu-west-1, a disabled one in ap-southeast-2.
 */

const created = daysAgo(300).toISOString();

export const DETECTORS: Record<string, Record<string, Record<string, unknown>>> = {
  'us-east-1': {
    'a1b2c3d4e5f60718293a4b5c6d7e8f90': {
      createdAt: created,
      findingPublishingFrequency: 'FIFTEEN_MINUTES',
      serviceRole: 'arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
      status: 'ENABLED',
      updatedAt: created,
      features: [
        { name: 'CLOUD_TRAIL', status: 'ENABLED' },
        { name: 'AI_PROTECTION', status: 'ENABLED' },
      ],
      tags: {},
    },
  },
  'ap-southeast-2': {
    '0f9e8d7c6b5a49382716a5b4c3d2e1f0': {
      createdAt: created,
      findingPublishingFrequency: 'SIX_HOURS',
      serviceRole: 'arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
      status: 'DISABLED',
      updatedAt: created,
      tags: {},
    },
  },
};

export function guardDutyOperation(request: RestRequest): Operation | undefined {
  if (request.method !== 'GET') return undefined;
  const detectors = DETECTORS[request.region] ?? {};
  if (request.path === '/detector') {
    return {
      service: 'guardduty',
      action: 'guardduty:ListDetectors',
      operation: 'ListDetectors',
      run: () => {
        const page = paged(Object.keys(detectors), request.query.get('nextToken') ?? undefined);
        return { detectorIds: page.items, nextToken: page.next };
      },
    };
  }
  const id = request.path.match(/^\/detector\/([^/]+)$/)?.[1];
  if (!id) return undefined;
  return {
    service: 'guardduty',
    action: 'guardduty:GetDetector',
    operation: 'GetDetector',
    run: () => {
      const detector = detectors[decodeURIComponent(id)];
      if (!detector) throw new FakeError('BadRequestException', `The request is rejected because the input detectorId is not owned by the current account.`, 400);
      return detector;
    },
  };
}

import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, paginateListAliases } from '@aws-sdk/client-kms';
import { forEachConcurrently } from '../runtime.js';
import { parseArn } from './arn.js';
import { toRaw, type AwsAccount } from './session.js';

/**
 * KMS keys that AI assets, buckets and log groups are encrypted with: who manages the key and
 * whether it rotates. A reference by alias becomes the key's ARN here, so the `encrypted-by` edges
 * are drawn now; an AWS managed key marks its users as not customer-managed.
 */
export async function collectKeys(account: AwsAccount): Promise<void> {
  await forEachConcurrently([...account.keys], async ([reference, { region, referrers }]) => {
    const client = account.client(KMSClient, region);
    const scope = account.scope(region, 'kms');
    const key = (await scope.call('DescribeKey', () => client.send(new DescribeKeyCommand({ KeyId: reference }))))?.KeyMetadata;
    const id = key?.Arn ?? reference;
    for (const referrer of referrers) account.edge(referrer, 'encrypted-by', id);
    if (!key) {
      account.addAsset({ id, type: 'aws.kms.key', name: parseArn(id)?.resource ?? id, region, props: {} });
      return;
    }
    const managedByAws = key.KeyManager === 'AWS';
    if (managedByAws) for (const referrer of referrers) account.patchProps(referrer, { customerManagedKey: false });
    // Only symmetric keys with key material from KMS can rotate; AWS managed keys always do.
    const rotates = key.KeySpec === 'SYMMETRIC_DEFAULT' && key.Origin === 'AWS_KMS';
    const [rotation, aliases] = await Promise.all([
      rotates && !managedByAws ? scope.call('GetKeyRotationStatus', () => client.send(new GetKeyRotationStatusCommand({ KeyId: id }))) : undefined,
      scope.list('ListAliases', paginateListAliases({ client }, { KeyId: key.KeyId }), (page) => page.Aliases),
    ]);
    account.addAsset({
      id,
      type: 'aws.kms.key',
      name: aliases?.[0]?.AliasName ?? key.KeyId ?? id,
      region,
      props: {
        keyManager: key.KeyManager ?? null,
        keyState: key.KeyState ?? null,
        rotationEnabled: managedByAws ? true : rotates ? rotation?.KeyRotationEnabled : null,
      },
      raw: toRaw(key),
    });
  });
}

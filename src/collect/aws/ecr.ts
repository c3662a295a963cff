import {
  BatchGetRepositoryScanningConfigurationCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetRegistryScanningConfigurationCommand,
  type RepositoryScanningConfiguration,
} from '@aws-sdk/client-ecr';
import { forEachConcurrently } from '../runtime.js';
import { absentOn, customerManagedKey, toRaw, type AwsAccount } from './session.js';

/**
 * ECR repositories of the container images AI assets run (SageMaker models and jobs, AgentCore
 * runtimes; see images.ts): whether pushed images are scanned for vulnerabilities (the registry's scan
 * type, and each repository's effective scan frequency as ECR works it out from the registry's rules),
 * whether tags can be overwritten, and the key images are encrypted with.
 */

/** BatchGetRepositoryScanningConfiguration takes at most this many names (ECR API reference). */
const SCANNING_BATCH = 25;

export async function collectRepositories(account: AwsAccount): Promise<void> {
  const byRegion = new Map<string, Array<[string, string]>>();
  for (const [id, { region, name }] of account.repositories) byRegion.set(region, [...(byRegion.get(region) ?? []), [id, name]]);
  await forEachConcurrently([...byRegion], async ([region, repositories]) => {
    const client = account.client(ECRClient, region);
    const scope = account.scope(region, 'ecr');
    const names = repositories.map(([, name]) => name);
    const [registry, ...batches] = await Promise.all([
      scope.call('GetRegistryScanningConfiguration', () => client.send(new GetRegistryScanningConfigurationCommand({}))),
      ...batchesOf(names, SCANNING_BATCH).map((batch) => scope.call('BatchGetRepositoryScanningConfiguration', () => client.send(new BatchGetRepositoryScanningConfigurationCommand({ repositoryNames: batch })))),
    ]);
    const scanning = batches.every((batch) => batch !== undefined) ? new Map(batches.flatMap((batch) => batch!.scanningConfigurations ?? []).map((configuration) => [configuration.repositoryName, configuration])) : undefined;
    // No scanning configuration defined: the registry uses BASIC (ECR API reference, PutRegistryScanningConfiguration scanType).
    const scanType = registry === undefined ? undefined : (registry.scanningConfiguration?.scanType ?? 'BASIC');
    await forEachConcurrently(repositories, async ([id, name]) => {
      // One name per call: DescribeRepositories fails whole when any name it is given does not exist.
      const answer = await scope.call('DescribeRepositories', () => client.send(new DescribeRepositoriesCommand({ repositoryNames: [name] })).catch(absentOn('RepositoryNotFoundException')));
      if (answer === null) return; // deleted since the image was referenced: the stub stays, every property unknown
      const repository = answer?.repositories?.[0];
      const encryption = repository?.encryptionConfiguration;
      if (encryption?.kmsKey) account.encryptedBy(id, encryption.kmsKey, region);
      // A repository the answer does not report on (listed under failures) stays unknown.
      const reported = scanning?.get(name);
      const frequency = reported && scanFrequency(reported);
      account.addAsset({
        id,
        type: 'aws.ecr.repository',
        name,
        region,
        props: {
          scanType,
          scanFrequency: frequency,
          imagesScanned: frequency === undefined ? undefined : frequency !== 'MANUAL',
          imageTagMutability: repository ? (repository.imageTagMutability ?? null) : undefined,
          tagsImmutable: repository ? tagsImmutable(repository.imageTagMutability) : undefined,
          encryptionType: repository ? (encryption?.encryptionType ?? null) : undefined,
          customerManagedKey: repository ? encryption?.encryptionType !== 'AES256' && encryption !== undefined && customerManagedKey(encryption.kmsKey) : undefined,
        },
        raw: repository && toRaw({ ...repository, scanningConfiguration: scanning?.get(name), registryScanType: scanType }),
      });
    });
  });
}

/** The repository's effective scan frequency; without one, scan on push or manual scans only. */
function scanFrequency(configuration: RepositoryScanningConfiguration): string {
  if (configuration.scanFrequency) return configuration.scanFrequency;
  return configuration.scanOnPush ? 'SCAN_ON_PUSH' : 'MANUAL';
}

function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/** IMMUTABLE (with or without exclusions) keeps a pushed tag on its image; MUTABLE lets a push move it. */
function tagsImmutable(mutability: string | undefined): boolean | undefined {
  if (mutability === 'IMMUTABLE' || mutability === 'IMMUTABLE_WITH_EXCLUSION') return true;
  if (mutability === 'MUTABLE' || mutability === 'MUTABLE_WITH_EXCLUSION') return false;
  return undefined;
}

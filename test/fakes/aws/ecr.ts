import { ACCOUNT, KEYS, daysAgo } from './estate.js';
import { FakeError } from './handlers.js';

/**
 * The fake's ECR (awsJson1_1, target prefix AmazonEC2ContainerRegistry_V20150921, signed as `ecr`): the
 * repositories of the images the estate's AI assets run, in us-east-1. support_concierge (the public
 * AgentCore runtime's image) is scanned only by hand, takes tag overwrites and uses AES256;
 * claims_agent and fraud-detector are immutable, KMS-encrypted with the ML key and scanned on push
 * by the registry's rule.
 */

const US = 'us-east-1';

export const REPOSITORIES: Record<string, Array<Record<string, unknown>>> = {
  [US]: [
    { name: 'support_concierge', imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: false }, encryptionConfiguration: { encryptionType: 'AES256' } },
    { name: 'claims_agent', imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: false }, encryptionConfiguration: { encryptionType: 'KMS', kmsKey: KEYS.mlCmk } },
    { name: 'fraud-detector', imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'dev-*' }], imageScanningConfiguration: { scanOnPush: true }, encryptionConfiguration: { encryptionType: 'KMS', kmsKey: KEYS.mlCmk } },
  ],
};

/** Basic scanning, on push, for the repositories its filters match (the registry's default scan type is BASIC). */
export const REGISTRY_SCANNING: Record<string, Record<string, unknown>> = {
  [US]: { scanType: 'BASIC', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: 'claims*', filterType: 'WILDCARD' }, { filter: 'fraud-*', filterType: 'WILDCARD' }] }] },
};

const wildcard = (filter: string, name: string) => new RegExp(`^${filter.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&')).join('.*')}$`).test(name);

type Input = Record<string, unknown>;

export function ecrOperation(operation: string, input: Input, region: string): (() => unknown) | undefined {
  const repositories = REPOSITORIES[region] ?? [];
  const repository = (name: unknown) => {
    const found = repositories.find((candidate) => candidate.name === name);
    if (!found) throw new FakeError('RepositoryNotFoundException', `The repository with name '${String(name)}' does not exist in the registry with id '${ACCOUNT}'`, 400);
    return found;
  };
  const arn = (name: unknown) => `arn:aws:ecr:${region}:${ACCOUNT}:repository/${String(name)}`;
  const handlers: Record<string, () => unknown> = {
    DescribeRepositories: () => ({
      repositories: ((input.repositoryNames as string[] | undefined) ?? repositories.map((candidate) => candidate.name as string)).map((name) => {
        const { name: _name, ...settings } = repository(name);
        return { repositoryArn: arn(name), registryId: ACCOUNT, repositoryName: name, repositoryUri: `${ACCOUNT}.dkr.ecr.${region}.amazonaws.com/${name}`, createdAt: daysAgo(120), ...settings };
      }),
    }),
    GetRegistryScanningConfiguration: () => ({ registryId: ACCOUNT, scanningConfiguration: REGISTRY_SCANNING[region] ?? { scanType: 'BASIC', rules: [] } }),
    BatchGetRepositoryScanningConfiguration: () => {
      const names = (input.repositoryNames as string[] | undefined) ?? [];
      const rules = (REGISTRY_SCANNING[region]?.rules ?? []) as Array<{ scanFrequency: string; repositoryFilters: Array<{ filter: string; filterType: string }> }>;
      const known = names.filter((name) => repositories.some((candidate) => candidate.name === name));
      return {
        scanningConfigurations: known.map((name) => {
          const rule = rules.find((candidate) => candidate.repositoryFilters.some((filter) => wildcard(filter.filter, name)));
          const scanOnPush = rule?.scanFrequency === 'SCAN_ON_PUSH' || (repository(name).imageScanningConfiguration as { scanOnPush: boolean }).scanOnPush;
          return {
            repositoryArn: arn(name),
            repositoryName: name,
            scanOnPush,
            scanFrequency: rule?.scanFrequency ?? (scanOnPush ? 'SCAN_ON_PUSH' : 'MANUAL'),
            appliedScanFilters: rule ? rule.repositoryFilters.filter((filter) => wildcard(filter.filter, name)) : [],
          };
        }),
        failures: names.filter((name) => !known.includes(name)).map((name) => ({ repositoryName: name, failureCode: 'REPOSITORY_NOT_FOUND', failureReason: 'REPOSITORY_NOT_FOUND' })),
      };
    },
  };
  return handlers[operation];
}

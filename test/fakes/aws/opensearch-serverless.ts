import { ACCOUNT, KEYS, daysAgo } from './estate.js';
import { FakeError } from './handlers.js';
import { paged } from './protocols.js';

/**
 * The fake's OpenSearch Serverless (awsJson1_0, target prefix OpenSearchServerless, signed as `aoss`):
 * the vector stores of the two knowledge bases in us-east-1. `kb` (support-articles-kb's) is the
 * hardened twin: a customer managed key, reachable only through a VPC endpoint, and a data access
 * policy that gives the knowledge base's role the index permissions it needs. `hr` (hr-policies-kb's)
 * uses an AWS owned key (kmsKeyArn "auto"), a network policy open to the public, and a data access
 * policy that grants aoss:* on every index. Policy documents are JSON values on the wire (the model's
 * document type), as the CLI prints them.
 */

const US = 'us-east-1';
const created = daysAgo(80).getTime();
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

export const COLLECTIONS: Record<string, Array<Record<string, unknown>>> = {
  [US]: [
    { id: 'kb', name: 'support-kb', status: 'ACTIVE', type: 'VECTORSEARCH', kmsKeyArn: KEYS.mlCmk, standbyReplicas: 'ENABLED' },
    { id: 'hr', name: 'hr-kb', status: 'ACTIVE', type: 'VECTORSEARCH', kmsKeyArn: 'auto', standbyReplicas: 'DISABLED' },
  ].map((collection) => ({
    ...collection,
    arn: `arn:aws:aoss:${US}:${ACCOUNT}:collection/${collection.id}`,
    collectionEndpoint: `https://${collection.id}.${US}.aoss.amazonaws.com`,
    dashboardEndpoint: `https://${collection.id}.${US}.aoss.amazonaws.com/_dashboards`,
    createdDate: created,
    lastModifiedDate: created,
  })),
};

type Policies = Record<string, Record<string, unknown>>;
const policy = (type: string, name: string, document: unknown) => ({ type, name, policyVersion: 'MTY4NjgzNTk3Mzk0Ml8x', policy: document, createdDate: created, lastModifiedDate: created });
const collectionRule = (names: string[]) => ({ ResourceType: 'collection', Resource: names.map((name) => `collection/${name}`) });

export const SECURITY_POLICIES: Record<string, Record<string, Policies>> = {
  [US]: {
    network: {
      'support-kb-vpc': policy('network', 'support-kb-vpc', [{ Rules: [collectionRule(['support-kb'])], AllowFromPublic: false, SourceVPCEs: ['vpce-0a1b2c3d4e5f60718'] }]),
      'hr-public': policy('network', 'hr-public', [{ Rules: [collectionRule(['hr-*']), { ResourceType: 'dashboard', Resource: ['collection/hr-*'] }], AllowFromPublic: true }]),
    },
    encryption: {
      'support-kb-cmk': policy('encryption', 'support-kb-cmk', { Rules: [collectionRule(['support-kb'])], AWSOwnedKey: false, KmsARN: KEYS.mlCmk }),
      'hr-default': policy('encryption', 'hr-default', { Rules: [collectionRule(['hr-*'])], AWSOwnedKey: true }),
    },
  },
};

export const ACCESS_POLICIES: Record<string, Policies> = {
  [US]: {
    'support-kb-access': policy('data', 'support-kb-access', [
      {
        Rules: [
          { ResourceType: 'collection', Resource: ['collection/support-kb'], Permission: ['aoss:DescribeCollectionItems'] },
          { ResourceType: 'index', Resource: ['index/support-kb/*'], Permission: ['aoss:ReadDocument', 'aoss:WriteDocument', 'aoss:DescribeIndex', 'aoss:CreateIndex'] },
        ],
        Principal: [role('BedrockKbRole')],
      },
    ]),
    'hr-access': policy('data', 'hr-access', [{ Rules: [{ ResourceType: 'index', Resource: ['index/hr-kb/*'], Permission: ['aoss:*'] }], Principal: [role('BedrockKbRole'), role('HrAnalyticsRole')] }]),
  },
};

type Input = Record<string, unknown>;

const summary = ({ policy: _document, ...rest }: Record<string, unknown>) => rest;

export function openSearchServerlessOperation(operation: string, input: Input, region: string): (() => unknown) | undefined {
  const notFound = (what: string) => new FakeError('ResourceNotFoundException', `${what} not found`, 400);
  const handlers: Record<string, () => unknown> = {
    BatchGetCollection: () => {
      const ids = (input.ids as string[] | undefined) ?? [];
      const collections = COLLECTIONS[region] ?? [];
      return {
        collectionDetails: collections.filter((collection) => ids.includes(collection.id as string)),
        collectionErrorDetails: ids
          .filter((id) => !collections.some((collection) => collection.id === id))
          .map((id) => ({ id, errorCode: 'NOT_FOUND', errorMessage: 'The specified Collection is not found.' })),
      };
    },
    ListSecurityPolicies: () => {
      const page = paged(Object.values(SECURITY_POLICIES[region]?.[input.type as string] ?? {}).map(summary), input.nextToken as string | undefined);
      return { securityPolicySummaries: page.items, nextToken: page.next };
    },
    GetSecurityPolicy: () => {
      const found = SECURITY_POLICIES[region]?.[input.type as string]?.[input.name as string];
      if (!found) throw notFound(`Policy with name ${String(input.name)} and type ${String(input.type)}`);
      return { securityPolicyDetail: found };
    },
    ListAccessPolicies: () => {
      const page = paged(input.type === 'data' ? Object.values(ACCESS_POLICIES[region] ?? {}).map(summary) : [], input.nextToken as string | undefined);
      return { accessPolicySummaries: page.items, nextToken: page.next };
    },
    GetAccessPolicy: () => {
      const found = ACCESS_POLICIES[region]?.[input.name as string];
      if (!found || input.type !== 'data') throw notFound(`Policy with name ${String(input.name)} and type ${String(input.type)}`);
      return { accessPolicyDetail: found };
    },
  };
  return handlers[operation];
}

import {
  BatchGetCollectionCommand,
  GetAccessPolicyCommand,
  GetSecurityPolicyCommand,
  OpenSearchServerlessClient,
  paginateListAccessPolicies,
  paginateListSecurityPolicies,
} from '@aws-sdk/client-opensearchserverless';
import { forEachConcurrently } from '../runtime.js';
import { customerManagedKey, toRaw, type AwsAccount, type ServiceScope } from './session.js';

/**
 * OpenSearch Serverless collections that Bedrock knowledge bases keep their vectors in: the key that
 * encrypts them (BatchGetCollection kmsKeyArn, "auto" for an AWS owned key), who can reach them over the
 * network (network policies) and who may read and write their indexes (data access policies). Policies
 * name collections by pattern (`collection/kb-*`); their documents are parsed defensively: a document
 * that is not what the service accepts makes the conclusion it could change unknown, never an error.
 */

/** The batch limit of BatchGetCollection (ids: 1 to 100 members). */
const BATCH = 100;

interface CollectionRef {
  arn: string;
  id: string;
}

export async function collectCollections(account: AwsAccount): Promise<void> {
  const byRegion = new Map<string, CollectionRef[]>();
  for (const [arn, { region, id }] of account.collections) byRegion.set(region, [...(byRegion.get(region) ?? []), { arn, id }]);
  await forEachConcurrently([...byRegion], ([region, collections]) => collectRegion(account, region, collections));
}

async function collectRegion(account: AwsAccount, region: string, collections: CollectionRef[]): Promise<void> {
  const client = account.client(OpenSearchServerlessClient, region);
  const scope = account.scope(region, 'aoss');
  const batches = Array.from({ length: Math.ceil(collections.length / BATCH) }, (_, index) => collections.slice(index * BATCH, (index + 1) * BATCH));
  const [details, network, access] = await Promise.all([
    Promise.all(batches.map((batch) => scope.call('BatchGetCollection', () => client.send(new BatchGetCollectionCommand({ ids: batch.map((collection) => collection.id) }))))),
    readPolicies(scope, 'network', (type) => paginateListSecurityPolicies({ client }, { type }), (name, type) => client.send(new GetSecurityPolicyCommand({ name, type })).then((answer) => answer.securityPolicyDetail?.policy)),
    readPolicies(scope, 'data', (type) => paginateListAccessPolicies({ client }, { type }), (name, type) => client.send(new GetAccessPolicyCommand({ name, type })).then((answer) => answer.accessPolicyDetail?.policy)),
  ]);
  const found = new Map(details.flatMap((answer) => answer?.collectionDetails ?? []).map((detail) => [detail.id, detail]));

  for (const { arn, id } of collections) {
    const detail = found.get(id);
    // Not in an answer that was read: deleted since the knowledge base was set up; the stub stays unknown.
    if (!detail) continue;
    const name = detail.name ?? id;
    const kmsKeyArn = detail.kmsKeyArn === 'auto' ? null : (detail.kmsKeyArn ?? undefined);
    if (kmsKeyArn) account.encryptedBy(arn, kmsKeyArn, region);
    const networkRules = network && matchingNetworkRules(network, name);
    const dataRules = access && matchingDataRules(access, name);
    account.addAsset({
      id: arn,
      type: 'aws.opensearch-serverless.collection',
      name,
      region,
      props: {
        collectionType: detail.type ?? null,
        status: detail.status ?? null,
        kmsKeyArn,
        customerManagedKey: kmsKeyArn === undefined ? undefined : kmsKeyArn !== null && customerManagedKey(kmsKeyArn),
        internetExposed: networkRules && networkRules.public,
        sourceVpcEndpoints: networkRules && networkRules.vpcEndpoints,
        dataAccessPrincipals: dataRules && dataRules.principals,
        dataAccessAllPermissions: dataRules && dataRules.allPermissions,
        dataAccessWildcardPrincipal: dataRules && dataRules.wildcardPrincipal,
        sensitiveData: true,
      },
      raw: toRaw(detail),
    });
  }
}

/** A policy's name and document (the document as the API gives it: a JSON value, or a string of it). */
interface Policy {
  name: string;
  document: unknown;
}

/**
 * Every policy of a type in the region, with its document: undefined when the listing or any document
 * could not be read, since the missing one may be the one that matters.
 */
async function readPolicies<Type extends string>(
  scope: ServiceScope,
  type: Type,
  pages: (type: Type) => AsyncIterable<{ securityPolicySummaries?: Array<{ name?: string }>; accessPolicySummaries?: Array<{ name?: string }> }>,
  get: (name: string, type: Type) => Promise<unknown>,
): Promise<Policy[] | undefined> {
  const kind = type === 'data' ? 'Access' : 'Security';
  const summaries = await scope.list(`List${kind}Policies (${type})`, pages(type), (page) => page.securityPolicySummaries ?? page.accessPolicySummaries);
  if (!summaries) return undefined;
  const policies = await Promise.all(
    summaries.flatMap((summary) => (summary.name ? [summary.name] : [])).map(async (name) => {
      const document = await scope.call(`Get${kind}Policy (${type})`, () => get(name, type));
      return document === undefined ? undefined : { name, document };
    }),
  );
  return policies.some((policy) => policy === undefined) ? undefined : (policies as Policy[]);
}

/** A policy document as JSON: the SDK gives a document type, which a service may also send as a JSON string. */
function parsed(document: unknown): unknown {
  if (typeof document !== 'string') return document;
  try {
    return JSON.parse(document);
  } catch {
    return undefined;
  }
}

/** Whether a policy's resource pattern (`collection/kb-*`, `index/kb/*`, `*` wildcards) names the collection. */
export function patternNames(pattern: string, kind: 'collection' | 'index', collection: string): boolean {
  const [prefix, collectionPattern] = pattern.split('/');
  if (prefix !== kind || collectionPattern === undefined) return false;
  const expression = new RegExp(`^${collectionPattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return expression.test(collection);
}

interface PolicyRule {
  ResourceType?: unknown;
  Resource?: unknown;
  Permission?: unknown;
}

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined);

/** The statements of a policy document (a list of objects), or undefined when it is not one. */
function statements(document: unknown): Array<Record<string, unknown>> | undefined {
  const value = parsed(document);
  return Array.isArray(value) && value.every((item) => item !== null && typeof item === 'object') ? (value as Array<Record<string, unknown>>) : undefined;
}

/** The rules of a statement that name the collection (as a collection, or through its indexes), or undefined when malformed. */
function rulesFor(statement: Record<string, unknown>, collection: string, kinds: Array<'collection' | 'index'>): PolicyRule[] | undefined {
  if (!Array.isArray(statement.Rules)) return undefined;
  const matching: PolicyRule[] = [];
  for (const rule of statement.Rules as PolicyRule[]) {
    const resources = strings(rule?.Resource);
    if (!resources || typeof rule.ResourceType !== 'string') return undefined;
    const kind = rule.ResourceType;
    if (kinds.includes(kind as 'collection') && resources.some((resource) => patternNames(resource, kind as 'collection', collection))) matching.push(rule);
  }
  return matching;
}

/**
 * What the network policies say about a collection's endpoint: public when a statement whose
 * collection rule names it has AllowFromPublic true; otherwise the VPC endpoints it may be reached
 * through. Undefined when a policy could not be parsed and none makes it public.
 */
export function matchingNetworkRules(policies: Policy[], collection: string): { public: boolean; vpcEndpoints: string[] } | undefined {
  let unreadable = false;
  const vpcEndpoints = new Set<string>();
  for (const policy of policies) {
    const list = statements(policy.document);
    if (!list) {
      unreadable = true;
      continue;
    }
    for (const statement of list) {
      const rules = rulesFor(statement, collection, ['collection']);
      if (!rules) {
        unreadable = true;
        continue;
      }
      if (rules.length === 0) continue;
      if (statement.AllowFromPublic === true) return { public: true, vpcEndpoints: [] };
      for (const endpoint of strings(statement.SourceVPCEs) ?? []) vpcEndpoints.add(endpoint);
    }
  }
  return unreadable ? undefined : { public: false, vpcEndpoints: [...vpcEndpoints].sort() };
}

/**
 * Who the data access policies let at the collection and its indexes: the principals, whether a rule
 * grants every permission (`aoss:*`), and whether a principal is a wildcard. Undefined when a policy
 * could not be parsed (it might grant more).
 */
export function matchingDataRules(policies: Policy[], collection: string): { principals: string[]; allPermissions: boolean; wildcardPrincipal: boolean } | undefined {
  const principals = new Set<string>();
  let allPermissions = false;
  for (const policy of policies) {
    const list = statements(policy.document);
    if (!list) return undefined;
    for (const statement of list) {
      const rules = rulesFor(statement, collection, ['collection', 'index']);
      const named = strings(statement.Principal);
      if (!rules || !named) return undefined;
      if (rules.length === 0) continue;
      for (const principal of named) principals.add(principal);
      if (rules.some((rule) => strings(rule.Permission)?.includes('aoss:*'))) allPermissions = true;
    }
  }
  const sorted = [...principals].sort();
  return { principals: sorted, allPermissions, wildcardPrincipal: sorted.some((principal) => principal.includes('*')) };
}

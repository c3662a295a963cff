import {
  BedrockAgentClient,
  GetAgentActionGroupCommand,
  GetAgentCommand,
  GetAgentVersionCommand,
  GetDataSourceCommand,
  GetFlowCommand,
  GetKnowledgeBaseCommand,
  GetPromptCommand,
  ListIngestionJobsCommand,
  ListTagsForResourceCommand,
  paginateListAgentActionGroups,
  paginateListAgentAliases,
  paginateListAgentKnowledgeBases,
  paginateListAgents,
  paginateListDataSources,
  paginateListFlows,
  paginateListKnowledgeBases,
  paginateListPrompts,
  type ActionGroupExecutor,
  type AgentActionGroup,
  type FlowDefinition,
  type GuardrailConfiguration,
} from '@aws-sdk/client-bedrock-agent';
import { parse as parseYaml } from 'yaml';
import { forEachConcurrently } from '../runtime.js';
import { guardrailInForce } from './guardrails.js';
import { collectDescribed, type ServiceRegion } from './resources.js';
import { customerManagedKey, toRaw, type AwsAccount } from './session.js';

/**
 * Bedrock Agents: agents with their action groups, aliases and knowledge bases; knowledge bases
 * with their data sources; flows (and whether their prompt and knowledge base nodes are guarded);
 * prompts. Agent instructions, prompt templates and API schemas go into `raw`, where the secret
 * scan reads them. Agents are read in their working draft (what `prepare` publishes and the test
 * alias runs); each alias is guarded by the guardrails of the agent versions it routes to.
 */

/** The working version of an agent; action groups and knowledge bases are listed for it. */
const DRAFT = 'DRAFT';

/** OpenAPI operations whose method may change something (Bedrock reads the verbs as the schema states them). */
const MUTATING_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/**
 * The actions of an action group that run without asking the user first: functions without
 * requireConfirmation ENABLED (DISABLED is the API default) and OpenAPI operations with a mutating method
 * without `x-requireConfirmation: ENABLED`. Undefined when the actions are not known: a schema kept in S3,
 * or an inline schema that does not parse.
 */
export function unconfirmedActions(group: Pick<AgentActionGroup, 'functionSchema' | 'apiSchema'>): string[] | undefined {
  const functions = group.functionSchema?.functions;
  if (functions) return functions.filter((fn) => fn.requireConfirmation !== 'ENABLED').map((fn) => fn.name ?? '(unnamed)').sort();
  if (group.apiSchema?.s3) return undefined;
  const payload = group.apiSchema?.payload;
  if (payload === undefined) return [];
  let document: unknown;
  try {
    document = parseYaml(payload);
  } catch {
    return undefined;
  }
  const paths = (document as { paths?: unknown } | null)?.paths;
  if (!paths || typeof paths !== 'object') return undefined;
  const found: string[] = [];
  for (const [path, item] of Object.entries(paths as Record<string, unknown>)) {
    for (const [method, operation] of Object.entries((item ?? {}) as Record<string, unknown>)) {
      if (!MUTATING_METHODS.has(method.toLowerCase())) continue;
      if ((operation as Record<string, unknown> | null)?.['x-requireConfirmation'] !== 'ENABLED') found.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return found.sort();
}

/** What an action group hands its calls to. */
function executorType(executor: ActionGroupExecutor | undefined): string | null | undefined {
  if (!executor) return null;
  if (executor.lambda) return 'lambda';
  return executor.customControl ?? undefined;
}

export async function collectBedrockAgents(account: AwsAccount, region: string): Promise<{ resources: number; knowledgeBases: string[] }> {
  const client = account.client(BedrockAgentClient, region);
  const scope = account.scope(region, 'bedrock-agent');
  const service: ServiceRegion = {
    account,
    region,
    scope,
    tags: async (arn) => (await scope.call('ListTagsForResource', () => client.send(new ListTagsForResourceCommand({ resourceArn: arn }))))?.tags ?? undefined,
  };
  const arn = (kind: string, id: string) => `arn:${account.partition}:bedrock:${region}:${account.account}:${kind}/${id}`;
  const guardedBy = (from: string, configuration: GuardrailConfiguration | undefined) => account.edge(from, 'guarded-by', guardrailInForce(account, region, configuration));
  /** Agent id → the guardrail its working draft names (null: none); missing when GetAgent failed. */
  const draftGuardrails = new Map<string, string | null>();
  const readsKnowledgeBase = (from: string, knowledgeBaseId: string | undefined) =>
    account.edge(from, 'reads-data', knowledgeBaseId ? account.expect(arn('knowledge-base', knowledgeBaseId), 'aws.bedrock.knowledge-base', region) : undefined);

  const [agents, knowledgeBases, flows, prompts] = await Promise.all([
    collectDescribed(service, {
      type: 'aws.bedrock.agent',
      list: { operation: 'ListAgents', pages: () => paginateListAgents({ client }, {}), items: (page) => page.agentSummaries },
      identify: (summary) => ({ id: summary.agentId && arn('agent', summary.agentId), name: summary.agentName }),
      describe: { operation: 'GetAgent', run: (summary) => client.send(new GetAgentCommand({ agentId: summary.agentId })), names: ['uses-identity', 'guarded-by', 'encrypted-by'] },
      tagged: true,
      toAsset: ({ agent }, id) => {
        if (!agent) return { props: {} };
        account.edge(id, 'uses-identity', account.role(agent.agentResourceRoleArn));
        const guardrail = guardrailInForce(account, region, agent.guardrailConfiguration);
        draftGuardrails.set(id, guardrail ?? null);
        account.edge(id, 'guarded-by', guardrail);
        account.encryptedBy(id, agent.customerEncryptionKeyArn, region);
        if (agent.foundationModel) account.modelUsers.push({ id, region, model: agent.foundationModel });
        return {
          props: {
            modelId: agent.foundationModel ?? null,
            guardrailId: agent.guardrailConfiguration?.guardrailIdentifier ?? null,
            guardrailVersion: agent.guardrailConfiguration?.guardrailIdentifier ? (agent.guardrailConfiguration.guardrailVersion ?? null) : null,
            idleSessionTtlSeconds: agent.idleSessionTTLInSeconds ?? null,
            customerEncryptionKeyArn: agent.customerEncryptionKeyArn ?? null,
            customerManagedKey: customerManagedKey(agent.customerEncryptionKeyArn),
            promptOverride: (agent.promptOverrideConfiguration?.promptConfigurations ?? []).some((prompt) => prompt.promptCreationMode === 'OVERRIDDEN'),
            status: agent.agentStatus ?? null,
          },
          raw: toRaw(agent),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.bedrock.knowledge-base',
      list: { operation: 'ListKnowledgeBases', pages: () => paginateListKnowledgeBases({ client }, {}), items: (page) => page.knowledgeBaseSummaries },
      identify: (summary) => ({ id: summary.knowledgeBaseId && arn('knowledge-base', summary.knowledgeBaseId), name: summary.name }),
      describe: {
        operation: 'GetKnowledgeBase',
        run: (summary) => client.send(new GetKnowledgeBaseCommand({ knowledgeBaseId: summary.knowledgeBaseId })),
        names: ['uses-identity', 'encrypted-by', 'reads-data'],
      },
      tagged: true,
      toAsset: ({ knowledgeBase }, id) => {
        if (!knowledgeBase) return { props: {} };
        // The vector store it retrieves from (read in opensearch-serverless.ts).
        account.edge(id, 'reads-data', account.collection(knowledgeBase.storageConfiguration?.opensearchServerlessConfiguration?.collectionArn));
        const type = knowledgeBase.knowledgeBaseConfiguration?.type;
        const managedKey = knowledgeBase.knowledgeBaseConfiguration?.managedKnowledgeBaseConfiguration?.serverSideEncryptionConfiguration?.kmsKeyArn;
        account.edge(id, 'uses-identity', account.role(knowledgeBase.roleArn));
        account.encryptedBy(id, managedKey, region);
        return {
          props: {
            knowledgeBaseType: type ?? null,
            storageType: knowledgeBase.storageConfiguration?.type ?? null,
            kmsKeyArn: managedKey ?? null,
            // Other types keep their data in a vector store whose encryption these APIs do not show.
            customerManagedKey: type === 'MANAGED' ? customerManagedKey(managedKey) : undefined,
            sensitiveData: true,
            status: knowledgeBase.status ?? null,
          },
          raw: toRaw(knowledgeBase),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.bedrock.flow',
      list: { operation: 'ListFlows', pages: () => paginateListFlows({ client }, {}), items: (page) => page.flowSummaries },
      identify: (summary) => ({ id: summary.arn, name: summary.name }),
      describe: {
        operation: 'GetFlow',
        run: (summary) => client.send(new GetFlowCommand({ flowIdentifier: summary.id })),
        names: ['uses-identity', 'encrypted-by', 'guarded-by', 'reads-data', 'configured-by', 'invokes'],
      },
      tagged: true,
      toAsset: (flow, id) => {
        account.edge(id, 'uses-identity', account.role(flow.executionRoleArn));
        account.encryptedBy(id, flow.customerEncryptionKeyArn, region);
        const unguarded: string[] = [];
        for (const node of flowNodes(flow.definition)) {
          const configuration = node.configuration;
          const guarded = configuration?.prompt ?? configuration?.knowledgeBase;
          if (guarded) {
            if (guarded.guardrailConfiguration?.guardrailIdentifier) guardedBy(id, guarded.guardrailConfiguration);
            else unguarded.push(node.name ?? '(unnamed)');
          }
          readsKnowledgeBase(id, configuration?.knowledgeBase?.knowledgeBaseId);
          const promptArn = configuration?.prompt?.sourceConfiguration?.resource?.promptArn;
          if (promptArn) account.edge(id, 'configured-by', account.expect(promptArn.replace(/:\d+$/, ''), 'aws.bedrock.prompt', region));
          account.edge(id, 'invokes', account.lambdaFunction(configuration?.lambdaFunction?.lambdaArn));
          account.edge(id, 'invokes', account.expect(configuration?.agent?.agentAliasArn, 'aws.bedrock.agent-alias', region));
        }
        return {
          props: {
            customerEncryptionKeyArn: flow.customerEncryptionKeyArn ?? null,
            customerManagedKey: customerManagedKey(flow.customerEncryptionKeyArn),
            unguardedNodes: unguarded.sort(),
            status: flow.status ?? null,
            validationErrors: (flow.validations ?? []).flatMap((validation) => (validation.severity === 'Error' ? [validation.message ?? validation.type ?? '(no message)'] : [])).sort(),
          },
          raw: toRaw(flow),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.bedrock.prompt',
      list: { operation: 'ListPrompts', pages: () => paginateListPrompts({ client }, {}), items: (page) => page.promptSummaries },
      identify: (summary) => ({ id: summary.arn, name: summary.name }),
      describe: { operation: 'GetPrompt', run: (summary) => client.send(new GetPromptCommand({ promptIdentifier: summary.id })), names: ['encrypted-by'] },
      tagged: true,
      toAsset: (prompt, id) => {
        account.encryptedBy(id, prompt.customerEncryptionKeyArn, region);
        const variants = prompt.variants ?? [];
        const main = variants.find((variant) => variant.name === prompt.defaultVariant) ?? variants[0];
        return {
          props: {
            customerEncryptionKeyArn: prompt.customerEncryptionKeyArn ?? null,
            customerManagedKey: customerManagedKey(prompt.customerEncryptionKeyArn),
            variants: variants.length,
            modelId: main?.modelId ?? null,
          },
          raw: toRaw(prompt),
        };
      },
    }),
  ]);

  await Promise.all([
    forEachConcurrently(agents ?? [], (agentId) => collectAgentParts(service, client, agentId, { readsKnowledgeBase, draftGuardrails })),
    forEachConcurrently(knowledgeBases ?? [], (knowledgeBaseId) => collectDataSources(service, client, knowledgeBaseId)),
  ]);
  return { resources: [agents, knowledgeBases, flows, prompts].reduce((sum, ids) => sum + (ids?.length ?? 0), 0), knowledgeBases: knowledgeBases ?? [] };
}

/** Every node of a flow, including those inside loops. */
function flowNodes(definition: FlowDefinition | undefined): NonNullable<FlowDefinition['nodes']> {
  return (definition?.nodes ?? []).flatMap((node) => [node, ...flowNodes(node.configuration?.loop?.definition)]);
}

/** What an agent's parts need from the agents read in its region. */
interface AgentContext {
  readsKnowledgeBase: (from: string, id: string | undefined) => void;
  /** Agent id → the guardrail its working draft names (null: none); missing when GetAgent failed. */
  draftGuardrails: ReadonlyMap<string, string | null>;
}

/**
 * An agent's action groups (and the functions they call), aliases and knowledge bases. An alias is
 * guarded by the guardrails of the agent versions it routes to (GetAgentVersion); routing to the
 * draft, by the draft's.
 */
async function collectAgentParts(service: ServiceRegion, client: BedrockAgentClient, agentArn: string, context: AgentContext): Promise<void> {
  const { account, region, scope } = service;
  const agentId = agentArn.slice(agentArn.lastIndexOf('/') + 1);
  const aliasArn = (aliasId: string) => agentArn.replace(':agent/', ':agent-alias/') + `/${aliasId}`;
  const versionGuardrails = new Map<string, Promise<string | null | undefined>>();
  /** The guardrail an agent version names: null for none, undefined when it could not be read. */
  const versionGuardrail = (version: string): Promise<string | null | undefined> => {
    if (version === DRAFT) return Promise.resolve(context.draftGuardrails.get(agentArn));
    let pending = versionGuardrails.get(version);
    if (!pending) {
      pending = scope
        .call('GetAgentVersion', () => client.send(new GetAgentVersionCommand({ agentId, agentVersion: version })))
        .then((answer) => (answer?.agentVersion ? (guardrailInForce(account, region, answer.agentVersion.guardrailConfiguration) ?? null) : undefined));
      versionGuardrails.set(version, pending);
    }
    return pending;
  };
  const [groups, aliases] = await Promise.all([
    collectDescribed(service, {
      type: 'aws.bedrock.agent-action-group',
      list: {
        operation: 'ListAgentActionGroups',
        pages: () => paginateListAgentActionGroups({ client }, { agentId, agentVersion: DRAFT }),
        items: (page) => page.actionGroupSummaries,
      },
      identify: (summary) => ({ id: summary.actionGroupId && `${agentArn}/action-group/${summary.actionGroupId}`, name: summary.actionGroupName }),
      describe: {
        operation: 'GetAgentActionGroup',
        run: (summary) => client.send(new GetAgentActionGroupCommand({ agentId, agentVersion: DRAFT, actionGroupId: summary.actionGroupId })),
        names: ['invokes'],
      },
      listed: (summary) => ({ state: summary.actionGroupState ?? null }),
      tagged: false,
      toAsset: ({ agentActionGroup: group }, id) => {
        if (!group) return { props: {} };
        account.edge(id, 'invokes', account.lambdaFunction(group.actionGroupExecutor?.lambda));
        const unconfirmed = unconfirmedActions(group);
        return {
          props: {
            executorType: executorType(group.actionGroupExecutor),
            state: group.actionGroupState ?? null,
            requireConfirmation: unconfirmed && unconfirmed.length === 0,
            unconfirmedActions: unconfirmed,
          },
          raw: toRaw(group),
        };
      },
    }),
    collectDescribed(service, {
      type: 'aws.bedrock.agent-alias',
      list: { operation: 'ListAgentAliases', pages: () => paginateListAgentAliases({ client }, { agentId }), items: (page) => page.agentAliasSummaries },
      identify: (summary) => ({ id: summary.agentAliasId && aliasArn(summary.agentAliasId), name: summary.agentAliasName }),
      tagged: false,
      toAsset: (alias) => ({
        props: {
          agentVersions: (alias.routingConfiguration ?? []).flatMap((route) => route.agentVersion ?? []),
          status: alias.agentAliasStatus ?? null,
        },
        raw: toRaw(alias),
      }),
    }),
    scope
      .list('ListAgentKnowledgeBases', paginateListAgentKnowledgeBases({ client }, { agentId, agentVersion: DRAFT }), (page) => page.agentKnowledgeBaseSummaries)
      .then((attached) => {
        if (!attached) account.markEdgesUnread(agentArn, 'reads-data');
        for (const knowledgeBase of attached ?? []) if (knowledgeBase.knowledgeBaseState !== 'DISABLED') context.readsKnowledgeBase(agentArn, knowledgeBase.knowledgeBaseId);
      }),
  ]);
  // Without the list of its action groups or aliases, the agent's parts are not all known.
  if (!groups || !aliases) account.markEdgesUnread(agentArn, 'part-of', 'in');
  for (const id of [...(groups ?? []), ...(aliases ?? [])]) account.edge(id, 'part-of', agentArn);
  await forEachConcurrently(aliases ?? [], async (aliasId) => {
    const versions = (account.getAsset(aliasId)?.props.agentVersions as string[] | undefined) ?? [];
    const guardrails = await Promise.all(versions.map(versionGuardrail));
    if (guardrails.includes(undefined)) account.markEdgesUnread(aliasId, 'guarded-by');
    for (const guardrail of guardrails) account.edge(aliasId, 'guarded-by', guardrail ?? undefined);
  });
}

/** A knowledge base's data sources, and the buckets they ingest. */
async function collectDataSources(service: ServiceRegion, client: BedrockAgentClient, knowledgeBaseArn: string): Promise<void> {
  const { account, region } = service;
  const knowledgeBaseId = knowledgeBaseArn.slice(knowledgeBaseArn.lastIndexOf('/') + 1);
  const described = new Set<string>();
  const sources = await collectDescribed(service, {
    type: 'aws.bedrock.data-source',
    list: { operation: 'ListDataSources', pages: () => paginateListDataSources({ client }, { knowledgeBaseId }), items: (page) => page.dataSourceSummaries },
    identify: (summary) => ({ id: summary.dataSourceId && `${knowledgeBaseArn}/data-source/${summary.dataSourceId}`, name: summary.name }),
    describe: {
      operation: 'GetDataSource',
      run: (summary) => client.send(new GetDataSourceCommand({ knowledgeBaseId, dataSourceId: summary.dataSourceId })),
      names: ['reads-data', 'encrypted-by'],
    },
    listed: (summary) => ({ status: summary.status ?? null }),
    tagged: false,
    toAsset: ({ dataSource }, id) => {
      if (!dataSource) return { props: {} };
      described.add(id);
      const bucket = account.bucket(dataSource.dataSourceConfiguration?.s3Configuration?.bucketArn, region);
      account.edge(id, 'reads-data', bucket);
      account.edge(knowledgeBaseArn, 'reads-data', bucket);
      const key = dataSource.serverSideEncryptionConfiguration?.kmsKeyArn;
      account.encryptedBy(id, key, region);
      return {
        props: {
          sourceType: dataSource.dataSourceConfiguration?.type ?? null,
          kmsKeyArn: key ?? null,
          customerManagedKey: customerManagedKey(key),
          dataDeletionPolicy: dataSource.dataDeletionPolicy ?? null,
          status: dataSource.status ?? null,
        },
        raw: toRaw(dataSource),
      };
    },
  });
  // The knowledge base reads what its data sources ingest: unknown while one of them is.
  if (!sources || sources.some((id) => !described.has(id))) account.markEdgesUnread(knowledgeBaseArn, 'reads-data');
  for (const id of sources ?? []) account.edge(id, 'part-of', knowledgeBaseArn);
  await forEachConcurrently(sources ?? [], (id) => collectLastIngestion(service, client, knowledgeBaseId, id));
}

/**
 * When a data source last synced: the newest ingestion job (any status) and the newest COMPLETE one,
 * one job each (ListIngestionJobs sorted by STARTED_AT, newest first, maxResults 1). A call that
 * fails leaves its properties unknown.
 */
async function collectLastIngestion(service: ServiceRegion, client: BedrockAgentClient, knowledgeBaseId: string, dataSourceArn: string): Promise<void> {
  const dataSourceId = dataSourceArn.slice(dataSourceArn.lastIndexOf('/') + 1);
  const newest = (filters?: Array<{ attribute: 'STATUS'; operator: 'EQ'; values: string[] }>) =>
    service.scope
      .call('ListIngestionJobs', () => client.send(new ListIngestionJobsCommand({ knowledgeBaseId, dataSourceId, filters, sortBy: { attribute: 'STARTED_AT', order: 'DESCENDING' }, maxResults: 1 })))
      .then((answer) => (answer ? (answer.ingestionJobSummaries?.[0] ?? null) : undefined));
  const [latest, completed] = await Promise.all([newest(), newest([{ attribute: 'STATUS', operator: 'EQ', values: ['COMPLETE'] }])]);
  const isoTime = (time: Date | undefined) => (time ? time.toISOString() : null);
  service.account.patchProps(dataSourceArn, {
    lastIngestionStatus: latest === undefined ? undefined : (latest?.status ?? null),
    lastIngestionStartedAt: latest === undefined ? undefined : isoTime(latest?.startedAt),
    lastSyncedAt: completed === undefined ? undefined : isoTime(completed?.updatedAt),
  });
}

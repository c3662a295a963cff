import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionProps, connectionRecord, redactTarget } from '../../../src/collect/azure/foundry.js';
import { compiledBuiltInRules } from '../../../src/engine/rule-pack.js';
import type { CompiledRule } from '../../../src/engine/rule.js';
import type { Asset, Inventory } from '../../../src/graph/model.js';
import { runCliAsync } from '../../helpers.js';
import { FakeArm } from '../../fakes/azure/arm-server.js';
import { DENIALS, fakeTenant, ids, SUB_PROD, TOKEN } from '../../fakes/azure/estate.js';
import { foundryIds, foundryPrincipals, PLANTED_FUNCTION_KEY } from '../../fakes/azure/foundry.js';
import { findingIds } from '../../faults/deny-each.js';
import { cliEnv, scanFake } from './harness.js';

/**
 * New-style AI Foundry: projects of an AI services account, connections at account and project
 * level, and the projects' managed identities, read with the real SDK client from the fake Resource
 * Manager, which answers as Microsoft.CognitiveServices 2025-09-01 does.
 */

const systemIdentity = (resource: string) => `${resource}/providers/Microsoft.ManagedIdentity/identities/default`;

function lookup(inventory: Inventory) {
  const asset = (id: string): Asset => {
    const found = inventory.assets.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
    if (!found) throw new Error(`no asset ${id}`);
    return found;
  };
  const edges = (from: string, type: string) => inventory.edges.filter((edge) => edge.from === from && edge.type === type).map((edge) => edge.to).sort();
  const children = (parent: string, type: string) => inventory.edges.filter((edge) => edge.to === parent && edge.type === 'part-of' && asset(edge.from).type === type).map((edge) => edge.from).sort();
  return { asset, edges, children };
}

describe('AI Foundry projects and connections against the fake Resource Manager', () => {
  let fake: FakeArm;
  let inventory: Inventory;
  let find: ReturnType<typeof lookup>;

  beforeAll(async () => {
    fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
    inventory = await scanFake(fake);
    find = lookup(inventory);
  });
  afterAll(() => fake.close());

  it('reads the account with project management on, and leaves the setting null where the account does not set it', () => {
    expect(find.asset(foundryIds.account).props).toMatchObject({ kind: 'AIServices', allowProjectManagement: true, internetExposed: false, localAuthDisabled: true });
    expect(find.asset(ids.oaiExposed).props.allowProjectManagement).toBeNull();
  });

  it('reads the projects as children of their account, with the identities they run as', () => {
    expect(find.children(foundryIds.account, 'azure.cognitiveservices.project')).toEqual([foundryIds.agents, foundryIds.research]);
    expect(find.asset(foundryIds.agents)).toMatchObject({
      type: 'azure.cognitiveservices.project',
      account: SUB_PROD,
      region: 'swedencentral',
      name: 'proj-agents',
      tags: { team: 'support' },
      props: { displayName: 'Customer agents', isDefault: true, endpoints: { 'AI Foundry API': 'https://foundry-prod.services.ai.azure.com/api/projects/proj-agents' }, managedIdentity: true },
    });
    expect(find.asset(foundryIds.research).props).toMatchObject({ displayName: 'Research', isDefault: false, managedIdentity: true });
    expect(find.edges(foundryIds.agents, 'uses-identity')).toEqual([systemIdentity(foundryIds.agents)]);
    expect(find.edges(foundryIds.research, 'uses-identity')).toEqual([systemIdentity(foundryIds.research), foundryIds.uamiReader].sort());
  });

  it("follows a project identity's role assignments like any AI identity's: Contributor on the resource group makes it admin", () => {
    expect(find.asset(systemIdentity(foundryIds.agents)).props).toMatchObject({ identityType: 'SystemAssigned', principalId: foundryPrincipals.agents, admin: true });
    // Subscription "locked" hides its role assignments: an identity without an admin grant stays unknown, not "not admin".
    expect(find.asset(systemIdentity(foundryIds.research)).props.admin).toBeUndefined();
    // The user-assigned identity the research project shares with the ML estate keeps its data grants.
    expect(find.edges(foundryIds.uamiReader, 'reads-data')).toEqual([ids.storageCurated]);
  });

  it('reads connections at account and project level, with category, auth type, target and sharing', () => {
    expect(find.children(foundryIds.account, 'azure.cognitiveservices.connection')).toEqual(
      ['search-entra', 'shared-openai-key', 'tools-http'].map((name) => foundryIds.accountConnection(name)),
    );
    expect(find.children(foundryIds.agents, 'azure.cognitiveservices.connection')).toEqual(['cosmos-identity', 'rag-search-key', 'training-key'].map((name) => foundryIds.projectConnection('proj-agents', name)));
    expect(find.children(foundryIds.research, 'azure.cognitiveservices.connection')).toEqual(['partner-data-key', 'research-entra'].map((name) => foundryIds.projectConnection('proj-research', name)));

    const props = (id: string) => find.asset(id).props;
    expect(props(foundryIds.accountConnection('shared-openai-key'))).toEqual({
      category: 'AzureOpenAI',
      authType: 'ApiKey',
      storesCredential: true,
      target: 'https://oai-exposed.openai.azure.com/',
      isSharedToAll: true,
      targetResourceId: ids.oaiExposed,
      crossSubscription: false,
    });
    // The target's subscription comes from the resource id the metadata names; without one it stays unknown.
    expect(props(foundryIds.projectConnection('proj-research', 'partner-data-key'))).toMatchObject({ authType: 'AccountKey', storesCredential: true, targetResourceId: foundryIds.partnerStorage, crossSubscription: true });
    expect(props(foundryIds.projectConnection('proj-agents', 'training-key'))).toMatchObject({ targetResourceId: null });
    expect(props(foundryIds.projectConnection('proj-agents', 'training-key'))).not.toHaveProperty('crossSubscription');
    expect(props(foundryIds.accountConnection('search-entra'))).toMatchObject({ category: 'CognitiveSearch', authType: 'AAD', storesCredential: false, isSharedToAll: true });
    expect(props(foundryIds.projectConnection('proj-agents', 'training-key'))).toMatchObject({ category: 'AzureBlob', authType: 'AccountKey', storesCredential: true, isSharedToAll: false });
    expect(props(foundryIds.projectConnection('proj-agents', 'cosmos-identity'))).toMatchObject({ authType: 'ManagedIdentity', storesCredential: false, target: 'https://acme-cosmos.documents.azure.com:443/' });
    expect(find.asset(foundryIds.accountConnection('shared-openai-key'))).toMatchObject({ account: SUB_PROD, region: 'swedencentral', name: 'shared-openai-key' });
  });

  it('keeps no credential field and no secret-bearing part of a target', () => {
    const tools = find.asset(foundryIds.accountConnection('tools-http'));
    expect(tools.props.target).toBe('https://acme-tools.azurewebsites.net/api/lookup?[REDACTED:query]');
    expect(JSON.stringify(inventory)).not.toContain(PLANTED_FUNCTION_KEY);
    // A managed identity's client and resource id are not secret, but aispm keeps no credentials block at all.
    expect((find.asset(foundryIds.projectConnection('proj-agents', 'cosmos-identity')).raw as { properties: Record<string, unknown> }).properties).not.toHaveProperty('credentials');
  });

  it('asks only AIServices accounts for connections and only accounts with project management on for projects, with GETs alone', () => {
    const asked = (suffix: string) =>
      fake.requests
        .filter((request) => request.path.endsWith(suffix))
        .map((request) => request.path.split('/accounts/')[1]!.split('/')[0])
        .sort();
    expect([...new Set(asked('/connections').filter((path) => path))]).toEqual(['foundry-prod', 'oai-firewalled']);
    expect([...new Set(asked('/projects'))]).toEqual(['foundry-prod']);
    // Three account connections over pages of two.
    expect(fake.requests.filter((request) => request.path === `${foundryIds.account}/connections` && request.status === 200)).toHaveLength(2);
    const foundryRequests = fake.requests.filter((request) => /\/(projects|connections)(\/|$)/i.test(request.path));
    expect(new Set(foundryRequests.map((request) => request.method))).toEqual(new Set(['GET']));
    expect(foundryRequests.filter((request) => /secret/i.test(request.path))).toEqual([]);
    expect(inventory.assets.filter((asset) => asset.unreadEdges?.length && asset.id.includes('/Microsoft.CognitiveServices/'))).toEqual([]);
  });

  it('the properties are read at the api-version the SDK sends, the one the catalog cites', () => {
    const client = new CognitiveServicesManagementClient({ getToken: async () => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 60_000 }) }, SUB_PROD);
    expect(client.apiVersion).toBe('2025-09-01');
  });
});

describe('AI Foundry listings that are denied', () => {
  let rules: CompiledRule[];
  let baseline: Set<string>;

  beforeAll(async () => {
    rules = await compiledBuiltInRules();
    const fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
    try {
      baseline = findingIds(await scanFake(fake), rules);
    } finally {
      await fake.close();
    }
  });

  const scanDenying = async (action: string) => {
    const fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: [...DENIALS, { subscriptionId: SUB_PROD, action }] });
    try {
      const inventory = await scanFake(fake);
      expect(fake.requests.some((request) => request.action === action && request.status === 403)).toBe(true);
      const coverage = inventory.coverage.find((entry) => entry.account === SUB_PROD && entry.service === 'Microsoft.CognitiveServices');
      expect(coverage?.status).toBe('denied');
      // Denying data never adds a finding.
      expect([...findingIds(inventory, rules)].filter((id) => !baseline.has(id))).toEqual([]);
      return { inventory, message: coverage?.message ?? '', ...lookup(inventory) };
    } finally {
      await fake.close();
    }
  };

  it('projects: none are read, and the account records that its children could not all be read', async () => {
    const { inventory, asset, children, message } = await scanDenying('Microsoft.CognitiveServices/accounts/projects/read');
    expect(message).toMatch(/^projects\.list: AuthorizationFailed/);
    expect(inventory.assets.filter((item) => item.type === 'azure.cognitiveservices.project')).toEqual([]);
    expect(asset(foundryIds.account).unreadEdges).toEqual([{ edge: 'part-of', direction: 'in' }]);
    expect(children(foundryIds.account, 'azure.cognitiveservices.connection')).toHaveLength(3);
    // The agents project's admin identity is not known without its project: its finding goes, none comes.
    expect(inventory.assets.some((item) => item.id === systemIdentity(foundryIds.agents))).toBe(false);
  });

  it('account connections: the projects are read, and every AIServices account records unread children', async () => {
    const { inventory, asset, children, message } = await scanDenying('Microsoft.CognitiveServices/accounts/connections/read');
    expect(message).toMatch(/^accountConnections\.list: AuthorizationFailed/);
    expect(children(foundryIds.account, 'azure.cognitiveservices.connection')).toEqual([]);
    expect(children(foundryIds.account, 'azure.cognitiveservices.project')).toHaveLength(2);
    expect(asset(foundryIds.account).unreadEdges).toEqual([{ edge: 'part-of', direction: 'in' }]);
    expect(asset(ids.oaiFirewalled).unreadEdges).toEqual([{ edge: 'part-of', direction: 'in' }]);
    expect(inventory.assets.filter((item) => item.type === 'azure.cognitiveservices.connection').length).toBe(5);
  });

  it('project connections: the projects stand without them, each marked as not fully read', async () => {
    const { asset, children, message } = await scanDenying('Microsoft.CognitiveServices/accounts/projects/connections/read');
    expect(message).toMatch(/^projectConnections\.list: AuthorizationFailed/);
    for (const project of [foundryIds.agents, foundryIds.research]) {
      expect(children(project, 'azure.cognitiveservices.connection')).toEqual([]);
      expect(asset(project).unreadEdges).toEqual([{ edge: 'part-of', direction: 'in' }]);
    }
    expect(asset(foundryIds.account).unreadEdges).toBeUndefined();
    expect(children(foundryIds.account, 'azure.cognitiveservices.connection')).toHaveLength(3);
  });
});

describe('what aispm keeps of a connection', () => {
  it('drops every credential field, even one an answer should never carry', () => {
    const record = { id: 'c', name: 'c', type: 'Microsoft.CognitiveServices/accounts/connections', properties: { authType: 'ApiKey', category: 'AzureOpenAI', target: 'https://x.openai.azure.com/', credentials: { key: 'not-a-real-key-0123456789' } } };
    const kept = connectionRecord(record as Parameters<typeof connectionRecord>[0]);
    expect(JSON.stringify(kept)).not.toContain('not-a-real-key');
    expect(record.properties.credentials.key).toBe('not-a-real-key-0123456789');
  });

  it('redacts the parts of a target that can carry a secret, and keeps the rest as it is', () => {
    expect(redactTarget('https://acme-search.search.windows.net')).toBe('https://acme-search.search.windows.net');
    expect(redactTarget('https://acct.blob.core.windows.net/data?sv=2024-11-04&sig=abc')).toBe('https://acct.blob.core.windows.net/data?[REDACTED:query]');
    expect(redactTarget('https://user:pa55word@git.example.com/repo.git#main')).toBe('https://[REDACTED:user-info]@git.example.com/repo.git#[REDACTED:fragment]');
    expect(redactTarget('Server=tcp:db.example.net;Database=ml;User ID=reader;Password=hunter2secret')).toBe('Server=tcp:db.example.net;Database=ml;User ID=reader;Password=[REDACTED:value]');
    expect(redactTarget('DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abc==;EndpointSuffix=core.windows.net')).toBe(
      'DefaultEndpointsProtocol=https;AccountName=st;AccountKey=[REDACTED:value];EndpointSuffix=core.windows.net',
    );
    expect(redactTarget(foundryIds.cosmos)).toBe(foundryIds.cosmos);
    expect(redactTarget('ServiceRegion=westeurope')).toBe('ServiceRegion=westeurope');
  });

  it('knows which auth types store a secret, and keeps a newer one unknown', () => {
    const stores = (authType: string) => connectionProps({ properties: { authType } } as Parameters<typeof connectionProps>[0]).storesCredential;
    expect(['ApiKey', 'AccountKey', 'SAS', 'PAT', 'UsernamePassword', 'ServicePrincipal', 'AccessKey', 'CustomKeys', 'OAuth2'].map(stores)).toEqual(Array(9).fill(true));
    expect(['AAD', 'ManagedIdentity', 'None'].map(stores)).toEqual([false, false, false]);
    expect(stores('QuantumKey')).toBeUndefined();
    expect(connectionProps({ properties: { authType: 'AAD' } } as Parameters<typeof connectionProps>[0])).not.toHaveProperty('isSharedToAll');
  });
});

describe('aispm inventory and scan --provider azure with AI Foundry', () => {
  let fake: FakeArm;
  beforeAll(async () => {
    fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
  });
  afterAll(() => fake.close());

  it('lists the projects and connections with their relations', async () => {
    const result = await runCliAsync(['inventory', '--provider', 'azure', '--format', 'json'], { env: cliEnv(fake) });
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as { assets: Array<{ id: string; type: string; category: string; name: string; relations: Array<{ type: string; direction: string; id: string }> }> };
    const named = (type: string) => document.assets.filter((asset) => asset.type === type && asset.id.includes('/foundry-prod/')).map((asset) => asset.name).sort();
    expect(named('azure.cognitiveservices.project')).toEqual(['proj-agents', 'proj-research']);
    expect(named('azure.cognitiveservices.connection')).toEqual(['cosmos-identity', 'partner-data-key', 'rag-search-key', 'research-entra', 'search-entra', 'shared-openai-key', 'tools-http', 'training-key']);
    const agents = document.assets.find((asset) => asset.id === foundryIds.agents)!;
    expect(agents.category).toBe('ai');
    expect(agents.relations).toEqual(
      expect.arrayContaining([
        { type: 'part-of', direction: 'out', id: foundryIds.account },
        { type: 'uses-identity', direction: 'out', id: systemIdentity(foundryIds.agents) },
        { type: 'part-of', direction: 'in', id: foundryIds.projectConnection('proj-agents', 'training-key') },
      ]),
    );
    const table = await runCliAsync(['inventory', '--provider', 'azure'], { env: cliEnv(fake) });
    expect(table.stdout).toContain('azure.cognitiveservices.project');
    expect(table.stdout).toContain('shared-openai-key');
    for (const output of [result, table]) expect(output.stdout + output.stderr).not.toContain(PLANTED_FUNCTION_KEY);
  });

  it('finds the shared API key, the keys the agents project keeps, and the admin project identity, and nothing on their near misses', async () => {
    const result = await runCliAsync(['scan', '--provider', 'azure', '--format', 'json'], { env: cliEnv(fake) });
    const findings = (JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; resource: { id: string } }> }).findings;
    const onFoundry = findings.filter((finding) => finding.resource.id.includes('/foundry-prod')).map((finding) => [finding.ruleId, finding.resource.id]);
    expect(onFoundry.sort()).toEqual([
      ['azure-ai-connection-key-to-other-subscription', foundryIds.projectConnection('proj-research', 'partner-data-key')],
      ['azure-ai-connection-shared-credential', foundryIds.accountConnection('shared-openai-key')],
      ['azure-ai-connection-stored-credential', foundryIds.projectConnection('proj-agents', 'rag-search-key')],
      ['azure-ai-connection-stored-credential', foundryIds.projectConnection('proj-agents', 'training-key')],
      ['azure-foundry-project-identity-can-write-rag-index', foundryIds.agents],
      ['azure-foundry-project-identity-can-write-rag-index', foundryIds.research],
      ['cross-ai-workload-identity-admin', foundryIds.agents],
    ]);
    expect(result.stdout).not.toContain(PLANTED_FUNCTION_KEY);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_LINE, runCliAsync, tempDir } from '../../helpers.js';
import { shardOf } from '../../../src/collect/shard.js';
import { FakeArm } from '../../fakes/azure/arm-server.js';
import { DENIALS, fakeTenant, ids, PLANTED_SECRET, SUB_DEV, SUB_PROD, TOKEN } from '../../fakes/azure/estate.js';
import { cliEnv } from './harness.js';

/**
 * `aispm scan --provider azure` as a user runs it, in its own process, against the fake Resource
 * Manager served from this one (trusted through NODE_EXTRA_CA_CERTS).
 */

/** Every planted misconfiguration, as rule and resource name; the hardened twins are absent on purpose. */
const PLANTED = [
  ['azure-ai-account-diagnostic-logs-disabled', 'dev-speech'],
  ['azure-ai-account-diagnostic-logs-disabled', 'future-ai'],
  ['azure-ai-account-diagnostic-logs-disabled', 'oai-exposed'],
  ['azure-ai-account-local-auth-enabled', 'dev-speech'],
  ['azure-ai-account-local-auth-enabled', 'future-ai'],
  ['azure-ai-account-local-auth-enabled', 'oai-exposed'],
  ['azure-ai-account-outbound-unrestricted', 'dev-speech'],
  ['azure-ai-account-outbound-unrestricted', 'future-ai'],
  ['azure-ai-account-outbound-unrestricted', 'oai-exposed'],
  ['azure-ai-account-public-network-unrestricted', 'dev-speech'],
  ['azure-ai-account-public-network-unrestricted', 'oai-exposed'],
  ['azure-ai-account-without-cmk', 'dev-speech'],
  ['azure-ai-account-without-cmk', 'oai-exposed'],
  ['azure-ai-account-without-managed-identity', 'dev-speech'],
  ['azure-ai-account-without-managed-identity', 'oai-exposed'],
  ['azure-ai-account-without-private-endpoint', 'oai-firewalled'],
  ['azure-ai-connection-key-to-other-subscription', 'partner-data-key'],
  ['azure-ai-connection-shared-credential', 'shared-openai-key'],
  ['azure-ai-connection-stored-credential', 'rag-search-key'],
  ['azure-ai-connection-stored-credential', 'training-key'],
  ['azure-ai-deployment-content-filter-asynchronous', 'chat-relaxed'],
  ['azure-ai-deployment-harm-filters-weakened', 'chat-relaxed'],
  ['azure-ai-deployment-harm-filters-weakened', 'mystery'],
  ['azure-ai-deployment-indirect-attack-shield-disabled', 'chat-relaxed'],
  ['azure-ai-deployment-indirect-attack-shield-disabled', 'legacy-35'],
  ['azure-ai-deployment-indirect-attack-shield-disabled', 'mystery'],
  ['azure-ai-deployment-prompt-shield-disabled', 'chat-relaxed'],
  ['azure-ai-deployment-prompt-shield-disabled', 'legacy-35'],
  ['azure-ai-deployment-prompt-shield-disabled', 'mystery'],
  ['azure-ai-deployment-retired-model', 'legacy-35'],
  ['azure-cmk-key-vault-without-purge-protection', 'foundry-cmk'],
  ['azure-cmk-key-vault-without-purge-protection', 'ml-cmk'],
  ['azure-cmk-key-vault-without-purge-protection', 'openai-cmk'],
  ['azure-cmk-key-vault-without-purge-protection', 'storage-cmk'],
  ['azure-databricks-cluster-public-ip', 'dbw-open'],
  ['azure-databricks-diagnostic-logs-disabled', 'dbw-open'],
  ['azure-databricks-diagnostic-logs-disabled', 'dbw-serverless'],
  ['azure-databricks-diagnostic-logs-disabled', 'dbw-unstated'],
  ['azure-databricks-not-vnet-injected', 'dbw-open'],
  ['azure-databricks-public-network-access', 'dbw-open'],
  ['azure-databricks-public-network-access', 'dbw-serverless'],
  ['azure-databricks-public-network-access', 'dbw-unstated'],
  ['azure-databricks-without-private-link', 'dbw-open'],
  ['azure-databricks-without-private-link', 'dbw-serverless'],
  ['azure-databricks-without-private-link', 'dbw-unstated'],
  ['azure-defender-ai-services-disabled', 'AI'],
  ['azure-foundry-project-identity-can-write-rag-index', 'proj-agents'],
  ['azure-foundry-project-identity-can-write-rag-index', 'proj-research'],
  ['azure-ml-compute-idle-shutdown-disabled', 'ci-exposed'],
  ['azure-ml-compute-local-auth-enabled', 'ci-exposed'],
  ['azure-ml-compute-local-auth-enabled', 'quantum-01'],
  ['azure-ml-compute-os-image-outdated', 'ci-exposed'],
  ['azure-ml-compute-public-ip-or-ssh', 'ci-exposed'],
  ['azure-ml-datastore-stored-credentials', 'training_blob'],
  ['azure-ml-hub-storage-key-auth', 'hub-open'],
  ['azure-ml-hub-without-app-insights', 'hub-open'],
  ['azure-ml-online-endpoint-key-auth-public', 'ep-public'],
  ['azure-ml-online-endpoint-logging-disabled', 'ep-public'],
  ['azure-ml-workspace-diagnostic-logs-disabled', 'hub-open'],
  ['azure-ml-workspace-diagnostic-logs-disabled', 'proj-open'],
  ['azure-ml-workspace-hbi-storage-public', 'hub-open'],
  ['azure-ml-workspace-managed-network-disabled', 'hub-open'],
  ['azure-ml-workspace-public-network-access', 'hub-open'],
  ['azure-ml-workspace-public-network-access', 'proj-open'],
  ['azure-ml-workspace-without-cmk', 'hub-open'],
  ['azure-policy-ai-local-auth-not-enforced', 'ai-policy-guardrails'],
  ['azure-policy-ai-network-access-not-enforced', 'ai-policy-guardrails'],
  ['azure-search-diagnostic-logs-disabled', 'rag-search-open'],
  ['azure-search-diagnostic-logs-disabled', 'search-firewalled'],
  ['azure-search-diagnostic-logs-disabled', 'search-minimal'],
  ['azure-search-local-auth-enabled', 'rag-search-open'],
  ['azure-search-local-auth-enabled', 'search-firewalled'],
  ['azure-search-local-auth-enabled', 'search-minimal'],
  ['azure-search-public-key-rag-source', 'rag-search-open'],
  ['azure-search-public-network-access-enabled', 'search-firewalled'],
  ['azure-search-public-network-unrestricted', 'rag-search-open'],
  ['azure-search-public-network-unrestricted', 'search-minimal'],
  ['azure-search-replicas-below-index-sla', 'search-firewalled'],
  ['azure-search-replicas-below-query-sla', 'rag-search-open'],
  ['azure-search-replicas-below-query-sla', 'search-minimal'],
  ['azure-search-without-cmk', 'rag-search-open'],
  ['azure-search-without-cmk', 'search-firewalled'],
  ['azure-search-without-cmk', 'search-minimal'],
  ['azure-search-without-managed-identity', 'rag-search-open'],
  ['azure-search-without-managed-identity', 'search-firewalled'],
  ['azure-search-without-managed-identity', 'search-minimal'],
  ['azure-search-without-private-link', 'search-firewalled'],
  ['azure-storage-ai-data-anonymous-access-allowed', 'stmltraining'],
  ['azure-storage-ai-data-shared-key-access', 'stmlhub'],
  ['azure-storage-ai-data-shared-key-access', 'stmltraining'],
  ['azure-storage-ai-data-without-sensitive-data-discovery', 'stmlhub'],
  ['azure-storage-ai-data-without-sensitive-data-discovery', 'stmltraining'],
  ['cross-ai-data-publicly-readable', 'legacy_exports'],
  // (ci-exposed runs as an admin: cross-internet-exposed-workload-admin-identity includes cross-ai-workload-identity-admin)
  ['cross-ai-workload-identity-admin', 'proj-agents'],
  ['cross-internet-exposed-compute-can-write-training-data', 'ci-exposed'],
  ['cross-internet-exposed-workload-admin-identity', 'ci-exposed'],
  ['cross-secret-in-model-configuration', 'ep-public'],
];
const HARDENED = ['oai-hardened', 'chat-guarded', 'embeddings', 'embed-legacy', 'ci-private', 'cluster-private', 'ep-private', 'curated', 'ws-locked', 'ws-allowlisted', 'ci-unstated', 'stmlcurated', 'stmllocked', 'foundry-prod', 'search-entra', 'acme-search', 'foundry-prod-cmk', 'dbw-locked'];

interface JsonFinding {
  ruleId: string;
  message: string;
  resource: { name: string; account: string };
  path?: string[];
  evidence: Record<string, unknown>;
}

describe('aispm scan --provider azure', () => {
  let fake: FakeArm;
  beforeAll(async () => {
    fake = await FakeArm.start(fakeTenant(), { token: TOKEN, deny: DENIALS });
  });
  afterAll(() => fake.close());

  const scan = (...args: string[]) => runCliAsync(['scan', '--provider', 'azure', ...args], { env: cliEnv(fake) });

  it('reports every planted misconfiguration and none on the hardened twins (JSON), with the coverage gaps', async () => {
    const result = await scan('--format', 'json');
    expect(result.stderr).toMatch(SUMMARY_LINE);
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout);
    expect(document.scan.sources).toEqual(['azure']);
    const findings: JsonFinding[] = document.findings;
    expect(findings.map((finding) => [finding.ruleId, finding.resource.name]).sort()).toEqual(PLANTED);
    expect(findings.filter((finding) => HARDENED.includes(finding.resource.name))).toEqual([]);
    expect(findings.filter((finding) => finding.ruleId.startsWith('azure-policy-')).map((finding) => [finding.resource.account, finding.message])).toEqual([
      [SUB_PROD, `None of the 2 policy assignments in force on subscription ${SUB_PROD} enforces disabled key access on its AI services accounts`],
      [SUB_PROD, `None of the 2 policy assignments in force on subscription ${SUB_PROD} enforces network restriction of its AI services accounts`],
    ]);
    const poisoning = findings.find((finding) => finding.ruleId === 'cross-internet-exposed-compute-can-write-training-data')!;
    expect(poisoning.path).toEqual([`${ids.project}/computes/ci-exposed`, ids.uamiCompute, ids.storageTraining]);
    const secret = findings.find((finding) => finding.ruleId === 'cross-secret-in-model-configuration')!;
    expect(secret.evidence['props.secrets']).toEqual([{ location: 'raw.deployments[0].properties.environmentVariables.OPENAI_API_KEY', kind: 'openai-api-key' }]);
    const gaps = document.scan.coverage.filter((entry: { status: string }) => entry.status === 'denied' || entry.status === 'error');
    expect(gaps.map((entry: { service: string }) => entry.service).sort()).toEqual([
      'Microsoft.Authorization',
      'Microsoft.Authorization/policy',
      'Microsoft.CognitiveServices',
      'Microsoft.Databricks',
      'Microsoft.KeyVault',
      'Microsoft.MachineLearningServices',
      'Microsoft.MachineLearningServices',
      'Microsoft.Search',
      'Microsoft.Security/pricings',
      'Microsoft.Storage',
    ]);
  });

  it('gives the same findings in SARIF, with the coverage gaps as notifications', async () => {
    const result = await scan('--format', 'sarif');
    expect(result.code).toBe(1);
    const run = JSON.parse(result.stdout).runs[0];
    const found = run.results.map((result: { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => [
      result.ruleId,
      result.locations[0]!.physicalLocation.artifactLocation.uri.split('/').pop(),
    ]);
    expect(found.sort()).toEqual(PLANTED);
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(10);
  });

  it('never prints the secret planted in a deployment environment', async () => {
    const outputs = await Promise.all(['table', 'json', 'sarif', 'markdown'].map((format) => scan('--format', format)));
    const inventory = await runCliAsync(['inventory', '--provider', 'azure', '--format', 'json'], { env: cliEnv(fake) });
    for (const output of [...outputs, inventory]) expect(output.stdout + output.stderr).not.toContain(PLANTED_SECRET);
  });

  it('exits 3 with --fail-on-gaps when nothing at the --fail-on level was found but part of the tenant was unreadable', async () => {
    const result = await scan('--only', 'azure-ai-deployment-retired-model', '--fail-on', 'critical', '--fail-on-gaps', '--format', 'json');
    expect(result.code).toBe(3);
  });

  it('narrows to --azure-subscription, and the inventory shows the complete role picture', async () => {
    const result = await runCliAsync(['inventory', '--provider', 'azure', '--azure-subscription', SUB_PROD, '--format', 'json'], { env: cliEnv(fake) });
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(new Set(document.assets.map((asset: { account: string }) => asset.account))).toEqual(new Set([SUB_PROD]));
    const reader = document.assets.find((asset: { id: string }) => asset.id === ids.uamiReader);
    expect(reader.props).toMatchObject({ admin: false, roles: ['Reader', 'Storage Blob Data Reader'] });
  });

  it('--shard i/n reads each subscription found in exactly one shard, by the hash of its id', async () => {
    const inventory = (...args: string[]) => runCliAsync(['inventory', '--provider', 'azure', '--format', 'json', ...args], { env: cliEnv(fake) });
    const accounts = (result: { stdout: string }) => [...new Set((JSON.parse(result.stdout) as { assets: Array<{ account: string }> }).assets.map((asset) => asset.account))].sort();
    const [all, first, second] = await Promise.all([inventory(), inventory('--shard', '1/2'), inventory('--shard', '2/2')]);
    const subscriptions = accounts(all).filter((account) => [SUB_PROD, SUB_DEV].includes(account));
    expect(subscriptions).toEqual([SUB_PROD, SUB_DEV].sort());
    expect(accounts(first).filter((account) => subscriptions.includes(account))).toEqual(subscriptions.filter((id) => shardOf(id, 2) === 1));
    expect(accounts(second).filter((account) => subscriptions.includes(account))).toEqual(subscriptions.filter((id) => shardOf(id, 2) === 2));
  });
});

describe('aispm scan --provider azure without usable credentials', () => {
  it('exits 2 when no credential is configured', async () => {
    const home = tempDir();
    // Only the developer-tool credentials (no metadata-service probe), each finding nothing in an empty home.
    const result = await runCliAsync(['scan', '--provider', 'azure'], { env: { HOME: home, AZURE_CONFIG_DIR: home, AZURE_TOKEN_CREDENTIALS: 'dev' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^aispm: error: no usable Azure credentials: .+/m);
  });

  it('exits 2 when Resource Manager rejects the token', async () => {
    const fake = await FakeArm.start(fakeTenant(), { token: TOKEN });
    try {
      const result = await runCliAsync(['scan', '--provider', 'azure'], { env: { ...cliEnv(fake), AISPM_AZURE_TOKEN: 'not-the-token' } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Azure Resource Manager refused the credentials: InvalidAuthenticationToken');
    } finally {
      await fake.close();
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_LINE, runCli, runCliAsync, tempDir, type CliResult } from '../../helpers.js';
import { fakeEstate, ids, PLANTED_SECRETS } from '../../fakes/gcp/estate.js';
import { startFakeGoogle, type FakeGoogle } from '../../fakes/gcp/server.js';
import { fakeGoogleEnv } from './helpers.js';

/**
 * `aispm scan --provider gcp` as a subprocess against the fake: the starter rules find every planted
 * misconfiguration and nothing on the hardened twins, in JSON and in SARIF.
 */

interface JsonFinding {
  ruleId: string;
  resource: { id: string };
}

/**
 * Every finding the fake estate must give, as rule and resource. The Colab Enterprise runtime
 * ds-scratch has outbound internet access, not a public IP, and runs as the Notebook Service Agent
 * (its serviceAccount is deprecated and ignored), so it is no internet-exposed admin workload; the
 * Workbench instance ds-workbench shuts down after the default 180 idle minutes, and its disk
 * encryption is not returned by the API (unknown, not "without CMEK").
 */
const EXPECTED = [
  ['cross-ai-workload-identity-admin', ids.adhocJob],
  ['cross-endpoint-serves-model-trained-on-public-writable-data', ids.publicEndpoint],
  ['cross-internet-exposed-compute-can-write-training-data', ids.openWorkbench],
  ['cross-internet-exposed-workload-admin-identity', ids.openWorkbench],
  // (the exposed Workbench instance runs as an admin: cross-internet-exposed-workload-admin-identity includes cross-ai-workload-identity-admin)
  ['cross-secret-in-model-configuration', ids.adhocJob],
  ['cross-secret-in-model-configuration', ids.modelV1],
  ['cross-secret-in-model-configuration', ids.slackAgent],
  ['gcp-colab-runtime-internet-access', ids.openTemplate],
  ['gcp-colab-runtime-internet-access', ids.openRuntime],
  ['gcp-vertex-agent-engine-default-service-agent', ids.slackAgent],
  ['gcp-vertex-agent-engine-without-cmek', ids.slackAgent],
  ['gcp-vertex-dataset-without-cmek', ids.datasetDrop],
  ['gcp-vertex-endpoint-access-logging-disabled', ids.publicEndpoint],
  ['gcp-vertex-endpoint-public', ids.publicEndpoint],
  ['gcp-vertex-endpoint-public', ids.sandboxEndpoint],
  ['gcp-vertex-endpoint-request-response-logging-disabled', ids.publicEndpoint],
  ['gcp-vertex-endpoint-request-response-logging-disabled', ids.sandboxEndpoint],
  ['gcp-vertex-endpoint-without-cmek', ids.publicEndpoint],
  ['gcp-vertex-endpoint-without-cmek', ids.sandboxEndpoint],
  ['gcp-vertex-endpoint-without-model-monitoring', ids.publicEndpoint],
  ['gcp-vertex-feature-online-store-public', ids.publicStore],
  ['gcp-vertex-feature-online-store-without-cmek', ids.publicStore],
  ['gcp-vertex-index-endpoint-public', ids.publicIndexEndpoint],
  ['gcp-vertex-index-endpoint-without-cmek', ids.publicIndexEndpoint],
  ['gcp-vertex-model-without-cmek', ids.modelV1],
  ['gcp-vertex-notebook-default-service-account', ids.openWorkbench],
  ['gcp-vertex-notebook-idle-shutdown-disabled', ids.openTemplate],
  ['gcp-vertex-notebook-idle-shutdown-disabled', ids.openRuntime],
  ['gcp-vertex-notebook-idle-shutdown-disabled', ids.oddRuntime],
  ['gcp-vertex-notebook-public-ip', ids.openWorkbench],
  ['gcp-vertex-notebook-without-cmek', ids.openTemplate],
  ['gcp-vertex-notebook-without-cmek', ids.openRuntime],
  ['gcp-vertex-notebook-without-cmek', ids.oddRuntime],
  ['gcp-vertex-training-default-service-account', ids.adhocJob],
  ['gcp-vertex-training-default-service-account', ids.pipelineV1],
  ['gcp-vertex-training-web-access-enabled', ids.adhocJob],
  ['gcp-vertex-training-without-cmek', ids.adhocJob],
  ['gcp-vertex-training-without-cmek', ids.pipelineV1],
  ['gcp-vertex-training-without-vpc', ids.adhocJob],
  ['gcp-vertex-training-without-vpc', ids.pipelineV1],
  ['gcp-gemini-api-key-unrestricted', ids.openKey],
  ['gcp-gemini-api-key-unrestricted', ids.anywhereKey],
  ['gcp-model-armor-template-inspect-only', ids.mlFloorSetting],
  ['gcp-model-armor-template-inspect-only', ids.auditTemplate],
  ['gcp-model-armor-weak-filters', ids.auditTemplate],
  ['gcp-model-armor-weak-filters', ids.sandboxFloorSetting],
  ['gcp-vertex-gemini-without-model-armor', ids.sandboxProject],
  ['gcp-vertex-metadata-store-without-cmek', ids.defaultMetadataStore],
  ['gcp-vertex-tensorboard-without-cmek', ids.defaultTensorboard],
  ['gcp-vertex-notebook-file-downloads-enabled', ids.openWorkbench],
  ['gcp-vertex-notebook-root-access', ids.openWorkbench],
  ['gcp-vertex-notebook-shielded-vm-incomplete', ids.openWorkbench],
  ['gcp-vertex-notebook-terminal-enabled', ids.openWorkbench],
  ['gcp-vertex-notebook-auto-upgrade-disabled', ids.openWorkbench],
  // acme-ml's governance: no model allowlist, Workbench public IPs, terminal and downloads not
  // restricted, CMEK required only for Workbench, Vertex AI reads not audited. (acme-sandbox's
  // organization policies and IAM policy cannot be read: unknown, no finding.)
  ['gcp-org-policy-vertex-models-unrestricted', ids.mlProject],
  ['gcp-org-policy-workbench-constraints-not-enforced', ids.mlProject],
  ['gcp-org-policy-vertex-cmek-not-required', ids.mlProject],
  // Every partner-model feature allowed; new default service accounts still get Editor.
  ['gcp-org-policy-partner-model-features-unrestricted', ids.mlProject],
  ['gcp-org-policy-default-service-account-grants', ids.mlProject],
  ['gcp-vertex-data-access-logs-disabled', ids.mlProject],
  // acme-ml is only in a bridge and a dry-run perimeter; acme-sandbox is inside one that restricts Vertex AI.
  ['gcp-vertex-outside-vpc-sc-perimeter', ids.mlProject],
  // RAG Engine and Vector Search: support-kb on RagManagedDb without CMEK, importing from the bucket
  // anyone can write to; partner-kb on Pinecone; similar-tx-v1 without CMEK.
  ['gcp-vertex-rag-corpus-without-cmek', ids.supportCorpus],
  ['gcp-vertex-rag-source-publicly-writable', ids.supportCorpus],
  ['gcp-vertex-rag-corpus-external-vector-db', ids.partnerCorpus],
  ['gcp-vertex-index-without-cmek', ids.txIndex],
  // The agent without its own account runs as the Reasoning Engine Service Agent, which may mint the
  // tokens of the deployer, Owner on the ML folder.
  ['gcp-vertex-agent-engine-can-impersonate-admin', ids.slackAgent],
  // Notebook identities that can write the training bucket support-kb imports from: ds-workbench's
  // default account (Editor), and the analyst account of the otherwise hardened Workbench instances,
  // which may mint the deployer's tokens, and the deployer (Owner above the project) acts as the
  // default account. The Colab runtimes run as the Notebook Service Agent, which holds no grant.
  ['gcp-vertex-notebook-can-poison-rag-data', ids.openWorkbench],
  ['gcp-vertex-notebook-can-poison-rag-data', ids.lockedWorkbench],
  ['gcp-vertex-notebook-can-poison-rag-data', ids.euWorkbench],
].map(([rule, resource]) => `${rule} ${resource}`).sort();

const HARDENED_TWINS = [
  ...[ids.privateEndpoint, ids.peeredEndpoint, ids.modelV2, ids.datasetTraining, ids.pipelineV2, ids.lockedRuntime, ids.lockedTemplate, ids.nightlyJob, ids.opsAgent, ids.privateStore, ids.privateIndexEndpoint, ids.lockedWorkbench, ids.euWorkbench],
  ...[ids.webKey, ids.mapsKey, ids.strictTemplate, ids.folderFloorSetting, ids.lockedTensorboard, ids.lockedMetadataStore],
  ...[ids.policiesCorpus, ids.txIndexV2, ids.privateIndexEndpoint],
];

/** Twins hardened in every setting, whose account's impersonation chain reaches a RAG source bucket (see EXPECTED): that path is their only finding. */
const IMPERSONATION_PATH_ONLY: Record<string, string> = { [ids.lockedWorkbench]: 'gcp-vertex-notebook-can-poison-rag-data', [ids.euWorkbench]: 'gcp-vertex-notebook-can-poison-rag-data' };

/**
 * acme-ml is the hardened side for Model Armor (a template blocks), service account keys, domain-restricted
 * sharing and grounding (its sources limited to an allow list); acme-sandbox for VPC Service Controls.
 */
const HARDENED_PROJECT_RULES = [
  'gcp-vertex-gemini-without-model-armor',
  'gcp-org-policy-service-account-keys-allowed',
  'gcp-org-policy-member-domains-unrestricted',
  'gcp-org-policy-google-search-grounding-unrestricted',
];

let fake: FakeGoogle;
let env: Record<string, string>;
let scan: CliResult;
let snapshot: string;

beforeAll(async () => {
  fake = await startFakeGoogle(fakeEstate());
  env = fakeGoogleEnv(fake);
  snapshot = join(tempDir(), 'gcp-snapshot.json');
  scan = await runCliAsync(['scan', '--provider', 'gcp', '--gcp-project', 'acme-ml', '--gcp-project', 'acme-sandbox', '--format', 'json', '--save-snapshot', snapshot], { env });
});

afterAll(async () => {
  await fake.close();
});

describe('aispm scan --provider gcp', () => {
  it('reports every planted misconfiguration and nothing on the hardened twins', () => {
    expect(scan.stderr).toMatch(SUMMARY_LINE);
    expect(scan.code).toBe(1);
    const document = JSON.parse(scan.stdout) as { scan: { sources: string[] }; findings: JsonFinding[] };
    expect(document.scan.sources).toEqual(['gcp']);
    expect(document.findings.map((finding) => `${finding.ruleId} ${finding.resource.id}`).sort()).toEqual(EXPECTED);
    for (const twin of HARDENED_TWINS) expect(document.findings.filter((finding) => finding.resource.id === twin && finding.ruleId !== IMPERSONATION_PATH_ONLY[twin])).toEqual([]);
    expect(document.findings.filter((finding) => finding.resource.id === ids.mlProject && HARDENED_PROJECT_RULES.includes(finding.ruleId))).toEqual([]);
    expect(document.findings.filter((finding) => finding.resource.id === ids.sandboxProject && finding.ruleId === 'gcp-vertex-outside-vpc-sc-perimeter')).toEqual([]);
  });

  it('lists the location that answered 403 and the unreadable IAM policy and bucket as coverage gaps', () => {
    const { scan: result } = JSON.parse(scan.stdout) as { scan: { coverage: Array<{ account: string; region: string; service: string; status: string }> } };
    const gaps = result.coverage.filter((entry) => entry.status === 'denied' || entry.status === 'error').map((entry) => `${entry.account}/${entry.region}/${entry.service}`);
    // The organization's Model Armor floor setting cannot be read either, nor acme-sandbox's organization policies.
    expect(gaps.sort()).toEqual(['acme-ml/europe-west4/aiplatform', 'acme-ml/global/storage', 'acme-sandbox/global/iam', 'acme-sandbox/global/orgpolicy', 'organizations/123456789012/global/modelarmor']);
  });

  it('gives the same findings in SARIF', () => {
    const sarif = runCli(['scan', '--snapshot', snapshot, '--format', 'sarif']);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout) as Log;
    const results = log.runs[0]!.results ?? [];
    expect(results.map((result) => `${result.ruleId} ${result.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName}`).sort()).toEqual(EXPECTED);
  });

  it('never prints a planted secret, in any output or the saved snapshot', () => {
    const outputs = [scan.stdout, readFileSync(snapshot, 'utf8'), runCli(['scan', '--snapshot', snapshot, '--format', 'sarif']).stdout, runCli(['inventory', '--snapshot', snapshot, '--format', 'json']).stdout];
    for (const output of outputs) for (const secret of PLANTED_SECRETS) expect(output).not.toContain(secret);
  });

  it('exits 2 with a clear message when no Google credentials are found', () => {
    const result = runCli(['scan', '--provider', 'gcp', '--gcp-project', 'acme-ml'], { env: { ...env, AISPM_GCP_TOKEN: '' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no usable Google Cloud credentials/);
    expect(result.stdout).toBe('');
  });

  it('exits 2 when AISPM_GCP_ENDPOINT is not a base URL', () => {
    const result = runCli(['scan', '--provider', 'gcp', '--gcp-project', 'acme-ml'], { env: { ...env, AISPM_GCP_ENDPOINT: '127.0.0.1:8080/v1' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('AISPM_GCP_ENDPOINT: "127.0.0.1:8080/v1" is not a base URL');
  });
});

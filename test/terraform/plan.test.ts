import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers.js';
import { validateSarif } from '../report/sarif-validate.js';

const FIXTURE = join('fixtures', 'terraform', 'aws');
const PLAN = join(FIXTURE, 'plan.json');

interface JsonFinding {
  ruleId: string;
  resource: { id: string; name: string; terraform?: { address: string; file?: string; line?: number } };
}

function scanJson(args: string[], cwd = ROOT): { code: number | null; findings: JsonFinding[]; document: unknown; stderr: string } {
  const result = runCli(['scan', ...args, '--format', 'json'], { cwd });
  const document = JSON.parse(result.stdout);
  return { code: result.code, findings: document.findings, document, stderr: result.stderr };
}

/** The rule ids found on each asset, by name. */
function rulesByName(findings: JsonFinding[]): Record<string, string[]> {
  const byName: Record<string, string[]> = {};
  for (const finding of findings) (byName[finding.resource.name] ??= []).push(finding.ruleId);
  for (const name of Object.keys(byName)) byName[name]!.sort();
  return byName;
}

/** The 1-based line of a text in a file of the fixture. */
function lineOf(file: string, text: string): number {
  return readFileSync(join(ROOT, file), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
}

describe('scan --terraform-plan', () => {
  it('judges the planned resources with the built-in rules, and the hardened twin passes', () => {
    const { code, findings } = scanJson(['--terraform-plan', PLAN]);
    expect(code).toBe(1);
    const byName = rulesByName(findings);
    expect(byName['research-nb']).toEqual([
      'aws-sagemaker-notebook-direct-internet-access',
      'aws-sagemaker-notebook-imdsv1-allowed',
      'aws-sagemaker-notebook-platform-end-of-life',
      'aws-sagemaker-notebook-root-access',
      'aws-sagemaker-notebook-without-cmk',
      'cross-ai-workload-identity-admin',
      'cross-internet-egress-compute-can-write-training-data',
    ]);
    // Its key is a key of the plan (its ARN known only after apply), its role reads one bucket: nothing to report.
    expect(byName['fraud-features-nb']).toBeUndefined();
    // The module's notebook leaves platform and metadata service settings to the provider: known only
    // after apply, so neither the end-of-life nor the IMDSv1 rule decides on it.
    expect(byName['scratch-nb']).toEqual(['aws-sagemaker-notebook-direct-internet-access', 'aws-sagemaker-notebook-root-access', 'aws-sagemaker-notebook-without-cmk']);
  });

  it('gives the same rule ids as a scan of the cloud for the same misconfiguration (the demo\'s research notebook is this one, deployed)', () => {
    const planned = rulesByName(scanJson(['--terraform-plan', PLAN]).findings)['research-nb']!;
    const deployed = rulesByName(scanJson(['--demo']).findings)['research-nb']!;
    const notebookRules = (ids: string[]) => ids.filter((id) => id.startsWith('aws-sagemaker-notebook-'));
    expect(notebookRules(planned)).toEqual(notebookRules(deployed).filter((id) => id !== 'aws-sagemaker-notebook-lifecycle-config-insecure'));
  });

  it.each([
    // The plan knows no diagnostic setting (a separate resource), so the logging rule stays undecided.
    ['azure', 'acme-openai-public', 'acme-openai-private', ['azure-ai-account-diagnostic-logs-disabled']],
    // The plan leaves the instance's service account to the provider (known after apply): the default-account rule stays undecided.
    ['gcp', 'ranker-workbench', 'locked-workbench', ['gcp-vertex-notebook-default-service-account']],
  ])('%s: the same misconfiguration gives the same rule ids as the demo\'s deployed twin, and the hardened one passes', (provider, exposed, hardened, undecided) => {
    const planned = rulesByName(scanJson(['--terraform-plan', join('fixtures', 'terraform', provider, 'plan.json')]).findings);
    const deployed = rulesByName(scanJson(['--demo']).findings)[exposed]!.filter((id) => !id.startsWith('cross-') && !id.includes('-can-') && !undecided.includes(id));
    expect(planned[exposed]).toEqual(deployed);
    expect(planned[hardened]).toBeUndefined();
  });

  it('points each finding at its resource block: the address in JSON, the file and line in SARIF', () => {
    const { findings, document } = scanJson(['--terraform-plan', PLAN, '--terraform-dir', FIXTURE]);
    const ajv = new Ajv2020.default({ allErrors: true, strict: true });
    addFormats.default(ajv);
    expect(ajv.validate(JSON.parse(readFileSync(join(ROOT, 'schema', 'aispm-result.schema.json'), 'utf8')), document), JSON.stringify(ajv.errors)).toBe(true);
    const scratch = findings.find((finding) => finding.resource.name === 'scratch-nb')!;
    const moduleFile = join(FIXTURE, 'modules', 'notebook', 'main.tf');
    expect(scratch.resource.terraform).toEqual({ address: 'module.scratch.aws_sagemaker_notebook_instance.this', file: moduleFile, line: lineOf(moduleFile, 'resource "aws_sagemaker_notebook_instance" "this"') });

    // GitHub code scanning takes it: the multitool's GitHub rules find nothing, with repository paths as locations.
    const dir = tempDir();
    const file = join(dir, 'plan.sarif');
    expect(runCli(['scan', '--terraform-plan', PLAN, '--terraform-dir', FIXTURE, '--format', 'sarif', '--output', file]).code).toBe(1);
    expect(validateSarif(file, dir)).toEqual([]);
    const sarif = JSON.parse(readFileSync(file, 'utf8'));
    const result = sarif.runs[0].results.find((candidate: { ruleId: string }) => candidate.ruleId === 'aws-sagemaker-notebook-imdsv1-allowed');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: `${FIXTURE}/main.tf` },
      region: { startLine: lineOf(join(FIXTURE, 'main.tf'), 'resource "aws_sagemaker_notebook_instance" "research"') },
    });
  });

  it('keeps no value the provider marks sensitive, in any format or snapshot', () => {
    const plan = JSON.parse(readFileSync(join(ROOT, PLAN), 'utf8'));
    const notebook = plan.planned_values.root_module.resources.find((resource: { address: string }) => resource.address === 'aws_sagemaker_notebook_instance.research');
    notebook.values.default_code_repository = 'marked-sensitive-by-the-provider-5f2a';
    notebook.sensitive_values.default_code_repository = true;
    const dir = tempDir({ 'plan.json': JSON.stringify(plan) });
    const snapshot = join(dir, 'snapshot.json');
    const result = runCli(['scan', '--terraform-plan', join(dir, 'plan.json'), '--format', 'json', '--save-snapshot', snapshot]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('marked-sensitive-by-the-provider');
    expect(readFileSync(snapshot, 'utf8')).not.toContain('marked-sensitive-by-the-provider');
    // The snapshot keeps the addresses and evaluates to the same findings.
    expect(rulesByName(scanJson(['--snapshot', snapshot]).findings)).toEqual(rulesByName(scanJson(['--terraform-plan', PLAN]).findings));
  });

  it('refuses a plan it cannot read, naming the file, line and field, without a stack trace', () => {
    const dir = tempDir({
      'not-a-plan.json': '{\n  "format_version": "1.2",\n  "planned_values": { "root_module": { "resources": [ { "address": 7 } ] } }\n}\n',
      'future.json': '{\n  "format_version": "2.0",\n  "planned_values": { "root_module": {} }\n}\n',
    });
    const broken = runCli(['scan', '--terraform-plan', join(dir, 'not-a-plan.json')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`${join(dir, 'not-a-plan.json')}:3`);
    expect(broken.stderr).toContain('planned_values.root_module.resources[0].address');
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    const future = runCli(['scan', '--terraform-plan', join(dir, 'future.json')]);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('plan format 2.0 is not supported');
    expect(runCli(['scan', '--terraform-plan', PLAN, '--demo']).stderr).toContain('--demo and --terraform-plan cannot be combined');
    const dirAlone = runCli(['scan', '--terraform-dir', FIXTURE]);
    expect(dirAlone.code).toBe(2);
    expect(dirAlone.stderr).toContain('--terraform-dir: needs --terraform-plan');
  });

  it('keeps a relation to something outside the plan unknown: a role named by a literal ARN is neither followed nor assumed absent', () => {
    const plan = JSON.parse(readFileSync(join(ROOT, PLAN), 'utf8'));
    const outside = 'arn:aws:iam::111122223333:role/MadeElsewhere';
    plan.planned_values.root_module.resources.find((resource: { address: string }) => resource.address === 'aws_sagemaker_notebook_instance.research').values.role_arn = outside;
    plan.configuration.root_module.resources.find((resource: { address: string }) => resource.address === 'aws_sagemaker_notebook_instance.research').expressions.role_arn = { constant_value: outside };
    const dir = tempDir({ 'plan.json': JSON.stringify(plan) });
    const result = runCli(['scan', '--terraform-plan', join(dir, 'plan.json'), '--format', 'json']);
    expect(result.stderr).not.toContain('point to assets that were not collected');
    const rules = rulesByName(JSON.parse(result.stdout).findings)['research-nb']!;
    expect(rules).not.toContain('cross-ai-workload-identity-admin');
    expect(rules).toContain('aws-sagemaker-notebook-direct-internet-access');
    const inventory = JSON.parse(runCli(['inventory', '--terraform-plan', join(dir, 'plan.json'), '--format', 'json']).stdout);
    expect(JSON.stringify(inventory.assets.find((asset: { name: string }) => asset.name === 'research-nb'))).not.toContain('MadeElsewhere');
  });

  it('takes suppressions that name a Terraform address, as a pull request would accept a risk', () => {
    const dir = tempDir({ '.aispmignore.yaml': 'ignore:\n  - resource: module.scratch.*\n    reason: Scratch notebooks are torn down nightly (SEC-7)\n' });
    const result = runCli(['scan', '--terraform-plan', join(ROOT, PLAN), '--format', 'json'], { cwd: dir });
    const findings: Array<JsonFinding & { status: string }> = JSON.parse(result.stdout).findings;
    const scratch = findings.filter((finding) => finding.resource.name === 'scratch-nb');
    expect(scratch.map((finding) => finding.status)).toEqual(['suppressed', 'suppressed', 'suppressed']);
    expect(findings.filter((finding) => finding.resource.name === 'research-nb').every((finding) => finding.status === 'new')).toBe(true);
  });

  it('lists the planned assets in the inventory with their addresses', () => {
    const document = JSON.parse(runCli(['inventory', '--terraform-plan', PLAN, '--format', 'json']).stdout);
    expect(document.summary.assets).toBe(18);
    const role = document.assets.find((asset: { name: string }) => asset.name === 'sagemaker-research');
    expect(role.props.admin).toBe(true);
    const features = document.assets.find((asset: { name: string }) => asset.name === 'sagemaker-features');
    expect(features.props.admin).toBe(false);
  });
});

describe('scan --terraform-plan: Bedrock and SageMaker hosting', () => {
  it('judges agents, guardrails, models, endpoints and Studio domains with the built-in rules; the guarded twins pass', () => {
    const byName = rulesByName(scanJson(['--terraform-plan', PLAN]).findings);
    // An administrator role and no guardrail: the agent's attack path is found before it exists.
    expect(byName['ops-automation-agent']).toEqual(['aws-bedrock-agent-without-cmk', 'aws-bedrock-agent-without-guardrail', 'cross-ai-workload-identity-admin']);
    expect(byName['legacy-chat-guardrail:DRAFT']).toEqual([
      'aws-bedrock-guardrail-classic-tier',
      'aws-bedrock-guardrail-contextual-grounding-disabled',
      'aws-bedrock-guardrail-harmful-content-filters-missing',
      'aws-bedrock-guardrail-prompt-attack-filter-missing',
      'aws-bedrock-guardrail-sensitive-information-filter-missing',
      'aws-bedrock-guardrail-without-cmk',
      'aws-bedrock-guardrail-word-filter-missing',
    ]);
    // Its PROMPT_ATTACK filter blocks and its key is a key of the plan.
    expect(byName['support-bot-guardrail:DRAFT']).not.toContain('aws-bedrock-guardrail-prompt-attack-filter-missing');
    expect(byName['support-bot-guardrail:DRAFT']).not.toContain('aws-bedrock-guardrail-without-cmk');
    expect(byName['customer-support-agent']).toBeUndefined();
    expect(byName['support-kb']).toBeUndefined();
    expect(byName['research-studio']).toEqual(['aws-sagemaker-domain-public-internet-access', 'aws-sagemaker-domain-sso-not-configured', 'aws-sagemaker-domain-without-cmk']);
    expect(byName['churn-predictor-config']).toEqual(['aws-sagemaker-endpoint-config-without-cmk']);
  });

  it('gives the rule ids the demo gives their deployed twins, except where the plan lacks the resource that decides', () => {
    const planned = scanJson(['--terraform-plan', PLAN]).findings;
    const deployed = scanJson(['--demo']).findings;
    const ids = (findings: JsonFinding[], type: string, name: string) =>
      findings.filter((finding) => finding.resource.name === name && (finding.resource as { type?: string }).type === type).map((finding) => finding.ruleId).sort();
    // Action groups are not read from a plan (the demo's agent has a tool without confirmation).
    expect(ids(planned, 'aws.bedrock.agent', 'ops-automation-agent')).toEqual(expect.arrayContaining(ids(deployed, 'aws.bedrock.agent', 'ops-automation-agent').filter((id) => id !== 'cross-agent-tools-without-guardrail')));
    // The demo's guardrail leaves tier and word filters unread; the plan knows them.
    expect(ids(planned, 'aws.bedrock.guardrail', 'legacy-chat-guardrail:DRAFT')).toEqual(expect.arrayContaining(ids(deployed, 'aws.bedrock.guardrail', 'legacy-chat-guardrail')));
    // Monitoring schedules are not read from a plan: the monitoring rule stays undecided.
    expect(ids(planned, 'aws.sagemaker.endpoint', 'churn-predictor')).toEqual(ids(deployed, 'aws.sagemaker.endpoint', 'churn-predictor').filter((id) => id !== 'aws-sagemaker-endpoint-without-model-monitoring'));
    expect(ids(planned, 'aws.sagemaker.endpoint-config', 'churn-predictor-config')).toEqual(ids(deployed, 'aws.sagemaker.endpoint-config', 'churn-predictor-config'));
    // The demo's model also carries credentials in its environment; the planned one does not.
    expect(ids(planned, 'aws.sagemaker.model', 'churn-predictor')).toEqual(ids(deployed, 'aws.sagemaker.model', 'churn-predictor').filter((id) => id !== 'cross-secret-in-model-configuration'));
  });

  it('draws the relations a live scan draws: guardrail, role, key, configuration, deployed model and artifact bucket', () => {
    const dir = tempDir();
    const snapshot = join(dir, 'snapshot.json');
    runCli(['scan', '--terraform-plan', PLAN, '--save-snapshot', snapshot, '--format', 'json']);
    const edges: Array<{ from: string; type: string; to: string }> = JSON.parse(readFileSync(snapshot, 'utf8')).edges;
    const named = edges.map((edge) => `${edge.from.replace('terraform:', '')} ${edge.type} ${edge.to.replace('terraform:', '')}`);
    expect(named).toEqual(
      expect.arrayContaining([
        'aws_bedrockagent_agent.support guarded-by aws_bedrock_guardrail.support',
        'aws_bedrockagent_agent.support uses-identity aws_iam_role.support_agent',
        'aws_bedrockagent_agent.support encrypted-by aws_kms_key.ml',
        'aws_bedrockagent_knowledge_base.support uses-identity aws_iam_role.support_agent',
        'aws_sagemaker_endpoint.churn configured-by aws_sagemaker_endpoint_configuration.churn',
        'aws_sagemaker_endpoint.churn deploys aws_sagemaker_model.churn',
        'aws_sagemaker_model.churn artifacts-in arn:aws:s3:::acme-fraud-training',
        'aws_sagemaker_domain.studio uses-identity aws_iam_role.research',
      ]),
    );
  });

  it('keeps what is known only after apply, or named outside the plan, unknown: a guardrail action, a guardrail made elsewhere', () => {
    const plan = JSON.parse(readFileSync(join(ROOT, PLAN), 'utf8'));
    const values = (address: string) => plan.planned_values.root_module.resources.find((resource: { address: string }) => resource.address === address).values;
    const change = (address: string) => plan.resource_changes.find((resource: { address: string }) => resource.address === address).change;
    // The support guardrail's PROMPT_ATTACK action left to the provider: known only after apply.
    delete values('aws_bedrock_guardrail.support').content_policy_config[0].filters_config[0].input_action;
    change('aws_bedrock_guardrail.support').after_unknown.content_policy_config[0].filters_config[0].input_action = true;
    // The ops agent names a guardrail by a literal id: one made outside this plan.
    values('aws_bedrockagent_agent.ops').guardrail_configuration = [{ guardrail_identifier: 'gr0outside1', guardrail_version: '1' }];
    const dir = tempDir({ 'plan.json': JSON.stringify(plan) });
    const byName = rulesByName(scanJson(['--terraform-plan', join(dir, 'plan.json')]).findings);
    expect(byName['support-bot-guardrail:DRAFT']).not.toContain('aws-bedrock-guardrail-prompt-attack-filter-missing');
    const inventory = JSON.parse(runCli(['inventory', '--terraform-plan', join(dir, 'plan.json'), '--format', 'json']).stdout);
    expect(inventory.assets.find((asset: { name: string }) => asset.name === 'support-bot-guardrail:DRAFT').props.promptAttackBlocking).toBeUndefined();
    expect(byName['ops-automation-agent']).not.toContain('aws-bedrock-agent-without-guardrail');
    expect(byName['ops-automation-agent']).toContain('cross-ai-workload-identity-admin');
  });
});

describe('scan --terraform-plan: guardrail denied topics', () => {
  it('matches phrases in a denied topic\'s definition as well as its name', () => {
    const plan = JSON.parse(readFileSync(join(ROOT, PLAN), 'utf8'));
    const values = (address: string) => plan.planned_values.root_module.resources.find((resource: { address: string }) => resource.address === address).values;
    values('aws_bedrock_guardrail.support').topic_policy_config = [
      { topics_config: [{ name: 'confidential', definition: 'Requests to reveal or summarise the system prompt.', type: 'DENY', examples: [] }], tier_config: [] },
    ];
    const dir = tempDir({ 'plan.json': JSON.stringify(plan) });
    const byName = rulesByName(scanJson(['--terraform-plan', join(dir, 'plan.json')]).findings);
    expect(byName['support-bot-guardrail:DRAFT']).not.toContain('aws-bedrock-guardrail-system-prompt-disclosure-not-denied');
    expect(byName['support-bot-guardrail:DRAFT']).not.toContain('aws-bedrock-guardrail-in-use-denies-no-topic');
    const before = rulesByName(scanJson(['--terraform-plan', PLAN]).findings);
    expect(before['support-bot-guardrail:DRAFT']).toContain('aws-bedrock-guardrail-system-prompt-disclosure-not-denied');
  });
});

describe('scan --terraform-plan: Azure AI Services, deployments, ML workspaces, storage and search', () => {
  const AZURE_PLAN = join('fixtures', 'terraform', 'azure', 'plan.json');

  it('judges an AI Services account as the live collector would, by the same rules as an OpenAI account', () => {
    const byName = rulesByName(scanJson(['--terraform-plan', AZURE_PLAN]).findings);
    // azurerm_ai_services names its arguments differently (public_network_access, local_authentication_enabled); the same defaults give the same findings.
    expect(byName['acme-foundry']).toEqual(byName['acme-openai-public']);
    expect(byName['acme-foundry']).toContain('azure-ai-account-local-auth-enabled');
    expect(byName['acme-ml']).toEqual(['azure-ml-workspace-public-network-access', 'azure-ml-workspace-without-cmk']);
    expect(byName['acme-rag-search']).toEqual([
      'azure-search-local-auth-enabled',
      'azure-search-public-network-unrestricted',
      'azure-search-replicas-below-query-sla',
      'azure-search-without-cmk',
      'azure-search-without-managed-identity',
    ]);
    // The workspace keeps its artifacts there: AI data, reachable with shared keys.
    expect(byName['acmemlartifacts']).toEqual(['azure-storage-ai-data-shared-key-access']);
  });

  it('reads a deployment\'s model and account, and leaves the content filter Azure picks unknown', () => {
    const dir = tempDir();
    const snapshot = join(dir, 'snapshot.json');
    runCli(['scan', '--terraform-plan', AZURE_PLAN, '--save-snapshot', snapshot, '--format', 'json']);
    const saved = JSON.parse(readFileSync(snapshot, 'utf8'));
    const deployment = saved.assets.find((asset: { name: string }) => asset.name === 'gpt-4o');
    expect(deployment.props).toMatchObject({ modelFormat: 'OpenAI', modelId: 'gpt-4o', modelVersion: '2024-08-06', skuName: 'GlobalStandard', capacity: 50 });
    expect(deployment.props).not.toHaveProperty('raiPolicyName');
    const edges = saved.edges.map((edge: { from: string; type: string; to: string }) => `${edge.from} ${edge.type} ${edge.to}`);
    expect(edges).toContain('terraform:azurerm_cognitive_deployment.gpt4o part-of terraform:azurerm_cognitive_account.public');
    expect(edges).toContain('terraform:azurerm_machine_learning_workspace.ml artifacts-in terraform:azurerm_storage_account.ml');
    const storage = saved.assets.find((asset: { name: string }) => asset.name === 'acmemlartifacts');
    expect(storage.props).toMatchObject({ sensitiveData: true, publicContainers: ['exports'], publicRead: true, sharedKeyAccess: true });
  });
});

describe('scan --terraform-plan: Google Cloud service accounts, IAM grants, buckets, keys, endpoints and datasets', () => {
  const GCP_PLAN = join('fixtures', 'terraform', 'gcp', 'plan.json');

  it('finds the attack path of a public Workbench instance whose service account the same plan makes an Editor', () => {
    const byName = rulesByName(scanJson(['--terraform-plan', GCP_PLAN]).findings);
    const deployed = rulesByName(scanJson(['--demo']).findings);
    expect(byName['feature-eng-workbench']).toEqual(deployed['feature-eng-workbench']);
    expect(byName['feature-eng-workbench']).toContain('cross-internet-exposed-workload-admin-identity');
    // Models are deployed to an endpoint outside its resource: access logging and monitoring stay undecided.
    expect(byName['recommendations-public']).toEqual(
      deployed['recommendations-public']!.filter((id) => id !== 'gcp-vertex-endpoint-access-logging-disabled' && id !== 'gcp-vertex-endpoint-without-model-monitoring'),
    );
    expect(byName['recs-clicks']).toBeUndefined();
  });

  it('draws identity and data edges from the IAM grants, and public access from the bucket\'s IAM', () => {
    const dir = tempDir();
    const snapshot = join(dir, 'snapshot.json');
    runCli(['scan', '--terraform-plan', GCP_PLAN, '--save-snapshot', snapshot, '--format', 'json']);
    const saved = JSON.parse(readFileSync(snapshot, 'utf8'));
    const account = 'projects/acme-vertex-prod/serviceAccounts/feature-eng@acme-vertex-prod.iam.gserviceaccount.com';
    const edges = saved.edges.map((edge: { from: string; type: string; to: string }) => `${edge.from} ${edge.type} ${edge.to}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        `projects/acme-vertex-prod/locations/us-central1-b/instances/feature-eng-workbench uses-identity ${account}`,
        `${account} writes-data projects/_/buckets/acme-recs-training`,
        'terraform:google_vertex_ai_dataset.clicks encrypted-by projects/acme-vertex-prod/locations/us-central1/keyRings/vertex/cryptoKeys/vertex-cmek',
      ]),
    );
    const asset = (id: string) => saved.assets.find((candidate: { id: string }) => candidate.id === id);
    expect(asset(account).props).toMatchObject({ email: 'feature-eng@acme-vertex-prod.iam.gserviceaccount.com', admin: true });
    // Grants made outside the plan are not read: what else it reaches stays unknown.
    expect(asset(account).unreadEdges).toEqual(expect.arrayContaining([{ edge: 'writes-data', direction: 'out' }]));
    expect(asset('projects/_/buckets/acme-recs-training').props).toMatchObject({ publicRead: true, uniformBucketLevelAccess: true });
    expect(asset('projects/_/buckets/acme-recs-training').props).not.toHaveProperty('publicWrite');
    expect(asset('projects/acme-vertex-prod/locations/us-central1/keyRings/vertex/cryptoKeys/vertex-cmek').props).toEqual(expect.objectContaining({ rotationPeriodSeconds: 7776000 }));
    // The locked instance names an account made elsewhere: its identity is not followed, nor assumed absent.
    expect(asset('projects/acme-vertex-prod/locations/us-central1-a/instances/locked-workbench').unreadEdges).toEqual([{ edge: 'uses-identity', direction: 'out' }]);
  });

  it('does not call a service account an administrator, or not one, from a plan that grants it nothing', () => {
    const plan = JSON.parse(readFileSync(join(ROOT, GCP_PLAN), 'utf8'));
    plan.planned_values.root_module.resources = plan.planned_values.root_module.resources.filter((resource: { address: string }) => resource.address !== 'google_project_iam_member.feature_eng_editor');
    const dir = tempDir({ 'plan.json': JSON.stringify(plan) });
    const byName = rulesByName(scanJson(['--terraform-plan', join(dir, 'plan.json')]).findings);
    expect(byName['feature-eng-workbench']).toEqual(['gcp-vertex-notebook-public-ip']);
    const inventory = JSON.parse(runCli(['inventory', '--terraform-plan', join(dir, 'plan.json'), '--format', 'json']).stdout);
    expect(inventory.assets.find((asset: { name: string }) => asset.name === 'feature-eng@acme-vertex-prod.iam.gserviceaccount.com').props).not.toHaveProperty('admin');
  });
});

describe('scan --terraform-plan: module boundaries and the prior state', () => {
  function snapshotOf(plan: unknown): { edges: Array<{ from: string; type: string; to: string }>; assets: Array<{ id: string; name: string; unreadEdges?: unknown }> } {
    const dir = tempDir({ 'plan.json': JSON.stringify(plan) });
    const snapshot = join(dir, 'snapshot.json');
    runCli(['scan', '--terraform-plan', join(dir, 'plan.json'), '--save-snapshot', snapshot, '--format', 'json']);
    return JSON.parse(readFileSync(snapshot, 'utf8'));
  }
  const readPlan = () => JSON.parse(readFileSync(join(ROOT, PLAN), 'utf8'));

  it('follows a module variable to what the module call passes: the module\'s notebook uses the role of the root module', () => {
    const saved = snapshotOf(readPlan());
    expect(saved.edges).toContainEqual({ from: 'terraform:module.scratch.aws_sagemaker_notebook_instance.this', type: 'uses-identity', to: 'terraform:aws_iam_role.features' });
    expect(saved.assets.find((asset) => asset.name === 'scratch-nb')!.unreadEdges).toBeUndefined();
  });

  it('follows a child module\'s output to what its expression refers to', () => {
    const plan = readPlan();
    const scratch = plan.configuration.root_module.module_calls.scratch;
    scratch.module.outputs = { notebook_role: { expression: { references: ['var.role_arn'] } } };
    const research = plan.configuration.root_module.resources.find((resource: { address: string }) => resource.address === 'aws_sagemaker_notebook_instance.research');
    research.expressions.role_arn = { references: ['module.scratch.notebook_role', 'module.scratch'] };
    const saved = snapshotOf(plan);
    expect(saved.edges).toContainEqual({ from: 'terraform:aws_sagemaker_notebook_instance.research', type: 'uses-identity', to: 'terraform:aws_iam_role.features' });
    expect(saved.edges).not.toContainEqual({ from: 'terraform:aws_sagemaker_notebook_instance.research', type: 'uses-identity', to: 'terraform:aws_iam_role.research' });
  });

  it('keeps what exists and the plan leaves out of planned_values (the prior state), and drops what it destroys', () => {
    const plan = readPlan();
    const resources: Array<{ address: string; values: Record<string, unknown> }> = plan.planned_values.root_module.resources;
    // A targeted plan: the research role and its admin attachment exist already and are not in planned_values.
    const existing = resources.filter((resource) => resource.address === 'aws_iam_role.research' || resource.address === 'aws_iam_role_policy_attachment.research_admin');
    existing[0]!.values = { ...existing[0]!.values, arn: 'arn:aws:iam::111122223333:role/sagemaker-research' };
    plan.planned_values.root_module.resources = resources.filter((resource) => !existing.includes(resource));
    plan.resource_changes = plan.resource_changes.filter((change: { address: string }) => !existing.some((resource) => resource.address === change.address));
    // The fraud-features notebook is being destroyed: in the prior state, with a delete change.
    const features = resources.find((resource) => resource.address === 'aws_sagemaker_notebook_instance.features')!;
    plan.prior_state = { format_version: '1.0', values: { root_module: { resources: [...existing, features] } } };
    plan.planned_values.root_module.resources = plan.planned_values.root_module.resources.filter((resource: { address: string }) => resource !== features);
    plan.resource_changes.find((change: { address: string }) => change.address === features.address).change.actions = ['delete'];
    const saved = snapshotOf(plan);
    expect(saved.assets.map((asset) => asset.name)).toContain('sagemaker-research');
    expect(saved.assets.map((asset) => asset.name)).not.toContain('fraud-features-nb');
    const dir = tempDir({ 'plan.json': JSON.stringify(plan) });
    const byName = rulesByName(scanJson(['--terraform-plan', join(dir, 'plan.json')]).findings);
    // The existing role is an administrator still: the notebook's attack path is found.
    expect(byName['research-nb']).toContain('cross-ai-workload-identity-admin');
  });
});

describe('scan --terraform-plan: every provider\'s plan gives a valid result document and a SARIF log GitHub takes', () => {
  it.each(['azure', 'gcp'])('%s', (provider) => {
    const fixture = join('fixtures', 'terraform', provider);
    const { document, findings } = scanJson(['--terraform-plan', join(fixture, 'plan.json'), '--terraform-dir', fixture]);
    const ajv = new Ajv2020.default({ allErrors: true, strict: true });
    addFormats.default(ajv);
    expect(ajv.validate(JSON.parse(readFileSync(join(ROOT, 'schema', 'aispm-result.schema.json'), 'utf8')), document), JSON.stringify(ajv.errors)).toBe(true);
    expect(findings.every((finding) => finding.resource.terraform?.file === `${fixture}/main.tf`)).toBe(true);
    // The multitool takes half a minute a log; the AWS plan's log is validated above, the SARIF writer is the same.
    if (provider !== 'gcp') return;
    const dir = tempDir();
    const file = join(dir, 'plan.sarif');
    runCli(['scan', '--terraform-plan', join(fixture, 'plan.json'), '--terraform-dir', fixture, '--format', 'sarif', '--output', file]);
    expect(validateSarif(file, dir)).toEqual([]);
  });
});

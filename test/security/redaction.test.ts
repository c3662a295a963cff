import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThreeClouds, type ThreeClouds } from '../faults/three-clouds.js';
import { runCli, runCliAsync, tempDir } from '../helpers.js';

/**
 * Redaction is both complete and precise. Complete: a token in a resource's name, id, tag key or
 * record key, or in a coverage entry's account, reaches no output format, no saved snapshot and no
 * log. Precise: over the fakes' full answers and the demo, only the planted secrets are redacted
 * (an API's enum values, key specs, aliases and field names are left as they are).
 */

interface Placeholder {
  /** The asset id (or `coverage`), then the path inside it. */
  where: string;
  text: string;
}

/** Every string or key that holds a redaction placeholder, with where it is. */
function placeholders(value: unknown, where: string, found: Placeholder[] = []): Placeholder[] {
  if (typeof value === 'string') {
    if (value.includes('[REDACTED:')) found.push({ where, text: value });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => placeholders(item, `${where}[${index}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('[REDACTED:')) found.push({ where: `${where} (key)`, text: key });
      placeholders(child, `${where}.${key}`, found);
    }
  }
  return found;
}

interface Snapshot {
  coverage: Array<Record<string, string>>;
  assets: Array<{ id: string; type: string; name: string; tags?: Record<string, string>; raw?: Record<string, unknown>; props: Record<string, unknown> }>;
  edges: Array<{ from: string; type: string; to: string }>;
}

function redactedPlaces(snapshot: Snapshot): string[] {
  const found = snapshot.assets.flatMap((asset) => placeholders({ id: asset.id, name: asset.name, tags: asset.tags, raw: asset.raw, props: { ...asset.props, secrets: undefined } }, asset.id));
  return [...found, ...placeholders(snapshot.coverage, 'coverage')].map((place) => place.where).sort();
}

describe('precision: only planted secrets are redacted', () => {
  let clouds: ThreeClouds;
  let snapshot: Snapshot;

  beforeAll(async () => {
    clouds = await startThreeClouds();
    const file = join(tempDir(), 'clean.json');
    const scan = await runCliAsync(['scan', '--provider', 'aws,azure,gcp', '--gcp-project', 'acme-ml', '--gcp-project', 'acme-sandbox', '--format', 'json', '--save-snapshot', file], { env: clouds.env });
    expect(scan.stderr).not.toMatch(/error/i);
    snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  });

  afterAll(() => clouds.close());

  it('in the three fakes, whose every answer passes the detector', () => {
    expect(redactedPlaces(snapshot)).toEqual([
      // The Foundry collector takes the query off a connection's target itself (foundry.ts).
      '/subscriptions/11111111-1111-4111-8111-111111111111/resourceGroups/rg-foundry/providers/Microsoft.CognitiveServices/accounts/foundry-prod/connections/tools-http.props.target',
      '/subscriptions/11111111-1111-4111-8111-111111111111/resourceGroups/rg-foundry/providers/Microsoft.CognitiveServices/accounts/foundry-prod/connections/tools-http.raw.properties.target',
      '/subscriptions/11111111-1111-4111-8111-111111111111/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/proj-open/onlineEndpoints/ep-public.raw.deployments[0].properties.environmentVariables.OPENAI_API_KEY',
      'arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/support_concierge-Qx7Lm2Np4R.raw.environmentVariables.HF_TOKEN',
      'arn:aws:bedrock:us-east-1:111122223333:agent/OPSAGENT1.raw.instruction',
      'arn:aws:bedrock:us-east-1:111122223333:prompt/PROMPT002.raw.variants[0].templateConfiguration.text.text',
      'arn:aws:ecs:us-east-1:111122223333:task-definition/chat-backend.raw.containerDefinitions[0].environment[1].value',
      'arn:aws:lambda:us-east-1:111122223333:function:ops-runbook-executor.raw.Environment.Variables.SLACK_BOT_TOKEN',
      'arn:aws:lambda:us-east-1:111122223333:function:ticket-summarizer.raw.Environment.Variables.OPENAI_API_KEY',
      'arn:aws:sagemaker:us-east-1:111122223333:model/churn-predictor.raw.PrimaryContainer.Environment.FEATURE_STORE_ACCESS_KEY_ID',
      'arn:aws:sagemaker:us-east-1:111122223333:model/churn-predictor.raw.PrimaryContainer.Environment.FEATURE_STORE_SECRET_ACCESS_KEY',
      'arn:aws:sagemaker:us-east-1:111122223333:notebook-instance-lifecycle-config/research-setup.raw.OnStart[0]',
      'projects/111111111111/locations/us-central1/customJobs/6001.raw.jobSpec.workerPoolSpecs[0].containerSpec.env[0].value',
      'projects/111111111111/locations/us-central1/models/2001.raw.containerSpec.env[1].value',
      'projects/111111111111/locations/us-central1/reasoningEngines/9201.raw.spec.deploymentSpec.env[0].value',
    ]);
  });

  it("keeps every KMS key's specs: CustomerMasterKeySpec is an enum, not a master key", () => {
    const keys = snapshot.assets.filter((asset) => asset.type === 'aws.kms.key');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key.raw).toMatchObject({ CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT', KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT', EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] });
      expect(key.props.secrets, key.id).toEqual([]);
    }
  });

  it('in the demo', () => {
    const file = join(tempDir(), 'demo.json');
    runCli(['scan', '--demo', '--format', 'json', '--save-snapshot', file]);
    const demo = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    expect(redactedPlaces(demo).map((place) => place.replace(/^.*?\.(raw|props|tags|name|id)\b/, '$1'))).toEqual([
      'raw.variants[0].templateConfiguration.text.text',
      'raw.PrimaryContainer.Environment.FEATURE_STORE_ACCESS_KEY_ID',
      'raw.PrimaryContainer.Environment.FEATURE_STORE_SECRET_ACCESS_KEY',
      'raw.OnStart[0]',
      'raw.containerSpec.env[1].value',
    ]);
  });
});

describe('completeness: a token in identifiers reaches no output', () => {
  // Fake tokens, in the formats of GitHub and Slack tokens.
  const TOKEN = 'ghp_FAKEidentifierTOKEN0123456789abcdefABCD';
  const OTHER = 'xoxb-000000000000-FAKEidentifierSLACK';
  const outputs: Record<string, string> = {};
  let saved: Snapshot;
  let source: Snapshot;

  beforeAll(async () => {
    const dir = tempDir();
    runCli(['scan', '--demo', '--format', 'json', '--save-snapshot', join(dir, 'demo.json')]);
    // The demo, with the tokens planted in two models' ids and names, a tag key, a record key and a coverage entry's account and message.
    let text = readFileSync(join(dir, 'demo.json'), 'utf8');
    text = text.replaceAll('model/churn-predictor', `model/churn-${TOKEN}`).replaceAll('"churn-predictor"', `"churn-${TOKEN}"`);
    source = JSON.parse(text) as Snapshot;
    const second = source.assets.find((asset) => asset.type === 'aws.sagemaker.model' && !asset.id.includes(TOKEN))!;
    const secondId = second.id;
    text = text.replaceAll(secondId, `${secondId}-${OTHER}`);
    source = JSON.parse(text) as Snapshot;
    const planted = source.assets.find((asset) => asset.id.includes(TOKEN))!;
    planted.tags = { ...planted.tags, [`owner-${OTHER}`]: 'x' };
    planted.raw = { ...planted.raw, [`Note-${TOKEN}`]: 'y' };
    source.coverage.push({ provider: 'aws', account: `acct-${TOKEN}`, region: 'us-east-1', service: 'sagemaker', status: 'error', message: `ListModels: AccessDenied for ${OTHER}` });
    writeFileSync(join(dir, 'planted.json'), JSON.stringify(source));
    const snapshot = ['--snapshot', join(dir, 'planted.json')];
    const runs = {
      'scan --format json': ['scan', ...snapshot, '--format', 'json', '--save-snapshot', join(dir, 'saved.json'), '--debug'],
      'scan --format table': ['scan', ...snapshot, '--format', 'table'],
      'scan --format sarif': ['scan', ...snapshot, '--format', 'sarif'],
      'scan --format markdown': ['scan', ...snapshot, '--format', 'markdown'],
      'inventory --format json': ['inventory', ...snapshot, '--format', 'json'],
      'inventory --format table': ['inventory', ...snapshot, '--format', 'table'],
      'inventory --format cyclonedx': ['inventory', ...snapshot, '--format', 'cyclonedx'],
    };
    const results = await Promise.all(Object.values(runs).map((args) => runCliAsync(args)));
    Object.keys(runs).forEach((name, index) => (outputs[name] = results[index]!.stdout + results[index]!.stderr));
    outputs['the saved snapshot'] = readFileSync(join(dir, 'saved.json'), 'utf8');
    saved = JSON.parse(outputs['the saved snapshot']) as Snapshot;
  });

  it.each([TOKEN, OTHER])('%s appears in no output format, saved snapshot or log', (token) => {
    for (const [output, text] of Object.entries(outputs)) {
      expect(text.includes(token), output).toBe(false);
      expect(text, output).toContain('[REDACTED:');
    }
  });

  it('keeps ids unique and stable, edges joined, and reports the secret where it was', () => {
    const models = saved.assets.filter((asset) => asset.type === 'aws.sagemaker.model');
    const planted = models.find((asset) => asset.id.startsWith('arn:aws:sagemaker:us-east-1:111122223333:model/churn-[REDACTED:github-token:'))!;
    expect(planted.id).toMatch(/model\/churn-\[REDACTED:github-token:[0-9a-f]{12}\]$/);
    expect(planted.name).toMatch(/^churn-\[REDACTED:github-token:[0-9a-f]{12}\]$/);
    expect(new Set(saved.assets.map((asset) => asset.id)).size).toBe(saved.assets.length);
    expect(saved.assets.length).toBe(source.assets.length);
    // Every edge that joined two assets still does.
    const ids = new Set(saved.assets.map((asset) => asset.id));
    const joined = (snapshot: Snapshot) => snapshot.edges.filter((edge) => snapshot.assets.some((a) => a.id === edge.from) && snapshot.assets.some((a) => a.id === edge.to)).length;
    expect(saved.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to)).length).toBe(joined(source));
    const locations = (planted.props.secrets as Array<{ location: string; kind: string }>).map((found) => `${found.location} ${found.kind}`);
    expect(locations).toEqual(expect.arrayContaining(['id github-token', 'name github-token', expect.stringMatching(/^raw\.Note-\[REDACTED:github-token:[0-9a-f]{12}\] github-token$/), expect.stringMatching(/^tags\.owner-\[REDACTED:slack-token:[0-9a-f]{12}\] slack-token$/)]));
    // The rule for credentials in a model's configuration reports it, on the redacted id.
    const report = JSON.parse(outputs['scan --format json']!.slice(0, outputs['scan --format json']!.lastIndexOf('}') + 1)) as { findings: Array<{ ruleId: string; resource: { id: string } }> };
    expect(report.findings.some((finding) => finding.ruleId === 'cross-secret-in-model-configuration' && finding.resource.id === planted.id)).toBe(true);
    // Loaded and saved again, nothing changes: the redaction is stable.
    const dir = tempDir({ 'saved.json': outputs['the saved snapshot']! });
    runCli(['scan', '--snapshot', join(dir, 'saved.json'), '--format', 'json', '--save-snapshot', join(dir, 'again.json')]);
    const createdAt = /"createdAt": "[^"]*"/;
    expect(readFileSync(join(dir, 'again.json'), 'utf8').replace(createdAt, '')).toBe(outputs['the saved snapshot']!.replace(createdAt, ''));
  });
});

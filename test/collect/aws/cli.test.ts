import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDENED_TWINS, PLANTED_FINDINGS, PLANTED_SECRETS } from '../../fakes/aws/estate.js';
import { FakeAws, fakeAwsEnvironment } from '../../fakes/aws/server.js';
import { ROOT, SUMMARY_LINE, runCliAsync, tempDir, withoutTimestamps, type CliResult } from '../../helpers.js';


/**
 * `aispm scan --provider aws` as a user runs it: the CLI in its own process, the real SDK pointed at
 * the fake AWS by AWS_ENDPOINT_URL. The built-in rules must find every planted misconfiguration of
 * the fake estate and none of its hardened twins, in every format.
 */

const fake = new FakeAws();
const home = mkdtempSync(join(tmpdir(), 'aispm-aws-cli-'));
let env: Record<string, string>;
let json: CliResult;
let sarif: CliResult;
let table: CliResult;
let inventory: CliResult;
const snapshot = join(home, 'aws-snapshot.json');
const expected = PLANTED_FINDINGS.map(([rule, name]) => `${rule} ${name}`).sort();

beforeAll(async () => {
  await fake.start();
  env = { HOME: home, ...fakeAwsEnvironment(fake, home) };
  [json, sarif, table, inventory] = await Promise.all([
    runCliAsync(['scan', '--provider', 'aws', '--format', 'json', '--save-snapshot', snapshot], { env }),
    runCliAsync(['scan', '--provider', 'aws', '--format', 'sarif'], { env }),
    runCliAsync(['scan', '--provider', 'aws'], { env }),
    runCliAsync(['inventory', '--provider', 'aws', '--format', 'json'], { env }),
  ]);
});

afterAll(() => fake.stop());

describe('aispm scan --provider aws against the fake AWS', () => {
  it('finds every planted misconfiguration and none of the hardened twins (JSON, valid against the schema)', () => {
    expect(json.stderr).toMatch(SUMMARY_LINE);
    expect(json.code).toBe(1);
    const document = JSON.parse(json.stdout);
    const ajv = new Ajv2020.default({ allErrors: true, strict: true });
    addFormats.default(ajv);
    expect(ajv.validate(JSON.parse(readFileSync(join(ROOT, 'schema', 'aispm-result.schema.json'), 'utf8')), document), JSON.stringify(ajv.errors)).toBe(true);
    const found = document.findings.map((finding: { ruleId: string; resource: { name: string } }) => `${finding.ruleId} ${finding.resource.name}`).sort();
    expect(found).toEqual(expected);
    const flagged = new Set(document.findings.map((finding: { resource: { name: string } }) => finding.resource.name));
    for (const twin of HARDENED_TWINS) expect(flagged.has(twin), twin).toBe(false);
    expect(document.scan.sources).toEqual(['aws']);
    expect(document.scan.coverage.filter((entry: { status: string }) => entry.status !== 'ok')).toEqual([
      expect.objectContaining({ provider: 'aws', account: '111122223333', region: 'eu-west-1', service: 'sagemaker', status: 'denied' }),
    ]);
    const path = document.findings.find((finding: { ruleId: string }) => finding.ruleId === 'cross-endpoint-serves-model-trained-on-public-writable-data').path;
    expect(path).toEqual([
      'arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn-endpoint',
      'arn:aws:sagemaker:us-east-1:111122223333:model/churn-predictor',
      'arn:aws:s3:::acme-public-uploads',
    ]);
  });

  it('reports the same findings in SARIF, with the coverage gap as a notification', () => {
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout) as Log;
    const run = log.runs[0]!;
    const found = (run.results ?? []).map((result) => `${result.ruleId} ${decodeURIComponent(result.locations![0]!.physicalLocation!.artifactLocation!.uri!.split('/').pop()!)}`).sort();
    expect(found).toEqual(expected);
    for (const result of run.results ?? []) expect(Object.keys(result.partialFingerprints ?? {})).toHaveLength(1);
    const notifications = run.invocations![0]!.toolExecutionNotifications!.map((notification) => notification.message.text);
    expect(notifications).toEqual([expect.stringMatching(/^Could not read aws sagemaker in 111122223333\/eu-west-1 \(denied\): ListAutoMLJobs: AccessDeniedException/)]);
  });

  it('lists them in the table, worst first, with the gap', () => {
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/^aispm \d+\.\d+\.\d+: \d+ assets from aws \(aws\), \d+ rules/);
    expect(table.stdout).toContain(`${expected.length} findings`);
    // Every planted rule is listed, in a row or in the overflow by rule, except rules the overflow's "…and N more rules"
    // counts (the table lists MAX_ROWS findings and 15 overflow rules; a counted rule may also have a listed row).
    const listed = new Set(table.stdout.match(/[a-z0-9]+(?:-[a-z0-9]+)+/g));
    const unlisted = new Set(PLANTED_FINDINGS.map(([rule]) => rule).filter((rule) => !listed.has(rule)));
    const more = Number(table.stdout.match(/…and (\d+) more rules/)?.[1] ?? 0);
    expect(unlisted.size).toBeLessThanOrEqual(more);
    expect(table.stdout).toContain('Coverage gaps (1)');
    expect(table.stdout).toContain('path: churn-endpoint -> churn-predictor -> acme-public-uploads');
  });

  it('lists the AI inventory with its relations', () => {
    expect(inventory.code).toBe(0);
    const assets = JSON.parse(inventory.stdout).assets as Array<{ type: string; name: string }>;
    expect(assets.find((candidate) => candidate.name === 'support-agent')).toMatchObject({ type: 'aws.bedrock.agent' });
  });

  it('never prints a planted secret, in any output or in the saved snapshot', () => {
    for (const output of [json.stdout, sarif.stdout, table.stdout, inventory.stdout, readFileSync(snapshot, 'utf8')]) {
      for (const secret of Object.values(PLANTED_SECRETS)) expect(output).not.toContain(secret);
    }
  });

  it('saves a snapshot that loads again and gives the same result', async () => {
    const replay = await runCliAsync(['scan', '--snapshot', snapshot, '--format', 'json'], { env: { HOME: home } });
    expect(replay.stderr).toMatch(SUMMARY_LINE);
    const strip = (text: string) => JSON.parse(withoutTimestamps(text)).findings;
    expect(strip(replay.stdout)).toEqual(strip(json.stdout));
  });

  it('exits 3 with --fail-on-gaps when only the coverage gap is left to fail on', async () => {
    const gaps = await runCliAsync(['scan', '--provider', 'aws', '--fail-on', 'none', '--fail-on-gaps', '--format', 'json'], { env });
    expect(gaps.code).toBe(3);
  });

  it('exits 2 naming the file when a rule pack or baseline is broken: the reading stops and prints nothing after the error', async () => {
    // The reading starts before the rules load (the first call must not wait for the engine), so the
    // error in them arrives while calls are in flight.
    const dir = tempDir({ 'pack/broken.yaml': 'id: x\ntitle: [unclosed\n', 'baseline.json': '{"findings": [' });
    const rules = await runCliAsync(['scan', '--provider', 'aws', '--rules', 'pack'], { env, cwd: dir });
    expect([rules.code, rules.stdout]).toEqual([2, '']);
    expect(rules.stderr).toMatch(/^aispm: error: pack\/broken\.yaml:\d+: invalid YAML: [^\n]*\n$/);
    const baseline = await runCliAsync(['scan', '--provider', 'aws', '--baseline', 'baseline.json', '--debug'], { env, cwd: dir });
    expect([baseline.code, baseline.stdout]).toEqual([2, '']);
    // With --debug the reading logs as it goes; after the error only its stack trace may follow.
    const after = baseline.stderr.split('aispm: error: baseline.json:1: invalid JSON')[1]!.trimEnd().split('\n').slice(1);
    expect(after.filter((line) => !/^(InputError: |\s+at )/.test(line)), baseline.stderr).toEqual([]);
  });

  it('exits 2 when AWS is asked for and no credentials are found', async () => {
    const missing = await runCliAsync(['scan', '--provider', 'aws'], { env: { ...env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^aispm: error: no usable AWS credentials: .*\(set up aws credentials/);
    const profile = await runCliAsync(['scan', '--provider', 'aws', '--aws-profile', 'no-such-profile'], { env });
    expect(profile.code).toBe(2);
    expect(profile.stderr).toContain('no usable AWS credentials for profile "no-such-profile"');
  });
});

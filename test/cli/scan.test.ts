import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ROOT, SUMMARY_LINE, runCli, tempDir, withoutTimestamps } from '../helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'aispm-result.schema.json'), 'utf8'));

function validateResult(document: unknown): string[] {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  return validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

describe('aispm scan --demo', () => {
  it('prints the table worst first and exits 1 because the demo has high findings', () => {
    const result = runCli(['scan', '--demo']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(SUMMARY_LINE);
    expect(result.stdout).toMatch(/^aispm \d+\.\d+\.\d+: 96 assets from demo \(aws, azure, gcp\)/);
    expect(result.stdout).toContain('CRITICAL 12');
    expect(result.stdout).toContain('Coverage gaps (2)');
    // Worst first; each attack path is followed by its steps (the findings on the other assets of its path), none ranked above it.
    // Each row starts with its rank, the score below it.
    const rows = [...result.stdout.matchAll(/^│ #\d+\s+│ \S+\s+│ (↳?)[^\n]*\n│ (\d+)\s+│/gm)].map((match) => ({ score: Number(match[2]), step: match[1] === '↳' }));
    const scores = rows.filter((row) => !row.step).map((row) => row.score);
    expect(scores.length).toBeGreaterThan(20);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    rows.forEach((row, index) => {
      if (row.step) expect(row.score).toBeLessThanOrEqual(rows.slice(0, index).findLast((above) => !above.step)!.score);
    });
    expect(result.stdout).toContain('↳ step of the path above: Anyone can overwrite the artifacts of model');
    // The attack paths are spelled out.
    expect(result.stdout).toContain('path: fraud-detector-prod -> fraud-detector-v3 -> acme-ml-scratch');
    expect(result.stdout).toContain('path: gpu-dev-01 -> ml-compute-identity -> acmemltraining');
  });

  it('writes JSON that validates against the shipped schema', () => {
    const result = runCli(['scan', '--demo', '--format', 'json']);
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout);
    expect(validateResult(document)).toEqual([]);
    expect(document.summary).toEqual({ assets: 96, findings: 126, bySeverity: { critical: 12, high: 23, medium: 46, low: 45, info: 0 } });
    expect(document.findings[0].score).toBe(100);
    const pathFindings = document.findings.filter((finding: { path?: string[] }) => finding.path);
    expect(new Set(pathFindings.map((finding: { resource: { provider: string } }) => finding.resource.provider))).toEqual(new Set(['aws', 'azure', 'gcp']));
    expect(new Set(pathFindings.map((finding: { ruleId: string }) => finding.ruleId)).size).toBeGreaterThanOrEqual(3);
    expect(document.scan.coverage.filter((entry: { status: string }) => entry.status === 'denied')).toHaveLength(2);
    // One root cause, one finding: the agent with tools and no guardrail is one finding that includes the plain "no guardrail" one.
    type Listed = { id: string; ruleId: string; resource: { name: string }; includes?: Array<{ ruleId: string }>; steps?: string[]; partOf?: string[] };
    const findings = document.findings as Listed[];
    const agent = findings.filter((finding) => finding.resource.name === 'ops-automation-agent' && /guardrail/.test(finding.ruleId));
    expect(agent.map((finding) => [finding.ruleId, finding.includes?.map((included) => included.ruleId)])).toEqual([['cross-agent-tools-without-guardrail', ['aws-bedrock-agent-without-guardrail']]]);
    // The endpoint serving a model trained on public data lists the model's own finding as a step, and back.
    const endpoint = findings.find((finding) => finding.ruleId === 'cross-endpoint-serves-model-trained-on-public-writable-data')!;
    const model = findings.find((finding) => finding.ruleId === 'cross-model-artifacts-publicly-writable' && finding.resource.name === 'fraud-detector-v3')!;
    // The training bucket's own finding (no versioning) is a step of the same path, after the model's (worst first).
    const bucket = findings.find((finding) => finding.ruleId === 'aws-s3-training-data-bucket-unversioned' && finding.resource.name === 'acme-ml-scratch')!;
    expect(endpoint.steps).toEqual([model.id, bucket.id]);
    expect(model.partOf).toEqual([endpoint.id]);
  });

  it('gives byte-identical JSON, SARIF and markdown on two runs, apart from timestamps', () => {
    for (const format of ['json', 'sarif', 'markdown', 'table']) {
      const first = runCli(['scan', '--demo', '--format', format]);
      const second = runCli(['scan', '--demo', '--format', format]);
      const normalize = (text: string) => withoutTimestamps(text).replace(/, \d+\.\d+s$/m, ', <s>s');
      expect(normalize(second.stdout), format).toBe(normalize(first.stdout));
    }
  });

  it('never prints a planted secret, in any format or in a saved snapshot', () => {
    const dir = tempDir();
    const planted = ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'sk-proj-EXAMPLEdemoKEYdoNotUse1234567890abcdef'];
    const outputs = ['table', 'json', 'sarif', 'markdown', 'html'].map((format) => runCli(['scan', '--demo', '--format', format]).stdout);
    runCli(['scan', '--demo', '--save-snapshot', join(dir, 'snapshot.json'), '--format', 'json']);
    outputs.push(readFileSync(join(dir, 'snapshot.json'), 'utf8'));
    outputs.push(runCli(['inventory', '--demo', '--format', 'json']).stdout, runCli(['inventory', '--demo', '--format', 'cyclonedx']).stdout);
    for (const output of outputs) for (const secret of planted) expect(output).not.toContain(secret);
    const json = JSON.parse(outputs[1]!);
    const secretFinding = json.findings.find((finding: { ruleId: string; resource: { name: string } }) => finding.ruleId === 'cross-secret-in-model-configuration' && finding.resource.name === 'churn-predictor');
    expect(secretFinding.evidence['props.secrets']).toEqual([
      { location: 'raw.PrimaryContainer.Environment.FEATURE_STORE_ACCESS_KEY_ID', kind: 'aws-access-key-id' },
      { location: 'raw.PrimaryContainer.Environment.FEATURE_STORE_SECRET_ACCESS_KEY', kind: 'generic-credential' },
    ]);
  });

  it('writes --output atomically and prints nothing on stdout', () => {
    const dir = tempDir();
    const file = join(dir, 'result.json');
    const result = runCli(['scan', '--demo', '--format', 'json', '--output', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).schemaVersion).toBe(1);
  });
});

describe('exit codes', () => {
  it('--fail-on sets the threshold', () => {
    expect(runCli(['scan', '--demo', '--fail-on', 'critical', '--format', 'json']).code).toBe(1);
    expect(runCli(['scan', '--demo', '--fail-on', 'none', '--format', 'json']).code).toBe(0);
    // Only low and lower: the GCP logging rule is the one low finding.
    expect(runCli(['scan', '--demo', '--only', 'gcp-vertex-endpoint-request-response-logging-disabled', '--fail-on', 'medium', '--format', 'json']).code).toBe(0);
    expect(runCli(['scan', '--demo', '--only', 'gcp-vertex-endpoint-request-response-logging-disabled', '--fail-on', 'low', '--format', 'json']).code).toBe(1);
  });

  it('--fail-on-gaps exits 3 when no finding already gave 1', () => {
    expect(runCli(['scan', '--demo', '--fail-on', 'none', '--fail-on-gaps', '--format', 'json']).code).toBe(3);
    expect(runCli(['scan', '--demo', '--fail-on-gaps', '--format', 'json']).code).toBe(1);
    expect(runCli(['scan', '--demo', '--fail-on', 'none', '--format', 'json']).code).toBe(0);
  });

  it('--baseline: findings already in the baseline are existing and do not count', () => {
    const dir = tempDir();
    const baseline = join(dir, 'baseline.json');
    runCli(['scan', '--demo', '--format', 'json', '--output', baseline]);
    const again = runCli(['scan', '--demo', '--format', 'json', '--baseline', baseline]);
    expect(again.code).toBe(0);
    const document = JSON.parse(again.stdout);
    expect(document.findings.every((finding: { status: string }) => finding.status === 'existing')).toBe(true);

    // A baseline from a narrower scan: the rest are new and fail the scan.
    const partial = join(dir, 'partial.json');
    runCli(['scan', '--demo', '--format', 'json', '--only', 'aws-sagemaker-notebook-root-access', '--output', partial]);
    const mixed = JSON.parse(runCli(['scan', '--demo', '--format', 'json', '--baseline', partial]).stdout);
    const statuses = new Set(mixed.findings.map((finding: { status: string }) => finding.status));
    expect(statuses).toEqual(new Set(['new', 'existing']));
    expect(mixed.findings.find((finding: { ruleId: string }) => finding.ruleId === 'aws-sagemaker-notebook-root-access').status).toBe('existing');
  });

  it('.aispmignore.yaml suppresses by rule and resource; expired entries stop suppressing and are reported', () => {
    const dir = tempDir({
      '.aispmignore.yaml': [
        'ignore:',
        '  - rule: cross-secret-in-model-configuration',
        '    resource: "*model/churn-predictor"',
        '    reason: Test credentials only, rotated weekly (SEC-1234)',
        '    expires: 2999-12-31',
        '  - rule: aws-sagemaker-notebook-root-access',
        '    reason: Accepted for the research team until the migration (SEC-999)',
        '    expires: 2020-01-31',
      ].join('\n'),
    });
    const result = runCli(['scan', '--demo', '--format', 'json'], { cwd: dir });
    const document = JSON.parse(result.stdout);
    const status = (ruleId: string, name: string) => document.findings.find((finding: { ruleId: string; resource: { name: string } }) => finding.ruleId === ruleId && finding.resource.name === name)?.status;
    expect(status('cross-secret-in-model-configuration', 'churn-predictor')).toBe('suppressed');
    expect(status('cross-secret-in-model-configuration', 'recs-ranker')).toBe('new');
    expect(status('aws-sagemaker-notebook-root-access', 'research-nb')).toBe('new');
    expect(document.summary.findings).toBe(125);
    expect(result.stderr).toMatch(/warning: ignore entry at \.aispmignore\.yaml:6 expired on 2020-01-31/);

    // Suppressing every high and critical finding makes --fail-on high pass.
    const all = tempDir({ 'ignore.yaml': 'ignore:\n  - rule: "*"\n    reason: Accepting everything for this test run\n' });
    const quiet = runCli(['scan', '--demo', '--format', 'json', '--ignore', join(all, 'ignore.yaml')]);
    expect(quiet.code).toBe(0);
    expect(JSON.parse(quiet.stdout).summary.findings).toBe(0);
  });
});

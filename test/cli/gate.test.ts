import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from '../helpers.js';

/**
 * The scan as a CI gate: one summary line on stderr that says why the exit code is what it is, never
 * green when a provider could not be read at all, several reports from one run, and flags that are
 * checked the same way everywhere.
 */

describe('the summary line', () => {
  it('says what was found, what counts and why the exit code, even when the report goes to a file; --quiet silences it', () => {
    const dir = tempDir();
    const result = runCli(['scan', '--demo', '--format', 'json', '--output', join(dir, 'report.json')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('aispm: 126 findings (12 critical, 23 high, 46 medium, 45 low), 126 counted; 2 coverage gaps; exit 1: 35 counted findings at or above high\n');
    const quiet = runCli(['scan', '--demo', '-f', 'json', '-o', join(dir, 'report.json'), '-q']);
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([1, '', '']);
    const clean = runCli(['scan', '--demo', '--fail-on', 'none', '-o', join(dir, 'report.txt')]);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toMatch(/; exit 0: --fail-on none \(the coverage gaps fail the scan only with --fail-on-gaps\)\n$/);
  });

  it('--fail-on info fails on any finding, and --min-severity leaves lower findings out of the report and the gate', () => {
    const info = runCli(['scan', '--demo', '--only', 'aws-sagemaker-notebook-without-cmk', '--fail-on', 'info', '-f', 'json']);
    expect(info.code).toBe(1);
    const high = runCli(['scan', '--demo', '--min-severity', 'high', '--fail-on', 'low', '-f', 'json']);
    expect(high.code).toBe(1);
    const document = JSON.parse(high.stdout) as { summary: { findings: number; bySeverity: Record<string, number> }; findings: Array<{ severity: string }> };
    expect(document.summary.bySeverity).toMatchObject({ medium: 0, low: 0 });
    expect(new Set(document.findings.map((finding) => finding.severity))).toEqual(new Set(['critical', 'high']));
    expect(high.stderr).toContain('91 below --min-severity not reported');
  });
});

describe('never green when blind', () => {
  it('exits 3 without --fail-on-gaps, naming the provider, when nothing at all could be read from it', () => {
    const dir = tempDir();
    const snapshot = join(dir, 'blind.json');
    const denied = (service: string) => ({ provider: 'aws', account: 'default', region: 'us-east-1', service, status: 'denied', message: 'GetCallerIdentity: ExpiredToken: the security token included in the request is expired' });
    writeFileSync(snapshot, JSON.stringify({ snapshotVersion: 1, sources: ['aws'], coverage: [denied('sts')], assets: [], edges: [] }));
    const result = runCli(['scan', '--snapshot', snapshot]);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('No findings.');
    expect(result.stderr).toContain('aispm: error: aws could not be read at all (sts denied: GetCallerIdentity: ExpiredToken');
    expect(result.stderr).toMatch(/exit 3: aws could not be read at all\n$/);
    // Part of a provider read is not blindness: that is a coverage gap, which fails only with --fail-on-gaps.
    writeFileSync(snapshot, JSON.stringify({ snapshotVersion: 1, sources: ['aws'], coverage: [denied('sagemaker'), { ...denied('bedrock'), status: 'ok', message: undefined }], assets: [], edges: [] }));
    expect(runCli(['scan', '--snapshot', snapshot]).code).toBe(0);
    expect(runCli(['scan', '--snapshot', snapshot, '--fail-on-gaps']).code).toBe(3);
  });
});

describe('several reports from one run', () => {
  it('writes each --output FORMAT:FILE beside the report on stdout; - is stdout; a destination named twice is an error', () => {
    const dir = tempDir();
    const result = runCli(['scan', '--demo', '-f', 'markdown', '-o', `sarif:${join(dir, 'aispm.sarif')}`, '-o', `json:${join(dir, 'aispm.json')}`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^## aispm: 126 findings/);
    expect(JSON.parse(readFileSync(join(dir, 'aispm.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(JSON.parse(readFileSync(join(dir, 'aispm.json'), 'utf8')).summary.findings).toBe(126);
    const moved = runCli(['scan', '--demo', '-f', 'json', '-o', join(dir, 'moved.json'), '-o', 'table:-']);
    expect(moved.code).toBe(1);
    expect(moved.stdout).toMatch(/^aispm \d+\.\d+\.\d+: 96 assets/);
    expect(existsSync(join(dir, 'moved.json'))).toBe(true);
    const twice = runCli(['scan', '--demo', '-o', '-', '-o', 'json:-']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('aispm: error: --output: stdout is named twice');
  });
});

describe('flags are checked the same way everywhere', () => {
  it('rejects empty values, a scan result given as a snapshot, and rules list filters that match nothing', () => {
    const empty = runCli(['scan', '--snapshot', '']);
    expect([empty.code, empty.stderr]).toEqual([2, 'aispm: error: --snapshot: is empty (give a value, or leave the flag out)\n']);
    const dir = tempDir();
    runCli(['scan', '--demo', '-f', 'json', '-o', join(dir, 'result.json')]);
    const result = runCli(['scan', '--snapshot', join(dir, 'result.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('this is a scan result (aispm scan --format json), not a snapshot (pass it as --baseline');
    for (const filter of [['--severity', 'urgent'], ['--provider', 'oracle'], ['--category', 'netwrk'], ['--framework', 'owasp-llm-2023']]) {
      const listed = runCli(['rules', 'list', ...filter]);
      expect(listed.code, filter.join(' ')).toBe(2);
      expect(listed.stderr).toContain(`aispm: error: ${filter[0]}: "${filter[1]}" is not one of`);
    }
  });

  it('--only and --skip take globs; leaving no rule to run is warned about', () => {
    const bedrock = runCli(['scan', '--demo', '--only', 'aws-bedrock-guardrail-*', '-f', 'json', '-q']);
    const rules = new Set((JSON.parse(bedrock.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId));
    expect([...rules].every((id) => id.startsWith('aws-bedrock-guardrail-'))).toBe(true);
    expect(rules.size).toBeGreaterThan(2);
    const none = runCli(['scan', '--demo', '--only', 'aws-*', '--skip', 'aws-*', '-q']);
    expect(none.stderr).toBe('aispm: warning: --only and --skip leave no rule to run: the scan reports no findings\n');
    expect(runCli(['scan', '--demo', '--only', 'oracle-*']).stderr).toContain('aispm: error: --only: no rule matches "oracle-*"');
  });
});

describe('scan settings in the config file', () => {
  it('a scan: section sets flags the command line does not give; the command line wins; bad values are located', () => {
    const dir = tempDir({ 'aispm.config.yaml': 'scan:\n  fail-on: none\n  format: json\n  only: [aws-sagemaker-notebook-root-access]\n  quiet: true\n' });
    const configured = runCli(['scan', '--demo'], { cwd: dir });
    expect([configured.code, configured.stderr]).toEqual([0, '']);
    expect((JSON.parse(configured.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((finding) => finding.ruleId)).toEqual(['aws-sagemaker-notebook-root-access']);
    expect(runCli(['scan', '--demo', '--fail-on', 'low'], { cwd: dir }).code).toBe(1);
    const bad = tempDir({ 'aispm.config.yaml': 'scan:\n  fail-on: severe\n' });
    const result = runCli(['scan', '--demo'], { cwd: bad });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('aispm: error: aispm.config.yaml:2: scan.fail-on: must be one of');
  });
});

describe('library noise', () => {
  it("the Google auth library's MetadataLookupWarning never reaches the terminal, except with --debug", () => {
    // A preloaded module stands in for gcp-metadata: it emits the warning while aispm runs.
    const probe = 'data:text/javascript,setTimeout(()=>setInterval(()=>process.emitWarning("received unexpected error","MetadataLookupWarning"),20).unref(),60).unref()';
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', probe, BIN, 'scan', '--demo', '--fail-on', 'none', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    expect(run().stderr).not.toContain('MetadataLookupWarning');
    expect(run('--debug').stderr).toContain('aispm: debug: MetadataLookupWarning: received unexpected error');
  });
});

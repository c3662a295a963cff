import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleDir } from '../../src/engine/load-rules.js';
import { ROOT, runCli, tempDir } from '../helpers.js';

/** The SARIF Multitool that GitHub's own docs point to; its npm package resolves to the platform binary. */
const multitool: string = createRequire(import.meta.url)('@microsoft/sarif-multitool');

function validateSarif(file: string, outputDir: string): Array<{ level: string; ruleId: string; text: string }> {
  const report = join(outputDir, 'validation.sarif');
  const run = spawnSync(multitool, ['validate', '--rule-kind', 'Gh;Sarif', '--output', report, file], { encoding: 'utf8' });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const log = JSON.parse(readFileSync(report, 'utf8'));
  return (log.runs[0].results ?? []).map((result: { level?: string; ruleId: string; message: { text?: string; id?: string; arguments?: string[] } }) => ({
    level: result.level ?? 'warning',
    ruleId: result.ruleId,
    text: result.message.text ?? `${result.message.id} ${(result.message.arguments ?? []).join(' ')}`,
  }));
}

describe('SARIF output', () => {
  it('passes sarif-multitool validate --rule-kind "Gh;Sarif" with no errors (and no warnings)', () => {
    const dir = tempDir({ '.aispmignore.yaml': 'ignore:\n  - rule: aws-sagemaker-notebook-root-access\n    reason: Accepted for the research sandbox (SEC-42)\n' });
    const baseline = join(dir, 'baseline.json');
    runCli(['scan', '--demo', '--format', 'json', '--only', 'gcp-vertex-endpoint-public', '--output', baseline], { cwd: dir });
    const file = join(dir, 'aispm.sarif');
    // With a suppression and a baseline, so that suppressions and baselineState are checked too.
    const scan = runCli(['scan', '--demo', '--format', 'sarif', '--output', file, '--baseline', baseline], { cwd: dir });
    expect(scan.code).toBe(1);
    const issues = validateSarif(file, dir);
    expect(issues.filter((issue) => issue.level === 'error')).toEqual([]);
    expect(issues).toEqual([]);
  });

  it('describes every rule that ran and gives every result a location and a fingerprint', () => {
    const log = JSON.parse(runCli(['scan', '--demo', '--format', 'sarif']).stdout);
    const run = log.runs[0];
    const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    // Every rule that ran: rules switched off by an empty parameter (governance lists), and retired ones, did not run.
    const active = loadRuleDir(join(ROOT, 'rules'), ROOT).filter((compiled) => compiled.active && !compiled.rule.deprecated).map((compiled) => compiled.rule.id);
    expect(ruleIds).toEqual(active.sort());
    for (const rule of run.tool.driver.rules) {
      expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
      expect(rule.help.text.length).toBeGreaterThan(10);
      expect(rule.fullDescription.text.length).toBeGreaterThan(10);
    }
    expect(run.results.length).toBe(85);
    for (const result of run.results) {
      expect(result.partialFingerprints['aispmFindingId/v1']).toMatch(/^[0-9a-f]{20}$/);
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^cloud\/(aws|azure|gcp)\//);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(2);
  });
});

describe('SARIF within GitHub code scanning limits', () => {
  it('gives at most 25,000 results, the worst, with a notification for the rest, and at most 10 tags per rule', async () => {
    const { loadDemoInventory } = await import('../../src/collect/demo.js');
    const { compiledBuiltInRules } = await import('../../src/engine/rule-pack.js');
    const { runScan } = await import('../../src/scan.js');
    const { renderSarif, MAX_SARIF_RESULTS } = await import('../../src/report/sarif.js');
    const result = runScan({ inventory: await loadDemoInventory(), rules: await compiledBuiltInRules(), startedAt: new Date(0), tool: { name: 'aispm', version: 'test' } });
    // A huge estate's findings: the demo's, many times over, still worst first.
    const copies = Math.ceil((MAX_SARIF_RESULTS + 10) / result.findings.length);
    const many = Array.from({ length: copies }, (_, copy) => result.findings.map((finding) => ({ ...finding, id: `${copy}`.padStart(4, '0') + finding.id.slice(4) }))).flat();
    many.sort((a, b) => b.score - a.score);
    const log = JSON.parse([...renderSarif({ ...result, findings: many })].join(''));
    const run = log.runs[0];
    expect(run.results).toHaveLength(MAX_SARIF_RESULTS);
    expect(run.results[0].properties.score).toBe(many[0]!.score);
    const notice = run.invocations[0].toolExecutionNotifications.find((note: { descriptor: { id: string } }) => note.descriptor.id === 'results-limit');
    expect(notice.message.text).toMatch(new RegExp(`^${many.length - MAX_SARIF_RESULTS} more findings, the least urgent, are left out`));
    for (const rule of run.tool.driver.rules) expect(rule.properties.tags.length).toBeLessThanOrEqual(10);
  });
});

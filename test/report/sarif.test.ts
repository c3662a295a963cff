import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleDir } from '../../src/engine/load-rules.js';
import { ROOT, runCli, tempDir } from '../helpers.js';
import { validateSarif } from './sarif-validate.js';

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
    expect(run.results.length).toBe(126);
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

describe('SARIF from a stranger\'s rule pack and a hostile estate', () => {
  it('help.markdown is escaped markdown, helpUri only an http(s) URL, and message.text stays plain text', async () => {
    const { loadDemoInventory } = await import('../../src/collect/demo.js');
    const { compiledBuiltInRules } = await import('../../src/engine/rule-pack.js');
    const { runScan } = await import('../../src/scan.js');
    const { renderSarif } = await import('../../src/report/sarif.js');
    const { LIVE_MARKDOWN, markdownLiveText } = await import('../helpers.js');
    const result = runScan({ inventory: await loadDemoInventory(), rules: await compiledBuiltInRules(), startedAt: new Date(0), tool: { name: 'aispm', version: 'test' } });
    const target = result.findings.find((finding) => !finding.path)!;
    const remediation = [
      'Fix it <img src=x onerror=alert(1)> [click](javascript:alert(1)) or see https://phish.example, www.phish.example,',
      'mail admin@phish.example, ask @admins about #1 \u001b]0;pwned\u0007\u001b[2J',
      '',
      '- AWS: run',
      '  this:',
      '    aws s3 ls s3://<bucket> ```',
      '<script>alert(1)</script>',
      '---',
    ].join('\n');
    // As a rule pack that got past the loader would give them (the loader refuses such references: test/cli/bad-input.test.ts).
    const rules = result.rules.map((rule) => (rule.id === target.ruleId ? { ...rule, references: ['javascript:alert(1)', 'file:///etc/passwd', 'https://docs.example/a?b=<c>'], remediation, title: `Title \u001b[2J${'\u202e'}` } : rule));
    const hostile = '<img src=x> **bold** [a](https://phish.example) \u001b[2J';
    const findings = result.findings.map((finding) => (finding === target ? { ...finding, message: `Notebook ${hostile} is exposed` } : finding));
    const log = JSON.parse([...renderSarif({ ...result, rules, findings })].join(''));
    const descriptor = log.runs[0].tool.driver.rules.find((rule: { id: string }) => rule.id === target.ruleId);

    expect(descriptor.helpUri).toBe('https://docs.example/a?b=%3Cc%3E');
    expect(descriptor.help.markdown).not.toMatch(/javascript:alert\(1\)\)?\s*$|file:/m);
    expect(descriptor.help.markdown.endsWith('**References**\n\n- <https://docs.example/a?b=%3Cc%3E>')).toBe(true);
    const help = descriptor.help.markdown.slice(0, descriptor.help.markdown.indexOf('**References**'));
    expect(help).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(markdownLiveText(help)).not.toMatch(LIVE_MARKDOWN);
    expect(markdownLiveText(help)).not.toMatch(/<[a-z]|(^|[^\\])\]\(/im);
    expect(help).toContain('\n- AWS: run\n  this:\n  ````\n  aws s3 ls s3://<bucket> ```\n  ````\n');
    expect(help).toContain('\n\\---');
    expect(descriptor.help.text).toContain('References:\n- https://docs.example/a?b=%3Cc%3E');
    expect(descriptor.help.text).not.toMatch(/javascript:alert\(1\)$|file:|[\u001b\u0007]/m);
    expect(descriptor.shortDescription.text).toBe('Title \\x1b[2J\\u{202e}');

    const message = log.runs[0].results.find((sarifResult: { partialFingerprints: Record<string, string> }) => sarifResult.partialFingerprints['aispmFindingId/v1'] === target.id).message.text;
    // Plain text: HTML and markdown characters as they are (no entities, no backslashes), links broken, controls visible.
    expect(message).toBe('Notebook <img src=x> **bold** \\[a\\](https://phish.example) \\x1b\\[2J is exposed.');
  });
});

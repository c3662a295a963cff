import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';
import { ruleYaml } from '../rule-fixtures.js';

const rule = (id: string) => ruleYaml({ id });

describe('aispm rules', () => {
  it('list shows the built-in pack and filters by provider, severity and framework', () => {
    const all = JSON.parse(runCli(['rules', 'list', '--format', 'json']).stdout);
    expect(all.length).toBeGreaterThanOrEqual(15);
    const gcp = JSON.parse(runCli(['rules', 'list', '--format', 'json', '--provider', 'gcp']).stdout);
    expect(gcp.length).toBeGreaterThan(0);
    expect(gcp.every((entry: { resourceTypes: string[] }) => entry.resourceTypes.some((type) => type.startsWith('gcp.')))).toBe(true);
    const critical = JSON.parse(runCli(['rules', 'list', '--format', 'json', '--severity', 'critical']).stdout);
    expect(critical.every((entry: { severity: string }) => entry.severity === 'critical')).toBe(true);
    const llm01 = JSON.parse(runCli(['rules', 'list', '--format', 'json', '--framework', 'owasp-llm-2025=LLM01:2025']).stdout);
    expect(llm01.map((entry: { id: string }) => entry.id)).toContain('aws-bedrock-guardrail-prompt-attack-filter-missing');
    expect(llm01.every((entry: { frameworks: Record<string, string[]> }) => entry.frameworks['owasp-llm-2025']?.includes('LLM01:2025'))).toBe(true);
    const table = runCli(['rules', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/\d+ rules\n$/);
  });

  it('show prints everything about one rule', () => {
    const result = runCli(['rules', 'show', 'aws-bedrock-agent-without-guardrail']);
    expect(result.code).toBe(0);
    for (const part of ['Bedrock agent has no guardrail', 'Why this severity', 'Condition', 'related:', 'Remediation', 'aws bedrock-agent update-agent', 'References', 'OWASP Top 10 for LLM Applications 2025: LLM01:2025 Prompt Injection', 'rules/aws/aws-bedrock-agent-without-guardrail.yaml']) {
      expect(result.stdout).toContain(part);
    }
    expect(JSON.parse(runCli(['rules', 'show', 'aws-bedrock-agent-without-guardrail', '--format', 'json']).stdout).severity).toBe('high');
    const missing = runCli(['rules', 'show', 'aws-bedrock-agent-without-guardrails']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('did you mean "aws-bedrock-agent-without-guardrail"?');
  });

  it('a user pack: list includes it, scan runs it, test runs its cases', () => {
    const dir = tempDir({
      'pack/my-root-rule.yaml': rule('my-root-rule'),
      'pack/my-root-rule.test.yaml': [
        'rule: my-root-rule',
        'cases:',
        '  - name: root on',
        '    expect: fail',
        '    assets: [{ id: nb, type: aws.sagemaker.notebook-instance, props: { rootAccess: true } }]',
        '  - name: root off',
        '    expect: pass',
        '    assets: [{ id: nb, type: aws.sagemaker.notebook-instance, props: { rootAccess: false } }]',
      ].join('\n'),
    });
    expect(runCli(['rules', 'list', '--rules', 'pack', '--format', 'json'], { cwd: dir }).stdout).toContain('my-root-rule');
    const scan = JSON.parse(runCli(['scan', '--demo', '--rules', 'pack', '--only', 'my-root-rule', '--format', 'json'], { cwd: dir }).stdout);
    expect(scan.findings.map((finding: { resource: { name: string } }) => finding.resource.name)).toEqual(['research-nb']);
    const test = runCli(['rules', 'test', 'pack'], { cwd: dir });
    expect(test.stdout).toContain('ok: 1 rules, 2 cases, 2 passed, 0 failed, 0 rules missing cases');
    expect(test.code).toBe(0);
  });

  it('test fails (exit 1) when a case fails or a rule has no passing case', () => {
    const dir = tempDir({
      'pack/my-root-rule.yaml': rule('my-root-rule'),
      'pack/my-root-rule.test.yaml': ['rule: my-root-rule', 'cases:', '  - name: wrongly expected to fail', '    expect: fail', '    assets: [{ id: nb, type: aws.sagemaker.notebook-instance, props: { rootAccess: false } }]'].join('\n'),
      'pack/untested-rule.yaml': rule('untested-rule'),
    });
    const result = runCli(['rules', 'test', 'pack'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL my-root-rule: wrongly expected to fail');
    expect(result.stdout).toContain('expected fail for nb, got pass');
    expect(result.stdout).toContain('FAIL untested-rule: no failing or passing test case (pack/untested-rule.yaml)');
  });

  it('a test asset with a misspelt property is an input error, like a snapshot', () => {
    const dir = tempDir({
      'pack/my-root-rule.yaml': rule('my-root-rule'),
      'pack/my-root-rule.test.yaml': ['rule: my-root-rule', 'cases:', '  - name: typo', '    expect: fail', '    assets:', '      - { id: nb, type: aws.sagemaker.notebook-instance, props: { rootAcess: true } }'].join('\n'),
    });
    const result = runCli(['rules', 'test', 'pack'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pack/my-root-rule.test.yaml:6: cases[0].assets[0].props.rootAcess: unknown field (did you mean "rootAccess"?)');
  });
});

describe('aispm.config.yaml', () => {
  it('sets rule parameters: the governance rules run only once their lists are set', () => {
    const dir = tempDir({ 'aispm.config.yaml': 'parameters:\n  approvedModels: ["gpt-4o*", "anthropic.claude-3-5-*"]\n' });
    const only = ['--only', 'cross-model-not-approved', '--format', 'json'];
    expect(JSON.parse(runCli(['scan', '--demo', ...only]).stdout).findings).toEqual([]);
    const configured = JSON.parse(runCli(['scan', '--demo', ...only], { cwd: dir }).stdout);
    expect(configured.findings.map((finding: { resource: { name: string } }) => finding.resource.name)).toContain('gpt-35-legacy');
    expect(configured.findings.map((finding: { resource: { name: string } }) => finding.resource.name)).not.toContain('gpt-4o-chat');
  });

  it('a misspelt parameter or a value of the wrong kind is an input error', () => {
    const dir = tempDir({ 'bad.yaml': 'parameters:\n  approvedModel: ["x"]\n  requiredTags: owner\n' });
    const result = runCli(['scan', '--demo', '--config', 'bad.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.yaml:2: parameters.approvedModel: no loaded rule has this parameter (did you mean "approvedModels"?)');
    expect(result.stderr).toContain('bad.yaml:3: parameters.requiredTags: expected a list of strings (as in rule cross-ai-asset-missing-required-tags), got a string');
  });
});

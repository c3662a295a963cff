import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';
import { ruleYaml } from '../rule-fixtures.js';

/** Every bad input exits 2 with one clear line per problem (file:line: field: message (hint)) and no stack trace. */
function expectInputError(result: { code: number | null; stderr: string; stdout: string }, ...messages: Array<string | RegExp>) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  for (const message of messages) expect(result.stderr).toMatch(message);
}

const validRule = ruleYaml({ id: 'my-notebook-rule' });

describe('bad input exits 2 with a located message', () => {
  it('unknown flag, with a suggestion', () => {
    expectInputError(runCli(['scan', '--demo', '--formt', 'json']), "aispm: error: unknown option '--formt'", '(Did you mean --format?)');
  });

  it('bad flag value', () => {
    expectInputError(runCli(['scan', '--demo', '--format', 'xml']), /argument 'xml' is invalid. Allowed choices are table, json, sarif, markdown/);
    expectInputError(runCli(['scan', '--demo', '--fail-on', 'severe']), /Allowed choices are critical, high, medium, low, info, none/);
    expectInputError(runCli(['scan', '--demo', '--concurrency', 'many']), 'aispm: error: --concurrency: "many" is not a positive whole number');
    expectInputError(runCli(['scan', '--provider', 'oracle']), 'aispm: error: --provider: "oracle" is not one of aws, azure, gcp');
  });

  it('unknown command and unknown rule id', () => {
    expectInputError(runCli(['sacn']), /unknown command 'sacn'/);
    expectInputError(runCli(['scan', '--demo', '--only', 'aws-sagemaker-notebook-root-acess']), 'aispm: error: --only: no rule with id "aws-sagemaker-notebook-root-acess" (did you mean "aws-sagemaker-notebook-root-access"?)');
  });

  it('conflicting sources and no credentials', () => {
    expectInputError(runCli(['scan', '--demo', '--snapshot', 'x.json']), '--demo and --snapshot cannot be combined');
    expectInputError(runCli(['scan']), 'no cloud credentials found for any provider');
  });

  it('missing files', () => {
    expectInputError(runCli(['scan', '--snapshot', 'no-such-snapshot.json']), 'aispm: error: no-such-snapshot.json: cannot read snapshot: no such file (check the path)');
    expectInputError(runCli(['scan', '--demo', '--baseline', 'no-such-baseline.json']), 'no-such-baseline.json: cannot read baseline: no such file');
    expectInputError(runCli(['scan', '--demo', '--ignore', 'no-such-ignore.yaml']), 'no-such-ignore.yaml: cannot read ignore file: no such file');
    expectInputError(runCli(['scan', '--demo', '--rules', 'no-such-dir']), 'no-such-dir: rule pack directory not found');
  });

  it('invalid YAML in a rule, with its line', () => {
    const dir = tempDir({ 'pack/broken.yaml': 'id: x\ntitle: [unclosed\n' });
    expectInputError(runCli(['rules', 'validate', 'pack'], { cwd: dir }), /pack\/broken\.yaml:\d+: invalid YAML: /);
  });

  it('a rule that fails the schema: every problem with file, line, field and hint', () => {
    const dir = tempDir({
      'pack/bad.yaml': validRule.replace('severity: high', 'severity: hgh').replace('resourceTypes: [aws.sagemaker.notebook-instance]', 'resourceTypes: [aws.sagemaker.notebook-instanc]').replace('remediation: Turn root access off.', 'remediation: Turn root access off.\nowner: me'),
    });
    expectInputError(
      runCli(['rules', 'validate', 'pack'], { cwd: dir }),
      'aispm: error: pack/bad.yaml:3: severity: must be one of: "critical", "high", "medium", "low", "info"',
      'aispm: error: pack/bad.yaml:12: owner: unknown field',
    );
    const fixed = tempDir({ 'pack/bad.yaml': validRule.replace('resourceTypes: [aws.sagemaker.notebook-instance]', 'resourceTypes: [aws.sagemaker.notebook-instanc]') });
    expectInputError(runCli(['rules', 'validate', 'pack'], { cwd: fixed }), 'aispm: error: pack/bad.yaml:6: resourceTypes[0]: unknown asset type "aws.sagemaker.notebook-instanc" (did you mean "aws.sagemaker.notebook-instance"?)');
  });

  it('a rule reference that is not an http: or https: URL (it would become a link in SARIF helpUri)', () => {
    const references = ['javascript:alert(document.domain)', 'file:///etc/passwd', 'data:text/html,<script>alert(1)</script>', '"https://docs.example/a b"', 'https://docs.example/ok', 'http://docs.example/ok'];
    const dir = tempDir({ 'pack/bad.yaml': `${validRule}\nreferences:\n${references.map((reference) => `  - ${reference}`).join('\n')}\n` });
    const result = runCli(['rules', 'validate', 'pack'], { cwd: dir });
    expectInputError(
      result,
      'aispm: error: pack/bad.yaml:13: references[0]: not an https: or http: URL (a reference is a web page, e.g. https://docs.aws.amazon.com/...)',
      'aispm: error: pack/bad.yaml:14: references[1]: not an https: or http: URL',
      'aispm: error: pack/bad.yaml:15: references[2]: not an https: or http: URL',
      'aispm: error: pack/bad.yaml:16: references[3]: not an https: or http: URL',
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(4);
  });

  it('an unknown operator or field in a rule condition', () => {
    const dir = tempDir({ 'pack/bad.yaml': validRule.replace('  field: props.rootAccess\n  equals: true', '  all:\n    - field: props.rootAcess\n      equals: true\n    - field: props.rootAccess\n      equal: true') });
    expectInputError(
      runCli(['rules', 'validate', 'pack'], { cwd: dir }),
      'aispm: error: pack/bad.yaml:9: when.all[0].field: props.rootAcess is not a property of aws.sagemaker.notebook-instance (did you mean "rootAccess"?)',
      'aispm: error: pack/bad.yaml:12: when.all[1].equal: unknown operator "equal" (did you mean "equals"?)',
    );
  });

  it('a bad rule pack given to scan stops the scan before collecting', () => {
    const dir = tempDir({ 'pack/bad.yaml': validRule.replace('equals: true', 'matches: "(unclosed"') });
    expectInputError(runCli(['scan', '--demo', '--rules', 'pack'], { cwd: dir }), /pack\/bad\.yaml:9: when\.matches: invalid regular expression: .*missing closing \)/);
  });

  it('a rule id used twice across packs', () => {
    const dir = tempDir({ 'pack/a.yaml': validRule, 'pack/b.yaml': validRule });
    expectInputError(runCli(['rules', 'validate', 'pack'], { cwd: dir }), 'pack/b.yaml: id: rule id "my-notebook-rule" is already used by pack/a.yaml');
  });

  it('a corrupt snapshot', () => {
    const dir = tempDir({
      'truncated.json': '{"snapshotVersion": 1, "assets": [\n',
      'wrong.json': JSON.stringify({ snapshotVersion: 1, assets: [{ id: 'a', type: 'aws.sagemaker.notebook-instance', provider: 'aws', account: '1', region: 'r', name: 'a', props: { rootAcess: true } }] }, null, 2),
      'future.json': '{"snapshotVersion": 7, "assets": []}',
      'type.json': JSON.stringify({ snapshotVersion: 1, assets: [{ id: 'a', type: 'aws.sagemaker.notebok', provider: 'aws', account: '1', region: 'r', name: 'a', props: {} }], edges: [{ from: 'a', type: 'uses-identty', to: 'b' }] }, null, 2),
    });
    expectInputError(runCli(['scan', '--snapshot', 'truncated.json'], { cwd: dir }), 'aispm: error: truncated.json:1: invalid JSON');
    expectInputError(runCli(['scan', '--snapshot', 'wrong.json'], { cwd: dir }), 'aispm: error: wrong.json:12: assets[0].props.rootAcess: unknown field (did you mean "rootAccess"?)');
    expectInputError(runCli(['scan', '--snapshot', 'future.json'], { cwd: dir }), 'future.json:1: snapshotVersion: unsupported snapshot version 7');
    expectInputError(
      runCli(['scan', '--snapshot', 'type.json'], { cwd: dir }),
      'type.json:6: assets[0].type: unknown asset type "aws.sagemaker.notebok"',
      'type.json:17: edges[0].type: unknown edge type "uses-identty" (did you mean "uses-identity"?)',
      'type.json:18: edges[0].to: no asset with id "b" in this snapshot',
    );
  });

  it('a bad ignore file and a bad baseline', () => {
    const dir = tempDir({
      'no-reason.yaml': 'ignore:\n  - rule: aws-sagemaker-notebook-root-access\n    reason: ok\n',
      'typo.yaml': 'ignore:\n  - rule: aws-sagemaker-notebok-root-access\n    reason: accepted by the security team\n',
      'empty-entry.yaml': 'ignore:\n  - reason: accepted by the security team\n',
      'baseline.json': '{"schemaVersion": 2, "findings": []}',
    });
    expectInputError(runCli(['scan', '--demo', '--ignore', 'no-reason.yaml'], { cwd: dir }), 'no-reason.yaml:3: ignore[0].reason: give a reason of at least 10 characters');
    expectInputError(runCli(['scan', '--demo', '--ignore', 'typo.yaml'], { cwd: dir }), 'typo.yaml:2: ignore[0].rule: no rule with id "aws-sagemaker-notebok-root-access" (did you mean "aws-sagemaker-notebook-root-access"?)');
    expectInputError(runCli(['scan', '--demo', '--ignore', 'empty-entry.yaml'], { cwd: dir }), 'empty-entry.yaml:2: ignore[0]: an entry needs a rule, a resource, or both');
    expectInputError(runCli(['scan', '--demo', '--baseline', join(dir, 'baseline.json')]), /baseline\.json:1: schemaVersion: /);
  });

  it('--debug adds the stack trace', () => {
    const result = runCli(['scan', '--snapshot', 'no-such-snapshot.json', '--debug']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});

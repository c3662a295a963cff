import { chmodSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
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

  it('numbers out of range, in flags and in the config file', () => {
    expectInputError(runCli(['scan', '--demo', '--concurrency', '99999999999999999999']), 'aispm: error: --concurrency: 99999999999999999999 is out of range (from 1 to 256)');
    expectInputError(runCli(['scan', '--demo', '--concurrency', '1e3']), 'aispm: error: --concurrency: "1e3" is not a positive whole number');
    expectInputError(runCli(['scan', '--demo', '--timeout', '2592000']), 'aispm: error: --timeout: 2592000 is out of range (from 1 to 3600)');
    expectInputError(runCli(['graph', '--demo', '--asset', 'x', '--hops', '0']), 'aispm: error: --hops: "0" is not a positive whole number');
    expectInputError(runCli(['graph', '--demo', '--asset', 'x', '--hops', '1000']), 'aispm: error: --hops: 1000 is out of range (from 1 to 10)');
    const dir = tempDir({ 'aispm.config.yaml': 'scan:\n  timeout: 30\n  concurrency: 99999999999999999999\n' });
    expectInputError(runCli(['scan', '--demo'], { cwd: dir }), 'aispm: error: aispm.config.yaml:3: scan.concurrency: 100000000000000000000 is more than 256, the most allowed');
  });

  it('rule parameters outside the range their rule declares', () => {
    const config = tempDir({ 'aispm.config.yaml': 'parameters:\n  maxIdleSessionSeconds: 99999999999999999999\n  sagemakerEndpointMinInstances: -3\n' });
    expectInputError(
      runCli(['scan', '--demo'], { cwd: config }),
      'aispm: error: aispm.config.yaml:2: parameters.maxIdleSessionSeconds: 100000000000000000000 is more than 86400, the most this parameter allows',
      'aispm: error: aispm.config.yaml:3: parameters.sagemakerEndpointMinInstances: -3 is less than 1, the least this parameter allows',
    );
    const withParameter = validRule.replace('when:', 'parameters:\n  maxAgeDays:\n    description: Oldest acceptable age in days.\n    default: 0\n    minimum: 1\nwhen:');
    const pack = tempDir({
      'pack/my-notebook-rule.yaml': withParameter,
      'pack/my-notebook-rule.test.yaml': 'rule: my-notebook-rule\ncases:\n  - name: negative age\n    expect: pass\n    parameters: { maxAgeDays: -1 }\n    assets: [{ id: nb, type: aws.sagemaker.notebook-instance, props: { rootAccess: false } }]\n',
    });
    expectInputError(runCli(['rules', 'validate', 'pack'], { cwd: pack }), /pack\/my-notebook-rule\.yaml:\d+: parameters\.maxAgeDays\.default: 0 is less than 1, the least this parameter allows/);
    writeFileSync(join(pack, 'pack/my-notebook-rule.yaml'), withParameter.replace('default: 0', 'default: 30'));
    expectInputError(runCli(['rules', 'validate', 'pack'], { cwd: pack }), 'pack/my-notebook-rule.test.yaml:5: cases[0].parameters.maxAgeDays: -1 is less than 1, the least this parameter allows');
  });

  it('an expiry date that is not a day of the calendar', () => {
    const entry = (expires: string) => `ignore:\n  - rule: aws-sagemaker-notebook-root-access\n    reason: accepted by the security team\n    expires: ${expires}\n`;
    const dir = tempDir({ 'never.yaml': entry('9999-99-99'), 'february.yaml': entry('2027-02-30'), 'leap.yaml': entry('2028-02-29') });
    for (const file of ['never.yaml', 'february.yaml']) {
      expectInputError(runCli(['scan', '--demo', '--ignore', file], { cwd: dir }), `aispm: error: ${file}:4: ignore[0].expires: not a date: write a day of the calendar as YYYY-MM-DD, e.g. 2027-01-31`);
    }
    expect(runCli(['scan', '--demo', '--ignore', 'leap.yaml', '--format', 'json', '--quiet'], { cwd: dir }).stderr).toBe('');
  });

  it('--debug adds the stack trace', () => {
    const result = runCli(['scan', '--snapshot', 'no-such-snapshot.json', '--debug']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});

/** A snapshot of `count` buckets, written as --save-snapshot writes (indented JSON). */
function largeSnapshot(count: number): { snapshotVersion: number; assets: Array<Record<string, unknown>> } {
  const assets = Array.from({ length: count }, (_, index) => ({
    id: `arn:aws:s3:::bucket-${String(index).padStart(7, '0')}`,
    type: 'aws.s3.bucket',
    provider: 'aws',
    account: '123456789012',
    region: 'eu-west-1',
    name: `bucket-${index}`,
    tags: { owner: 'data-team', env: index % 2 ? 'prod' : 'dev' },
    props: { publicRead: index % 7 === 0, publicWrite: false, customerManagedKey: index % 3 === 0, versioning: true },
  }));
  return { snapshotVersion: 1, assets };
}

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOfText(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('large and broken inputs', () => {
  // The memory budget README's performance table documents for 100k assets; these files hold 150k.
  const smallHeap = { NODE_OPTIONS: '--max-old-space-size=1024' };

  it('one wrong key in a large snapshot: exit 2 with its line and field, without parsing the file twice', () => {
    const snapshot = largeSnapshot(150_000);
    const last = snapshot.assets.at(-1)!;
    snapshot.assets[snapshot.assets.length - 1] = { ...Object.fromEntries(Object.entries(last).filter(([key]) => key !== 'name')), nmae: last.name };
    const text = JSON.stringify(snapshot, null, 1);
    const dir = tempDir({ 'big.json': text, 'big.yaml': text });
    const line = lineOfText(text, '"nmae"');
    for (const file of ['big.json', 'big.yaml']) {
      const started = Date.now();
      const result = runCli(['scan', '--snapshot', file], { cwd: dir, env: smallHeap });
      expectInputError(result, `aispm: error: ${file}:${line}: assets[149999].nmae: unknown field (did you mean "name"?)`);
      // Before: the error path parsed the whole file again with the YAML parser, for minutes, until the heap ran out.
      expect(Date.now() - started).toBeLessThan(30_000);
    }
  }, 120_000);

  it('a wrong value at the end of a large baseline: its line and field', () => {
    const findings = Array.from({ length: 150_000 }, (_, index) => ({ ruleId: 'aws-s3-bucket-public-read', severity: 'high', status: 'new', resource: { id: `arn:aws:s3:::bucket-${index}`, type: 'aws.s3.bucket' } }));
    findings.push({ ruleId: 'aws-s3-bucket-public-read', severity: 'severe', status: 'new', resource: { id: 'arn:aws:s3:::last', type: 'aws.s3.bucket' } });
    const text = JSON.stringify({ schemaVersion: 1, findings }, null, 2);
    const dir = tempDir({ 'baseline.json': text });
    expectInputError(runCli(['scan', '--demo', '--baseline', 'baseline.json'], { cwd: dir, env: smallHeap }), `baseline.json:${lineOfText(text, '"severe"')}: findings[150000].severity: must be one of:`);
  }, 120_000);

  it('a JSON snapshot named .yaml is read at JSON speed', () => {
    const dir = tempDir({ 'snapshot.yaml': JSON.stringify(largeSnapshot(150_000), null, 1) });
    const started = Date.now();
    const result = runCli(['scan', '--snapshot', 'snapshot.yaml', '--format', 'json', '--quiet'], { cwd: dir, env: smallHeap });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).summary.assets).toBe(150_000);
    // Before: the YAML parser took minutes and gigabytes for what JSON.parse reads in a second.
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);

  it('YAML flow syntax that is not JSON still reads as YAML', () => {
    const dir = tempDir({ 'ignore.yaml': "{ignore: [{rule: aws-sagemaker-notebook-root-access, reason: 'accepted by the security team'}]}\n" });
    const result = runCli(['scan', '--demo', '--ignore', 'ignore.yaml', '--format', 'json', '--quiet'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).findings.some((finding: { status: string }) => finding.status === 'suppressed')).toBe(true);
  });

  it('a file larger than Node.js can hold as a string is refused before it is read', () => {
    const dir = tempDir();
    // Sparse: 600 MiB on paper, no disk space used. V8 strings end just below 512 MiB.
    const file = join(dir, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 600 * 1024 * 1024);
    const started = Date.now();
    expectInputError(runCli(['scan', '--snapshot', 'huge.json'], { cwd: dir }), 'aispm: error: huge.json: snapshot is 600 MiB, more than the 500 MiB aispm accepts');
    expectInputError(runCli(['scan', '--demo', '--baseline', 'huge.json'], { cwd: dir }), 'aispm: error: huge.json: baseline is 600 MiB, more than the 500 MiB aispm accepts');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a file that would exhaust the heap is refused with how to give Node.js more', () => {
    const dir = tempDir();
    const file = join(dir, 'big.json');
    writeFileSync(file, '');
    truncateSync(file, 100 * 1024 * 1024);
    expectInputError(
      runCli(['scan', '--snapshot', 'big.json'], { cwd: dir, env: { NODE_OPTIONS: '--max-old-space-size=256' } }),
      /big\.json: snapshot is 100 MiB; reading it takes about 400 MiB of memory, more than the \d+ MiB this Node\.js process may use \(give Node\.js more: NODE_OPTIONS=--max-old-space-size=512\)/,
    );
  });
});

describe('rule packs: what the walk skips is said, and a pack that yields no rule is an error', () => {
  it('follows a symbolic link to a rule file inside the pack', () => {
    const dir = tempDir({ 'pack/store/my-notebook-rule.yaml.txt': validRule });
    symlinkSync('store/my-notebook-rule.yaml.txt', join(dir, 'pack/my-notebook-rule.yaml'));
    const result = runCli(['rules', 'validate', 'pack'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^1 rules valid in pack/);
    expect(result.code).toBe(0);
  });

  it('skips a link that leads out of the pack, says so, and exits 2 when nothing is left', () => {
    const dir = tempDir({ 'elsewhere/my-notebook-rule.yaml': validRule, 'pack/README.md': 'rules' });
    symlinkSync('../elsewhere/my-notebook-rule.yaml', join(dir, 'pack/my-notebook-rule.yaml'));
    for (const args of [['rules', 'validate', 'pack'], ['scan', '--demo', '--rules', 'pack']]) {
      const result = runCli(args, { cwd: dir });
      expectInputError(
        result,
        /aispm: warning: pack\/my-notebook-rule\.yaml: skipped: a symbolic link to \/.*\/elsewhere\/my-notebook-rule\.yaml, outside the rule pack\n/,
        'aispm: error: pack: no rule loaded from the rule pack: 1 skipped (see the warnings above)',
      );
    }
  });

  it('a symbolic link loop ends, with a warning', () => {
    const dir = tempDir({ 'pack/my-notebook-rule.yaml': validRule });
    symlinkSync('.', join(dir, 'pack/loop'));
    symlinkSync('nowhere', join(dir, 'pack/broken.yaml'));
    const result = runCli(['rules', 'validate', 'pack'], { cwd: dir });
    expect(result.stderr).toContain('aispm: warning: pack/loop: skipped: a symbolic link to a directory of the pack already read (a loop, or a second way in)\n');
    expect(result.stderr).toContain('aispm: warning: pack/broken.yaml: skipped: a symbolic link that leads nowhere (no such file)\n');
    expect(result.stdout).toMatch(/^1 rules valid in pack/);
    expect(result.code).toBe(0);
  });

  it('a rule nested deeper than the walk goes is an error, not a silent skip', () => {
    const deep = `pack/${Array.from({ length: 18 }, (_, index) => `d${index}`).join('/')}`;
    const dir = tempDir({ [`${deep}/my-notebook-rule.yaml`]: validRule });
    expectInputError(runCli(['rules', 'validate', 'pack'], { cwd: dir }), /aispm: error: pack\/d0\/.*\/d16: directory nested more than 16 levels below the rule pack pack: its rules would not be loaded \(move it up/);
  });

  it('an empty pack is an error', () => {
    const dir = tempDir({ 'pack/notes.txt': 'nothing here' });
    expectInputError(runCli(['rules', 'validate', 'pack'], { cwd: dir }), 'aispm: error: pack: no rule files in the rule pack (a rule pack is a directory of rule YAML files');
    expectInputError(runCli(['scan', '--demo', '--rules', 'pack'], { cwd: dir }), 'aispm: error: pack: no rule files in the rule pack');
  });

  // Root reads every directory whatever its mode, so this needs an ordinary user.
  it.skipIf(process.getuid?.() === 0)('an unreadable directory in a pack exits 2 naming it', () => {
    const dir = tempDir({ 'pack/my-notebook-rule.yaml': validRule, 'pack/locked/other.yaml': validRule });
    chmodSync(join(dir, 'pack/locked'), 0);
    try {
      expectInputError(runCli(['rules', 'validate', 'pack'], { cwd: dir }), 'aispm: error: pack/locked: cannot read this directory of the rule pack: permission denied');
    } finally {
      chmodSync(join(dir, 'pack/locked'), 0o755);
    }
  });
});

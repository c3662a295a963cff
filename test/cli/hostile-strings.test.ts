import { describe, expect, it } from 'vitest';
import { LIVE_MARKDOWN, markdownLiveText, runCli, tempDir } from '../helpers.js';

/** Names, tags and messages from the cloud are written by strangers; outputs must not interpret them. */
const ESC = '\u001b';
const RLO = '\u202e';
const hostileName = `evil${ESC}[2J${ESC}]0;pwned${'\u0007'}-nb${RLO}gpj.exe <img src=x onerror=alert(1)> [click](https://phish.example) | @admins www.phish.example admin@phish.example #1`;

const snapshot = JSON.stringify({
  snapshotVersion: 1,
  sources: ['hostile'],
  coverage: [{ provider: 'aws', account: `1${ESC}[31m`, region: 'us-east-1', service: 'sagemaker', status: 'denied', message: `denied ${ESC}[5m${RLO} <b>x</b> | [a](b)` }],
  assets: [
    {
      id: `arn:aws:sagemaker:us-east-1:1:notebook-instance/${hostileName}`,
      type: 'aws.sagemaker.notebook-instance',
      provider: 'aws',
      account: '111122223333',
      region: 'us-east-1',
      name: hostileName,
      tags: { owner: `${ESC}[31mred` },
      props: { rootAccess: true, directInternetAccess: true },
    },
  ],
});

describe('hostile strings from the cloud', () => {
  const dir = tempDir({ 'hostile.json': snapshot });
  const run = (format: string) => runCli(['scan', '--snapshot', 'hostile.json', '--format', format], { cwd: dir });

  it('the table and markdown contain no escape sequence, bidi override or bell', () => {
    for (const format of ['table', 'markdown']) {
      const result = run(format);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).not.toContain(ESC);
      expect(result.stdout).not.toContain(RLO);
      expect(result.stdout).not.toContain('\u0007');
    }
    expect(run('table').stdout).toContain('evil\\x1b[2J\\x1b]0;pwned\\x07-nb\\u{202e}gpj.exe');
    const inventory = runCli(['inventory', '--snapshot', 'hostile.json'], { cwd: dir });
    expect(inventory.stdout).not.toContain(ESC);
    expect(inventory.stdout).not.toContain(RLO);
  });

  it('markdown stays text: no HTML, links, autolinks, mentions, references or broken table rows', () => {
    const { stdout } = run('markdown');
    expect(stdout).not.toContain('<img');
    expect(stdout).not.toContain('<b>');
    // A link needs an unescaped `](` outside code (inside one, `[click](https://phish.example)` is text).
    expect(markdownLiveText(stdout)).not.toMatch(/(^|[^\\])\]\(/);
    // Outside code spans, nothing GitHub would link or notify: no URL, www. name, e-mail address, @mention or #reference.
    expect(markdownLiveText(stdout)).not.toMatch(LIVE_MARKDOWN);
    expect(stdout).toContain('`@admins` `www.phish.example` `admin@phish.example` `#1`');
    for (const line of stdout.split('\n').filter((row) => row.startsWith('| ') && row.includes('evil'))) {
      expect(line.replace(/\\\|/g, '').split('|').length).toBe(7);
    }
  });

  it('SARIF messages contain no control characters and no live links', () => {
    const log = JSON.parse(run('sarif').stdout);
    const texts = [...log.runs[0].results.map((result: { message: { text: string } }) => result.message.text), ...log.runs[0].invocations[0].toolExecutionNotifications.map((note: { message: { text: string } }) => note.message.text)];
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) {
      expect(text).not.toMatch(/[\u0000-\u001f\u202e]/);
      expect(text).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/);
    }
  });
});

/**
 * Strings from rule packs, snapshots, ignore files and the command line reach error messages and the
 * rules commands' output: on a terminal they must show as text, never as escape sequences.
 */
describe('hostile strings in errors and rules output', () => {
  const TITLE = `${ESC}]0;pwned${'\u0007'}`;
  const CLEAR = `${ESC}[2J`;
  const expectInert = (text: string) => {
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u0007');
    expect(text).not.toContain(RLO);
  };
  const rule = (id: string, types = 'aws.sagemaker.notebook-instance') =>
    [`id: ${id}`, 'title: A rule built for the tests', 'severity: high', 'severityReason: Only a test rule, not a real risk.', 'category: network', `resourceTypes: [${types}]`, 'when:\n  field: props.rootAccess\n  equals: true', 'description: A description that is long enough for the schema.', 'remediation: Turn root access off.'].join('\n');

  it('rules validate: an asset type and a file name from the pack are escaped in the error', () => {
    const dir = tempDir({ [`pack/evil${CLEAR}.yaml`]: rule('my-rule', `"evil${TITLE}${CLEAR}${RLO}"`) });
    const result = runCli(['rules', 'validate', 'pack'], { cwd: dir });
    expect(result.code).toBe(2);
    expectInert(result.stderr);
    expect(result.stderr).toContain('aispm: error: pack/evil\\x1b[2J.yaml:6: resourceTypes[0]: unknown asset type "evil\\x1b]0;pwned\\x07\\x1b[2J\\u{202e}"');
  });

  it('rules test: case names, asset ids and file names are escaped in the report', () => {
    const dir = tempDir({
      'pack/my-rule.yaml': rule('my-rule'),
      [`pack/my-rule${CLEAR}.test.yaml`]: ['rule: my-rule', 'cases:', `  - name: "root ${TITLE}${CLEAR} case"`, '    expect: pass', `    assets: [{ id: "nb-${CLEAR}${RLO}", type: aws.sagemaker.notebook-instance, props: { rootAccess: true } }]`].join('\n'),
    });
    const result = runCli(['rules', 'test', 'pack'], { cwd: dir });
    expect(result.code).toBe(1);
    expectInert(result.stdout + result.stderr);
    expect(result.stdout).toContain('FAIL my-rule: root \\x1b]0;pwned\\x07\\x1b[2J case\n     pack/my-rule\\x1b[2J.test.yaml: expected pass for nb-\\x1b[2J\\u{202e}, got fail');
    // A name with a line break cannot forge a line of the report.
    const forged = tempDir({
      'pack/my-rule.yaml': rule('my-rule'),
      'pack/my-rule.test.yaml': ['rule: my-rule', 'cases:', '  - name: "x\\nok: 9 rules, 9 cases, 9 passed"', '    expect: pass', '    assets: [{ id: nb, type: aws.sagemaker.notebook-instance, props: { rootAccess: true } }]'].join('\n'),
    });
    expect(runCli(['rules', 'test', 'pack'], { cwd: forged }).stdout).toContain('FAIL my-rule: x\\nok: 9 rules');
  });

  it('a snapshot asset type and property key, an ignore entry and a flag value are escaped in errors', () => {
    const assets = [
      { id: 'a', type: `aws.sagemaker.notebook-instance${TITLE}`, provider: 'aws', account: '1', region: 'r', name: 'n', tags: {}, props: {} },
      { id: 'b', type: 'aws.sagemaker.notebook-instance', provider: 'aws', account: '1', region: 'r', name: 'n', tags: {}, props: { [`root${CLEAR}Access`]: true } },
    ];
    const dir = tempDir({
      'snap.json': JSON.stringify({ snapshotVersion: 1, sources: ['x'], coverage: [], assets }),
      'ignore.yaml': `ignore:\n  - rule: "aws-${'\\e[2J'}x\\nforged line"\n    reason: accepted by the security team\n`,
    });
    const snapshot = runCli(['scan', '--snapshot', 'snap.json'], { cwd: dir });
    expect(snapshot.code).toBe(2);
    expectInert(snapshot.stderr);
    expect(snapshot.stderr).toContain('assets[0].type: unknown asset type "aws.sagemaker.notebook-instance\\x1b]0;pwned\\x07"');
    expect(snapshot.stderr).toContain('assets[1].props.root\\x1b[2JAccess: unknown field');
    const ignore = runCli(['scan', '--demo', '--ignore', 'ignore.yaml'], { cwd: dir });
    expect(ignore.code).toBe(2);
    expectInert(ignore.stderr);
    expect(ignore.stderr).toContain('no rule with id "aws-\\x1b[2Jx\\nforged line"');
    expect(ignore.stderr.split('\n').filter((line) => line !== '').every((line) => line.startsWith('aispm: error: '))).toBe(true);
    // Warnings go through the same escaping: an expired ignore entry quotes its resource pattern.
    const expired = tempDir({ 'ignore.yaml': `ignore:\n  - rule: aws-sagemaker-notebook-root-access\n    resource: "nb-${'\\e[2J\\e]0;x\\a'}*"\n    reason: accepted by the security team\n    expires: 2020-01-01\n` });
    const warned = runCli(['scan', '--demo', '--ignore', 'ignore.yaml', '--format', 'json'], { cwd: expired });
    expect(warned.stderr).toContain('aispm: warning: ignore entry at ignore.yaml:2 expired on 2020-01-01 and no longer suppresses (aws-sagemaker-notebook-root-access on nb-\\x1b[2J\\x1b]0;x\\x07*)');
    expectInert(warned.stderr);
    for (const args of [['scan', '--demo', '--format', `x${CLEAR}`], ['rules', 'show', `x${TITLE}`]]) {
      const result = runCli(args, { cwd: dir });
      expect(result.code).toBe(2);
      expectInert(result.stderr);
    }
  });
});

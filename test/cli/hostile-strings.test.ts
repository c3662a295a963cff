import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

/** Names, tags and messages from the cloud are written by strangers; outputs must not interpret them. */
const ESC = '\u001b';
const RLO = '\u202e';
const hostileName = `evil${ESC}[2J${ESC}]0;pwned${'\u0007'}-nb${RLO}gpj.exe <img src=x onerror=alert(1)> [click](https://phish.example) | @admins`;

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

  it('markdown stays text: no HTML, links, mentions or broken table rows', () => {
    const { stdout } = run('markdown');
    expect(stdout).not.toContain('<img');
    expect(stdout).not.toContain('<b>');
    expect(stdout).not.toContain('](https://phish.example)');
    expect(stdout).not.toContain('@admins');
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

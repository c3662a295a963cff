import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, withoutTimestamps } from '../helpers.js';

describe('snapshots', () => {
  it('a saved snapshot gives the same findings as the scan that saved it', () => {
    const dir = tempDir();
    const snapshot = join(dir, 'estate.json');
    const first = runCli(['scan', '--demo', '--format', 'json', '--save-snapshot', snapshot]);
    const second = runCli(['scan', '--snapshot', snapshot, '--format', 'json']);
    const findings = (text: string) => JSON.parse(text).findings;
    expect(findings(second.stdout)).toEqual(findings(first.stdout));
    expect(JSON.parse(second.stdout).scan.coverage).toEqual(JSON.parse(first.stdout).scan.coverage);
    expect(second.code).toBe(1);
  });

  it('is deterministic: saving twice gives the same bytes apart from createdAt', () => {
    const dir = tempDir();
    runCli(['inventory', '--demo', '--format', 'json', '--save-snapshot', join(dir, 'a.json')]);
    runCli(['inventory', '--demo', '--format', 'json', '--save-snapshot', join(dir, 'b.json')]);
    const read = (name: string) => withoutTimestamps(readFileSync(join(dir, name), 'utf8')).replace(/"createdAt": "[^"]*"/, '');
    expect(read('b.json')).toBe(read('a.json'));
  });
});

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, SUMMARY_LINE } from './helpers.js';

/**
 * The rule pack is prebuilt into dist/ at `npm run build` so that start-up parses no YAML; a rule file
 * edited since must still win, whether or not the edit changed the file's size.
 */
const RULE_ID = 'aws-bedrock-agent-idle-session-ttl-excessive';
const RULE_FILE = join('rules', 'aws', `${RULE_ID}.yaml`);
const TITLE = 'Bedrock agent keeps idle sessions open too long';

let copy: string;

beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'aispm-prebuilt-'));
  for (const part of ['package.json', 'bin', 'dist', 'rules', 'fixtures']) cpSync(join(ROOT, part), join(copy, part), { recursive: true, preserveTimestamps: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
});

afterEach(() => rmSync(copy, { recursive: true, force: true }));

function titleShown(): { list: string; show: string; scan: string } {
  const run = (command: string[]) => {
    const result = spawnSync(process.execPath, [join(copy, 'bin', 'aispm.js'), ...command], { cwd: copy, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    expect(result.stderr).toMatch(command[0] === 'scan' ? SUMMARY_LINE : /^$/);
    return result.stdout;
  };
  const listed = JSON.parse(run(['rules', 'list', '--format', 'json'])) as Array<{ id: string; title: string }>;
  const sarif = JSON.parse(run(['scan', '--demo', '--format', 'sarif', '--fail-on', 'none'])) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; shortDescription: { text: string } }> } } }> };
  return {
    list: listed.find((rule) => rule.id === RULE_ID)!.title,
    show: run(['rules', 'show', RULE_ID]).split('\n')[0]!,
    scan: sarif.runs[0]!.tool.driver.rules.find((rule) => rule.id === RULE_ID)!.shortDescription.text,
  };
}

describe('the prebuilt rule pack', () => {
  it('is used while the rule files are unchanged', () => {
    // Mark the built artifacts, so that what is shown can only have come from them.
    for (const artifact of ['rule-index.json', 'rule-pack.json']) {
      const file = join(copy, 'dist', artifact);
      writeFileSync(file, readFileSync(file, 'utf8').replace(TITLE, 'From the build'));
    }
    expect(titleShown()).toEqual({ list: 'From the build', show: 'From the build', scan: 'From the build' });
  });

  it('gives way to a rule file edited since the build', () => {
    const file = join(copy, RULE_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace(TITLE, 'Edited title'));
    expect(titleShown()).toEqual({ list: 'Edited title', show: 'Edited title', scan: 'Edited title' });
  });

  it('gives way to an edit that keeps the file size (compared by content when the mtime moved)', () => {
    const file = join(copy, RULE_FILE);
    const edited = TITLE.replace('too long', 'too LONG');
    writeFileSync(file, readFileSync(file, 'utf8').replace(TITLE, edited));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(titleShown()).toEqual({ list: edited, show: edited, scan: edited });
  });
});

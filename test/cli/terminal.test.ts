import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAws, fakeAwsEnvironment } from '../fakes/aws/server.js';
import { BIN, ROOT, runCli } from '../helpers.js';

/**
 * aispm at a terminal, as a user sees it: a live scan under a pseudo-terminal (test/cli/pty-run.py),
 * against a fake AWS slow enough for the progress line to show. Progress never floods or hangs, not
 * even on a terminal that reports 0 columns, fits the width, and takes no colour with NO_COLOR.
 */

const fake = new FakeAws();
let env: Record<string, string>;

beforeAll(async () => {
  await fake.start();
  fake.faults.latencyMs = 5;
  env = { PATH: process.env.PATH ?? '', HOME: mkdtempSync(join(tmpdir(), 'aispm-pty-')), TERM: 'xterm-256color', ...fakeAwsEnvironment(fake, tmpdir()) };
});

afterAll(() => fake.stop());

function underTerminal(columns: number, rows: number, extraEnv: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const child = spawn('python3', [join(ROOT, 'test', 'cli', 'pty-run.py'), String(columns), String(rows), '60', process.execPath, BIN, 'scan', '--provider', 'aws', '--regions', 'us-east-1'], {
    env: { ...env, ...extraEnv },
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve(JSON.parse(stdout) as { code: number; output: string }));
  });
}

/** The progress frames: what was drawn after each "go to the line start and clear it". */
function progressFrames(output: string): string[] {
  return output
    .split('\r\u001b[2K')
    .slice(1)
    .map((part) => part.split('\r\n')[0]!)
    .filter((frame) => frame.length > 0 && !frame.startsWith('aispm '));
}

const visible = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('progress at a terminal', () => {
  it('shows what is happening on one line that fits 80 columns, and clears it', async () => {
    const { code, output } = await underTerminal(80, 24);
    expect(code).toBe(1);
    const frames = progressFrames(output);
    expect(frames.length).toBeGreaterThan(1);
    expect(frames.some((frame) => /aws: 111122223333: \d+\/1 regions, \d+ assets/.test(frame))).toBe(true);
    for (const frame of frames) expect(visible(frame).length).toBeLessThan(80);
    expect(visible(output)).toMatch(/\r\u001b\[2Kaispm \d+\.\d+\.\d+: \d+ assets/);
  });

  it('writes no progress at all, and ends, on a terminal that reports 0 columns', async () => {
    const { code, output } = await underTerminal(0, 0);
    expect(code).toBe(1);
    expect(progressFrames(output)).toEqual([]);
    expect(output.length).toBeLessThan(200_000);
  });

  it('takes no colour anywhere with NO_COLOR', async () => {
    const { code, output } = await underTerminal(80, 24, { NO_COLOR: '1' });
    expect(code).toBe(1);
    expect(progressFrames(output).length).toBeGreaterThan(0);
    expect(output).not.toMatch(/\u001b\[[0-9;]*m/);
  });
});

describe('the table written to a pipe', () => {
  // The table's lines; full resource ids listed below it stay unbroken, to be copied.
  const widest = (text: string) => Math.max(...text.split('\n').filter((line) => /^[┌│├└]/.test(line)).map((line) => line.length));

  it('is 140 columns wide, or as wide as an exported COLUMNS asks', () => {
    const wide = runCli(['scan', '--demo', '--no-color']);
    const narrow = runCli(['scan', '--demo', '--no-color'], { env: { COLUMNS: '80' } });
    expect([wide.code, narrow.code]).toEqual([1, 1]);
    expect(widest(wide.stdout)).toBeGreaterThan(100);
    expect(widest(wide.stdout)).toBeLessThanOrEqual(140);
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(80);
  });
});

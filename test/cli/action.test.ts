import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tempDir } from '../helpers.js';

/**
 * The GitHub Action in action.yml, its scan step run as the runner runs it: bash with the inputs in
 * the environment, GITHUB_ACTION_PATH at this checkout, a step summary and an output file.
 */

interface ActionStep {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: ActionStep[] } };
const scanStep = action.runs.steps.find((step) => step.id === 'scan')!;

function runScanStep(inputs: Record<string, string>) {
  const dir = tempDir();
  const files = { summary: join(dir, 'summary.md'), output: join(dir, 'output.txt') };
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]));
  const values = { ...defaults, ...inputs };
  // The step's env maps `${{ inputs.x }}` to variables; fill them in as the runner would.
  const env = Object.fromEntries(Object.entries(scanStep.env ?? {}).map(([name, expression]) => [name, values[/inputs\.([a-z-]+)/.exec(expression)![1]!] ?? '']));
  const result = spawnSync('bash', ['-e', '-c', scanStep.run!], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', GITHUB_ACTION_PATH: ROOT, GITHUB_STEP_SUMMARY: files.summary, GITHUB_OUTPUT: files.output, ...env },
  });
  return { ...result, dir, summary: readFileSync(files.summary, 'utf8'), output: readFileSync(files.output, 'utf8') };
}

describe('the GitHub Action', () => {
  it('is a composite action that installs aispm from its own source', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.some((step) => step.run?.trim() === 'npm ci --no-audit --no-fund --loglevel=error')).toBe(true);
  });

  it('gates the job, writes SARIF for upload, the job summary and its exit code', () => {
    const result = runScanStep({ args: '--demo', 'json-file': 'aispm.json' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^aispm \d+\.\d+\.\d+: 96 assets from demo/);
    expect(JSON.parse(readFileSync(join(result.dir, 'aispm.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(JSON.parse(readFileSync(join(result.dir, 'aispm.json'), 'utf8')).summary.findings).toBe(126);
    expect(result.summary).toMatch(/^## aispm: 126 findings/);
    expect(result.output).toBe('exit-code=1\n');
  });

  it('passes with fail-on none, and fails on coverage gaps when asked', () => {
    expect(runScanStep({ args: '--demo', 'fail-on': 'none' }).output).toBe('exit-code=0\n');
    expect(runScanStep({ args: '--demo', 'fail-on': 'none', 'fail-on-gaps': 'true', 'step-summary': 'false' })).toMatchObject({ status: 3, summary: '', output: 'exit-code=3\n' });
  });
});

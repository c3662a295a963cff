import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect } from 'vitest';

/** The SARIF Multitool that GitHub's own docs point to; its npm package resolves to the platform binary. */
const multitool: string = createRequire(import.meta.url)('@microsoft/sarif-multitool');

/** Runs the multitool's validation with GitHub's rules; its findings (none when the log is fine). */
export function validateSarif(file: string, outputDir: string): Array<{ level: string; ruleId: string; text: string }> {
  const report = join(outputDir, 'validation.sarif');
  const run = spawnSync(multitool, ['validate', '--rule-kind', 'Gh;Sarif', '--output', report, file], { encoding: 'utf8' });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const log = JSON.parse(readFileSync(report, 'utf8'));
  return (log.runs[0].results ?? []).map((result: { level?: string; ruleId: string; message: { text?: string; id?: string; arguments?: string[] } }) => ({
    level: result.level ?? 'warning',
    ruleId: result.ruleId,
    text: result.message.text ?? `${result.message.id} ${(result.message.arguments ?? []).join(' ')}`,
  }));
}

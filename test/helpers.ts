import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'aispm.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a user would, in a separate process. The environment is reduced so that a
 * developer's cloud credentials and colour settings never leak into a test.
 */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: cliEnvironment(options.env), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Like runCli, without blocking this process while the CLI runs: for tests that serve a fake cloud
 * endpoint from the test process itself.
 */
export function runCliAsync(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return startCli(args, options).result;
}

/** Starts the CLI like runCliAsync, and hands out the process too (to send it a signal). */
export function startCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): { child: ChildProcess; result: Promise<CliResult> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: cliEnvironment(options.env) });
  const result = new Promise<CliResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, result };
}

function cliEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    NO_COLOR: '1',
    AWS_CONFIG_FILE: join(tmpdir(), 'aispm-test-no-such-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(tmpdir(), 'aispm-test-no-such-aws-credentials'),
    ...extra,
  };
}

/** A fresh temporary directory, with optional files (path → content). */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'aispm-test-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

/** What a scan prints on stderr when all is well: the one summary line (findings, gaps, why the exit code). */
export const SUMMARY_LINE = /^aispm: \d+ findings?\b[^\n]*; \d+ coverage gaps?; exit \d: [^\n]*\n$/;

/** Removes the timestamps, the only part of a report that may differ between two runs. */
export function withoutTimestamps(text: string): string {
  return text.replace(/"(startedAt|finishedAt|startTimeUtc|endTimeUtc|timestamp)": "[^"]*"/g, '"$1": "<time>"');
}

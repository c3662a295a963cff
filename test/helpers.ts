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

/**
 * The text GitHub would still scan for autolinks, @mentions and #references in a markdown document:
 * everything outside code spans and fenced code blocks (GFM spec 0.29, "Autolinks (extension)":
 * extended autolinks are recognised in text nodes only; GitHub's mention and reference filters skip
 * `code` and `pre`). Backslash escapes and entities do not count: they still render as text.
 */
export function markdownLiveText(markdown: string): string {
  const withoutFences = markdown.replace(/^( {0,3})(`{3,})[^\n]*\n[\s\S]*?^ {0,3}\2`*[ \t]*$/gm, '');
  let live = '';
  let index = 0;
  while (index < withoutFences.length) {
    const char = withoutFences[index]!;
    if (char === '\\') {
      live += withoutFences.slice(index, index + 2);
      index += 2;
      continue;
    }
    if (char !== '`') {
      live += char;
      index++;
      continue;
    }
    const run = /^`+/.exec(withoutFences.slice(index))![0];
    const close = new RegExp(`(?<!\`)\`{${run.length}}(?!\`)`, 'g');
    close.lastIndex = index + run.length;
    const end = close.exec(withoutFences);
    if (!end) {
      live += run;
      index += run.length;
      continue;
    }
    index = end.index + run.length;
  }
  return live;
}

/** What GitHub turns into a link or a notification in markdown text: URLs, www. names, e-mail addresses, @mentions, issue references. */
export const LIVE_MARKDOWN = /:\/\/|www\.|@|#\d|\bgh-\d/i;

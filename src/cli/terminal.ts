import type { Logger } from '../log.js';
import { escapeText } from '../report/escape.js';
import { redactSecretsInString } from '../secrets/detect.js';

/**
 * Everything about the terminal in one place: colour, width, the logger, the spinner. Progress and
 * info logs go to stderr and only on a terminal (or with --debug); warnings always go to stderr;
 * results go to stdout or --output.
 */

export interface TerminalOptions {
  color?: boolean;
  debug?: boolean;
}

/** Colour for output written to stdout: off for --no-color, NO_COLOR, files and pipes; on for FORCE_COLOR. */
export function useColor(options: TerminalOptions, toFile: boolean): boolean {
  if (options.color === false || toFile) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true;
}

export function terminalWidth(): number {
  return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 140;
}

export function createLogger(options: TerminalOptions): Logger {
  const interactive = process.stderr.isTTY === true;
  // Log lines quote API answers (in coverage messages) before the inventory is redacted: redact them here too.
  const write = (prefix: string, message: string) => process.stderr.write(`${prefix}${escapeText(redactSecretsInString(message)?.text ?? message)}\n`);
  return {
    debug: (message) => {
      if (options.debug) write('aispm: debug: ', message);
    },
    info: (message) => {
      if (options.debug || interactive) write('aispm: ', message);
    },
    warn: (message) => write('aispm: warning: ', message),
  };
}

export interface Progress {
  update(message: string): void;
  stop(): void;
}

/** A spinner on stderr when it is a terminal (and not --debug, whose log lines would fight it). */
export async function startProgress(options: TerminalOptions, text: string): Promise<Progress> {
  if (!process.stderr.isTTY || options.debug) return { update: () => {}, stop: () => {} };
  const { default: ora } = await import('ora');
  const spinner = ora({ text, stream: process.stderr, color: 'cyan', discardStdin: false }).start();
  return {
    update: (message) => {
      spinner.text = escapeText(message);
    },
    stop: () => spinner.stop(),
  };
}

import type { Logger } from '../log.js';
import { escapeText } from '../report/escape.js';
import { scrubText } from '../secrets/sink.js';

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

/**
 * The table's width: the terminal's, or for a pipe or file the COLUMNS a user exported (as `ls` and `git`
 * do: `COLUMNS=80 aispm scan | less`), else 140.
 */
export function terminalWidth(): number {
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns;
  const exported = Number(process.env.COLUMNS);
  return Number.isInteger(exported) && exported > 0 && exported <= 10_000 ? exported : 140;
}

export function createLogger(options: TerminalOptions): Logger {
  const interactive = process.stderr.isTTY === true;
  // Log lines quote API answers (in coverage messages) before the inventory is redacted: redact them here too.
  const write = (prefix: string, message: string) => {
    clearStatusLine?.();
    process.stderr.write(`${prefix}${escapeText(scrubText(message))}\n`);
  };
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

/** Clears the progress line, if one is shown, so that a log line starts at the left edge; the next frame redraws it. */
let clearStatusLine: (() => void) | undefined;

/** Below this width a status line would only wrap: no progress is shown. */
const MIN_PROGRESS_COLUMNS = 20;
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const ASCII_FRAMES = ['-', '\\', '|', '/'];
const FRAME_MS = 100;

/**
 * A one-line status on stderr when it is a terminal (with --debug, a log line per change instead;
 * off a terminal, nothing). It can neither hang nor flood: at most one short line every FRAME_MS, cut to the terminal's
 * width, and nothing at all when the terminal reports fewer than MIN_PROGRESS_COLUMNS columns (a
 * 0-column terminal made a spinner library loop forever). No colour with NO_COLOR or --no-color.
 */
export async function startProgress(options: TerminalOptions, text: string): Promise<Progress> {
  const stream = process.stderr;
  // With --debug, progress is a log line each time it changes (a spinner would fight the log lines).
  if (options.debug) {
    let last = '';
    const note = (message: string) => {
      if (message === last) return;
      last = message;
      stream.write(`aispm: debug: ${escapeText(scrubText(message))}\n`);
    };
    note(text);
    return { update: note, stop: () => {} };
  }
  if (!stream.isTTY || (stream.columns ?? 0) < MIN_PROGRESS_COLUMNS) return { update: () => {}, stop: () => {} };
  const color = options.color !== false && !(process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') && process.env.TERM !== 'dumb';
  const frames = process.env.TERM === 'linux' || process.platform === 'win32' ? ASCII_FRAMES : FRAMES;
  let message = escapeText(scrubText(text));
  let frame = 0;
  const render = () => {
    const columns = stream.columns ?? 0;
    if (columns < MIN_PROGRESS_COLUMNS) return;
    const spinner = frames[frame++ % frames.length]!;
    const line = `${spinner} ${message}`;
    const shown = line.length > columns - 1 ? `${line.slice(0, columns - 2)}…` : line;
    stream.write(`\r\x1b[2K${color ? `\x1b[36m${spinner}\x1b[39m${shown.slice(spinner.length)}` : shown}`);
  };
  const clear = () => stream.write('\r\x1b[2K');
  render();
  const timer = setInterval(render, FRAME_MS);
  timer.unref();
  clearStatusLine = clear;
  return {
    update: (next) => {
      message = escapeText(scrubText(next));
    },
    stop: () => {
      if (clearStatusLine !== clear) return; // stopped already
      clearInterval(timer);
      clearStatusLine = undefined;
      clear();
    },
  };
}

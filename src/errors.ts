/**
 * Errors meant for people. An InputError is a problem with what the user gave us (a flag, a rule file,
 * a snapshot, an ignore file, a baseline): the CLI prints it without a stack trace and exits 2.
 */

export interface ErrorLocation {
  /** File the problem is in, as the user named it. */
  file?: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** Dotted path of the field inside the document, e.g. `when.all[1].equals`. */
  field?: string;
}

export interface Problem extends ErrorLocation {
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** Formats one problem as `file:line: field: message (hint)`. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line !== undefined ? String(problem.line) : undefined].filter(Boolean).join(':');
  const parts = [where, problem.field].filter((part) => part !== undefined && part !== '');
  const prefix = parts.length > 0 ? `${parts.join(': ')}: ` : '';
  const hint = problem.hint ? ` (${problem.hint})` : '';
  return `${prefix}${problem.message}${hint}`;
}

export class InputError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem | Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = list;
  }
}

/** A file system error in words: `permission denied`, not `EACCES: permission denied, open '...'`. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  return error instanceof Error ? error.message : String(error);
}

/** Thrown when the user interrupts a scan (Ctrl-C); the CLI exits 130. */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}

/** Suggests the closest known word for a typo, or undefined when nothing is close. */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** A hint like `did you mean "equals"?`, or undefined. */
export function suggestion(word: string, known: readonly string[]): string | undefined {
  const close = didYouMean(word, known);
  return close ? `did you mean "${close}"?` : undefined;
}

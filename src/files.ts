import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from './errors.js';

const BLOCK_CHARS = 1 << 20;

/** Joins small chunks into blocks of about a megabyte: one system call per block, not per chunk. */
export function* inBlocks(chunks: Iterable<string>): Iterable<string> {
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= BLOCK_CHARS) {
      yield pending.join('');
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}

/**
 * Writes a file so that readers see either the old content or the whole new content, never half a
 * file (an interrupted scan must not leave a truncated report for CI to upload).
 */
export function writeFileAtomic(file: string, content: string | Iterable<string>): void {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, 'w', 0o644);
  } catch (error) {
    throw new InputError({ file, message: `cannot write: ${(error as Error).message}`, hint: 'check that the directory exists and is writable' });
  }
  try {
    for (const block of inBlocks(typeof content === 'string' ? [content] : content)) writeSync(fd, block);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, file);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temporary, { force: true });
    throw new InputError({ file, message: `cannot write: ${(error as Error).message}` });
  }
}

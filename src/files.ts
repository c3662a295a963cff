import { rmSync, statSync, type Stats } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
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
 * Temporary files being written. A process that exits half-way (Ctrl-C, SIGTERM, a fatal error)
 * removes them on its way out, so no `.report.json.1a2b.tmp` is left beside the report.
 */
const temporaries = new Set<string>();
process.on('exit', () => {
  for (const temporary of temporaries) rmSync(temporary, { force: true });
});

/**
 * Writes a file so that readers see either the old content or the whole new content, never half a
 * file: an interrupted scan or a full disk must not leave a truncated report for CI to upload, nor
 * replace the previous one. The content goes to a temporary file beside the target, is synced, and
 * only then renamed over it. A character device or FIFO (`/dev/null`, a named pipe) and anything
 * under /dev or /proc (`/dev/stdout`) is written to directly: renaming over it would replace the node.
 * A link to a plain file elsewhere is replaced, not written through. It yields to the event
 * loop between blocks, so Ctrl-C stops a long write at once.
 */
export async function writeFileAtomic(file: string, content: string | Iterable<string>): Promise<void> {
  const blocks = inBlocks(typeof content === 'string' ? [content] : content);
  const target = existingTarget(file);
  if (target && (!target.isFile() || isDescriptorLink(file))) {
    if (!target.isCharacterDevice() && !target.isFIFO() && !target.isFile()) {
      const kind = target.isDirectory() ? 'a directory' : target.isBlockDevice() ? 'a block device' : 'neither a file nor a character device nor a pipe';
      throw new InputError({ file, message: `cannot write: it is ${kind}`, hint: 'name a file, "-" for stdout, or a character device such as /dev/null' });
    }
    await writeSpecialFile(file, blocks);
    return;
  }
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle;
  try {
    handle = await open(temporary, 'wx', 0o644);
  } catch (error) {
    throw new InputError({ file, message: `cannot write: ${(error as Error).message}`, hint: 'check that the directory exists and is writable' });
  }
  temporaries.add(temporary);
  try {
    for (const block of blocks) await writeWhole(handle, block);
    await handle.sync();
    await handle.close();
    await rename(temporary, file);
  } catch (error) {
    await handle.close().catch(() => {});
    rmSync(temporary, { force: true });
    throw new InputError({ file, message: `cannot write: ${(error as Error).message}`, hint: 'the previous file, if any, is left as it was' });
  } finally {
    temporaries.delete(temporary);
  }
}

/**
 * `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: links to an open descriptor, which may be a plain
 * file the shell redirected to. Write through them; renaming over them would replace the link in /dev.
 */
function isDescriptorLink(file: string): boolean {
  return /^\/(dev|proc)\//.test(resolve(file));
}

function existingTarget(file: string): Stats | undefined {
  try {
    // Follows links: `/dev/stdout` is a link to a descriptor, and replacing the link itself would be wrong.
    return statSync(file);
  } catch {
    return undefined;
  }
}

async function writeSpecialFile(file: string, blocks: Iterable<string>): Promise<void> {
  let handle: FileHandle;
  try {
    // Opened off the main thread: a FIFO without a reader blocks here, and Ctrl-C must still work.
    handle = await open(file, 'w');
  } catch (error) {
    throw new InputError({ file, message: `cannot write: ${(error as Error).message}` });
  }
  try {
    for (const block of blocks) await writeWhole(handle, block);
  } catch (error) {
    throw new InputError({ file, message: `cannot write: ${(error as Error).message}` });
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Writes all of a block: a write may take only part of it (a full disk does), and the rest must follow or fail. */
async function writeWhole(handle: FileHandle, block: string): Promise<void> {
  const buffer = Buffer.from(block, 'utf8');
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
    if (bytesWritten <= 0) throw new Error('no space left to write (a write took no bytes)');
    offset += bytesWritten;
  }
}

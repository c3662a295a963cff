import { inBlocks, writeFileAtomic } from '../files.js';

/** Writes a report to --output (atomically) or stdout, chunk by chunk. */
export function writeReport(chunks: Iterable<string>, output: string | undefined): void {
  if (output) {
    writeFileAtomic(output, chunks);
    return;
  }
  for (const block of inBlocks(chunks)) process.stdout.write(block);
}

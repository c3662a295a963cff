import { InputError } from '../errors.js';
import { inBlocks, writeFileAtomic } from '../files.js';
import { scrubChunks } from '../secrets/sink.js';

/**
 * Where reports go. `--format` names the report for stdout; each `--output` either moves that report
 * to a file (`--output report.json`) or adds another report in its own format
 * (`--output sarif:aispm.sarif`), so one run can write a SARIF file for upload, a JSON file for the
 * archive and the table on stdout. `-` is stdout.
 */
export interface OutputTarget<F extends string> {
  format: F;
  /** Undefined: stdout. */
  file?: string;
}

export function planOutputs<F extends string>(format: F, outputs: readonly string[] | undefined, formats: readonly F[]): Array<OutputTarget<F>> {
  const targets: Array<OutputTarget<F>> = [];
  let replacesStdout = false;
  for (const output of outputs ?? []) {
    if (output === '') throw new InputError({ field: '--output', message: 'is empty', hint: 'give a file name, "-" for stdout, or FORMAT:FILE such as sarif:aispm.sarif' });
    const prefixed = /^([a-z]+):(.+)$/.exec(output);
    if (prefixed && (formats as readonly string[]).includes(prefixed[1]!)) {
      targets.push({ format: prefixed[1] as F, file: stdoutOr(prefixed[2]!) });
    } else {
      replacesStdout = true;
      targets.push({ format, file: stdoutOr(output) });
    }
  }
  if (!replacesStdout) targets.unshift({ format });
  const seen = new Set<string>();
  for (const target of targets) {
    const where = target.file ?? '-';
    if (seen.has(where)) throw new InputError({ field: '--output', message: `${target.file === undefined ? 'stdout' : `"${where}"`} is named twice`, hint: 'give each report its own destination' });
    seen.add(where);
  }
  return targets;
}

/**
 * `-`, and the names of this process's own stdout (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`), are
 * stdout: written through the stream, which works whatever it is (a pipe, a socket, a terminal).
 */
function stdoutOr(file: string): string | undefined {
  return file === '-' || /^\/(dev\/stdout|dev\/fd\/1|proc\/self\/fd\/1)$/.test(file) ? undefined : file;
}

/**
 * Writes a report to its file (atomically) or to stdout, block by block, waiting for a slow reader
 * (and so letting Ctrl-C in) rather than buffering the whole report in memory.
 */
export async function writeReport(report: Iterable<string>, file: string | undefined): Promise<void> {
  // Every report passes the secrets check on its way out, whatever its format.
  const chunks = scrubChunks(report);
  if (file !== undefined) {
    await writeFileAtomic(file, chunks);
    return;
  }
  for (const block of inBlocks(chunks)) {
    if (!process.stdout.write(block)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

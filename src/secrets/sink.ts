import { redactSecretsInString } from './detect.js';
import { redactText } from './redact.js';

/**
 * The last check before text leaves aispm (a report, a saved snapshot, a log line, an error message):
 * the scanner's own credentials and every known secret format are taken out once more. What reaches
 * here was redacted when it entered the graph or the coverage; this catches what was made later
 * (an SDK's error text, a message built from a raw error), and is a net, not the guarantee.
 */
export function scrubText(text: string): string {
  return redactText(text);
}

/**
 * A piece of a report or snapshot: its values were redacted when they entered the graph, so this
 * net looks for the scanner's own credentials and the well-known formats only (weighing every
 * `"field": value` of a large document by its name would cost more than writing it).
 */
function scrubDocument(text: string): string {
  return redactSecretsInString(text, { formatsOnly: true })?.text ?? text;
}

/** Text is checked in pieces of whole lines of about this size; a longer line is checked in parts of MAX_PIECE. */
const PIECE = 64 * 1024;
const MAX_PIECE = 1024 * 1024;

/**
 * Scrubs a document written chunk by chunk. A secret never spans lines, but may span chunks: the
 * text is checked in pieces that end at line ends.
 */
export function* scrubChunks(chunks: Iterable<string>): Iterable<string> {
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    const end = chunk.lastIndexOf('\n');
    if (end === -1) {
      pending.push(chunk);
      size += chunk.length;
      if (size > MAX_PIECE) {
        yield scrubDocument(pending.join(''));
        pending = [];
        size = 0;
      }
      continue;
    }
    pending.push(chunk.slice(0, end + 1));
    yield* scrubPieces(pending.join(''));
    const rest = chunk.slice(end + 1);
    pending = rest === '' ? [] : [rest];
    size = rest.length;
  }
  if (pending.length > 0) yield* scrubPieces(pending.join(''));
}

function* scrubPieces(text: string): Iterable<string> {
  let start = 0;
  while (start < text.length) {
    let cut = text.lastIndexOf('\n', start + PIECE);
    if (cut < start) cut = text.indexOf('\n', start + PIECE);
    let stop = cut === -1 ? text.length : cut + 1;
    if (stop - start > MAX_PIECE) stop = start + MAX_PIECE;
    yield scrubDocument(text.slice(start, stop));
    start = stop;
  }
}

import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, sep } from 'node:path';
import { PACKAGE_ROOT } from './package-info.js';

/**
 * Artifacts made at `npm run build` from source files (the rule pack, the demo estate), so that a
 * scan starts without parsing YAML. An artifact is used only while every source file is unchanged;
 * otherwise the caller reads the sources. A file whose size and modification time match the build's
 * is taken as unchanged without reading it; any other file is compared by content (mtimes do not
 * survive `npm pack`, and a checkout may touch files it did not change).
 */

const PREBUILT_VERSION = 2;

interface SourceStamp {
  /** Relative to the package root. */
  path: string;
  size: number;
  mtimeMs: number;
  sha1: string;
}

export interface Prebuilt<T> {
  version: number;
  files: SourceStamp[];
  content: T;
}

/** Stamps name files with forward slashes, whatever the platform that built them. */
function toStampPath(relativePath: string): string {
  return sep === '/' ? relativePath : relativePath.split(sep).join('/');
}

// node:crypto is loaded only when a file's mtime changed: `aispm rules list` is a start-up benchmark.
const requireBuiltin = createRequire(import.meta.url);

function sha1Of(file: string): string {
  const { createHash } = requireBuiltin('node:crypto') as typeof import('node:crypto');
  return createHash('sha1').update(readFileSync(file)).digest('hex');
}

export function makePrebuilt<T>(sourceFiles: readonly string[], content: T): Prebuilt<T> {
  const files = sourceFiles.map((file) => {
    const stat = statSync(file);
    return { path: toStampPath(relative(PACKAGE_ROOT, file)), size: stat.size, mtimeMs: stat.mtimeMs, sha1: sha1Of(file) };
  });
  return { version: PREBUILT_VERSION, files, content };
}

/** The artifact's content when it exists and matches the current source files; undefined otherwise. */
export function readFreshPrebuilt<T>(artifact: string, sourceFiles: readonly string[]): T | undefined {
  let prebuilt: Prebuilt<T>;
  try {
    prebuilt = JSON.parse(readFileSync(artifact, 'utf8')) as Prebuilt<T>;
  } catch {
    return undefined;
  }
  if (prebuilt.version !== PREBUILT_VERSION || prebuilt.files.length !== sourceFiles.length) return undefined;
  // Source files are absolute paths under the package root; string slicing is cheaper than
  // path.relative here, and this runs on every `aispm rules list`.
  const prefix = PACKAGE_ROOT + sep;
  for (let index = 0; index < sourceFiles.length; index++) {
    const file = sourceFiles[index]!;
    const stamp = prebuilt.files[index]!;
    if (!file.startsWith(prefix) || toStampPath(file.slice(prefix.length)) !== stamp.path) return undefined;
    const stat = statSync(file);
    if (stat.size !== stamp.size) return undefined;
    if (stat.mtimeMs !== stamp.mtimeMs && sha1Of(file) !== stamp.sha1) return undefined;
  }
  return prebuilt.content;
}

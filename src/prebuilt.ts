import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { PACKAGE_ROOT } from './package-info.js';

/**
 * Artifacts made at `npm run build` from source files (the rule pack, the demo estate), so that a
 * scan starts without parsing YAML. An artifact is used only while every source file is unchanged,
 * by content (mtimes do not survive `npm pack`); otherwise the caller reads the sources.
 */

const PREBUILT_VERSION = 1;

export interface Prebuilt<T> {
  version: number;
  /** The source files, relative to the package root, with a hash of their content. */
  files: Array<{ path: string; sha1: string }>;
  content: T;
}

function stamps(files: readonly string[]): Prebuilt<unknown>['files'] {
  return files.map((file) => ({ path: relative(PACKAGE_ROOT, file), sha1: createHash('sha1').update(readFileSync(file)).digest('hex') }));
}

export function makePrebuilt<T>(sourceFiles: readonly string[], content: T): Prebuilt<T> {
  return { version: PREBUILT_VERSION, files: stamps(sourceFiles), content };
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
  const current = stamps(sourceFiles);
  for (let index = 0; index < current.length; index++) {
    if (current[index]!.path !== prebuilt.files[index]!.path || current[index]!.sha1 !== prebuilt.files[index]!.sha1) return undefined;
  }
  return prebuilt.content;
}

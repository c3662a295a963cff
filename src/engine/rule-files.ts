import { readdirSync, realpathSync, statSync } from 'node:fs';
import { normalize, sep } from 'node:path';
import { describeFsError, InputError, type Problem } from '../errors.js';

/**
 * Finding the files of a rule pack. Kept free of YAML and zod so that `aispm rules list` can check
 * the prebuilt pack is fresh without loading them.
 *
 * Symbolic links are followed when they lead to a file or directory inside the pack, so a pack can
 * share a rule between folders; a link that leads out of the pack is skipped (a pack is the data in
 * its directory: a stranger's pack cannot make aispm read ~/.aws/credentials), as are broken links,
 * files that are not regular files, and what was already seen through another link (so a loop ends).
 * Trivy's walker skips every link, silently; here each skip is reported.
 */

const MAX_RULE_FILES = 5000;
/** Directories deeper below the pack are an error, not a silent skip: their rules were asked for. */
const MAX_PACK_DEPTH = 16;

export interface SkippedPath {
  path: string;
  reason: string;
}

export interface RuleFileListing {
  files: string[];
  /** What the walk left out, and why; whoever asked for the pack reports it. */
  skipped: SkippedPath[];
}

/** Rule files in a pack: every .yaml/.yml file below `dir`, except rule tests (`*.test.yaml`). */
export function findRuleFiles(dir: string): RuleFileListing {
  return listYamlFiles(dir, (name) => !isTestFile(name));
}

/** Rule test files: `<rule>.test.yaml`, beside the rule they test. */
export function findRuleTestFiles(dir: string): RuleFileListing {
  return listYamlFiles(dir, isTestFile);
}

export function isTestFile(file: string): boolean {
  return /\.test\.ya?ml$/i.test(file);
}

/** `pack/x.yaml: skipped: a symbolic link to a file outside the rule pack` */
export function describeSkip(skip: SkippedPath): string {
  return `${skip.path}: skipped: ${skip.reason}`;
}

/**
 * YAML files below `dir` whose name passes `wanted`, in a stable order. This runs on every start of
 * `aispm rules list` (the prebuilt pack's freshness check), so it builds paths by concatenation
 * below a normalized root rather than with path.join, skips unwanted names before building them,
 * and resolves real paths only for symbolic links.
 */
function listYamlFiles(dir: string, wanted: (name: string) => boolean): RuleFileListing {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new InputError({ file: dir, message: 'rule pack directory not found', hint: 'pass a directory of rule YAML files' });
  }
  if (!stat.isDirectory()) throw new InputError({ file: dir, message: 'not a directory', hint: 'pass a directory of rule YAML files' });
  const files: string[] = [];
  const skipped: SkippedPath[] = [];
  const problems: Problem[] = [];
  const normalized = normalize(dir);
  const root = normalized.length > 1 && normalized.endsWith(sep) ? normalized.slice(0, -1) : normalized;
  const realRoot = realpathSync(root);
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot === sep ? sep : realRoot + sep);
  // Real paths of the directories and files already taken: a second way to one (through a link) is skipped.
  const seenDirectories = new Set<string>([realRoot]);
  const seenFiles = new Map<string, string>();
  const isYaml = (name: string) => /\.ya?ml$/i.test(name);

  const addFile = (path: string, real: string) => {
    const first = seenFiles.get(real);
    if (first !== undefined) return void skipped.push({ path, reason: `the same file as ${first}` });
    seenFiles.set(real, path);
    files.push(path);
    if (files.length > MAX_RULE_FILES) throw new InputError({ file: dir, message: `more than ${MAX_RULE_FILES} YAML files in the rule pack` });
  };

  const walk = (current: string, real: string, depth: number) => {
    if (depth > MAX_PACK_DEPTH) {
      problems.push({ file: current, message: `directory nested more than ${MAX_PACK_DEPTH} levels below the rule pack ${dir}: its rules would not be loaded`, hint: 'move it up, or pass it as a rule pack of its own' });
      return;
    }
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      problems.push({ file: current, message: `cannot read this directory of the rule pack: ${describeFsError(error)}`, hint: 'its rules would not be loaded; fix its permissions or remove it' });
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      const path = current + sep + name;
      if (entry.isDirectory()) {
        const realChild = real + sep + name;
        if (seenDirectories.has(realChild)) continue; // already read through a link that came first
        seenDirectories.add(realChild);
        walk(path, realChild, depth + 1);
      } else if (entry.isFile()) {
        if (isYaml(name) && wanted(name)) addFile(path, real + sep + name);
      } else if (entry.isSymbolicLink()) {
        followLink(path, name, depth);
      } else if (isYaml(name)) {
        skip(path, name, 'not a regular file');
      }
    }
  };

  // Both walks (rules, tests) meet the same links: each reports only those whose name it wants.
  const skip = (path: string, name: string, reason: string) => {
    if (wanted(name)) skipped.push({ path, reason });
  };
  const followLink = (path: string, name: string, depth: number) => {
    let target: string;
    let targetStat;
    try {
      target = realpathSync(path);
      targetStat = statSync(target);
    } catch (error) {
      return skip(path, name, `a symbolic link that leads nowhere (${describeFsError(error)})`);
    }
    if (targetStat.isDirectory()) {
      if (!inside(target)) return skip(path, name, `a symbolic link to ${target}, outside the rule pack`);
      if (seenDirectories.has(target)) return skip(path, name, 'a symbolic link to a directory of the pack already read (a loop, or a second way in)');
      seenDirectories.add(target);
      return walk(path, target, depth + 1);
    }
    if (!isYaml(name)) return;
    if (!targetStat.isFile()) return skip(path, name, 'a symbolic link to something that is not a regular file');
    if (!inside(target)) return skip(path, name, `a symbolic link to ${target}, outside the rule pack`);
    if (wanted(name)) addFile(path, target);
  };

  walk(root, realRoot, 0);
  if (problems.length > 0) throw new InputError(problems);
  return { files, skipped };
}

import { relative } from 'node:path';
import { ASSET_TYPE_NAMES } from '../graph/catalog/index.js';
import { InputError, suggestion, type Problem } from '../errors.js';
import { formatFieldPath, issuesToProblems, readDocument, type FieldPath, type SourceDocument } from '../input/document.js';
import { createConditionCompiler } from './condition.js';
import { ASSET_FIELDS, parseFieldPath } from './field-path.js';
import { checkFrameworkId, frameworkByKey, FRAMEWORK_KEYS } from './frameworks.js';
import { compilePath } from './path.js';
import { describeSkip, findRuleFiles, type SkippedPath } from './rule-files.js';
import { parameterRangeProblem, ruleDocumentSchema, type CompiledRule, type CompileOptions, type MessagePart, type ParameterValue, type Rule } from './rule.js';

const MAX_RULE_BYTES = 256 * 1024;

export interface LoadRuleDirOptions extends CompileOptions {
  /** Where to report files the walk skipped (rule-files.ts says which and why); without it, a skip is an error. */
  warn?: (message: string) => void;
}

/**
 * Loads and compiles every rule in a directory, reporting the problems of all files at once.
 * File names in messages and in `source` are relative to `displayBase` (default: the working directory).
 * A pack that yields no rule is an error: rules were asked for and none were loaded.
 */
export function loadRuleDir(dir: string, displayBase: string = process.cwd(), options: LoadRuleDirOptions = {}): CompiledRule[] {
  const problems: Problem[] = [];
  const rules: CompiledRule[] = [];
  const { files, skipped } = findRuleFiles(dir);
  reportSkipped(skipped, displayBase, options.warn);
  for (const file of files) {
    try {
      rules.push(loadRuleFile(file, relative(displayBase, file) || file, options));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  if (rules.length === 0) {
    throw new InputError({
      file: dir,
      message: skipped.length > 0 ? `no rule loaded from the rule pack: ${skipped.length} skipped (see the warnings above)` : 'no rule files in the rule pack',
      hint: 'a rule pack is a directory of rule YAML files (*.yaml, beside their *.test.yaml tests)',
    });
  }
  return rules;
}

/** Reports what a walk of a pack skipped: as warnings when the caller takes them, otherwise as errors. */
export function reportSkipped(skipped: readonly SkippedPath[], displayBase: string, warn: ((message: string) => void) | undefined): void {
  const shown = skipped.map((skip) => ({ ...skip, path: relative(displayBase, skip.path) || skip.path }));
  if (warn) for (const skip of shown) warn(describeSkip(skip));
  else if (shown.length > 0) throw new InputError(shown.map((skip) => ({ file: skip.path, message: `skipped: ${skip.reason}` })));
}

export function loadRuleFile(file: string, displayName: string = file, options: CompileOptions = {}): CompiledRule {
  const source = readDocument(file, { kind: 'rule file', maxBytes: MAX_RULE_BYTES });
  return compileRuleDocument({ ...source, file: displayName }, displayName, options);
}

/** Compiles a rule again with other parameter values (rule tests set them per case). */
export function recompileRule(rule: Rule, options: CompileOptions): CompiledRule {
  const { source, ...document } = rule;
  return compileRuleDocument({ file: source, data: document, lineOf: () => undefined }, source, options);
}

/**
 * Validates and compiles one rule document. Used for YAML files and for the prebuilt built-in pack
 * alike, so both go through the same checks.
 */
export function compileRuleDocument(source: SourceDocument, ruleSource: string = source.file, options: CompileOptions = {}): CompiledRule {
  const problems: Problem[] = [];
  const report = (path: FieldPath, message: string, hint?: string) => problems.push({ file: source.file, line: source.lineOf(path), field: formatFieldPath(path), message, hint });

  const data = source.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError({ file: source.file, line: 1, message: 'a rule file must hold one rule: a mapping with id, title, severity, resourceTypes, when, ...' });
  }
  const parsed = ruleDocumentSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new InputError(issuesToProblems(source, parsed.error.issues, [], ruleDocumentSchema));
  const rule: Rule = { ...parsed.data, source: ruleSource };

  rule.resourceTypes.forEach((type, index) => {
    if (!ASSET_TYPE_NAMES.includes(type)) report(['resourceTypes', index], `unknown asset type "${type}"`, suggestion(type, ASSET_TYPE_NAMES) ?? 'see docs/asset-types.md');
  });
  for (const [key, ids] of Object.entries(rule.frameworks)) {
    const framework = frameworkByKey(key);
    if (!framework) {
      report(['frameworks', key], `unknown framework "${key}"`, suggestion(key, FRAMEWORK_KEYS) ?? `frameworks: ${FRAMEWORK_KEYS.join(', ')}`);
      continue;
    }
    ids.forEach((id, index) => {
      const problem = checkFrameworkId(framework, id);
      if (problem) report(['frameworks', key, index], problem, framework.ids ? suggestion(id, Object.keys(framework.ids)) ?? `e.g. ${framework.example}` : `e.g. ${framework.example}`);
    });
  }
  if (rule.when === undefined && rule.path === undefined) report([], 'a rule needs a condition', 'add `when:` (a condition on the asset) and/or `path:` (steps to a target)');

  const parameters: Record<string, ParameterValue> = {};
  let active = true;
  for (const [name, declaration] of Object.entries(rule.parameters)) {
    if ((declaration.minimum !== undefined || declaration.maximum !== undefined) && typeof declaration.default !== 'number') report(['parameters', name], 'minimum and maximum apply to number parameters only');
    else if (declaration.minimum !== undefined && declaration.maximum !== undefined && declaration.minimum > declaration.maximum) report(['parameters', name, 'minimum'], `more than the maximum, ${declaration.maximum}`);
    const defaultProblem = parameterRangeProblem(declaration, declaration.default);
    if (defaultProblem) report(['parameters', name, 'default'], defaultProblem);
    const value = options.parameters && Object.hasOwn(options.parameters, name) ? options.parameters[name]! : declaration.default;
    parameters[name] = value;
    if (declaration.skipWhenEmpty && (value === '' || (Array.isArray(value) && value.length === 0))) active = false;
  }

  const types = rule.resourceTypes.filter((type) => ASSET_TYPE_NAMES.includes(type));
  const compiler = createConditionCompiler(report, parameters, options.now);
  const when = rule.when === undefined ? undefined : compiler.compile(rule.when, ['when'], { kind: 'asset', types });
  const path = rule.path === undefined ? undefined : compilePath(rule.path, ['path'], compiler, report);
  const message = rule.message === undefined ? undefined : parseMessage(rule.message, (text) => report(['message'], text));

  if (problems.length > 0) throw new InputError(problems);
  return { rule, active, parameters, when, path, message };
}

/** `Notebook {{name}} allows root access` → parts; `{{...}}` holds an asset field path. */
function parseMessage(template: string, problem: (message: string) => void): MessagePart[] {
  const parts: MessagePart[] = [];
  let rest = template;
  while (rest.length > 0) {
    const start = rest.indexOf('{{');
    if (start === -1) {
      parts.push(rest);
      break;
    }
    if (start > 0) parts.push(rest.slice(0, start));
    const end = rest.indexOf('}}', start);
    if (end === -1) {
      problem('unclosed {{ in message');
      break;
    }
    const fieldText = rest.slice(start + 2, end).trim();
    const segments = parseFieldPath(fieldText);
    if (typeof segments === 'string') problem(`in {{${fieldText}}}: ${segments}`);
    else if (!(ASSET_FIELDS as readonly string[]).includes(segments[0]!)) problem(`in {{${fieldText}}}: unknown asset field "${segments[0]}"`);
    else parts.push({ field: segments });
    rest = rest.slice(end + 2);
  }
  return parts;
}

/** Checks that ids (and aliases) are unique across all loaded packs, and that `supersedes` names loaded rules. */
export function checkUniqueIds(rules: ReadonlyArray<{ rule: Pick<Rule, 'id' | 'aliases' | 'source'> & Partial<Pick<Rule, 'supersedes'>> }>): void {
  const owners = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { rule } of rules) {
    for (const id of [rule.id, ...rule.aliases]) {
      const owner = owners.get(id);
      if (owner !== undefined) problems.push({ file: rule.source, field: id === rule.id ? 'id' : 'aliases', message: `rule id "${id}" is already used by ${owner}`, hint: 'rule ids and aliases must be unique across all rule packs' });
      else owners.set(id, rule.source);
    }
  }
  const known = [...owners.keys()];
  for (const { rule } of rules) {
    rule.supersedes?.forEach((id, index) => {
      if (id === rule.id || rule.aliases.includes(id)) problems.push({ file: rule.source, field: `supersedes[${index}]`, message: 'a rule cannot supersede itself' });
      else if (!owners.has(id)) problems.push({ file: rule.source, field: `supersedes[${index}]`, message: `no loaded rule has the id "${id}"`, hint: suggestion(id, known) ?? 'supersedes names rules of the loaded packs, by id or alias' });
    });
  }
  if (problems.length > 0) throw new InputError(problems);
}

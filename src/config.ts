import { z } from 'zod';
import { InputError, suggestion, type Problem } from './errors.js';
import { readDocument, validateDocument } from './input/document.js';
import { parameterRangeProblem, parameterValueSchema, type ParameterDeclaration, type ParameterValue, type Rule } from './engine/rule.js';
import { FRAMEWORKS } from './engine/frameworks.js';
import { FAIL_ON_LEVELS } from './findings/finding.js';
import { PROVIDERS, SEVERITIES } from './graph/model.js';
import { SETTING_RANGES, type SettingRange } from './ranges.js';
import { SCAN_FORMATS } from './report/reporter.js';

/**
 * `aispm.config.yaml`: policy inputs for the rules that need them (approved models, required tags,
 * limits). Each value sets a parameter that rules declare with a default; the defaults do nothing
 * surprising (a governance rule whose list is empty does not run).
 *
 *   parameters:
 *     approvedModels: ["gpt-4o*", "anthropic.claude-3-5-*"]
 *     requiredTags: [owner]
 *   scan:            # defaults for aispm scan's flags; the command line wins
 *     fail-on: medium
 *     output: [sarif:aispm.sarif]
 *     compliance: [owasp-llm-2025]
 */

const MAX_CONFIG_BYTES = 1024 * 1024;

const names = z.array(z.string().min(1)).min(1);
/** Account, organization and folder ids: YAML reads `123456789012` unquoted as a number, taken as written. */
const ids = z.array(z.union([z.string().min(1), z.number().int().nonnegative().refine(Number.isSafeInteger, 'too long for a number: quote it').transform(String)])).min(1);
const inRange = ({ min, max }: SettingRange) => z.number().min(min).max(max).refine(Number.isInteger, 'must be a whole number');

/**
 * `scan:`: defaults for `aispm scan`'s flags, written as the flags are (`fail-on: high`), so a
 * repository can keep its scan settings beside its suppressions. A flag given on the command line wins.
 */
const scanSettingsSchema = z
  .object({
    provider: z.array(z.enum(PROVIDERS)).min(1),
    regions: names,
    'aws-profile': names,
    'aws-organization': z.boolean(),
    'aws-account': ids,
    'aws-exclude-account': ids,
    'aws-role-name': z.string().min(1),
    'aws-external-id': z.string().min(1),
    'azure-subscription': names,
    'azure-management-group': names,
    'azure-exclude-subscription': ids,
    'azure-cloud': z.enum(['public', 'china', 'usgov']),
    'gcp-project': names,
    'gcp-organization': ids,
    'gcp-folder': ids,
    'gcp-exclude-project': ids,
    'gcp-locations': names,
    shard: z.string().min(1),
    concurrency: inRange(SETTING_RANGES.concurrency),
    timeout: inRange(SETTING_RANGES.timeout),
    rules: names,
    only: names,
    skip: names,
    ignore: z.string().min(1),
    baseline: z.string().min(1),
    format: z.enum(SCAN_FORMATS),
    output: names,
    'fail-on': z.enum(FAIL_ON_LEVELS),
    'fail-on-gaps': z.boolean(),
    'min-severity': z.enum(SEVERITIES),
    compliance: z.array(z.enum(FRAMEWORKS.map((framework) => framework.key) as [string, ...string[]])).min(1),
    quiet: z.boolean(),
  })
  .partial()
  .strict();

const configSchema = z.object({ parameters: z.record(z.string(), parameterValueSchema).default({}), scan: scanSettingsSchema.default({}) }).strict();

export interface Config {
  parameters: Record<string, ParameterValue>;
}

/** Turns a setting's value into the option's value as the flag's own parser does (`--shard 2/4`), or throws an InputError. */
export type SettingParser = (flag: string, value: unknown) => unknown;

/**
 * The `scan:` section as option values, keyed as the CLI's options are (`failOn`). Each value goes
 * through `parse`, the flag's own parser, so a value is checked and normalised the same way in the
 * file as on the command line (`organizations/123` is `123` in both); its problems name file, line
 * and field.
 */
export function loadScanSettings(file: string, parse: SettingParser = (_flag, value) => value): Record<string, unknown> {
  const source = readDocument(file, { kind: 'config file', maxBytes: MAX_CONFIG_BYTES });
  const config = validateDocument(source, configSchema);
  return Object.fromEntries(
    Object.entries(config.scan).map(([flag, value]) => {
      let parsed: unknown;
      try {
        parsed = parse(flag, value);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        throw new InputError(error.problems.map((problem) => ({ ...problem, file, line: source.lineOf(['scan', flag]), field: `scan.${flag}` })));
      }
      return [flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()), parsed];
    }),
  );
}

/** Loads a config file and checks each parameter against what the loaded rules declare. */
export function loadConfig(file: string, rules: readonly Rule[]): Config {
  const source = readDocument(file, { kind: 'config file', maxBytes: MAX_CONFIG_BYTES });
  const config = validateDocument(source, configSchema);
  const declared = new Map<string, { value: ParameterValue; rule: string }>();
  const ranges = new Map<string, Array<Pick<ParameterDeclaration, 'minimum' | 'maximum'>>>();
  for (const rule of rules) {
    for (const [name, declaration] of Object.entries(rule.parameters)) {
      if (!declared.has(name)) declared.set(name, { value: declaration.default, rule: rule.id });
      ranges.set(name, [...(ranges.get(name) ?? []), declaration]);
    }
  }
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(config.parameters)) {
    const at = { file, line: source.lineOf(['parameters', name]), field: `parameters.${name}` };
    const declaration = declared.get(name);
    if (!declaration) {
      problems.push({ ...at, message: 'no loaded rule has this parameter', hint: suggestion(name, [...declared.keys()]) ?? `parameters: ${[...declared.keys()].sort().join(', ') || 'none'}` });
    } else if (kindOf(value) !== kindOf(declaration.value)) {
      problems.push({ ...at, message: `expected ${kindOf(declaration.value)} (as in rule ${declaration.rule}), got ${kindOf(value)}` });
    } else {
      const outOfRange = ranges.get(name)!.map((range) => parameterRangeProblem(range, value)).find(Boolean);
      if (outOfRange) problems.push({ ...at, message: outOfRange });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { parameters: config.parameters };
}

function kindOf(value: ParameterValue): string {
  return Array.isArray(value) ? 'a list of strings' : `a ${typeof value}`;
}

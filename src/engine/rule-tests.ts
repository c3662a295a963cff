import { relative } from 'node:path';
import { z } from 'zod';
import { InputError, type Problem } from '../errors.js';
import { readDocument, validateDocument, type SourceDocument } from '../input/document.js';
import { assetSchema, checkInventoryMeaning, edgeSchema } from '../graph/snapshot.js';
import { providerOfType, type Asset } from '../graph/model.js';
import { buildGraph } from '../graph/build.js';
import { evaluateRuleOn, type Outcome } from './evaluate.js';
import { findRuleTestFiles } from './rule-files.js';
import { recompileRule, reportSkipped } from './load-rules.js';
import { parameterRangeProblem, parameterValueSchema, type CompiledRule, type ParameterValue } from './rule.js';

/**
 * Rule tests: `<rule>.test.yaml` beside each rule holds cases, each a small estate and the expected
 * outcome for one asset (the subject). A case passes only when the rule flags exactly the subject
 * (for `fail`) or nothing (for `pass` and `unknown`), so near-misses in a case are checked too.
 * Every rule needs at least one failing and one passing case.
 */

const MAX_TEST_BYTES = 2 * 1024 * 1024;

const testAssetSchema = assetSchema.extend({
  provider: assetSchema.shape.provider.optional(),
  account: z.string().default('test-account'),
  region: z.string().default('test-region'),
  name: z.string().optional(),
  props: assetSchema.shape.props.default({}),
});

const caseSchema = z
  .object({
    name: z.string().min(3),
    expect: z.enum(['fail', 'pass', 'unknown']),
    subject: z.string().optional(),
    path: z.array(z.string()).min(2).optional(),
    /** Parameter values for this case, as aispm.config.yaml would set them. */
    parameters: z.record(z.string(), parameterValueSchema).optional(),
    assets: z.array(testAssetSchema).min(1),
    edges: z.array(edgeSchema).default([]),
  })
  .strict();

const testFileSchema = z.object({ rule: z.string(), cases: z.array(caseSchema).min(1) }).strict();

export interface RuleTestCase {
  name: string;
  expect: Outcome;
  subject: string;
  path?: string[];
  parameters?: Record<string, ParameterValue>;
  assets: Asset[];
  edges: Array<{ from: string; type: string; to: string }>;
}

export interface RuleTestFile {
  file: string;
  ruleId: string;
  cases: RuleTestCase[];
}

export interface CaseResult {
  ruleId: string;
  file: string;
  name: string;
  passed: boolean;
  /** What went wrong, when it failed. */
  detail?: string;
}

export interface RuleTestReport {
  results: CaseResult[];
  /** Rules without a failing or a passing case. */
  missing: Array<{ ruleId: string; source: string; lacks: Outcome[] }>;
}

export function loadRuleTestFile(file: string, displayName: string, rules: ReadonlyMap<string, CompiledRule>): RuleTestFile {
  const source: SourceDocument = { ...readDocument(file, { kind: 'rule test', maxBytes: MAX_TEST_BYTES }), file: displayName };
  const document = validateDocument(source, testFileSchema);
  const problems: Problem[] = [];
  const compiled = rules.get(document.rule);
  if (!compiled) problems.push({ file: displayName, line: source.lineOf(['rule']), field: 'rule', message: `no rule "${document.rule}" in this pack` });
  const cases: RuleTestCase[] = [];
  document.cases.forEach((testCase, index) => {
    const assets: Asset[] = testCase.assets.map((asset) => ({
      ...asset,
      provider: asset.provider ?? (providerOfType(asset.type) as Asset['provider']),
      name: asset.name ?? asset.id,
    }));
    problems.push(...checkInventoryMeaning(source, assets, testCase.edges, ['cases', index]));
    let subject = testCase.subject;
    if (compiled && subject === undefined) {
      const candidates = assets.filter((asset) => compiled.rule.resourceTypes.includes(asset.type));
      if (candidates.length === 1) subject = candidates[0]!.id;
      else problems.push({ file: displayName, line: source.lineOf(['cases', index]), field: `cases[${index}]`, message: `${candidates.length} assets of the rule's types: name the one under test with \`subject:\`` });
    }
    for (const [name, value] of Object.entries(testCase.parameters ?? {})) {
      const at = { file: displayName, line: source.lineOf(['cases', index, 'parameters', name]), field: `cases[${index}].parameters.${name}` };
      const declaration = compiled && Object.hasOwn(compiled.rule.parameters, name) ? compiled.rule.parameters[name]! : undefined;
      if (compiled && !declaration) problems.push({ ...at, message: `rule ${compiled.rule.id} has no parameter "${name}"` });
      const outOfRange = declaration && parameterRangeProblem(declaration, value);
      if (outOfRange) problems.push({ ...at, message: outOfRange });
    }
    if (subject !== undefined && !assets.some((asset) => asset.id === subject)) {
      problems.push({ file: displayName, line: source.lineOf(['cases', index, 'subject']), field: `cases[${index}].subject`, message: `no asset "${subject}" in this case` });
    }
    cases.push({ name: testCase.name, expect: testCase.expect, subject: subject ?? '', path: testCase.path, parameters: testCase.parameters, assets, edges: testCase.edges });
  });
  if (problems.length > 0) throw new InputError(problems);
  return { file: displayName, ruleId: document.rule, cases };
}

/** Loads every test file of a pack, reporting the problems of all files at once; `warn` as for loadRuleDir. */
export function loadRuleTests(dir: string, rules: readonly CompiledRule[], displayBase: string = process.cwd(), warn?: (message: string) => void): RuleTestFile[] {
  const byId = new Map(rules.map((compiled) => [compiled.rule.id, compiled]));
  const problems: Problem[] = [];
  const files: RuleTestFile[] = [];
  const listing = findRuleTestFiles(dir);
  reportSkipped(listing.skipped, displayBase, warn);
  for (const file of listing.files) {
    try {
      files.push(loadRuleTestFile(file, relative(displayBase, file) || file, byId));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return files;
}

export function runRuleTests(rules: readonly CompiledRule[], files: readonly RuleTestFile[]): RuleTestReport {
  const byId = new Map(rules.map((compiled) => [compiled.rule.id, compiled]));
  const results: CaseResult[] = [];
  const seen = new Map<string, Set<Outcome>>();
  for (const file of files) {
    const compiled = byId.get(file.ruleId)!;
    for (const testCase of file.cases) {
      const result = runCase(compiled, testCase);
      results.push({ ruleId: file.ruleId, file: file.file, name: testCase.name, ...result });
      if (result.passed) {
        let outcomes = seen.get(file.ruleId);
        if (!outcomes) seen.set(file.ruleId, (outcomes = new Set()));
        outcomes.add(testCase.expect);
      }
    }
  }
  const missing: RuleTestReport['missing'] = [];
  for (const { rule } of rules) {
    if (rule.deprecated) continue;
    const outcomes = seen.get(rule.id) ?? new Set();
    const lacks = (['fail', 'pass'] as const).filter((outcome) => !outcomes.has(outcome));
    if (lacks.length > 0) missing.push({ ruleId: rule.id, source: rule.source, lacks });
  }
  return { results, missing };
}

function runCase(defaults: CompiledRule, testCase: RuleTestCase): { passed: boolean; detail?: string } {
  const compiled = testCase.parameters ? recompileRule(defaults.rule, { parameters: testCase.parameters }) : defaults;
  const graph = buildGraph({ sources: ['test'], assets: testCase.assets, edges: testCase.edges, coverage: [] });
  const flagged: string[] = [];
  let subjectOutcome: Outcome = 'pass';
  let subjectPath: string[] | undefined;
  for (const type of compiled.rule.resourceTypes) {
    for (const asset of graph.ofType(type)) {
      const { outcome, violation } = compiled.active ? evaluateRuleOn(graph, compiled, asset) : { outcome: 'pass' as const, violation: undefined };
      if (outcome === 'fail') flagged.push(asset.id);
      if (asset.id === testCase.subject) {
        subjectOutcome = outcome;
        subjectPath = violation?.paths?.[0];
      }
    }
  }
  const expectedFlags = testCase.expect === 'fail' ? [testCase.subject] : [];
  if (subjectOutcome !== testCase.expect) return { passed: false, detail: `expected ${testCase.expect} for ${testCase.subject}, got ${subjectOutcome}` };
  const extra = flagged.filter((id) => !expectedFlags.includes(id));
  if (extra.length > 0) return { passed: false, detail: `also flagged ${extra.join(', ')}; each case must flag only its subject` };
  if (testCase.path && JSON.stringify(subjectPath) !== JSON.stringify(testCase.path)) {
    return { passed: false, detail: `expected path ${testCase.path.join(' -> ')}, got ${subjectPath ? subjectPath.join(' -> ') : 'none'}` };
  }
  return { passed: true };
}

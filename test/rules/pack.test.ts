import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { controlOf, FRAMEWORKS } from '../../src/engine/frameworks.js';
import { loadRuleDir } from '../../src/engine/load-rules.js';
import { loadRuleTests, runRuleTests } from '../../src/engine/rule-tests.js';
import { ROOT, runCli } from '../helpers.js';

/** Registry-wide checks of the built-in pack: every rule is tested, documented and mapped. */
const rulesDir = join(ROOT, 'rules');
const rules = loadRuleDir(rulesDir, ROOT);

describe('built-in rule pack', () => {
  it('every rule test case passes, and every rule has a failing and a passing case', () => {
    const report = runRuleTests(rules, loadRuleTests(rulesDir, rules, ROOT));
    expect(report.results.filter((result) => !result.passed)).toEqual([]);
    expect(report.missing).toEqual([]);
  });

  it.each(rules.map((compiled) => [compiled.rule.id, compiled.rule] as const))('%s is documented, mapped and named after its file', (id, rule) => {
    expect(basename(rule.source, '.yaml')).toBe(id);
    expect(relative(ROOT, join(ROOT, rule.source)).split('/')[1]).toBe(id.split('-')[0]);
    expect(rule.references.length).toBeGreaterThan(0);
    // A retired rule keeps its id taken (suppressions and baselines name it) and says so, and what replaces it.
    if (rule.deprecated) {
      expect(rule.title).toMatch(/^Retired: .*\(see [a-z0-9-]+\)$/);
      expect(rules.some((other) => !other.rule.deprecated && rule.title.includes(`(see ${other.rule.id})`))).toBe(true);
      return;
    }
    expect(Object.keys(rule.frameworks).length).toBeGreaterThan(0);
    expect(rule.remediation.length).toBeGreaterThan(40);
    expect(rule.description.length).toBeGreaterThan(80);
  });

  it('every framework mapping names a control of the closed list copied from the framework reference (compliance walks those lists)', () => {
    const outside: string[] = [];
    for (const { rule } of rules) {
      for (const [key, ids] of Object.entries(rule.frameworks)) {
        const framework = FRAMEWORKS.find((item) => item.key === key)!;
        for (const id of ids) if (!Object.hasOwn(framework.controls, controlOf(framework, id))) outside.push(`${rule.id}: ${key} ${id}`);
      }
    }
    expect(outside).toEqual([]);
    // A closed list's IDs are its controls; every control ID is of its framework's form.
    for (const framework of FRAMEWORKS) {
      if (framework.ids) expect(framework.controls).toBe(framework.ids);
      if (framework.pattern) for (const id of Object.keys(framework.controls)) expect(id).toMatch(framework.pattern);
    }
    expect(Object.keys(FRAMEWORKS.find((item) => item.key === 'iso-42001-2023')!.controls)).toHaveLength(38);
  });

  it('has at least two attack-path rules and a secret rule, across all three providers', () => {
    expect(rules.filter((compiled) => compiled.path).length).toBeGreaterThanOrEqual(2);
    expect(rules.some((compiled) => compiled.rule.category === 'secrets')).toBe(true);
    const providers = new Set(rules.flatMap((compiled) => compiled.rule.resourceTypes.map((type) => type.split('.')[0])));
    expect(providers).toEqual(new Set(['aws', 'azure', 'gcp']));
  });

  it('one control has one severity on every provider: customer-managed keys are low everywhere, as is the model-registry approval gap', () => {
    const severityOf = (pattern: RegExp) => new Set(rules.filter((compiled) => pattern.test(compiled.rule.id)).map((compiled) => compiled.rule.severity));
    // Data at rest is encrypted by every provider; a customer-managed key adds control over it (Defender for Cloud and Wiz rate it low).
    expect(severityOf(/-without-cmek?$/)).toEqual(new Set(['low']));
    // Prowler rates its registry checks low: a governance gap, not an exposure.
    expect(severityOf(/-unapproved-model$/)).toEqual(new Set(['low']));
  });

  it('aispm rules test rules/ passes as a user would run it', () => {
    const result = runCli(['rules', 'test', 'rules']);
    expect(result.stdout).toMatch(/^ok: \d+ rules, \d+ cases, \d+ passed, 0 failed, 0 rules missing cases$/m);
    expect(result.code).toBe(0);
  });

  it('aispm rules validate rules/ passes', () => {
    const result = runCli(['rules', 'validate', 'rules']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+ rules valid in rules \(\d+ test files, \d+ cases\)$/m);
  });
});

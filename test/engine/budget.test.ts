import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVALUATION_BUDGET } from '../../src/engine/budget.js';
import { evaluateRuleOn } from '../../src/engine/evaluate.js';
import { runScan } from '../../src/scan.js';
import { runCli, tempDir } from '../helpers.js';
import { ruleYaml } from '../rule-fixtures.js';
import { asset, graphOf, ruleWith } from './helpers.js';

/**
 * Untrusted rule packs stay linear: nested `related` conditions are memoized per (asset, condition)
 * within one check, and a rule that needs more than the evaluation budget is not evaluated (a gap,
 * never a pass or a finding). Times are generous bounds that catch exponential blow-ups only.
 */

const ROLE = 'aws.iam.role';

/** `related` nested `depth` levels deep along can-assume, ending in an admin test. */
function nestedRelated(depth: number): string {
  let condition = '{ field: props.admin, equals: true }';
  for (let level = 0; level < depth; level++) condition = `{ related: { edge: can-assume, where: ${condition} } }`;
  return `when: ${condition}`;
}

/** Roles that can all assume each other (and themselves): every role has `size` neighbours. */
function roleCycle(size: number, admin = false) {
  const ids = Array.from({ length: size }, (_, index) => `role-${index}`);
  const edges = ids.flatMap((from) => ids.map((to): [string, string, string] => [from, 'can-assume', to]));
  return graphOf(ids.map((id) => asset(id, ROLE, { admin })), edges);
}

describe('evaluation stays bounded on hostile rule packs', () => {
  it('related nested 40 levels deep over roles that assume each other finishes quickly', () => {
    const graph = roleCycle(2);
    const rule = ruleWith([ROLE], nestedRelated(40));
    const start = performance.now();
    expect(evaluateRuleOn(graph, rule, graph.get('role-0')!).outcome).toBe('pass');
    // Before: about 1.3 s at depth 24, doubling with each level (depth 40: past 100 s).
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('a cycle of roles that can assume each other ends, and finds the admin at the end of the chain', () => {
    const ids = Array.from({ length: 30 }, (_, index) => `role-${index}`);
    // A ring: each role assumes the next; the last assumes the first; only role-29 is admin.
    const graph = graphOf(
      ids.map((id, index) => asset(id, ROLE, { admin: index === 29 })),
      ids.map((id, index): [string, string, string] => [id, 'can-assume', ids[(index + 1) % ids.length]!]),
    );
    const start = performance.now();
    const result = runScan({ inventory: graph.toInventory(), rules: [ruleWith([ROLE], nestedRelated(29))], startedAt: new Date(), tool: { name: 'aispm', version: '0' } });
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(result.findings.map((finding) => finding.resource.id)).toEqual(['role-0']);
  });
});

describe('the evaluation budget', () => {
  // 200 roles that can all assume each other: each level of nesting follows 200 × 200 edges, even
  // memoized, so 40 levels go over the budget.
  const graph = roleCycle(200);
  const nested = nestedRelated(40);

  it('a check that goes over it is unknown, and says why', () => {
    const result = evaluateRuleOn(graph, ruleWith([ROLE], nested), graph.get('role-0')!);
    expect(result.outcome).toBe('unknown');
    expect(result.notEvaluated).toBe(`needs more than ${EVALUATION_BUDGET.toLocaleString('en-US')} steps (edges followed and nested related conditions) to decide one asset`);
  });

  it('through the CLI: the rule is a coverage gap with its id, the other rules still run, and --fail-on-gaps fails the scan', () => {
    const dir = tempDir({
      'rules/nested.yaml': ruleYaml({ id: 'nested-related', types: [ROLE], body: nested }),
      'rules/named.yaml': ruleYaml({ id: 'named-role', types: [ROLE], body: 'when: { field: name, equals: role-0 }' }),
      'snapshot.json': JSON.stringify({ snapshotVersion: 1, ...graph.toInventory(), coverage: [{ provider: 'aws', account: 'a', region: 'global', service: 'iam', status: 'ok' }] }),
    });
    const args = ['scan', '--snapshot', join(dir, 'snapshot.json'), '--rules', join(dir, 'rules'), '--only', 'nested-related,named-role', '--format', 'json'];
    const start = performance.now();
    const result = runCli(args);
    expect(performance.now() - start).toBeLessThan(30_000);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { scan: { coverage: Array<Record<string, string>> }; findings: Array<{ ruleId: string; resource: { id: string } }> };
    expect(report.findings.map((finding) => [finding.ruleId, finding.resource.id])).toEqual([['named-role', 'role-0']]);
    expect(report.scan.coverage).toContainEqual({
      provider: 'aws',
      account: 'a',
      region: 'r',
      service: 'rule:nested-related',
      status: 'error',
      message: `rule nested-related could not be evaluated: it needs more than ${EVALUATION_BUDGET.toLocaleString('en-US')} steps (edges followed and nested related conditions) to decide one asset (role-0); none of its results are reported`,
    });
    expect(result.stderr).toContain('aispm: warning: rule nested-related could not be evaluated');
    expect(result.stderr).toMatch(/; 1 coverage gap; exit 1: 1 counted finding at or above high\n$/);
    // Never green: the gap fails the gate with --fail-on-gaps, and is not a provider that could not be read.
    const gate = runCli([...args, '--fail-on', 'none', '--fail-on-gaps']);
    expect(gate.code).toBe(3);
    expect(gate.stderr).toMatch(/exit 3: 1 coverage gap and --fail-on-gaps\n$/);
    expect(gate.stderr).not.toContain('could not be read at all');
  });
});

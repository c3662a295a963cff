import { describe, expect, it } from 'vitest';
import { compileRuleDocument } from '../../src/engine/load-rules.js';
import { parseYaml } from '../../src/input/document.js';
import { loadSuppressions } from '../../src/findings/suppressions.js';
import type { Asset, Edge } from '../../src/graph/model.js';
import { listingOrder } from '../../src/report/summary.js';
import { runScan, type ScanResult } from '../../src/scan.js';
import { tempDir } from '../helpers.js';
import { ruleYaml } from '../rule-fixtures.js';

/**
 * One root cause, one finding: a rule that supersedes another on the same resource carries its
 * finding instead of a second one; an attack path lists the findings on the other assets of its path
 * as steps, and the human formats show them under it.
 */

const AGENT = 'aws.bedrock.agent';
const ROLE = 'aws.iam.role';

function rule(id: string, types: string[], body: string, extra = ''): string {
  return `${ruleYaml({ id, types, body })}\n${extra}`;
}

const RULES = {
  // The general rule and the precise one that supersedes it (by the general rule's alias, to show aliases resolve).
  unguarded: rule('test-agent-unguarded', [AGENT], 'when: { not: { related: { edge: guarded-by } } }', 'aliases: [test-old-unguarded]'),
  toolsUnguarded: rule('test-agent-tools-unguarded', [AGENT], 'when:\n  all:\n    - not: { related: { edge: guarded-by } }\n    - related: { edge: invokes }', 'supersedes: [test-old-unguarded]'),
  roleAdmin: rule('test-role-admin', [ROLE], 'when: { field: props.admin, equals: true }'),
  agentReachesAdmin: rule('test-agent-reaches-admin', [AGENT], 'path:\n  - edge: uses-identity\n    where: { field: props.admin, equals: true }'),
};

function scan(assets: Asset[], edges: Edge[], suppressions?: string): ScanResult {
  const rules = Object.values(RULES).map((text, index) => compileRuleDocument(parseYaml(`rule-${index}.yaml`, text)));
  let suppressionSet;
  if (suppressions) {
    const dir = tempDir({ 'ignore.yaml': suppressions });
    suppressionSet = loadSuppressions(`${dir}/ignore.yaml`, rules.map((compiled) => compiled.rule.id), '2026-01-01');
  }
  return runScan({ inventory: { sources: ['test'], assets, edges, coverage: [] }, rules, suppressions: suppressionSet, startedAt: new Date(0), tool: { name: 'aispm', version: 'test' } });
}

const asset = (id: string, type: string, props: Record<string, unknown> = {}): Asset => ({ id, type, provider: 'aws', account: '1', region: 'r', name: id, props });
const estate = (): [Asset[], Edge[]] => [
  [asset('agent', AGENT), asset('fn', 'aws.lambda.function'), asset('role', ROLE, { admin: true })],
  [
    { from: 'agent', type: 'invokes', to: 'fn' },
    { from: 'agent', type: 'uses-identity', to: 'role' },
  ],
];

describe('superseded findings', () => {
  it('fold into the finding that supersedes them on the same resource', () => {
    const result = scan(...estate());
    const onAgent = result.findings.filter((finding) => finding.resource.id === 'agent');
    expect(onAgent.map((finding) => finding.ruleId).sort()).toEqual(['test-agent-reaches-admin', 'test-agent-tools-unguarded']);
    expect(onAgent.find((finding) => finding.ruleId === 'test-agent-tools-unguarded')?.includes).toEqual([
      { ruleId: 'test-agent-unguarded', title: 'A rule built for the tests', message: 'A rule built for the tests: agent' },
    ]);
  });

  it('stay on their own when the superseding finding is suppressed, so nothing is hidden', () => {
    const result = scan(...estate(), 'ignore:\n  - rule: test-agent-tools-unguarded\n    reason: accepted by the test for this case\n');
    const unguarded = result.findings.find((finding) => finding.ruleId === 'test-agent-unguarded');
    expect(unguarded?.status).toBe('new');
    expect(result.findings.find((finding) => finding.ruleId === 'test-agent-tools-unguarded')?.status).toBe('suppressed');
  });

  it('stay on their own where the superseding rule does not fire', () => {
    const [assets, edges] = estate();
    const result = scan(assets, edges.filter((edge) => edge.type !== 'invokes'));
    expect(result.findings.map((finding) => finding.ruleId).sort()).toEqual(['test-agent-reaches-admin', 'test-agent-unguarded', 'test-role-admin']);
  });
});

describe('attack-path steps', () => {
  it('link a path finding to the findings on the other assets of its path, both ways, and the listing puts them under it', () => {
    const result = scan(...estate());
    const path = result.findings.find((finding) => finding.ruleId === 'test-agent-reaches-admin')!;
    const admin = result.findings.find((finding) => finding.ruleId === 'test-role-admin')!;
    expect(path.steps).toEqual([admin.id]);
    expect(admin.partOf).toEqual([path.id]);
    // The superseding finding on the path's own resource is not a step of it.
    expect(result.findings.find((finding) => finding.ruleId === 'test-agent-tools-unguarded')?.partOf).toBeUndefined();
    const listed = listingOrder(result.findings).map(({ finding, stepOf }) => `${stepOf ? '  ' : ''}${finding.ruleId}`);
    expect(listed.indexOf('  test-role-admin')).toBe(listed.indexOf('test-agent-reaches-admin') + 1);
  });

  it('a step that ranks above its path stands on its own', () => {
    const result = scan(...estate());
    const path = result.findings.find((finding) => finding.ruleId === 'test-agent-reaches-admin')!;
    const admin = result.findings.find((finding) => finding.ruleId === 'test-role-admin')!;
    admin.score = path.score + 1;
    expect(listingOrder(result.findings).find(({ finding }) => finding === admin)?.stepOf).toBeUndefined();
  });
});

describe('rule packs', () => {
  it('reject a supersedes entry that names no loaded rule', async () => {
    const { checkUniqueIds } = await import('../../src/engine/load-rules.js');
    const compiled = compileRuleDocument(parseYaml('r.yaml', rule('test-a', [AGENT], 'when: { field: props.status, equals: x }', 'supersedes: [test-missing]')));
    expect(() => checkUniqueIds([compiled])).toThrow(/supersedes\[0\]: no loaded rule has the id "test-missing"/);
  });
});


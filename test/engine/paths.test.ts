import { describe, expect, it } from 'vitest';
import { evaluateRuleOn } from '../../src/engine/evaluate.js';
import { asset, graphOf, ruleWith } from './helpers.js';

const NOTEBOOK = 'aws.sagemaker.notebook-instance';
const PATH = [
  'when: { field: props.internetExposed, equals: true }',
  'path:',
  '  - edge: uses-identity',
  '  - { edge: can-assume, minHops: 0, maxHops: 3 }',
  '  - edge: writes-data',
  '    where: { field: props.sensitiveData, equals: true }',
].join('\n');

describe('attack paths', () => {
  it('follows role chains up to maxHops and reports the shortest witness', () => {
    const graph = graphOf(
      [asset('nb', NOTEBOOK, { internetExposed: true }), asset('r1', 'aws.iam.role'), asset('r2', 'aws.iam.role'), asset('r3', 'aws.iam.role'), asset('data', 'aws.s3.bucket', { sensitiveData: true })],
      [
        ['nb', 'uses-identity', 'r1'],
        ['r1', 'can-assume', 'r2'],
        ['r2', 'can-assume', 'r3'],
        ['r3', 'writes-data', 'data'],
        ['r1', 'can-assume', 'r3'],
      ],
    );
    const result = evaluateRuleOn(graph, ruleWith([NOTEBOOK], PATH), graph.get('nb')!);
    expect(result.outcome).toBe('fail');
    expect(result.violation?.paths).toEqual([['nb', 'r1', 'r3', 'data']]);
    expect(result.violation?.evidence.pathCount).toBe(1);
  });

  it('is unknown, not a pass, when an asset on the way has edges of the step that could not be read', () => {
    const unread = { unreadEdges: [{ edge: 'can-assume', direction: 'out' as const }] };
    const graph = graphOf(
      [asset('nb', NOTEBOOK, { internetExposed: true }), asset('r1', 'aws.iam.role', {}, unread), asset('r2', 'aws.iam.role'), asset('data', 'aws.s3.bucket', { sensitiveData: true })],
      [
        ['nb', 'uses-identity', 'r1'],
        ['r1', 'can-assume', 'r2'],
      ],
    );
    expect(evaluateRuleOn(graph, ruleWith([NOTEBOOK], PATH), graph.get('nb')!).outcome).toBe('unknown');
    // A path found among the edges that were read still counts.
    const found = graphOf([...graph.assets], [...graph.edges.map((edge): [string, string, string] => [edge.from, edge.type, edge.to]), ['r2', 'writes-data', 'data']]);
    expect(evaluateRuleOn(found, ruleWith([NOTEBOOK], PATH), found.get('nb')!).outcome).toBe('fail');
  });

  it('does not go beyond maxHops', () => {
    const roles = ['r0', 'r1', 'r2', 'r3', 'r4'];
    const graph = graphOf(
      [asset('nb', NOTEBOOK, { internetExposed: true }), ...roles.map((id) => asset(id, 'aws.iam.role')), asset('data', 'aws.s3.bucket', { sensitiveData: true })],
      [['nb', 'uses-identity', 'r0'], ...roles.slice(0, -1).map((id, index): [string, string, string] => [id, 'can-assume', roles[index + 1]!]), ['r4', 'writes-data', 'data']],
    );
    expect(evaluateRuleOn(graph, ruleWith([NOTEBOOK], PATH), graph.get('nb')!).outcome).toBe('pass');
  });

  it('survives cycles and dense graphs: each asset is visited once per step', () => {
    const size = 300;
    const roles = Array.from({ length: size }, (_, index) => `r${index}`);
    const edges: Array<[string, string, string]> = [['nb', 'uses-identity', 'r0']];
    // Every role can assume every other role: 90,000 edges, cycles everywhere.
    for (const from of roles) for (const to of roles) if (from !== to) edges.push([from, 'can-assume', to]);
    edges.push(['r299', 'writes-data', 'data']);
    const graph = graphOf([asset('nb', NOTEBOOK, { internetExposed: true }), ...roles.map((id) => asset(id, 'aws.iam.role')), asset('data', 'aws.s3.bucket', { sensitiveData: true })], edges);
    const result = evaluateRuleOn(graph, ruleWith([NOTEBOOK], PATH), graph.get('nb')!);
    expect(result.outcome).toBe('fail');
    expect(result.violation?.paths).toEqual([['nb', 'r0', 'r299', 'data']]);
  });

  it('a path rule without `when` starts from every asset of its types', () => {
    const rule = ruleWith(['aws.sagemaker.endpoint'], 'path:\n  - edge: deploys\n  - edge: trained-on\n    where: { field: props.publicWrite, equals: true }');
    const graph = graphOf(
      [asset('ep', 'aws.sagemaker.endpoint'), asset('m', 'aws.sagemaker.model'), asset('b', 'aws.s3.bucket', { publicWrite: true })],
      [
        ['ep', 'deploys', 'm'],
        ['m', 'trained-on', 'b'],
      ],
    );
    expect(evaluateRuleOn(graph, rule, graph.get('ep')!).violation?.paths).toEqual([['ep', 'm', 'b']]);
  });

  it('is unknown when the only candidate target could not be read', () => {
    const graph = graphOf([asset('nb', NOTEBOOK, { internetExposed: true }), asset('r', 'aws.iam.role'), asset('b', 'aws.s3.bucket')], [
      ['nb', 'uses-identity', 'r'],
      ['r', 'writes-data', 'b'],
    ]);
    expect(evaluateRuleOn(graph, ruleWith([NOTEBOOK], PATH), graph.get('nb')!).outcome).toBe('unknown');
  });
});

describe('attack paths through hubs', () => {
  it('many exposed notebooks sharing a role that writes many buckets: every notebook flagged, targets counted, evidence capped', () => {
    const notebooks = Array.from({ length: 200 }, (_, index) => asset(`nb${index}`, NOTEBOOK, { internetExposed: true }));
    const buckets = Array.from({ length: 50 }, (_, index) => asset(`b${String(index).padStart(2, '0')}`, 'aws.s3.bucket', { sensitiveData: index % 2 === 0 }));
    const edges: Array<[string, string, string]> = [...notebooks.map((nb): [string, string, string] => [nb.id, 'uses-identity', 'shared']), ...buckets.map((bucket): [string, string, string] => ['shared', 'writes-data', bucket.id])];
    const graph = graphOf([...notebooks, ...buckets, asset('shared', 'aws.iam.role')], edges);
    const rule = ruleWith([NOTEBOOK], PATH);
    const result = evaluateRuleOn(graph, rule, graph.get('nb7')!);
    expect(result.outcome).toBe('fail');
    expect(result.violation?.evidence.pathCount).toBe(25);
    expect(result.violation?.paths).toHaveLength(10);
    expect(result.violation?.paths?.[0]).toEqual(['nb7', 'shared', 'b00']);
    expect(result.violation?.message).toContain('reaches b00 and 24 more targets');
  });
});

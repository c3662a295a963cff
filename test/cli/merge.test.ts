import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeSnapshots } from '../../src/graph/merge.js';
import type { Inventory } from '../../src/graph/model.js';
import { runCli, tempDir } from '../helpers.js';

/**
 * `aispm merge`: two shard snapshots, each of one account, joined into one graph. Account A's Lambda
 * tool, behind an AgentCore gateway that authorizes no caller, runs as a role that can assume a role in
 * account B. Shard A holds role B only as the stand-in its collector leaves for a role of another
 * account (nothing read); shard B reads role B in full: an administrator. Only the merged graph has
 * the whole path.
 */

const A = '111111111111';
const B = '222222222222';
const gateway = `arn:aws:bedrock-agentcore:us-east-1:${A}:gateway/open-gw`;
const target = `${gateway}/target/tool`;
const tool = `arn:aws:lambda:us-east-1:${A}:function:tool`;
const toolRole = `arn:aws:iam::${A}:role/tool-role`;
const adminRole = `arn:aws:iam::${B}:role/admin`;
const RULE = 'aws-agentcore-open-gateway-tool-admin-identity';

const asset = (id: string, type: string, account: string, props: Record<string, unknown>, region = 'us-east-1') => ({ id, type, provider: 'aws', account, region, name: id.split(/[/:]/).pop(), props });
const coverage = (account: string) => [{ provider: 'aws', account, region: 'us-east-1', service: 'sts', status: 'ok' }];

const shardA = {
  snapshotVersion: 1,
  sources: ['aws'],
  coverage: coverage(A),
  assets: [
    asset(gateway, 'aws.bedrock-agentcore.gateway', A, { authorizerType: 'NONE', policyEngineMode: null }),
    asset(target, 'aws.bedrock-agentcore.gateway-target', A, { targetType: 'LAMBDA' }),
    asset(tool, 'aws.lambda.function', A, {}),
    asset(toolRole, 'aws.iam.role', A, { admin: false }, 'global'),
    // The stand-in for a role of another account: its properties were not read.
    asset(adminRole, 'aws.iam.role', B, {}, 'global'),
  ],
  edges: [
    { from: target, type: 'part-of', to: gateway },
    { from: target, type: 'invokes', to: tool },
    { from: tool, type: 'uses-identity', to: toolRole },
    { from: toolRole, type: 'can-assume', to: adminRole },
  ],
};
const shardB = { snapshotVersion: 1, sources: ['aws'], coverage: coverage(B), assets: [asset(adminRole, 'aws.iam.role', B, { admin: true }, 'global')], edges: [] };

const dir = tempDir({ 'a.json': JSON.stringify(shardA), 'b.json': JSON.stringify(shardB), 'broken.json': '{"snapshotVersion": 1, "assets": [' });
const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ ruleId: string; resource: { id: string }; path?: string[] }> }).findings;

describe('aispm merge', () => {
  it('shows a cross-account path that neither shard shows alone', () => {
    for (const file of ['a.json', 'b.json']) {
      const alone = runCli(['scan', '--snapshot', join(dir, file), '--format', 'json', '--fail-on', 'none']);
      expect(alone.code, alone.stderr).toBe(0);
      expect(findingsOf(alone.stdout).some((finding) => finding.ruleId === RULE)).toBe(false);
    }
    const merged = runCli(['merge', join(dir, 'a.json'), join(dir, 'b.json'), '--format', 'json']);
    expect(merged.code, merged.stderr).toBe(1);
    const finding = findingsOf(merged.stdout).find((candidate) => candidate.ruleId === RULE);
    expect(finding?.resource.id).toBe(gateway);
    expect(finding?.path).toEqual([gateway, target, tool, toolRole, adminRole]);
  });

  it('reports like scan --snapshot: the formats, --fail-on, --save-snapshot', () => {
    const sarif = runCli(['merge', join(dir, 'a.json'), join(dir, 'b.json'), '--format', 'sarif', '--fail-on', 'none', '--save-snapshot', join(dir, 'merged.json')]);
    expect(sarif.code, sarif.stderr).toBe(0);
    expect(JSON.parse(sarif.stdout).runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toContain(RULE);
    const saved = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8')) as { assets: Array<{ id: string; props: Record<string, unknown> }> };
    expect(saved.assets.filter((item) => item.id === adminRole)).toEqual([expect.objectContaining({ props: { admin: true } })]);
    const again = runCli(['scan', '--snapshot', join(dir, 'merged.json'), '--format', 'json']);
    expect(again.code).toBe(1);
    expect(findingsOf(again.stdout).map((item) => item.ruleId)).toContain(RULE);
  });

  it('exits 2 naming a malformed or missing snapshot', () => {
    const broken = runCli(['merge', join(dir, 'a.json'), join(dir, 'broken.json')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json');
    expect(broken.stdout).toBe('');
    const missing = runCli(['merge', join(dir, 'a.json'), join(dir, 'missing.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.json');
    const none = runCli(['merge']);
    expect(none.code).toBe(2);
  });
});

describe('mergeSnapshots', () => {
  const inventory = (partial: Partial<Inventory>): Inventory => ({ sources: [], assets: [], edges: [], coverage: [], ...partial });

  it('merges duplicate assets by id, joins edges once and keeps the worst coverage of a scope', () => {
    const role = { id: 'r', type: 'aws.iam.role', provider: 'aws' as const, account: A, region: 'global', name: 'r' };
    const merged = mergeSnapshots([
      inventory({
        sources: ['aws'],
        assets: [{ ...role, props: { admin: false }, unreadEdges: [{ edge: 'can-assume', direction: 'out' as const }] }],
        edges: [{ from: 'r', type: 'can-assume', to: 'r' }],
        coverage: [{ provider: 'aws', account: A, region: 'global', service: 'iam', status: 'ok' }],
      }),
      inventory({
        sources: ['aws'],
        assets: [{ ...role, props: { admin: true, path: '/' } }],
        edges: [{ from: 'r', type: 'can-assume', to: 'r' }],
        coverage: [{ provider: 'aws', account: A, region: 'global', service: 'iam', status: 'denied', message: 'ListRoles: AccessDenied' }],
      }),
    ]);
    expect(merged.sources).toEqual(['aws']);
    expect(merged.assets).toEqual([{ ...role, props: { admin: true, path: '/' }, unreadEdges: [{ edge: 'can-assume', direction: 'out' }] }]);
    expect(merged.edges).toHaveLength(1);
    expect(merged.coverage).toEqual([expect.objectContaining({ status: 'denied' })]);
  });
});

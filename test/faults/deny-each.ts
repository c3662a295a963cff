import { beforeAll, expect, it } from 'vitest';
import { compiledBuiltInRules } from '../../src/engine/rule-pack.js';
import type { CompiledRule } from '../../src/engine/rule.js';
import type { CoverageEntry, Inventory } from '../../src/graph/model.js';
import { runScan } from '../../src/scan.js';
import type { FaultProxy, ProxiedRequest } from '../fakes/fault-proxy.js';

/**
 * Unknown is not false, held for a whole provider: deny each permission the collector uses, one at a
 * time, and scan again through the fault proxy. Denying data may remove findings but must never add
 * one (a rule that fires on what it could not read is a false positive on every real account where
 * that permission is missing), and the denial must show as a coverage gap.
 */

export interface DenyEachSubject {
  proxy: FaultProxy;
  /** Collects through the proxy, in this process. */
  scan(): Promise<Inventory>;
  /**
   * The permission a request needs (IAM action, Azure RBAC action, Google IAM permission): requests
   * that need the same one are denied together, as a missing permission denies them on a real account.
   */
  permissionOf(request: ProxiedRequest): string | undefined;
  /** Whether the coverage shows the denial of this permission (an entry for its service, status denied). */
  showsDenial(coverage: readonly CoverageEntry[], permission: string): boolean;
}

/**
 * The findings (rule and resource) of the built-in pack over an inventory, those folded into a
 * superseding finding included: the full scan reported them too, inside the stronger finding.
 */
export function findingIds(inventory: Inventory, rules: readonly CompiledRule[]): Set<string> {
  const result = runScan({ inventory, rules, startedAt: new Date(0), tool: { name: 'aispm', version: 'test' } });
  return new Set(result.findings.flatMap((finding) => [finding.ruleId, ...(finding.includes ?? []).map((included) => included.ruleId)].map((ruleId) => `${ruleId} ${finding.resource.id}`)));
}

/**
 * Registers the property as one test per permission. `subject` is read when the tests run (after the
 * suite's beforeAll); the permissions are those the fault-free scan used, which `permissions` lists
 * up front so that each gets its own named test (a test that finds them missing fails).
 */
export function denyEachPermissionTests(subject: () => DenyEachSubject, permissions: readonly string[]): void {
  let rules: CompiledRule[];
  let baseline: Set<string>;

  beforeAll(async () => {
    rules = await compiledBuiltInRules();
    const { proxy, scan, permissionOf } = subject();
    proxy.reset();
    baseline = findingIds(await scan(), rules);
    const used = new Set(proxy.records.flatMap((record) => permissionOf(record.request) ?? []));
    // The list below must name every permission the scan uses, so that none goes untested.
    expect([...used].sort()).toEqual([...permissions].sort());
  });

  it.each(permissions.map((permission) => [permission]))('denying %s adds no finding and shows as a coverage gap', async (permission) => {
    const { proxy, scan, permissionOf, showsDenial } = subject();
    proxy.reset({
      answer: {
        match: (_label, request) => permissionOf(request) === permission,
        reply: (request) => proxy.dialect.denied(request, `The caller does not have permission ${permission} (denied by the deny-each-permission test).`),
      },
    });
    const inventory = await scan();
    expect(proxy.records.some((record) => record.outcome === 'answered'), `no request needed ${permission}`).toBe(true);
    const added = [...findingIds(inventory, rules)].filter((id) => !baseline.has(id)).sort();
    expect(added, `findings that appear only when ${permission} is denied`).toEqual([]);
    expect(showsDenial(inventory.coverage, permission), `no denied coverage entry for ${permission}: ${JSON.stringify(inventory.coverage.filter((entry) => entry.status !== 'ok'))}`).toBe(true);
  });
}

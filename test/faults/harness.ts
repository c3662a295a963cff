import { expect, it } from 'vitest';
import type { Asset, CoverageEntry, Inventory } from '../../src/graph/model.js';
import type { FaultPlan, FaultProxy, Matcher, Outcome } from '../fakes/fault-proxy.js';

/**
 * What the fault suites share: the transient faults every provider must ride out, and a comparison
 * of a faulted scan with the fault-free one that says what is missing, what differs and which
 * coverage entries changed.
 */

/** Faults a client gets past by retrying; each with the proxy outcome that shows it happened. */
export const TRANSIENT_FAULTS: Array<{ name: string; plan: FaultPlan; outcome: Outcome }> = [
  { name: 'throttling on 30% of calls', plan: { throttle: { rate: 0.3 } }, outcome: 'throttled' },
  { name: 'bursts of 500 and 503 answers', plan: { serverErrors: { rate: 0.25, burst: 2 } }, outcome: 'server-error' },
  { name: 'connections reset before or during the answer', plan: { resets: { rate: 0.25 } }, outcome: 'reset' },
];

/**
 * The per-request timeout of scans with a hanging call: short, so a test waits little for it, and
 * long enough that a retry on a loaded 2-core machine is answered within it (250 ms was not: the
 * call deadline of two silent attempts then ended calls that the retry would have read).
 */
export const HANG_TIMEOUT_MS = 1000;

export interface InventoryDiff {
  /** Ids of fault-free assets the scan lacks. */
  missing: string[];
  /** Ids of assets the fault-free scan did not have. */
  added: string[];
  /** Ids of assets in both whose properties, tags or record differ. */
  changed: string[];
  /** Edges of the fault-free scan the scan lacks, and edges it has in addition, as "from type to". */
  edgesMissing: string[];
  edgesAdded: string[];
  /** Coverage entries that differ, as "account region service status: message". */
  coverageBefore: string[];
  coverageAfter: string[];
}

export const NO_DIFFERENCE: InventoryDiff = { missing: [], added: [], changed: [], edgesMissing: [], edgesAdded: [], coverageBefore: [], coverageAfter: [] };

export function diffInventories(expected: Inventory, actual: Inventory): InventoryDiff {
  const byId = (assets: Asset[]) => new Map(assets.map((asset) => [asset.id, JSON.stringify(asset)]));
  const before = byId(expected.assets);
  const after = byId(actual.assets);
  const edges = (inventory: Inventory) => new Set(inventory.edges.map((edge) => `${edge.from} ${edge.type} ${edge.to}`));
  const edgesBefore = edges(expected);
  const edgesAfter = edges(actual);
  const coverage = (entries: CoverageEntry[]) => new Set(entries.map((entry) => `${entry.account} ${entry.region} ${entry.service} ${entry.status}: ${entry.message ?? ''}`));
  const coverageBefore = coverage(expected.coverage);
  const coverageAfter = coverage(actual.coverage);
  const only = <T>(left: Set<T> | Map<T, unknown>, right: Set<T> | Map<T, unknown>) => [...left.keys()].filter((key) => !right.has(key)).map(String).sort();
  return {
    missing: only(before, after),
    added: only(after, before),
    changed: [...before].filter(([id, json]) => after.has(id) && after.get(id) !== json).map(([id]) => id).sort(),
    edgesMissing: only(edgesBefore, edgesAfter),
    edgesAdded: only(edgesAfter, edgesBefore),
    coverageBefore: only(coverageBefore, coverageAfter),
    coverageAfter: only(coverageAfter, coverageBefore),
  };
}

/** How many requests had each outcome. */
export function outcomes(proxy: FaultProxy): Partial<Record<Outcome, number>> {
  const counts: Partial<Record<Outcome, number>> = {};
  for (const record of proxy.records) counts[record.outcome] = (counts[record.outcome] ?? 0) + 1;
  return counts;
}

/** The coverage entry of one scope. */
export function coverageOf(inventory: Inventory, account: string, region: string, service: string): CoverageEntry | undefined {
  return inventory.coverage.find((entry) => entry.account === account && entry.region === region && entry.service === service);
}

/** What a provider's fault suite gives the shared tests: its proxy, its fault-free scan, and how to scan. */
export interface FaultSubject {
  proxy: FaultProxy;
  faultFree: Inventory;
  scan(timeoutMs?: number): Promise<Inventory>;
}

/**
 * The tests every provider's suite has: each transient fault, and calls that hang once (the
 * per-request timeout ends them, a retry gets the answer), each giving the fault-free inventory.
 * `subject` is read when the tests run, after the suite's beforeAll.
 */
export function transientFaultTests(subject: () => FaultSubject, options: { hangOnce: Matcher; atLeast: number }): void {
  it.each(TRANSIENT_FAULTS)('gives the fault-free inventory under $name', async ({ plan, outcome }) => {
    const { proxy, scan, faultFree } = subject();
    proxy.reset(plan);
    const inventory = await scan();
    expect(outcomes(proxy)[outcome]).toBeGreaterThan(options.atLeast);
    expect(diffInventories(faultFree, inventory)).toEqual(NO_DIFFERENCE);
  });

  it('gives the fault-free inventory when calls hang once: the per-request timeout ends them and a retry gets the answer', async () => {
    const { proxy, scan, faultFree } = subject();
    proxy.reset({ hang: { match: options.hangOnce, attempts: 1 } });
    const inventory = await scan(HANG_TIMEOUT_MS);
    expect(outcomes(proxy).hang).toBeGreaterThan(10);
    expect(diffInventories(faultFree, inventory)).toEqual(NO_DIFFERENCE);
  });
}

import type { Asset, CoverageEntry, Inventory } from '../../src/graph/model.js';
import type { FaultPlan, FaultProxy, Outcome } from '../fakes/fault-proxy.js';

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

/** The per-request timeout of scans with a hanging call: short, so a test waits little for it. */
export const HANG_TIMEOUT_MS = 250;

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

import pLimit, { type LimitFunction } from 'p-limit';
import type { Asset, CoverageEntry, CoverageStatus, Edge, Inventory, Provider } from '../graph/model.js';
import type { EdgeType } from '../graph/edge-types.js';
import type { CollectorContext } from './collector.js';

/**
 * What every collector shares: one concurrency limiter, one way to run an API call so that a failure
 * becomes a coverage entry instead of an exception, and one place to gather assets and edges.
 * Provider modules bring only what differs: their SDK clients and how to read their errors.
 */

/** Where a call goes: one service of one account in one region. */
export interface CallScope {
  account: string;
  region: string;
  service: string;
}

/** How a provider's error reads as coverage: access denied, not available there, or anything else. */
export interface ClassifiedError {
  status: Exclude<CoverageStatus, 'ok'>;
  message: string;
}

export type ErrorClassifier = (error: unknown) => ClassifiedError;

/** Worse statuses win when several calls to one scope end differently. */
const STATUS_RANK: Record<CoverageStatus, number> = { ok: 0, skipped: 1, error: 2, denied: 3 };

interface CoverageState {
  status: CoverageStatus;
  message?: string;
  failures: number;
}

export class InventoryBuilder {
  private readonly limit: LimitFunction;
  private readonly assets = new Map<string, Asset>();
  private readonly edges = new Map<string, Edge>();
  private readonly coverage = new Map<string, CoverageState & CallScope>();

  constructor(
    readonly provider: Provider,
    readonly context: CollectorContext,
    private readonly classify: ErrorClassifier,
  ) {
    this.limit = pLimit(context.concurrency);
  }

  /**
   * Runs one read-only API call (or one paginated listing) under the concurrency limit. Success marks
   * the scope as read; a failure is recorded as coverage (denied / skipped / error, with the
   * operation and the provider's message) and returns undefined, so the caller carries on.
   * Do not nest calls: hold no slot while waiting for another call.
   */
  async call<T>(scope: CallScope, operation: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await this.limit(() => {
        this.context.signal.throwIfAborted();
        return run();
      });
      this.record(scope, 'ok');
      return result;
    } catch (error) {
      if (this.context.signal.aborted) throw this.context.signal.reason ?? error;
      const classified = this.classify(error);
      this.context.log.debug(`${this.provider} ${scope.account}/${scope.region} ${operation}: ${classified.status}: ${classified.message}`);
      this.record(scope, classified.status, `${operation}: ${classified.message}`);
      return undefined;
    }
  }

  /** Records a scope's outcome without a call (a service known to be absent from a region, say). */
  record(scope: CallScope, status: CoverageStatus, message?: string): void {
    const key = `${scope.account}\u0000${scope.region}\u0000${scope.service}`;
    const current = this.coverage.get(key);
    if (!current) {
      this.coverage.set(key, { ...scope, status, message, failures: status === 'ok' ? 0 : 1 });
      return;
    }
    if (status !== 'ok') current.failures++;
    // Calls finish in any order: among equally bad outcomes the first message in sort order is kept, so scans repeat exactly.
    const sameRank = STATUS_RANK[status] === STATUS_RANK[current.status];
    if (STATUS_RANK[status] > STATUS_RANK[current.status] || (sameRank && message !== undefined && (current.message === undefined || message < current.message))) {
      current.status = status;
      current.message = message;
    }
  }

  /**
   * Adds an asset; adding one id twice merges them (a stub for a role named by a notebook, then the
   * role's full record): properties read by either are kept.
   */
  addAsset(asset: Omit<Asset, 'provider'>): void {
    const full: Asset = { ...asset, provider: this.provider };
    const existing = this.assets.get(asset.id);
    if (!existing) {
      this.assets.set(asset.id, full);
      return;
    }
    const props = { ...existing.props };
    for (const [key, value] of Object.entries(full.props)) if (value !== undefined) props[key] = value;
    this.assets.set(asset.id, { ...existing, ...full, tags: full.tags ?? existing.tags, raw: full.raw ?? existing.raw, props });
  }

  hasAsset(id: string): boolean {
    return this.assets.has(id);
  }

  getAsset(id: string): Asset | undefined {
    return this.assets.get(id);
  }

  addEdge(from: string, type: EdgeType, to: string): void {
    this.edges.set(`${from}\u0000${type}\u0000${to}`, { from, type, to });
  }

  /** The inventory, with one coverage entry per account, region and service. */
  result(): Inventory {
    const coverage: CoverageEntry[] = [...this.coverage.values()].map(({ account, region, service, status, message, failures }) => ({
      provider: this.provider,
      account,
      region,
      service,
      status,
      ...(message !== undefined ? { message: failures > 1 ? `${message} (and ${failures - 1} more failed call${failures > 2 ? 's' : ''})` : message } : {}),
    }));
    return { sources: [this.provider], assets: [...this.assets.values()], edges: [...this.edges.values()], coverage };
  }
}

/** Runs tasks for many items concurrently (the calls inside are limited by the builder). */
export async function forEachConcurrently<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  await Promise.all(items.map((item) => task(item)));
}

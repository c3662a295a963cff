import { AsyncLocalStorage } from 'node:async_hooks';
import { edgeKey, mergeUnreadEdges, type Asset, type CoverageEntry, type CoverageStatus, type Edge, type Inventory, type Provider, type UnreadEdges } from '../graph/model.js';
import type { EdgeType } from '../graph/edge-types.js';
import type { CollectorContext } from './collector.js';
import { redactCoverageMessage } from '../secrets/redact.js';

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

/**
 * How long a call's attempts may go without hearing from the provider, added up across its retries:
 * two per-request timeouts (a minute by default), so a silent endpoint ends in a coverage error after
 * two attempts instead of every retry waiting out its own timeout.
 */
export function callDeadlineMs(timeoutMs: number): number {
  return 2 * timeoutMs;
}

/**
 * The first call to a provider (AWS STS, the Azure subscription listing, a Google project) proves the
 * endpoint answers at all, and nothing else is read without it: its attempts time out sooner (at most
 * this) and its deadline is two of them, so a dead or silent endpoint ends the provider's scan in
 * under a minute. Throttling answers still ride out their retries: they are answers.
 */
export const IDENTITY_TIMEOUT_MS = 20_000;

export function identityTimeoutMs(timeoutMs: number): number {
  return Math.min(timeoutMs, IDENTITY_TIMEOUT_MS);
}

/** Worse statuses win when several calls to one scope end differently. */
const STATUS_RANK: Record<CoverageStatus, number> = { ok: 0, skipped: 1, error: 2, denied: 3 };

interface CoverageState {
  status: CoverageStatus;
  message?: string;
  failures: number;
}

/** How much a scope's share grows with each answer that was not throttled, divided by the share. */
const SHARE_GROWTH = 0.2;

/**
 * The concurrency limit, counted in HTTP attempts, with a share per rate-limit scope that adapts to
 * throttling. A scope is a region of an account (for Azure, a subscription; for Google, a location of
 * a project): what clouds throttle. Each scope may have at most its share of attempts in flight; a
 * throttling answer halves the share (once per round: answers to attempts sent before the last cut
 * do not cut again), every other answer grows it by SHARE_GROWTH / share (additive increase,
 * multiplicative decrease, as TCP does), up to the whole limit. So a throttled region slows down to what its limit
 * allows, and the other regions take the slots it leaves. Slots are held per attempt, not per call:
 * a call waiting out its SDK's back-off after a throttling answer holds none. Every provider's SDK
 * hook calls `attemptTurn` before each attempt (pages and retries included) and reports its answer.
 */
class ScopeShare {
  inFlight = 0;
  /** Attempts sent since the share was last cut belong to this round. */
  round = 0;
  private share: number;

  constructor(
    private readonly limit: number,
    /** Attempts in flight in all the scopes of this scope's account. */
    readonly account: { inFlight: number },
  ) {
    this.share = limit;
  }

  hasRoom(): boolean {
    return this.inFlight < Math.max(1, Math.floor(this.share));
  }

  answered(throttled: boolean, round: number): void {
    if (!throttled) this.share = Math.min(this.limit, this.share + SHARE_GROWTH / this.share);
    else if (round === this.round) {
      this.share = Math.max(1, this.share / 2);
      this.round++;
    }
  }
}

class AttemptSlots {
  private inFlight = 0;
  private readonly waiting: Array<{ share: ScopeShare; enter: () => void }> = [];
  private readonly shares = new Map<string, ScopeShare>();
  private readonly accounts = new Map<string, { inFlight: number }>();

  constructor(private readonly limit: number) {}

  share(scope: CallScope): ScopeShare {
    const key = `${scope.account}\u0000${scope.region}`;
    let share = this.shares.get(key);
    if (!share) {
      let account = this.accounts.get(scope.account);
      if (!account) this.accounts.set(scope.account, (account = { inFlight: 0 }));
      this.shares.set(key, (share = new ScopeShare(this.limit, account)));
    }
    return share;
  }

  async enter(share: ScopeShare): Promise<void> {
    if (this.inFlight < this.limit && share.hasRoom()) this.take(share);
    else await new Promise<void>((enter) => this.waiting.push({ share, enter }));
  }

  leave(share: ScopeShare): void {
    this.inFlight--;
    share.inFlight--;
    share.account.inFlight--;
    while (this.inFlight < this.limit) {
      const next = this.nextWaiter();
      if (next === undefined) return;
      const [waiter] = this.waiting.splice(next, 1);
      this.take(waiter!.share);
      waiter!.enter();
    }
  }

  /**
   * The waiter to go next: of the scopes with room in their share, one of the account with the fewest
   * attempts in flight, and within it the scope (region) with the fewest, first come first served
   * within that. Fair across accounts first: an account does not get more of the limit for having
   * more regions with work waiting, so one huge account cannot starve the others; then across its
   * regions, so a throttled region does not hold up the others, and no region falls behind the rest.
   */
  private nextWaiter(): number | undefined {
    let best: number | undefined;
    for (let index = 0; index < this.waiting.length; index++) {
      const { share } = this.waiting[index]!;
      if (!share.hasRoom()) continue;
      if (best === undefined || goesBefore(share, this.waiting[best]!.share)) best = index;
      if (share.account.inFlight === 0) break;
    }
    return best;
  }

  private take(share: ScopeShare): void {
    this.inFlight++;
    share.inFlight++;
    share.account.inFlight++;
  }
}

/** Whether a waiter of scope `a` goes before one of scope `b` that came earlier: its account, then its scope, has fewer attempts in flight. */
function goesBefore(a: ScopeShare, b: ScopeShare): boolean {
  return a.account.inFlight < b.account.inFlight || (a.account.inFlight === b.account.inFlight && a.inFlight < b.inFlight);
}

/**
 * The slots and scope of the call that is running, for the SDK hooks, which run inside it; and when
 * the call last heard from the provider, for its deadline.
 */
interface RunningCall {
  slots: AttemptSlots;
  share: ScopeShare;
  /** Longest the call's attempts may go without an answer, added up since its last answer. */
  deadlineMs: number;
  /** Time its attempts spent without any answer since the last one that got one (slot waits and back-off not counted). */
  silentMs: number;
  /** How often each request of this call was answered successfully: a listing that keeps asking one again repeats its page token. */
  answeredRequests: Map<string, number>;
}

const currentCall = new AsyncLocalStorage<RunningCall>();

/** How an attempt ended, as the provider's SDK hook saw it. */
export interface AttemptOutcome {
  /** A throttling answer: cuts the scope's share. */
  throttled?: boolean;
  /** Any answer came (an error status too); false for a timeout or a dropped connection, which is no progress. */
  heard: boolean;
  /** A successful answer: the request is done, and asking it again would be a listing going round in circles. */
  succeeded: boolean;
}

export interface Attempt {
  /** The attempt ended: frees its slot (call it once, always). */
  answered(outcome: AttemptOutcome): void;
}

/** Pages one call may read: a listing that has not ended by then is not going to. */
export const MAX_PAGES_PER_CALL = 1000;

/**
 * Successful answers to one request before the call counts as going round in circles. Above 1: an
 * SDK asks again for a page whose body broke after a good status line, and that is a retry; a
 * listing whose page token repeats asks again, and again.
 */
const MAX_SAME_REQUEST = 10;

/** A listing that asks for a page it already got (a repeated page token), or never ends. */
export class EndlessListingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EndlessListingError';
  }
}

/**
 * A call that went `deadlineMs` without any answer, its retries included (an endpoint that accepts
 * connections and never answers): it stops retrying and becomes a coverage error.
 */
export class CallDeadlineError extends Error {
  constructor(deadlineMs: number) {
    super(`no answer in ${deadlineMs < 10_000 ? `${deadlineMs} ms` : `${Math.round(deadlineMs / 1000)} s`} of attempts, retries included: the endpoint does not answer`);
    this.name = 'CallDeadlineError';
  }
}

const UNCOUNTED: Attempt = { answered: () => {} };

/**
 * For each provider's SDK hook, before every HTTP attempt of a call made through `builder.call`:
 * waits for a slot within the limit and the scope's share, and gives the handle to report the answer
 * with (always, once). Outside a call (credentials, the subscription list) nothing is counted.
 * `request` identifies the request (method, URL, body): a call that asks again for what it was
 * already given is a listing going round in circles, and it stops with an EndlessListingError, as
 * it does after MAX_PAGES_PER_CALL pages; a call that hears nothing for its deadline stops with a
 * CallDeadlineError. Neither is retried: both become coverage errors.
 */
export async function attemptTurn(request?: string): Promise<Attempt> {
  const call = currentCall.getStore();
  if (!call) return UNCOUNTED;
  const { slots, share } = call;
  // Only attempts in flight count toward the deadline: waiting for a slot or a back-off is not the endpoint's silence.
  if (call.silentMs >= call.deadlineMs) throw new CallDeadlineError(call.deadlineMs);
  if (request !== undefined && (call.answeredRequests.get(request) ?? 0) >= MAX_SAME_REQUEST) {
    throw new EndlessListingError(`the listing asked ${MAX_SAME_REQUEST} times for a page it already had (a repeated page token) after ${call.answeredRequests.size} pages`);
  }
  if (call.answeredRequests.size >= MAX_PAGES_PER_CALL) throw new EndlessListingError(`the listing did not end after ${MAX_PAGES_PER_CALL} pages`);
  await slots.enter(share);
  const sent = Date.now();
  const round = share.round;
  let open = true;
  return {
    answered: ({ throttled = false, heard, succeeded }) => {
      if (!open) return;
      open = false;
      call.silentMs = heard ? 0 : call.silentMs + (Date.now() - sent);
      if (succeeded && request !== undefined) call.answeredRequests.set(request, (call.answeredRequests.get(request) ?? 0) + 1);
      share.answered(throttled, round);
      slots.leave(share);
    },
  };
}

export interface CallOptions {
  /** How long the call may go without an answer, retries included (default: two per-request timeouts). */
  deadlineMs?: number;
}

export class InventoryBuilder {
  private readonly slots: AttemptSlots;
  private readonly assets = new Map<string, Asset>();
  private readonly edges = new Map<string, Edge>();
  private readonly coverage = new Map<string, CoverageState & CallScope>();
  private readonly unreadEdges = new Map<string, UnreadEdges[]>();

  constructor(
    readonly provider: Provider,
    readonly context: CollectorContext,
    private readonly classify: ErrorClassifier,
  ) {
    this.slots = new AttemptSlots(context.concurrency);
  }

  /**
   * Runs one read-only API call (or one paginated listing); its HTTP attempts take their slots under
   * the concurrency limit and the scope's share (`attemptTurn`). Success marks the scope as read; a
   * failure is recorded as coverage (denied / skipped / error, with the operation and the provider's
   * message) and returns undefined, so the caller carries on.
   */
  async call<T>(scope: CallScope, operation: string, run: () => Promise<T>, options: CallOptions = {}): Promise<T | undefined> {
    try {
      const result = await this.attempt(scope, run, options);
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

  /**
   * Runs a call under the concurrency limit, its scope's share and its deadline, like `call`, but
   * lets its failure through: for calls whose failure the collector reads itself (an identity call
   * that tells missing credentials from a dead endpoint).
   */
  async attempt<T>(scope: CallScope, run: () => Promise<T>, options: CallOptions = {}): Promise<T> {
    this.context.signal.throwIfAborted();
    const deadlineMs = options.deadlineMs ?? callDeadlineMs(this.context.timeoutMs);
    return currentCall.run({ slots: this.slots, share: this.slots.share(scope), deadlineMs, silentMs: 0, answeredRequests: new Map() }, run);
  }

  /** Records a scope's outcome without a call (a service known to be absent from a region, say). */
  record(scope: CallScope, status: CoverageStatus, unredacted?: string): void {
    // An error may quote the request (its headers) or a resource: redacted before it is kept or compared.
    const message = unredacted === undefined ? undefined : redactCoverageMessage(unredacted);
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
    const merged: Asset = { ...existing, ...full, tags: full.tags ?? existing.tags, raw: full.raw ?? existing.raw, props };
    const unread = mergeUnreadEdges(existing.unreadEdges, full.unreadEdges);
    if (unread) merged.unreadEdges = unread;
    else delete merged.unreadEdges;
    this.assets.set(asset.id, merged);
  }

  /**
   * Records that an asset's edges of one type and direction could not be read (the call that names
   * them failed), so that rules do not conclude from their absence. Applied when the inventory is made,
   * whichever comes first, the asset or the failure.
   */
  markEdgesUnread(id: string, edge: EdgeType, direction: 'out' | 'in' = 'out'): void {
    let list = this.unreadEdges.get(id);
    if (!list) this.unreadEdges.set(id, (list = []));
    list.push({ edge, direction });
  }

  /** Assets found so far, for progress. */
  get assetCount(): number {
    return this.assets.size;
  }

  /** How many assets found so far match. */
  countAssets(match: (asset: Asset) => boolean): number {
    let count = 0;
    for (const asset of this.assets.values()) if (match(asset)) count++;
    return count;
  }

  hasAsset(id: string): boolean {
    return this.assets.has(id);
  }

  getAsset(id: string): Asset | undefined {
    return this.assets.get(id);
  }

  addEdge(from: string, type: EdgeType, to: string): void {
    const edge = { from, type, to };
    this.edges.set(edgeKey(edge), edge);
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
    const assets = [...this.assets.values()].map((asset) => {
      const unread = mergeUnreadEdges(asset.unreadEdges, this.unreadEdges.get(asset.id));
      return unread ? { ...asset, unreadEdges: unread } : asset;
    });
    return { sources: [this.provider], assets, edges: [...this.edges.values()], coverage };
  }
}

/** Runs tasks for many items concurrently (the calls inside are limited by the builder). */
export async function forEachConcurrently<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  await Promise.all(items.map((item) => task(item)));
}

/**
 * Runs tasks for many items, at most `limit` at a time, in order. For accounts of an organization:
 * each account in flight holds its SDK clients (one per service and region) until it is done, so
 * starting all of hundreds at once costs gigabytes while the calls inside wait for their turn anyway.
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
}

import { describe, expect, it } from 'vitest';
import { attemptTurn, forEachLimited, InventoryBuilder, type CallScope } from '../../src/collect/runtime.js';
import { silentLogger } from '../../src/log.js';

/**
 * The concurrency limit, counted in HTTP attempts, with a share per region that a throttling answer
 * cuts: driven by hand, one attempt at a time, without a network or a clock.
 */

const settle = () => new Promise((resolve) => setImmediate(resolve));

function harness(concurrency: number) {
  const builder = new InventoryBuilder('aws', { scope: {}, concurrency, timeoutMs: 1000, signal: new AbortController().signal, log: silentLogger, progress: () => {} }, () => ({ status: 'error', message: 'failed' }));
  const inFlight = new Map<string, number>();
  const most = new Map<string, number>();
  const byAccount = new Map<string, number>();
  const answers: Array<{ region: string; answer: (throttled: boolean) => void }> = [];
  /** A call of one attempt in `region` (of `account`); it is answered when the test says so. */
  const call = (region: string, account = '111122223333') => {
    const scope: CallScope = { account, region, service: 'sagemaker' };
    return builder.call(scope, 'DescribeThing', async () => {
      const attempt = await attemptTurn();
      inFlight.set(region, (inFlight.get(region) ?? 0) + 1);
      byAccount.set(account, (byAccount.get(account) ?? 0) + 1);
      most.set(region, Math.max(most.get(region) ?? 0, inFlight.get(region)!));
      await new Promise<void>((resolve) =>
        answers.push({
          region,
          answer: (throttled) => {
            inFlight.set(region, inFlight.get(region)! - 1);
            byAccount.set(account, byAccount.get(account)! - 1);
            attempt.answered({ throttled, heard: true, succeeded: !throttled });
            resolve();
          },
        }),
      );
    });
  };
  /** Answers the oldest (or the newest) attempt in flight in `region` (any region: the oldest of all). */
  const answer = async (region?: string, throttled = false, newest = false) => {
    const index = newest ? answers.findLastIndex((pending) => pending.region === region) : answers.findIndex((pending) => region === undefined || pending.region === region);
    answers.splice(index, 1)[0]!.answer(throttled);
    await settle();
  };
  const total = () => [...inFlight.values()].reduce((sum, count) => sum + count, 0);
  /** Attempts in flight by account (those with none left out). */
  const accounts = () => Object.fromEntries([...byAccount].filter(([, count]) => count > 0).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { call, answer, inFlight: (region: string) => inFlight.get(region) ?? 0, total, most, accounts };
}

describe('attempts under the concurrency limit', () => {
  it('never has more attempts in flight than the limit', async () => {
    const { call, answer, total, most } = harness(3);
    const calls = Array.from({ length: 10 }, () => call('us-east-1'));
    await settle();
    expect(total()).toBe(3);
    for (let index = 0; index < 10; index++) await answer('us-east-1');
    await Promise.all(calls);
    expect(most.get('us-east-1')).toBe(3);
  });

  it('halves the share of a region that is throttled, once per round, and gives the slots to other regions', async () => {
    const { call, answer, inFlight } = harness(8);
    const calls = Array.from({ length: 12 }, () => call('eu-west-1'));
    await settle();
    expect(inFlight('eu-west-1')).toBe(8);
    // Two throttling answers to attempts sent in the same round: the share is cut once, to 4.
    await answer('eu-west-1', true);
    await answer('eu-west-1', true);
    expect(inFlight('eu-west-1')).toBe(6);
    calls.push(...Array.from({ length: 6 }, () => call('ap-south-1')));
    await settle();
    // The two free slots go to the other region; the throttled one waits until it is under its share.
    expect(inFlight('ap-south-1')).toBe(2);
    await answer('eu-west-1');
    await answer('eu-west-1');
    expect(inFlight('eu-west-1')).toBe(4);
    expect(inFlight('ap-south-1')).toBe(4);
    // The region with fewer attempts in flight goes first: a new attempt for the throttled region.
    await answer('eu-west-1');
    expect(inFlight('eu-west-1')).toBe(4);
    // Throttled too: an attempt of the new round, so the share is cut again, to about 2.
    await answer('eu-west-1', true, true);
    expect(inFlight('ap-south-1')).toBe(5);
    await answer('eu-west-1');
    expect(inFlight('eu-west-1')).toBe(2);
    expect(inFlight('ap-south-1')).toBe(6);
    while (inFlight('eu-west-1') + inFlight('ap-south-1') > 0) await answer(inFlight('eu-west-1') > 0 ? 'eu-west-1' : 'ap-south-1');
    await Promise.all(calls);
  });

  it('is fair across accounts first: a huge account with work in many regions does not take the slots of small accounts', async () => {
    const { call, answer, total, accounts } = harness(3);
    // The huge account has 5 calls in each of 4 regions, queued first; then two small accounts with 4 calls in one region each.
    const huge = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-south-1'].flatMap((region) => Array.from({ length: 5 }, () => call(region, '999999999999')));
    await settle();
    const small = ['111111111111', '222222222222'].flatMap((account) => Array.from({ length: 4 }, () => call('us-east-1', account)));
    await settle();
    expect(accounts()).toEqual({ '999999999999': 3 });
    // Each slot the huge account frees goes to a small account until every account has an equal part:
    // by region alone, its three other regions would each have come first.
    await answer();
    expect(accounts()).toEqual({ '111111111111': 1, '999999999999': 2 });
    await answer();
    expect(accounts()).toEqual({ '111111111111': 1, '222222222222': 1, '999999999999': 1 });
    // From then on every account keeps one slot, whichever attempt is answered, until the small ones are done.
    for (let step = 0; step < 6; step++) {
      await answer();
      expect(accounts()).toEqual({ '111111111111': 1, '222222222222': 1, '999999999999': 1 });
    }
    while (total() > 0) await answer();
    await Promise.all([...huge, ...small]);
  });

  it('does not count attempts made outside a call (credentials, the subscription list)', async () => {
    const attempt = await attemptTurn();
    expect(() => attempt.answered({ throttled: true, heard: true, succeeded: false })).not.toThrow();
  });

  it('stops a call that asks again for a request it was already answered (a repeated page token), and one that hears nothing for its deadline', async () => {
    const builder = new InventoryBuilder('aws', { scope: {}, concurrency: 4, timeoutMs: 1000, signal: new AbortController().signal, log: silentLogger, progress: () => {} }, () => ({ status: 'error', message: 'failed' }));
    const repeat = await builder.attempt({ account: '1', region: 'r', service: 's' }, async () => {
      for (let page = 0; page < 20; page++) (await attemptTurn('GET /items?page=2')).answered({ heard: true, succeeded: true });
    }).catch((error: Error) => error);
    expect(repeat).toMatchObject({ name: 'EndlessListingError', message: 'the listing asked 10 times for a page it already had (a repeated page token) after 1 pages' });
    // A retry of a request that failed, or whose body broke after a good status line, is no repeat.
    const retried = await builder.attempt({ account: '1', region: 'r', service: 's' }, async () => {
      (await attemptTurn('GET /items')).answered({ heard: true, succeeded: false });
      (await attemptTurn('GET /items')).answered({ heard: true, succeeded: true });
      (await attemptTurn('GET /items')).answered({ heard: true, succeeded: true });
      return 'read';
    });
    expect(retried).toBe('read');
    // Waiting between attempts does not count; an attempt in flight without an answer does.
    const silent = await builder.attempt({ account: '1', region: 'r', service: 's' }, async () => {
      const first = await attemptTurn('GET /a');
      await new Promise((resolve) => setTimeout(resolve, 30));
      first.answered({ heard: false, succeeded: false });
      return attemptTurn('GET /a');
    }, { deadlineMs: 20 }).catch((error: Error) => error);
    expect(silent).toMatchObject({ name: 'CallDeadlineError' });
  });
});

describe('forEachLimited (the accounts of an organization)', () => {
  it('runs every item once, never more than the limit at a time, and starts the next as soon as one ends', async () => {
    const releases: Array<() => void> = [];
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const done = forEachLimited([1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      most = Math.max(most, ++running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running--;
    });
    await settle();
    expect(started).toEqual([1, 2]);
    releases.shift()!();
    await settle();
    expect(started).toEqual([1, 2, 3]);
    while (started.length < 5 || releases.length > 0) {
      releases.shift()?.();
      await settle();
    }
    await done;
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('ends at once with nothing to do', async () => {
    await expect(forEachLimited([], 16, async () => {})).resolves.toBeUndefined();
  });
});

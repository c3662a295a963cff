/**
 * Long synchronous work (checking a large snapshot, redacting it, evaluating the rules) is written as
 * a generator that yields about every SLICE_MILLISECONDS. The library drains it at once; the CLI
 * drains it with a return to the event loop at each yield, so that Ctrl-C is handled in every phase.
 */

/** About this long between returns to the event loop. */
export const SLICE_MILLISECONDS = 50;

/** Says when a slice has run its time: `due()` is true once per SLICE_MILLISECONDS. */
export function sliceClock(): { due(): boolean } {
  let start = performance.now();
  return {
    due() {
      const now = performance.now();
      if (now - start < SLICE_MILLISECONDS) return false;
      start = now;
      return true;
    },
  };
}

/** Runs sliced work to its end without pausing. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs sliced work with a turn of the event loop at each pause; `signal` stops it with its reason. */
export async function drainInSlices<T>(steps: Generator<void, T>, signal?: AbortSignal): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await nextTurn(signal);
  }
}

/** Lets the event loop run (a Ctrl-C that came during a long step is handled here), then goes on unless stopped. */
export async function nextTurn(signal?: AbortSignal): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  signal?.throwIfAborted();
}

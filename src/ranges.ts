/**
 * The ranges of the numeric settings, in one place for the flags (cli/main.ts) and the `scan:`
 * section of aispm.config.yaml. Past these a value is a typo, not a choice: a timeout over 24.8 days
 * even overflows Node's timers and fires at once.
 */
export const SETTING_RANGES = {
  /** API calls in flight per provider (default 16). */
  concurrency: { min: 1, max: 256 },
  /** Seconds per request (default 30). */
  timeout: { min: 1, max: 3600 },
  /** Edges out from a finding or asset in `aispm graph` (default 2). */
  hops: { min: 1, max: 10 },
} as const;

export type SettingRange = { readonly min: number; readonly max: number };

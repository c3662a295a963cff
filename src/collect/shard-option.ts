/**
 * `--shard i/n` as typed: parsed by the CLI without loading node:crypto (start-up loads only what it
 * needs, test/bundle.test.ts); which id falls in which shard is shard.ts.
 */

export interface Shard {
  /** 1-based: shard 1 to `count`. */
  index: number;
  count: number;
}

/** The most shards a scan can be split into (a CI matrix is far smaller). */
export const MAX_SHARDS = 1000;

/** `2/5` → { index: 2, count: 5 }; for anything else, the reason it is not a shard. */
export function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return `"${text}" is not i/n (for example 1/4: the first of four shards)`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) return `${count} shards is out of range (from 1 to ${MAX_SHARDS})`;
  if (index < 1 || index > count) return `shard ${index} of ${count} does not exist (shards are numbered from 1 to ${count})`;
  return { index, count };
}

import { createHash } from 'node:crypto';
import type { Shard } from './shard-option.js';

export type { Shard };

/**
 * `--shard i/n`: a deterministic share of the accounts, subscriptions and projects a scan discovers,
 * so that n scanners (a CI matrix) read an estate side by side without talking to each other. An id
 * belongs to shard i when the first four bytes of the SHA-256 of the id in lower case (an AWS account
 * id, an Azure subscription id, a Google Cloud project id; UTF-8), read as a big-endian unsigned
 * integer, leave i − 1 when divided by n. The hash depends on nothing but the id, so a shard is the
 * same on every run and every machine, and an account keeps its shard when others join or leave.
 */

/** The shard (1-based) an id belongs to among `count`. */
export function shardOf(id: string, count: number): number {
  return (createHash('sha256').update(id.toLowerCase(), 'utf8').digest().readUInt32BE(0) % count) + 1;
}

/** The items whose id is in the shard; all of them without a shard. */
export function inShard<T>(items: readonly T[], shard: Shard | undefined, id: (item: T) => string): T[] {
  if (!shard) return [...items];
  return items.filter((item) => shardOf(id(item), shard.count) === shard.index);
}

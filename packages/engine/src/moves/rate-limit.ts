import { and, eq, inArray, sql } from 'drizzle-orm';
import { schema, type Db } from '@fiscus/ledger';

const { moveRateLimits } = schema;

/** NTT's rateLimitDuration: a bucket refills from empty to full in 24 h. */
export const RATE_LIMIT_WINDOW_MS = 86_400_000n;

export type Direction = 'outbound' | 'inbound';
export type BucketRow = typeof moveRateLimits.$inferSelect;
export interface BucketKey {
  chain: string;
  direction: Direction;
}

/**
 * Capacity available at `now`: the level left at the last change plus a linear refill of
 * capacity × elapsed / 24 h, never above capacity (NTT `_getCurrentCapacity`: multiply before
 * dividing, round down). null capacity = unlimited.
 */
export function currentLevel(b: Pick<BucketRow, 'capacity' | 'level' | 'refilledAt'>, now: Date): bigint | null {
  if (b.capacity === null) return null;
  const elapsed = BigInt(Math.max(0, now.getTime() - b.refilledAt.getTime()));
  const refilled = b.level + (b.capacity * elapsed) / RATE_LIMIT_WINDOW_MS;
  return refilled < b.capacity ? refilled : b.capacity;
}

/**
 * A new capacity keeps the units already used in this window (NTT `_calculateNewCurrentCapacity`):
 * raising it by d adds d to the level, lowering it by d removes d (not below 0).
 */
export function levelAfterNewCapacity(oldCapacity: bigint | null, oldLevel: bigint | null, capacity: bigint): bigint {
  if (oldCapacity === null || oldLevel === null) return capacity;
  const level = capacity >= oldCapacity ? oldLevel + (capacity - oldCapacity) : oldLevel - (oldCapacity - capacity);
  if (level < 0n) return 0n;
  return level > capacity ? capacity : level;
}

/** Locks the fund's buckets for these keys (sorted, so concurrent admissions cannot deadlock). */
export async function lockBuckets(tx: Db, fundId: string, keys: BucketKey[]): Promise<Map<string, BucketRow>> {
  const chains = [...new Set(keys.map((k) => k.chain))].sort();
  const rows = await tx
    .select()
    .from(moveRateLimits)
    .where(and(eq(moveRateLimits.fundId, fundId), inArray(moveRateLimits.chain, chains)))
    .orderBy(moveRateLimits.chain, moveRateLimits.direction)
    .for('update');
  return new Map(rows.map((r) => [bucketId(r), r]));
}

export const bucketId = (k: BucketKey) => `${k.direction}:${k.chain}`;

/** Sets a bucket's level as of `now` (consume: negative delta; backflow/refund: positive, capped). */
export async function adjustBucket(tx: Db, fundId: string, row: BucketRow | undefined, delta: bigint, now: Date): Promise<void> {
  if (!row || row.capacity === null) return;
  const level = (currentLevel(row, now) ?? 0n) + delta;
  const capped = level > row.capacity ? row.capacity : level < 0n ? 0n : level;
  await tx
    .update(moveRateLimits)
    .set({ level: capped, refilledAt: now, updatedAt: sql`now()` })
    .where(and(eq(moveRateLimits.fundId, fundId), eq(moveRateLimits.chain, row.chain), eq(moveRateLimits.direction, row.direction)));
}

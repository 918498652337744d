import { and, eq, sql } from 'drizzle-orm';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import { currentLevel, levelAfterNewCapacity, lockBuckets, type BucketRow, type Direction } from './rate-limit.ts';

const { moveRateLimits } = schema;
const DIRECTIONS: Direction[] = ['inbound', 'outbound'];

export interface ChainMoveLimits {
  chain: string;
  /** Units per 24 h; null = unlimited. */
  outboundPer24h: bigint | null;
  inboundPer24h: bigint | null;
  /** Capacity available now (null = unlimited). */
  outboundAvailable: bigint | null;
  inboundAvailable: bigint | null;
  paused: boolean;
}

async function upsert(tx: Db, fundId: string, chain: string, direction: Direction, set: Partial<BucketRow>): Promise<void> {
  await tx
    .insert(moveRateLimits)
    .values({ fundId, chain, direction, capacity: null, level: 0n, paused: false, ...set })
    .onConflictDoUpdate({ target: [moveRateLimits.fundId, moveRateLimits.chain, moveRateLimits.direction], set: { ...set, updatedAt: sql`now()` } });
}

/** Sets both directions' capacities (null = unlimited), keeping the units already used this window. */
export async function setMoveLimits(
  db: Db,
  p: { fundId: string; chain: string; outboundPer24h: bigint | null; inboundPer24h: bigint | null; actor: string; now?: Date },
): Promise<ChainMoveLimits> {
  const now = p.now ?? new Date();
  await db.transaction(async (tx) => {
    const rows = await lockBuckets(tx, p.fundId, [{ chain: p.chain, direction: 'outbound' }]);
    for (const direction of DIRECTIONS) {
      const capacity = direction === 'outbound' ? p.outboundPer24h : p.inboundPer24h;
      const old = rows.get(`${direction}:${p.chain}`);
      const level = capacity === null ? 0n : levelAfterNewCapacity(old?.capacity ?? null, old ? currentLevel(old, now) : null, capacity);
      await upsert(tx, p.fundId, p.chain, direction, { capacity, level, refilledAt: now });
    }
    await appendAudit(tx, {
      actor: p.actor,
      action: 'moves.limits.set',
      subject: `${p.fundId}/${p.chain}`,
      data: { outboundPer24h: p.outboundPer24h?.toString() ?? null, inboundPer24h: p.inboundPer24h?.toString() ?? null },
    });
  });
  return getMoveLimits(db, p.fundId, p.chain, now);
}

/** Pausing a chain stops moves from starting or minting on it in both directions; nothing is dropped. */
export async function setChainPaused(db: Db, p: { fundId: string; chain: string; paused: boolean; actor: string }): Promise<ChainMoveLimits> {
  await db.transaction(async (tx) => {
    for (const direction of DIRECTIONS) await upsert(tx, p.fundId, p.chain, direction, { paused: p.paused });
    await appendAudit(tx, { actor: p.actor, action: p.paused ? 'moves.chain.paused' : 'moves.chain.unpaused', subject: `${p.fundId}/${p.chain}`, data: {} });
  });
  return getMoveLimits(db, p.fundId, p.chain);
}

export async function getMoveLimits(db: Db, fundId: string, chain: string, now = new Date()): Promise<ChainMoveLimits> {
  const rows = await db
    .select()
    .from(moveRateLimits)
    .where(and(eq(moveRateLimits.fundId, fundId), eq(moveRateLimits.chain, chain)));
  const out = rows.find((r) => r.direction === 'outbound');
  const inb = rows.find((r) => r.direction === 'inbound');
  return {
    chain,
    outboundPer24h: out?.capacity ?? null,
    inboundPer24h: inb?.capacity ?? null,
    outboundAvailable: out ? currentLevel(out, now) : null,
    inboundAvailable: inb ? currentLevel(inb, now) : null,
    paused: Boolean(out?.paused || inb?.paused),
  };
}

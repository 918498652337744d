import { and, eq, or, sql } from 'drizzle-orm';
import type { PublicError } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { openHalt } from './halt.ts';
import { burnLeg, casMove, requestLeg, wait } from './leg.ts';
import { adjustBucket, currentLevel, lockBuckets, type BucketRow } from './rate-limit.ts';
import type { MoveRow } from './request.ts';

const { moves } = schema;

/**
 * requested | queued → burning, when the fund is not halted, neither chain is paused, no older
 * queued move shares one of its buckets (FIFO) and both buckets have the capacity now.
 * Otherwise the move is (or stays) queued with the reason; nothing is ever dropped.
 *
 * Rate-limit rules (Wormhole NTT RateLimiter): the move consumes the source's outbound and the
 * destination's inbound capacity, and — NTT's backflow — refills the source's inbound and the
 * destination's outbound by the same units, so the limits bound the NET flow between chains.
 * Unlike NTT, a move is queued BEFORE its burn (never sits burned in transit because of a limit)
 * and is released as soon as capacity has refilled, not after a fixed 24 h wait.
 */
export async function admit(db: Db, m: MoveRow, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [cur] = await tx.select().from(moves).where(eq(moves.id, m.id)).for('update');
    if (!cur || cur.state !== m.state) return false;
    const halt = await openHalt(tx, cur.fundId);
    if (halt) return queue(tx, cur, now, { code: 'FUND_HALTED', message: halt.reason });
    const buckets = await lockBuckets(tx, cur.fundId, [
      { chain: cur.fromChain, direction: 'outbound' },
      { chain: cur.toChain, direction: 'inbound' },
    ]);
    const out = buckets.get(`outbound:${cur.fromChain}`);
    const inb = buckets.get(`inbound:${cur.toChain}`);
    if (out?.paused) return queue(tx, cur, now, { code: 'PAUSED', message: `moves out of ${cur.fromChain} are paused` });
    if (inb?.paused) return queue(tx, cur, now, { code: 'PAUSED', message: `moves into ${cur.toChain} are paused` });
    const ahead = await olderQueued(tx, cur);
    if (ahead) return queue(tx, cur, now, { code: 'QUEUED_BEHIND', message: `waiting behind ${ahead} (first in, first out)` });
    const short = shortOf(out, cur.units, now) ?? shortOf(inb, cur.units, now);
    if (short) return queue(tx, cur, now, { code: 'RATE_LIMITED', message: short });

    await adjustBucket(tx, cur.fundId, out, -cur.units, now);
    await adjustBucket(tx, cur.fundId, inb, -cur.units, now);
    await adjustBucket(tx, cur.fundId, buckets.get(`inbound:${cur.fromChain}`), cur.units, now);
    await adjustBucket(tx, cur.fundId, buckets.get(`outbound:${cur.toChain}`), cur.units, now);
    // On Stellar a burn from an investor's account is a clawback (the driver's mapping).
    const ok = await requestLeg(tx, cur, 'burning', 'burnOperationId', burnLeg(cur));
    if (ok) await tx.update(moves).set({ error: null }).where(eq(moves.id, cur.id));
    return ok;
  });
}

function shortOf(b: BucketRow | undefined, units: bigint, now: Date): string | undefined {
  const level = b ? currentLevel(b, now) : null;
  if (level === null || level >= units) return undefined;
  return `${b!.direction} capacity on ${b!.chain} is ${level} of ${b!.capacity} per 24 h; needs ${units}`;
}

/** The oldest queued move of the fund that shares the source outbound or destination inbound bucket. */
async function olderQueued(tx: Db, m: MoveRow): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: moves.id })
    .from(moves)
    .where(
      and(
        eq(moves.fundId, m.fundId),
        eq(moves.state, 'queued'),
        or(eq(moves.fromChain, m.fromChain), eq(moves.toChain, m.toChain)),
        // Compared in SQL: created_at has microseconds a JS Date would truncate.
        sql`(${moves.createdAt}, ${moves.id}) < (select m2.created_at, m2.id from moves m2 where m2.id = ${m.id})`,
      ),
    )
    .orderBy(moves.createdAt, moves.id)
    .limit(1);
  return row?.id;
}

// Typed PublicError, not MoveError: why a move waits is shown through the API, so its code must be
// one of ErrorCodes (an unknown code reads as INTERNAL).
async function queue(tx: Db, m: MoveRow, now: Date, error: PublicError): Promise<boolean> {
  if (m.state === 'queued') return wait(tx, m, error);
  return Boolean(await casMove(tx, m, 'queued', { error, queuedAt: now }));
}

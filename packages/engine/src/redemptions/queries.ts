import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { schema, type Db } from '@fiscus/ledger';
import type { RedemptionRow } from './open.ts';
import type { PayoutRow } from './payouts.ts';

const { redemptions, redemptionPayouts } = schema;

export interface RedemptionView {
  redemption: RedemptionRow;
  /** 1-based place in the fund's FIFO queue while `pending`; null otherwise. */
  queuePosition: number | null;
  payout: PayoutRow | null;
}

async function withQueue(db: Db, rows: RedemptionRow[]): Promise<RedemptionView[]> {
  if (rows.length === 0) return [];
  const fundId = rows[0]!.fundId;
  const queue = await db
    .select({ id: redemptions.id })
    .from(redemptions)
    .where(and(eq(redemptions.fundId, fundId), eq(redemptions.state, 'pending')))
    .orderBy(asc(redemptions.createdAt), asc(redemptions.id));
  const place = new Map(queue.map((r, i) => [r.id, i + 1]));
  const payouts = await db
    .select()
    .from(redemptionPayouts)
    .where(
      inArray(
        redemptionPayouts.redemptionId,
        rows.map((r) => r.id),
      ),
    );
  const byRedemption = new Map(payouts.map((p) => [p.redemptionId, p]));
  return rows.map((r) => ({ redemption: r, queuePosition: place.get(r.id) ?? null, payout: byRedemption.get(r.id) ?? null }));
}

export async function getRedemption(db: Db, p: { fundId: string; id: string }): Promise<RedemptionView | undefined> {
  const rows = await db
    .select()
    .from(redemptions)
    .where(and(eq(redemptions.fundId, p.fundId), eq(redemptions.id, p.id)));
  return (await withQueue(db, rows))[0];
}

/** Newest first, keyset-paginated on (created_at, id); optional state filter. */
export async function listRedemptions(
  db: Db,
  p: { fundId: string; state?: string; investorId?: string; before?: { createdAt: Date; id: string }; limit: number },
): Promise<RedemptionView[]> {
  const rows = await db
    .select()
    .from(redemptions)
    .where(
      and(
        eq(redemptions.fundId, p.fundId),
        p.state ? eq(redemptions.state, p.state) : undefined,
        p.investorId ? eq(redemptions.investorId, p.investorId) : undefined,
        p.before
          ? or(lt(redemptions.createdAt, p.before.createdAt), and(eq(redemptions.createdAt, p.before.createdAt), lt(redemptions.id, p.before.id)))
          : undefined,
      ),
    )
    .orderBy(desc(redemptions.createdAt), desc(redemptions.id))
    .limit(p.limit);
  return withQueue(db, rows);
}

/** Σ payouts per UTC day, for the liquidity view. */
export async function paidOnDay(db: Db, fundId: string, day: string): Promise<bigint> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${redemptionPayouts.amount}), 0)::text` })
    .from(redemptionPayouts)
    .where(and(eq(redemptionPayouts.fundId, fundId), eq(redemptionPayouts.day, day)));
  return BigInt(row?.total ?? '0');
}

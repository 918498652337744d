import { and, eq, inArray, sql } from 'drizzle-orm';
import type { MicroUsd } from '@fiscus/core';
import { accountBalance, schema, stablecoinAccount, type Db } from '@fiscus/ledger';

const { redemptionPayouts, redemptions } = schema;

/** Payout states whose money is still in the treasury but promised to one investor. */
export const RESERVED_PAYOUT_STATES = ['sending', 'held'] as const;

export interface ChainLiquidity {
  chain: string;
  /** The ledger's stablecoin:<chain> (what the treasury holds on that chain). */
  booked: MicroUsd;
  /** Payouts requested or held on that chain, not yet paid. */
  reserved: MicroUsd;
  /** booked − reserved: what new payouts may spend. */
  available: MicroUsd;
  /** Redemptions waiting in the queue to be paid on that chain. */
  queued: MicroUsd;
  queuedCount: number;
}

export async function chainLiquidity(db: Db, fundId: string, chain: string): Promise<ChainLiquidity> {
  const booked = await accountBalance(db, { fundId, code: stablecoinAccount(chain), commodity: 'usd' });
  const [r] = await db
    .select({ total: sql<string>`coalesce(sum(${redemptionPayouts.amount}), 0)::text` })
    .from(redemptionPayouts)
    .where(and(eq(redemptionPayouts.fundId, fundId), eq(redemptionPayouts.chain, chain), inArray(redemptionPayouts.status, [...RESERVED_PAYOUT_STATES])));
  const [q] = await db
    .select({ total: sql<string>`coalesce(sum(${redemptions.usd}), 0)::text`, count: sql<number>`count(*)::int` })
    .from(redemptions)
    .where(and(eq(redemptions.fundId, fundId), eq(redemptions.payoutChain, chain), inArray(redemptions.state, ['requested', 'pending'])));
  const reserved = BigInt(r?.total ?? '0');
  return { chain, booked, reserved, available: booked - reserved, queued: BigInt(q?.total ?? '0'), queuedCount: q?.count ?? 0 };
}

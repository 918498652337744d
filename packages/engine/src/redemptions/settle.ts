import { and, asc, eq, sql } from 'drizzle-orm';
import { newId } from '@fiscus/core';
import { accountBalance, appendAudit, cashAccount, getCurrentNav, schema, type Db } from '@fiscus/ledger';
import { postRedemptionOwed, postRedemptionPaid } from './postings.ts';
import { priceRedemption } from './pricing.ts';
import { getRedemptionRules } from './settings.ts';
import { settleInStablecoin, StablecoinLanes } from './settle-stablecoin.ts';

const { funds, redemptions, redemptionPayouts, redemptionSettings } = schema;
type RedemptionRow = typeof redemptions.$inferSelect;

export interface SettleResult {
  settled: number;
  /** Redemptions still pending after this run, per fund. */
  waiting: number;
}

/** The UTC calendar day a payout counts against. */
export const utcDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * Settles pending redemptions of every fund in FIFO order (created_at, id) while the day's
 * liquidity allows: Σ payouts of the UTC day + next ≤ dailyLiquidityUsd, and the payout account
 * holds the cash. The head of the queue blocks those behind it (strict FIFO, no skipping).
 * One redemption larger than the whole daily limit settles alone on a day with no other payout,
 * so the queue can never stall forever.
 *
 * Per fund everything runs in one transaction holding the fund's redemption_settings row lock,
 * so two workers never spend the same day's liquidity twice; the state compare-and-set and the
 * unique payout per redemption make a replay a no-op.
 */
export async function settleRedemptions(db: Db, o: { now?: Date; fundId?: string } = {}): Promise<SettleResult> {
  const now = o.now ?? new Date();
  const fundRows = await db
    .selectDistinct({ fundId: redemptions.fundId })
    .from(redemptions)
    .where(and(eq(redemptions.state, 'pending'), o.fundId ? eq(redemptions.fundId, o.fundId) : undefined));
  const total: SettleResult = { settled: 0, waiting: 0 };
  for (const { fundId } of fundRows) {
    const r = await settleFund(db, fundId, now);
    total.settled += r.settled;
    total.waiting += r.waiting;
  }
  return total;
}

async function settleFund(db: Db, fundId: string, now: Date): Promise<SettleResult> {
  return db.transaction(async (tx) => {
    await tx.insert(redemptionSettings).values({ fundId }).onConflictDoNothing();
    await tx.select({ fundId: redemptionSettings.fundId }).from(redemptionSettings).where(eq(redemptionSettings.fundId, fundId)).for('update');
    const rules = await getRedemptionRules(tx, fundId);
    const day = utcDay(now);
    const [spent] = await tx
      .select({ total: sql<string>`coalesce(sum(${redemptionPayouts.amount}), 0)::text`, count: sql<number>`count(*)::int` })
      .from(redemptionPayouts)
      .where(and(eq(redemptionPayouts.fundId, fundId), eq(redemptionPayouts.day, day)));
    let used = BigInt(spent?.total ?? '0');
    let paidToday = spent?.count ?? 0;
    let cash = await accountBalance(tx, { fundId, code: cashAccount(rules.payoutAccount), commodity: 'usd' });
    const queue = await tx
      .select()
      .from(redemptions)
      .where(and(eq(redemptions.fundId, fundId), eq(redemptions.state, 'pending')))
      .orderBy(asc(redemptions.createdAt), asc(redemptions.id));
    let settled = 0;
    // Stablecoin payouts queue per chain: a chain short of liquidity (or blocked) holds back only
    // its own lane, FIFO within it; the daily limit is the fund's and stops every lane.
    const lanes = new StablecoinLanes(tx, fundId);
    for (const queued of queue) {
      // Received while the fund had no NAV: priced now, at the first NAV there is (else the queue waits).
      const r = queued.usd === null ? await priceLate(tx, queued) : queued;
      if (!r) break;
      const usd = r.usd ?? 0n;
      const limit = rules.dailyLiquidityUsd;
      const fitsLimit = limit === null || used + usd <= limit || (paidToday === 0 && usd > limit);
      if (!fitsLimit) break;
      if (r.payoutChain) {
        if (!(await lanes.take(r.payoutChain, usd))) continue;
        await settleInStablecoin(tx, r, { day, now });
        used += usd;
        paidToday++;
        settled++;
        continue;
      }
      if (lanes.bankBlocked || usd > cash) {
        lanes.bankBlocked = true;
        continue;
      }
      const payoutId = newId('pay');
      const entryId = await postRedemptionPaid(tx, { ...r, payoutId, account: rules.payoutAccount });
      await tx.insert(redemptionPayouts).values({
        id: payoutId,
        fundId,
        redemptionId: r.id,
        investorId: r.investorId,
        amount: usd,
        cashAccount: rules.payoutAccount,
        day,
        status: 'instructed',
        entryId,
      });
      await tx
        .update(redemptions)
        .set({ state: 'settled', settledAt: now })
        .where(and(eq(redemptions.id, r.id), eq(redemptions.state, 'pending')));
      await appendAudit(tx, { actor: 'engine', action: 'redemption.settled', subject: r.id, data: { fundId, payoutId, usd: usd.toString(), day } });
      used += usd;
      cash -= usd;
      paidToday++;
      settled++;
    }
    return { settled, waiting: queue.length - settled };
  });
}

async function priceLate(tx: Db, r: RedemptionRow): Promise<RedemptionRow | undefined> {
  const current = await getCurrentNav(tx, r.fundId);
  const [fund] = await tx.select({ decimals: funds.decimals }).from(funds).where(eq(funds.id, r.fundId));
  if (!current || !fund) return undefined;
  const { usd } = priceRedemption(r.units, current.nav, fund.decimals);
  const [row] = await tx
    .update(redemptions)
    .set({ usd, navValue: current.nav.value, navScale: current.nav.scale, navPublishedAt: current.publishedAt })
    .where(eq(redemptions.id, r.id))
    .returning();
  await postRedemptionOwed(tx, row!);
  return row;
}

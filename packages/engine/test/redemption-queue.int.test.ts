import { expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { newId } from '@fiscus/core';
import { accountBalance, investorAccount, schema, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { FUND_CAPITAL, getRedemption, listRedemptions, recordCashMovement, settleRedemptions, setRedemptionRules } from '../src/index.ts';
import { postRedemptionOwed } from '../src/redemptions/postings.ts';
import { seedFund } from '../src/testing/index.ts';

/** A fund and one investor, straight in the database; redemptions are inserted already burned (pending). */
async function fundWithQueue(db: Db, amounts: bigint[]) {
  const { fundId } = await seedFund(db, { chain: 'memory:queue' });
  const investorId = newId('inv');
  await db
    .insert(schema.investors)
    .values({ id: investorId, legalName: 'Q', jurisdiction: 'US', jurisdictionNumeric: 840, investorType: 'institutional', kycStatus: 'verified' });
  const ids: string[] = [];
  for (const [i, usd] of amounts.entries()) {
    const id = `red_${fundId.slice(-12)}_${String(i).padStart(3, '0')}`;
    // Created one second apart so FIFO order is the insertion order.
    const createdAt = new Date(Date.UTC(2026, 0, 5, 9, 0, i));
    const [row] = await db
      .insert(schema.redemptions)
      .values({
        id,
        fundId,
        investorId,
        chain: 'memory:queue',
        units: usd,
        source: 'api',
        status: 'pending_payout',
        state: 'pending',
        usd,
        navValue: 1n,
        navScale: 0,
        createdAt,
      })
      .returning();
    await postRedemptionOwed(db, row!);
    ids.push(id);
  }
  return { fundId, investorId, ids };
}

const states = async (db: Db, fundId: string) =>
  Object.fromEntries((await db.select().from(schema.redemptions).where(eq(schema.redemptions.fundId, fundId))).map((r) => [r.id, r.state]));

describeEachBackend('redemption queue: FIFO under a daily liquidity limit', (backend) => {
  const fresh = useFreshDatabase(backend);

  it('settles in order within the day’s limit, the head blocks the rest, and the next day frees liquidity', async () => {
    const db = fresh.current.db;
    // $4, $3, $5, $1 with $8/day: day 1 pays 4+3 (5 would exceed; 1 must wait behind it, strict FIFO).
    const { fundId, investorId, ids } = await fundWithQueue(db, [4_000_000n, 3_000_000n, 5_000_000n, 1_000_000n]);
    await setRedemptionRules(db, fundId, { minRedemptionUsd: 0n, dailyLiquidityUsd: 8_000_000n, payoutAccount: 'operating' });
    await recordCashMovement(db, { fundId, account: 'operating', direction: 'deposit', amount: 100_000_000n, reference: 'seed', by: 'test' });

    const day1 = new Date(Date.UTC(2026, 0, 5, 12));
    const views = await listRedemptions(db, { fundId, limit: 10 });
    expect(views.map((v) => [v.redemption.id, v.queuePosition])).toEqual([
      [ids[3], 4],
      [ids[2], 3],
      [ids[1], 2],
      [ids[0], 1],
    ]);

    // Two workers at once spend the day's liquidity once.
    const runs = await Promise.all([settleRedemptions(db, { now: day1 }), settleRedemptions(db, { now: day1 })]);
    expect(runs.reduce((n, r) => n + r.settled, 0)).toBe(2);
    expect(await states(db, fundId)).toEqual({ [ids[0]!]: 'settled', [ids[1]!]: 'settled', [ids[2]!]: 'pending', [ids[3]!]: 'pending' });
    expect((await getRedemption(db, { fundId, id: ids[3]! }))?.queuePosition).toBe(2);
    expect(await settleRedemptions(db, { now: new Date(Date.UTC(2026, 0, 5, 23, 59)) })).toEqual({ settled: 0, waiting: 2 });

    // Next UTC day: 5 + 1 fit in 8.
    expect(await settleRedemptions(db, { now: new Date(Date.UTC(2026, 0, 6, 0, 1)) })).toEqual({ settled: 2, waiting: 0 });
    const payouts = await db.select().from(schema.redemptionPayouts).where(eq(schema.redemptionPayouts.fundId, fundId));
    expect(payouts.map((p) => [p.redemptionId, p.day, p.amount]).sort()).toEqual([
      [ids[0], '2026-01-05', 4_000_000n],
      [ids[1], '2026-01-05', 3_000_000n],
      [ids[2], '2026-01-06', 5_000_000n],
      [ids[3], '2026-01-06', 1_000_000n],
    ]);
    // Every micro-dollar owed was paid from cash; the investor's payable is back to zero.
    expect(await accountBalance(db, { fundId, code: 'cash:operating', commodity: 'usd' })).toBe(100_000_000n - 13_000_000n);
    expect(await accountBalance(db, { fundId, code: investorAccount(investorId), commodity: 'usd' })).toBe(0n);
    expect(await accountBalance(db, { fundId, code: FUND_CAPITAL, commodity: 'usd' })).toBe(13_000_000n);
  });

  it('one redemption larger than the whole daily limit settles alone on an empty day; cash shortage waits', async () => {
    const db = fresh.current.db;
    const { fundId, ids } = await fundWithQueue(db, [2_000_000n, 9_000_000n, 1_000_000n]);
    await setRedemptionRules(db, fundId, { minRedemptionUsd: 0n, dailyLiquidityUsd: 5_000_000n, payoutAccount: 'operating' });
    await recordCashMovement(db, { fundId, account: 'operating', direction: 'deposit', amount: 10_000_000n, reference: 'seed', by: 'test' });
    expect(await settleRedemptions(db, { now: new Date(Date.UTC(2026, 1, 1)) })).toEqual({ settled: 1, waiting: 2 });
    expect(await settleRedemptions(db, { now: new Date(Date.UTC(2026, 1, 2)) })).toEqual({ settled: 0, waiting: 2 }); // $9 > $8 cash left
    await recordCashMovement(db, { fundId, account: 'operating', direction: 'deposit', amount: 5_000_000n, reference: 'wire-2', by: 'test' });
    expect(await settleRedemptions(db, { now: new Date(Date.UTC(2026, 1, 2)) })).toEqual({ settled: 1, waiting: 1 }); // alone: over the limit
    expect(await settleRedemptions(db, { now: new Date(Date.UTC(2026, 1, 3)) })).toEqual({ settled: 1, waiting: 0 });
    expect(Object.values(await states(db, fundId))).toEqual(['settled', 'settled', 'settled']);
    expect(ids).toHaveLength(3);
  });

  it('property: over random queues and limits, settlement is a FIFO prefix each day, within the limit, and pays exactly what is owed', async () => {
    const db = fresh.current.db;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.bigInt({ min: 1n, max: 9_000_000n }), { minLength: 1, maxLength: 6 }),
        fc.bigInt({ min: 1_000_000n, max: 12_000_000n }),
        async (amounts, limit) => {
          const { fundId, investorId, ids } = await fundWithQueue(db, amounts);
          await setRedemptionRules(db, fundId, { minRedemptionUsd: 0n, dailyLiquidityUsd: limit, payoutAccount: 'operating' });
          const funded = 100_000_000n;
          await recordCashMovement(db, { fundId, account: 'operating', direction: 'deposit', amount: funded, reference: 'seed', by: 'test' });
          for (let day = 1; day <= amounts.length; day++) await settleRedemptions(db, { fundId, now: new Date(Date.UTC(2026, 2, day, 12)) });
          const payouts = await db.select().from(schema.redemptionPayouts).where(eq(schema.redemptionPayouts.fundId, fundId));
          // Everything settles within as many days as there are redemptions, in queue order.
          expect(payouts).toHaveLength(amounts.length);
          const order = [...payouts]
            .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.redemptionId < b.redemptionId ? -1 : 1))
            .map((p) => p.redemptionId);
          expect(order).toEqual(ids);
          const perDay = new Map<string, bigint[]>();
          for (const p of payouts) perDay.set(p.day, [...(perDay.get(p.day) ?? []), p.amount]);
          for (const paid of perDay.values()) {
            const total = paid.reduce((a, b) => a + b, 0n);
            // Within the limit, or one oversized redemption alone.
            expect(total <= limit || paid.length === 1).toBe(true);
          }
          const owed = amounts.reduce((a, b) => a + b, 0n);
          expect(payouts.reduce((a, p) => a + p.amount, 0n)).toBe(owed);
          expect(await accountBalance(db, { fundId, code: 'cash:operating', commodity: 'usd' })).toBe(funded - owed);
          expect(await accountBalance(db, { fundId, code: investorAccount(investorId), commodity: 'usd' })).toBe(0n);
        },
      ),
      { numRuns: 5 },
    );
  });
});

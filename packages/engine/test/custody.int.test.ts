import { expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { balances, schema, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { TBILL_INCOME, cashBalances, custodyHoldings, matureLot, purchaseLot, recordCashMovement, rollLot } from '../src/index.ts';
import { seedFund } from '../src/testing/index.ts';

/** Σ usd postings of every entry of the fund: the journal balances as a whole. */
async function usdImbalance(db: Db, fundId: string): Promise<bigint> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${schema.postings.amount}), 0)::text` })
    .from(schema.postings)
    .innerJoin(schema.journalEntries, eq(schema.journalEntries.id, schema.postings.entryId))
    .where(sql`${schema.journalEntries.fundId} = ${fundId} and ${schema.postings.commodity} = 'usd'`);
  return BigInt(row!.total);
}

const usd = async (db: Db, fundId: string) => Object.fromEntries(await balances(db, { fundId, commodity: 'usd' }));

describeEachBackend('custody ledger: T-bill lots and cash', (backend) => {
  const fresh = useFreshDatabase(backend);

  it('purchase → maturity → roll posts at cost, earns the discount as income, and the journal balances', async () => {
    const db = fresh.current.db;
    const { fundId } = await seedFund(db, { chain: 'memory:custody' });
    const by = 'treasurer';
    const wire = { fundId, account: 'operating', direction: 'deposit' as const, amount: 2_000_000_000_000n, reference: 'FED-001', by };
    expect((await recordCashMovement(db, wire)).replayed).toBe(false);
    // The bank feed sends the same line again: recorded once.
    expect((await recordCashMovement(db, wire)).replayed).toBe(true);
    await expect(recordCashMovement(db, { ...wire, amount: 1n })).rejects.toMatchObject({ code: 'CONFLICT' });

    // $1,000,000 face bought for $987,654.321 (a 13-week bill at a discount).
    const lot = await purchaseLot(db, {
      fundId,
      by,
      lot: {
        cusip: '037833100',
        custodian: 'bny',
        faceValue: 1_000_000_000_000n,
        purchasePrice: 987_654_321_000n,
        settlementDate: '2026-01-02',
        maturityDate: '2026-04-02',
        cashAccount: 'operating',
      },
    });
    expect(await usd(db, fundId)).toEqual({ 'cash:operating': 1_012_345_679_000n, 'custody:bny': 987_654_321_000n, 'external:bank': -2_000_000_000_000n });
    const held = await custodyHoldings(db, fundId);
    expect([held.heldAtCost, held.heldAtFace]).toEqual([987_654_321_000n, 1_000_000_000_000n]);

    await expect(matureLot(db, { fundId, lotId: lot.id, asOf: '2026-04-01', by })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Roll on the maturity date into a new $1,000,000 bill costing $988,000: net cash $12,000 in.
    const rolled = await rollLot(db, {
      fundId,
      lotId: lot.id,
      asOf: '2026-04-02',
      by,
      next: {
        cusip: '594918104',
        custodian: 'bny',
        faceValue: 1_000_000_000_000n,
        purchasePrice: 988_000_000_000n,
        settlementDate: '2026-04-02',
        maturityDate: '2026-07-02',
        cashAccount: 'operating',
      },
    });
    expect(rolled.matured).toMatchObject({ status: 'matured', rolledInto: rolled.lot.id });
    expect(rolled.lot).toMatchObject({ status: 'held', rolledFrom: lot.id });
    // The roll is ONE journal entry.
    expect(rolled.matured.maturityEntryId).toBe(rolled.lot.purchaseEntryId);
    expect(await usd(db, fundId)).toEqual({
      'cash:operating': 1_012_345_679_000n + 12_000_000_000n,
      'custody:bny': 988_000_000_000n,
      'external:bank': -2_000_000_000_000n,
      [TBILL_INCOME]: -12_345_679_000n,
    });
    await expect(matureLot(db, { fundId, lotId: lot.id, asOf: '2026-04-02', by })).rejects.toMatchObject({ code: 'CONFLICT' });

    const matured = await matureLot(db, { fundId, lotId: rolled.lot.id, asOf: '2026-07-02', by });
    expect(matured.status).toBe('matured');
    const after = await usd(db, fundId);
    expect(after['custody:bny']).toBe(0n);
    // All the income is the two discounts; cash = deposit + income.
    expect(after[TBILL_INCOME]).toBe(-(12_345_679_000n + 12_000_000_000n));
    expect(after['cash:operating']).toBe(2_000_000_000_000n + 24_345_679_000n);
    expect(await usdImbalance(db, fundId)).toBe(0n);
    expect((await custodyHoldings(db, fundId)).heldAtCost).toBe(0n);
    expect(Object.fromEntries(await cashBalances(db, fundId))).toEqual({ 'cash:operating': 2_024_345_679_000n });
  });

  it('refuses a bad CUSIP, dates out of order, an overdrawn purchase and an overdrawn withdrawal', async () => {
    const db = fresh.current.db;
    const { fundId } = await seedFund(db, { chain: 'memory:custody' });
    const lot = {
      cusip: '037833100',
      custodian: 'bny',
      faceValue: 100n,
      purchasePrice: 99n,
      settlementDate: '2026-01-02',
      maturityDate: '2026-04-02',
      cashAccount: 'operating',
    };
    await expect(purchaseLot(db, { fundId, by: 't', lot: { ...lot, cusip: '037833101' } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      meta: { field: 'cusip', expectedCheckDigit: 0 },
    });
    await expect(purchaseLot(db, { fundId, by: 't', lot: { ...lot, maturityDate: '2026-01-01' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(purchaseLot(db, { fundId, by: 't', lot })).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    await expect(recordCashMovement(db, { fundId, account: 'operating', direction: 'withdrawal', amount: 1n, reference: 'w', by: 't' })).rejects.toMatchObject({
      code: 'INSUFFICIENT_BALANCE',
    });
    expect(await db.select().from(schema.custodyLots).where(eq(schema.custodyLots.fundId, fundId))).toHaveLength(0);
    expect(await usdImbalance(db, fundId)).toBe(0n);
  });
});

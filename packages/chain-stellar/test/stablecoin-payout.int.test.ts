import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { newId } from '@fiscus/core';
import { accountBalance, investorAccount, schema, stablecoinAccount, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { enableSettlementChain, enqueueCashRedemption, recordCashMovement, recordLiquidityMove, retryHeldPayout, settleRedemptions } from '@fiscus/engine';
import { deployedFund, deploymentOf, settle } from '@fiscus/engine/testing';
import type { Worker } from '@fiscus/engine';
import { startUsdcHarness, type UsdcHarness } from './support/usdc-harness.ts';

describeEachBackend('stablecoin payouts on Stellar (local USDC)', (backend) => {
  const fresh = useFreshDatabase(backend);
  let h: UsdcHarness;
  beforeAll(async () => {
    h = await startUsdcHarness();
  });
  afterAll(() => h.close());

  const runPayouts = async (db: Db, worker: Worker, fundId: string) => {
    const ops = await db
      .select({ id: schema.operations.id })
      .from(schema.operations)
      .where(and(eq(schema.operations.fundId, fundId), eq(schema.operations.kind, 'payout')));
    await settle(
      worker,
      db,
      ops.map((o) => o.id),
    );
  };

  it('a payout to an account without a USDC trustline is held (NO_TRUSTLINE), then redirected to another wallet of the investor', async () => {
    const db = fresh.current.db;
    const f = await deployedFund(fresh.current, h);
    const deployment = await deploymentOf(db, f.deploymentId);
    const treasury = h.driver.capabilities.settlement ? (h.driver as unknown as { treasuryAddress(d: unknown): string }).treasuryAddress(deployment) : '';
    await enableSettlementChain(db, { fundId: f.fundId, chain: h.chain, treasuryAddress: treasury, by: 'test' });
    await h.fundTreasury(deployment, 3_000_000n);
    await recordCashMovement(db, { fundId: f.fundId, account: 'operating', direction: 'deposit', amount: 3_000_000n, reference: 'w', by: 'test' });
    await recordLiquidityMove(db, { fundId: f.fundId, toChain: h.chain, from: { cash: 'operating' }, usd: 3_000_000n, reference: 'm', by: 'test' });

    // f.address trusts the fund asset only: no USDC line.
    const r = await db.transaction((tx) =>
      enqueueCashRedemption(tx, {
        fundId: f.fundId,
        chain: h.chain,
        investorId: f.investorId,
        walletId: f.walletId,
        units: 1n,
        usd: 1_234_567n,
        txHash: newId('req'),
        eventIndex: 0,
        fromAddress: f.address,
      }),
    );
    await settleRedemptions(db, { fundId: f.fundId });
    await runPayouts(db, f.worker, f.fundId);
    const [held] = await db.select().from(schema.redemptionPayouts).where(eq(schema.redemptionPayouts.redemptionId, r!.id));
    expect(held).toMatchObject({ status: 'held', heldReason: { code: 'NOT_AUTHORIZED_ON_CHAIN', reason: 'NO_TRUSTLINE' } });
    expect(await h.usdc.balance(treasury)).toBe(30_000_000n);

    const second = await h.investor();
    const walletId = newId('wal');
    await db.insert(schema.wallets).values({ id: walletId, investorId: f.investorId, chain: h.chain, address: second });
    await retryHeldPayout(db, { fundId: f.fundId, payoutId: held!.id, walletId, by: 'treasurer' });
    await runPayouts(db, f.worker, f.fundId);
    const [paid] = await db.select().from(schema.redemptionPayouts).where(eq(schema.redemptionPayouts.id, held!.id));
    expect(paid).toMatchObject({ status: 'paid', walletId, address: second });
    // 1.234567 USD = 12_345_670 stroops of USDC, exactly (7 ≥ 6 decimals).
    expect(await h.usdc.balance(second)).toBe(12_345_670n);
    expect(await h.usdc.balance(treasury)).toBe(30_000_000n - 12_345_670n);
    expect(await accountBalance(db, { fundId: f.fundId, code: stablecoinAccount(h.chain), commodity: 'usd' })).toBe(3_000_000n - 1_234_567n);
    expect(await accountBalance(db, { fundId: f.fundId, code: investorAccount(f.investorId), commodity: 'usd' })).toBe(0n);
  });
});

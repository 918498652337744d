import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DriverRegistry, newId, stablecoinSettlementOf, type ChainId } from '@fiscus/core';
import { accountBalance, investorAccount, schema, stablecoinAccount, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import {
  chainLiquidity,
  enableSettlementChain,
  enqueueCashRedemption,
  getSettlementChain,
  reconcileStablecoin,
  reserveFacts,
  runReconciliation,
  recordLiquidityMove,
  recordCashMovement,
  retryHeldPayout,
  settleRedemptions,
  setRedemptionRules,
  type Worker,
} from '../src/index.ts';
import { deployedFund, deploymentOf, settle, type EngineChainHarness } from '../src/testing/index.ts';
import { startMemchainHarness, type MemchainHarness } from './support/memchain.ts';

/** A deployed memchain fund settling in memchain's USDC, with `usd` in the treasury (chain and books alike). */
async function stablecoinFund(db: Db, h: MemchainHarness, usd: bigint) {
  const f = await deployedFund({ db } as Parameters<typeof deployedFund>[0], h as EngineChainHarness);
  const treasury = stablecoinSettlementOf(h.driver)!.treasuryAddress(await deploymentOf(db, f.deploymentId));
  await enableSettlementChain(db, { fundId: f.fundId, chain: h.chain, treasuryAddress: treasury, by: 'test' });
  if (usd > 0n) await fund(db, h, f.fundId, treasury, usd);
  return { ...f, treasury };
}

async function fund(db: Db, h: MemchainHarness, fundId: string, treasury: string, usd: bigint) {
  h.server.usdc.mint(treasury, usd);
  await recordCashMovement(db, { fundId, account: 'operating', direction: 'deposit', amount: usd, reference: newId('wire'), by: 'test' });
  await recordLiquidityMove(db, { fundId, toChain: h.chain, from: { cash: 'operating' }, usd, reference: newId('mv'), by: 'test' });
}

let seq = 0;
async function queue(db: Db, p: { fundId: string; chain: ChainId; investorId: string; walletId: string; address: string; usd: bigint }) {
  const row = await db.transaction((tx) =>
    enqueueCashRedemption(tx, {
      ...p,
      units: p.usd,
      txHash: `0xrequest${++seq}`,
      eventIndex: 0,
      fromAddress: p.address,
      nav: undefined,
    }),
  );
  return row!;
}

const payoutOf = async (db: Db, redemptionId: string) =>
  (await db.select().from(schema.redemptionPayouts).where(eq(schema.redemptionPayouts.redemptionId, redemptionId)))[0]!;

describeEachBackend('stablecoin payouts on memchain', (backend) => {
  const fresh = useFreshDatabase(backend);
  let h: MemchainHarness;
  beforeAll(async () => {
    h = await startMemchainHarness();
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

  it('pays a queued redemption in USDC on its own chain: one payment on chain, one posting, payable cleared', async () => {
    const db = fresh.current.db;
    const f = await stablecoinFund(db, h, 10_000_000n);
    const r = await queue(db, { fundId: f.fundId, chain: h.chain, investorId: f.investorId, walletId: f.walletId, address: f.address, usd: 2_500_000n });
    expect(r).toMatchObject({ state: 'pending', payoutChain: h.chain, payoutWalletId: f.walletId });
    // The same on-chain request read twice is one redemption.
    expect(
      await db.transaction((tx) =>
        enqueueCashRedemption(tx, {
          ...r,
          units: r.units,
          investorId: f.investorId,
          walletId: f.walletId,
          chain: h.chain,
          txHash: r.txHash!,
          eventIndex: 0,
          fromAddress: f.address,
          usd: 2_500_000n,
        }),
      ),
    ).toBeUndefined();

    expect(await settleRedemptions(db, { fundId: f.fundId })).toEqual({ settled: 1, waiting: 0 });
    expect(await payoutOf(db, r.id)).toMatchObject({ status: 'sending', chain: h.chain });
    expect((await chainLiquidity(db, f.fundId, h.chain)).available).toBe(7_500_000n);
    await runPayouts(db, f.worker, f.fundId);

    const payout = await payoutOf(db, r.id);
    expect(payout.status).toBe('paid');
    expect(h.server.usdc.balanceOf(f.address)).toBe(2_500_000n);
    expect(h.server.usdc.balanceOf(f.treasury)).toBe(7_500_000n);
    expect(await accountBalance(db, { fundId: f.fundId, code: stablecoinAccount(h.chain), commodity: 'usd' })).toBe(7_500_000n);
    expect(await accountBalance(db, { fundId: f.fundId, code: investorAccount(f.investorId), commodity: 'usd' })).toBe(0n);
    // Proof of reserves counts the stablecoin held on the chain.
    expect((await reserveFacts(db, f.fundId)).reserveAccounts[stablecoinAccount(h.chain)]).toBe(7_500_000n);
    const entries = await db.select().from(schema.journalEntries).where(eq(schema.journalEntries.operationId, payout.operationId!));
    expect(entries).toHaveLength(1);
    const [red] = await db.select().from(schema.redemptions).where(eq(schema.redemptions.id, r.id));
    expect(red).toMatchObject({ state: 'settled', status: 'paid' });
  });

  it('a supply reconciliation while a payout is in flight counts no units for it (it threw in singleOperations before)', async () => {
    const db = fresh.current.db;
    const f = await stablecoinFund(db, h, 4_000_000n);
    const r = await queue(db, { fundId: f.fundId, chain: h.chain, investorId: f.investorId, walletId: f.walletId, address: f.address, usd: 1_000_000n });
    await settleRedemptions(db, { fundId: f.fundId });
    const payout = await payoutOf(db, r.id);
    // As a worker leaves it between signing and sending: the states whose units count as in flight.
    await db.update(schema.operations).set({ state: 'prepared' }).where(eq(schema.operations.id, payout.operationId!));
    const [row] = await runReconciliation(db, new DriverRegistry().register(h.driver), { fundId: f.fundId, chain: h.chain });
    expect(row).toMatchObject({ chain: h.chain, status: 'clean' });
  });

  it('a payout to a blacklisted address is held with its reason, then redirected to another wallet of the same investor', async () => {
    const db = fresh.current.db;
    const f = await stablecoinFund(db, h, 5_000_000n);
    h.server.usdc.setBlacklisted(f.address, true);
    const r = await queue(db, { fundId: f.fundId, chain: h.chain, investorId: f.investorId, walletId: f.walletId, address: f.address, usd: 1_000_000n });
    await settleRedemptions(db, { fundId: f.fundId });
    await runPayouts(db, f.worker, f.fundId);
    const held = await payoutOf(db, r.id);
    expect(held.status).toBe('held');
    expect(held.heldReason).toMatchObject({ code: 'FROZEN', reason: 'BLACKLISTED' });
    // Nothing left the books; the amount stays reserved for this investor.
    expect(await accountBalance(db, { fundId: f.fundId, code: stablecoinAccount(h.chain), commodity: 'usd' })).toBe(5_000_000n);
    expect(await accountBalance(db, { fundId: f.fundId, code: investorAccount(f.investorId), commodity: 'usd' })).toBe(-1_000_000n);
    expect((await chainLiquidity(db, f.fundId, h.chain)).available).toBe(4_000_000n);

    // Redirect to a wallet of another investor: refused. To its own second wallet: paid there.
    const strangerWallet = newId('wal');
    const strangerInvestor = newId('inv');
    await db
      .insert(schema.investors)
      .values({ id: strangerInvestor, legalName: 'S', jurisdiction: 'US', jurisdictionNumeric: 840, investorType: 'institutional', kycStatus: 'verified' });
    await db.insert(schema.wallets).values({ id: strangerWallet, investorId: strangerInvestor, chain: h.chain, address: h.newAddress() });
    await expect(retryHeldPayout(db, { fundId: f.fundId, payoutId: held.id, walletId: strangerWallet, by: 'treasurer' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const second = { id: newId('wal'), address: h.newAddress() };
    await db.insert(schema.wallets).values({ id: second.id, investorId: f.investorId, chain: h.chain, address: second.address });
    const { payout } = await retryHeldPayout(db, { fundId: f.fundId, payoutId: held.id, walletId: second.id, by: 'treasurer' });
    expect(payout).toMatchObject({ status: 'sending', walletId: second.id });
    await expect(retryHeldPayout(db, { fundId: f.fundId, payoutId: held.id, by: 'treasurer' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await runPayouts(db, f.worker, f.fundId);
    expect(await payoutOf(db, r.id)).toMatchObject({ status: 'paid', walletId: second.id });
    expect(h.server.usdc.balanceOf(second.address)).toBe(1_000_000n);
    expect(h.server.usdc.balanceOf(f.address)).toBe(0n);
    expect(await accountBalance(db, { fundId: f.fundId, code: stablecoinAccount(h.chain), commodity: 'usd' })).toBe(4_000_000n);
    expect(await accountBalance(db, { fundId: f.fundId, code: investorAccount(f.investorId), commodity: 'usd' })).toBe(0n);
  });

  it('beyond the daily limit or the chain’s liquidity the queue waits and is paid FIFO the next day', async () => {
    const db = fresh.current.db;
    const f = await stablecoinFund(db, h, 3_000_000n);
    await setRedemptionRules(db, f.fundId, { minRedemptionUsd: 0n, dailyLiquidityUsd: 4_000_000n, payoutAccount: 'operating' });
    const a = await queue(db, { fundId: f.fundId, chain: h.chain, investorId: f.investorId, walletId: f.walletId, address: f.address, usd: 2_000_000n });
    const b = await queue(db, { fundId: f.fundId, chain: h.chain, investorId: f.investorId, walletId: f.walletId, address: f.address, usd: 1_500_000n });
    const c = await queue(db, { fundId: f.fundId, chain: h.chain, investorId: f.investorId, walletId: f.walletId, address: f.address, usd: 1_000_000n });
    const day1 = new Date(Date.UTC(2026, 5, 1, 10));
    // Day 1: a fits; b exceeds the chain's 3.00 liquidity left after a (1.00) → the lane waits, c behind it too.
    expect(await settleRedemptions(db, { fundId: f.fundId, now: day1 })).toEqual({ settled: 1, waiting: 2 });
    expect((await chainLiquidity(db, f.fundId, h.chain)).queued).toBe(2_500_000n);
    await fund(db, h, f.fundId, f.treasury, 10_000_000n);
    // Liquidity arrived, but b would take the day to 3.50 and c to 4.50 > 4.00: b only.
    expect(await settleRedemptions(db, { fundId: f.fundId, now: day1 })).toEqual({ settled: 1, waiting: 1 });
    expect(await settleRedemptions(db, { fundId: f.fundId, now: new Date(Date.UTC(2026, 5, 1, 23, 59)) })).toEqual({ settled: 0, waiting: 1 });
    expect(await settleRedemptions(db, { fundId: f.fundId, now: new Date(Date.UTC(2026, 5, 2, 0, 1)) })).toEqual({ settled: 1, waiting: 0 });
    await runPayouts(db, f.worker, f.fundId);
    const days = await Promise.all([a, b, c].map(async (r) => [(await payoutOf(db, r.id)).day, (await payoutOf(db, r.id)).status]));
    expect(days).toEqual([
      ['2026-06-01', 'paid'],
      ['2026-06-01', 'paid'],
      ['2026-06-02', 'paid'],
    ]);
    expect(h.server.usdc.balanceOf(f.address)).toBe(4_500_000n);
    expect(await accountBalance(db, { fundId: f.fundId, code: stablecoinAccount(h.chain), commodity: 'usd' })).toBe(13_000_000n - 4_500_000n);
  });

  it('stablecoin reconciliation: clean when chain and books agree; a drift blocks payouts on that chain until a clean run', async () => {
    const db = fresh.current.db;
    const f = await stablecoinFund(db, h, 2_000_000n);
    const drivers = new DriverRegistry().register(h.driver);
    expect(await reconcileStablecoin(db, drivers, { fundId: f.fundId, chain: h.chain })).toMatchObject({
      result: 'clean',
      onChainUsd: 2_000_000n,
      ledgerUsd: 2_000_000n,
    });

    // USDC reaches the treasury that the books do not explain.
    h.server.usdc.mint(f.treasury, 1n);
    expect(await reconcileStablecoin(db, drivers, { fundId: f.fundId, chain: h.chain })).toMatchObject({ result: 'drift', onChainUsd: 2_000_001n });
    expect(await getSettlementChain(db, f.fundId, h.chain)).toMatchObject({ payoutsBlocked: true });
    const r = await queue(db, { fundId: f.fundId, chain: h.chain, investorId: f.investorId, walletId: f.walletId, address: f.address, usd: 500_000n });
    expect(await settleRedemptions(db, { fundId: f.fundId })).toEqual({ settled: 0, waiting: 1 });

    // Booked (e.g. an investor's payment ingested late): clean again, the block lifts, the queue moves.
    await recordCashMovement(db, { fundId: f.fundId, account: 'operating', direction: 'deposit', amount: 1n, reference: 'late', by: 'test' });
    await recordLiquidityMove(db, { fundId: f.fundId, toChain: h.chain, from: { cash: 'operating' }, usd: 1n, reference: 'late', by: 'test' });
    expect(await reconcileStablecoin(db, drivers, { fundId: f.fundId, chain: h.chain })).toMatchObject({ result: 'clean' });
    expect(await getSettlementChain(db, f.fundId, h.chain)).toMatchObject({ payoutsBlocked: false });
    expect(await settleRedemptions(db, { fundId: f.fundId })).toEqual({ settled: 1, waiting: 0 });
    // A payout signed and not yet posted explains a chain below the books: in flight, not drift.
    const [payout] = await db.select().from(schema.redemptionPayouts).where(eq(schema.redemptionPayouts.redemptionId, r.id));
    await db.update(schema.operations).set({ state: 'submitted' }).where(eq(schema.operations.id, payout!.operationId!));
    // The payment landed on chain; the engine has not seen it yet.
    h.server.state.usdc.balances.set(f.treasury, 2_000_001n - 500_000n);
    expect(await reconcileStablecoin(db, drivers, { fundId: f.fundId, chain: h.chain })).toMatchObject({ result: 'in_flight', inFlightUsd: 500_000n });
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DriverRegistry, type ChainDriver, type ChainEvent } from '@fiscus/core';
import { canonicalMemAddress } from '@fiscus/devnet';
import { accountBalance, checkSupplyInvariant, investorAccount, schema, supplyAccount, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { startMemchainHarness, type MemchainHarness } from './support/memchain.ts';
import { addRedemptionAddress, publishNav } from './support/dealing.ts';
import { deployedFund, deploymentOf, getOperation, requestMint, settle, testWorker, until } from '../src/testing/index.ts';
import { applyRedemptionBurned } from '../src/redemptions/burned.ts';
import {
  FUND_CAPITAL,
  acceptRedemption,
  confirmPayout,
  ingestEvents,
  ingestTask,
  recordCashMovement,
  redemptionTask,
  settleRedemptions,
  setRedemptionRules,
  unmatchedSinceLastClean,
} from '../src/index.ts';

const NAV = { value: 1_00500000n, scale: 8 }; // $1.005 per unit

const position = async (db: Db, fundId: string, walletId: string) => {
  const [row] = await db
    .select({ units: schema.fundWallets.units })
    .from(schema.fundWallets)
    .where(and(eq(schema.fundWallets.fundId, fundId), eq(schema.fundWallets.walletId, walletId)));
  return row?.units;
};
/** The harness driver with events() serving a fixed list (one page). */
function withEvents(base: ChainDriver, events: ChainEvent[]): ChainDriver {
  const fake = async (_d: unknown, cursor?: string) => (cursor === undefined ? { items: events, next: 'end' } : { items: [] });
  return new Proxy(base, {
    get(t, k) {
      if (k === 'events') return fake;
      const v = Reflect.get(t, k, t) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

const usd = (db: Db, fundId: string, code: string) => accountBalance(db, { fundId, code, commodity: 'usd' });

describeEachBackend('on-chain redemption: transfer to the redemption address', (backend) => {
  let harness: MemchainHarness;
  const fresh = useFreshDatabase(backend);

  beforeAll(async () => {
    // PGlite runs in this process: under CPU contention it can hold the event loop past memchain's default 1 s deadline.
    harness = await startMemchainHarness({ timeoutMs: 10_000 });
  });
  afterAll(() => harness.close());

  /** A fund with NAV $1.005, one holder of 10 whole units (decimals 6), and a redemption address. */
  async function holderWithRedemptionAddress() {
    const db = fresh.current.db;
    const f = await deployedFund(fresh.current, harness);
    await publishNav(db, f.fundId, NAV);
    const mint = await requestMint(db, { ...f, chain: harness.chain, to: f.address, units: 10_000_000n });
    await settle(f.worker, db, [mint.id]);
    const redemptionAddress = await addRedemptionAddress(db, harness, f.worker, f);
    const deployment = await deploymentOf(db, f.deploymentId);
    const send = (units: bigint) =>
      harness.server.holderTransfer(canonicalMemAddress(f.address), canonicalMemAddress(redemptionAddress), units, deployment.details.token!);
    /** Several transfers to the redemption address in ONE transaction (T-REX batchTransfer). */
    const sendBatch = (units: bigint[]) =>
      harness.server.holderBatchTransfer(
        canonicalMemAddress(f.address),
        units.map((u) => ({ to: canonicalMemAddress(redemptionAddress), units: u })),
        deployment.details.token!,
      );
    return { f, redemptionAddress, deployment, send, sendBatch };
  }

  const redemptionsOf = (db: Db, fundId: string) => db.select().from(schema.redemptions).where(eq(schema.redemptions.fundId, fundId));
  const burnsOf = (db: Db, fundId: string) =>
    db
      .select()
      .from(schema.operations)
      .where(and(eq(schema.operations.fundId, fundId), eq(schema.operations.kind, 'burn')));

  it('opens one redemption, burns from the redemption address once, books USD at NAV and pays it out', async () => {
    const db = fresh.current.db;
    const { f, redemptionAddress, deployment, send } = await holderWithRedemptionAddress();
    const txHash = await send(3_333_333n);
    const drivers = new DriverRegistry().register(harness.driver);

    // Two ingesters race, then a crash before the cursor moved re-reads everything: still once.
    await Promise.all([1, 2].map(() => ingestEvents(db, drivers, { deploymentId: f.deploymentId })));
    await db.update(schema.chainCursors).set({ cursor: null }).where(eq(schema.chainCursors.deploymentId, f.deploymentId));
    await ingestEvents(db, drivers, { deploymentId: f.deploymentId });

    const [red, ...more] = await redemptionsOf(db, f.fundId);
    expect(more).toHaveLength(0);
    // 3.333333 units × $1.005 = $3.349999665 → REDEMPTION_USD_ROUND_DOWN → 3.349999
    expect(red).toMatchObject({
      source: 'onchain_transfer',
      state: 'requested',
      txHash,
      units: 3_333_333n,
      usd: 3_349_999n,
      navValue: NAV.value,
      navScale: 8,
      investorId: f.investorId,
    });
    expect(await position(db, f.fundId, f.walletId)).toBe(6_666_667n);
    const burns = await burnsOf(db, f.fundId);
    expect(burns).toHaveLength(1);
    expect(burns[0]!.body).toMatchObject({ kind: 'burn', from: redemptionAddress, units: '3333333' });
    expect(burns[0]!.context).toEqual({ redemptionId: red!.id });
    expect(red!.burnOperationId).toBe(burns[0]!.id);

    await settle(f.worker, db, [burns[0]!.id]);
    // The burn is our own transaction: a later ingest passes over it.
    expect(await ingestEvents(db, drivers, { deploymentId: f.deploymentId })).toMatchObject({ redemptions: 0 });
    expect(await harness.driver.totalSupply(deployment)).toBe(6_666_667n);
    expect(await accountBalance(db, { fundId: f.fundId, code: supplyAccount(harness.chain), commodity: 'units' })).toBe(6_666_667n);
    expect((await checkSupplyInvariant(db, f.fundId)).ok).toBe(true);
    // The burn posted no position change (the transfer already moved it).
    expect(await position(db, f.fundId, f.walletId)).toBe(6_666_667n);
    const [pending] = await redemptionsOf(db, f.fundId);
    expect(pending).toMatchObject({ state: 'pending' });
    expect(await usd(db, f.fundId, investorAccount(f.investorId))).toBe(-3_349_999n);
    expect(await usd(db, f.fundId, FUND_CAPITAL)).toBe(3_349_999n);

    // No cash yet: the queue waits. Cash arrives (bank feed), then it settles once.
    expect(await settleRedemptions(db)).toEqual({ settled: 0, waiting: 1 });
    await recordCashMovement(db, { fundId: f.fundId, account: 'subscriptions', direction: 'deposit', amount: 5_000_000n, reference: 'wire-1', by: 'test' });
    expect(await settleRedemptions(db)).toEqual({ settled: 1, waiting: 0 });
    expect(await settleRedemptions(db)).toEqual({ settled: 0, waiting: 0 });
    const [payout] = await db.select().from(schema.redemptionPayouts).where(eq(schema.redemptionPayouts.redemptionId, red!.id));
    expect(payout).toMatchObject({ amount: 3_349_999n, status: 'instructed', cashAccount: 'subscriptions' });
    expect(await usd(db, f.fundId, 'cash:subscriptions')).toBe(5_000_000n - 3_349_999n);
    expect(await usd(db, f.fundId, investorAccount(f.investorId))).toBe(0n);

    const confirmed = await confirmPayout(db, { fundId: f.fundId, redemptionId: red!.id, payoutId: payout!.id, reference: 'FED-123', by: 'test' });
    expect(confirmed.status).toBe('confirmed');
    const [paid] = await redemptionsOf(db, f.fundId);
    expect(paid).toMatchObject({ state: 'settled', status: 'paid' });
  });

  it('two transfers to the redemption address in ONE transaction open two redemptions; the cap table equals the chain', async () => {
    const db = fresh.current.db;
    const { f, deployment, sendBatch } = await holderWithRedemptionAddress();
    const txHash = await sendBatch([1_000_000n, 2_000_000n]);
    const drivers = new DriverRegistry().register(harness.driver);
    await ingestEvents(db, drivers, { deploymentId: f.deploymentId });
    // A crash before the cursor moved re-reads the transaction: still two, not four.
    await db.update(schema.chainCursors).set({ cursor: null }).where(eq(schema.chainCursors.deploymentId, f.deploymentId));
    await ingestEvents(db, drivers, { deploymentId: f.deploymentId });

    const reds = await redemptionsOf(db, f.fundId);
    expect(reds.map((r) => r.txHash)).toEqual([txHash, txHash]);
    expect(reds.map((r) => r.units).sort()).toEqual([1_000_000n, 2_000_000n]);
    expect(new Set(reds.map((r) => r.eventIndex)).size).toBe(2);
    expect(await position(db, f.fundId, f.walletId)).toBe(7_000_000n);
    const burns = await burnsOf(db, f.fundId);
    expect(burns).toHaveLength(2);
    await settle(
      f.worker,
      db,
      burns.map((b) => b.id),
    );
    // The chain and the cap table agree: 7 units held, 7 on chain, nothing left at the redemption address.
    expect(await harness.driver.totalSupply(deployment)).toBe(7_000_000n);
    expect(await harness.driver.balanceOf(deployment, deployment.details.redemptionAddress!)).toBe(0n);
    expect(await harness.driver.balanceOf(deployment, f.address)).toBe(await position(db, f.fundId, f.walletId));
    expect(await accountBalance(db, { fundId: f.fundId, code: supplyAccount(harness.chain), commodity: 'units' })).toBe(7_000_000n);
    expect((await checkSupplyInvariant(db, f.fundId)).ok).toBe(true);
  });

  it('two holder burns in ONE transaction are two redemptions', async () => {
    const db = fresh.current.db;
    const { f, deployment } = await holderWithRedemptionAddress();
    const burn = (units: bigint, index: number): ChainEvent => ({
      kind: 'transfer',
      from: f.address,
      to: null,
      units,
      txHash: 'bb'.repeat(32),
      block: 7n,
      index,
    });
    const drivers = new DriverRegistry().register(withEvents(harness.driver, [burn(1_000_000n, 3), burn(2_000_000n, 4)]));
    expect(await ingestEvents(db, drivers, { deploymentId: f.deploymentId })).toMatchObject({ redemptions: 2 });
    await db.update(schema.chainCursors).set({ cursor: null }).where(eq(schema.chainCursors.deploymentId, f.deploymentId));
    expect(await ingestEvents(db, drivers, { deploymentId: f.deploymentId })).toMatchObject({ redemptions: 0 });
    const reds = await redemptionsOf(db, f.fundId);
    expect(reds.map((r) => [r.units, r.eventIndex]).sort()).toEqual([
      [1_000_000n, 3],
      [2_000_000n, 4],
    ]);
    expect(await position(db, f.fundId, f.walletId)).toBe(7_000_000n);
    expect(await accountBalance(db, { fundId: f.fundId, code: supplyAccount(deployment.chain), commodity: 'units' })).toBe(7_000_000n);
  });

  it('what ingest cannot book is recorded unmatched: units from an unknown sender at the redemption address, a movement the driver could not express', async () => {
    const db = fresh.current.db;
    const { f, redemptionAddress } = await holderWithRedemptionAddress();
    const stranger = harness.newAddress();
    const at = { txHash: 'cc'.repeat(32), block: 9n };
    const drivers = new DriverRegistry().register(
      withEvents(harness.driver, [
        { kind: 'transfer', from: stranger, to: redemptionAddress, units: 4n, ...at, index: 0 },
        { kind: 'unmatched', reason: 'sold through the order book', from: f.address, to: null, units: 5n, ...at, index: 1 },
      ]),
    );
    expect(await ingestEvents(db, drivers, { deploymentId: f.deploymentId })).toMatchObject({ redemptions: 0, ignored: 2 });
    expect(await redemptionsOf(db, f.fundId)).toHaveLength(0);
    const unmatched = await unmatchedSinceLastClean(db, { fundId: f.fundId, chain: harness.chain });
    expect(unmatched.map((u) => [u.kind, u.index, u.units, u.reason])).toEqual([
      ['unknown_transfer', 0, '4', undefined],
      ['unbookable', 1, '5', 'sold through the order book'],
    ]);
  });

  it('below the minimum: recorded rejected_min_size, nothing burned until an operator accepts it', async () => {
    const db = fresh.current.db;
    const { f, send } = await holderWithRedemptionAddress();
    await setRedemptionRules(db, f.fundId, { minRedemptionUsd: 1_000_000n, dailyLiquidityUsd: null, payoutAccount: 'subscriptions' });
    await send(900_000n); // $0.9045 < $1
    await ingestEvents(db, new DriverRegistry().register(harness.driver), { deploymentId: f.deploymentId });
    const [red] = await redemptionsOf(db, f.fundId);
    expect(red).toMatchObject({ state: 'rejected_min_size', usd: 904_500n, burnOperationId: null });
    expect(await burnsOf(db, f.fundId)).toHaveLength(0);
    const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.subject, red!.id));
    expect(audit.map((a) => a.action)).toContain('redemption.rejected_min_size');

    // An operator accepts it anyway: the burn from the redemption address is requested once.
    const accepted = await acceptRedemption(db, { fundId: f.fundId, redemptionId: red!.id, by: 'operator' });
    expect(accepted.state).toBe('requested');
    await expect(acceptRedemption(db, { fundId: f.fundId, redemptionId: red!.id, by: 'operator' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const burns = await burnsOf(db, f.fundId);
    expect(burns).toHaveLength(1);
    await settle(f.worker, db, [burns[0]!.id]);
    const [burned] = await redemptionsOf(db, f.fundId);
    expect(burned).toMatchObject({ state: 'pending', usd: 904_500n });
    expect(await usd(db, f.fundId, investorAccount(f.investorId))).toBe(-904_500n);
  });

  it('two workers running ingest and settlement together redeem exactly once', async () => {
    const db = fresh.current.db;
    const { f, deployment, send } = await holderWithRedemptionAddress();
    await recordCashMovement(db, { fundId: f.fundId, account: 'subscriptions', direction: 'deposit', amount: 100_000_000n, reference: 'seed', by: 'test' });
    await send(1_000_000n);
    await send(2_000_000n);
    const workers = ['a', 'b'].map((id) => testWorker(db, harness.driver, { id: `w-${id}`, tasks: [ingestTask(15), redemptionTask(15)] }));
    workers.forEach((w) => w.start());
    try {
      await until(undefined, async () => (await redemptionsOf(db, f.fundId)).filter((r) => r.state === 'settled').length === 2, 90_000);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect(await redemptionsOf(db, f.fundId)).toHaveLength(2);
    expect(await burnsOf(db, f.fundId)).toHaveLength(2);
    expect(await db.select().from(schema.redemptionPayouts).where(eq(schema.redemptionPayouts.fundId, f.fundId))).toHaveLength(2);
    expect(await harness.driver.totalSupply(deployment)).toBe(7_000_000n);
    expect(await accountBalance(db, { fundId: f.fundId, code: supplyAccount(harness.chain), commodity: 'units' })).toBe(7_000_000n);
    // 1 unit → $1.005 and 2 units → $2.01, each paid once.
    expect(await usd(db, f.fundId, 'cash:subscriptions')).toBe(100_000_000n - 1_005_000n - 2_010_000n);
  });

  it('crash-safe: a page that dies half-way leaves nothing; the retry opens one redemption and requests one burn; a replayed post changes nothing', async () => {
    const db = fresh.current.db;
    const { f, redemptionAddress, send } = await holderWithRedemptionAddress();
    const txHash = await send(500_000n);
    const transfer: ChainEvent = { kind: 'transfer', from: f.address, to: redemptionAddress, units: 500_000n, txHash, block: 1n, index: 0 };
    // A later event in the same page cannot be stored (units beyond int8): the page's transaction rolls back.
    const poison: ChainEvent = { kind: 'transfer', from: f.address, to: null, units: 2n ** 63n, txHash: 'ee'.repeat(32), block: 1n, index: 1 };
    const crashing = new DriverRegistry().register(withEvents(harness.driver, [transfer, poison]));
    await expect(ingestEvents(db, crashing, { deploymentId: f.deploymentId })).rejects.toThrow();
    expect(await redemptionsOf(db, f.fundId)).toHaveLength(0);
    expect(await burnsOf(db, f.fundId)).toHaveLength(0);
    expect(await position(db, f.fundId, f.walletId)).toBe(10_000_000n);

    const healed = new DriverRegistry().register(withEvents(harness.driver, [transfer]));
    expect(await ingestEvents(db, healed, { deploymentId: f.deploymentId })).toMatchObject({ redemptions: 1 });
    await db.update(schema.chainCursors).set({ cursor: null }).where(eq(schema.chainCursors.deploymentId, f.deploymentId));
    expect(await ingestEvents(db, healed, { deploymentId: f.deploymentId })).toMatchObject({ redemptions: 0 });
    const burns = await burnsOf(db, f.fundId);
    expect(burns).toHaveLength(1);
    await settle(f.worker, db, [burns[0]!.id]);

    const entries = async () => (await db.select().from(schema.journalEntries).where(eq(schema.journalEntries.fundId, f.fundId))).length;
    const before = await entries();
    // The post step's effects run again (a replay after a crash between commit and ack): compare-and-set, no new entry.
    await applyRedemptionBurned(db, await getOperation(db, burns[0]!.id));
    expect(await entries()).toBe(before);
    const [red] = await redemptionsOf(db, f.fundId);
    expect(red).toMatchObject({ state: 'pending', usd: 502_500n });
    expect(await usd(db, f.fundId, investorAccount(f.investorId))).toBe(-502_500n);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { DriverRegistry, unitsForUsd, usdForUnits, type Nav } from '@fiscus/core';
import { accountBalance, schema, stablecoinAccount, supplyAccount, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { ingestEvents, requestOperation } from '@fiscus/engine';
import { deploymentOf, seedFund, seedWallet, settle, testWorker } from '@fiscus/engine/testing';
import { evmAbi, readContract, type EvmDriver } from '../src/index.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';
import { chainNow, investorWithUsdc, settlementDriver, type InvestorWallet } from './support/settlement.ts';

const USDC = 1_000_000n;
const NAV: Nav = { value: 1_050_000n, scale: 6 };

const entriesOf = async (db: Db, fundId: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(schema.journalEntries).where(eq(schema.journalEntries.fundId, fundId)))[0]!.n;

describeEachBackend('ingest books stablecoin subscriptions and redemptions of the settlement contracts exactly once (anvil)', (backend) => {
  const database = useFreshDatabase(backend);
  let devnet: EvmTestDevnet;
  let ctx: Awaited<ReturnType<typeof settlementDriver>>;
  let driver: EvmDriver;
  beforeAll(async () => {
    devnet = await startEvmTestDevnet();
    ctx = await settlementDriver(devnet, { dailyRedemptionLiquidityUsd: 40n });
    driver = ctx.driver;
  }, 60_000);
  afterAll(() => devnet?.close());

  it('subscription = cash + supply in one entry + position; instant and requested redemptions; re-ingest from an older cursor changes nothing', async () => {
    const db = database.current.db;
    const worker = testWorker(db, driver);
    const fund = await seedFund(db, { chain: driver.chain });
    await settle(worker, db, [fund.deploy.id]);
    const d = await deploymentOf(db, fund.deploymentId);
    const nav = await requestOperation(db, {
      fundId: fund.fundId,
      chain: driver.chain,
      body: { kind: 'publishNav', value: NAV.value, scale: NAV.scale, round: 1n, at: await chainNow(driver.provider) },
      context: {},
      requestedBy: 'test',
    });
    await settle(worker, db, [nav.id]);
    const alice: InvestorWallet = await investorWithUsdc(devnet, ctx, d, 500n * USDC);
    const w = await seedWallet(db, { fundId: fund.fundId, chain: driver.chain, address: alice.address });
    await settle(worker, db, [w.authorize.id]);
    const drivers = new DriverRegistry().register(driver);
    const ingest = () => ingestEvents(db, drivers, { deploymentId: fund.deploymentId });
    await ingest();
    const before = await entriesOf(db, fund.fundId);

    await alice.subscribeWithPermit(100n * USDC);
    const units = unitsForUsd(100_000_000n, NAV, 6).result;
    expect(await ingest()).toMatchObject({ cash: 1, redemptions: 0, ignored: 0 });
    const [entry] = await db
      .select()
      .from(schema.journalEntries)
      .where(and(eq(schema.journalEntries.fundId, fund.fundId), eq(schema.journalEntries.memo, 'subscription paid on chain in stablecoin')));
    const postings = await db
      .select({ account: schema.ledgerAccounts.code, commodity: schema.postings.commodity, amount: schema.postings.amount })
      .from(schema.postings)
      .innerJoin(schema.ledgerAccounts, eq(schema.ledgerAccounts.id, schema.postings.accountId))
      .where(eq(schema.postings.entryId, entry!.id));
    expect(postings.map((p) => [p.account, p.commodity, p.amount]).sort()).toEqual(
      [
        [stablecoinAccount(driver.chain), 'usd', 100_000_000n],
        ['capital', 'usd', -100_000_000n],
        [supplyAccount(driver.chain), 'units', units],
        ['issuance', 'units', -units],
      ].sort(),
    );
    const position = async () =>
      (
        await db
          .select()
          .from(schema.fundWallets)
          .where(and(eq(schema.fundWallets.fundId, fund.fundId), eq(schema.fundWallets.walletId, w.walletId)))
      )[0]!.units;
    expect(await position()).toBe(units);

    // Instant within the day's 40 dollars, then a request beyond it.
    await alice.redeem(20_000_000n);
    await expect(alice.redeem(20_000_000n)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await alice.requestRedeem(20_000_000n);
    expect(await ingest()).toMatchObject({ cash: 2, ignored: 0 });
    const paid = usdForUnits(20_000_000n, NAV, 6).result;
    const rows = await db.select().from(schema.redemptions).where(eq(schema.redemptions.fundId, fund.fundId));
    expect(rows.map((r) => [r.source, r.state, r.status, r.units, r.usd]).sort()).toEqual(
      [
        ['onchain_instant', 'settled', 'paid', 20_000_000n, paid],
        ['onchain_request', 'pending', 'pending_payout', 20_000_000n, paid],
      ].sort(),
    );
    const queued = rows.find((r) => r.source === 'onchain_request')!;
    expect(queued).toMatchObject({ payoutChain: driver.chain, payoutAddress: alice.address, payoutWalletId: w.walletId, investorId: w.investorId });
    expect(await position()).toBe(units - 40_000_000n);

    // The books match the chain: supply and the treasury's stablecoin.
    const stablecoin = await accountBalance(db, { fundId: fund.fundId, code: stablecoinAccount(driver.chain), commodity: 'usd' });
    const treasury = await readContract<bigint>(driver.provider, evmAbi.usdc, ctx.usdc.address, 'balanceOf', [driver.treasuryAddress(d)]);
    expect(stablecoin).toBe(treasury);
    expect(treasury).toBe(100n * USDC - paid);
    expect(await accountBalance(db, { fundId: fund.fundId, code: supplyAccount(driver.chain), commodity: 'units' })).toBe(await driver.totalSupply(d));
    expect(await accountBalance(db, { fundId: fund.fundId, code: `investor:${w.investorId}`, commodity: 'usd' })).toBe(-paid);

    // Exactly once: the same events read again from the deployment block book nothing.
    const entries = await entriesOf(db, fund.fundId);
    expect(entries).toBe(before + 4); // subscription, instant, request, owed
    await db.update(schema.chainCursors).set({ cursor: null }).where(eq(schema.chainCursors.deploymentId, fund.deploymentId));
    expect(await ingest()).toMatchObject({ cash: 0, redemptions: 0, transfers: 0 });
    expect(await entriesOf(db, fund.fundId)).toBe(entries);
    expect(await position()).toBe(units - 40_000_000n);
    expect(await db.select().from(schema.redemptions).where(eq(schema.redemptions.fundId, fund.fundId))).toHaveLength(2);
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stablecoinSettlementOf, unitsForUsd, usdForUnits, type ChainEvent, type Deployment, type Nav } from '@fiscus/core';
import { evmAbi, readContract, SETTLEMENT_DETAILS, type EvmDriver, type EvmSettlementToken } from '../src/index.ts';
import { startEvmTestDevnet, type EvmTestDevnet } from './support/devnet.ts';
import { mustSend, sendOp } from './support/send.ts';
import { chainNow, investorWithUsdc, settlementDriver, type InvestorWallet } from './support/settlement.ts';

const USDC = 1_000_000n; // one dollar of a 6-decimal stablecoin
const NAV: Nav = { value: 1_050_000n, scale: 6 }; // $1.05 per unit
const DECIMALS = 6;

describe('stablecoin settlement contracts on anvil: subscribe / redeem in USDC, payouts, events', () => {
  let devnet: EvmTestDevnet;
  let driver: EvmDriver;
  let usdc: EvmSettlementToken;
  let d: Deployment;
  let alice: InvestorWallet;
  let bob: InvestorWallet;
  let mallory: InvestorWallet;
  const usdcOf = (a: string) => readContract<bigint>(driver.provider, evmAbi.usdc, usdc.address, 'balanceOf', [a]);
  const unitsOf = (a: string) => driver.balanceOf(d, a);
  const treasury = () => d.details[SETTLEMENT_DETAILS.treasury]!;
  const payout = (to: string, usd: bigint) => sendOp(driver, d, { kind: 'payout', to, usd });
  const send = (op: Parameters<typeof mustSend>[2]) => mustSend(driver, d, op);

  beforeAll(async () => {
    devnet = await startEvmTestDevnet();
    const s = await settlementDriver(devnet, { dailySubscriptionCapUsd: 1_000n, dailyRedemptionLiquidityUsd: 60n });
    ({ driver, usdc } = s);
    d = await driver.deploy({ id: 'cash-fund', name: 'Cash Fund', symbol: 'CASH', decimals: DECIMALS });
    await send({ kind: 'publishNav', value: NAV.value, scale: NAV.scale, round: 1n, at: await chainNow(driver.provider) });
    alice = await investorWithUsdc(devnet, s, d, 1_000n * USDC);
    bob = await investorWithUsdc(devnet, s, d, 1_000n * USDC);
    mallory = await investorWithUsdc(devnet, s, d, 1_000n * USDC);
    await send({ kind: 'authorize', address: alice.address, investorId: 'inv-alice', country: 250 });
    await send({ kind: 'authorize', address: bob.address, investorId: 'inv-bob', country: 250 });
  }, 120_000);
  afterAll(() => devnet?.close());

  it('records the settlement asset and contracts on the deployment, idempotently', async () => {
    const s = stablecoinSettlementOf(driver)!;
    expect(driver.capabilities.settlement).toBe(true);
    expect(s.settlementAsset(d)).toEqual({ family: 'evm', address: usdc.address, decimals: 6, symbol: 'USDC' });
    expect(s.treasuryAddress(d)).toBe(d.details[SETTLEMENT_DETAILS.redemption]);
    const again = await driver.deploy({ id: 'cash-fund', name: 'Cash Fund', symbol: 'CASH', decimals: DECIMALS });
    expect(again.details).toEqual(d.details);
    for (const c of [SETTLEMENT_DETAILS.subscription, SETTLEMENT_DETAILS.redemption]) {
      expect(await readContract<boolean>(driver.provider, evmAbi.token, d.details.token!, 'isAgent', [d.details[c]])).toBe(true);
    }
  });

  it('an investor holding only USDC subscribes with a permit: units at NAV rounded down, USDC in the treasury', async () => {
    const expected = unitsForUsd(100_000_000n, NAV, DECIMALS).result; // core's SUBSCRIPTION_UNITS_ROUND_DOWN
    await alice.subscribeWithPermit(100n * USDC, expected);
    expect(await unitsOf(alice.address)).toBe(expected);
    expect(expected).toBe(95_238_095n);
    expect(await usdcOf(alice.address)).toBe(900n * USDC);
    expect(await usdcOf(treasury())).toBe(100n * USDC);
  });

  it('and with approve + subscribe; a minimum above the price is refused (slippage)', async () => {
    await bob.approve(50n * USDC);
    await expect(bob.subscribe(50n * USDC, 50n * USDC)).rejects.toMatchObject({ code: 'CONFLICT', meta: { revert: 'Slippage' } });
    await bob.subscribe(50n * USDC);
    expect(await unitsOf(bob.address)).toBe(unitsForUsd(50_000_000n, NAV, DECIMALS).result);
  });

  it('a non-verified investor is refused by the chain, and pays nothing', async () => {
    await mallory.approve(10n * USDC);
    await expect(mallory.subscribe(10n * USDC)).rejects.toMatchObject({ code: 'NOT_AUTHORIZED_ON_CHAIN', meta: { revert: 'NotVerified' } });
    expect(await usdcOf(mallory.address)).toBe(1_000n * USDC);
    expect(await unitsOf(mallory.address)).toBe(0n);
  });

  it("the fund's daily cap refuses what would exceed it", async () => {
    await alice.approve(900n * USDC);
    // 150 of 1,000 used today: 851 is one dollar too many.
    await expect(alice.subscribe(851n * USDC)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      meta: { revert: 'DailyCapExceeded', available: String(850n * USDC) },
    });
  });

  it('instant redemption burns units and pays USDC at NAV (rounded down) in the same transaction', async () => {
    const units = 30_000_001n;
    const paid = usdForUnits(units, NAV, DECIMALS).result; // core's REDEMPTION_USD_ROUND_DOWN
    const before = await usdcOf(alice.address);
    const supply = await driver.totalSupply(d);
    await alice.redeem(units);
    expect(await usdcOf(alice.address)).toBe(before + paid);
    expect(paid).toBe(31_500_001n);
    expect(await driver.totalSupply(d)).toBe(supply - units);
    expect(await usdcOf(treasury())).toBe(150n * USDC - paid);
  });

  it('beyond the daily liquidity limit: instant refused, the request burns and is owed', async () => {
    // 31.5 of the day's 60 dollars paid: 30 units more (31.5 dollars) do not fit.
    await expect(alice.redeem(30_000_000n)).rejects.toMatchObject({ code: 'RATE_LIMITED', meta: { revert: 'InstantLimitExceeded', available: '28499999' } });
    const supply = await driver.totalSupply(d);
    const before = await usdcOf(alice.address);
    await alice.requestRedeem(30_000_000n);
    expect(await driver.totalSupply(d)).toBe(supply - 30_000_000n);
    expect(await usdcOf(alice.address)).toBe(before);
  });

  it('events: one cash event per subscription / redemption, their mint and burn transfers folded in', async () => {
    const events = await readAll(driver, d);
    const cash = events.filter((e) => e.kind === 'cashSubscription' || e.kind === 'cashRedemption');
    expect(cash.map((e) => (e.kind === 'cashRedemption' ? `${e.kind}:${e.mode}` : e.kind))).toEqual([
      'cashSubscription',
      'cashSubscription',
      'cashRedemption:instant',
      'cashRedemption:requested',
    ]);
    const [sub, , instant, requested] = cash as [
      Extract<ChainEvent, { kind: 'cashSubscription' }>,
      unknown,
      Extract<ChainEvent, { kind: 'cashRedemption' }>,
      Extract<ChainEvent, { kind: 'cashRedemption' }>,
    ];
    expect(sub).toMatchObject({
      investor: alice.address,
      amount: 100n * USDC,
      usd: 100_000_000n,
      units: 95_238_095n,
      navRound: 1n,
      nav: 1_050_000_000_000_000_000n,
    });
    expect(instant).toMatchObject({ investor: alice.address, units: 30_000_001n, amount: 31_500_001n, usd: 31_500_001n });
    expect(requested).toMatchObject({ investor: alice.address, units: 30_000_000n, amount: 31_500_000n, usd: 31_500_000n, requestId: 1n });
    const cashTxs = new Set(cash.map((e) => e.txHash));
    expect(events.filter((e) => e.kind === 'transfer' && cashTxs.has(e.txHash))).toEqual([]);
  });

  it('with a page of one event (a boundary between a mint and its cash event), each is still reported once', async () => {
    const paged = (await settlementDriver(devnet, {}, { pageSize: 1 })).driver;
    const all = await readAll(driver, d);
    const one = await readAll(paged, d);
    expect(one.map((e) => `${e.kind}@${e.txHash}:${e.index}`)).toEqual(all.map((e) => `${e.kind}@${e.txHash}:${e.index}`));
    paged.provider.destroy();
  });

  it('frozen units cannot be redeemed (T-REX would burn them once the free ones are gone)', async () => {
    const held = await unitsOf(bob.address);
    await send({ kind: 'freeze', address: bob.address, units: held - 1_000_000n });
    await expect(bob.redeem(2_000_000n)).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE', meta: { revert: 'InsufficientUnits', free: '1000000' } });
    await expect(bob.requestRedeem(2_000_000n)).rejects.toMatchObject({ meta: { revert: 'InsufficientUnits' } });
    await send({ kind: 'unfreeze', address: bob.address, units: held - 1_000_000n });
    await send({ kind: 'freeze', address: bob.address });
    await expect(bob.redeem(1_000_000n)).rejects.toMatchObject({ code: 'FROZEN', meta: { revert: 'WalletFrozen' } });
    await send({ kind: 'unfreeze', address: bob.address });
    expect(await unitsOf(bob.address)).toBe(held);
  });

  it('payout: the treasury pays USDC to the recipient (the engine operation)', async () => {
    const before = await usdcOf(bob.address);
    expect((await payout(bob.address, 10_000_000n)).kind).toBe('confirmed');
    expect(await usdcOf(bob.address)).toBe(before + 10n * USDC);
  });

  it('payout refusals carry clear codes before anything is signed: blacklisted, paused, short of liquidity', async () => {
    await driver.setLocalStablecoin({ blacklist: { address: mallory.address, on: true } });
    await expect(payout(mallory.address, USDC)).rejects.toMatchObject({ code: 'STABLECOIN_BLACKLISTED' });
    await driver.setLocalStablecoin({ paused: true });
    await expect(payout(bob.address, USDC)).rejects.toMatchObject({ code: 'STABLECOIN_PAUSED' });
    // A paused stablecoin stops on-chain subscriptions too (FiatToken's own message).
    await expect(bob.subscribe(USDC)).rejects.toMatchObject({ code: 'PAUSED' });
    await driver.setLocalStablecoin({ paused: false });
    const held = await usdcOf(treasury());
    await expect(payout(bob.address, held + 1n)).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE', meta: { held: held.toString() } });
  });

  it('a blacklisted payout that reaches the chain reverts and status() names the reason', async () => {
    // Signed while allowed, blacklisted before it is mined: the chain refuses it.
    await driver.setLocalStablecoin({ blacklist: { address: bob.address, on: true } });
    const { encodePayout } = await import('../src/index.ts');
    const call = encodePayout({ kind: 'payout', to: bob.address, usd: USDC }, driver.chain, d.details);
    await expect(driver.provider.estimateGas({ from: driver.operatorAddress, to: call.to, data: call.data })).rejects.toSatisfy(
      (e: unknown) => driver.parseError(e).code === 'STABLECOIN_BLACKLISTED',
    );
    await driver.setLocalStablecoin({ blacklist: { address: bob.address, on: false } });
  });

  it('a stale NAV stops subscriptions (the guard), a fresh round resumes them', async () => {
    await driver.provider.send('evm_increaseTime', [5 * 24 * 3600]);
    await driver.provider.send('evm_mine', []);
    await bob.approve(10n * USDC);
    await expect(bob.subscribe(10n * USDC)).rejects.toMatchObject({ code: 'NAV_STALE', meta: { revert: 'NavStale' } });
    await send({ kind: 'publishNav', value: NAV.value, scale: NAV.scale, round: 2n, at: await chainNow(driver.provider) });
    await bob.subscribe(10n * USDC);
  });
});

async function readAll(driver: EvmDriver, d: Deployment): Promise<ChainEvent[]> {
  const events: ChainEvent[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 200; i++) {
    const page = await driver.events(d, cursor);
    events.push(...page.items);
    if (!page.next || page.next === cursor || page.items.length === 0) break;
    cursor = page.next;
  }
  return events;
}

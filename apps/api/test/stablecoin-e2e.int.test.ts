import { Wallet, type JsonRpcProvider } from 'ethers';
import { Asset, TransactionBuilder, type Transaction } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { evmAbi, readContract, SETTLEMENT_DETAILS } from '@fiscus/chain-evm';
import type { ChainId } from '@fiscus/core';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { LOCAL_L1_CHAIN_ID } from '../src/chains/avalanche/wiring.ts';
import { EvmInvestor } from './support/evm-investor.ts';
import { InvestorWallet, resultCodesOf } from './support/stellar.ts';
import { ETH_CHAIN, L1_CHAIN, STELLAR_CHAIN, startThreeChainHarness, type ThreeChainHarness } from './support/three-chains.ts';

const CHAINS = [ETH_CHAIN, L1_CHAIN, STELLAR_CHAIN] as const; // the API lists chains in this (sorted) order
const U = 1_000_000n; // fund decimals 6, and the EVM FiscusUSDC's 6: base units per unit / per dollar
const DAY_MS = 86_400_000;
const nextUtcDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * Issue 12 "what it must show", end to end over the API on the three devnets in one app: an
 * investor who holds nothing but USDC (from the dev faucet) subscribes and redeems in USDC on
 * Stellar (delivery versus payment), Ethereum (EIP-2612 permit) and the Avalanche L1 (approve),
 * meets the daily liquidity limit, has a payout held by the stablecoin's blacklist and
 * redirected, and at the end supply and stablecoin cash reconcile clean on every chain. The
 * investor's own actions (signing, permit, approve, subscribe, redeem) use only its keys; every
 * balance is read from the chain itself as well as from the API.
 */
describeEachBackend('money on chain: subscribe and redeem in USDC on Stellar, Ethereum and the L1 (API end to end)', (backend) => {
  let h: ThreeChainHarness;
  // The redemption queue's clock: the test moves it to the next UTC day.
  let clockOffsetMs = 0;
  beforeAll(async () => {
    h = await startThreeChainHarness(backend, { redemptionClock: () => new Date(Date.now() + clockOffsetMs) });
  }, 240_000); // three devnets, T-REX + settlement contracts on two EVM chains, P-Chain provisioning; the machine is shared
  afterAll(() => h?.close());

  async function ok(method: string, path: string, o: { body?: unknown; key?: string; status?: number } = {}): Promise<any> {
    const r = await h.call(method, path, { ...(o.body === undefined ? {} : { body: o.body }), ...(o.key ? { key: o.key } : {}) });
    expect(r.status, `${method} ${path}: ${r.text}`).toBe(o.status ?? 200);
    return r.body;
  }

  it('an investor holding only USDC subscribes and redeems on three chains; limits, holds and redirects; everything reconciles', async () => {
    // ── The fund, on three chains, settling in USDC on each ──────────────────────────────────
    const treasurerKey: string = (await ok('POST', '/v1/api-keys', { body: { role: 'treasurer' }, status: 201 })).key;
    const fundId: string = (await ok('POST', '/v1/funds', { body: { name: 'Money On Chain', symbol: 'MOC', decimals: 6, nav: '1.25' }, status: 201 })).id;
    const deployed = await Promise.all(
      CHAINS.map(async (chain) => (await ok('POST', `/v1/funds/${fundId}/deployments`, { body: { chain }, status: 202 })).operation.id as string),
    );
    await Promise.all(deployed.map((id) => h.posted(id)));
    // Each EVM deployment carries the fund's NAV to the chain's feed: the settlement contracts price from it at once.
    const mirrored = (await ok('GET', `/v1/operations?fundId=${fundId}&kind=publishNav`)).items as { id: string; chain: string }[];
    expect(mirrored.map((o) => o.chain).sort()).toEqual([ETH_CHAIN, L1_CHAIN]);
    await Promise.all(mirrored.map((o) => h.posted(o.id)));
    const deps = (await ok('GET', `/v1/funds/${fundId}/deployments`)).items as { chain: ChainId; details: Record<string, string> }[];
    const details = (chain: ChainId) => deps.find((d) => d.chain === chain)!.details;
    const settlement: Record<string, any> = {};
    for (const chain of CHAINS) settlement[chain] = await ok('PUT', `/v1/funds/${fundId}/liquidity/${chain}`, { body: {} });
    expect(settlement[ETH_CHAIN].asset).toEqual({
      family: 'evm',
      id: JSON.parse(details(ETH_CHAIN)[SETTLEMENT_DETAILS.asset]!).address,
      decimals: 6,
      symbol: 'USDC',
    });
    expect(settlement[STELLAR_CHAIN].asset).toMatchObject({ family: 'stellar', decimals: 7, symbol: 'USDC' });
    // At most $100 of queued redemptions are paid per UTC day.
    await ok('PUT', `/v1/funds/${fundId}/redemption-rules`, { body: { minRedemptionUsd: '0', dailyLiquidityUsd: '100', payoutAccount: 'subscriptions' } });

    const alice: string = (
      await ok('POST', '/v1/investors', {
        body: { legalName: 'Alice Stable', jurisdiction: 'US', investorType: 'institutional', kycStatus: 'verified' },
        status: 201,
      })
    ).id;
    const aliceKey: string = (await ok('POST', '/v1/api-keys', { body: { role: 'investor', investorId: alice }, status: 201 })).key;
    const register = async (chain: ChainId, address: string): Promise<string> => {
      const r = await ok('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId: alice, chain, address }, status: 202 });
      await h.posted(r.operation.id);
      return r.wallet.id;
    };
    const faucet = (chain: ChainId, address: string, usd: string) => ok('POST', '/v1/dev/faucet', { body: { chain, address, usd }, key: aliceKey });
    const liquidity = async (chain: ChainId) => ((await ok('GET', `/v1/funds/${fundId}/liquidity`)).items as any[]).find((x) => x.chain === chain);
    const ledgerSupply = async (chain: ChainId) =>
      ((await ok('GET', `/v1/funds/${fundId}/supply`)).chains as any[]).find((x) => x.chain === chain).ledgerSupply;
    /** Waits until ingest has booked what the chain did: the treasury's USDC and the chain's supply as the books see them. */
    const booked = (chain: ChainId, usd: string, units: string) =>
      h.until(async () => (await liquidity(chain)).booked === usd && (await ledgerSupply(chain)) === units, `${chain} booked $${usd} and ${units} units`);

    // ── Stellar: delivery versus payment, one transaction ───────────────────────────────────
    const fundAsset = new Asset(details(STELLAR_CHAIN).assetCode!, details(STELLAR_CHAIN).issuer!);
    const [usdcCode, usdcIssuer] = (settlement[STELLAR_CHAIN].asset.id as string).split(':') as [string, string];
    const usdcXlm = new Asset(usdcCode, usdcIssuer);
    const xlm = new InvestorWallet(h);
    await xlm.fund();
    await xlm.trust(fundAsset);
    await xlm.trust(usdcXlm);
    await register(STELLAR_CHAIN, xlm.address);
    await faucet(STELLAR_CHAIN, xlm.address, '100');
    expect((await xlm.line(usdcXlm))?.balance).toBe('100.0000000');

    const signAndSubmit = (q: any) => h.server.submitTransaction(TransactionBuilder.fromXDR(xlm.cosign(q.transaction.xdr), h.passphrase) as Transaction);
    // The investor asks for the quote itself (its own key: an investor holding only USDC needs nobody else).
    const quote = await ok('POST', `/v1/funds/${fundId}/subscriptions/stellar-dvp`, {
      body: { investorId: alice, chain: STELLAR_CHAIN, address: xlm.address, units: '40' },
      key: aliceKey,
      status: 201,
    });
    expect(quote).toMatchObject({ units: '40', usd: '50', stablecoinAmount: '50.0000000', nav: '1.25' });
    const quotePath = `/v1/funds/${fundId}/subscriptions/stellar-dvp/${quote.quoteId}`;
    expect(await ok('GET', quotePath, { key: aliceKey })).toMatchObject({ status: 'quoted', settledAt: null, txHash: quote.transaction.hash });
    await signAndSubmit(quote);
    expect((await xlm.line(fundAsset))?.balance).toBe('40.0000000');
    expect((await xlm.line(usdcXlm))?.balance).toBe('50.0000000');
    await booked(STELLAR_CHAIN, '50', '40');
    expect(await ok('GET', quotePath, { key: aliceKey })).toMatchObject({ status: 'settled', units: '40', usd: '50' });

    // The USDC leg fails (80 units cost $100, she holds $50): the whole transaction fails, no unit is delivered.
    const tooBig = await ok('POST', `/v1/funds/${fundId}/subscriptions/stellar-dvp`, {
      body: { investorId: alice, chain: STELLAR_CHAIN, address: xlm.address, units: '80' },
      key: treasurerKey,
      status: 201,
    });
    const codes = await resultCodesOf(signAndSubmit(tooBig));
    expect(codes.transaction).toBe('tx_failed');
    expect(codes.operations?.[0]).toBe('op_underfunded');
    expect((await xlm.line(fundAsset))?.balance).toBe('40.0000000');
    expect((await xlm.line(usdcXlm))?.balance).toBe('50.0000000');

    // ── Ethereum: one transaction carrying an EIP-2612 permit ───────────────────────────────
    const tokenOf = (chain: ChainId, provider: JsonRpcProvider) => (a: string) =>
      readContract<bigint>(provider, evmAbi.token, details(chain).token!, 'balanceOf', [a]);
    const supplyOf = (chain: ChainId, provider: JsonRpcProvider) => () =>
      readContract<bigint>(provider, evmAbi.token, details(chain).token!, 'totalSupply', []);
    const ethUnits = tokenOf(ETH_CHAIN, h.evm.provider);
    const eth = new EvmInvestor(await h.ethWallet(), h.evm.provider, 31_337n, details(ETH_CHAIN));
    const ethWalletId = await register(ETH_CHAIN, eth.address);
    const ethTreasury = details(ETH_CHAIN)[SETTLEMENT_DETAILS.treasury]!;
    await faucet(ETH_CHAIN, eth.address, '500');
    expect(await eth.usdcOf(eth.address)).toBe(500n * U);
    // $250 at NAV 1.25 = 200 units exactly (the minimum out guards the price).
    await eth.subscribeWithPermit(250n * U, 200n * U);
    expect(await ethUnits(eth.address)).toBe(200n * U);
    expect(await eth.usdcOf(eth.address)).toBe(250n * U);
    expect(await eth.usdcOf(ethTreasury)).toBe(250n * U);
    await booked(ETH_CHAIN, '250', '200');

    // ── Avalanche L1: approve, then subscribe; an instant redemption pays USDC in the same transaction ──
    const l1Units = tokenOf(L1_CHAIN, h.avalanche.provider);
    const l1 = new EvmInvestor(new Wallet(Wallet.createRandom().privateKey), h.avalanche.provider, LOCAL_L1_CHAIN_ID, details(L1_CHAIN));
    await register(L1_CHAIN, l1.address); // onboarding allow-lists the wallet and tops up its gas
    const l1Treasury = details(L1_CHAIN)[SETTLEMENT_DETAILS.treasury]!;
    await faucet(L1_CHAIN, l1.address, '200');
    await l1.approve(125n * U);
    await l1.subscribe(125n * U, 100n * U);
    expect(await l1Units(l1.address)).toBe(100n * U);
    expect(await l1.usdcOf(l1.address)).toBe(75n * U);
    await booked(L1_CHAIN, '125', '100');
    await l1.redeem(40n * U, 50n * U); // 40 units at 1.25 = $50
    expect(await l1Units(l1.address)).toBe(60n * U);
    expect(await l1.usdcOf(l1.address)).toBe(125n * U);
    expect(await l1.usdcOf(l1Treasury)).toBe(75n * U);
    await booked(L1_CHAIN, '75', '60');
    const mine = async (key = aliceKey) => (await ok('GET', `/v1/funds/${fundId}/redemptions`, { key })).items as any[];
    expect((await mine()).find((r) => r.chain === L1_CHAIN)).toMatchObject({ source: 'onchain_instant', state: 'settled', units: '40', usd: '50' });

    // ── Ethereum: the daily limit ($100). $80 today is paid; $50 more is queued and paid the next day ──
    const red = await ok('POST', `/v1/funds/${fundId}/redemptions`, {
      body: { investorId: alice, chain: ETH_CHAIN, address: eth.address, units: '64' },
      key: aliceKey,
      status: 202,
    });
    expect(red.redemption).toMatchObject({ usd: '80', payoutChain: ETH_CHAIN, payoutWalletId: ethWalletId });
    const first = await h.until(async () => {
      const r = await ok('GET', `/v1/funds/${fundId}/redemptions/${red.redemption.id}`, { key: aliceKey });
      return r.payout?.status === 'paid' ? r : undefined;
    }, 'the first Ethereum redemption paid');
    expect(first.payout).toMatchObject({ amount: '80', chain: ETH_CHAIN, walletId: ethWalletId });
    expect(await eth.usdcOf(eth.address)).toBe(330n * U);

    // The contracts' own instant limit, set by the treasurer through the API: an instant redemption
    // above it is refused on chain; the same values again send nothing.
    const capsPath = `/v1/funds/${fundId}/liquidity/${ETH_CHAIN}/limits`;
    expect(await ok('PUT', capsPath, { body: { instantRedemptionDailyUsd: '30' }, key: treasurerKey })).toMatchObject({
      chain: ETH_CHAIN,
      instantRedemptionDailyUsd: '30',
      transactions: 1,
    });
    expect((await ok('PUT', capsPath, { body: { instantRedemptionDailyUsd: '30' }, key: treasurerKey })).transactions).toBe(0);
    expect(await ok('GET', capsPath)).toMatchObject({ instantRedemptionDailyUsd: '30' });
    const noCaps = await h.call('PUT', `/v1/funds/${fundId}/liquidity/${STELLAR_CHAIN}/limits`, { body: { subscriptionDailyUsd: '5' }, key: treasurerKey });
    expect([noCaps.status, noCaps.body.code]).toEqual([422, 'CAPABILITY_UNSUPPORTED']);
    const badCap = await h.call('PUT', capsPath, { body: { subscriptionDailyUsd: '-1' }, key: treasurerKey });
    expect(badCap.status).toBe(400);
    await expect(eth.redeem(40n * U)).rejects.toThrow(); // $50 > $30
    expect(await ethUnits(eth.address)).toBe(136n * U);

    await eth.requestRedeem(40n * U); // the investor's own request on chain: burned now, $50 owed
    expect(await ethUnits(eth.address)).toBe(96n * U);
    const queued = await h.until(
      async () => (await mine()).find((r) => r.chain === ETH_CHAIN && r.source === 'onchain_request'),
      'the on-chain request ingested',
    );
    expect(queued).toMatchObject({ state: 'pending', usd: '50', queuePosition: 1, payoutChain: ETH_CHAIN });
    // Several runs of the queue later, still waiting: $80 + $50 > $100 today.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await ok('GET', `/v1/funds/${fundId}/redemptions/${queued.id}`, { key: aliceKey })).toMatchObject({ state: 'pending', queuePosition: 1 });
    expect(await liquidity(ETH_CHAIN)).toMatchObject({ queued: '50', queuedCount: 1 });
    expect(await eth.usdcOf(eth.address)).toBe(330n * U);

    clockOffsetMs = DAY_MS; // the next UTC day
    const second = await h.until(async () => {
      const r = await ok('GET', `/v1/funds/${fundId}/redemptions/${queued.id}`, { key: aliceKey });
      return r.payout?.status === 'paid' ? r : undefined;
    }, 'the queued Ethereum redemption paid the next day');
    expect(second).toMatchObject({ state: 'settled', payout: { amount: '50', chain: ETH_CHAIN, day: nextUtcDay(first.payout.day) } });
    expect(await eth.usdcOf(eth.address)).toBe(380n * U);

    // ── A payout the stablecoin refuses: held with its reason, redirected to another wallet ──
    await h.avalanche.setLocalStablecoin({ blacklist: { address: l1.address, on: true } }); // the stablecoin issuer's act, not ours
    await l1.requestRedeem(40n * U);
    const held = await h.until(async () => {
      const items = (await ok('GET', `/v1/funds/${fundId}/payouts?status=held`, { key: aliceKey })).items as any[];
      return items.find((p) => p.chain === L1_CHAIN);
    }, 'the L1 payout held');
    expect(held).toMatchObject({ amount: '50', investorId: alice, heldReason: { code: 'STABLECOIN_BLACKLISTED' } });
    expect(held.address.toLowerCase()).toBe(l1.address.toLowerCase());
    expect(await l1.usdcOf(l1.address)).toBe(125n * U);
    expect(await liquidity(L1_CHAIN)).toMatchObject({ booked: '75', reserved: '50', available: '25' });

    const retried = await ok('POST', `/v1/funds/${fundId}/payouts/${held.id}/retry`, { body: { walletId: ethWalletId }, key: treasurerKey, status: 202 });
    expect(retried).toMatchObject({ id: held.id, status: 'sending', chain: ETH_CHAIN, walletId: ethWalletId, heldReason: null });
    await h.until(async () => {
      const items = (await ok('GET', `/v1/funds/${fundId}/payouts?status=paid`, { key: aliceKey })).items as any[];
      return items.some((p) => p.id === held.id);
    }, 'the redirected payout paid');
    expect(await eth.usdcOf(eth.address)).toBe(430n * U);
    expect(await l1.usdcOf(l1.address)).toBe(125n * U);
    // Paid: nothing left to retry (a client error with its code, not a second payment).
    const again = await h.call('POST', `/v1/funds/${fundId}/payouts/${held.id}/retry`, { body: {}, key: treasurerKey });
    expect([again.status, again.body.code]).toEqual([409, 'CONFLICT']);

    // ── Reconciliation: supply and stablecoin cash, clean on every chain ──────────────────────
    const recs = await ok('POST', `/v1/funds/${fundId}/reconciliations`, { body: {}, key: treasurerKey });
    expect(recs.items.map((r: any) => [r.chain, r.status]).sort()).toEqual(CHAINS.map((c) => [c, 'clean']));
    const cash: Record<string, bigint> = {
      [ETH_CHAIN]: await eth.usdcOf(ethTreasury),
      [L1_CHAIN]: await l1.usdcOf(l1Treasury),
      [STELLAR_CHAIN]:
        BigInt(
          (await h.server.loadAccount(details(STELLAR_CHAIN).distribution!)).balances
            .find((b) => 'asset_code' in b && b.asset_code === usdcCode && b.asset_issuer === usdcIssuer)!
            .balance.replace('.', ''),
        ) / 10n,
    };
    // $250 in − $80 − $50 − $50 (the redirected payout) on Ethereum; $125 − $50 on the L1; $50 on Stellar.
    expect(cash).toEqual({ [ETH_CHAIN]: 70n * U, [L1_CHAIN]: 75n * U, [STELLAR_CHAIN]: 50n * U });
    for (const chain of CHAINS) {
      const r = await ok('POST', `/v1/funds/${fundId}/liquidity/${chain}/reconciliations`, { key: treasurerKey, status: 201 });
      const usd = (cash[chain]! / U).toString();
      expect(r, chain).toMatchObject({ chain, result: 'clean', onChainUsd: usd, ledgerUsd: usd, inFlightUsd: '0' });
    }
    const latest = (await ok('GET', `/v1/funds/${fundId}/liquidity/reconciliations`)).items as any[];
    expect(
      latest
        .slice(0, 3)
        .map((r) => [r.chain, r.result])
        .sort(),
    ).toEqual(CHAINS.map((c) => [c, 'clean']));
    expect((await ok('GET', `/v1/funds/${fundId}/liquidity`)).items.map((l: any) => [l.chain, l.reserved, l.queued, l.payoutsBlocked])).toEqual(
      CHAINS.map((c) => [c, '0', '0', false]),
    );

    const onChain: Record<string, bigint> = {
      [ETH_CHAIN]: await supplyOf(ETH_CHAIN, h.evm.provider)(),
      [L1_CHAIN]: await supplyOf(L1_CHAIN, h.avalanche.provider)(),
      [STELLAR_CHAIN]: BigInt((await xlm.line(fundAsset))!.balance.replace('.', '')) / 10n, // her line is the only holder
    };
    expect(onChain).toEqual({ [ETH_CHAIN]: 96n * U, [L1_CHAIN]: 20n * U, [STELLAR_CHAIN]: 40n * U });
    const supply = await ok('GET', `/v1/funds/${fundId}/supply`);
    expect(supply).toMatchObject({ unitsOutstanding: '156', transit: '0', invariantHolds: true });
    for (const c of CHAINS) {
      const units = (onChain[c]! / U).toString();
      expect(supply.chains.find((x: any) => x.chain === c)).toMatchObject({ ledgerSupply: units, chainSupply: units, inSync: true });
    }
    expect(await l1Units(l1.address)).toBe(20n * U);
  }, 300_000);
});

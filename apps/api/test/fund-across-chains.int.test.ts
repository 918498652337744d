import { createPublicKey, createHash, verify } from 'node:crypto';
import { Wallet } from 'ethers';
import { Asset } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { evmAbi, readContract } from '@fiscus/chain-evm';
import type { ChainId, Deployment } from '@fiscus/core';
import { ALLOW_LIST_ROLE } from '@fiscus/devnet';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { InvestorWallet } from './support/stellar.ts';
import { ETH_CHAIN, L1_CHAIN, STELLAR_CHAIN, startThreeChainHarness, type ThreeChainHarness } from './support/three-chains.ts';

const CHAINS = [ETH_CHAIN, L1_CHAIN, STELLAR_CHAIN] as const; // the API lists chains in this (sorted) order
const U = 1_000_000n; // decimals 6: base units per unit
/** A Horizon amount (always 7 decimals) in the fund's 6-decimal base units. */
const stellarUnits = (s: string) => BigInt(s.replace('.', '')) / 10n;
/** Base units as the API prints them (decimal string, no trailing zeros). */
const fmt = (n: bigint) => `${n / U}${n % U ? `.${(n % U).toString().padStart(6, '0').replace(/0+$/, '')}` : ''}`;

/** RFC 8785 canonical JSON of what the attestation body holds (strings, safe integers, booleans, objects). */
const canonical = (v: unknown): string =>
  v !== null && typeof v === 'object'
    ? `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
        .join(',')}}`
    : JSON.stringify(v);

/**
 * Issue 6 "what it must show", end to end over the API on the three devnets in one app: subscribe
 * on Stellar at NAV → move to Ethereum → move to Avalanche → redeem on Avalanche by an on-chain
 * transfer → a daily yield paid on all three chains → reconciliation clean → supply adds up →
 * the attestation verifies with nothing but the published key. Every balance is also read from
 * the chains themselves (Horizon, the ERC-3643 tokens), not only from our API.
 */
describeEachBackend('one fund across Stellar, Ethereum and the Avalanche L1 (API end to end)', (backend) => {
  let h: ThreeChainHarness;
  beforeAll(async () => {
    h = await startThreeChainHarness(backend);
  }, 240_000); // three devnets, T-REX on two EVM chains, P-Chain provisioning; the machine is shared
  afterAll(() => h?.close());

  async function ok(method: string, path: string, body?: unknown, status = 200): Promise<any> {
    const r = await h.call(method, path, body === undefined ? {} : { body });
    expect(r.status, `${method} ${path}: ${r.text}`).toBe(status);
    return r.body;
  }
  const accepted = async (path: string, body: unknown) => h.posted((await ok('POST', path, body, 202)).operation.id);

  it('subscribe on Stellar → move to Ethereum → move to Avalanche → redeem on Avalanche → yield on all three → clean → attested', async () => {
    const fund = await ok('POST', '/v1/funds', { name: 'Treasury Across Chains', symbol: 'TAC', decimals: 6, nav: '1.25' }, 201);
    const fundId: string = fund.id;
    for (const chain of CHAINS) await accepted(`/v1/funds/${fundId}/deployments`, { chain });
    const deps = (await ok('GET', `/v1/funds/${fundId}/deployments`)).items as { chain: ChainId; status: string; details: Record<string, string> }[];
    expect(deps.map((d) => [d.chain, d.status]).sort()).toEqual(CHAINS.map((c) => [c, 'active']));
    const dep = (chain: ChainId): Deployment => ({ chain, details: deps.find((d) => d.chain === chain)!.details });
    const asset = new Asset(dep(STELLAR_CHAIN).details.assetCode!, dep(STELLAR_CHAIN).details.issuer!);
    const token: Record<string, string> = { [ETH_CHAIN]: dep(ETH_CHAIN).details.token!, [L1_CHAIN]: dep(L1_CHAIN).details.token! };
    const evmOf = (chain: ChainId) => (chain === ETH_CHAIN ? h.evm : h.avalanche);
    const tokenSupply = (chain: typeof ETH_CHAIN | typeof L1_CHAIN) =>
      readContract<bigint>(evmOf(chain).provider, evmAbi.token, token[chain]!, 'totalSupply', []);
    const tokenBalance = (chain: typeof ETH_CHAIN | typeof L1_CHAIN, a: string) =>
      readContract<bigint>(evmOf(chain).provider, evmAbi.token, token[chain]!, 'balanceOf', [a]);
    const horizonSupply = async () => {
      const b = (await h.server.assets().forCode(asset.code).forIssuer(dep(STELLAR_CHAIN).details.issuer!).call()).records[0]!.balances;
      return stellarUnits(b.authorized) + stellarUnits(b.authorized_to_maintain_liabilities) + stellarUnits(b.unauthorized);
    };

    // Onboarding. Alice's KYC is pending at first: her trustline stays unauthorized until it is verified.
    const alice = (
      await ok('POST', '/v1/investors', { legalName: 'Alice Capital', jurisdiction: 'US', investorType: 'institutional', kycStatus: 'pending' }, 201)
    ).id as string;
    const bob = (
      await ok('POST', '/v1/investors', { legalName: 'Bob Partners', jurisdiction: 'DE', investorType: 'institutional', kycStatus: 'verified' }, 201)
    ).id as string;
    const aliceXlm = new InvestorWallet(h);
    await aliceXlm.fund();
    await aliceXlm.trust(asset);
    const early = await h.call('POST', `/v1/funds/${fundId}/wallets`, { body: { investorId: alice, chain: STELLAR_CHAIN, address: aliceXlm.address } });
    expect([early.status, early.body.code]).toEqual([422, 'POLICY_DENIED']);
    expect((await aliceXlm.line(asset))?.is_authorized).toBe(false);
    await ok('PATCH', `/v1/investors/${alice}/kyc`, { kycStatus: 'verified', kycExpiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString() });
    await accepted(`/v1/funds/${fundId}/wallets`, { investorId: alice, chain: STELLAR_CHAIN, address: aliceXlm.address });
    // A new fund is SEP-8 regulated on Stellar (the default): the line rests authorized to maintain
    // liabilities and the platform's mints, moves and yield wake it per transaction.
    expect(await aliceXlm.line(asset)).toMatchObject({ is_authorized: false, is_authorized_to_maintain_liabilities: true });

    const aliceEth: Wallet = await h.ethWallet();
    const bobEth: Wallet = await h.ethWallet();
    const aliceL1 = new Wallet(Wallet.createRandom().privateKey); // no gas: onboarding tops it up
    for (const [investorId, chain, address] of [
      [alice, ETH_CHAIN, aliceEth.address],
      [bob, ETH_CHAIN, bobEth.address],
      [alice, L1_CHAIN, aliceL1.address],
    ] as const) {
      await accepted(`/v1/funds/${fundId}/wallets`, { investorId, chain, address });
      expect(await evmOf(chain).isAuthorized(dep(chain), address)).toBe(true); // identity registered (+ allow list on the L1)
    }
    expect(await h.avalanche.allowListRole('txAllowList', aliceL1.address)).toBe(ALLOW_LIST_ROLE.Enabled);
    expect(await h.avalanche.provider.getBalance(aliceL1.address)).toBeGreaterThan(0n); // gas from the NativeMinter top-up

    // Subscription on Stellar, priced at NAV: $1,000 in at 1.25 → 800 units (round down), no remainder.
    const sub = await ok('POST', `/v1/funds/${fundId}/subscriptions`, { investorId: alice, chain: STELLAR_CHAIN, address: aliceXlm.address, usd: '1000' }, 202);
    expect(sub.subscription).toMatchObject({ usdIn: '1000', units: '800', cost: '1000', remainder: '0', nav: '1.25' });
    await h.posted(sub.operation.id);
    expect((await aliceXlm.line(asset))?.balance).toBe('800.0000000');
    // Bob subscribes 150 units on Ethereum: cost 187.5.
    const bobSub = await ok('POST', `/v1/funds/${fundId}/subscriptions`, { investorId: bob, chain: ETH_CHAIN, address: bobEth.address, units: '150' }, 202);
    expect(bobSub.subscription).toMatchObject({ units: '150', cost: '187.5' });
    await h.posted(bobSub.operation.id);

    async function move(from: [ChainId, string], to: [ChainId, string], units: string) {
      const r = await ok('POST', `/v1/funds/${fundId}/moves`, { from: { chain: from[0], wallet: from[1] }, to: { chain: to[0], wallet: to[1] }, units }, 202);
      const done = await h.until(
        async () => {
          const m = (await ok('GET', `/v1/funds/${fundId}/moves/${r.move.id}`)).move;
          expect(['failed', 'compensated']).not.toContain(m.state);
          return m.state === 'completed' ? m : undefined;
        },
        `move ${r.move.id} completed`,
        90_000,
      );
      expect(done.legs.map((l: any) => [l.leg, l.chain, l.state])).toEqual([
        ['burn', from[0], 'posted'],
        ['mint', to[0], 'posted'],
      ]);
      const supply = await ok('GET', `/v1/funds/${fundId}/supply`);
      expect(supply).toMatchObject({ transit: '0', invariantHolds: true });
    }

    // Move 300 from Stellar (clawback) to Ethereum (mint).
    await move([STELLAR_CHAIN, aliceXlm.address], [ETH_CHAIN, aliceEth.address], '300');
    expect((await aliceXlm.line(asset))?.balance).toBe('500.0000000');
    expect(await tokenBalance(ETH_CHAIN, aliceEth.address)).toBe(300n * U);
    expect(await horizonSupply()).toBe(500n * U);
    expect(await tokenSupply(ETH_CHAIN)).toBe(450n * U);

    // Move 100 from Ethereum to the Avalanche L1.
    await move([ETH_CHAIN, aliceEth.address], [L1_CHAIN, aliceL1.address], '100');
    expect(await tokenBalance(ETH_CHAIN, aliceEth.address)).toBe(200n * U);
    expect(await tokenBalance(L1_CHAIN, aliceL1.address)).toBe(100n * U);
    expect(await tokenSupply(ETH_CHAIN)).toBe(350n * U);
    expect(await tokenSupply(L1_CHAIN)).toBe(100n * U);

    // Redemption on Avalanche: Alice transfers 40 to the redemption address (her own gas); ingest opens a
    // redemption at NAV ($50) and the engine burns the units; the payout is taken from subscription cash.
    const redemptionAddress = dep(L1_CHAIN).details.redemptionAddress!;
    await h.transfer(L1_CHAIN, aliceL1, token[L1_CHAIN]!, redemptionAddress, 40n * U);
    const redemption = await h.until(
      async () => {
        const items = (await ok('GET', `/v1/funds/${fundId}/redemptions`)).items as any[];
        const r = items.find((x) => x.chain === L1_CHAIN && x.source === 'onchain_transfer');
        return r?.state === 'settled' ? r : undefined;
      },
      'the on-chain redemption settled',
      90_000,
    );
    expect(redemption).toMatchObject({ units: '40', usd: '50', nav: '1.25', payout: { amount: '50' } });
    await h.until(async () => (await tokenSupply(L1_CHAIN)) === 60n * U, 'the redemption burn on the L1');
    expect(await tokenBalance(L1_CHAIN, aliceL1.address)).toBe(60n * U);
    expect(await tokenBalance(L1_CHAIN, redemptionAddress)).toBe(0n);

    // Daily yield: 1.000001 units pro rata to the four positions on three chains, rounding down, carry kept.
    const positions: [ChainId, string, bigint][] = [
      [ETH_CHAIN, aliceEth.address, 200n * U],
      [ETH_CHAIN, bobEth.address, 150n * U],
      [L1_CHAIN, aliceL1.address, 60n * U],
      [STELLAR_CHAIN, aliceXlm.address, 500n * U],
    ];
    const held = positions.reduce((s, p) => s + p[2], 0n);
    const pool = 1_000_001n;
    const alloc = positions.map((p) => (pool * p[2]) / held);
    const paid = alloc.reduce((a, b) => a + b, 0n);
    expect(alloc.every((a) => a > 0n) && pool - paid > 0n).toBe(true); // non-trivial: every holder paid, a remainder carried
    const d0 = await ok('POST', `/v1/funds/${fundId}/distributions`, { recordTime: new Date().toISOString(), units: fmt(pool) }, 202);
    const dist = await h.until(
      async () => {
        const d = await ok('GET', `/v1/funds/${fundId}/distributions/${d0.distribution.id}`);
        expect(d.state).not.toBe('partially_failed');
        return d.state === 'completed' ? d : undefined;
      },
      'the distribution completed',
      90_000,
    );
    expect(dist.carryOut).toBe(fmt(pool - paid));
    expect(dist.chains.map((c: any) => [c.chain, c.holders, c.batchesPosted])).toEqual([
      [ETH_CHAIN, 2, 1],
      [L1_CHAIN, 1, 1],
      [STELLAR_CHAIN, 1, 1],
    ]);
    for (const [i, [chain, address, before]] of positions.entries()) {
      const now = chain === STELLAR_CHAIN ? stellarUnits((await aliceXlm.line(asset))!.balance) : await tokenBalance(chain, address);
      expect(now, `${chain} ${address}`).toBe(before + alloc[i]!);
    }

    // Cap table across chains: Alice's three wallets (one per chain) and Bob's, each = its on-chain balance.
    const cap = await ok('GET', `/v1/funds/${fundId}/cap-table`);
    expect(cap.counts.holders).toBe(2);
    expect(cap.counts.perChain.map((x: any) => [x.chain, x.holders])).toEqual([
      [ETH_CHAIN, 2],
      [L1_CHAIN, 1],
      [STELLAR_CHAIN, 1],
    ]);
    const capWallets = (cap.items as any[]).flatMap((e) => e.wallets.map((w: any) => [e.investorId, w.chain, w.address.toLowerCase(), w.units]));
    expect(capWallets.sort()).toEqual(
      positions
        .map(([chain, address, before], i) => [
          chain === ETH_CHAIN && address === bobEth.address ? bob : alice,
          chain,
          address.toLowerCase(),
          fmt(before + alloc[i]!),
        ])
        .sort(),
    );

    // Reconciliation on demand: clean on every chain.
    const recs = await ok('POST', `/v1/funds/${fundId}/reconciliations`, {});
    expect(recs.items.map((r: any) => [r.chain, r.status]).sort()).toEqual(CHAINS.map((c) => [c, 'clean']));

    // Supply: ledger = chain on each chain (the chain read here directly), Σ supply + transit = outstanding.
    const onChain: Record<string, bigint> = {
      [STELLAR_CHAIN]: await horizonSupply(),
      [ETH_CHAIN]: await tokenSupply(ETH_CHAIN),
      [L1_CHAIN]: await tokenSupply(L1_CHAIN),
    };
    const expectedOutstanding = 910n * U + paid;
    expect(onChain[STELLAR_CHAIN]! + onChain[ETH_CHAIN]! + onChain[L1_CHAIN]!).toBe(expectedOutstanding);
    const supply = await ok('GET', `/v1/funds/${fundId}/supply`);
    expect(supply).toMatchObject({ unitsOutstanding: fmt(expectedOutstanding), transit: '0', invariantHolds: true });
    for (const c of CHAINS) {
      expect(supply.chains.find((x: any) => x.chain === c)).toMatchObject({ ledgerSupply: fmt(onChain[c]!), chainSupply: fmt(onChain[c]!), inSync: true });
    }

    // T-bill interest reaches the bank: reserves cover the yield. Then the attestation.
    await ok('POST', `/v1/funds/${fundId}/cash/movements`, { account: 'operating', direction: 'deposit', amount: '10', reference: 'TBILL-COUPON-1' }, 201);
    const created = await ok('POST', `/v1/funds/${fundId}/attestations`, undefined, 201);
    const a = await ok('GET', `/v1/funds/${fundId}/attestations/latest`);
    expect(a.id).toBe(created.attestation.id);
    const reservesMicros = 1_000n * U + 187_500_000n - 50n * U + 10n * U; // $1,000 + $187.5 subscribed − $50 paid out + $10 coupon
    const requiredMicros = (expectedOutstanding * 1_250_000n + U - 1n) / U; // units × 1.25, rounded up
    expect(a.body).toMatchObject({
      fundId,
      decimals: 6,
      unitsOutstanding: expectedOutstanding.toString(),
      supply: { chains: Object.fromEntries(CHAINS.map((c) => [c, onChain[c]!.toString()])), transit: '0' },
      reserves: { totalUsdMicros: reservesMicros.toString() },
      required: { usdMicros: requiredMicros.toString() },
      ok: reservesMicros >= requiredMicros,
    });
    expect(a.body.ok).toBe(true);
    expect(a.payload).toBe(canonical(a.body));
    expect(createHash('sha256').update(a.payload, 'utf8').digest('hex')).toBe(a.hash);

    // Verification with ONLY the published key (raw Ed25519, base64) and node:crypto.
    const keys = await h.call('GET', '/v1/attestations/keys');
    const published = keys.body.keys.find((k: any) => k.keyId === a.keyId);
    expect(published.algorithm).toBe('Ed25519');
    const pub = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(published.publicKey, 'base64').toString('base64url') }, format: 'jwk' });
    expect(verify(null, Buffer.from(a.payload, 'utf8'), pub, Buffer.from(a.signature, 'base64'))).toBe(true);
    const forged = a.payload.replace(`"unitsOutstanding":"${expectedOutstanding}"`, `"unitsOutstanding":"${expectedOutstanding + 1n}"`);
    expect(forged).not.toBe(a.payload);
    expect(verify(null, Buffer.from(forged, 'utf8'), pub, Buffer.from(a.signature, 'base64'))).toBe(false);

    // Its hash is published on every chain that carries one (EVM feeds, Stellar manageData).
    expect((created.operations as { chain: string }[]).map((o) => o.chain).sort()).toEqual([...CHAINS]);
    for (const op of created.operations as { id: string }[]) await h.posted(op.id);
    for (const chain of [ETH_CHAIN, L1_CHAIN] as const) {
      const onFeed = await readContract<string>(evmOf(chain).provider, evmAbi.navFeed, dep(chain).details.navFeed!, 'latestAttestation', []);
      expect(onFeed, chain).toBe(`0x${a.hash}`);
    }
    const issuerData = (await h.server.loadAccount(dep(STELLAR_CHAIN).details.issuer!)).data_attr;
    expect(Buffer.from(issuerData.por!, 'base64').toString()).toBe(a.hash);
    expect((await ok('GET', '/v1/audit/verify')).ok).toBe(true);
  }, 400_000);
});

import { Asset } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newMemAddress } from '@fiscus/devnet';
import { accountBalance, supplyAccount } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { InvestorWallet } from './support/stellar.ts';
import { MEM_CHAIN, startYieldHarness } from './support/yield.ts';

const STELLAR = 'stellar:local';
type H = Awaited<ReturnType<typeof startYieldHarness>>;

describeEachBackend('api: yield over Stellar + memchain, cap table across chains, reconciliation by id', (backend) => {
  let h: H;
  beforeAll(async () => {
    h = await startYieldHarness(backend);
  });
  afterAll(() => h?.close());

  async function ok(method: string, path: string, body?: unknown, status = 200) {
    const r = await h.call(method, path, body === undefined ? {} : { body });
    expect(r.status, `${method} ${path}: ${r.text}`).toBe(status);
    return r.body;
  }

  it('pays holders on both chains pro rata, shows progress, and lists every wallet per investor', async () => {
    const fund = await ok('POST', '/v1/funds', { name: 'Yield Fund', symbol: 'YLD', decimals: 6 }, 201);
    const fundId = fund.id as string;
    for (const chain of [STELLAR, MEM_CHAIN]) await h.posted((await ok('POST', `/v1/funds/${fundId}/deployments`, { chain }, 202)).operation.id);
    const deps = (await ok('GET', `/v1/funds/${fundId}/deployments`)).items as { chain: string; details: { assetCode: string; issuer: string } }[];
    const stellarDep = deps.find((d) => d.chain === STELLAR)!.details;
    const asset = new Asset(stellarDep.assetCode, stellarDep.issuer);

    const investor = async (legalName: string) =>
      (await ok('POST', '/v1/investors', { legalName, jurisdiction: 'US', investorType: 'institutional', kycStatus: 'verified' }, 201)).id as string;
    const [a, b, c] = [await investor('Alice'), await investor('Bob'), await investor('Carol')];
    const [aliceXlm, bobXlm] = [new InvestorWallet(h), new InvestorWallet(h)];
    for (const w of [aliceXlm, bobXlm]) {
      await w.fund();
      await w.trust(asset);
    }
    const aliceMem = newMemAddress();
    const carolMem = newMemAddress();
    const wallets: [string, string, string, string][] = [
      [a, STELLAR, aliceXlm.address, '100'],
      [b, STELLAR, bobXlm.address, '33.333333'],
      [a, MEM_CHAIN, aliceMem, '50'],
      [c, MEM_CHAIN, carolMem, '7'],
    ];
    for (const [investorId, chain, address] of wallets)
      await h.posted((await ok('POST', `/v1/funds/${fundId}/wallets`, { investorId, chain, address }, 202)).operation.id);
    for (const [investorId, chain, address, units] of wallets)
      await h.posted((await ok('POST', `/v1/funds/${fundId}/subscriptions`, { investorId, chain, address, units }, 202)).operation.id);

    // Bad input is a 4xx with a stable code, never a distribution.
    const both = await h.call('POST', `/v1/funds/${fundId}/distributions`, { body: { recordTime: new Date().toISOString(), units: '1', ratePerUnit: '0.1' } });
    expect([both.status, both.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await h.call('GET', `/v1/funds/${fundId}/distributions/dist_unknown`)).status).toBe(404);

    const body = { recordTime: new Date().toISOString(), units: '10.000001' };
    const first = await h.call('POST', `/v1/funds/${fundId}/distributions`, { body, idem: 'yield-day-1' });
    expect(first.status).toBe(202);
    const replay = await h.call('POST', `/v1/funds/${fundId}/distributions`, { body, idem: 'yield-day-1' });
    expect(replay.body.distribution.id).toBe(first.body.distribution.id);
    const id = first.body.distribution.id as string;

    let d: any;
    for (let i = 0; i < 1500; i++) {
      d = await ok('GET', `/v1/funds/${fundId}/distributions/${id}`);
      if (d.state === 'completed' || d.state === 'partially_failed') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(d.state).toBe('completed');
    // Positions in base units: 100e6, 33.333333e6, 50e6, 7e6 → Σ 190.333333e6; pool 10.000001e6.
    const positions = [100_000_000n, 33_333_333n, 50_000_000n, 7_000_000n];
    const held = positions.reduce((x, y) => x + y, 0n);
    const expected = positions.map((p) => (10_000_001n * p) / held);
    const carry = 10_000_001n - expected.reduce((x, y) => x + y, 0n);
    expect(d.carryOut).toBe((Number(carry) / 1e6).toFixed(6).replace(/\.?0+$/, '') || '0');
    expect(d.chains.map((x: any) => [x.chain, x.holders, x.batchesRequested, x.batchesPosted])).toEqual([
      [MEM_CHAIN, 2, 1, 1],
      [STELLAR, 2, 1, 1],
    ]);
    for (const chain of [STELLAR, MEM_CHAIN]) {
      const driver = h.drivers.get(chain)!;
      const dep = deps.find((x) => x.chain === chain)!;
      expect(await driver.totalSupply({ chain: chain as never, details: dep.details as never })).toBe(
        await accountBalance(h.db, { fundId, code: supplyAccount(chain), commodity: 'units' }),
      );
    }
    const allocs = await ok('GET', `/v1/funds/${fundId}/distributions/${id}/allocations?limit=10`);
    expect(allocs.items).toHaveLength(4);

    // Cap table: Alice has two wallets on two chains; counts per fund and per chain.
    const page1 = await ok('GET', `/v1/funds/${fundId}/cap-table?limit=2`);
    expect(page1.counts.holders).toBe(3);
    expect(page1.counts.perChain.map((x: any) => [x.chain, x.holders])).toEqual([
      [MEM_CHAIN, 2],
      [STELLAR, 2],
    ]);
    const page2 = await ok('GET', `/v1/funds/${fundId}/cap-table?limit=2&cursor=${page1.nextCursor}`);
    const entries = [...page1.items, ...page2.items];
    expect(entries.map((e: any) => e.investorId).sort()).toEqual([a, b, c].sort());
    const alice = entries.find((e: any) => e.investorId === a);
    expect(alice.wallets.map((w: any) => w.chain).sort()).toEqual([MEM_CHAIN, STELLAR]);
    const aliceTotal = positions[0]! + expected[0]! + positions[2]! + expected[2]!;
    expect(alice.total).toBe((Number(aliceTotal) / 1e6).toString());
    expect(await ok('GET', `/v1/funds/${fundId}/holders/count`)).toEqual(page1.counts);

    // Reconciliation on demand, then read back by id.
    const recs = await ok('POST', `/v1/funds/${fundId}/reconciliations`, {});
    expect(recs.items.map((r: any) => r.status)).toEqual(['clean', 'clean']);
    const one = await ok('GET', `/v1/funds/${fundId}/reconciliations/${recs.items[0].id}`);
    expect(one).toEqual(recs.items[0]);
    expect((await h.call('GET', `/v1/funds/${fundId}/reconciliations/rec_unknown`)).status).toBe(404);
  }, 120_000);
});

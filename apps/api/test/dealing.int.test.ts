import { afterAll, beforeAll, expect, it } from 'vitest';
import { settleRedemptions } from '@fiscus/engine';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { CHAIN, startHarness, type Harness } from './support/harness.ts';
import { createFund, createInvestor, deployFund, registerWallet } from './support/seed.ts';

describeEachBackend('API: subscriptions and redemptions at NAV, the redemption queue, custody and cash', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  });
  afterAll(() => h?.close());

  it('USD in → units out at NAV, redemptions priced at NAV wait FIFO for daily liquidity, payouts confirmed', async () => {
    const fundId = await createFund(h, { nav: '1.25' }); // one base unit (6 decimals) = 1.25 µ$
    await deployFund(h, fundId);
    const investorId = await createInvestor(h);
    const address = await registerWallet(h, fundId, investorId);
    const holder = { investorId, chain: CHAIN, address };

    const byUsd = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, { body: { ...holder, usd: '100.000001' } });
    expect(byUsd.status).toBe(202);
    // 100.000001 / 1.25 = 80.0000008 units → 80 (round down); cost $100; $0.000001 recorded as remainder.
    expect(byUsd.body.subscription).toMatchObject({
      usdIn: '100.000001',
      units: '80',
      cost: '100',
      remainder: '0.000001',
      nav: '1.25',
      rounding: 'SUBSCRIPTION_UNITS_ROUND_DOWN',
      status: 'requested',
    });
    expect(byUsd.body.operation.body).toMatchObject({ kind: 'mint', units: '80' });
    expect(await h.settle(byUsd.body.operation.id)).toBe('posted');
    const byUnits = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, { body: { ...holder, units: '10.000001' } });
    // 10.000001 × 1.25 = 12.50000125 → $12.500002 (round up).
    expect(byUnits.body.subscription).toMatchObject({
      usdIn: '12.500002',
      units: '10.000001',
      cost: '12.500002',
      remainder: '0',
      rounding: 'SUBSCRIPTION_COST_ROUND_UP',
    });
    expect(await h.settle(byUnits.body.operation.id)).toBe('posted');
    const both = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, { body: { ...holder, units: '1', usd: '1' } });
    expect([both.status, both.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    expect((await h.call('GET', `/v1/funds/${fundId}/cash`)).body).toEqual({
      balances: [{ account: 'cash:subscriptions', balance: '112.500003' }],
      total: '112.500003',
    });

    const rules = await h.call('PUT', `/v1/funds/${fundId}/redemption-rules`, {
      body: { minRedemptionUsd: '5', dailyLiquidityUsd: '20', payoutAccount: 'subscriptions' },
    });
    expect(rules.status).toBe(200);
    const small = await h.call('POST', `/v1/funds/${fundId}/redemptions`, { body: { ...holder, units: '2' } });
    expect([small.status, small.body.code]).toEqual([422, 'BELOW_MINIMUM']);

    const first = await h.call('POST', `/v1/funds/${fundId}/redemptions`, { body: { ...holder, units: '8' } });
    expect(first.status).toBe(202);
    expect(first.body.redemption).toMatchObject({
      state: 'requested',
      usd: '10',
      nav: '1.25',
      units: '8',
      source: 'api',
      rounding: 'REDEMPTION_USD_ROUND_DOWN',
    });
    expect(await h.settle(first.body.operation.id)).toBe('posted');
    const second = await h.call('POST', `/v1/funds/${fundId}/redemptions`, { body: { ...holder, units: '12.000001' } });
    // 12.000001 × 1.25 = 15.00000125 → $15.000001 (round down).
    expect(second.body.redemption).toMatchObject({ usd: '15.000001' });
    expect(await h.settle(second.body.operation.id)).toBe('posted');

    const queued = await h.call('GET', `/v1/funds/${fundId}/redemptions?state=pending`);
    expect(queued.body.items.map((r: { usd: string; queuePosition: number }) => [r.usd, r.queuePosition])).toEqual([
      ['15.000001', 2],
      ['10', 1],
    ]);
    // $10 fits today's $20; $15.000001 more would not: it waits for tomorrow.
    await settleRedemptions(h.db, { now: new Date('2026-03-02T10:00:00Z') });
    const firstView = await h.call('GET', `/v1/funds/${fundId}/redemptions/${first.body.redemption.id}`);
    expect(firstView.body).toMatchObject({
      state: 'settled',
      payoutStatus: 'pending_payout',
      queuePosition: null,
      payout: { amount: '10', status: 'instructed', day: '2026-03-02', cashAccount: 'subscriptions' },
    });
    expect((await h.call('GET', `/v1/funds/${fundId}/redemptions/${second.body.redemption.id}`)).body).toMatchObject({
      state: 'pending',
      queuePosition: 1,
      payout: null,
    });

    const confirmPath = `/v1/funds/${fundId}/redemptions/${first.body.redemption.id}/payouts/${firstView.body.payout.id}/confirm`;
    const confirmed = await h.call('POST', confirmPath, { body: { reference: 'FED-0001' } });
    expect(confirmed.body).toMatchObject({ status: 'confirmed', reference: 'FED-0001' });
    expect((await h.call('POST', confirmPath, { body: { reference: 'FED-0002' } })).status).toBe(409);
    expect((await h.call('GET', `/v1/funds/${fundId}/redemptions/${first.body.redemption.id}`)).body.payoutStatus).toBe('paid');

    await settleRedemptions(h.db, { now: new Date('2026-03-03T10:00:00Z') });
    expect((await h.call('GET', `/v1/funds/${fundId}/redemptions/${second.body.redemption.id}`)).body).toMatchObject({
      state: 'settled',
      payout: { day: '2026-03-03' },
    });
    // 112.500003 in, 25.000001 paid out.
    expect((await h.call('GET', `/v1/funds/${fundId}/cash`)).body.total).toBe('87.500002');
  });

  it('custody: purchase, holdings at cost and face, maturity to cash; auditors read, never write', async () => {
    const fundId = await createFund(h);
    const dep = await h.call('POST', `/v1/funds/${fundId}/cash/movements`, {
      body: { account: 'operating', direction: 'deposit', amount: '1000', reference: 'FED-1' },
    });
    expect(dep.status).toBe(201);
    expect(
      (
        await h.call('POST', `/v1/funds/${fundId}/cash/movements`, {
          idem: 'other-key',
          body: { account: 'operating', direction: 'deposit', amount: '1000', reference: 'FED-1' },
        })
      ).status,
    ).toBe(200);
    const lotBody = {
      cusip: '037833100',
      custodian: 'bny',
      faceValue: '500',
      purchasePrice: '493.75',
      settlementDate: '2026-01-02',
      maturityDate: '2026-04-02',
    };
    const bad = await h.call('POST', `/v1/funds/${fundId}/custody/lots`, { body: { ...lotBody, cusip: '037833101' } });
    expect([bad.status, bad.body.code, bad.body.meta?.expectedCheckDigit]).toEqual([400, 'VALIDATION_FAILED', 0]);
    const lot = await h.call('POST', `/v1/funds/${fundId}/custody/lots`, { body: lotBody });
    expect(lot.status).toBe(201);
    expect(lot.body).toMatchObject({ status: 'held', cashAccount: 'operating', faceValue: '500', purchasePrice: '493.75' });

    const auditor = await h.keyFor('auditor');
    const holdings = await h.call('GET', `/v1/funds/${fundId}/custody/holdings`, { key: auditor });
    expect(holdings.body.totals).toEqual({ heldAtCost: '493.75', heldAtFace: '500' });
    expect(holdings.body.balances).toEqual([{ account: 'custody:bny', balance: '493.75' }]);
    expect((await h.call('POST', `/v1/funds/${fundId}/custody/lots`, { key: auditor, body: lotBody })).status).toBe(403);

    const early = await h.call('POST', `/v1/funds/${fundId}/custody/lots/${lot.body.id}/maturity`, { body: { asOf: '2026-04-01' } });
    expect([early.status, early.body.code]).toEqual([409, 'CONFLICT']);
    const matured = await h.call('POST', `/v1/funds/${fundId}/custody/lots/${lot.body.id}/maturity`, { body: { asOf: '2026-04-02' } });
    expect(matured.body.status).toBe('matured');
    expect((await h.call('GET', `/v1/funds/${fundId}/cash`, { key: auditor })).body.balances).toEqual([{ account: 'cash:operating', balance: '1006.25' }]);
  });
});

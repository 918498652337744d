import { afterAll, beforeAll, expect, it } from 'vitest';
import { settleRedemptions } from '@fiscus/engine';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { CHAIN, startHarness, type Harness } from './support/harness.ts';
import { createFund, createInvestor, deployFund, registerWallet, subscribe } from './support/seed.ts';

describeEachBackend('API: stablecoin liquidity, dev faucet, redemptions paid in USDC on their chain', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend, { devFaucet: true });
  });
  afterAll(() => h?.close());

  it('treasurer enables USDC on memchain, funds the treasury, and a redemption is paid in USDC read from the chain', async () => {
    const fundId = await createFund(h, { nav: '1' });
    await deployFund(h, fundId);
    const investorId = await createInvestor(h);
    const address = await registerWallet(h, fundId, investorId);
    await subscribe(h, fundId, investorId, address, '100');

    const enabled = await h.call('PUT', `/v1/funds/${fundId}/liquidity/${CHAIN}`, { body: {} });
    expect(enabled.status, enabled.text).toBe(200);
    expect(enabled.body).toMatchObject({ chain: CHAIN, booked: '0', alert: false, payoutsBlocked: false });
    // The stablecoin a wallet must hold (or trust) to pay and be paid there.
    expect(enabled.body.asset).toEqual({ family: 'evm', id: `${CHAIN}/usdc`, decimals: 6, symbol: 'USDC' });
    expect(enabled.body.treasuryAddress).toMatch(/^treasury:/);

    // The faucet exists on local networks only.
    const refused = await h.call('POST', '/v1/dev/faucet', { body: { chain: 'stellar:testnet', address: 'GA', usd: '1' } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const tap = await h.call('POST', '/v1/dev/faucet', { body: { chain: CHAIN, fundId, usd: '50' } });
    expect(tap.status, tap.text).toBe(200);
    expect(h.devnet.usdc.balanceOf(enabled.body.treasuryAddress)).toBe(50_000_000n);

    const moved = await h.call('POST', `/v1/funds/${fundId}/liquidity/moves`, {
      body: { toChain: CHAIN, fromCashAccount: 'subscriptions', usd: '50', reference: 'usdc-mint-1' },
    });
    expect(moved.status, moved.text).toBe(201);
    const clean = await h.call('POST', `/v1/funds/${fundId}/liquidity/${CHAIN}/reconciliations`);
    expect(clean.status, clean.text).toBe(201);
    expect(clean.body).toMatchObject({ result: 'clean', onChainUsd: '50', ledgerUsd: '50' });

    const red = await h.call('POST', `/v1/funds/${fundId}/redemptions`, { body: { investorId, chain: CHAIN, address, units: '10' } });
    expect(red.status, red.text).toBe(202);
    expect(red.body.redemption).toMatchObject({ payoutChain: CHAIN });
    expect(await h.settle(red.body.operation.id)).toBe('posted');
    await settleRedemptions(h.db, { fundId });
    const settled = await h.call('GET', `/v1/funds/${fundId}/redemptions/${red.body.redemption.id}`);
    expect(settled.body.payout).toMatchObject({ status: 'sending', chain: CHAIN, amount: '10' });
    expect(await h.settle(settled.body.payout.operationId)).toBe('posted');
    const paid = await h.call('GET', `/v1/funds/${fundId}/redemptions/${red.body.redemption.id}`);
    expect(paid.body).toMatchObject({ payoutStatus: 'paid', payout: { status: 'paid' } });
    expect(h.devnet.usdc.balanceOf(address)).toBe(10_000_000n);

    const liquidity = await h.call('GET', `/v1/funds/${fundId}/liquidity`);
    expect(liquidity.body.items).toEqual([
      expect.objectContaining({ chain: CHAIN, asset: enabled.body.asset, booked: '40', available: '40', queued: '0', alert: false }),
    ]);
    // A bank confirmation cannot touch a stablecoin payout.
    const confirm = await h.call('POST', `/v1/funds/${fundId}/redemptions/${red.body.redemption.id}/payouts/${paid.body.payout.id}/confirm`, {
      body: { reference: 'X' },
    });
    expect(confirm.status).toBe(409);
    const retry = await h.call('POST', `/v1/funds/${fundId}/payouts/${paid.body.payout.id}/retry`, { body: {} });
    expect(retry.status).toBe(409);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChainId } from '@fiscus/core';
import { getDeployment } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { CHAIN, startHarness, type Harness } from './support/harness.ts';
import { createFund, createInvestor, deployFund, registerWallet, subscribe } from './support/seed.ts';

/** A KYC that lapses reaches the chain: the investor's authorized wallets are deauthorized there. */
describeEachBackend('KYC changes deauthorize wallets on chain', (backend) => {
  let h: Harness;
  let fundId: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    fundId = await createFund(h);
    await deployFund(h, fundId);
  });
  afterAll(() => h?.close());

  const onChain = async (address: string) => {
    const d = (await getDeployment(h.db, { fundId, chain: CHAIN }))!;
    return h.drivers.get(CHAIN)!.isAuthorized({ chain: CHAIN as ChainId, details: d.details! }, address);
  };
  const standing = async (investorId: string) => (await h.call('GET', `/v1/investors/${investorId}/wallets`)).body.items[0].funds[0].status;
  const kyc = (investorId: string, body: { kycStatus: string; kycExpiresAt: string | null }) => h.call('PATCH', `/v1/investors/${investorId}/kyc`, { body });

  it('revoked KYC: deauthorize posted, wallet unauthorized on chain, later subscriptions refused', async () => {
    const investorId = await createInvestor(h);
    const address = await registerWallet(h, fundId, investorId);
    await subscribe(h, fundId, investorId, address, '100');
    expect(await onChain(address)).toBe(true);

    const r = await kyc(investorId, { kycStatus: 'revoked', kycExpiresAt: null });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ id: investorId, kycStatus: 'revoked' });
    expect(r.body.operations).toEqual([
      expect.objectContaining({ kind: 'deauthorize', fundId, chain: CHAIN, state: 'approved', body: { kind: 'deauthorize', address } }),
    ]);
    // Until the operation posts the wallet is still authorized: the policy's KYC rule refuses the mint.
    const early = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, { body: { investorId, chain: CHAIN, address, units: '1' } });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'POLICY_DENIED', meta: { rule: 'kyc_required' } });

    expect(await h.settle(r.body.operations[0].id)).toBe('posted');
    expect(await onChain(address)).toBe(false);
    expect(await standing(investorId)).toBe('deauthorized');
    const late = await h.call('POST', `/v1/funds/${fundId}/subscriptions`, { body: { investorId, chain: CHAIN, address, units: '1' } });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('NOT_AUTHORIZED_ON_CHAIN');
    // Nothing left to withdraw: a further lapse requests nothing.
    expect((await kyc(investorId, { kycStatus: 'rejected', kycExpiresAt: null })).body.operations).toEqual([]);
  });

  it('an expiry in the past deauthorizes once, even when the KYC is patched again meanwhile', async () => {
    const investorId = await createInvestor(h);
    const address = await registerWallet(h, fundId, investorId);
    const r = await kyc(investorId, { kycStatus: 'verified', kycExpiresAt: '2020-01-01T00:00:00Z' });
    expect(r.body.operations).toHaveLength(1);
    // The first deauthorize is still in flight: a second lapse must not sign another one.
    expect((await kyc(investorId, { kycStatus: 'revoked', kycExpiresAt: null })).body.operations).toEqual([]);
    expect(await h.settle(r.body.operations[0].id)).toBe('posted');
    expect(await onChain(address)).toBe(false);
    const ops = await h.call('GET', `/v1/operations?fundId=${fundId}&kind=deauthorize`);
    expect(ops.body.items.filter((o: any) => o.body.address === address)).toHaveLength(1);
  });

  it('a KYC that still holds requests nothing and leaves the wallet authorized', async () => {
    const investorId = await createInvestor(h);
    const address = await registerWallet(h, fundId, investorId);
    const r = await kyc(investorId, { kycStatus: 'verified', kycExpiresAt: '2999-01-01T00:00:00Z' });
    expect(r.status).toBe(200);
    expect(r.body.operations).toEqual([]);
    expect(await onChain(address)).toBe(true);
    expect(await standing(investorId)).toBe('authorized');
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { CHAIN, startHarness, type Harness } from './support/harness.ts';
import { seedWorld, type World } from './support/seed.ts';

describeEachBackend('freeze, unfreeze and forced transfer', (backend) => {
  let h: Harness;
  let w: World;
  let compliance: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    w = await seedWorld(h);
    compliance = await h.keyFor('compliance');
  });
  afterAll(() => h?.close());

  const run = async (path: string, body: unknown) => {
    const r = await h.call('POST', `/v1/funds/${w.fundId}/${path}`, { key: compliance, body });
    expect(r.status, r.text).toBe(202);
    expect(await h.settle(r.body.operation.id)).toBe('posted');
  };
  const standing = async (investorId: string) => (await h.call('GET', `/v1/investors/${investorId}/wallets`)).body.items[0].funds[0];
  const holder = () => ({ investorId: w.investorId, chain: CHAIN, address: w.address });

  it('a frozen wallet can neither receive nor redeem until unfrozen', async () => {
    await run('freezes', { chain: CHAIN, address: w.address });
    expect((await standing(w.investorId)).status).toBe('frozen');
    const mint = await h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { body: { ...holder(), units: '1' } });
    expect(mint.body.code).toBe('FROZEN');
    const burn = await h.call('POST', `/v1/funds/${w.fundId}/redemptions`, { body: { ...holder(), units: '1' } });
    expect(burn.body.code).toBe('FROZEN');
    const twice = await h.call('POST', `/v1/funds/${w.fundId}/freezes`, { key: compliance, body: { chain: CHAIN, address: w.address } });
    expect(twice.status).toBe(409);
    await run('unfreezes', { chain: CHAIN, address: w.address });
    expect((await standing(w.investorId)).status).toBe('authorized');
  });

  it('partial freezes reduce what can be redeemed', async () => {
    await run('freezes', { chain: CHAIN, address: w.address, units: '900' });
    expect((await standing(w.investorId)).frozenUnits).toBe('900');
    const tooMuch = await h.call('POST', `/v1/funds/${w.fundId}/redemptions`, { body: { ...holder(), units: '100.000001' } });
    expect(tooMuch.body).toMatchObject({ code: 'INSUFFICIENT_BALANCE', meta: { available: '100' } });
    const overUnfreeze = await h.call('POST', `/v1/funds/${w.fundId}/unfreezes`, { key: compliance, body: { chain: CHAIN, address: w.address, units: '901' } });
    expect(overUnfreeze.status).toBe(422);
    await run('unfreezes', { chain: CHAIN, address: w.address, units: '900' });
  });

  it('two redemptions cannot spend the same units before the first posts', async () => {
    const first = await h.call('POST', `/v1/funds/${w.fundId}/redemptions`, { body: { ...holder(), units: '600' } });
    expect(first.status).toBe(202);
    const second = await h.call('POST', `/v1/funds/${w.fundId}/redemptions`, { body: { ...holder(), units: '600' } });
    expect(second.body.code).toBe('INSUFFICIENT_BALANCE');
    await h.settle(first.body.operation.id);
  });

  it('a forced transfer moves units between registered wallets without changing supply', async () => {
    const before = (await h.call('GET', `/v1/funds/${w.fundId}/supply`)).body;
    await run('forced-transfers', { chain: CHAIN, from: w.otherAddress, to: w.address, units: '250' });
    expect((await standing(w.otherInvestorId)).units).toBe('750');
    expect((await standing(w.investorId)).units).toBe('650');
    const after = (await h.call('GET', `/v1/funds/${w.fundId}/supply`)).body;
    expect(after.unitsOutstanding).toBe(before.unitsOutstanding);
    expect(after.chains[0]).toMatchObject({ inSync: true });
    const unknownReceiver = await h.call('POST', `/v1/funds/${w.fundId}/forced-transfers`, {
      key: compliance,
      body: { chain: CHAIN, from: w.address, to: h.newAddress(), units: '1' },
    });
    expect(unknownReceiver.status).toBe(404);
    const self = await h.call('POST', `/v1/funds/${w.fundId}/forced-transfers`, {
      key: compliance,
      body: { chain: CHAIN, from: w.address, to: w.address, units: '1' },
    });
    expect(self.status).toBe(400);
  });

  it('refuses a subscription the policy forbids, naming the rule', async () => {
    const policy = await h.call('PUT', `/v1/funds/${w.fundId}/policy`, { body: { maxHolding: '1000' } });
    expect(policy.status).toBe(200);
    const r = await h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { body: { ...holder(), units: '500' } });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: 'POLICY_DENIED', meta: { rule: 'max_holding' } });
  });
});

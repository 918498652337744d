import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { startHarness, type Harness } from './support/harness.ts';
import { createFund, deployFund, type World, seedWorld } from './support/seed.ts';

/**
 * An investor key reads the redemption rules of the funds it holds a wallet in (the terms it
 * redeems under) — not of every fund: investors cannot list funds, so another fund's rules
 * (and whether it exists) are none of its business.
 */
describeEachBackend('redemption rules: an investor key sees only its own funds', (backend) => {
  let h: Harness;
  let w: World;
  let otherFund: string;
  let investorKey: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    w = await seedWorld(h);
    otherFund = await createFund(h, { name: 'Other fund', symbol: 'OTH' });
    await deployFund(h, otherFund);
    investorKey = await h.keyFor('investor', w.investorId);
  }, 60_000);
  afterAll(() => h?.close());

  it('its own fund: 200', async () => {
    const r = await h.call('GET', `/v1/funds/${w.fundId}/redemption-rules`, { key: investorKey });
    expect(r.status, r.text).toBe(200);
  });

  it('a fund it holds no wallet in: 403, the same as a fund that does not exist', async () => {
    const other = await h.call('GET', `/v1/funds/${otherFund}/redemption-rules`, { key: investorKey });
    expect(other.status, other.text).toBe(403);
    expect(other.body.code).toBe('FORBIDDEN');
    const missing = await h.call('GET', '/v1/funds/fund_missing/redemption-rules', { key: investorKey });
    expect(missing.status, missing.text).toBe(403);
  });

  it('other roles are not scoped', async () => {
    const r = await h.call('GET', `/v1/funds/${otherFund}/redemption-rules`, { key: await h.keyFor('auditor') });
    expect(r.status, r.text).toBe(200);
  });
});

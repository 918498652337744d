import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { CHAIN, startHarness, type Harness } from './support/harness.ts';
import { createInvestor, registerWallet, seedWorld, type World } from './support/seed.ts';
import { isProblem } from './support/http.ts';

describeEachBackend('idempotency', (backend) => {
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    h = await startHarness(backend);
    w = await seedWorld(h);
  });
  afterAll(() => h?.close());

  const mints = async () =>
    h.db
      .select()
      .from(schema.operations)
      .where(and(eq(schema.operations.fundId, w.fundId), eq(schema.operations.kind, 'mint')));

  it('50 concurrent POSTs with one key make exactly one operation and all get the same body', async () => {
    const before = (await mints()).length;
    const body = { investorId: w.investorId, chain: CHAIN, address: w.address, units: '7' };
    const results = await Promise.all(Array.from({ length: 50 }, () => h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { idem: 'concurrent-1', body })));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(202));
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
    expect((await mints()).length).toBe(before + 1);
  });

  it('a replay after the fact returns the first response', async () => {
    const body = { investorId: w.investorId, chain: CHAIN, address: w.address, units: '1' };
    const first = await h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { idem: 'later-1', body });
    await h.settle(first.body.operation.id);
    const again = await h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { idem: 'later-1', body });
    expect(again.status).toBe(202);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('the same key with a different body or path is 409 IDEMPOTENCY_MISMATCH', async () => {
    const body = { investorId: w.investorId, chain: CHAIN, address: w.address, units: '2' };
    expect((await h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { idem: 'mismatch-1', body })).status).toBe(202);
    const otherBody = await h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { idem: 'mismatch-1', body: { ...body, units: '3' } });
    expect(otherBody.status).toBe(409);
    expect(otherBody.body.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(isProblem(otherBody)).toBe(true);
    const otherPath = await h.call('POST', `/v1/funds/${w.fundId}/redemptions`, { idem: 'mismatch-1', body });
    expect(otherPath.body.code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('concurrent requests with one key and different bodies: one wins, the others are 409', async () => {
    const results = await Promise.all(
      ['4', '5', '6'].map((units) =>
        h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { idem: 'race-2', body: { investorId: w.investorId, chain: CHAIN, address: w.address, units } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([202, 409, 409]);
  });

  it('a failed request is not stored: the same key may be retried once the cause is fixed', async () => {
    const investorId = await createInvestor(h, { kycStatus: 'pending' });
    const address = h.newAddress();
    const body = { investorId, chain: CHAIN, address };
    const refused = await h.call('POST', `/v1/funds/${w.fundId}/wallets`, { idem: 'retry-1', body });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('POLICY_DENIED');
    const kyc = await h.call('PATCH', `/v1/investors/${investorId}/kyc`, { body: { kycStatus: 'verified', kycExpiresAt: null } });
    expect(kyc.status).toBe(200);
    const retried = await h.call('POST', `/v1/funds/${w.fundId}/wallets`, { idem: 'retry-1', body });
    expect(retried.status).toBe(202);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keys are scoped per API key, and required on every mutation', async () => {
    const treasurer = await h.keyFor('treasurer');
    const body = { investorId: w.investorId, chain: CHAIN, address: w.address, units: '1' };
    const a = await h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { idem: 'shared-key', body });
    const b = await h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { key: treasurer, idem: 'shared-key', body });
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(b.body.operation.id).not.toBe(a.body.operation.id);

    const missing = await h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { idem: false, body });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const tooLong = await h.call('POST', `/v1/funds/${w.fundId}/subscriptions`, { idem: 'x'.repeat(256), body });
    expect(tooLong.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('a created API key replays without its secret, which never rests in the database (only one key is made)', async () => {
    const first = await h.call('POST', '/v1/api-keys', { idem: 'key-1', body: { role: 'auditor', label: 'ext' } });
    const again = await h.call('POST', '/v1/api-keys', { idem: 'key-1', body: { role: 'auditor', label: 'ext' } });
    expect(first.body.key).toMatch(/^fsk_/);
    expect(again.status).toBe(201);
    expect(again.body.apiKey.id).toBe(first.body.apiKey.id);
    expect(again.body.key).toBeNull();
    const list = await h.call('GET', '/v1/api-keys');
    expect(list.body.items.filter((k: any) => k.label === 'ext')).toHaveLength(1);
    const secret = first.body.key.split('_').at(-1);
    expect(list.text).not.toContain(secret);
    const stored = await h.db.select().from(schema.idempotencyKeys);
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('registers an already registered wallet with a new key as 409', async () => {
    const investorId = await createInvestor(h);
    const address = await registerWallet(h, w.fundId, investorId);
    const again = await h.call('POST', `/v1/funds/${w.fundId}/wallets`, { body: { investorId, chain: CHAIN, address } });
    expect(again.status).toBe(409);
    const stolen = await h.call('POST', `/v1/funds/${w.fundId}/wallets`, { body: { investorId: w.investorId, chain: CHAIN, address } });
    expect(stolen.status).toBe(409);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEFAULT_POLICY, DriverRegistry, newId, policyToJson } from '@fiscus/core';
import { schema } from '@fiscus/ledger';
import { createTestDb, describeEachBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { advanceDistributions, cancelDistribution, requestDistribution } from '../src/index.ts';

/**
 * A distribution that can never be planned fails once, with a clear public reason, instead of
 * staying pending and being retried every round with the database's raw text on display; one
 * not yet planned can be cancelled. No chain is needed: planning fails before any batch.
 */
describeEachBackend('distribution planning errors and cancellation', (backend) => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb(backend);
  });
  afterAll(() => handle?.cleanup());
  const db = () => handle.db;
  const drivers = new DriverRegistry();

  /** A fund (decimals 6) with one holder of `position` base units on a chain no driver serves. */
  async function fund(position: bigint) {
    const fundId = newId('fund');
    await db()
      .insert(schema.funds)
      .values({ id: fundId, name: 'F', symbol: 'F', decimals: 6, policy: policyToJson({ ...DEFAULT_POLICY, kycRequired: false }) });
    const investorId = newId('inv');
    await db()
      .insert(schema.investors)
      .values({ id: investorId, legalName: 'I', jurisdiction: 'US', jurisdictionNumeric: 840, investorType: 'institutional', kycStatus: 'verified' });
    const walletId = newId('wal');
    await db()
      .insert(schema.wallets)
      .values({ id: walletId, investorId, chain: 'memory:none', address: `0x${walletId.slice(-8)}` });
    await db().insert(schema.fundWallets).values({ fundId, walletId, status: 'authorized', units: position });
    return fundId;
  }
  const row = async (id: string) => (await db().select().from(schema.distributions).where(eq(schema.distributions.id, id)))[0]!;
  const audit = async (id: string) => (await db().select().from(schema.auditLog).where(eq(schema.auditLog.subject, id))).map((a) => a.action);

  it('a rate whose units exceed the fund’s maximum fails the distribution once, with AMOUNT_OUT_OF_RANGE and no SQL', async () => {
    // 9.2 × 10^17 base units held × rate 9 ≫ maxUnits(6) ≈ 9.22 × 10^17: the allocation would overflow int8.
    const fundId = await fund(900_000_000_000_000_000n);
    const d = await requestDistribution(db(), { fundId, recordTime: new Date(0), ratePerUnit: '9', requestedBy: 'test' });
    await advanceDistributions(db(), drivers);
    const failed = await row(d.id);
    expect(failed.state).toBe('failed');
    expect(failed.lastError?.code).toBe('AMOUNT_OUT_OF_RANGE');
    expect(failed.lastError?.message).not.toMatch(/insert|select|params|\$1/i);
    expect(failed.completedAt).not.toBeNull();
    // Not retried: a second round leaves it (and its error) alone; the failure is audited once.
    const before = failed.updatedAt;
    await advanceDistributions(db(), drivers);
    expect((await row(d.id)).updatedAt).toEqual(before);
    expect(await audit(d.id)).toEqual(['distribution.requested', 'distribution.failed']);
    expect(await db().select().from(schema.distributionAllocations).where(eq(schema.distributionAllocations.distributionId, d.id))).toEqual([]);
  });

  it('a rate stored before it was bounded (out of range, leading space) fails with its parse error, not the database’s', async () => {
    const fundId = await fund(1_000_000n);
    for (const [rate, code] of [
      ['9223372036854775808', 'AMOUNT_OUT_OF_RANGE'],
      [' 1', 'INVALID_AMOUNT'],
    ] as const) {
      const id = newId('dist');
      await db()
        .insert(schema.distributions)
        .values({ id, fundId, recordTime: new Date(0), ratePerUnit: rate, state: 'pending', requestedBy: 'old' });
      await advanceDistributions(db(), drivers);
      expect((await row(id)).state).toBe('failed');
      expect((await row(id)).lastError).toMatchObject({ code, message: expect.stringMatching(/^ratePerUnit: /) });
    }
  });

  it('an error that may pass later keeps it pending, showing the public reason only', async () => {
    // The holder's chain has no driver: planning cannot batch it (yet); a driver may be configured.
    const fundId = await fund(1_000_000n);
    const d = await requestDistribution(db(), { fundId, recordTime: new Date(0), units: 10n, requestedBy: 'test' });
    await advanceDistributions(db(), drivers);
    expect(await row(d.id)).toMatchObject({ state: 'pending', lastError: { code: 'CHAIN_NOT_CONFIGURED' } });
  });

  it('requestDistribution bounds and parses the rate like every amount', async () => {
    const fundId = await fund(1n);
    for (const [rate, code] of [
      ['9223372036854775808', 'AMOUNT_OUT_OF_RANGE'],
      [' 1', 'INVALID_AMOUNT'],
      ['0', 'INVALID_AMOUNT'],
      ['1e3', 'INVALID_AMOUNT'],
    ] as const) {
      await expect(requestDistribution(db(), { fundId, recordTime: new Date(), ratePerUnit: rate, requestedBy: 't' })).rejects.toMatchObject({ code });
    }
  });

  it('a pending distribution is cancelled (idempotent, audited once) and never planned; a planned one is not', async () => {
    const fundId = await fund(1_000_000n);
    const d = await requestDistribution(db(), { fundId, recordTime: new Date(0), units: 10n, requestedBy: 'test' });
    const cancelled = await cancelDistribution(db(), { fundId, id: d.id, by: 'key_1' });
    expect(cancelled.state).toBe('cancelled');
    expect((await cancelDistribution(db(), { fundId, id: d.id, by: 'key_1' })).state).toBe('cancelled');
    expect(await audit(d.id)).toEqual(['distribution.requested', 'distribution.cancelled']);
    await advanceDistributions(db(), drivers);
    expect((await row(d.id)).state).toBe('cancelled');

    await expect(cancelDistribution(db(), { fundId: 'fund_other', id: d.id, by: 'k' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const minting = newId('dist');
    await db()
      .insert(schema.distributions)
      .values({ id: minting, fundId, recordTime: new Date(0), requestedUnits: 1n, state: 'minting', requestedBy: 't' });
    await expect(cancelDistribution(db(), { fundId, id: minting, by: 'k' })).rejects.toMatchObject({ code: 'CONFLICT', meta: { state: 'minting' } });
  });
});

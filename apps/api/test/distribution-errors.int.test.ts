import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { newId } from '@fiscus/core';
import { schema } from '@fiscus/ledger';
import { describeEachBackend } from '@fiscus/ledger/testing';
import { startHarness, type Harness } from './support/harness.ts';

/** What the database said when a rate overflowed the allocation insert (the text that leaked). */
const RAW_SQL = 'Failed query: insert into "distribution_allocations" ("distribution_id", "units") values ($1, $2)\nparams: dist_1,92233720368547758080';

describeEachBackend('distributions: bounded rates, cancellation, no internal text', (backend) => {
  let h: Harness;
  let fundId: string;
  beforeAll(async () => {
    h = await startHarness(backend);
    const fund = await h.call('POST', '/v1/funds', { body: { name: 'Yield Fund', symbol: 'YLD', decimals: 6 } });
    expect(fund.status, fund.text).toBe(201);
    fundId = fund.body.id;
  });
  afterAll(() => h?.close());
  const later = () => new Date(Date.now() + 86_400_000).toISOString();
  const create = (body: Record<string, unknown>) => h.call('POST', `/v1/funds/${fundId}/distributions`, { body: { recordTime: later(), ...body } });

  it('ratePerUnit follows the amount grammar and bound: out of range and leading spaces are 400 naming the field', async () => {
    for (const [rate, code] of [
      ['9223372036854775808', 'AMOUNT_OUT_OF_RANGE'],
      ['9.223372036854775808', 'AMOUNT_OUT_OF_RANGE'],
      [' 1', 'INVALID_AMOUNT'],
      ['1 ', 'INVALID_AMOUNT'],
      ['0', 'INVALID_AMOUNT'],
      ['0.0000000000000000001', 'TOO_MANY_DECIMALS'],
    ] as const) {
      const r = await create({ ratePerUnit: rate });
      expect([rate, r.status, r.body.code, r.body.meta?.field]).toEqual([rate, 400, code, 'ratePerUnit']);
    }
    expect((await create({ ratePerUnit: '9.223372036854775807' })).status).toBe(202);
  });

  it('cancels a pending distribution: 200, idempotent, audited once, role-gated; 404 unknown; 409 once planned', async () => {
    const d = await create({ units: '10' });
    expect(d.status, d.text).toBe(202);
    const path = `/v1/funds/${fundId}/distributions/${d.body.distribution.id}/cancel`;
    const auditor = await h.keyFor('auditor');
    expect((await h.call('POST', path, { key: auditor })).status).toBe(403);
    const first = await h.call('POST', path);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ id: d.body.distribution.id, state: 'cancelled' });
    const again = await h.call('POST', path);
    expect([again.status, again.body.state]).toEqual([200, 'cancelled']);
    expect((await h.call('GET', `/v1/funds/${fundId}/distributions/${d.body.distribution.id}`)).body.state).toBe('cancelled');
    const audit = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.subject, d.body.distribution.id));
    expect(audit.filter((a) => a.action === 'distribution.cancelled')).toHaveLength(1);

    expect((await h.call('POST', `/v1/funds/${fundId}/distributions/dist_unknown/cancel`)).status).toBe(404);
    const minting = newId('dist');
    await h.db.insert(schema.distributions).values({ id: minting, fundId, recordTime: new Date(), requestedUnits: 1n, state: 'minting', requestedBy: 'test' });
    const refused = await h.call('POST', `/v1/funds/${fundId}/distributions/${minting}/cancel`);
    expect([refused.status, refused.body.code, refused.body.meta?.state]).toEqual([409, 'CONFLICT', 'minting']);
  });

  it('an internal error stored on a distribution or an operation is shown as INTERNAL with a generic message', async () => {
    const id = newId('dist');
    await h.db.insert(schema.distributions).values({
      id,
      fundId,
      recordTime: new Date(),
      ratePerUnit: '1',
      state: 'pending',
      requestedBy: 'test',
      lastError: { code: 'INTERNAL', message: RAW_SQL },
    });
    const d = await h.call('GET', `/v1/funds/${fundId}/distributions/${id}`);
    expect(d.body.lastError).toEqual({ code: 'INTERNAL', message: expect.not.stringMatching(/insert|params|\$1/) });
    expect(d.text).not.toContain('distribution_allocations');

    const dep = await h.call('POST', `/v1/funds/${fundId}/deployments`, { body: { chain: 'memory:devnet' } });
    const opId = dep.body.operation.id as string;
    await h.db
      .update(schema.operations)
      .set({ lastError: { code: 'INTERNAL', message: RAW_SQL } })
      .where(eq(schema.operations.id, opId));
    const op = await h.call('GET', `/v1/operations/${opId}`);
    expect(op.body.lastError).toEqual({ code: 'INTERNAL', message: expect.not.stringMatching(/insert|params/) });
  });
});

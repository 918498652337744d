import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEFAULT_POLICY, INTERNAL_ERROR_MESSAGE, newId, policyToJson } from '@fiscus/core';
import { schema } from '@fiscus/ledger';
import { createTestDb, describeEachBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { requestOperation } from '../src/request.ts';
import { touch, transition } from '../src/transition.ts';

/** What a database error says (the text that reached GET …/distributions/:id before). */
const RAW = 'Failed query: insert into "distribution_allocations" ("units") values ($1)\nparams: 92233720368547758080';

/**
 * Every write of an operation's lastError and event detail goes through transition/touch: an
 * INTERNAL error's raw text is replaced there, so no step (present or future) can store it for
 * the API to show. Coded errors keep their message.
 */
describeEachBackend('operation errors are stored in their public form', (backend) => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb(backend);
  });
  afterAll(() => handle?.cleanup());

  it('lastError and the event detail of an INTERNAL error never keep its text', async () => {
    const db = handle.db;
    const fundId = newId('fund');
    await db.insert(schema.funds).values({ id: fundId, name: 'F', symbol: 'F', decimals: 6, policy: policyToJson(DEFAULT_POLICY) });
    const op = await requestOperation(db, { fundId, chain: 'memory:x', body: { kind: 'mint', to: '0x01', units: 1n }, requestedBy: 't' });
    const touched = await touch(db, op, { lastError: { code: 'INTERNAL', message: RAW } });
    expect(touched?.lastError).toEqual({ code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE });
    const failed = await transition(db, {
      op: touched!,
      to: 'failed',
      patch: { lastError: { code: 'INTERNAL', message: RAW } },
      detail: { code: 'INTERNAL', message: RAW },
    });
    expect(failed?.lastError).toEqual({ code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE });
    const events = await db.select().from(schema.operationEvents).where(eq(schema.operationEvents.operationId, op.id));
    expect(JSON.stringify(events.map((e) => e.detail))).not.toContain('distribution_allocations');

    const coded = await requestOperation(db, { fundId, chain: 'memory:x', body: { kind: 'mint', to: '0x01', units: 1n }, requestedBy: 't' });
    expect((await touch(db, coded, { lastError: { code: 'CHAIN_UNAVAILABLE', message: 'node unreachable' } }))?.lastError).toEqual({
      code: 'CHAIN_UNAVAILABLE',
      message: 'node unreachable',
    });
  });
});

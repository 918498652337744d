import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEFAULT_POLICY, newId, policyToJson } from '@fiscus/core';
import { listen, schema } from '@fiscus/ledger';
import { createTestDb, describeEachBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { requestOperation } from '../src/request.ts';
import { transition } from '../src/transition.ts';
import { WORK_CHANNEL } from '../src/wakeup.ts';

/**
 * A transition is one statement (the compare-and-set UPDATE and its history row): the history
 * row exists exactly when the move matched, and a move to a terminal state releases the lease in
 * the same write (the worker sends no release after it).
 */
describeEachBackend('transition: one statement for the move and its history', (backend) => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb(backend);
  });
  afterAll(() => handle?.cleanup());

  const events = (operationId: string) =>
    handle.db.select().from(schema.operationEvents).where(eq(schema.operationEvents.operationId, operationId)).orderBy(schema.operationEvents.id);

  it('writes the history row with the move, none when the row had moved, and frees the lease on a terminal state', async () => {
    const db = handle.db;
    const fundId = newId('fund');
    await db.insert(schema.funds).values({ id: fundId, name: 'F', symbol: 'F', decimals: 6, policy: policyToJson(DEFAULT_POLICY) });
    const op = await requestOperation(db, { fundId, chain: 'memory:x', body: { kind: 'mint', to: '0x01', units: 1n }, requestedBy: 't' });
    await db
      .update(schema.operations)
      .set({ leaseOwner: 'w1', leaseUntil: new Date(Date.now() + 60_000) })
      .where(eq(schema.operations.id, op.id));
    const leased = { ...op, leaseOwner: 'w1' };

    const prepared = await transition(db, { op: leased, to: 'prepared', detail: { txHash: '0xaa' }, leaseOwner: 'w1' });
    expect(prepared).toMatchObject({ state: 'prepared', leaseOwner: 'w1' });
    expect(prepared?.nextAttemptAt).toBeInstanceOf(Date);

    // Another worker's view (the state it read has moved on): nothing moves, nothing is recorded.
    expect(await transition(db, { op: leased, to: 'failed', leaseOwner: 'w1' })).toBeUndefined();
    // Not this worker's lease: the same.
    expect(await transition(db, { op: prepared!, to: 'submitted', leaseOwner: 'w2' })).toBeUndefined();

    const failed = await transition(db, { op: prepared!, to: 'failed', detail: { code: 'TX_FAILED', message: 'reverted' }, leaseOwner: 'w1' });
    expect(failed).toMatchObject({ state: 'failed', leaseOwner: null, leaseUntil: null });

    const history = await events(op.id);
    expect(history.map((e) => [e.fromState, e.toState])).toEqual([
      [null, 'approved'],
      ['approved', 'prepared'],
      ['prepared', 'failed'],
    ]);
    expect(history[1]!.detail).toEqual({ txHash: '0xaa', worker: 'w1' });
    expect(history[2]!.detail).toEqual({ code: 'TX_FAILED', message: 'reverted', worker: 'w1' });
  });

  it("wakes the signer's next sequence in the same statement when asked, and signals the workers", async () => {
    const db = handle.db;
    const fundId = newId('fund');
    await db.insert(schema.funds).values({ id: fundId, name: 'F', symbol: 'F', decimals: 6, policy: policyToJson(DEFAULT_POLICY) });
    const chain = `memory:${fundId}` as const;
    const later = new Date(Date.now() + 60_000);
    const hold = async (sequence: bigint, state: 'prepared' | 'submitted', signer = 'G-SIGNER') => {
      const op = await requestOperation(db, { fundId, chain, body: { kind: 'mint', to: '0x01', units: 1n }, requestedBy: 't' });
      const [row] = await db
        .update(schema.operations)
        .set({ state, signer, sequence, txHash: `0x${sequence}`, leaseOwner: 'w1', leaseUntil: later, nextAttemptAt: later })
        .where(eq(schema.operations.id, op.id))
        .returning();
      return row!;
    };
    const dueAt = async (id: string) => (await db.select().from(schema.operations).where(eq(schema.operations.id, id)))[0]!.nextAttemptAt;
    const first = await hold(5n, 'prepared');
    const waiting = await hold(6n, 'prepared');
    const afterNext = await hold(7n, 'prepared');
    const otherSigner = await hold(6n, 'prepared', 'G-OTHER');
    const signals: string[] = [];
    const unlisten = await listen(db, WORK_CHANNEL, (payload) => signals.push(payload));
    try {
      // Without asking: the next sequence keeps waiting, nobody is signalled.
      const submitted = await transition(db, { op: first, to: 'submitted', leaseOwner: 'w1' });
      expect(await dueAt(waiting.id)).toEqual(later);
      // Asked: only the operation holding sequence 6 of this signer is due now.
      await transition(db, { op: submitted!, to: 'confirmed', leaseOwner: 'w1', wakeNext: true });
      expect((await dueAt(waiting.id)).getTime()).toBeLessThanOrEqual(Date.now());
      expect(await dueAt(afterNext.id)).toEqual(later);
      expect(await dueAt(otherSigner.id)).toEqual(later);
      await expect.poll(() => signals).toEqual([chain]);
      // Nothing waits behind 7: the move is made, no signal sent.
      await transition(db, { op: afterNext, to: 'submitted', leaseOwner: 'w1', wakeNext: true });
      await new Promise((r) => setTimeout(r, 100));
      expect(signals).toEqual([chain]);
    } finally {
      await unlisten();
    }
  });
});

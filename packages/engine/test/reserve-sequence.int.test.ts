import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DEFAULT_POLICY, newId, policyToJson } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { createTestDb, describeEachBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { requestOperation } from '../src/request.ts';
import { reserveNextSequence } from '../src/sequences.ts';

const { operations, signerSequences } = schema;

/**
 * The one-statement reservation (sequences.ts, reserveNextSequence): a number is taken only
 * together with the row that holds it — never for an operation this worker no longer leases or
 * that moved on, and never when the signer has no allocator row yet (the transaction path sets
 * that up from the chain).
 */
describeEachBackend('reserving a sequence in one statement', (backend) => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb(backend);
  });
  afterAll(() => handle?.cleanup());

  const chain = 'memory:reserve' as const;
  const signer = 'G-RESERVE';
  const next = async (db: Db) =>
    (
      await db
        .select()
        .from(signerSequences)
        .where(and(eq(signerSequences.chain, chain), eq(signerSequences.signer, signer)))
    )[0]?.next;

  async function leasedMint(db: Db, fundId: string, owner: string) {
    const op = await requestOperation(db, { fundId, chain, body: { kind: 'mint', to: '0x01', units: 1n }, requestedBy: 't' });
    const [row] = await db
      .update(operations)
      .set({ leaseOwner: owner, leaseUntil: new Date(Date.now() + 60_000) })
      .where(eq(operations.id, op.id))
      .returning();
    return row!;
  }

  it('takes the next number with its holder, and none for a lease or state it does not hold', async () => {
    const db = handle.db;
    const fundId = newId('fund');
    await db.insert(schema.funds).values({ id: fundId, name: 'F', symbol: 'F', decimals: 6, policy: policyToJson(DEFAULT_POLICY) });
    const mine = await leasedMint(db, fundId, 'w1');

    // No allocator row yet: nothing taken, nothing written.
    expect(await reserveNextSequence(db, { op: mine, chain, signer, owner: 'w1' })).toBeUndefined();
    expect(await next(db)).toBeUndefined();

    await db.insert(signerSequences).values({ chain, signer, next: 41n });
    const reserved = await reserveNextSequence(db, { op: mine, chain, signer, owner: 'w1' });
    expect(reserved).toMatchObject({ id: mine.id, signer, sequence: 41n, state: 'approved' });
    expect(await next(db)).toBe(42n);

    // Another worker's lease, or a state that moved on: no number leaves the allocator.
    const theirs = await leasedMint(db, fundId, 'w2');
    expect(await reserveNextSequence(db, { op: theirs, chain, signer, owner: 'w1' })).toBeUndefined();
    expect(await reserveNextSequence(db, { op: { ...theirs, state: 'prepared' }, chain, signer, owner: 'w2' })).toBeUndefined();
    expect(await next(db)).toBe(42n);
    expect((await db.select().from(operations).where(eq(operations.id, theirs.id)))[0]).toMatchObject({ signer: null, sequence: null });

    // Concurrent reservations of one signer: every number once, in one run.
    const many = await Promise.all(Array.from({ length: 8 }, () => leasedMint(db, fundId, 'w3')));
    const numbers = await Promise.all(many.map((op) => reserveNextSequence(db, { op, chain, signer, owner: 'w3' })));
    expect(numbers.map((r) => r!.sequence).sort((a, b) => Number(a! - b!))).toEqual([42n, 43n, 44n, 45n, 46n, 47n, 48n, 49n]);
    expect(await next(db)).toBe(50n);
  });
});

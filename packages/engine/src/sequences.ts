import { and, eq, sql } from 'drizzle-orm';
import { newId } from '@fiscus/core';
import { appendAudit, executeRows, schema, tableStatements, type Db } from '@fiscus/ledger';
import { signalWork } from './wakeup.ts';
import type { OperationRow } from './rows.ts';

const { signerSequences, operations, operationEvents } = schema;
// The reservation runs once per signed operation: its statement is written once (table-statements.ts).
const OPERATIONS = tableStatements(operations);
const SEQUENCES = tableStatements(signerSequences);

/**
 * Takes the next nonce / sequence of a signer. Must run inside the transaction that also
 * persists the signed bytes: the row lock serialises allocation across every worker and
 * process, and a rollback gives the number back.
 *
 * `chainNext` is read from the chain only the first time a signer is seen; afterwards the
 * database is the authority, since prepared-but-unsent transactions are invisible to the chain.
 * If the chain runs ahead (the key was used elsewhere) `resyncSequence` catches up.
 */
export async function allocateSequence(tx: Db, p: { chain: string; signer: string; chainNext: () => Promise<bigint> }): Promise<bigint> {
  const key = and(eq(signerSequences.chain, p.chain), eq(signerSequences.signer, p.signer));
  // One statement takes the row lock and the number: every prepare of the signer queues on this
  // row until its transaction commits, so the fewer round trips after it, the shorter the queue.
  const take = () =>
    tx
      .update(signerSequences)
      .set({ next: sql`${signerSequences.next} + 1`, updatedAt: sql`now()` })
      .where(key)
      .returning({ next: signerSequences.next });
  let [row] = await take();
  if (!row) {
    const initial = await p.chainNext();
    await tx.insert(signerSequences).values({ chain: p.chain, signer: p.signer, next: initial }).onConflictDoNothing();
    [row] = await take();
  }
  if (!row) throw new Error(`signer sequence row for ${p.signer} vanished`);
  return row.next - 1n;
}

/**
 * The common case of a reservation in one statement: the signer's allocator row exists and the
 * operation holds no number. Locks the operation's row while this worker still leases it in this
 * state, takes the signer's next number, and writes it on the row — all or nothing, so a number is
 * never taken without a holder; and the allocator row stays locked for this one statement instead
 * of a transaction's four round trips (every prepare of the signer queues on it). Returns the
 * updated row, or undefined when the allocator row does not exist yet or the lease or state moved
 * (the caller's transaction path tells those apart).
 */
export async function reserveNextSequence(
  db: Db,
  p: { op: Pick<OperationRow, 'id' | 'state'>; chain: string; signer: string; owner: string },
): Promise<OperationRow | undefined> {
  const [row] = await executeRows(
    db,
    sql`with held as (
        select id from ${OPERATIONS.table} where id = ${p.op.id} and state = ${p.op.state} and lease_owner = ${p.owner} for update),
      taken as (
        update ${SEQUENCES.table} set "next" = "next" + 1, updated_at = now()
        where chain = ${p.chain} and signer = ${p.signer} and exists (select 1 from held)
        returning "next" - 1 as taken)
    update ${OPERATIONS.table} set signer = ${p.signer}, sequence = (select taken from taken), updated_at = now()
    where id in (select id from held) and exists (select 1 from taken)
    returning ${OPERATIONS.columns}`,
  );
  return row && OPERATIONS.fromRow(row);
}

/** After a "nonce too low" rejection: never hand out a number the chain has already consumed. */
export async function resyncSequence(db: Db, p: { chain: string; signer: string; chainNext: bigint }): Promise<void> {
  await db
    .update(signerSequences)
    .set({ next: sql`greatest(${signerSequences.next}, ${p.chainNext})`, updatedAt: sql`now()` })
    .where(and(eq(signerSequences.chain, p.chain), eq(signerSequences.signer, p.signer)));
}

/**
 * An operation gives up a sequence it holds but never used (it failed before its transaction
 * could land). The number must not be left as a gap: every later transaction of the signer
 * would wait behind it forever (docs/architecture.md, "Sequences are consumed or released").
 * If it is the last number handed out, the allocator takes it back; otherwise a filler
 * operation is queued that consumes it on chain with a no-op (ChainDriver.fill). Runs inside
 * the transaction that fails the operation, so the number is never held by nobody.
 */
export async function giveUpSequence(
  tx: Db,
  p: { fundId: string; chain: string; signer: string; sequence: bigint; operationId: string },
): Promise<{ released: true } | { released: false; fillerId: string }> {
  const [released] = await tx
    .update(signerSequences)
    .set({ next: p.sequence, updatedAt: sql`now()` })
    .where(and(eq(signerSequences.chain, p.chain), eq(signerSequences.signer, p.signer), eq(signerSequences.next, p.sequence + 1n)))
    .returning();
  if (released) return { released: true };
  return { released: false, fillerId: await queueFiller(tx, p) };
}

/** A `fillSequence` operation holding `sequence` of `signer`: signed and sent like any other. */
export async function queueFiller(tx: Db, p: { fundId: string; chain: string; signer: string; sequence: bigint; operationId: string }): Promise<string> {
  const fillerId = newId('op');
  await tx.insert(operations).values({
    id: fillerId,
    fundId: p.fundId,
    chain: p.chain,
    kind: 'fillSequence',
    body: { kind: 'fillSequence' },
    context: { fills: p.operationId },
    state: 'approved',
    requestedBy: 'engine',
    signer: p.signer,
    sequence: p.sequence,
  });
  await tx
    .insert(operationEvents)
    .values({ operationId: fillerId, fromState: null, toState: 'approved', detail: { fills: p.operationId, sequence: p.sequence.toString() } });
  await signalWork(tx, p.chain);
  await appendAudit(tx, {
    actor: 'engine',
    action: 'operation.requested',
    subject: fillerId,
    data: { fundId: p.fundId, chain: p.chain, kind: 'fillSequence', fills: p.operationId, sequence: p.sequence.toString() },
  });
  return fillerId;
}

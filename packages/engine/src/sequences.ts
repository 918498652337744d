import { and, eq, sql } from 'drizzle-orm';
import { schema, type Db } from '@fiscus/ledger';

const { signerSequences } = schema;

/**
 * Takes the next nonce / sequence of a signer. Must run inside the transaction that also
 * persists the signed bytes: the row lock serialises allocation across every worker and
 * process, and a rollback gives the number back.
 *
 * `chainNext` is read from the chain only the first time a signer is seen; afterwards the
 * database is the authority, since prepared-but-unsent transactions are invisible to the chain.
 * If the chain runs ahead (the key was used elsewhere) `resyncSequence` catches up.
 */
export async function allocateSequence(
  tx: Db,
  p: { chain: string; signer: string; chainNext: () => Promise<bigint> },
): Promise<bigint> {
  const key = and(eq(signerSequences.chain, p.chain), eq(signerSequences.signer, p.signer));
  let [row] = await tx.select().from(signerSequences).where(key).for('update');
  if (!row) {
    const initial = await p.chainNext();
    await tx.insert(signerSequences).values({ chain: p.chain, signer: p.signer, next: initial }).onConflictDoNothing();
    [row] = await tx.select().from(signerSequences).where(key).for('update');
  }
  if (!row) throw new Error(`signer sequence row for ${p.signer} vanished`);
  await tx
    .update(signerSequences)
    .set({ next: row.next + 1n, updatedAt: sql`now()` })
    .where(key);
  return row.next;
}

/** After a "nonce too low" rejection: never hand out a number the chain has already consumed. */
export async function resyncSequence(db: Db, p: { chain: string; signer: string; chainNext: bigint }): Promise<void> {
  await db
    .update(signerSequences)
    .set({ next: sql`greatest(${signerSequences.next}, ${p.chainNext})`, updatedAt: sql`now()` })
    .where(and(eq(signerSequences.chain, p.chain), eq(signerSequences.signer, p.signer)));
}

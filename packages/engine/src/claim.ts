import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { TERMINAL_STATES, WORKABLE_STATES } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import type { OperationRow } from './rows.ts';

const { operations } = schema;

/**
 * Leases up to `limit` due operations to `owner`. SKIP LOCKED lets many workers on many
 * machines claim at once without waiting on each other; the lease (not a held row lock) covers
 * the slow chain calls, and lets another worker take over if this one dies.
 */
export async function claimOperations(db: Db, p: { owner: string; leaseMs: number; limit: number; chains: readonly string[] }): Promise<OperationRow[]> {
  // A worker only takes operations for chains it has a driver for; others wait for a worker that does.
  if (p.chains.length === 0) return [];
  const due = db
    .select({ id: operations.id })
    .from(operations)
    .where(
      and(
        inArray(operations.state, [...WORKABLE_STATES]),
        inArray(operations.chain, [...p.chains]),
        lte(operations.nextAttemptAt, sql`now()`),
        or(isNull(operations.leaseUntil), lt(operations.leaseUntil, sql`now()`)),
        notBehindOlderRound(),
      ),
    )
    .orderBy(asc(operations.nextAttemptAt), asc(operations.id))
    .limit(p.limit)
    .for('update', { skipLocked: true });
  return db
    .update(operations)
    .set({ leaseOwner: p.owner, leaseUntil: sql`now() + ${p.leaseMs} * interval '1 millisecond'` })
    .where(inArray(operations.id, due))
    .returning();
}

/**
 * A feed takes rounds in order only (the EVM feed reverts StaleRound on a round ≤ its latest):
 * an unsigned publishNav is not claimed while an older round of the same fund on the same chain
 * is unfinished, so it is signed (nonce allocated) only after the older one landed or failed.
 * Once signed, an operation always proceeds; NAV rounds are rare, so one at a time costs nothing.
 */
function notBehindOlderRound() {
  const terminal = sql.join(
    TERMINAL_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  return sql`not (${operations.kind} = 'publishNav' and ${operations.state} = 'approved' and exists (
    select 1 from ${operations} as older
    where older.kind = 'publishNav' and older.fund_id = ${operations.fundId} and older.chain = ${operations.chain}
      and older.state not in (${terminal})
      and (older.body->>'round')::numeric < (${operations.body}->>'round')::numeric))`;
}

export async function releaseLease(db: Db, p: { id: string; owner: string }): Promise<void> {
  await db
    .update(operations)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(and(eq(operations.id, p.id), eq(operations.leaseOwner, p.owner)));
}

/**
 * Extends a lease this worker still holds. A step can outlast the lease (a deploy sends many
 * transactions); renewing keeps another worker from starting the same chain calls meanwhile.
 * Returns false when the lease was lost.
 */
export async function renewLease(db: Db, p: { id: string; owner: string; leaseMs: number }): Promise<boolean> {
  const rows = await db
    .update(operations)
    .set({ leaseUntil: sql`now() + ${p.leaseMs} * interval '1 millisecond'` })
    .where(and(eq(operations.id, p.id), eq(operations.leaseOwner, p.owner)))
    .returning({ id: operations.id });
  return rows.length > 0;
}

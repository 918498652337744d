import { and, eq, sql } from 'drizzle-orm';
import { publicErrorOf, TERMINAL_STATES, withPublicError, type OperationState } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import type { OperationRow } from './rows.ts';
import { wakeNextSequence } from './sequence-wake.ts';

const { operations, operationEvents } = schema;

export type OperationPatch = Partial<Omit<typeof operations.$inferInsert, 'id' | 'state'>>;

export interface TransitionParams {
  op: OperationRow;
  to: OperationState;
  patch?: OperationPatch;
  detail?: Record<string, unknown>;
  /** When set, the move only happens while this worker still holds the lease. */
  leaseOwner?: string;
  /** The operation's transaction landed or was accepted: wake the signer's next sequence if it waits (sequence-wake.ts). */
  wakeNext?: boolean;
}

/**
 * Moves an operation from the state we read to `to`, but only if nobody moved it meanwhile
 * (compare-and-set on state and lease): two workers can never both advance one operation.
 * Returns the new row, or undefined when the row had already moved.
 */
export async function transition(db: Db, p: TransitionParams): Promise<OperationRow | undefined> {
  const conditions = [eq(operations.id, p.op.id), eq(operations.state, p.op.state)];
  if (p.leaseOwner) conditions.push(eq(operations.leaseOwner, p.leaseOwner));
  // A terminal operation is never claimed again: its lease goes in the same write (no release after).
  const release = TERMINAL_STATES.includes(p.to) ? { leaseOwner: null, leaseUntil: null } : {};
  const detail = p.leaseOwner ? { ...withPublicError(p.detail), worker: p.leaseOwner } : withPublicError(p.detail);
  // One statement, so the move and its history row are one round trip and commit together: the
  // event is inserted from the updated row, hence only when the compare-and-set matched.
  const moved = db.$with('moved').as(
    db
      .update(operations)
      .set({ ...publicPatch(p.patch), ...release, state: p.to, updatedAt: sql`now()` })
      .where(and(...conditions))
      .returning(),
  );
  const event = db.$with('event', {}).as(
    sql`insert into ${operationEvents} (operation_id, from_state, to_state, detail)
        select id, ${p.op.state}, ${p.to}, ${detail === undefined ? null : JSON.stringify(detail)}::jsonb from ${moved}`,
  );
  const ctes = p.wakeNext ? [moved, event, db.$with('woken', {}).as(wakeNextSequence(sql`${moved}`))] : [moved, event];
  const [row] = await db
    .with(...ctes)
    .select()
    .from(moved);
  return row;
}

/** Same-state bookkeeping (retry scheduling, errors) with the same compare-and-set guard. */
export async function touch(db: Db, op: OperationRow, patch: OperationPatch, leaseOwner?: string): Promise<OperationRow | undefined> {
  const conditions = [eq(operations.id, op.id), eq(operations.state, op.state)];
  if (leaseOwner) conditions.push(eq(operations.leaseOwner, leaseOwner));
  const [row] = await db
    .update(operations)
    .set({ ...publicPatch(patch), updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row;
}

/**
 * lastError and the event detail are shown by the API: an INTERNAL error's text (raw SQL and its
 * parameters, a stack, an SDK's message) is replaced here, where every write of them passes, so
 * no step can leak it. The full error is in the worker's log.
 */
function publicPatch(patch: OperationPatch | undefined): OperationPatch | undefined {
  return patch?.lastError ? { ...patch, lastError: publicErrorOf(patch.lastError) } : patch;
}

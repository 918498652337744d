import { sql, type SQL } from 'drizzle-orm';
import { publicErrorOf, TERMINAL_STATES, withPublicError, type OperationState } from '@fiscus/core';
import { executeRows, schema, tableStatements, type Db } from '@fiscus/ledger';
import type { OperationRow } from './rows.ts';
import { wakeNextSequence } from './sequence-wake.ts';

const { operations, operationEvents } = schema;
const OPERATIONS = tableStatements(operations);
const EVENTS = tableStatements(operationEvents);

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
 * Returns the new row, or undefined when the row had already moved. Written with
 * tableStatements, not the query builder: every operation moves four times, and building the
 * statement (every column twice) cost more CPU than anything else a worker did.
 */
export async function transition(db: Db, p: TransitionParams): Promise<OperationRow | undefined> {
  // A terminal operation is never claimed again: its lease goes in the same write (no release after).
  const release = TERMINAL_STATES.includes(p.to) ? { leaseOwner: null, leaseUntil: null } : {};
  const detail = p.leaseOwner ? { ...withPublicError(p.detail), worker: p.leaseOwner } : withPublicError(p.detail);
  // One statement, so the move and its history row are one round trip and commit together: the
  // event is inserted from the updated row, hence only when the compare-and-set matched.
  const wake = p.wakeNext ? sql`, woken as (${wakeNextSequence(sql`moved`)})` : sql``;
  const rows = await executeRows(
    db,
    sql`with moved as (${casUpdate(p.op, { ...publicPatch(p.patch), ...release, state: p.to }, p.leaseOwner)}),
      event as (insert into ${EVENTS.table} (operation_id, from_state, to_state, detail)
        select id, ${p.op.state}, ${p.to}, ${detail === undefined ? null : JSON.stringify(detail)}::jsonb from moved)${wake}
    select * from moved`,
  );
  return rows[0] && OPERATIONS.fromRow(rows[0]);
}

/** Same-state bookkeeping (retry scheduling, errors) with the same compare-and-set guard. */
export async function touch(db: Db, op: OperationRow, patch: OperationPatch, leaseOwner?: string): Promise<OperationRow | undefined> {
  const [row] = await executeRows(db, casUpdate(op, publicPatch(patch) ?? {}, leaseOwner));
  return row && OPERATIONS.fromRow(row);
}

/** The compare-and-set: the row changes only while it is in the state (and lease) we read. */
function casUpdate(op: OperationRow, patch: OperationPatch & { state?: OperationState }, leaseOwner: string | undefined): SQL {
  const lease = leaseOwner ? sql` and lease_owner = ${leaseOwner}` : sql``;
  return sql`update ${OPERATIONS.table} set ${OPERATIONS.set({ ...patch, updatedAt: sql`now()` })}
    where id = ${op.id} and state = ${op.state}${lease}
    returning ${OPERATIONS.columns}`;
}

/**
 * lastError and the event detail are shown by the API: an INTERNAL error's text (raw SQL and its
 * parameters, a stack, an SDK's message) is replaced here, where every write of them passes, so
 * no step can leak it. The full error is in the worker's log.
 */
function publicPatch(patch: OperationPatch | undefined): OperationPatch | undefined {
  return patch?.lastError ? { ...patch, lastError: publicErrorOf(patch.lastError) } : patch;
}

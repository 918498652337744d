import { and, eq, sql } from 'drizzle-orm';
import type { OperationState } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import type { OperationRow } from './rows.ts';

const { operations, operationEvents } = schema;

export type OperationPatch = Partial<Omit<typeof operations.$inferInsert, 'id' | 'state'>>;

export interface TransitionParams {
  op: OperationRow;
  to: OperationState;
  patch?: OperationPatch;
  detail?: Record<string, unknown>;
  /** When set, the move only happens while this worker still holds the lease. */
  leaseOwner?: string;
}

/**
 * Moves an operation from the state we read to `to`, but only if nobody moved it meanwhile
 * (compare-and-set on state and lease): two workers can never both advance one operation.
 * Returns the new row, or undefined when the row had already moved.
 */
export async function transition(db: Db, p: TransitionParams): Promise<OperationRow | undefined> {
  const conditions = [eq(operations.id, p.op.id), eq(operations.state, p.op.state)];
  if (p.leaseOwner) conditions.push(eq(operations.leaseOwner, p.leaseOwner));
  const [row] = await db
    .update(operations)
    .set({ ...p.patch, state: p.to, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  if (!row) return undefined;
  const detail = p.leaseOwner ? { ...p.detail, worker: p.leaseOwner } : p.detail;
  await db.insert(operationEvents).values({ operationId: row.id, fromState: p.op.state, toState: p.to, detail });
  return row;
}

/** Same-state bookkeeping (retry scheduling, errors) with the same compare-and-set guard. */
export async function touch(db: Db, op: OperationRow, patch: OperationPatch, leaseOwner?: string): Promise<OperationRow | undefined> {
  const conditions = [eq(operations.id, op.id), eq(operations.state, op.state)];
  if (leaseOwner) conditions.push(eq(operations.leaseOwner, leaseOwner));
  const [row] = await db.update(operations).set({ ...patch, updatedAt: sql`now()` }).where(and(...conditions)).returning();
  return row;
}

import { and, eq, sql } from 'drizzle-orm';
import { operationFromJson, type ChainId, type OperationBody } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import { requestOperation } from '../request.ts';
import type { MoveRow } from './request.ts';

const { moves } = schema;

export type MoveError = { code: string; message: string };
type MovePatch = Partial<Omit<typeof moves.$inferInsert, 'id' | 'state'>>;

/**
 * Moves a move from the state we read to `to`, only if nobody moved it meanwhile. In Postgres the
 * UPDATE locks the row, so a second worker's CAS waits for the first transaction and then finds
 * the state changed: exactly one of them goes on to request the next leg.
 */
export async function casMove(db: Db, m: MoveRow, to: schema.MoveState, patch: MovePatch = {}): Promise<MoveRow | undefined> {
  const [row] = await db
    .update(moves)
    .set({ ...patch, state: to, updatedAt: sql`now()` })
    .where(and(eq(moves.id, m.id), eq(moves.state, m.state)))
    .returning();
  return row;
}

/** Stays in its state, saying why (written only when the reason changes, not every round). */
export async function wait(db: Db, m: MoveRow, error: MoveError): Promise<boolean> {
  if (m.error?.code === error.code && m.error.message === error.message) return false;
  await db
    .update(moves)
    .set({ error, updatedAt: sql`now()` })
    .where(and(eq(moves.id, m.id), eq(moves.state, m.state)));
  return false;
}

type LegColumn = 'burnOperationId' | 'mintOperationId' | 'compensationOperationId';

/**
 * The state change and the leg's operation commit together: a crash before commit requests
 * nothing, after commit the move points at its one operation (never a second one for a leg).
 */
export async function requestLeg(
  db: Db,
  m: MoveRow,
  to: schema.MoveState,
  column: LegColumn,
  leg: { chain: string; body: OperationBody; context: Record<string, unknown>; error?: MoveError },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const moved = await casMove(tx, m, to, leg.error ? { error: leg.error } : {});
    if (!moved) return false;
    const op = await requestOperation(tx, { fundId: m.fundId, chain: leg.chain as ChainId, body: leg.body, context: leg.context, requestedBy: `move:${m.id}` });
    await tx
      .update(moves)
      .set({ [column]: op.id })
      .where(eq(moves.id, m.id));
    await appendAudit(tx, {
      actor: 'engine',
      action: `move.${to}`,
      subject: m.id,
      data: { operationId: op.id, chain: leg.chain, ...(leg.error ? { error: leg.error } : {}) },
    });
    return true;
  });
}

/**
 * A leg whose operation failed BEFORE it was signed on a transient error (a node down longer than
 * the pipeline's attempts): that operation can never land, so the leg gets a fresh one. The
 * compare-and-set is on the old operation id, so two workers replace it once.
 */
export async function replaceLeg(
  db: Db,
  m: MoveRow,
  column: LegColumn,
  leg: { chain: string; body: OperationBody; context: Record<string, unknown> },
  failed: { id: string; error: MoveError },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(moves)
      .where(and(eq(moves.id, m.id), eq(moves.state, m.state), eq(moves[column], failed.id)))
      .for('update');
    if (!locked) return false;
    const op = await requestOperation(tx, { fundId: m.fundId, chain: leg.chain as ChainId, body: leg.body, context: leg.context, requestedBy: `move:${m.id}` });
    await tx
      .update(moves)
      .set({ [column]: op.id, error: failed.error, updatedAt: sql`now()` })
      .where(eq(moves.id, m.id));
    await appendAudit(tx, {
      actor: 'engine',
      action: 'move.leg.retried',
      subject: m.id,
      data: { replaced: failed.id, operationId: op.id, error: failed.error },
    });
    return true;
  });
}

/** Each leg's operation, the same every time it is (re)requested. On Stellar a burn from an investor is a clawback. */
export const burnLeg = (m: MoveRow) => ({
  chain: m.fromChain,
  body: { kind: 'burn' as const, from: m.fromAddress, units: m.units },
  context: { moveId: m.id, walletId: m.fromWalletId, investorId: m.investorId },
});
export const compensationLeg = (m: MoveRow) => ({
  chain: m.fromChain,
  body: { kind: 'mint' as const, to: m.fromAddress, units: m.units },
  context: { moveId: m.id, compensation: true, walletId: m.fromWalletId, investorId: m.investorId },
});
export const mintLeg = (m: MoveRow) => ({
  chain: m.toChain,
  body: { kind: 'mint' as const, to: m.toAddress, units: m.units },
  context: { moveId: m.id, walletId: m.toWalletId, investorId: m.investorId },
});

/**
 * The leg an operation carried, to request it again as it was. A re-mint's target is not fixed by
 * the move (an operator may have chosen another wallet of the investor), so its retry copies it.
 */
export const sameLeg = (op: { chain: string; body: unknown; context: Record<string, unknown> }) => ({
  chain: op.chain,
  body: operationFromJson(op.body),
  context: op.context,
});

import { eq } from 'drizzle-orm';
import { FiscusError, newId, operationToJson, type ChainId, type OperationBody } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import type { OperationRow } from './rows.ts';
import { transition } from './transition.ts';
import { signalWork } from './wakeup.ts';

const { operations, operationEvents } = schema;

export interface RequestOperationParams {
  fundId: string;
  chain: ChainId;
  body: OperationBody;
  /** What the engine needs to post effects (wallet and investor ids…). */
  context?: Record<string, unknown>;
  requestedBy: string;
  /** Maker-checker: the row waits in `requested` until a different principal approves it. */
  requiresApproval?: boolean;
}

/** Writes the outbox row. Nothing touches a chain until a worker claims it. */
export async function requestOperation(db: Db, p: RequestOperationParams): Promise<OperationRow> {
  return db.transaction(async (tx) => {
    const state = p.requiresApproval ? 'requested' : 'approved';
    const [row] = await tx
      .insert(operations)
      .values({
        id: newId('op'),
        fundId: p.fundId,
        chain: p.chain,
        kind: p.body.kind,
        body: operationToJson(p.body),
        context: p.context ?? {},
        state,
        requiresApproval: p.requiresApproval ?? false,
        requestedBy: p.requestedBy,
      })
      .returning();
    if (!row) throw new Error('insert returned no operation');
    await tx.insert(operationEvents).values({ operationId: row.id, fromState: null, toState: state, detail: { by: p.requestedBy } });
    await appendAudit(tx, {
      actor: p.requestedBy,
      action: 'operation.requested',
      subject: row.id,
      data: { fundId: p.fundId, chain: p.chain, kind: p.body.kind, body: row.body as Record<string, unknown>, state },
    });
    if (state === 'approved') await signalWork(tx, p.chain);
    return row;
  });
}

export async function approveOperation(db: Db, p: { id: string; approvedBy: string }): Promise<OperationRow> {
  return db.transaction(async (tx) => {
    const [op] = await tx.select().from(operations).where(eq(operations.id, p.id)).for('update');
    if (!op) throw new FiscusError('NOT_FOUND', `operation ${p.id} not found`);
    if (op.state !== 'requested') {
      throw new FiscusError('CONFLICT', `operation ${p.id} is ${op.state}, not awaiting approval`);
    }
    const [proposal] = await tx
      .select({ hash: schema.operationApprovals.hash })
      .from(schema.operationApprovals)
      .where(eq(schema.operationApprovals.operationId, op.id));
    if (proposal) {
      throw new FiscusError('CONFLICT', `operation ${p.id} is approved by its approvers' signatures on chain, not by an API principal`, {
        details: 'POST the signatures to /v1/operations/{id}/signatures.',
      });
    }
    if (op.requestedBy === p.approvedBy) {
      throw new FiscusError('FORBIDDEN', 'the requester cannot approve their own operation', {
        details: 'Maker-checker: a second principal must approve operations above the fund threshold.',
      });
    }
    const row = await transition(tx, { op, to: 'approved', patch: { approvedBy: p.approvedBy }, detail: { by: p.approvedBy } });
    if (!row) throw new FiscusError('CONFLICT', `operation ${p.id} changed while approving`);
    await appendAudit(tx, { actor: p.approvedBy, action: 'operation.approved', subject: row.id, data: {} });
    await signalWork(tx, row.chain);
    return row;
  });
}

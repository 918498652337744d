import { and, asc, eq } from 'drizzle-orm';
import { FiscusError, multisigApprovalsOf, thresholdMet, type ApprovalSignature, type ChainDriver, type CollectedApproval } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import type { OperationRow } from '../rows.ts';
import { transition } from '../transition.ts';
import { signalWork } from '../wakeup.ts';
import { proposalOf, type ApprovalRow } from './propose.ts';

const { operations, operationApprovals, operationSignatures } = schema;

export type SignatureRow = typeof operationSignatures.$inferSelect;

export interface ApprovalState {
  proposal: ApprovalRow;
  signatures: SignatureRow[];
  operation: OperationRow;
}

/** Proposal and the signatures collected so far (on its current hash). */
export async function approvalState(db: Db, id: string): Promise<ApprovalState | undefined> {
  const [proposal] = await db.select().from(operationApprovals).where(eq(operationApprovals.operationId, id));
  const [operation] = await db.select().from(operations).where(eq(operations.id, id));
  if (!proposal || !operation) return undefined;
  const signatures = await db
    .select()
    .from(operationSignatures)
    .where(and(eq(operationSignatures.operationId, id), eq(operationSignatures.hash, proposal.hash)))
    .orderBy(asc(operationSignatures.id));
  return { proposal, signatures, operation };
}

/** What prepare hands the driver for an operation approved by signatures; undefined for others. */
export async function collectedApproval(db: Db, id: string): Promise<CollectedApproval | undefined> {
  const state = await approvalState(db, id);
  if (!state) return undefined;
  return { proposal: proposalOf(state.proposal), signatures: state.signatures.map((s) => ({ signer: s.signer, signature: s.signature })) };
}

/**
 * Records one approver's signature: it must be one of the proposal's approvers, verify over the
 * proposal's hash, and not be a second one of the same approver. Persisted with an event in the
 * operation's history and an audit record; the signature that meets the threshold also moves the
 * operation to `approved` in the same transaction, so a crash either keeps both or neither, and
 * the worker (which only ever sees `approved`) signs and sends the transaction exactly once.
 */
export async function addApprovalSignature(
  db: Db,
  driver: ChainDriver,
  p: { id: string; signature: ApprovalSignature; postedBy: string },
): Promise<ApprovalState> {
  const ext = multisigApprovalsOf(driver);
  if (!ext) throw new FiscusError('CAPABILITY_UNSUPPORTED', `${driver.chain} takes no approval signatures`);
  const signer = p.signature.signer.trim();
  const signature = p.signature.signature.trim();
  await db.transaction(async (tx) => {
    const [op] = await tx.select().from(operations).where(eq(operations.id, p.id)).for('update');
    if (!op) throw new FiscusError('NOT_FOUND', `operation ${p.id} not found`);
    const [row] = await tx.select().from(operationApprovals).where(eq(operationApprovals.operationId, op.id));
    if (!row) throw new FiscusError('CONFLICT', `operation ${op.id} has no proposal yet: GET its signatures first`);
    if (op.state !== 'requested') throw new FiscusError('CONFLICT', `operation ${op.id} is ${op.state}: it no longer collects signatures`);
    const proposal = proposalOf(row);
    const approver = proposal.approvers.find((a) => a.toLowerCase() === signer.toLowerCase());
    if (!approver) {
      throw new FiscusError('FORBIDDEN', `${signer} is not an approver of operation ${op.id}`, { meta: { approvers: proposal.approvers } });
    }
    if (!ext.verifyApproval(proposal, { signer: approver, signature })) {
      throw new FiscusError('VALIDATION_FAILED', `the signature is not ${approver}'s over ${proposal.hash}`, { meta: { field: 'signature' } });
    }
    const inserted = await tx
      .insert(operationSignatures)
      .values({ operationId: op.id, hash: proposal.hash, signer: approver, signature, postedBy: p.postedBy })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw new FiscusError('CONFLICT', `${approver} has already signed operation ${op.id}`);
    const all = await tx
      .select()
      .from(operationSignatures)
      .where(and(eq(operationSignatures.operationId, op.id), eq(operationSignatures.hash, proposal.hash)))
      .orderBy(asc(operationSignatures.id));
    const detail = { signer: approver, signature, hash: proposal.hash, collected: all.length, threshold: proposal.threshold, by: p.postedBy };
    await tx.insert(schema.operationEvents).values({ operationId: op.id, fromState: 'requested', toState: 'requested', detail: { approvalSignature: detail } });
    await appendAudit(tx, { actor: p.postedBy, action: 'operation.signature_added', subject: op.id, data: detail });
    if (!thresholdMet(proposal, all)) return;
    const approvers = all.map((s) => s.signer);
    const moved = await transition(tx, { op, to: 'approved', patch: { approvedBy: approvers.join(',') }, detail: { approvers, hash: proposal.hash } });
    if (!moved) throw new FiscusError('CONFLICT', `operation ${op.id} changed while approving`);
    await appendAudit(tx, { actor: p.postedBy, action: 'operation.approved', subject: op.id, data: { approvers, hash: proposal.hash } });
    await signalWork(tx, op.chain);
  });
  const state = await approvalState(db, p.id);
  if (!state) throw new Error(`proposal of ${p.id} vanished`);
  return state;
}

import { eq } from 'drizzle-orm';
import { FiscusError, multisigApprovalsOf, operationFromJson, type ApprovalProposal, type ChainDriver, type MultisigApprovals } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import { loadDeployment } from '../deployments.ts';
import type { OperationRow } from '../rows.ts';
import { allocateSequence } from '../sequences.ts';
import { touch } from '../transition.ts';

const { operations, operationApprovals, operationEvents } = schema;

export type ApprovalRow = typeof operationApprovals.$inferSelect;

export const proposalOf = (row: ApprovalRow): ApprovalProposal => ({
  scheme: row.scheme,
  hash: row.hash,
  approvers: row.approvers,
  threshold: row.threshold,
  payload: row.payload,
});

/**
 * Whether an operation waiting for approval (`requested`) is approved by approvers' signatures
 * on chain rather than by a second API principal: the chain's driver has the extension and the
 * fund has approvers configured there.
 */
export async function multisigFor(db: Db, driver: ChainDriver, op: Pick<OperationRow, 'fundId' | 'chain'>): Promise<MultisigApprovals | undefined> {
  const ext = multisigApprovalsOf(driver);
  if (!ext) return undefined;
  const { deployment } = await loadDeployment(db, op.fundId, op.chain);
  return ext.approvalPolicy(deployment) ? ext : undefined;
}

/**
 * The operation's proposal: built once and persisted in the same transaction that allocates its
 * sequence (an account sequence on Stellar, a Safe nonce on EVM), under the operation's row lock.
 * A second caller, or one after a crash, reads the stored proposal: the hash approvers sign never
 * changes under them, and a sequence is never allocated twice for one operation.
 */
export async function proposeApproval(db: Db, driver: ChainDriver, p: { id: string; actor: string }): Promise<ApprovalRow> {
  return db.transaction(async (tx) => {
    const [op] = await tx.select().from(operations).where(eq(operations.id, p.id)).for('update');
    if (!op) throw new FiscusError('NOT_FOUND', `operation ${p.id} not found`);
    const [existing] = await tx.select().from(operationApprovals).where(eq(operationApprovals.operationId, op.id));
    if (existing) return existing;
    if (op.state !== 'requested' || !op.requiresApproval) {
      throw new FiscusError('CONFLICT', `operation ${op.id} is ${op.state}: only an operation awaiting approval collects signatures`);
    }
    const ext = multisigApprovalsOf(driver);
    const { deployment } = await loadDeployment(tx, op.fundId, op.chain);
    if (!ext?.approvalPolicy(deployment)) {
      throw new FiscusError('CAPABILITY_UNSUPPORTED', `fund ${op.fundId} has no approvers configured on ${op.chain}: approve with a second API principal`);
    }
    const body = operationFromJson(op.body);
    if (body.kind === 'deploy' || body.kind === 'fillSequence') throw new FiscusError('CONFLICT', `${body.kind} operations are not approved by signatures`);
    const seq = ext.proposalSequence(body, deployment);
    const sequence = await allocateSequence(tx, { chain: op.chain, signer: seq.key, chainNext: seq.chainNext });
    const proposal = await ext.propose(body, { deployment, sequence });
    // Stellar: the approvers sign the transaction itself, so the row holds its sequence and
    // prepare signs the same one (prepare.ts reuses a held sequence of the same signer).
    if (seq.txSequence && !(await touch(tx, op, { signer: seq.key, sequence }))) {
      throw new FiscusError('CONFLICT', `operation ${op.id} changed while proposing`);
    }
    const [row] = await tx
      .insert(operationApprovals)
      .values({ operationId: op.id, ...proposal, sequenceKey: seq.key, sequence })
      .returning();
    if (!row) throw new Error('insert returned no proposal');
    const detail = { proposal: { scheme: proposal.scheme, hash: proposal.hash, approvers: proposal.approvers, threshold: proposal.threshold }, by: p.actor };
    await tx.insert(operationEvents).values({ operationId: op.id, fromState: 'requested', toState: 'requested', detail });
    await appendAudit(tx, { actor: p.actor, action: 'operation.approval_proposed', subject: op.id, data: detail.proposal });
    return row;
  });
}

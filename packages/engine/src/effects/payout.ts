import { and, eq } from 'drizzle-orm';
import type { PayoutOperation } from '@fiscus/core';
import { FiscusError } from '@fiscus/core';
import { appendAudit, investorAccount, postEntry, schema, stablecoinAccount, type Db } from '@fiscus/ledger';
import type { OperationRow } from '../rows.ts';

const { redemptionPayouts, redemptions } = schema;

const payoutIdOf = (op: OperationRow): string => {
  const id = op.context.payoutId;
  if (typeof id !== 'string') throw new FiscusError('INTERNAL', `payout operation ${op.id} carries no context.payoutId`);
  return id;
};

/**
 * A stablecoin payout landed (inside the post step's transaction): stablecoin:<chain> −usd
 * against the investor's payable (investor:<id> +usd), the payout `paid`, the redemption `paid`.
 * The entry carries the operation id (unique in journal_entries), so a replayed post can never
 * book twice; the payout row is moved only from `sending` by this very operation.
 */
export async function applyPayoutPosted(tx: Db, op: OperationRow, body: PayoutOperation): Promise<void> {
  const payoutId = payoutIdOf(op);
  const [payout] = await tx
    .update(redemptionPayouts)
    .set({ status: 'paid', confirmedAt: new Date(), confirmedBy: 'engine', reference: op.txHash })
    .where(and(eq(redemptionPayouts.id, payoutId), eq(redemptionPayouts.operationId, op.id)))
    .returning();
  if (!payout) throw new FiscusError('INTERNAL', `payout ${payoutId} is not driven by operation ${op.id}`);
  if (!payout.investorId) throw new FiscusError('INTERNAL', `payout ${payoutId} has no investor`);
  const { entryId } = await postEntry(tx, {
    fundId: op.fundId,
    operationId: op.id,
    memo: 'redemption paid in stablecoin',
    meta: { redemptionId: payout.redemptionId, payoutId, chain: op.chain, to: body.to, txHash: op.txHash },
    postings: [
      { account: stablecoinAccount(op.chain), commodity: 'usd', amount: -body.usd },
      { account: investorAccount(payout.investorId), commodity: 'usd', amount: body.usd },
    ],
  });
  await tx.update(redemptionPayouts).set({ entryId }).where(eq(redemptionPayouts.id, payoutId));
  await tx.update(redemptions).set({ status: 'paid' }).where(eq(redemptions.id, payout.redemptionId));
  await appendAudit(tx, {
    actor: 'engine',
    action: 'redemption.payout_paid',
    subject: payout.redemptionId,
    data: { payoutId, operationId: op.id, chain: op.chain, to: body.to, usd: body.usd.toString(), txHash: op.txHash },
  });
}

/**
 * The payout will never land (refused before signing — no trustline, blacklisted, paused — or
 * failed on chain): held with its reason, nothing booked, waiting for a retry or a redirect.
 */
export async function applyPayoutFailed(tx: Db, op: OperationRow, body: PayoutOperation): Promise<void> {
  const payoutId = payoutIdOf(op);
  const reason = (op.lastError as Record<string, unknown> | null) ?? { code: 'TX_FAILED' };
  const [payout] = await tx
    .update(redemptionPayouts)
    .set({ status: 'held', heldReason: reason })
    .where(and(eq(redemptionPayouts.id, payoutId), eq(redemptionPayouts.operationId, op.id), eq(redemptionPayouts.status, 'sending')))
    .returning();
  if (!payout) return;
  await appendAudit(tx, {
    actor: 'engine',
    action: 'redemption.payout_held',
    subject: payout.redemptionId,
    data: { payoutId, operationId: op.id, chain: op.chain, to: body.to, usd: body.usd.toString(), reason },
  });
}

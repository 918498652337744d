import { and, eq } from 'drizzle-orm';
import { FiscusError, type ChainId } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import { requestOperation } from '../request.ts';
import type { OperationRow } from '../rows.ts';
import { chosenWallet, getSettlementChain, type PayoutTarget } from './chains.ts';
import { chainLiquidity } from './liquidity.ts';

const { redemptionPayouts, redemptions } = schema;
export type StablecoinPayoutRow = typeof redemptionPayouts.$inferSelect;

/**
 * Requests the `payout` operation of a settled redemption (inside the settlement transaction):
 * the money leaves the books only when the operation posts (effects/payout.ts), so a payout that
 * never lands costs nothing and is held, not lost.
 */
export async function requestStablecoinPayout(
  tx: Db,
  p: { fundId: string; redemptionId: string; investorId: string | null; payoutId: string; usd: bigint; target: PayoutTarget; by: string },
): Promise<OperationRow> {
  return requestOperation(tx, {
    fundId: p.fundId,
    chain: p.target.payoutChain as ChainId,
    body: { kind: 'payout', to: p.target.payoutAddress, usd: p.usd },
    context: { redemptionId: p.redemptionId, payoutId: p.payoutId, investorId: p.investorId, walletId: p.target.payoutWalletId },
    requestedBy: p.by,
  });
}

/**
 * A held payout (undeliverable: no trustline, blacklisted, paused, short of liquidity) is sent
 * again — to the same wallet, or to another wallet of the same investor (`walletId`, possibly on
 * another settlement chain). Nothing was booked for the held attempt, so nothing is undone.
 */
export async function retryHeldPayout(
  db: Db,
  p: { fundId: string; payoutId: string; walletId?: string | null; by: string },
): Promise<{ payout: StablecoinPayoutRow; operation: OperationRow }> {
  return db.transaction(async (tx) => {
    const [payout] = await tx
      .select()
      .from(redemptionPayouts)
      .where(and(eq(redemptionPayouts.id, p.payoutId), eq(redemptionPayouts.fundId, p.fundId)))
      .for('update');
    if (!payout) throw new FiscusError('NOT_FOUND', `payout ${p.payoutId} not found`);
    if (payout.status !== 'held' || !payout.chain || !payout.address || !payout.walletId) {
      throw new FiscusError('CONFLICT', `payout ${p.payoutId} is ${payout.status}: only a held stablecoin payout can be retried or redirected`, {
        meta: { status: payout.status },
      });
    }
    const target: PayoutTarget = p.walletId
      ? await chosenWallet(tx, { fundId: p.fundId, investorId: payout.investorId, walletId: p.walletId })
      : { payoutChain: payout.chain, payoutAddress: payout.address, payoutWalletId: payout.walletId };
    const chain = await getSettlementChain(tx, p.fundId, target.payoutChain);
    if (chain?.payoutsBlocked) {
      throw new FiscusError('CONFLICT', `payouts on ${target.payoutChain} are blocked: ${chain.blockedReason ?? 'stablecoin drift'}`, {
        meta: { chain: target.payoutChain },
      });
    }
    if (target.payoutChain !== payout.chain) {
      // The held amount stays reserved on its old chain until this row moves; the new chain must afford it.
      const liquidity = await chainLiquidity(tx, p.fundId, target.payoutChain);
      if (liquidity.available < payout.amount) {
        throw new FiscusError('INSUFFICIENT_BALANCE', `not enough stablecoin liquidity on ${target.payoutChain}`, {
          meta: { available: liquidity.available.toString(), needed: payout.amount.toString() },
        });
      }
    }
    const operation = await requestStablecoinPayout(tx, {
      fundId: p.fundId,
      redemptionId: payout.redemptionId,
      investorId: payout.investorId,
      payoutId: payout.id,
      usd: payout.amount,
      target,
      by: p.by,
    });
    const [row] = await tx
      .update(redemptionPayouts)
      .set({
        status: 'sending',
        chain: target.payoutChain,
        address: target.payoutAddress,
        walletId: target.payoutWalletId,
        operationId: operation.id,
        heldReason: null,
      })
      .where(eq(redemptionPayouts.id, payout.id))
      .returning();
    await tx.update(redemptions).set(target).where(eq(redemptions.id, payout.redemptionId));
    await appendAudit(tx, {
      actor: p.by,
      action: target.payoutWalletId === payout.walletId ? 'redemption.payout_retried' : 'redemption.payout_redirected',
      subject: payout.redemptionId,
      data: { payoutId: payout.id, operationId: operation.id, chain: target.payoutChain, walletId: target.payoutWalletId, previous: payout.heldReason ?? null },
    });
    return { payout: row!, operation };
  });
}

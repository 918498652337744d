import { and, eq } from 'drizzle-orm';
import { FiscusError } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';

const { redemptionPayouts, redemptions } = schema;
export type PayoutRow = typeof redemptionPayouts.$inferSelect;

/**
 * The bank wire happened (outside the system): instructed → confirmed with the bank's reference,
 * and the redemption's payout status becomes `paid`. Confirming again with the same reference
 * returns the confirmed payout; a different reference is a CONFLICT.
 */
export async function confirmPayout(db: Db, p: { fundId: string; redemptionId: string; payoutId: string; reference: string; by: string }): Promise<PayoutRow> {
  return db.transaction(async (tx) => {
    const [payout] = await tx
      .select()
      .from(redemptionPayouts)
      .where(and(eq(redemptionPayouts.id, p.payoutId), eq(redemptionPayouts.redemptionId, p.redemptionId), eq(redemptionPayouts.fundId, p.fundId)))
      .for('update');
    if (!payout) throw new FiscusError('NOT_FOUND', `payout ${p.payoutId} of redemption ${p.redemptionId} not found`);
    // A stablecoin payout is confirmed by its chain (effects/payout.ts), never by hand.
    if (payout.chain !== null) {
      throw new FiscusError('CONFLICT', `payout ${p.payoutId} is paid in stablecoin on ${payout.chain}; the chain confirms it`, {
        meta: { status: payout.status },
      });
    }
    if (payout.status === 'confirmed') {
      if (payout.reference === p.reference) return payout;
      throw new FiscusError('CONFLICT', `payout ${p.payoutId} is already confirmed with another reference`, { meta: { reference: payout.reference } });
    }
    const [row] = await tx
      .update(redemptionPayouts)
      .set({ status: 'confirmed', reference: p.reference, confirmedBy: p.by, confirmedAt: new Date() })
      .where(eq(redemptionPayouts.id, p.payoutId))
      .returning();
    await tx.update(redemptions).set({ status: 'paid' }).where(eq(redemptions.id, p.redemptionId));
    await appendAudit(tx, {
      actor: p.by,
      action: 'redemption.payout_confirmed',
      subject: p.redemptionId,
      data: { payoutId: p.payoutId, reference: p.reference, usd: payout.amount.toString() },
    });
    return row!;
  });
}

import type { Db } from '@fiscus/ledger';
import { applyRedemptionBurned, applyRedemptionBurnFailed } from '../redemptions/burned.ts';
import { applySubscriptionFailed, applySubscriptionMinted } from '../subscriptions/effects.ts';
import type { OperationRow } from '../rows.ts';

/** Redemption and subscription sagas keyed on context.redemptionId / context.subscriptionId (single ops only). */
export async function applyDealingEffects(tx: Db, op: OperationRow): Promise<void> {
  await applyRedemptionBurned(tx, op);
  await applySubscriptionMinted(tx, op);
}

export async function applyDealingFailure(tx: Db, op: OperationRow): Promise<void> {
  await applyRedemptionBurnFailed(tx, op);
  await applySubscriptionFailed(tx, op);
}

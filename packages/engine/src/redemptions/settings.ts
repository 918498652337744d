import { eq } from 'drizzle-orm';
import type { MicroUsd } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';

const { redemptionSettings } = schema;

export interface RedemptionRules {
  /** Redemptions worth less than this at NAV are refused (API) or set aside (on chain). */
  minRedemptionUsd: MicroUsd;
  /** USD paid out per UTC day at most; null = unlimited. */
  dailyLiquidityUsd: MicroUsd | null;
  /** Payouts are paid from cash:<payoutAccount>. */
  payoutAccount: string;
}

/**
 * Subscription cash lands in cash:subscriptions, so by default redemptions are paid from there
 * (a fund's dealing account): a fund that sets nothing still settles redemptions it can afford.
 */
export const DEFAULT_RULES: RedemptionRules = { minRedemptionUsd: 0n, dailyLiquidityUsd: null, payoutAccount: 'subscriptions' };

export async function getRedemptionRules(db: Db, fundId: string): Promise<RedemptionRules> {
  const [row] = await db.select().from(redemptionSettings).where(eq(redemptionSettings.fundId, fundId));
  if (!row) return DEFAULT_RULES;
  return { minRedemptionUsd: row.minRedemptionUsd, dailyLiquidityUsd: row.dailyLiquidityUsd, payoutAccount: row.payoutAccount };
}

export async function setRedemptionRules(db: Db, fundId: string, rules: RedemptionRules): Promise<RedemptionRules> {
  const values = { minRedemptionUsd: rules.minRedemptionUsd, dailyLiquidityUsd: rules.dailyLiquidityUsd, payoutAccount: rules.payoutAccount };
  await db
    .insert(redemptionSettings)
    .values({ fundId, ...values })
    .onConflictDoUpdate({ target: redemptionSettings.fundId, set: { ...values, updatedAt: new Date() } });
  return rules;
}

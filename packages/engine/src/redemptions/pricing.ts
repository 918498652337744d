import { FiscusError, ROUNDING_RULES, usdForUnits, type MicroUsd, type Nav } from '@fiscus/core';
import { getCurrentNav, type Db } from '@fiscus/ledger';

/**
 * USD-side accounts of subscriptions and redemptions (commodity 'usd', micro-dollars).
 * `capital` is the fund's paid-in capital (equity, credit balance): a minted subscription moves
 * its cost there from the investor's account, a burned redemption moves its value out to the
 * investor's payable. Reserves (custody:* + cash:*) never include it.
 */
export const FUND_CAPITAL = 'capital';
/** Where subscription cash lands before the treasurer sweeps it (a cash:* account: counts as reserves). */
export const SUBSCRIPTION_CASH = 'subscriptions';

export interface PricedNav {
  nav: Nav;
  publishedAt: Date;
}

/** The NAV current now; NAV_STALE when the fund has none yet (nothing can be priced). */
export async function currentNavOrThrow(db: Db, fundId: string): Promise<PricedNav> {
  const current = await getCurrentNav(db, fundId);
  if (!current) throw new FiscusError('NAV_STALE', `fund ${fundId} has no published NAV`, { details: 'Publish a NAV before subscribing or redeeming.' });
  return current;
}

export interface RedemptionPrice {
  usd: MicroUsd;
  rule: typeof ROUNDING_RULES.REDEMPTION_USD_ROUND_DOWN;
  /** The fraction of a micro-dollar the fund keeps, as numerator / denominator (for the books). */
  keptNumerator: bigint;
  keptDenominator: bigint;
}

/** Redemptions round USD down: the investor is paid the exact value floored to a micro-dollar. */
export function priceRedemption(units: bigint, nav: Nav, decimals: number): RedemptionPrice {
  const split = usdForUnits(units, nav, decimals);
  return { usd: split.result, rule: ROUNDING_RULES.REDEMPTION_USD_ROUND_DOWN, keptNumerator: split.remainder, keptDenominator: split.remainderDenominator };
}

/**
 * A subscription given in units is charged SUBSCRIPTION_COST_ROUND_UP: the exact value of the
 * units rounded UP to a micro-dollar (the same rule unitsForUsd applies to its cost), so the fund
 * never issues units worth more than the cash it received.
 */
export function costForUnits(units: bigint, nav: Nav, decimals: number): MicroUsd {
  const exact = usdForUnits(units, nav, decimals);
  return exact.result + (exact.remainder > 0n ? 1n : 0n);
}

import { FiscusError, ROUNDING_RULES, unitsForUsd, type MicroUsd, type Nav } from '@fiscus/core';
import { costForUnits } from '../redemptions/pricing.ts';

export type SubscriptionAmount = { usd: MicroUsd } | { units: bigint };

export interface SubscriptionQuote {
  /** Cash the investor pays in (all of it is booked; `remainder` stays owed to the investor). */
  usdIn: MicroUsd;
  units: bigint;
  /** usdIn − remainder: the value of the units, charged to capital when the mint posts. */
  cost: MicroUsd;
  remainder: MicroUsd;
  nav: Nav;
  rule: string;
}

/**
 * USD in → units out: SUBSCRIPTION_UNITS_ROUND_DOWN (largest whole base units the cash pays for,
 * cost rounded up, the micro-dollars left over recorded as `remainder`). Units in → USD charged:
 * SUBSCRIPTION_COST_ROUND_UP. Either way cost + remainder === usdIn exactly.
 */
export function quoteSubscription(amount: SubscriptionAmount, nav: Nav, decimals: number): SubscriptionQuote {
  if ('usd' in amount) {
    const split = unitsForUsd(amount.usd, nav, decimals);
    if (split.result <= 0n) {
      throw new FiscusError('INVALID_AMOUNT', 'the USD amount buys less than one base unit at the current NAV', { meta: { usd: amount.usd.toString() } });
    }
    return { usdIn: amount.usd, units: split.result, cost: split.cost, remainder: split.remainder, nav, rule: ROUNDING_RULES.SUBSCRIPTION_UNITS_ROUND_DOWN };
  }
  const cost = costForUnits(amount.units, nav, decimals);
  return { usdIn: cost, units: amount.units, cost, remainder: 0n, nav, rule: ROUNDING_RULES.SUBSCRIPTION_COST_ROUND_UP };
}

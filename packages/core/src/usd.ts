import { FiscusError } from './errors.ts';
import { INT64_MAX, assertDecimals, formatFixed, parseFixed, type ParseOptions } from './units.ts';

/**
 * USD amounts are bigint micro-dollars (1e-6 USD): fine enough for NAV arithmetic on T-bill
 * yields, and an int64 holds $9.2 trillion, which fits the ledger's int8 money columns.
 */
export type MicroUsd = bigint;
export const USD_DECIMALS = 6;
export const MAX_USD: MicroUsd = INT64_MAX;

/** NAV in USD per WHOLE unit, as fixed point: value / 10^scale (e.g. {value: 100012345n, scale: 8} = $1.00012345). */
export interface Nav {
  value: bigint;
  scale: number;
}
export const MAX_NAV_SCALE = 18;

/**
 * Every rounding in the money path has a name, so ledger entries and audits can cite it.
 * Each one favours the fund (existing holders) by strictly less than one base unit / micro-dollar,
 * and the leftover is returned to the caller so it can be refunded or carried, never dropped.
 */
export const ROUNDING_RULES = {
  /** Subscriptions mint the largest whole number of base units the cash pays for. */
  SUBSCRIPTION_UNITS_ROUND_DOWN: 'SUBSCRIPTION_UNITS_ROUND_DOWN',
  /** The cash charged for those units is their exact value rounded UP to a micro-dollar. */
  SUBSCRIPTION_COST_ROUND_UP: 'SUBSCRIPTION_COST_ROUND_UP',
  /** Redemptions pay the exact value of the units rounded DOWN to a micro-dollar. */
  REDEMPTION_USD_ROUND_DOWN: 'REDEMPTION_USD_ROUND_DOWN',
  /** Reserves required for units outstanding: their exact value rounded UP (never under-collateralised). */
  RESERVES_REQUIRED_ROUND_UP: 'RESERVES_REQUIRED_ROUND_UP',
  /** Micro-dollars paid out in a stablecoin with fewer than 6 decimals: the payout rounds DOWN. */
  STABLECOIN_PAYOUT_ROUND_DOWN: 'STABLECOIN_PAYOUT_ROUND_DOWN',
  /** Stablecoin received with more than 6 decimals (Stellar's 7): credited DOWN to a micro-dollar. */
  STABLECOIN_RECEIPT_ROUND_DOWN: 'STABLECOIN_RECEIPT_ROUND_DOWN',
} as const;

export function parseUsd(text: string, opts: ParseOptions = {}): MicroUsd {
  return parseFixed(text, USD_DECIMALS, MAX_USD, opts);
}

export function formatUsd(micros: MicroUsd): string {
  return formatFixed(micros, USD_DECIMALS);
}

export function assertNav(nav: Nav): void {
  if (!Number.isInteger(nav.scale) || nav.scale < 0 || nav.scale > MAX_NAV_SCALE || nav.value <= 0n) {
    throw new FiscusError('VALIDATION_FAILED', `NAV must be positive with scale 0..${MAX_NAV_SCALE}`, {
      meta: { value: String(nav.value), scale: nav.scale },
    });
  }
}

/** Parses a NAV such as "1.00012345" at a fixed scale (more digits than the scale is refused). */
export function parseNav(text: string, scale: number): Nav {
  assertNav({ value: 1n, scale });
  return { value: parseFixed(text, scale, INT64_MAX), scale };
}

export function formatNav(nav: Nav): string {
  return formatFixed(nav.value, nav.scale);
}

function assertNonNegative(name: string, v: bigint): void {
  if (v < 0n) throw new FiscusError('INVALID_AMOUNT', `${name} ${v} is negative`, { meta: { actual: v.toString() } });
}

/**
 * Exact value of base units in micro-dollars is `units × nav.value × 10^6 / 10^(nav.scale + D)`;
 * this returns that fraction as numerator and denominator.
 */
function valueFraction(units: bigint, nav: Nav, decimals: number): { num: bigint; den: bigint } {
  return { num: units * nav.value * 10n ** BigInt(USD_DECIMALS), den: 10n ** BigInt(nav.scale + decimals) };
}

export interface SubscriptionSplit {
  /** Base units to mint (SUBSCRIPTION_UNITS_ROUND_DOWN). */
  result: bigint;
  /** Micro-dollars those units cost (SUBSCRIPTION_COST_ROUND_UP); cost + remainder === usd. */
  cost: MicroUsd;
  /** Micro-dollars not spent: refund them or carry them to the next subscription. */
  remainder: MicroUsd;
}

export function unitsForUsd(usd: MicroUsd, nav: Nav, decimals: number): SubscriptionSplit {
  assertDecimals(decimals);
  assertNav(nav);
  assertNonNegative('usd', usd);
  const perUnit = valueFraction(1n, nav, decimals);
  // units ≤ usd / (perUnit.num / perUnit.den)  ⇔  units ≤ usd × den / num
  const result = (usd * perUnit.den) / perUnit.num;
  const { num, den } = valueFraction(result, nav, decimals);
  const cost = (num + den - 1n) / den;
  return { result, cost, remainder: usd - cost };
}

export interface RedemptionSplit {
  /** Micro-dollars paid out (REDEMPTION_USD_ROUND_DOWN). */
  result: MicroUsd;
  /**
   * The fraction of one micro-dollar the fund keeps, as `remainder / remainderDenominator`
   * (0 ≤ remainder < remainderDenominator), so that exactly:
   * result × remainderDenominator + remainder === units × nav.value × 10^6.
   */
  remainder: bigint;
  remainderDenominator: bigint;
}

export function usdForUnits(units: bigint, nav: Nav, decimals: number): RedemptionSplit {
  assertDecimals(decimals);
  assertNav(nav);
  assertNonNegative('units', units);
  const { num, den } = valueFraction(units, nav, decimals);
  return { result: num / den, remainder: num % den, remainderDenominator: den };
}

/** Micro-dollars of reserves `units` need at `nav` (RESERVES_REQUIRED_ROUND_UP). */
export function requiredReserves(units: bigint, nav: Nav, decimals: number): MicroUsd {
  assertDecimals(decimals);
  assertNav(nav);
  assertNonNegative('units', units);
  const { num, den } = valueFraction(units, nav, decimals);
  return (num + den - 1n) / den;
}

import { FiscusError, INT64_MAX, isFiscusError, parseFixed } from '@fiscus/core';

/**
 * Named rounding rules of yield distributions (every rounding has a name and a test):
 *
 * - YIELD_PRO_RATA_ROUND_DOWN: the pool is this distribution's units plus the carry left by the
 *   fund's previous distribution; each holder gets ⌊pool × position / Σ positions⌋; the remainder
 *   (< number of holders) carries to the fund's next distribution. No unit is created or lost:
 *   Σ allocations + carryOut = units + carryIn, exactly.
 * - YIELD_RATE_TOTAL_ROUND_DOWN: with a rate per unit held, the units declared are
 *   ⌊Σ positions × rate⌋ (the sub-unit fraction is never declared); they are then allocated as above.
 */
export const YIELD_PRO_RATA_ROUND_DOWN = 'YIELD_PRO_RATA_ROUND_DOWN';
export const YIELD_RATE_TOTAL_ROUND_DOWN = 'YIELD_RATE_TOTAL_ROUND_DOWN';

/** Rates are fixed-point with this many fractional digits (new units per unit held). */
export const RATE_DECIMALS = 18;
const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS);

export interface ProRataResult {
  /** Same order as the positions given. */
  allocations: bigint[];
  carryOut: bigint;
}

export function allocateProRata(positions: readonly bigint[], units: bigint, carryIn: bigint): ProRataResult {
  if (units < 0n || carryIn < 0n) throw new FiscusError('VALIDATION_FAILED', 'units and carry must be ≥ 0');
  if (positions.some((p) => p < 0n)) throw new FiscusError('VALIDATION_FAILED', 'positions must be ≥ 0');
  const pool = units + carryIn;
  const held = positions.reduce((a, b) => a + b, 0n);
  // Nobody holds anything: nothing can be paid pro rata, the whole pool waits for holders.
  if (held === 0n) return { allocations: positions.map(() => 0n), carryOut: pool };
  const allocations = positions.map((p) => (pool * p) / held);
  const paid = allocations.reduce((a, b) => a + b, 0n);
  return { allocations, carryOut: pool - paid };
}

/**
 * Largest rate, as fixed point at RATE_DECIMALS: like every other amount (units, USD, NAV) it fits
 * an int64, i.e. at most 9.223372036854775807 new units per unit held — far above any yield, and
 * small enough that ⌊held × rate⌋ is checked against the fund's maximum at planning, never
 * overflowing a column.
 */
export const MAX_RATE = INT64_MAX;

/**
 * Parses a positive decimal rate ("0.000123") into fixed point at RATE_DECIMALS, with the grammar
 * and bound of every other amount (core's parseFixed): no sign, exponent or spaces; at most 18
 * decimals; at most MAX_RATE; zero refused. Errors name the field.
 */
export function parseRate(text: string): bigint {
  try {
    return parseFixed(text, RATE_DECIMALS, MAX_RATE);
  } catch (e) {
    if (isFiscusError(e)) throw new FiscusError(e.code, `ratePerUnit: ${e.shortMessage}`, { details: e.details, meta: { ...e.meta, field: 'ratePerUnit' } });
    throw e;
  }
}

/** YIELD_RATE_TOTAL_ROUND_DOWN: ⌊held × rate⌋ in base units. */
export function unitsForRate(held: bigint, rate: bigint): bigint {
  return (held * rate) / RATE_SCALE;
}

import { FiscusError } from './errors.ts';

/**
 * Fund units are bigint base units at the fund's `decimals` D (0 ≤ D ≤ 7). Seven is the cap
 * because Stellar stores every amount as int64 stroops (1e-7), so a unit at D ≤ 7 maps to a
 * whole number of stroops on every chain. Nothing here ever rounds: inexact input is an error.
 */
export const MAX_DECIMALS = 7;

/** Largest int64: Stellar amounts and the ledger's int8 columns both top out here. */
export const INT64_MAX = 2n ** 63n - 1n;

const STELLAR_DECIMALS = 7;

export function assertDecimals(d: number): void {
  if (!Number.isInteger(d) || d < 0 || d > MAX_DECIMALS) {
    throw new FiscusError('VALIDATION_FAILED', `decimals must be an integer 0..${MAX_DECIMALS}, got ${d}`, {
      meta: { decimals: d, limit: MAX_DECIMALS },
    });
  }
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Stroops per base unit at `decimals` (10^(7 - D)). */
const stroopFactor = (decimals: number): bigint => pow10(STELLAR_DECIMALS - decimals);

/** Largest units whose stroops (units × 10^(7-D)) still fit int64, so they fit on every chain. */
export function maxUnits(decimals: number): bigint {
  assertDecimals(decimals);
  return INT64_MAX / stroopFactor(decimals);
}

export interface ParseOptions {
  allowNegative?: boolean;
  /** Zero is refused by default: a zero mint/transfer is almost always a client bug. */
  allowZero?: boolean;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string at `decimals` places into base units, with `max` as the absolute bound.
 * Shared by units and USD so both reject the same malformed text the same way.
 */
export function parseFixed(text: string, decimals: number, max: bigint, opts: ParseOptions = {}): bigint {
  const m = typeof text === 'string' ? DECIMAL.exec(text) : null;
  if (!m) {
    throw new FiscusError('INVALID_AMOUNT', `"${String(text)}" is not a decimal amount`, {
      details: 'Use digits with an optional "." and fraction, e.g. "123.45"; no sign "+", exponent or spaces.',
      meta: { decimals },
    });
  }
  const [, sign, int = '', frac = ''] = m;
  if (frac.length > decimals) {
    throw new FiscusError('TOO_MANY_DECIMALS', `"${text}" has ${frac.length} decimals; at most ${decimals} allowed`, {
      meta: { decimals, limit: String(decimals), actual: String(frac.length) },
    });
  }
  if (sign && !opts.allowNegative) {
    throw new FiscusError('INVALID_AMOUNT', `"${text}" is negative`, { meta: { decimals } });
  }
  // Cheap guard before BigInt(): a huge digit string is out of range anyway.
  const significant = int.replace(/^0+/, '');
  const limitDigits = max.toString().length;
  if (significant.length > limitDigits) {
    throw outOfRange(text, decimals, max);
  }
  const magnitude = BigInt(int + frac.padEnd(decimals, '0'));
  if (magnitude === 0n && !opts.allowZero) {
    throw new FiscusError('INVALID_AMOUNT', `"${text}" is zero`, { meta: { decimals } });
  }
  if (magnitude > max) throw outOfRange(text, decimals, max);
  return sign ? -magnitude : magnitude;
}

function outOfRange(text: string, decimals: number, max: bigint): FiscusError {
  return new FiscusError('AMOUNT_OUT_OF_RANGE', `"${text}" exceeds the maximum ${formatFixed(max, decimals)}`, {
    meta: { decimals, limit: max.toString() },
  });
}

/** Canonical decimal text: no trailing fractional zeros, no trailing ".", "-" for negatives. */
export function formatFixed(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const factor = pow10(decimals);
  const int = (abs / factor).toString();
  const frac = decimals === 0 ? '' : (abs % factor).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

export function parseUnits(text: string, decimals: number, opts: ParseOptions = {}): bigint {
  return parseFixed(text, decimals, maxUnits(decimals), opts);
}

/** Total for any bigint (sums across chains may exceed one chain's range). */
export function formatUnits(units: bigint, decimals: number): string {
  assertDecimals(decimals);
  return formatFixed(units, decimals);
}

/** Chain amounts are never negative and must fit every chain (see maxUnits). */
function assertChainUnits(units: bigint, decimals: number): void {
  if (units < 0n) {
    throw new FiscusError('INVALID_AMOUNT', `amount ${units} is negative`, { meta: { decimals, actual: units.toString() } });
  }
  const max = maxUnits(decimals);
  if (units > max) {
    throw new FiscusError('AMOUNT_OUT_OF_RANGE', `amount ${units} exceeds the maximum ${max}`, {
      meta: { decimals, limit: max.toString(), actual: units.toString() },
    });
  }
}

export function toStellarStroops(units: bigint, decimals: number): bigint {
  assertChainUnits(units, decimals);
  return units * stroopFactor(decimals);
}

/** Refuses stroops that are not a whole number of units: a sub-unit remainder would vanish. */
export function fromStellarStroops(stroops: bigint, decimals: number): bigint {
  assertDecimals(decimals);
  if (stroops < 0n || stroops > INT64_MAX) {
    throw new FiscusError('AMOUNT_OUT_OF_RANGE', `stroops ${stroops} outside 0..${INT64_MAX}`, {
      meta: { decimals, limit: INT64_MAX.toString(), actual: stroops.toString() },
    });
  }
  const factor = stroopFactor(decimals);
  if (stroops % factor !== 0n) {
    throw new FiscusError('INVALID_AMOUNT', `stroops ${stroops} are not a whole number of units at ${decimals} decimals`, {
      meta: { decimals, actual: stroops.toString(), multipleOf: factor.toString() },
    });
  }
  return stroops / factor;
}

/** The EVM token is deployed with the fund's decimals, so base units are the same number. */
export function toEvmBaseUnits(units: bigint, decimals: number): bigint {
  assertChainUnits(units, decimals);
  return units;
}

export function fromEvmBaseUnits(base: bigint, decimals: number): bigint {
  assertChainUnits(base, decimals);
  return base;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FiscusError } from './errors.ts';
import { MAX_DECIMALS } from './units.ts';
import { MAX_USD, formatNav, formatUsd, parseNav, parseUsd, unitsForUsd, usdForUnits, type Nav } from './usd.ts';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as FiscusError).code;
  }
  return undefined;
};

const navArb: fc.Arbitrary<Nav> = fc
  .integer({ min: 0, max: 12 })
  .chain((scale) => fc.record({ value: fc.bigInt({ min: 1n, max: 10n ** BigInt(scale + 4) }), scale: fc.constant(scale) }));
const decimalsArb = fc.integer({ min: 0, max: MAX_DECIMALS });
const money = fc.bigInt({ min: 0n, max: 10n ** 15n }); // up to $1bn

describe('USD text', () => {
  it('parses and formats micro-dollars', () => {
    expect(parseUsd('1000.25')).toBe(1_000_250_000n);
    expect(parseUsd('0.000001')).toBe(1n);
    expect(formatUsd(1_000_250_000n)).toBe('1000.25');
    expect(code(() => parseUsd('0.0000001'))).toBe('TOO_MANY_DECIMALS');
    expect(code(() => parseUsd('1e3'))).toBe('INVALID_AMOUNT');
    expect(code(() => parseUsd(formatUsd(MAX_USD + 1n)))).toBe('AMOUNT_OUT_OF_RANGE');
  });
  it('round-trips', () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: MAX_USD }), (m) => parseUsd(formatUsd(m)) === m));
  });
  it('NAV is validated fixed point', () => {
    expect(parseNav('1.00012345', 8)).toEqual({ value: 100_012_345n, scale: 8 });
    expect(formatNav({ value: 100_012_345n, scale: 8 })).toBe('1.00012345');
    expect(code(() => parseNav('0', 8))).toBe('INVALID_AMOUNT');
    expect(code(() => parseNav('1.000000001', 8))).toBe('TOO_MANY_DECIMALS');
    expect(code(() => unitsForUsd(1n, { value: 0n, scale: 6 }, 6))).toBe('VALIDATION_FAILED');
    expect(code(() => unitsForUsd(1n, { value: 1n, scale: 19 }, 6))).toBe('VALIDATION_FAILED');
  });
});

describe('SUBSCRIPTION_UNITS_ROUND_DOWN', () => {
  it('worked example: $1000 at NAV 1.00012345, 6 decimals', () => {
    const r = unitsForUsd(1_000_000_000n, parseNav('1.00012345', 8), 6);
    // 1000 / 1.00012345 = 999.876565... units → floor to 999.876565 (999876565 base units)
    expect(r.result).toBe(999_876_565n);
    expect(r.cost + r.remainder).toBe(1_000_000_000n);
    expect(r.remainder).toBeGreaterThanOrEqual(0n);
  });
  it('at NAV 1.00 nothing is left over', () => {
    expect(unitsForUsd(5_000_000n, { value: 1n, scale: 0 }, 6)).toEqual({ result: 5_000_000n, cost: 5_000_000n, remainder: 0n });
  });
  it('no micro-dollar is created or lost, and the units are the most the cash buys', () => {
    fc.assert(
      fc.property(money, navArb, decimalsArb, (usd, nav, d) => {
        const { result, cost, remainder } = unitsForUsd(usd, nav, d);
        const den = 10n ** BigInt(nav.scale + d);
        const exact = (u: bigint) => u * nav.value * 1_000_000n; // micro-USD × den
        return (
          cost + remainder === usd &&
          remainder >= 0n &&
          exact(result) <= cost * den && // cost covers the units' exact value (rounded up) …
          cost * den < exact(result) + den && // … by less than one micro-dollar
          exact(result + 1n) > usd * den // one more base unit would cost more than was paid
        );
      }),
    );
  });
  it('refuses negative cash', () => expect(code(() => unitsForUsd(-1n, { value: 1n, scale: 0 }, 6))).toBe('INVALID_AMOUNT'));
});

describe('REDEMPTION_USD_ROUND_DOWN', () => {
  it('worked example', () => {
    const r = usdForUnits(999_876_565n, parseNav('1.00012345', 8), 6);
    expect(r.result).toBe(999_999_999n); // $999.999999…, rounded down
    expect(r.result * r.remainderDenominator + r.remainder).toBe(999_876_565n * 100_012_345n * 1_000_000n);
  });
  it('result × denominator + remainder equals the exact value, remainder below one micro-dollar', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n }), navArb, decimalsArb, (units, nav, d) => {
        const { result, remainder, remainderDenominator: den } = usdForUnits(units, nav, d);
        return result * den + remainder === units * nav.value * 1_000_000n && remainder >= 0n && remainder < den;
      }),
    );
  });
  it('subscribing then redeeming never pays out more than was paid in', () => {
    fc.assert(
      fc.property(money, navArb, decimalsArb, (usd, nav, d) => {
        const sub = unitsForUsd(usd, nav, d);
        return usdForUnits(sub.result, nav, d).result <= sub.cost;
      }),
    );
  });
});

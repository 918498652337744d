import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { USD_DECIMALS, type Nav } from '@fiscus/core';
import { costForUnits, priceRedemption } from './pricing.ts';
import { quoteSubscription } from '../subscriptions/quote.ts';

const navArb = fc.record({ value: fc.bigInt({ min: 1n, max: 10n ** 12n }), scale: fc.integer({ min: 0, max: 10 }) }) as fc.Arbitrary<Nav>;
const decimalsArb = fc.integer({ min: 0, max: 7 });
/** Exact value of `units` at `nav` as a fraction num/den micro-dollars. */
const exact = (units: bigint, nav: Nav, d: number) => ({ num: units * nav.value * 10n ** BigInt(USD_DECIMALS), den: 10n ** BigInt(nav.scale + d) });

describe('rounding rules create or lose no micro-dollar and no unit', () => {
  it('SUBSCRIPTION_UNITS_ROUND_DOWN: cost + remainder = USD in; the units are worth ≤ cost < their value + 1µ$; one more unit would not be paid for', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), navArb, decimalsArb, (usd, nav, d) => {
        let q;
        try {
          q = quoteSubscription({ usd }, nav, d);
        } catch {
          // Less than one base unit: refused, nothing booked.
          const one = exact(1n, nav, d);
          expect(usd * one.den < one.num).toBe(true);
          return;
        }
        expect(q.cost + q.remainder).toBe(usd);
        expect(q.remainder >= 0n).toBe(true);
        const v = exact(q.units, nav, d);
        expect(q.cost * v.den >= v.num).toBe(true); // cost covers the units' exact value
        expect((q.cost - 1n) * v.den < v.num).toBe(true); // by less than one micro-dollar
        const next = exact(q.units + 1n, nav, d);
        expect(usd * next.den < next.num).toBe(true); // round DOWN: one more unit costs more than was paid
      }),
      { numRuns: 2_000 },
    );
  });

  it('SUBSCRIPTION_COST_ROUND_UP: units in → USD charged is their value rounded up (the same cost a USD subscription computes)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 13n }), navArb, decimalsArb, (units, nav, d) => {
        const q = quoteSubscription({ units }, nav, d);
        expect(q.units).toBe(units);
        expect(q.remainder).toBe(0n);
        expect(q.cost).toBe(costForUnits(units, nav, d));
        const v = exact(units, nav, d);
        expect(q.cost * v.den >= v.num && (q.cost - 1n) * v.den < v.num).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('REDEMPTION_USD_ROUND_DOWN: paid × den + kept = exact value; kept < one micro-dollar', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), navArb, decimalsArb, (units, nav, d) => {
        const p = priceRedemption(units, nav, d);
        const v = exact(units, nav, d);
        expect(p.keptDenominator).toBe(v.den);
        expect(p.usd * p.keptDenominator + p.keptNumerator).toBe(v.num);
        expect(p.keptNumerator >= 0n && p.keptNumerator < p.keptDenominator).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('a round trip subscribe → redeem at one NAV never pays out more than was paid in', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), navArb, decimalsArb, (usd, nav, d) => {
        let q;
        try {
          q = quoteSubscription({ usd }, nav, d);
        } catch {
          return;
        }
        const paid = priceRedemption(q.units, nav, d).usd;
        expect(paid <= q.cost).toBe(true);
        expect(q.cost - paid <= 1n).toBe(true); // the two roundings differ by at most one micro-dollar
      }),
      { numRuns: 2_000 },
    );
  });

  it('names the examples: $10 at NAV 1.5 with 6 decimals (one base unit = 1.5 µ$)', () => {
    const nav = { value: 15n, scale: 1 };
    // 10 / 1.5 = 6.6666666… units → 6.666666 (round down); they cost 9.999999 exactly; 1 µ$ left over.
    const q = quoteSubscription({ usd: 10_000_000n }, nav, 6);
    expect(q).toMatchObject({ units: 6_666_666n, cost: 9_999_999n, remainder: 1n, rule: 'SUBSCRIPTION_UNITS_ROUND_DOWN' });
    // 1 base unit is worth 1.5 µ$: redeemed alone it pays 1 µ$ (round down), the fund keeps ½ µ$.
    expect(priceRedemption(1n, nav, 6)).toMatchObject({ usd: 1n, keptNumerator: 5_000_000n, keptDenominator: 10_000_000n });
    // Charged by units, 1 base unit costs 2 µ$ (round up).
    expect(quoteSubscription({ units: 1n }, nav, 6)).toMatchObject({ cost: 2n, rule: 'SUBSCRIPTION_COST_ROUND_UP' });
  });
});

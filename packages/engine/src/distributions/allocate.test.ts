import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RATE, allocateProRata, parseRate, unitsForRate } from './allocate.ts';

const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe('YIELD_PRO_RATA_ROUND_DOWN', () => {
  it('rounds each holder down and carries the remainder', () => {
    // 100 units over positions 1:1:1 → 33 each, 1 carried.
    const r = allocateProRata([5n, 5n, 5n], 100n, 0n);
    expect(r.allocations).toEqual([33n, 33n, 33n]);
    expect(r.carryOut).toBe(1n);
  });

  it('pays the previous carry into the pool', () => {
    const r = allocateProRata([1n, 3n], 99n, 1n);
    expect(r.allocations).toEqual([25n, 75n]);
    expect(r.carryOut).toBe(0n);
  });

  it('keeps the whole pool when nobody holds', () => {
    expect(allocateProRata([], 10n, 3n)).toEqual({ allocations: [], carryOut: 13n });
    expect(allocateProRata([0n, 0n], 10n, 0n)).toEqual({ allocations: [0n, 0n], carryOut: 10n });
  });

  it('refuses negative inputs', () => {
    expect(() => allocateProRata([1n], -1n, 0n)).toThrow(/≥ 0/);
    expect(() => allocateProRata([-1n], 1n, 0n)).toThrow(/≥ 0/);
  });

  it('property: Σ allocations + carryOut = units + carryIn, each holder within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 15n }), { maxLength: 60 }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 10n ** 3n }),
        (positions, units, carryIn) => {
          const { allocations, carryOut } = allocateProRata(positions, units, carryIn);
          expect(sum(allocations) + carryOut).toBe(units + carryIn);
          expect(carryOut >= 0n).toBe(true);
          const held = sum(positions);
          if (held > 0n) {
            // The remainder is less than one unit per holder: round-down loses < 1 each.
            expect(carryOut < BigInt(Math.max(positions.length, 1))).toBe(true);
            positions.forEach((p, i) => {
              const exact = (units + carryIn) * p;
              expect(allocations[i]! * held <= exact && exact < (allocations[i]! + 1n) * held).toBe(true);
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: carry chained over several distributions never creates or loses a unit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 9n }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 10 }),
        (positions, days) => {
          let carry = 0n;
          let paid = 0n;
          for (const units of days) {
            const r = allocateProRata(positions, units, carry);
            paid += sum(r.allocations);
            carry = r.carryOut;
          }
          expect(paid + carry).toBe(sum(days));
        },
      ),
    );
  });
});

describe('YIELD_RATE_TOTAL_ROUND_DOWN', () => {
  it('declares ⌊held × rate⌋', () => {
    expect(unitsForRate(1_000_000n, parseRate('0.0001234'))).toBe(123n);
    expect(unitsForRate(999n, parseRate('0.001'))).toBe(0n);
    expect(unitsForRate(10n, parseRate('1.5'))).toBe(15n);
  });

  it('rejects malformed rates', () => {
    for (const bad of ['-1', '1e-3', 'abc', '0.0000000000000000001', '', ' 1', '1 ', '+1', '0', '0.000']) expect(() => parseRate(bad)).toThrow(/ratePerUnit/);
  });

  it('bounds the rate like every other amount (its fixed point fits an int64)', () => {
    expect(parseRate('9.223372036854775807')).toBe(MAX_RATE);
    expect(() => parseRate('9.223372036854775808')).toThrow(
      expect.objectContaining({ code: 'AMOUNT_OUT_OF_RANGE', meta: expect.objectContaining({ field: 'ratePerUnit' }) }),
    );
    expect(() => parseRate('9223372036854775808')).toThrow(expect.objectContaining({ code: 'AMOUNT_OUT_OF_RANGE' }));
    expect(() => parseRate(' 1')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { requiredReserves, usdForUnits } from './usd.ts';

describe('requiredReserves (RESERVES_REQUIRED_ROUND_UP)', () => {
  it('is the exact value when it is a whole micro-dollar, else one micro-dollar more', () => {
    expect(requiredReserves(100_000_000n, { value: 1_000_001n, scale: 6 }, 6)).toBe(100_000_100n);
    expect(requiredReserves(1n, { value: 1_000_001n, scale: 6 }, 6)).toBe(2n);
    expect(requiredReserves(0n, { value: 1_000_001n, scale: 6 }, 6)).toBe(0n);
    expect(requiredReserves(3n, { value: 1n, scale: 0 }, 0)).toBe(3_000_000n);
  });

  it('never under-collateralises: within one micro-dollar above what redeeming everything pays', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 7 }),
        (units, value, scale, decimals) => {
          const nav = { value, scale };
          const req = requiredReserves(units, nav, decimals);
          const paid = usdForUnits(units, nav, decimals);
          expect(req - paid.result).toBe(paid.remainder === 0n ? 0n : 1n);
        },
      ),
    );
  });

  it('refuses negative units', () => {
    expect(() => requiredReserves(-1n, { value: 1n, scale: 0 }, 0)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });
});

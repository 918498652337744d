import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { microUsdToStablecoin, stablecoinToMicroUsd } from './settlement.ts';

describe('stablecoin conversions', () => {
  it('are exact at 6 decimals (USDC) and scale up exactly at 7 (Stellar)', () => {
    expect(microUsdToStablecoin(1_234_567n, 6)).toMatchObject({ amount: 1_234_567n, kept: 0n, rule: null });
    expect(microUsdToStablecoin(1_234_567n, 7)).toMatchObject({ amount: 12_345_670n, kept: 0n, rule: null });
    expect(stablecoinToMicroUsd(12_345_670n, 7)).toEqual({ usd: 1_234_567n, dust: 0n, rule: 'STABLECOIN_RECEIPT_ROUND_DOWN' });
  });

  it('round payouts down below 6 decimals and receipts down above, keeping the rest', () => {
    expect(microUsdToStablecoin(1_234_567n, 2)).toEqual({ amount: 123n, usd: 1_230_000n, kept: 4_567n, rule: 'STABLECOIN_PAYOUT_ROUND_DOWN' });
    expect(stablecoinToMicroUsd(12_345_679n, 7)).toEqual({ usd: 1_234_567n, dust: 9n, rule: 'STABLECOIN_RECEIPT_ROUND_DOWN' });
  });

  it('never create or lose value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), fc.integer({ min: 0, max: 18 }), (usd, decimals) => {
        const out = microUsdToStablecoin(usd, decimals);
        expect(out.usd + out.kept).toBe(usd);
        const back = stablecoinToMicroUsd(out.amount, decimals);
        expect(back.usd).toBe(out.usd);
        expect(back.dust).toBe(0n);
      }),
    );
  });

  it('refuse negative amounts and impossible decimals', () => {
    expect(() => microUsdToStablecoin(-1n, 6)).toThrow(/negative/);
    expect(() => stablecoinToMicroUsd(1n, 19)).toThrow(/decimals/);
    expect(() => stablecoinToMicroUsd(1n, 1.5)).toThrow(/decimals/);
  });
});

import { describe, expect, it } from 'vitest';
import { bumpedFees, type FeePolicy } from './fees.ts';

const GWEI = 1_000_000_000n;
const policy: FeePolicy = { maxFeePerGas: 100n * GWEI, bumpPercent: 25n };
const quiet = { maxFeePerGas: 1n * GWEI, maxPriorityFeePerGas: 1n };

describe('replacement fees (bounded fee policy)', () => {
  it('raise both fields by the bump percent, rounded up', () => {
    expect(bumpedFees({ maxFeePerGas: 10n * GWEI, maxPriorityFeePerGas: 3n }, quiet, policy)).toEqual({
      maxFeePerGas: 12_500_000_000n,
      maxPriorityFeePerGas: 4n,
    });
  });

  it('follow the market when it asks more than the bump', () => {
    const market = { maxFeePerGas: 40n * GWEI, maxPriorityFeePerGas: 2n * GWEI };
    expect(bumpedFees({ maxFeePerGas: 10n * GWEI, maxPriorityFeePerGas: GWEI }, market, policy)).toEqual(market);
  });

  it('stop at the cap, and give up only when the cap leaves less than the +10% nodes require', () => {
    expect(bumpedFees({ maxFeePerGas: 90n * GWEI, maxPriorityFeePerGas: GWEI }, quiet, policy)).toEqual({
      maxFeePerGas: 100n * GWEI,
      maxPriorityFeePerGas: 1_250_000_000n,
    });
    expect(bumpedFees({ maxFeePerGas: 95n * GWEI, maxPriorityFeePerGas: GWEI }, quiet, policy)).toBeNull();
    expect(bumpedFees({ maxFeePerGas: 100n * GWEI, maxPriorityFeePerGas: GWEI }, quiet, policy)).toBeNull();
  });

  it('a filler may pass the cap (its 21,000 gas bounds the cost) so it can always replace', () => {
    expect(bumpedFees({ maxFeePerGas: 100n * GWEI, maxPriorityFeePerGas: GWEI }, quiet, policy, true)).toEqual({
      maxFeePerGas: 125n * GWEI,
      maxPriorityFeePerGas: 1_250_000_000n,
    });
  });

  it('never bid a tip above the fee cap', () => {
    const market = { maxFeePerGas: GWEI, maxPriorityFeePerGas: 200n * GWEI };
    expect(bumpedFees({ maxFeePerGas: 80n * GWEI, maxPriorityFeePerGas: 80n * GWEI }, market, policy)).toEqual({
      maxFeePerGas: 100n * GWEI,
      maxPriorityFeePerGas: 100n * GWEI,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { advance, consumeGas, gasPrice, LOCAL_FEE_CONFIG, type FeeConfig } from './fees.ts';

// Vectors from avalanchego vms/components/gas/gas_test.go (calculatePriceTests).
const MAX = (1n << 64n) - 1n;
const cfg = (minPrice: bigint, k: bigint): FeeConfig => ({ ...LOCAL_FEE_CONFIG, minPrice, excessConversionConstant: k });

describe('P-Chain dynamic fee (ACP-103)', () => {
  it.each([
    [1n, 0n, 1n, 1n],
    [1n, 1n, 1n, 2n],
    [1n, 2n, 1n, 6n],
    [1n, 10_000n, 10_000n, 2n],
    [1n, 1_000_000n, 10_000n, MAX],
    [10n, 10_000_000n, 1_000_000n, 220_264n],
    [MAX, MAX, 1n, MAX],
    [(1n << 32n) - 1n, 1n, 1n, 11_674_931_546n],
    [6_786_177_901_268_885_274n, 1n, 1n, MAX - 11n],
    [6_786_177_901_268_885_274n, MAX, MAX, MAX - 1n],
  ])('price(min %s, excess %s, K %s) = %s', (minPrice, excess, k, expected) => {
    expect(gasPrice(cfg(minPrice, k), excess)).toBe(expected);
  });

  it('excess decays at the target rate and capacity refills up to the max; a tx above capacity is refused', () => {
    const s = { capacity: 100n, excess: 120_000n, time: 1_000 };
    expect(advance(LOCAL_FEE_CONFIG, s, 1_002)).toEqual({ capacity: 200_100n, excess: 20_000n, time: 1_002 });
    expect(advance(LOCAL_FEE_CONFIG, s, 1_100)).toEqual({ capacity: 1_000_000n, excess: 0n, time: 1_100 });
    expect(consumeGas({ capacity: 10n, excess: 5n, time: 0 }, 7n)).toEqual({ capacity: 3n, excess: 12n, time: 0 });
    expect(() => consumeGas({ capacity: 10n, excess: 5n, time: 0 }, 11n)).toThrow('insufficient capacity');
  });
});

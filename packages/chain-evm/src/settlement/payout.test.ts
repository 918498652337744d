import { describe, expect, it } from 'vitest';
import { evmAbi } from '../index.ts';
import { encodePayout } from './payout.ts';
import { SETTLEMENT_DETAILS } from './config.ts';

const treasury = '0x1000000000000000000000000000000000000001';
const to = '0x2000000000000000000000000000000000000002';
const details = (decimals: number) => ({
  token: '0x3000000000000000000000000000000000000003',
  [SETTLEMENT_DETAILS.asset]: JSON.stringify({ family: 'evm', address: '0x4000000000000000000000000000000000000004', decimals, symbol: 'USDC' }),
  [SETTLEMENT_DETAILS.treasury]: treasury,
});
const args = (data: string) => evmAbi.redemption.decodeFunctionData('payout', data);

describe('encodePayout: micro-dollars to the stablecoin, paid by the treasury contract', () => {
  it('is exact at 6 decimals and scales up at 18', () => {
    const six = encodePayout({ kind: 'payout', to, usd: 12_345_678n }, 'eip155:1', details(6));
    expect(six.to).toBe(treasury);
    expect(args(six.data)[1]).toBe(12_345_678n);
    expect(args(encodePayout({ kind: 'payout', to, usd: 1n }, 'eip155:1', details(18)).data)[1]).toBe(10n ** 12n);
  });

  it('rounds DOWN below 6 decimals (STABLECOIN_PAYOUT_ROUND_DOWN) and refuses what rounds to nothing', () => {
    expect(args(encodePayout({ kind: 'payout', to, usd: 1_999_999n }, 'eip155:1', details(2)).data)[1]).toBe(199n);
    expect(() => encodePayout({ kind: 'payout', to, usd: 9_999n }, 'eip155:1', details(2))).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  it('refuses a deployment without a settlement asset and a bad recipient', () => {
    expect(() => encodePayout({ kind: 'payout', to, usd: 1n }, 'eip155:1', { token: treasury })).toThrow(
      expect.objectContaining({ code: 'CAPABILITY_UNSUPPORTED' }),
    );
    expect(() => encodePayout({ kind: 'payout', to: 'nope', usd: 1n }, 'eip155:1', details(6))).toThrow();
  });
});

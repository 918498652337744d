import { describe, expect, it } from 'vitest';
import type { FiscusError } from './errors.ts';
import { parseFund } from './fund.ts';
import { DEFAULT_POLICY } from './policy/types.ts';
import { maxUnits } from './units.ts';

const valid = { id: 'fund_1', name: 'US Treasury Money Fund', symbol: 'USTMF' };
const failurePaths = (input: unknown): string[] => {
  try {
    parseFund(input);
  } catch (e) {
    expect((e as FiscusError).code).toBe('VALIDATION_FAILED');
    return (((e as FiscusError).meta?.issues ?? []) as { path: string }[]).map((i) => i.path);
  }
  throw new Error('expected a validation failure');
};

describe('fund', () => {
  it('defaults decimals to 6, the policy to DEFAULT_POLICY and the threshold to null', () => {
    expect(parseFund(valid)).toEqual({ ...valid, decimals: 6, policy: DEFAULT_POLICY, mintApprovalThreshold: null });
  });
  it('reads the policy JSON and a base-unit threshold string', () => {
    const f = parseFund({ ...valid, decimals: 2, policy: { maxHolding: '100000', kycRequired: false }, mintApprovalThreshold: '5000000' });
    expect(f.policy).toEqual({ blockedJurisdictions: [], kycRequired: false, maxHolding: 100_000n });
    expect(f.mintApprovalThreshold).toBe(5_000_000n);
    expect(parseFund({ ...valid, mintApprovalThreshold: 7n }).mintApprovalThreshold).toBe(7n);
  });
  it('accepts every decimals 0..7', () => {
    for (let d = 0; d <= 7; d++) expect(parseFund({ ...valid, decimals: d }).decimals).toBe(d);
  });
  it.each([
    ['decimals 8', { decimals: 8 }, 'decimals'],
    ['fractional decimals', { decimals: 6.5 }, 'decimals'],
    ['empty name', { name: '' }, 'name'],
    ['name too long', { name: 'x'.repeat(101) }, 'name'],
    ['lower-case symbol', { symbol: 'ustmf' }, 'symbol'],
    ['symbol too long', { symbol: 'ABCDEFGHIJKLM' }, 'symbol'],
    ['symbol with dash', { symbol: 'US-T' }, 'symbol'],
    ['threshold as a number', { mintApprovalThreshold: 1000 }, 'mintApprovalThreshold'],
    ['zero threshold', { mintApprovalThreshold: '0' }, 'mintApprovalThreshold'],
    ['threshold above the fund range', { decimals: 0, mintApprovalThreshold: (maxUnits(0) + 1n).toString() }, 'mintApprovalThreshold'],
    ['max holding above the fund range', { decimals: 0, policy: { maxHolding: (maxUnits(0) + 1n).toString() } }, 'policy.maxHolding'],
    ['bad policy', { policy: { blockedJurisdictions: ['XX'] } }, 'policy.blockedJurisdictions.0'],
    ['unknown key', { chains: [] }, ''],
  ])('rejects %s', (_why, over, path) => expect(failurePaths({ ...valid, ...over })).toContain(path));
});

import { describe, expect, it } from 'vitest';
import { FiscusError } from '../errors.ts';
import { assertPolicyAllows, evaluatePolicy } from './evaluate.ts';
import type { Policy, PolicyAction, PolicyFacts, PolicyRule } from './types.ts';

const NOW = new Date('2025-06-01T00:00:00Z');
const DAY = 86_400;

const base: Policy = { blockedJurisdictions: ['KP'], allowedJurisdictions: ['US', 'DE'], allowedInvestorTypes: ['accredited'], kycRequired: true };
const investor = { id: 'inv_a', jurisdiction: 'US', investorType: 'accredited', kycStatus: 'verified', kycExpiresAt: new Date('2026-01-01T00:00:00Z') };
const facts = (over: Partial<PolicyFacts> & { inv?: Partial<PolicyFacts['investor']> } = {}): PolicyFacts => {
  const { inv, ...rest } = over;
  return { investor: { ...investor, ...inv }, action: 'subscribe', units: 100n, holding: 0n, holderCount: 0, now: NOW, ...rest };
};

type Case = [name: string, policy: Partial<Policy>, facts: PolicyFacts, expected: PolicyRule | 'allow', message?: string];

const cases: Case[] = [
  ['eligible investor subscribes', {}, facts(), 'allow'],
  // jurisdiction
  ['blocked jurisdiction', {}, facts({ inv: { jurisdiction: 'KP' } }), 'jurisdiction_blocked', 'jurisdiction KP is blocked'],
  ['blocked wins over allowed', { allowedJurisdictions: ['KP'] }, facts({ inv: { jurisdiction: 'KP' } }), 'jurisdiction_blocked'],
  ['not in allowed list', {}, facts({ inv: { jurisdiction: 'FR' } }), 'jurisdiction_not_allowed'],
  ['empty allowed list = any', { allowedJurisdictions: [] }, facts({ inv: { jurisdiction: 'FR' } }), 'allow'],
  ['absent allowed list = any', { allowedJurisdictions: undefined }, facts({ inv: { jurisdiction: 'FR' } }), 'allow'],
  ['lower-case facts still match', {}, facts({ inv: { jurisdiction: 'kp' } }), 'jurisdiction_blocked'],
  ['receive from a blocked jurisdiction', {}, facts({ action: 'receive', inv: { jurisdiction: 'KP' } }), 'jurisdiction_blocked'],
  ['hold sweep flags blocked jurisdiction', {}, facts({ action: 'hold', units: 0n, holding: 5n, inv: { jurisdiction: 'KP' } }), 'jurisdiction_blocked'],
  ['a blocked investor can still be redeemed', {}, facts({ action: 'redeem', holding: 100n, inv: { jurisdiction: 'KP' } }), 'allow'],
  // investor type
  ['wrong investor type', {}, facts({ inv: { investorType: 'individual' } }), 'investor_type'],
  ['empty type list = any', { allowedInvestorTypes: [] }, facts({ inv: { investorType: 'individual' } }), 'allow'],
  ['type not checked on transferOut', {}, facts({ action: 'transferOut', holding: 100n, inv: { investorType: 'individual' } }), 'allow'],
  // KYC
  ['KYC pending', {}, facts({ inv: { kycStatus: 'pending' } }), 'kyc_required', 'KYC status is pending, verified required'],
  ['KYC revoked blocks transferOut', {}, facts({ action: 'transferOut', holding: 100n, inv: { kycStatus: 'revoked' } }), 'kyc_required'],
  ['KYC revoked may still redeem', {}, facts({ action: 'redeem', holding: 100n, inv: { kycStatus: 'revoked' } }), 'allow'],
  ['KYC expired', {}, facts({ inv: { kycExpiresAt: new Date('2025-05-31T23:59:59Z') } }), 'kyc_expired'],
  ['KYC expiring exactly now is expired', {}, facts({ inv: { kycExpiresAt: NOW } }), 'kyc_expired'],
  ['KYC expired may still redeem', {}, facts({ action: 'redeem', holding: 100n, inv: { kycExpiresAt: new Date(0) } }), 'allow'],
  ['KYC without expiry', {}, facts({ inv: { kycExpiresAt: null } }), 'allow'],
  ['KYC not required', { kycRequired: false }, facts({ inv: { kycStatus: 'pending' } }), 'allow'],
  // max holders
  ['new holder at the cap', { maxHolders: 3 }, facts({ holderCount: 3 }), 'max_holders', 'holder count would be 4 > max 3'],
  ['new holder below the cap', { maxHolders: 3 }, facts({ holderCount: 2 }), 'allow'],
  ['existing holder at the cap tops up', { maxHolders: 3 }, facts({ holderCount: 3, holding: 10n }), 'allow'],
  ['zero-size receive does not make a holder', { maxHolders: 3 }, facts({ action: 'receive', units: 0n, holderCount: 3 }), 'allow'],
  ['redeem at the cap', { maxHolders: 3 }, facts({ action: 'redeem', holderCount: 5, holding: 100n }), 'allow'],
  // max holding
  ['above max holding', { maxHolding: 1_000_000n }, facts({ holding: 1_000_000n, units: 500_000n }), 'max_holding', 'holding would be 1500000 > max 1000000'],
  ['exactly max holding', { maxHolding: 1_000_000n }, facts({ holding: 500_000n, units: 500_000n }), 'allow'],
  ['receive above max holding', { maxHolding: 10n }, facts({ action: 'receive', units: 11n }), 'max_holding'],
  ['redeem is not capped', { maxHolding: 10n }, facts({ action: 'redeem', holding: 50n, units: 1n }), 'allow'],
  // min holding
  ['subscription below min', { minHolding: 1_000n }, facts({ units: 999n }), 'min_holding', 'holding would be 999 < min 1000'],
  ['subscription reaching min', { minHolding: 1_000n }, facts({ units: 1_000n }), 'allow'],
  [
    'partial redeem leaving dust',
    { minHolding: 1_000n },
    facts({ action: 'redeem', holding: 1_500n, units: 600n }),
    'min_holding',
    'holding would be 900 < min 1000',
  ],
  ['full exit to zero', { minHolding: 1_000n }, facts({ action: 'redeem', holding: 1_500n, units: 1_500n }), 'allow'],
  ['transferOut leaving dust', { minHolding: 1_000n }, facts({ action: 'transferOut', holding: 1_500n, units: 1_000n }), 'min_holding'],
  ['hold below min is not a violation', { minHolding: 1_000n }, facts({ action: 'hold', units: 0n, holding: 5n }), 'allow'],
  // lockup
  [
    'redeem inside the lockup',
    { lockupSeconds: 30 * DAY },
    facts({ action: 'redeem', holding: 100n, lastSubscribedAt: new Date('2025-05-15T00:00:00Z') }),
    'lockup',
    'units are locked up until 2025-06-14T00:00:00.000Z (now 2025-06-01T00:00:00.000Z)',
  ],
  [
    'transferOut inside the lockup',
    { lockupSeconds: 30 * DAY },
    facts({ action: 'transferOut', holding: 100n, lastSubscribedAt: new Date('2025-05-15T00:00:00Z') }),
    'lockup',
  ],
  ['redeem exactly at unlock', { lockupSeconds: DAY }, facts({ action: 'redeem', holding: 100n, lastSubscribedAt: new Date('2025-05-31T00:00:00Z') }), 'allow'],
  ['subscribe inside the lockup', { lockupSeconds: 30 * DAY }, facts({ lastSubscribedAt: NOW }), 'allow'],
  ['never subscribed (received)', { lockupSeconds: 30 * DAY }, facts({ action: 'redeem', holding: 100n, lastSubscribedAt: null }), 'allow'],
];

describe('evaluatePolicy', () => {
  it.each(cases)('%s', (_name, over, f, expected, message) => {
    const d = evaluatePolicy({ ...base, ...over }, f);
    if (expected === 'allow') return expect(d).toEqual({ allow: true });
    expect(d).toMatchObject({ allow: false, rule: expected });
    if (message) expect(d.allow === false && d.message).toBe(message);
  });

  it('reports limit and actual as strings', () => {
    expect(evaluatePolicy({ ...base, maxHolding: 1_000_000n }, facts({ holding: 1_000_000n, units: 500_000n }))).toEqual({
      allow: false,
      rule: 'max_holding',
      message: 'holding would be 1500000 > max 1000000',
      limit: '1000000',
      actual: '1500000',
    });
  });

  it('refuses negative facts as a programming error', () => {
    expect(() => evaluatePolicy(base, facts({ units: -1n }))).toThrow(FiscusError);
    expect(() => evaluatePolicy(base, facts({ holding: -1n }))).toThrow(FiscusError);
  });

  it('assertPolicyAllows throws POLICY_DENIED with rule, limit and actual', () => {
    expect(() => assertPolicyAllows(base, facts())).not.toThrow();
    try {
      assertPolicyAllows({ ...base, maxHolding: 10n }, facts({ units: 11n }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FiscusError);
      expect(e).toMatchObject({
        code: 'POLICY_DENIED',
        shortMessage: 'holding would be 11 > max 10',
        meta: { rule: 'max_holding', limit: '10', actual: '11' },
      });
    }
  });
});

describe('holders and holdings are counted per investor across chains', () => {
  interface Position {
    investorId: string;
    chain: string;
    wallet: string;
    units: bigint;
  }

  /** What the engine does before evaluating: sum an investor's wallets on every chain; count investors, not wallets. */
  function factsFrom(positions: Position[], investorId: string, action: PolicyAction, units: bigint): PolicyFacts {
    const totals = new Map<string, bigint>();
    for (const p of positions) totals.set(p.investorId, (totals.get(p.investorId) ?? 0n) + p.units);
    const holderCount = [...totals.values()].filter((u) => u > 0n).length;
    return facts({ inv: { id: investorId }, action, units, holding: totals.get(investorId) ?? 0n, holderCount });
  }

  const positions: Position[] = [
    { investorId: 'alice', chain: 'stellar:testnet', wallet: 'GA…', units: 600n },
    { investorId: 'alice', chain: 'eip155:1', wallet: '0xA…', units: 300n },
    { investorId: 'bob', chain: 'eip155:1', wallet: '0xB…', units: 100n },
    { investorId: 'bob', chain: 'eip155:1', wallet: '0xB2…', units: 0n },
  ];
  const policy: Policy = { ...base, maxHolders: 2, maxHolding: 1_000n };

  it('two investors holding on three wallets are two holders', () => {
    expect(factsFrom(positions, 'alice', 'receive', 0n)).toMatchObject({ holding: 900n, holderCount: 2 });
  });
  it('an investor already holding on chain A may receive on chain B at the cap', () => {
    expect(evaluatePolicy(policy, factsFrom(positions, 'bob', 'receive', 50n))).toEqual({ allow: true });
  });
  it('a new investor is denied at the cap', () => {
    expect(evaluatePolicy(policy, factsFrom(positions, 'carol', 'receive', 50n))).toMatchObject({ allow: false, rule: 'max_holders' });
  });
  it('max holding uses the sum over all chains', () => {
    expect(evaluatePolicy(policy, factsFrom(positions, 'alice', 'receive', 101n))).toMatchObject({
      allow: false,
      rule: 'max_holding',
      message: 'holding would be 1001 > max 1000',
    });
    expect(evaluatePolicy(policy, factsFrom(positions, 'alice', 'receive', 100n))).toEqual({ allow: true });
  });
});

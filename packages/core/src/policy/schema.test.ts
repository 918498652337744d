import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FiscusError } from '../errors.ts';
import { INVESTOR_TYPES } from '../investor.ts';
import { policyFromJson, policyToJson } from './schema.ts';
import { DEFAULT_POLICY, type Policy } from './types.ts';

const failure = (json: unknown): FiscusError => {
  try {
    policyFromJson(json);
  } catch (e) {
    return e as FiscusError;
  }
  throw new Error('expected a validation failure');
};

describe('policy JSON', () => {
  it('round-trips a full policy with bigints as base-unit strings', () => {
    const p: Policy = {
      allowedJurisdictions: ['DE', 'US'],
      blockedJurisdictions: ['KP'],
      allowedInvestorTypes: ['accredited', 'institutional'],
      kycRequired: true,
      maxHolders: 99,
      minHolding: 1_000_000n,
      maxHolding: 5_000_000_000_000n,
      lockupSeconds: 86_400,
    };
    const json = policyToJson(p);
    expect(json).toMatchObject({ minHolding: '1000000', maxHolding: '5000000000000' });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(policyFromJson(JSON.parse(JSON.stringify(json)))).toEqual(p);
  });

  it('round-trips any valid policy', () => {
    const codes = fc.constantFrom('US', 'DE', 'SG', 'KP', 'IR', 'GB');
    const arb = fc.record(
      {
        allowedJurisdictions: fc.uniqueArray(codes).map((a) => a.sort()),
        blockedJurisdictions: fc.uniqueArray(codes).map((a) => a.sort()),
        allowedInvestorTypes: fc.uniqueArray(fc.constantFrom(...INVESTOR_TYPES)),
        kycRequired: fc.boolean(),
        maxHolders: fc.integer({ min: 1, max: 10_000 }),
        minHolding: fc.bigInt({ min: 0n, max: 10n ** 9n }),
        maxHolding: fc.bigInt({ min: 10n ** 9n, max: 10n ** 18n }),
        lockupSeconds: fc.nat(10 ** 8),
      },
      { requiredKeys: ['blockedJurisdictions', 'kycRequired'] },
    );
    fc.assert(
      fc.property(arb, (p) => {
        expect(policyFromJson(JSON.parse(JSON.stringify(policyToJson(p))))).toEqual(p);
      }),
    );
  });

  it('fills defaults and normalises jurisdictions', () => {
    expect(policyFromJson({})).toEqual(DEFAULT_POLICY);
    expect(policyFromJson({ blockedJurisdictions: ['kp', 'IR', 'KP'] }).blockedJurisdictions).toEqual(['IR', 'KP']);
  });

  it.each([
    ['unknown key', { maxHolder: 5 }, ''],
    ['bad jurisdiction', { blockedJurisdictions: ['USA'] }, 'blockedJurisdictions.0'],
    ['bad investor type', { allowedInvestorTypes: ['whale'] }, 'allowedInvestorTypes.0'],
    ['units as a number', { maxHolding: 1000 }, 'maxHolding'],
    ['units with a fraction', { minHolding: '1.5' }, 'minHolding'],
    ['units negative', { minHolding: '-1' }, 'minHolding'],
    ['units above int64', { maxHolding: '9223372036854775808' }, 'maxHolding'],
    ['min above max', { minHolding: '10', maxHolding: '9' }, 'minHolding'],
    ['zero max holders', { maxHolders: 0 }, 'maxHolders'],
    ['fractional lockup', { lockupSeconds: 1.5 }, 'lockupSeconds'],
    ['kyc not a boolean', { kycRequired: 'yes' }, 'kycRequired'],
    ['not an object', 'strict', ''],
  ])('rejects %s with VALIDATION_FAILED naming the path', (_why, json, path) => {
    const e = failure(json);
    expect(e.code).toBe('VALIDATION_FAILED');
    const issues = e.meta?.issues as { path: string }[];
    expect(issues.map((i) => i.path)).toContain(path);
    expect(e.details).toBeTruthy();
  });

  it('DEFAULT_POLICY cannot be mutated by accident', () => {
    expect(() => DEFAULT_POLICY.blockedJurisdictions.push('US')).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import type { Capabilities, ChainDriver } from './driver.ts';
import { feeReplacementOf, feeSponsorshipOf, policySyncOf, sponsoredReservesOf, transferApprovalOf, trustlinesOf } from './extensions.ts';

// The accessors are the only way callers find an extension: a driver gets one only when it both
// declares the capability and has the methods, so a chain that claims `onchainCompliance` without
// writing policies (memchain) is never asked to.
const base: Capabilities = {
  authorize: true,
  freeze: true,
  partialFreeze: true,
  forceTransfer: true,
  clawback: true,
  pause: true,
  recovery: true,
  onchainCompliance: true,
  maxBatch: 1,
  finality: { kind: 'instant' },
};
const driverWith = (caps: Partial<Capabilities>, methods: Record<string, unknown> = {}) =>
  ({ chain: 'memory:test', capabilities: { ...base, ...caps }, ...methods }) as unknown as ChainDriver;
const fn = async () => undefined;

describe('driver extensions', () => {
  const cases = [
    ['replaceByFee', feeReplacementOf, { bumpFee: fn, fillerFor: fn }],
    ['policySync', policySyncOf, { applyPolicy: fn }],
    ['trustlines', trustlinesOf, { trustline: fn }],
    ['sponsoredReserves', sponsoredReservesOf, { sponsoredTrustline: fn }],
    ['feeSponsorship', feeSponsorshipOf, { feeBump: fn }],
  ] as const;

  for (const [capability, accessor, methods] of cases) {
    it(`${capability}: found only when declared and implemented`, () => {
      const full = driverWith({ [capability]: true }, methods);
      expect(accessor(full)).toBe(full);
      expect(accessor(driverWith({}, methods))).toBeUndefined();
      expect(accessor(driverWith({ [capability]: false }, methods))).toBeUndefined();
      expect(accessor(driverWith({ [capability]: true }))).toBeUndefined();
    });
  }

  it('onchainCompliance alone does not make a driver a policy writer', () => {
    expect(policySyncOf(driverWith({ onchainCompliance: true }, { applyPolicy: fn }))).toBeUndefined();
  });

  it('transferApproval: found by the capability alone (its interface is the chain package’s)', () => {
    const stellar = driverWith({ transferApproval: true }, { reviewSep8: fn });
    expect(transferApprovalOf<{ reviewSep8: unknown }>(stellar)).toBe(stellar);
    expect(transferApprovalOf(driverWith({}, { reviewSep8: fn }))).toBeUndefined();
  });
});

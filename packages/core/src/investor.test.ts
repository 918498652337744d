import { describe, expect, it } from 'vitest';
import { INVESTOR_TYPES, InvestorInput, KYC_STATUSES } from './investor.ts';

describe('investor', () => {
  it('exposes the fixed vocabularies', () => {
    expect(INVESTOR_TYPES).toEqual(['individual', 'accredited', 'qualified_purchaser', 'institutional', 'professional']);
    expect(KYC_STATUSES).toEqual(['pending', 'verified', 'rejected', 'revoked']);
  });
  it('derives the numeric jurisdiction and defaults KYC to pending', () => {
    expect(InvestorInput.parse({ id: 'inv_1', legalName: ' Acme LP ', jurisdiction: 'de', investorType: 'institutional' })).toEqual({
      id: 'inv_1',
      legalName: 'Acme LP',
      jurisdiction: 'DE',
      jurisdictionNumeric: 276,
      investorType: 'institutional',
      kycStatus: 'pending',
    });
  });
  it('accepts an ISO timestamp for KYC expiry', () => {
    const i = InvestorInput.parse({
      id: 'inv_1',
      legalName: 'A',
      jurisdiction: 'US',
      investorType: 'accredited',
      kycStatus: 'verified',
      kycExpiresAt: '2026-01-01T00:00:00Z',
    });
    expect(i.kycExpiresAt).toEqual(new Date('2026-01-01T00:00:00Z'));
  });
  it.each([
    ['bad jurisdiction', { jurisdiction: 'USA' }],
    ['numeric supplied by the caller', { jurisdictionNumeric: 4 }],
    ['unknown type', { investorType: 'whale' }],
    ['unknown KYC status', { kycStatus: 'ok' }],
    ['empty name', { legalName: '  ' }],
    ['bad date', { kycExpiresAt: 'tomorrow' }],
  ])('rejects %s', (_why, over) => {
    const r = InvestorInput.safeParse({ id: 'inv_1', legalName: 'A', jurisdiction: 'US', investorType: 'accredited', ...over });
    expect(r.success).toBe(false);
  });
});

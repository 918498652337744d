import { describe, expect, it } from 'vitest';
import { FiscusError } from './errors.ts';
import { isValidJurisdiction, normalizeJurisdiction } from './jurisdiction.ts';

describe('normalizeJurisdiction', () => {
  it.each([
    ['US', 'US', 840],
    ['DE', 'DE', 276],
    ['ad', 'AD', 20],
    ['Sg', 'SG', 702],
  ])('%s → %s / %i', (input, alpha2, numeric) => expect(normalizeJurisdiction(input)).toEqual({ alpha2, numeric }));

  it.each(['USA', '840', 'ZZ', 'XX', 'U', '', ' US', 'US ', 'U1', 'ÜS'])('rejects %j', (input) => {
    expect(() => normalizeJurisdiction(input)).toThrow(FiscusError);
    try {
      normalizeJurisdiction(input);
    } catch (e) {
      expect((e as FiscusError).code).toBe('INVALID_JURISDICTION');
    }
    expect(isValidJurisdiction(input)).toBe(false);
  });
});

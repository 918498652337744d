import { describe, expect, it } from 'vitest';
import { cusipCheckDigit, isValidCusip, parseCusip } from './cusip.ts';

describe('CUSIP check digit', () => {
  // Published CUSIPs of well-known equities (Apple, Microsoft, Google class A; the last has a letter).
  it.each(['037833100', '594918104', '38259P508'])('accepts %s', (c) => {
    expect(isValidCusip(c)).toBe(true);
  });

  it('refuses a wrong check digit and says which one is right', () => {
    expect(isValidCusip('037833101')).toBe(false);
    expect(() => parseCusip('037833101')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', meta: { field: 'cusip', expectedCheckDigit: 0 } }));
  });

  it('refuses bad shapes and normalises case', () => {
    for (const bad of ['', '03783310', '0378331000', '03783310X', 'abc$efgh1']) expect(isValidCusip(bad)).toBe(false);
    expect(parseCusip(' 38259p508 ')).toBe('38259P508');
    expect(cusipCheckDigit('38259P50')).toBe(8);
  });

  it('catches every single-character substitution in the first 8 characters of a real CUSIP', () => {
    const base = '38259P508';
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    let caught = 0;
    let tried = 0;
    for (let i = 0; i < 8; i++) {
      for (const c of alphabet) {
        if (c === base[i]) continue;
        tried++;
        if (!isValidCusip(base.slice(0, i) + c + base.slice(i + 1))) caught++;
      }
    }
    // The scheme misses some substitutions whose digit sums collide (e.g. 0 ↔ 9 doubled); most are caught.
    expect(caught / tried).toBeGreaterThan(0.85);
  });
});

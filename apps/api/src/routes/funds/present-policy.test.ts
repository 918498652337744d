import { describe, expect, it } from 'vitest';
import { presentPolicy } from './funds.schemas.ts';

describe('presentPolicy (kept by stored JSON text)', () => {
  const stored = { kycRequired: true, blockedJurisdictions: ['KP'], minHolding: '1500000' };

  it('answers the same presentation for the same stored policy, in fund units of each decimals', () => {
    const a = presentPolicy(JSON.stringify(stored), 6);
    expect(a).toMatchObject({ kycRequired: true, blockedJurisdictions: ['KP'], minHolding: '1.5' });
    expect(presentPolicy(JSON.stringify({ ...stored }), 6)).toBe(a);
    expect(presentPolicy(JSON.stringify(stored), 2).minHolding).toBe('15000');
  });

  it('hands out a frozen object: one response cannot change another', () => {
    const a = presentPolicy(JSON.stringify(stored), 6);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.blockedJurisdictions)).toBe(true);
  });

  it('a stored policy that does not validate is refused every time, never kept', () => {
    const bad = { kycRequired: 'yes', blockedJurisdictions: [] };
    expect(() => presentPolicy(JSON.stringify(bad), 6)).toThrow(/invalid policy/);
    expect(() => presentPolicy(JSON.stringify(bad), 6)).toThrow(/invalid policy/);
  });
});

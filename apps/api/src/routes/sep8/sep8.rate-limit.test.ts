import { describe, expect, it } from 'vitest';
import { SourceRateLimiter } from './sep8.rate-limit.ts';

describe('SEP-8 rate limit per source account', () => {
  it('allows perMinute requests per source per window, then says how long to wait; sources are independent', () => {
    const l = new SourceRateLimiter(2);
    expect([l.take('A', 0), l.take('A', 10), l.take('A', 20)]).toEqual([0, 0, 59_980]);
    expect(l.take('B', 20)).toBe(0);
    expect(l.take('A', 60_000)).toBe(0);
  });
});

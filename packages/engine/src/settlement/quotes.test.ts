import { describe, expect, it } from 'vitest';
import { quoteStatus } from './quotes.ts';

describe('quoteStatus', () => {
  const expiresAt = new Date('2026-12-05T12:00:00Z');
  it('is quoted until its time bound, expired from it on, unless the ingest settled it', () => {
    expect(quoteStatus({ status: 'quoted', expiresAt }, new Date('2026-12-05T11:59:59Z'))).toBe('quoted');
    expect(quoteStatus({ status: 'quoted', expiresAt }, expiresAt)).toBe('expired');
    // Settled just before the bound and read after it: still settled (it landed in time).
    expect(quoteStatus({ status: 'settled', expiresAt }, new Date('2026-12-06T00:00:00Z'))).toBe('settled');
  });
});

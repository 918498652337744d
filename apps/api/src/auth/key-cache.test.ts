import { describe, expect, it } from 'vitest';
import type { ApiKeyRow } from '@fiscus/ledger';
import { ApiKeyCache } from './key-cache.ts';

const row = (id: string, revokedAt: Date | null = null): ApiKeyRow =>
  ({ id, secretHash: 'ab', role: 'auditor', investorId: null, label: null, createdAt: new Date(0), revokedAt }) as ApiKeyRow;

describe('ApiKeyCache', () => {
  it('keeps a verified row for its TTL, then reads again', () => {
    const cache = new ApiKeyCache(1_000);
    cache.set(row('k1'), 0);
    expect(cache.get('k1', 999)?.id).toBe('k1');
    expect(cache.get('k1', 1_000)).toBeUndefined();
    expect(cache.get('k1', 0)).toBeUndefined(); // the expired entry is gone, not just hidden
  });

  it('never keeps a revoked row, nor a row of a key revoked through this process', () => {
    const cache = new ApiKeyCache(1_000);
    cache.set(row('k1', new Date()), 0);
    expect(cache.get('k1', 1)).toBeUndefined();
    cache.set(row('k2'), 0);
    cache.forget('k2');
    expect(cache.get('k2', 1)).toBeUndefined();
    // A request that read the row before the revocation committed cannot put it back.
    cache.set(row('k2'), 2);
    expect(cache.get('k2', 3)).toBeUndefined();
  });

  it('a TTL of 0 keeps nothing', () => {
    const cache = new ApiKeyCache(0);
    cache.set(row('k1'), 0);
    expect(cache.get('k1', 0)).toBeUndefined();
  });

  it('holds at most 10,000 keys, the least recently verified going first', () => {
    const cache = new ApiKeyCache(60_000);
    for (let i = 0; i <= 10_000; i++) cache.set(row(`k${i}`), 0);
    expect(cache.get('k0', 1)).toBeUndefined();
    expect(cache.get('k1', 1)?.id).toBe('k1');
    cache.set(row('k1'), 2); // verified again: now the newest
    cache.set(row('k10001'), 2);
    expect(cache.get('k1', 3)?.id).toBe('k1');
    expect(cache.get('k2', 3)).toBeUndefined();
  });
});

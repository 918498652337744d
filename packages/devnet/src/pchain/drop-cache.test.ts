import { describe, expect, it } from 'vitest';
import { DROPPED_TX_IDS_CACHE_SIZE, DropCache } from './drop-cache.ts';

// avalanchego vms/txs/mempool/mempool.go: droppedTxIDs = lru.NewCache(64); Add evicts the tx's reason.
describe('P-Chain stand-in drop reasons', () => {
  it('keeps the 64 most recently used reasons and forgets one on evict', () => {
    const c = new DropCache();
    for (let i = 0; i < DROPPED_TX_IDS_CACHE_SIZE; i++) c.markDropped(`tx${i}`, `r${i}`);
    expect(c.reason('tx0')).toBe('r0'); // used: now the most recent
    c.markDropped('tx64', 'r64');
    expect(c.reason('tx1')).toBeUndefined(); // the least recently used went
    expect(c.reason('tx0')).toBe('r0');
    c.evict('tx0');
    expect(c.reason('tx0')).toBeUndefined();
  });
});

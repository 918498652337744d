import { describe, expect, it } from 'vitest';
import { AdaptiveRange } from './get-logs.ts';

describe('AdaptiveRange', () => {
  it('starts narrow and doubles while answers are sparse, up to the widest range', () => {
    const r = new AdaptiveRange(10_000n, 1_000);
    expect(r.current).toBe(128n);
    const seen: bigint[] = [];
    for (let i = 0; i < 10; i++) {
      seen.push(r.current);
      r.succeeded(r.current, 10);
    }
    expect(seen).toEqual([128n, 256n, 512n, 1_024n, 2_048n, 4_096n, 8_192n, 10_000n, 10_000n, 10_000n]);
  });

  it('a dense answer shrinks the next range to what carries the target', () => {
    const r = new AdaptiveRange(10_000n, 1_000);
    r.succeeded(128n, 32_000); // 250 logs a block
    expect(r.current).toBe(4n);
    r.succeeded(4n, 1_000); // on target: kept
    expect(r.current).toBe(4n);
    r.succeeded(4n, 8_000); // denser than one block can be split: one block
    expect(r.current).toBe(1n);
  });

  it('keeps the range when an answer is near the target or was cut short by the end of the scan', () => {
    const r = new AdaptiveRange(10_000n, 1_000);
    r.succeeded(128n, 600);
    expect(r.current).toBe(128n);
    r.succeeded(3n, 0);
    expect(r.current).toBe(128n);
  });

  it('after a refusal, halves, and grows again only after a run of accepted ranges', () => {
    const r = new AdaptiveRange(10_000n, 1_000);
    for (let i = 0; i < 7; i++) r.succeeded(r.current, 0);
    expect(r.current).toBe(10_000n);
    r.refused(10_000n);
    expect(r.current).toBe(5_000n);
    for (let i = 0; i < 3; i++) r.succeeded(r.current, 0);
    expect(r.current).toBe(5_000n);
    r.succeeded(r.current, 0);
    expect(r.current).toBe(10_000n);
    r.refused(1n);
    expect(r.current).toBe(1n);
  });

  it('a widest range below the first one starts at the widest', () => {
    expect(new AdaptiveRange(16n).current).toBe(16n);
  });
});

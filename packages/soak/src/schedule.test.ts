import { describe, expect, it } from 'vitest';
import { drawSchedule, FAULT_WEIGHTS } from './faults.ts';
import { Rng } from './rng.ts';

describe('seeded fault schedule', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = drawSchedule(new Rng(11), [5_000, 600_000], [3_000, 12_000]);
    expect(drawSchedule(new Rng(11), [5_000, 600_000], [3_000, 12_000])).toEqual(a);
    expect(drawSchedule(new Rng(12), [5_000, 600_000], [3_000, 12_000])).not.toEqual(a);
  });

  it('stays inside its window, in order, and draws every kind over a long run', () => {
    const s = drawSchedule(new Rng(3), [5_000, 3_600_000], [3_000, 12_000]);
    expect(s[0]!.atMs).toBeGreaterThanOrEqual(5_000);
    expect(s.at(-1)!.atMs).toBeLessThan(3_600_000);
    expect(s.every((f, i) => i === 0 || f.atMs - s[i - 1]!.atMs >= 3_000)).toBe(true);
    expect(new Set(s.map((f) => f.kind))).toEqual(new Set(Object.keys(FAULT_WEIGHTS)));
  });
});

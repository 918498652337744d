import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_MS, drawSchedule, FAULT_WEIGHTS } from './faults.ts';
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

  it('gives every clock-skew fault a worker and a skew inside its bounds, both ways; no other fault has one', () => {
    const s = drawSchedule(new Rng(5), [5_000, 3_600_000], [3_000, 12_000]);
    const skews = s.filter((f) => f.kind === 'clock-skew');
    expect(skews.length).toBeGreaterThan(0);
    for (const f of skews) {
      expect(['0', '1']).toContain(f.target);
      expect(Math.abs(f.skewMs!)).toBeGreaterThanOrEqual(CLOCK_SKEW_MS[0]);
      expect(Math.abs(f.skewMs!)).toBeLessThanOrEqual(CLOCK_SKEW_MS[1]);
    }
    expect(new Set(skews.map((f) => Math.sign(f.skewMs!)))).toEqual(new Set([-1, 1]));
    expect(s.filter((f) => f.kind !== 'clock-skew').every((f) => f.skewMs === undefined)).toBe(true);
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './procs.ts';

/** What a worker restarted by a clock-skew fault sees: its process clock moved, `new Date(x)` untouched. */
const clockOf = (skew: string): { now: number; date: number; fixed: number; isDate: boolean } =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './packages/soak/src/children/skewed-clock.ts',
        '-e',
        'console.log(JSON.stringify({ now: Date.now(), date: new Date().getTime(), fixed: new Date(0).getTime(), isDate: new Date() instanceof Date }))',
      ],
      { cwd: REPO_ROOT, env: { ...process.env, SOAK_CLOCK_SKEW_MS: skew }, encoding: 'utf8' },
    ),
  );

describe('skewed clock preload', () => {
  it('moves Date.now() and new Date() by SOAK_CLOCK_SKEW_MS, ahead or behind, and nothing else', () => {
    for (const skew of [90_000, -90_000]) {
      const before = Date.now();
      const c = clockOf(String(skew));
      const after = Date.now();
      expect(c.now).toBeGreaterThanOrEqual(before + skew);
      expect(c.now).toBeLessThanOrEqual(after + skew);
      expect(c.date).toBeGreaterThanOrEqual(before + skew);
      expect(c.fixed).toBe(0);
      expect(c.isDate).toBe(true);
    }
  });

  it('is inert without the variable', () => {
    const before = Date.now();
    const c = clockOf('0');
    expect(c.now).toBeGreaterThanOrEqual(before);
    expect(c.now).toBeLessThanOrEqual(Date.now());
  });
});

import { describe, expect, it } from 'vitest';
import { DueTimer } from './due-timer.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('DueTimer', () => {
  it('fires at the earliest time, then re-arms for every later one (none is lost)', async () => {
    const fired: number[] = [];
    const t0 = Date.now();
    const timer = new DueTimer(() => fired.push(Date.now() - t0));
    timer.at(t0 + 120);
    timer.at(t0 + 30); // earlier than the armed one: re-armed for it
    timer.at(t0 + 60);
    for (const deadline = Date.now() + 5_000; fired.length < 3 && Date.now() < deadline; ) await sleep(10);
    expect(fired).toHaveLength(3);
    expect(fired[0]).toBeGreaterThanOrEqual(29);
    expect(fired[2]).toBeGreaterThanOrEqual(119);
    expect(timer.pending).toBe(0);
  });

  it('merges a time up to coalesceMs before a kept one, and clear() drops everything', async () => {
    let fired = 0;
    const timer = new DueTimer(() => fired++, 5);
    const at = Date.now() + 20;
    timer.at(at + 3);
    timer.at(at); // 3 ms before a kept time: one claim at that time takes both
    expect(timer.pending).toBe(1);
    timer.at(at + 20); // far enough apart: its own time
    expect(timer.pending).toBe(2);
    timer.clear();
    await sleep(60);
    expect(fired).toBe(0);
  });
});

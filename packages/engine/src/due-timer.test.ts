import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DueTimer } from './due-timer.ts';

// Fake timers (Date.now included): on a loaded CI machine a real 30 ms timer may fire after 120 ms,
// when one claim rightly takes all three times — the test is of the re-arming, not of the machine.
beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('DueTimer', () => {
  it('fires at the earliest time, then re-arms for every later one (none is lost)', () => {
    const fired: number[] = [];
    const t0 = Date.now();
    const timer = new DueTimer(() => fired.push(Date.now() - t0));
    timer.at(t0 + 120);
    timer.at(t0 + 30); // earlier than the armed one: re-armed for it
    timer.at(t0 + 60);
    vi.advanceTimersByTime(29);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(fired).toEqual([30, 60, 120]);
    expect(timer.pending).toBe(0);
  });

  it('one firing takes every time already due (a late timer claims once, nothing is lost)', () => {
    const fired: number[] = [];
    const t0 = Date.now();
    const timer = new DueTimer(() => fired.push(Date.now() - t0));
    timer.at(t0 + 30);
    timer.at(t0 + 60);
    vi.setSystemTime(t0 + 100); // the event loop was busy past both times
    vi.advanceTimersByTime(0);
    vi.runOnlyPendingTimers();
    expect(fired).toHaveLength(1);
    expect(timer.pending).toBe(0);
  });

  it('merges a time up to coalesceMs before a kept one, and clear() drops everything', () => {
    let fired = 0;
    const timer = new DueTimer(() => fired++, 5);
    const at = Date.now() + 20;
    timer.at(at + 3);
    timer.at(at); // 3 ms before a kept time: one claim at that time takes both
    expect(timer.pending).toBe(1);
    timer.at(at + 20); // far enough apart: its own time
    expect(timer.pending).toBe(2);
    timer.clear();
    vi.advanceTimersByTime(60);
    expect(fired).toBe(0);
  });
});

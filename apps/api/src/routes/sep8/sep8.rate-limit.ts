/**
 * Approval requests per source account in fixed one-minute windows, in this process. A wallet
 * (or a script) hammering the approval server with fresh transactions costs chain reads and a
 * policy evaluation each; replays of an answered transaction are served from the database
 * before this is consulted, so they never count. Several API processes each allow the limit.
 */
export class SourceRateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly perMinute: number,
    readonly windowMs = 60_000,
  ) {}

  /** 0 when the request may proceed, else the milliseconds until the source's window resets. */
  take(source: string, now = Date.now()): number {
    if (this.#windows.size > 10_000) this.#sweep(now);
    const w = this.#windows.get(source);
    if (!w || now - w.start >= this.windowMs) {
      this.#windows.set(source, { start: now, count: 1 });
      return 0;
    }
    if (w.count >= this.perMinute) return w.start + this.windowMs - now;
    w.count++;
    return 0;
  }

  #sweep(now: number): void {
    for (const [k, w] of this.#windows) if (now - w.start >= this.windowMs) this.#windows.delete(k);
  }
}

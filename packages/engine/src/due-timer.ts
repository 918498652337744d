/**
 * The times at which operations a worker released become due again, behind one timer: it fires
 * at the earliest, then re-arms for the next. Times within `coalesceMs` of one already kept are
 * merged (one claim takes all of them), so a burst of status polls costs one timer.
 */
export class DueTimer {
  readonly #fire: () => void;
  readonly #coalesceMs: number;
  #times: number[] = [];
  #timer?: ReturnType<typeof setTimeout>;
  #armedAt = Number.POSITIVE_INFINITY;

  constructor(fire: () => void, coalesceMs = 2) {
    this.#fire = fire;
    this.#coalesceMs = coalesceMs;
  }

  /** Fire at `time` (epoch ms), or at an already kept time up to `coalesceMs` after it. */
  at(time: number): void {
    if (this.#times.some((t) => t >= time && t - time <= this.#coalesceMs)) return;
    this.#times.push(time);
    if (time < this.#armedAt) this.#arm(time);
  }

  /** Times still pending (for tests and metrics). */
  get pending(): number {
    return this.#times.length;
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#armedAt = Number.POSITIVE_INFINITY;
    this.#times = [];
  }

  #arm(time: number): void {
    clearTimeout(this.#timer);
    this.#armedAt = time;
    this.#timer = setTimeout(() => this.#onTimer(), Math.max(0, time - Date.now()));
  }

  #onTimer(): void {
    const now = Date.now();
    this.#times = this.#times.filter((t) => t > now);
    this.#timer = undefined;
    this.#armedAt = Number.POSITIVE_INFINITY;
    if (this.#times.length > 0) this.#arm(Math.min(...this.#times));
    this.#fire();
  }
}

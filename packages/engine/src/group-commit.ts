/** What one item of a group came to: its own result or its own error. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<T, R> {
  item: T;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit: the items added while a run is in flight go together into the next run, so many
 * concurrent callers share one transaction (one BEGIN/COMMIT, one audit append) without anyone
 * waiting for a batch to fill — an item added to an idle group runs at once, alone or with
 * whatever arrived in the same turn of the event loop.
 *
 * `run` answers every item it was given, in order; a thrown run rejects them all.
 */
export class GroupCommit<T, R> {
  readonly #run: (items: T[]) => Promise<Settled<R>[]>;
  readonly #max: number;
  #queue: Waiting<T, R>[] = [];
  #draining = false;

  constructor(run: (items: T[]) => Promise<Settled<R>[]>, max: number) {
    this.#run = run;
    this.#max = max;
  }

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (!this.#draining) {
        this.#draining = true;
        // The next turn: callers resuming from the same I/O event join this run.
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const group = this.#queue.splice(0, this.#max);
      try {
        const settled = await this.#run(group.map((w) => w.item));
        group.forEach((w, i) => {
          const s = settled[i];
          if (s?.ok) w.resolve(s.value);
          else w.reject(s ? s.error : new Error('group commit: no answer for an item'));
        });
      } catch (e) {
        for (const w of group) w.reject(e);
      }
    }
    this.#draining = false;
  }
}

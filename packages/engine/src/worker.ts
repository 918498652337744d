import { randomUUID } from 'node:crypto';
import { TERMINAL_STATES, type DriverRegistry } from '@fiscus/core';
import type { Db, Unlisten } from '@fiscus/ledger';
import type { BackoffPolicy } from './backoff.ts';
import { DEFAULT_BACKOFF, WORKER_DEFAULTS } from './defaults.ts';
import { claimOperations, releaseLease, renewLease } from './claim.ts';
import { ingestAll, type IngestResult } from './ingest/index.ts';
import { defaultTasks } from './tasks.ts';
import type { PeriodicTask } from './task.ts';
import type { EngineLogger, StepContext, StepResult } from './steps/context.ts';
import { processOperation } from './steps/process.ts';
import { postingGroup } from './steps/post.ts';
import type { OperationRow } from './rows.ts';
import { DueTimer } from './due-timer.ts';
import { listenForWork } from './wakeup.ts';

export interface WorkerOptions {
  db: Db;
  drivers: DriverRegistry;
  id?: string;
  logger?: EngineLogger;
  /** How long a claim protects an operation from other workers (default 30 s). */
  leaseMs?: number;
  /** Fallback claim while idle, for work no signal announced (default 1 s; see WORKER_DEFAULTS). */
  pollMs?: number;
  /** Status poll interval of submitted transactions (default `pollMs` when given, else 200 ms). */
  statusPollMs?: number;
  /** Operations worked concurrently by this worker (default 16). */
  concurrency?: number;
  /** LISTEN for work signals (default true); without it the worker claims on its poll only. */
  listen?: boolean;
  backoff?: BackoffPolicy;
  maxAttempts?: number;
  /**
   * How long a signed transaction may wait unmined before it is replaced at the same nonce with
   * a higher fee, on chains that can (capability `replaceByFee`; default 120 s).
   */
  replaceAfterMs?: number;
  onTransition?: StepContext['onTransition'];
  /**
   * Interval of on-chain event ingestion for every active deployment (default 2000 ms; 0 disables).
   * It runs in its own loop, never inside a claim. Ignored when `tasks` is given.
   */
  ingestMs?: number;
  /** Periodic tasks (default: `defaultTasks({ ingestMs })`), each in its own loop. */
  tasks?: PeriodicTask[];
}

const silent: EngineLogger = { info() {}, warn() {}, error() {} };

/**
 * Claims due operations and drives them through the pipeline until stopped.
 *
 * No rounds: the worker keeps up to `concurrency` operations in progress and claims again as soon
 * as a slot frees or work is signalled, so an operation on a slow chain (a 5 s Stellar ledger, a
 * hung node) holds one slot and never the others, and a signer's next transaction is claimed the
 * moment its predecessor lets it go. It sleeps only when nothing it may claim is due: until a
 * work signal (NOTIFY, wakeup.ts), the `nextAttemptAt` of an operation it released, a free slot,
 * or the fallback poll.
 */
export class Worker {
  readonly id: string;
  readonly #ctx: StepContext;
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #concurrency: number;
  readonly #tasks: PeriodicTask[];
  readonly #listen: boolean;
  #running = false;
  #loop?: Promise<void>;
  #taskLoops: Promise<void>[] = [];
  readonly #wakers = new Set<() => void>();
  /** Operations in progress, by id. */
  readonly #inFlight = new Map<string, Promise<void>>();
  /** Operations in progress per chain (fair claiming: one chain's slow calls never take every slot). */
  readonly #inFlightByChain = new Map<string, number>();
  /** Which chain the next fair claim starts from. */
  #claimTurn = 0;
  /** Something may be due: claim before sleeping again. */
  #dirty = true;
  /** Wakes the claim loop out of its current wait. */
  #wakeLoop?: () => void;
  /** Fires at the `nextAttemptAt` of operations this worker released for later (a status poll, a backoff). */
  readonly #due = new DueTimer(() => {
    this.#dirty = true;
    this.#signal();
  });
  #unlisten?: Unlisten;
  #listening: Promise<void> = Promise.resolve();

  constructor(o: WorkerOptions) {
    this.id = o.id ?? `worker-${randomUUID().slice(0, 8)}`;
    this.#leaseMs = o.leaseMs ?? WORKER_DEFAULTS.leaseMs;
    this.#pollMs = o.pollMs ?? WORKER_DEFAULTS.pollMs;
    this.#concurrency = o.concurrency ?? WORKER_DEFAULTS.concurrency;
    this.#tasks = o.tasks ?? defaultTasks({ ingestMs: o.ingestMs });
    this.#listen = o.listen ?? true;
    this.#ctx = {
      db: o.db,
      drivers: o.drivers,
      owner: this.id,
      logger: o.logger ?? silent,
      backoff: o.backoff ?? DEFAULT_BACKOFF,
      pollMs: o.statusPollMs ?? o.pollMs ?? WORKER_DEFAULTS.statusPollMs,
      maxAttempts: o.maxAttempts ?? WORKER_DEFAULTS.maxAttempts,
      replaceAfterMs: o.replaceAfterMs ?? WORKER_DEFAULTS.replaceAfterMs,
      onTransition: o.onTransition,
    };
    this.#ctx.postings = postingGroup(this.#ctx);
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#dirty = true;
    this.#listening = this.#listen ? this.#startListening() : Promise.resolve();
    this.#loop = this.#run();
    this.#taskLoops = this.#tasks.map((task) => this.#runTask(task));
  }

  /** Resolves once the worker hears work signals (its LISTEN is active), or gave up on them. */
  listening(): Promise<void> {
    return this.#listening;
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#due.clear();
    this.#signal();
    for (const wake of this.#wakers) wake();
    await Promise.all([this.#loop, ...this.#taskLoops]);
    await this.#listening;
    await this.#unlisten?.();
    this.#unlisten = undefined;
  }

  /** One ingestion round over every active deployment of the registered chains. */
  ingest(): Promise<IngestResult[]> {
    return ingestAll(this.#ctx.db, this.#ctx.drivers, { logger: this.#ctx.logger });
  }

  /**
   * Claims what is due now (up to the free slots) and works it to a stop; returns how many
   * operations it claimed. For tests and benches that drive a worker by hand; a started worker
   * claims continuously on its own.
   */
  async tick(): Promise<number> {
    const claimed = await this.#claim(this.#concurrency - this.#inFlight.size);
    await Promise.all(
      claimed.map((op) => {
        this.#track(op, 1);
        return this.#work(op).finally(() => this.#track(op, -1));
      }),
    );
    return claimed.length;
  }

  /**
   * Claims up to `limit` due operations, each chain first up to its fair share of the slots
   * (concurrency / chains, starting from a different chain each time): a chain whose calls are
   * slow — a node grinding through 15 M-gas batches, a hung submit — holds its share while
   * another chain has work due, so that chain's operations do not queue behind it (the yield
   * bench's Stellar batches waited 50 s for slots held by EVM prepares). What the fair pass
   * leaves free goes to whatever is due, keeping one slot for each chain with nothing in
   * progress: a burst on one chain uses the worker, and the next request on another still finds
   * a slot at once. When every chain's share fits in the free slots the fair claims run together
   * (one round trip of latency, not one per chain), and the second pass only when a chain may
   * have more due than it was given room for.
   */
  async #claim(limit: number): Promise<OperationRow[]> {
    if (limit <= 0) return [];
    const chains = this.#ctx.drivers.chains();
    const claim = (n: number, on: readonly string[]) => claimOperations(this.#ctx.db, { owner: this.id, leaseMs: this.#leaseMs, limit: n, chains: on });
    if (chains.length < 2) return claim(limit, chains);
    const share = Math.max(1, Math.floor(this.#concurrency / chains.length));
    const first = this.#claimTurn++ % chains.length;
    const order = [...chains.slice(first), ...chains.slice(0, first)];
    let claimed: OperationRow[] = [];
    const held = (chain: string) => (this.#inFlightByChain.get(chain) ?? 0) + claimed.filter((op) => op.chain === chain).length;
    const rooms = order.map((chain) => Math.max(0, share - held(chain)));
    /** May a chain have more due than the fair pass gave it room for? */
    let more = true;
    if (rooms.reduce((a, b) => a + b, 0) <= limit) {
      // Every chain's room fits: the claims are independent and run together.
      const fair = await Promise.all(order.map((chain, i) => (rooms[i]! > 0 ? claim(rooms[i]!, [chain]) : Promise.resolve([]))));
      claimed = fair.flat();
      more = rooms.some((room, i) => room === 0 || fair[i]!.length === room);
    } else {
      for (const chain of order) {
        const room = Math.min(share - held(chain), limit - claimed.length);
        if (room > 0) claimed.push(...(await claim(room, [chain])));
      }
    }
    if (!more) return claimed;
    const kept = chains.filter((c) => held(c) === 0).length;
    if (limit - claimed.length - kept > 0) claimed.push(...(await claim(limit - claimed.length - kept, chains)));
    return claimed;
  }

  #track(op: OperationRow, delta: 1 | -1): void {
    this.#inFlightByChain.set(op.chain, (this.#inFlightByChain.get(op.chain) ?? 0) + delta);
  }

  async #run(): Promise<void> {
    while (this.#running) {
      const free = this.#concurrency - this.#inFlight.size;
      if (free > 0 && this.#dirty) {
        this.#dirty = false; // a signal while the claim runs sets it again: nothing is lost
        try {
          const claimed = await this.#claim(free);
          for (const op of claimed) this.#start(op);
          // Every slot filled: more may be due, claim again when one frees.
          if (claimed.length === free) this.#dirty = true;
        } catch (e) {
          this.#ctx.logger.error({ err: String(e) }, 'claim failed');
        }
        continue;
      }
      // Full: only a free slot matters (signals meanwhile leave #dirty set). Idle: the fallback poll.
      const timedOut = await this.#wait(free > 0 ? this.#pollMs : undefined);
      if (timedOut) this.#dirty = true;
    }
    await Promise.all(this.#inFlight.values());
  }

  /** Works one claimed operation in its own slot; the slot frees when it stops. */
  #start(op: OperationRow): void {
    this.#track(op, 1);
    const done = this.#work(op).finally(() => {
      this.#inFlight.delete(op.id);
      this.#track(op, -1);
      this.#signal();
    });
    this.#inFlight.set(op.id, done);
  }

  async #work(op: OperationRow): Promise<void> {
    const heartbeat = setInterval(
      () => {
        renewLease(this.#ctx.db, { id: op.id, owner: this.id, leaseMs: this.#leaseMs })
          .then((held) => held || this.#ctx.logger.warn({ operationId: op.id }, 'lease lost while working'))
          .catch(() => {});
      },
      Math.max(50, Math.floor(this.#leaseMs / 3)),
    );
    let last: StepResult;
    try {
      last = await processOperation(this.#ctx, op);
    } catch (e) {
      this.#ctx.logger.error({ operationId: op.id, err: String(e) }, 'worker step crashed');
    } finally {
      clearInterval(heartbeat);
      // A move to a terminal state released the lease in the same write (transition.ts).
      const released = last !== undefined && TERMINAL_STATES.includes(last.state) && last.leaseOwner === null;
      if (!released) await releaseLease(this.#ctx.db, { id: op.id, owner: this.id }).catch(() => {});
    }
    if (this.#running) this.#dueAgain(last);
  }

  /** After the lease is released: when the operation left can be worked again, come back for it. */
  #dueAgain(row: StepResult): void {
    if (!row || TERMINAL_STATES.includes(row.state) || row.state === 'requested') return;
    const at = row.nextAttemptAt.getTime();
    if (at <= Date.now()) this.#dirty = true;
    else this.#due.at(at);
  }

  #signal(): void {
    this.#wakeLoop?.();
  }

  /** Waits for a signal, a free slot or `timeoutMs`; true when it timed out. */
  #wait(timeoutMs: number | undefined): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish(true), timeoutMs);
      const finish = (timedOut: boolean) => {
        clearTimeout(timer);
        this.#wakeLoop = undefined;
        resolve(timedOut);
      };
      this.#wakeLoop = () => finish(false);
    });
  }

  async #startListening(): Promise<void> {
    try {
      this.#unlisten = await listenForWork(this.#ctx.db, (chain) => {
        if (!this.#ctx.drivers.get(chain)) return; // another worker's chain
        this.#dirty = true;
        this.#signal();
      });
    } catch (e) {
      this.#ctx.logger.warn({ err: String(e) }, 'cannot listen for work signals: claiming on the poll only');
    }
  }

  async #runTask(task: PeriodicTask): Promise<void> {
    const ctx = { db: this.#ctx.db, drivers: this.#ctx.drivers, logger: this.#ctx.logger };
    while (this.#running) {
      await this.#sleep(task.everyMs);
      if (!this.#running) break;
      try {
        await task.run(ctx);
      } catch (e) {
        this.#ctx.logger.error({ err: String(e), task: task.name }, `${task.name} round failed`);
      }
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(t);
        this.#wakers.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      this.#wakers.add(wake);
    });
  }
}

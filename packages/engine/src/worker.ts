import { randomUUID } from 'node:crypto';
import type { DriverRegistry } from '@fiscus/core';
import type { Db } from '@fiscus/ledger';
import type { BackoffPolicy } from './backoff.ts';
import { DEFAULT_BACKOFF, WORKER_DEFAULTS } from './defaults.ts';
import { claimOperations, releaseLease, renewLease } from './claim.ts';
import { ingestAll, type IngestResult } from './ingest/index.ts';
import { defaultTasks } from './tasks.ts';
import type { PeriodicTask } from './task.ts';
import type { EngineLogger, StepContext } from './steps/context.ts';
import { processOperation } from './steps/process.ts';

export interface WorkerOptions {
  db: Db;
  drivers: DriverRegistry;
  id?: string;
  logger?: EngineLogger;
  /** How long a claim protects an operation from other workers (default 30 s). */
  leaseMs?: number;
  /** Idle sleep between claim rounds (default 200 ms). */
  pollMs?: number;
  /** Status poll interval of submitted transactions (default pollMs). */
  statusPollMs?: number;
  /** Operations worked concurrently by this worker (default 16). */
  concurrency?: number;
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
   * It runs in its own loop, never inside a claim round. Ignored when `tasks` is given.
   */
  ingestMs?: number;
  /** Periodic tasks (default: `defaultTasks({ ingestMs })`), each in its own loop. */
  tasks?: PeriodicTask[];
}

const silent: EngineLogger = { info() {}, warn() {}, error() {} };

/** Claims due operations and drives them through the pipeline until stopped. */
export class Worker {
  readonly id: string;
  readonly #ctx: StepContext;
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #concurrency: number;
  readonly #tasks: PeriodicTask[];
  #running = false;
  #loop?: Promise<void>;
  #taskLoops: Promise<void>[] = [];
  readonly #wakers = new Set<() => void>();

  constructor(o: WorkerOptions) {
    this.id = o.id ?? `worker-${randomUUID().slice(0, 8)}`;
    this.#leaseMs = o.leaseMs ?? WORKER_DEFAULTS.leaseMs;
    this.#pollMs = o.pollMs ?? WORKER_DEFAULTS.pollMs;
    this.#concurrency = o.concurrency ?? WORKER_DEFAULTS.concurrency;
    this.#tasks = o.tasks ?? defaultTasks({ ingestMs: o.ingestMs });
    this.#ctx = {
      db: o.db,
      drivers: o.drivers,
      owner: this.id,
      logger: o.logger ?? silent,
      backoff: o.backoff ?? DEFAULT_BACKOFF,
      pollMs: o.statusPollMs ?? this.#pollMs,
      maxAttempts: o.maxAttempts ?? WORKER_DEFAULTS.maxAttempts,
      replaceAfterMs: o.replaceAfterMs ?? WORKER_DEFAULTS.replaceAfterMs,
      onTransition: o.onTransition,
    };
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
    this.#taskLoops = this.#tasks.map((task) => this.#runTask(task));
  }

  async stop(): Promise<void> {
    this.#running = false;
    for (const wake of this.#wakers) wake();
    await Promise.all([this.#loop, ...this.#taskLoops]);
  }

  /** One ingestion round over every active deployment of the registered chains. */
  ingest(): Promise<IngestResult[]> {
    return ingestAll(this.#ctx.db, this.#ctx.drivers, { logger: this.#ctx.logger });
  }

  /** Works one claim round; returns how many operations it claimed. */
  async tick(): Promise<number> {
    const claimed = await claimOperations(this.#ctx.db, {
      owner: this.id,
      leaseMs: this.#leaseMs,
      limit: this.#concurrency,
      chains: this.#ctx.drivers.chains(),
    });
    await Promise.all(
      claimed.map(async (op) => {
        const heartbeat = setInterval(
          () => {
            renewLease(this.#ctx.db, { id: op.id, owner: this.id, leaseMs: this.#leaseMs })
              .then((held) => held || this.#ctx.logger.warn({ operationId: op.id }, 'lease lost while working'))
              .catch(() => {});
          },
          Math.max(50, Math.floor(this.#leaseMs / 3)),
        );
        try {
          await processOperation(this.#ctx, op);
        } catch (e) {
          this.#ctx.logger.error({ operationId: op.id, err: String(e) }, 'worker step crashed');
        } finally {
          clearInterval(heartbeat);
          await releaseLease(this.#ctx.db, { id: op.id, owner: this.id }).catch(() => {});
        }
      }),
    );
    return claimed.length;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let claimed = 0;
      try {
        claimed = await this.tick();
      } catch (e) {
        this.#ctx.logger.error({ err: String(e) }, 'claim round failed');
      }
      if (claimed === 0 && this.#running) await this.#sleep(this.#pollMs);
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

import type { DriverRegistry } from '@fiscus/core';
import type { Db } from '@fiscus/ledger';
import { ingestAll } from './ingest/index.ts';
import { settleRedemptions } from './redemptions/settle.ts';
import { advanceDistributions } from './distributions/saga.ts';
import { reconcileDue } from './reconcile-schedule.ts';
import type { EngineLogger } from './steps/context.ts';
import { movesTask } from './moves/task.ts';

export interface TaskContext {
  db: Db;
  drivers: DriverRegistry;
  logger: EngineLogger;
}

/**
 * Work a worker repeats on an interval beside claiming operations: chain event ingest and the
 * sagas (moves, redemptions, distributions) that advance by looking at their own rows and at
 * the operations they requested. Each run must be safe to repeat and safe to run in several
 * workers at once (state lives in the database, transitions are compare-and-set), so a crash
 * between runs loses nothing.
 */
export interface PeriodicTask {
  name: string;
  /** Interval between the end of one run and the start of the next. */
  everyMs: number;
  run(ctx: TaskContext): Promise<unknown>;
}

export const ingestTask = (everyMs: number): PeriodicTask => ({
  name: 'ingest',
  everyMs,
  run: ({ db, drivers, logger }) => ingestAll(db, drivers, { logger }),
});

/** Yield distributions: plans due ones, closes finished ones (packages/engine/src/distributions). */
export const distributionTask = (everyMs: number): PeriodicTask => ({
  name: 'distributions',
  everyMs,
  run: ({ db, drivers, logger }) => advanceDistributions(db, drivers, { logger }),
});

/** Reconciles every active deployment once per `everyMs` (claimed per deployment: once across workers). */
export const reconcileTask = (everyMs: number, pollMs = Math.min(everyMs, 1_000)): PeriodicTask => ({
  name: 'reconcile',
  everyMs: pollMs,
  run: ({ db, drivers, logger }) => reconcileDue(db, drivers, { everyMs, logger }),
});

/** Redemption queue: settles pending redemptions FIFO as the day's liquidity allows (packages/engine/src/redemptions). */
export const redemptionTask = (everyMs: number): PeriodicTask => ({
  name: 'redemptions',
  everyMs,
  run: ({ db }) => settleRedemptions(db),
});

/**
 * The tasks every worker runs unless told otherwise. Sagas add themselves here (one line each),
 * so `npm start`, worker-main and tests all run the same set.
 */
export function defaultTasks(o: { ingestMs?: number; redemptionMs?: number; distributionMs?: number; reconcileMs?: number; movesMs?: number } = {}): PeriodicTask[] {
  const tasks: PeriodicTask[] = [];
  const ingestMs = o.ingestMs ?? 2_000;
  if (ingestMs > 0) tasks.push(ingestTask(ingestMs));
  if ((o.redemptionMs ?? 5_000) > 0) tasks.push(redemptionTask(o.redemptionMs ?? 5_000));
  if ((o.distributionMs ?? 1_000) > 0) tasks.push(distributionTask(o.distributionMs ?? 1_000));
  if ((o.reconcileMs ?? 60_000) > 0) tasks.push(reconcileTask(o.reconcileMs ?? 60_000));
  if ((o.movesMs ?? 1_000) > 0) tasks.push(movesTask(o.movesMs ?? 1_000));
  return tasks;
}

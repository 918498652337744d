import type { DriverRegistry } from '@fiscus/core';
import type { Db } from '@fiscus/ledger';
import { ingestAll } from './ingest/index.ts';
import type { EngineLogger } from './steps/context.ts';

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

/**
 * The tasks every worker runs unless told otherwise. Sagas add themselves here (one line each),
 * so `npm start`, worker-main and tests all run the same set.
 */
export function defaultTasks(o: { ingestMs?: number } = {}): PeriodicTask[] {
  const tasks: PeriodicTask[] = [];
  const ingestMs = o.ingestMs ?? 2_000;
  if (ingestMs > 0) tasks.push(ingestTask(ingestMs));
  return tasks;
}

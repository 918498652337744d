import type { DriverRegistry } from '@fiscus/core';
import type { Db } from '@fiscus/ledger';
import type { EngineLogger } from './steps/context.ts';

// The task shape lives apart from tasks.ts (the list of every saga's task) so a saga can
// declare its own task without importing that list, which imports the saga back.

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

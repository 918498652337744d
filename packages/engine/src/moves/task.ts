import type { PeriodicTask } from '../task.ts';
import { advanceMoves } from './saga.ts';

/** The move saga as a worker's periodic task (safe in several workers at once). */
export const movesTask = (everyMs: number, o: { now?: () => Date } = {}): PeriodicTask => ({
  name: 'moves',
  everyMs,
  run: ({ db, logger }) => advanceMoves(db, { logger, now: o.now }),
});

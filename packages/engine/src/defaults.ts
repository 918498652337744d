// The engine's tunable numbers, named and in one place. Each is a default a caller may override
// (WorkerOptions, defaultTasks, a query's `limit`) or a bound the engine keeps to on its own.

/** Retry delays: exponential from `baseMs`, capped at `maxMs`, with full jitter (backoff.ts). */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** Worker: claim lease, idle poll, parallel operations, attempts, fee replacement (WorkerOptions). */
export const WORKER_DEFAULTS = {
  /** How long a claim protects an operation from other workers. */
  leaseMs: 30_000,
  /**
   * Fallback claim while idle. New work wakes a worker at once (LISTEN/NOTIFY, wakeup.ts) and an
   * operation it released for later wakes it at its `nextAttemptAt`; the poll only catches what
   * nobody signalled (a lease expired in a dead worker, a signal lost with a connection).
   */
  pollMs: 1_000,
  /** Status poll of a submitted transaction (and the retry of a transient step). */
  statusPollMs: 200,
  /** Operations one worker has in progress at once; a free slot is filled at once, no rounds. */
  concurrency: 16,
  /** Retries of a step before the operation fails (only before anything was signed). */
  maxAttempts: 10,
  /** How long a signed transaction may wait unmined before it is replaced at the same nonce. */
  replaceAfterMs: 120_000,
} as const;

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, maxMs: 60_000 };

/** Steps one claim may take on one operation before it goes back to the queue (fairness). */
export const MAX_STEPS_PER_CLAIM = 8;

/** Shortest wait of an operation held by a condition an operator must clear (a fund halt, a fee cap). */
export const MIN_HELD_POLL_MS = 1_000;

/** Intervals of the periodic tasks (defaultTasks; 0 disables one). */
export const TASK_INTERVALS_MS = {
  ingest: 2_000,
  redemptions: 5_000,
  distributions: 1_000,
  reconcile: 60_000,
  moves: 1_000,
} as const;

/** The reconcile task looks for due deployments at most this far apart, whatever its interval. */
export const RECONCILE_POLL_MAX_MS = 1_000;

/** Reads are not one snapshot across the database and the chain, so a drift must be seen twice. */
export const DRIFT_RECHECK_MS = 250;

/**
 * Holder-level reconciliation: a full check (every holder on chain against the cap table) at
 * most this far apart; the scheduled runs between check only the holders touched since the
 * previous check. Changes committed up to the overlap before a check's start are looked at again.
 */
export const POSITIONS_FULL_EVERY_MS = 60 * 60_000;
export const POSITIONS_INCREMENTAL_OVERLAP_MS = 30_000;

/** Event pages read per deployment by one ingest run, and by the catch-up before a reconciliation. */
export const INGEST_MAX_PAGES = 20;
export const RECONCILE_CATCH_UP_PAGES = 50;

/** Rows handled per saga round. */
export const MOVES_PER_ROUND = 500;
export const DISTRIBUTIONS_PER_ROUND = 100;
/** Allocation rows per INSERT when a distribution is planned (keeps statements under the parameter limit). */
export const ALLOCATION_INSERT_CHUNK = 1_000;

/** Default page sizes of the read views. */
export const MOVES_LIST_LIMIT = 100;
export const UNMATCHED_EVENTS_LIMIT = 100;
/** Mismatched holders kept as a sample in a reconciliation's detail. */
export const POSITIONS_SAMPLE_SIZE = 20;

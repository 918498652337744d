import type { DriverRegistry, OperationState } from '@fiscus/core';
import type { Db } from '@fiscus/ledger';
import type { BackoffPolicy } from '../backoff.ts';
import type { GroupCommit } from '../group-commit.ts';
import type { OperationRow } from '../rows.ts';

export interface EngineLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface StepContext {
  db: Db;
  drivers: DriverRegistry;
  /** The lease owner id of this worker. */
  owner: string;
  logger: EngineLogger;
  backoff: BackoffPolicy;
  /** How long to wait between status polls of a submitted transaction. */
  pollMs: number;
  /** Attempts after which an operation that has not been signed yet is given up. */
  maxAttempts: number;
  /** How long signed bytes may wait unmined before a fee replacement (chains with `replaceByFee`). */
  replaceAfterMs: number;
  /** Called after each committed state change (metrics, tests that crash at a given point). */
  onTransition?: (op: OperationRow, from: OperationState) => void | Promise<void>;
  /** Postings of this worker's operations, committed in groups (steps/post.ts); absent: each alone. */
  postings?: GroupCommit<OperationRow, StepResult>;
}

/** What a step left behind: the current row, or undefined when another worker moved it. */
export type StepResult = OperationRow | undefined;

export const after = (ms: number) => new Date(Date.now() + ms);

import { FiscusError, type ChainDriver, type SubmitResult } from '@fiscus/core';
import { preparedFromRow, type OperationRow } from '../rows.ts';
import { resyncSequence } from '../sequences.ts';
import type { StepContext, StepResult } from './context.ts';
import { advance, pollLater, rebuild, retryLater } from './moves.ts';
import { awaitPredecessor, wakeSuccessor } from './sequence-wait.ts';

/** prepared → submitted: broadcast the persisted bytes (never re-signed here). */
export async function submitStep(ctx: StepContext, op: OperationRow, driver: ChainDriver): Promise<StepResult> {
  const result = await broadcast(driver, op);
  switch (result.kind) {
    case 'accepted':
    case 'duplicate': {
      const row = await advance(ctx, op, 'submitted', { nextAttemptAt: new Date(), lastError: null }, { result: result.kind });
      if (row) await wakeSuccessor(ctx, row);
      return row;
    }
    case 'retryLater':
      return retryLater(ctx, op, new FiscusError('CHAIN_UNAVAILABLE', result.reason), result.afterMs);
    case 'rejected':
      return onRejected(ctx, op, driver, result.error);
  }
}

/** Sends the same bytes again; transport failures become retryLater, never an exception. */
export async function broadcast(driver: ChainDriver, op: OperationRow): Promise<SubmitResult> {
  try {
    return await driver.submit(preparedFromRow(op));
  } catch (e) {
    return { kind: 'retryLater', reason: driver.parseError(e).shortMessage };
  }
}

/**
 * A rejected broadcast. "Nonce too low" or "too late" may mean our own earlier send landed (its
 * answer was lost), so look the hash up before deciding; only a transaction that provably cannot
 * land is rebuilt. A sequence refused while the chain has not consumed it is one sent before its
 * predecessor landed: it waits for it (awaitPredecessor), unchanged. Any other rejection means the
 * bytes never entered the chain: retrying keeps the operation (and its sequence) in place with the
 * reason on the row, instead of failing it and leaving a gap that would stall every later
 * transaction of the signer.
 */
export async function onRejected(ctx: StepContext, op: OperationRow, driver: ChainDriver, error: FiscusError): Promise<StepResult> {
  if (error.code !== 'NONCE_CONFLICT' && error.code !== 'TX_EXPIRED') return retryLater(ctx, op, error);
  const tx = preparedFromRow(op);
  const status = await driver.status(tx).catch(() => ({ kind: 'unknown' as const }));
  if (status.kind === 'pending' || status.kind === 'confirmed' || status.kind === 'failed') {
    return op.state === 'submitted'
      ? pollLater(ctx, op, 0)
      : advance(ctx, op, 'submitted', { nextAttemptAt: new Date() }, { result: 'already-known' });
  }
  if (status.kind === 'dropped') {
    return status.sequenceConsumed ? resyncAndRebuild(ctx, op, driver, status.reason) : rebuild(ctx, op, status.reason, false);
  }
  // Not landed, not dead, its sequence not taken: ahead of the chain, behind a predecessor.
  if (error.code === 'NONCE_CONFLICT' && status.kind === 'unknown') return awaitPredecessor(ctx, op, error);
  return retryLater(ctx, op, error);
}

/** Another transaction used the sequence: catch the allocator up with the chain, then sign anew. */
export async function resyncAndRebuild(ctx: StepContext, op: OperationRow, driver: ChainDriver, reason: string): Promise<StepResult> {
  const signer = op.signer!;
  const chainNext = await driver.nextSequence(signer);
  await resyncSequence(ctx.db, { chain: op.chain, signer, chainNext });
  return rebuild(ctx, op, reason, true);
}

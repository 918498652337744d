import { FiscusError, type ChainDriver, type SubmitResult } from '@fiscus/core';
import { preparedFromRow, type OperationRow } from '../rows.ts';
import { resyncSequence } from '../sequences.ts';
import type { StepContext, StepResult } from './context.ts';
import { advance, fail, pollLater, rebuild, retryLater } from './outcomes.ts';
import { abandon, abandonError, adopt, bumpFee, landedCandidate } from './replace.ts';
import { awaitPredecessor } from './sequence-wait.ts';

/** prepared → submitted: broadcast the persisted bytes (never re-signed here). */
export async function submitStep(ctx: StepContext, op: OperationRow, driver: ChainDriver): Promise<StepResult> {
  const result = await broadcast(driver, op);
  switch (result.kind) {
    case 'accepted':
    case 'duplicate': {
      return advance(ctx, op, 'submitted', { nextAttemptAt: new Date(), lastError: null }, { result: result.kind }, { wakeNext: true });
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
 * predecessor landed: it waits for it (awaitPredecessor), unchanged. A fee the node finds too
 * low is outbid at the same nonce. Any other rejection means the bytes never entered the chain:
 * retrying keeps the operation (and its sequence) in place with the reason on the row; once the
 * attempts are spent, a chain that can replace gives the effect up with a filler at the nonce —
 * never by leaving a gap that would stall every later transaction of the signer.
 */
export async function onRejected(ctx: StepContext, op: OperationRow, driver: ChainDriver, error: FiscusError): Promise<StepResult> {
  if (error.code === 'FEE_TOO_LOW') return (await bumpFee(ctx, op, driver, true)) ?? retryLater(ctx, op, error);
  if (error.code !== 'NONCE_CONFLICT' && error.code !== 'TX_EXPIRED') {
    const spent = op.attempts + 1 >= ctx.maxAttempts && !NOT_ABANDONED.has(error.code);
    return (spent ? await abandon(ctx, op, driver, error) : null) ?? retryLater(ctx, op, error);
  }
  // Our nonce taken: first, by one of our own earlier candidates with a receipt? A receipt answers
  // that directly, where proving the current bytes dropped needs the chain's history — which a
  // node restarted from a state dump no longer has (the soak found a burn waiting for ever).
  if (error.code === 'NONCE_CONFLICT' && op.supersededTxs.length > 0) {
    const landed = await landedCandidate(op, driver).catch(() => undefined);
    if (landed && landed.status.kind !== 'pending') return adopt(ctx, op, landed.candidate);
  }
  const tx = preparedFromRow(op);
  const status = await driver.status(tx).catch(() => ({ kind: 'unknown' as const }));
  if (status.kind === 'pending' || status.kind === 'confirmed' || status.kind === 'failed') {
    return op.state === 'submitted' ? pollLater(ctx, op, 0) : advance(ctx, op, 'submitted', { nextAttemptAt: new Date() }, { result: 'already-known' });
  }
  if (status.kind === 'dropped') return onDropped(ctx, op, driver, status);
  // Not landed, not dead, its sequence not taken: ahead of the chain, behind a predecessor.
  if (error.code === 'NONCE_CONFLICT' && status.kind === 'unknown') return awaitPredecessor(ctx, op, driver, error);
  return retryLater(ctx, op, error);
}

/** Refusals an operator fixes (gas money) or that pass by themselves: never a reason to give up. */
const NOT_ABANDONED = new Set(['CHAIN_UNAVAILABLE', 'INSUFFICIENT_BALANCE', 'FEE_TOO_LOW', 'FEE_CAP_REACHED']);

/**
 * The current bytes provably never land. If another transaction used their nonce it may be one
 * of our own earlier candidates (a replacement's predecessor): book that one. Otherwise a filler
 * has done its job, a given-up operation fails (its nonce is used), and anything else is signed
 * again — with a fresh nonce, or the same one when it was not consumed (expired time bounds).
 */
export async function onDropped(
  ctx: StepContext,
  op: OperationRow,
  driver: ChainDriver,
  status: { reason: string; sequenceConsumed: boolean },
): Promise<StepResult> {
  if (!status.sequenceConsumed) return rebuild(ctx, op, status.reason, false);
  const landed = await landedCandidate(op, driver);
  if (landed) return adopt(ctx, op, landed.candidate);
  if (op.kind === 'fillSequence') return advance(ctx, op, 'posted', { lastError: null }, { sequenceConsumedBy: 'another transaction' });
  if (op.abandonReason) return fail(ctx, op, abandonError(op));
  return resyncAndRebuild(ctx, op, driver, status.reason);
}

/** Another transaction used the sequence: catch the allocator up with the chain, then sign anew. */
export async function resyncAndRebuild(ctx: StepContext, op: OperationRow, driver: ChainDriver, reason: string): Promise<StepResult> {
  const signer = op.signer!;
  const chainNext = await driver.nextSequence(signer);
  await resyncSequence(ctx.db, { chain: op.chain, signer, chainNext });
  return rebuild(ctx, op, reason, true);
}

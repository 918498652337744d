import { eq } from 'drizzle-orm';
import { type FiscusError, toPublicError, type OperationState } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import { applyFailure } from '../effects/index.ts';
import { backoffDelay } from '../backoff.ts';
import type { OperationRow } from '../rows.ts';
import { giveUpSequence } from '../sequences.ts';
import { touch, transition, type OperationPatch } from '../transition.ts';
import { after, type StepContext, type StepResult } from './context.ts';

/** A committed state change, announced to the hook once it is durable. */
export async function advance(
  ctx: StepContext,
  op: OperationRow,
  to: OperationState,
  patch: OperationPatch = {},
  detail?: Record<string, unknown>,
  options: { wakeNext?: boolean } = {},
): Promise<StepResult> {
  const row = await transition(ctx.db, { op, to, patch, detail, leaseOwner: ctx.owner, ...options });
  if (row) await ctx.onTransition?.(row, op.state);
  return row;
}

/** The public form: an INTERNAL error's raw text stays in the worker's log (it may quote SQL). */
export const errorJson = (e: FiscusError) => {
  const reason = e.code !== 'INTERNAL' && typeof e.meta?.reason === 'string' ? e.meta.reason : undefined;
  // meta.reason is a code word drivers set for refusals a person acts on (a held payout's NO_TRUSTLINE).
  return reason ? { ...toPublicError(e), reason } : { ...toPublicError(e) };
};

/** Try again later in the same state, with backoff. */
export async function retryLater(ctx: StepContext, op: OperationRow, reason: FiscusError, delayMs?: number): Promise<StepResult> {
  const attempts = op.attempts + 1;
  ctx.logger.warn({ operationId: op.id, state: op.state, attempts, code: reason.code }, reason.shortMessage);
  return touch(ctx.db, op, { attempts, lastError: errorJson(reason), nextAttemptAt: after(delayMs ?? backoffDelay(attempts, ctx.backoff)) }, ctx.owner);
}

/** Come back after `ms` to look again (status polling), without counting an attempt. */
export async function pollLater(ctx: StepContext, op: OperationRow, ms: number, patch: OperationPatch = {}): Promise<StepResult> {
  return touch(ctx.db, op, { ...patch, nextAttemptAt: after(ms) }, ctx.owner);
}

export async function fail(ctx: StepContext, op: OperationRow, error: FiscusError, options: { wakeNext?: boolean } = {}): Promise<StepResult> {
  ctx.logger.error({ operationId: op.id, code: error.code }, `operation failed: ${error.shortMessage}`);
  return ctx.db
    .transaction(async (tx) => {
      const row = await transition(tx, {
        op,
        to: 'failed',
        patch: { lastError: errorJson(error) },
        detail: errorJson(error),
        leaseOwner: ctx.owner,
        ...options,
      });
      if (!row) return row;
      const given = await giveUpHeldSequence(tx, op.state, row);
      await applyFailure(tx, row);
      await appendAudit(tx, { actor: 'engine', action: 'operation.failed', subject: op.id, data: { ...errorJson(error), ...given } });
      return row;
    })
    .then(async (row) => {
      if (row) await ctx.onTransition?.(row, op.state);
      return row;
    });
}

/**
 * A sequence held in `approved` was allocated (or kept after an expiry) but its transaction
 * never landed: release it or queue a filler, and clear it from the failed row so the filler is
 * its only holder. After signing, a failure happened inside a ledger: the number is consumed.
 */
async function giveUpHeldSequence(tx: Db, from: OperationState, row: OperationRow): Promise<Record<string, unknown>> {
  if (from !== 'approved' || row.signer === null || row.sequence === null) return {};
  const p = { fundId: row.fundId, chain: row.chain, signer: row.signer, sequence: row.sequence, operationId: row.id };
  const given = await giveUpSequence(tx, p);
  await tx.update(schema.operations).set({ signer: null, sequence: null }).where(eq(schema.operations.id, row.id));
  return { sequence: row.sequence.toString(), signer: row.signer, ...given };
}

/**
 * The signed transaction provably cannot land: forget it and sign again. If another transaction
 * consumed its sequence, the next prepare allocates a fresh one; if not (its time bounds passed),
 * the operation keeps its sequence so the signer's later transactions are not left behind a gap.
 * The old hash stays in the history.
 */
export async function rebuild(ctx: StepContext, op: OperationRow, reason: string, sequenceConsumed: boolean): Promise<StepResult> {
  return advance(
    ctx,
    op,
    'approved',
    {
      txHash: null,
      rawTx: null,
      signer: sequenceConsumed ? null : op.signer,
      sequence: sequenceConsumed ? null : op.sequence,
      validUntil: null,
      signedAt: null,
      supersededTxs: [],
      abandonReason: null,
      block: null,
      attempts: op.attempts + 1,
      nextAttemptAt: new Date(),
    },
    { rebuiltFrom: op.txHash, sequence: op.sequence?.toString(), reason, sequenceKept: !sequenceConsumed },
  );
}

/** Codes that will not change by retrying before anything was signed. */
const PERMANENT = new Set([
  'VALIDATION_FAILED',
  'INVALID_AMOUNT',
  'INVALID_ADDRESS',
  'POLICY_DENIED',
  'NOT_DEPLOYED',
  'MINTS_BLOCKED',
  'CAPABILITY_UNSUPPORTED',
  'NOT_FOUND',
  'TX_REJECTED',
  'INSUFFICIENT_BALANCE',
  'NOT_AUTHORIZED_ON_CHAIN',
  'FROZEN',
  // A stablecoin payout the issuer refuses: held with its reason for a retry or a redirect.
  'STABLECOIN_BLACKLISTED',
  'STABLECOIN_PAUSED',
]);

export const isPermanent = (e: FiscusError) => PERMANENT.has(e.code);

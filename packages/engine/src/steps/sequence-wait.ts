import { and, eq, exists, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ChainDriver, FiscusError } from '@fiscus/core';
import { schema } from '@fiscus/ledger';
import type { OperationRow } from '../rows.ts';
import { queueFiller } from '../sequences.ts';
import type { StepContext, StepResult } from './context.ts';
import { errorJson, pollLater, retryLater } from './outcomes.ts';

const { operations } = schema;

/** States in which a signed (or re-signing) transaction has not landed yet but still will. */
const UNLANDED = ['approved', 'prepared', 'submitted'] as const;

/**
 * Longest wait for a predecessor when its landing does not wake us (a crash between the two, a
 * wake that raced our wait): about one ledger close on a real network.
 */
const WAKE_FALLBACK_MS = 5_000;

/**
 * The chain refused our sequence as not next (stellar-core: tx_bad_seq for a sequence ahead of
 * the account) and nothing proves it dead. Operations of one signer are worked concurrently, so
 * this is the normal case of a successor sent before its predecessor landed: the same bytes stay
 * (the sequence is still ours) and are sent again as soon as the predecessor lands — its worker
 * wakes us (`wakeNextSequence`, in the statement that records its landing) — with no attempt counted and no exponential backoff.
 *
 * The wait is one conditional statement: it only schedules the fallback while the predecessor
 * still has not landed, so a wake committed before it is never overwritten. If the predecessor
 * already landed (a race with its confirmation) we resend at once. If no operation holds the
 * predecessor's sequence and the chain waits for exactly it, a filler is queued for it; any other
 * gap (the chain is further behind) waits with ordinary backoff for its own predecessors.
 */
export async function awaitPredecessor(ctx: StepContext, op: OperationRow, driver: ChainDriver, error: FiscusError): Promise<StepResult> {
  if (op.signer === null || op.sequence === null) return retryLater(ctx, op, error);
  const previous = op.sequence - 1n;
  const pred = alias(operations, 'pred');
  const holder = and(eq(pred.chain, op.chain), eq(pred.signer, op.signer), eq(pred.sequence, previous));
  const unlanded = ctx.db
    .select({ one: sql`1` })
    .from(pred)
    .where(and(holder, inArray(pred.state, [...UNLANDED])));
  const waitMs = Math.min(WAKE_FALLBACK_MS, Math.max(ctx.backoff.maxMs, ctx.pollMs));
  const [waiting] = await ctx.db
    .update(operations)
    .set({
      nextAttemptAt: sql`now() + ${waitMs} * interval '1 millisecond'`,
      lastError: { code: error.code, message: `waiting for sequence ${previous} of ${op.signer} to land` },
      updatedAt: sql`now()`,
    })
    .where(and(eq(operations.id, op.id), eq(operations.state, op.state), eq(operations.leaseOwner, ctx.owner), exists(unlanded)))
    .returning();
  if (waiting) return waiting;
  // Landed: confirmed or posted, or failed inside a ledger (a failure before signing has no hash).
  const [landed] = await ctx.db
    .select({ one: sql`1` })
    .from(pred)
    .where(and(holder, or(inArray(pred.state, ['confirmed', 'posted']), and(inArray(pred.state, ['failed', 'compensated']), isNotNull(pred.txHash)))));
  if (landed) return pollLater(ctx, op, ctx.pollMs, { lastError: errorJson(error) });
  // No live operation holds the previous number and the chain still waits for exactly it: nothing
  // will ever send it (a number lost before fillers existed, or by hand). A filler consumes it.
  if ((await driver.nextSequence(op.signer)) === previous) {
    const filler = await ctx.db.transaction((tx) =>
      queueFiller(tx, { fundId: op.fundId, chain: op.chain, signer: op.signer!, sequence: previous, operationId: op.id }),
    );
    ctx.logger.warn(
      { operationId: op.id, signer: op.signer, sequence: previous.toString(), filler },
      'no operation holds the previous sequence: a filler consumes it',
    );
    return pollLater(ctx, op, ctx.pollMs, { lastError: { code: error.code, message: `waiting for sequence ${previous} of ${op.signer} (filler ${filler})` } });
  }
  ctx.logger.warn({ operationId: op.id, signer: op.signer, sequence: op.sequence.toString() }, 'no operation holds the previous sequence: gap');
  return retryLater(ctx, op, error);
}

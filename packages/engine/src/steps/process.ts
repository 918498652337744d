import { FiscusError, isFiscusError, operationFromJson, TERMINAL_STATES } from '@fiscus/core';
import type { OperationRow } from '../rows.ts';
import type { StepContext, StepResult } from './context.ts';
import { deployStep } from './deploy.ts';
import { fail, isPermanent, retryLater } from './outcomes.ts';
import { postStep } from './post.ts';
import { prepareStep } from './prepare.ts';
import { submitStep } from './submit.ts';
import { trackStep } from './track.ts';
import { MAX_STEPS_PER_CLAIM } from '../defaults.ts';

/**
 * Advances one leased operation as far as it can go now, one durable step at a time. Returns
 * the row as this worker left it (undefined when another worker moved it), so the worker knows
 * when it is due again (`nextAttemptAt`) without asking the database.
 */
export async function processOperation(ctx: StepContext, claimed: OperationRow): Promise<StepResult> {
  let op: StepResult = claimed;
  for (let i = 0; op && i < MAX_STEPS_PER_CLAIM; i++) {
    if (TERMINAL_STATES.includes(op.state) || op.nextAttemptAt.getTime() > Date.now()) return op;
    const before: OperationRow = op;
    try {
      op = await step(ctx, op);
    } catch (e) {
      op = await onError(ctx, before, e);
    }
    if (op && op.state === before.state && op.nextAttemptAt.getTime() > Date.now()) return op;
  }
  return op;
}

async function step(ctx: StepContext, op: OperationRow): Promise<StepResult> {
  const driver = ctx.drivers.get(op.chain);
  if (!driver) {
    throw new FiscusError('CHAIN_NOT_CONFIGURED', `this worker has no driver for ${op.chain}`, {
      meta: { configured: ctx.drivers.chains() },
    });
  }
  switch (op.state) {
    case 'approved':
      return operationFromJson(op.body).kind === 'deploy' ? deployStep(ctx, op, driver) : prepareStep(ctx, op, driver);
    case 'prepared':
      return submitStep(ctx, op, driver);
    case 'submitted':
      return trackStep(ctx, op, driver);
    case 'confirmed':
      return postStep(ctx, op);
    default:
      return undefined;
  }
}

/**
 * Before signing, a permanent error fails the operation; after signing the transaction may
 * still land, so we never give up on it — only retry with backoff. A sequence filler never
 * fails: the number it holds must be consumed, or the signer's later transactions stall.
 */
async function onError(ctx: StepContext, op: OperationRow, e: unknown): Promise<StepResult> {
  const error = isFiscusError(e) ? e : (ctx.drivers.get(op.chain)?.parseError(e) ?? new FiscusError('INTERNAL', String(e), { cause: e }));
  const unsigned = op.state === 'approved' && op.kind !== 'fillSequence';
  if (unsigned && (isPermanent(error) || op.attempts + 1 >= ctx.maxAttempts)) return fail(ctx, op, error);
  return retryLater(ctx, op, error);
}

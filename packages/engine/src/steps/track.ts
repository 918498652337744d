import { FiscusError, type ChainDriver, type TxStatus } from '@fiscus/core';
import { preparedFromRow, type OperationRow } from '../rows.ts';
import type { StepContext, StepResult } from './context.ts';
import { advance, fail, pollLater, retryLater } from './outcomes.ts';
import { abandonError, bumpFee } from './replace.ts';
import { broadcast, onDropped, onRejected } from './submit.ts';

/**
 * submitted → confirmed | failed. "Sent but not confirmed" is a state: while the chain does not
 * know the hash we resend the same bytes; we rebuild only when the driver proves it can never land.
 */
export async function trackStep(ctx: StepContext, op: OperationRow, driver: ChainDriver): Promise<StepResult> {
  let status: TxStatus;
  try {
    status = await driver.status(preparedFromRow(op));
  } catch (e) {
    return retryLater(ctx, op, driver.parseError(e));
  }
  switch (status.kind) {
    case 'pending':
      return (await bumpFee(ctx, op, driver)) ?? pollLater(ctx, op, ctx.pollMs);
    case 'confirmed': {
      if (!status.final) return pollLater(ctx, op, ctx.pollMs, { block: status.block });
      // The filler that gave the effect up landed: the nonce is used, the effect never happens.
      if (op.abandonReason) return fail(ctx, op, abandonError(op), { wakeNext: true });
      return advance(
        ctx,
        op,
        'confirmed',
        { block: status.block, nextAttemptAt: new Date(), lastError: null },
        { block: status.block.toString() },
        { wakeNext: true },
      );
    }
    case 'failed':
      // Failed inside a ledger: the sequence is consumed all the same.
      return fail(ctx, op, status.error, { wakeNext: true });
    case 'dropped':
      return onDropped(ctx, op, driver, status);
    case 'unknown':
      return resend(ctx, op, driver);
  }
}

async function resend(ctx: StepContext, op: OperationRow, driver: ChainDriver): Promise<StepResult> {
  const result = await broadcast(driver, op);
  if (result.kind === 'rejected') return onRejected(ctx, op, driver, result.error);
  if (result.kind === 'retryLater') return retryLater(ctx, op, new FiscusError('CHAIN_UNAVAILABLE', result.reason), result.afterMs);
  return pollLater(ctx, op, ctx.pollMs);
}

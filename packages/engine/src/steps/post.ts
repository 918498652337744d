import { appendAudit } from '@fiscus/ledger';
import { applyEffects } from '../effects/index.ts';
import { guardSupplyInvariant } from '../invariants/supply.ts';
import type { OperationRow } from '../rows.ts';
import { transition } from '../transition.ts';
import type { StepContext, StepResult } from './context.ts';

/**
 * confirmed → posted: the ledger entries and the state change commit together, so a crash
 * before commit leaves the row `confirmed` (posted again on restart) and a crash after leaves
 * it `posted` (never posted twice).
 */
export async function postStep(ctx: StepContext, op: OperationRow): Promise<StepResult> {
  const row = await ctx.db.transaction(async (tx) => {
    const moved = await transition(tx, { op, to: 'posted', leaseOwner: ctx.owner, patch: { lastError: null } });
    if (!moved) return undefined;
    await applyEffects(tx, moved);
    // Invariant S2 (docs/architecture.md) after every posting; a breach halts the fund (mints, moves) and alerts.
    await guardSupplyInvariant(tx, { fundId: op.fundId, operationId: op.id, logger: ctx.logger });
    await appendAudit(tx, {
      actor: 'engine',
      action: 'operation.posted',
      subject: op.id,
      data: { chain: op.chain, kind: op.kind, txHash: op.txHash, block: op.block?.toString() ?? null },
    });
    return moved;
  });
  if (row) await ctx.onTransition?.(row, op.state);
  return row;
}

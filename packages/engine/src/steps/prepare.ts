import { FiscusError, operationFromJson, type ChainDriver, type ChainId, type ChainOperation } from '@fiscus/core';
import { checkCompliance } from '../compliance.ts';
import { openHalt } from '../moves/halt.ts';
import { pollLater } from './moves.ts';
import { loadDeployment } from '../deployments.ts';
import { checkRecovery } from '../recovery.ts';
import type { OperationRow } from '../rows.ts';
import { allocateSequence } from '../sequences.ts';
import { transition } from '../transition.ts';
import type { StepContext, StepResult } from './context.ts';

class LeaseLost extends Error {}

/**
 * approved → prepared: checks the policy again (it may have changed since the request),
 * allocates the sequence, signs, and persists the bytes — all in one transaction, so a crash
 * either keeps both the sequence and the bytes or neither. Nothing is sent here.
 */
export async function prepareStep(ctx: StepContext, op: OperationRow, driver: ChainDriver): Promise<StepResult> {
  const body = operationFromJson(op.body) as ChainOperation;
  const deployment = await loadDeployment(ctx.db, op.fundId, op.chain);
  if (body.kind === 'mint' || (body.kind === 'batch' && body.items.some((i) => i.kind === 'mint'))) {
    if (deployment.mintsBlocked) {
      throw new FiscusError('MINTS_BLOCKED', `mints on ${op.chain} are blocked: ${deployment.blockedReason ?? 'supply drift'}`);
    }
    // A fund halted on a supply-invariant breach signs no mint until an operator clears it; the
    // operation waits (not fails), so nothing requested is lost meanwhile.
    const halt = await openHalt(ctx.db, op.fundId);
    if (halt) return pollLater(ctx, op, Math.max(ctx.pollMs, 1_000), { lastError: { code: 'FUND_HALTED', message: halt.reason } });
  }
  await recheckPolicy(ctx, op, body);
  const signer = driver.signerFor(body, deployment.deployment);
  try {
    const row = await ctx.db.transaction(async (tx) => {
      // A rebuild after expiry keeps its unconsumed sequence; everything else takes the next one.
      const sequence =
        op.sequence !== null && op.signer === signer
          ? op.sequence
          : await allocateSequence(tx, { chain: op.chain, signer, chainNext: () => driver.nextSequence(signer) });
      const prepared = await driver.prepare(body, { deployment: deployment.deployment, sequence });
      const moved = await transition(tx, {
        op,
        to: 'prepared',
        leaseOwner: ctx.owner,
        patch: {
          signer,
          sequence,
          txHash: prepared.hash,
          rawTx: prepared.raw,
          validUntil: prepared.validUntil ?? null,
          nextAttemptAt: new Date(),
          lastError: null,
        },
        detail: { txHash: prepared.hash, sequence: sequence.toString() },
      });
      if (!moved) throw new LeaseLost();
      return moved;
    });
    await ctx.onTransition?.(row, op.state);
    return row;
  } catch (e) {
    if (e instanceof LeaseLost) return undefined;
    throw e;
  }
}

async function recheckPolicy(ctx: StepContext, op: OperationRow, body: ChainOperation): Promise<void> {
  if (body.kind === 'recover') {
    const id = (k: string) => (typeof op.context[k] === 'string' ? (op.context[k] as string) : undefined);
    await checkRecovery(ctx.db, { fundId: op.fundId, chain: op.chain as ChainId, from: body.from, to: body.to, fromWalletId: id('fromWalletId'), toWalletId: id('toWalletId') });
    return;
  }
  const investorId = typeof op.context.investorId === 'string' ? op.context.investorId : undefined;
  if (!investorId) return;
  // A move's mint returns the investor's own units (no subscription): eligibility only, and
  // none for a compensating re-mint to the wallet they came from.
  if (typeof op.context.moveId === 'string') {
    if (body.kind === 'mint' && op.context.compensation !== true) {
      await checkCompliance(ctx.db, { fundId: op.fundId, investorId, action: 'receive', units: 0n, excludeOperationId: op.id });
    }
    return;
  }
  // An authorization requested before a KYC lapse or a policy change must not be signed after it.
  if (body.kind === 'authorize') {
    await checkCompliance(ctx.db, { fundId: op.fundId, investorId, action: 'receive', units: 0n, excludeOperationId: op.id });
  }
  if (body.kind === 'mint') {
    await checkCompliance(ctx.db, { fundId: op.fundId, investorId, action: 'subscribe', units: body.units, excludeOperationId: op.id });
  }
}

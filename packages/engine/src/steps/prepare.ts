import { FiscusError, operationFromJson, type ChainDriver, type ChainId, type ChainOperation, type Deployment, type PreparedTx } from '@fiscus/core';
import { checkCompliance } from '../compliance.ts';
import { openHalt } from '../moves/halt.ts';
import { advance, pollLater } from './outcomes.ts';
import { loadDeployment } from '../deployments.ts';
import { collectedApproval } from '../multisig/signatures.ts';
import { checkRecovery } from '../recovery.ts';
import type { OperationRow } from '../rows.ts';
import { allocateSequence, giveUpSequence, reserveNextSequence } from '../sequences.ts';
import { touch } from '../transition.ts';
import type { StepContext, StepResult } from './context.ts';
import { MIN_HELD_POLL_MS } from '../defaults.ts';
import { getSettlementChain } from '../settlement/chains.ts';

/**
 * approved → prepared: checks the policy again (it may have changed since the request),
 * reserves a sequence, signs, and persists the bytes. Nothing is sent here.
 *
 * The reservation is its own statement (or short transaction; the signer's allocator row is
 * locked only for it): building the transaction reads the chain (gas estimates, fees, trustlines), and holding
 * the lock across those reads would queue every prepare of the signer behind one slow RPC.
 * Once reserved, the number stays on the row until its transaction lands or the operation
 * fails, which releases it or queues a filler (`fail` → giveUpSequence): a crash in between
 * resumes with the same number, so it is never lost and never handed out twice.
 */
export async function prepareStep(ctx: StepContext, op: OperationRow, driver: ChainDriver): Promise<StepResult> {
  const body = operationFromJson(op.body);
  if (body.kind === 'deploy') throw new FiscusError('INTERNAL', `deploy operation ${op.id} reached prepare`);
  const mints = body.kind === 'mint' || (body.kind === 'batch' && body.items.some((i) => i.kind === 'mint'));
  // Independent reads, sent together.
  const [deployment, halt] = await Promise.all([loadDeployment(ctx.db, op.fundId, op.chain), mints ? openHalt(ctx.db, op.fundId) : undefined]);
  if (body.kind === 'fillSequence') return signFiller(ctx, op, driver, deployment.deployment);
  if (mints) {
    if (deployment.mintsBlocked) {
      throw new FiscusError('MINTS_BLOCKED', `mints on ${op.chain} are blocked: ${deployment.blockedReason ?? 'supply drift'}`);
    }
    // A fund halted on a supply-invariant breach signs no mint until an operator clears it; the
    // operation waits (not fails), so nothing requested is lost meanwhile.
    if (halt) return pollLater(ctx, op, Math.max(ctx.pollMs, MIN_HELD_POLL_MS), { lastError: { code: 'FUND_HALTED', message: halt.reason } });
  }
  if (body.kind === 'payout') {
    // A stablecoin drift on this chain blocks its payouts: the operation waits (never fails), so
    // the payout is neither lost nor signed while the books and the chain disagree.
    const chain = await getSettlementChain(ctx.db, op.fundId, op.chain);
    if (chain?.payoutsBlocked) {
      return pollLater(ctx, op, Math.max(ctx.pollMs, MIN_HELD_POLL_MS), {
        lastError: { code: 'CONFLICT', message: `payouts blocked: ${chain.blockedReason ?? 'stablecoin drift'}` },
      });
    }
  }
  await recheckPolicy(ctx, op, body);
  const held = await reserveSequence(ctx, op, driver, driver.signerFor(body, deployment.deployment));
  if (!held) return undefined;
  // Approved by approvers' signatures (multisig/): the driver builds the transaction they signed.
  const approval = op.requiresApproval ? await collectedApproval(ctx.db, op.id) : undefined;
  const prepared = await driver.prepare(body, { deployment: deployment.deployment, sequence: held.sequence!, ...(approval ? { approval } : {}) });
  // A driver whose signing key moved meanwhile (a key rotation landed) must not use another
  // signer's sequence: nothing is persisted, and the retry allocates for the new signer.
  if (prepared.signer !== held.signer) {
    throw new FiscusError('CONFLICT', `operation ${op.id} was signed by ${prepared.signer}, its sequence belongs to ${held.signer}`);
  }
  return persistSigned(ctx, held, prepared);
}

/** A filler's row carries the signer and sequence it consumes; it only needs signing. */
async function signFiller(ctx: StepContext, op: OperationRow, driver: ChainDriver, deployment: Deployment): Promise<StepResult> {
  if (op.signer === null || op.sequence === null) throw new FiscusError('INTERNAL', `filler ${op.id} holds no sequence`);
  return persistSigned(ctx, op, await driver.fill({ deployment, signer: op.signer, sequence: op.sequence }));
}

/**
 * The operation's sequence: the one it already holds (a rebuild after expiry, a retry after a
 * failed build, a crash), or the signer's next, written on the row in the statement (or, for a
 * signer's first number or one held for another signer, the transaction) that takes it.
 */
async function reserveSequence(ctx: StepContext, op: OperationRow, driver: ChainDriver, signer: string): Promise<OperationRow | undefined> {
  if (op.sequence !== null && op.signer === signer) return op;
  if (op.sequence === null) {
    const reserved = await reserveNextSequence(ctx.db, { op, chain: op.chain, signer, owner: ctx.owner });
    if (reserved) return reserved;
  }
  // A signer seen for the first time (its allocator starts from the chain), a number held for
  // another signer, or a lease lost: the transaction below tells them apart.
  return ctx.db
    .transaction(async (tx) => {
      // Held for another signer (the deployment's signer changed): that number is given up.
      if (op.sequence !== null && op.signer !== null) {
        await giveUpSequence(tx, { fundId: op.fundId, chain: op.chain, signer: op.signer, sequence: op.sequence, operationId: op.id });
      }
      const sequence = await allocateSequence(tx, { chain: op.chain, signer, chainNext: () => driver.nextSequence(signer) });
      const row = await touch(tx, op, { signer, sequence }, ctx.owner);
      // Lease lost: roll back, so the number returns to the allocator.
      if (!row) throw new LeaseLost();
      return row;
    })
    .catch((e: unknown) => {
      if (e instanceof LeaseLost) return undefined;
      throw e;
    });
}

async function persistSigned(ctx: StepContext, op: OperationRow, prepared: PreparedTx): Promise<StepResult> {
  return advance(
    ctx,
    op,
    'prepared',
    {
      txHash: prepared.hash,
      rawTx: prepared.raw,
      validUntil: prepared.validUntil ?? null,
      signedAt: new Date(),
      supersededTxs: [],
      abandonReason: null,
      nextAttemptAt: new Date(),
      lastError: null,
    },
    { txHash: prepared.hash, sequence: op.sequence?.toString() },
  );
}

class LeaseLost extends Error {}

async function recheckPolicy(ctx: StepContext, op: OperationRow, body: ChainOperation): Promise<void> {
  if (body.kind === 'recover') {
    const id = (k: string) => (typeof op.context[k] === 'string' ? (op.context[k] as string) : undefined);
    await checkRecovery(ctx.db, {
      fundId: op.fundId,
      chain: op.chain as ChainId,
      from: body.from,
      to: body.to,
      fromWalletId: id('fromWalletId'),
      toWalletId: id('toWalletId'),
    });
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

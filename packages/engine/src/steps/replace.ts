import { FiscusError, feeReplacementOf, type ChainDriver, type ErrorCode, type PreparedTx, type TxStatus } from '@fiscus/core';
import type { schema } from '@fiscus/ledger';
import { preparedFromRow, type OperationRow } from '../rows.ts';
import type { StepContext, StepResult } from './context.ts';
import { advance, errorJson, pollLater } from './outcomes.ts';
import { MIN_HELD_POLL_MS } from '../defaults.ts';

type SupersededTx = (typeof schema.operations.$inferSelect)['supersededTxs'][number];

/**
 * Replacement at the same nonce (chains with `replaceByFee`; docs/architecture.md "Exactly
 * once per chain"). Every candidate signed for the nonce stays on the row: at most one of them
 * lands, and whichever does is the one booked — the effect if it is the operation's own
 * transaction, nothing if it is a filler that gave the effect up.
 */

/** Signs `next` in place of the current bytes and sends it; the current bytes become a candidate. */
async function replaceWith(ctx: StepContext, op: OperationRow, next: PreparedTx, reason: string, abandon?: FiscusError): Promise<StepResult> {
  const previous: SupersededTx = { hash: op.txHash!, raw: Buffer.from(op.rawTx!).toString('hex'), ...(op.abandonReason ? { filler: true } : {}) };
  return advance(
    ctx,
    op,
    'prepared',
    {
      txHash: next.hash,
      rawTx: next.raw,
      signedAt: new Date(),
      supersededTxs: [...op.supersededTxs, previous],
      abandonReason: abandon ? errorJson(abandon) : op.abandonReason,
      nextAttemptAt: new Date(),
      lastError: null,
    },
    { replaced: op.txHash, by: next.hash, reason, ...(abandon ? { abandoning: errorJson(abandon) } : {}) },
  );
}

/**
 * The bytes have waited unmined past `replaceAfterMs` (a base fee above their cap), or the node
 * said their fee is too low: bid higher at the same nonce, within the driver's fee policy. At
 * the cap the operation waits for the base fee to fall, saying so. Null: nothing to do here.
 */
export async function bumpFee(ctx: StepContext, op: OperationRow, driver: ChainDriver, force = false): Promise<StepResult | null> {
  const rbf = feeReplacementOf(driver);
  if (!rbf || op.txHash === null) return null;
  if (!force && (op.signedAt === null || Date.now() - op.signedAt.getTime() < ctx.replaceAfterMs)) return null;
  const current = preparedFromRow(op);
  // A filler is the cheapest of transactions (21,000 gas): it always outbids, so the nonce frees.
  const next = op.abandonReason ? await rbf.fillerFor(current) : await rbf.bumpFee(current);
  if (next) return replaceWith(ctx, op, next, force ? 'fee too low' : `unmined after ${ctx.replaceAfterMs} ms`);
  const capped = new FiscusError('FEE_CAP_REACHED', `nonce ${op.sequence} waits for the base fee to fall under the fee cap`);
  return pollLater(ctx, op, Math.max(ctx.pollMs, MIN_HELD_POLL_MS), { lastError: errorJson(capped) });
}

/**
 * The node refuses the bytes for good: give the effect up with a filler at their nonce. The
 * original may still sit in another node's pool; if it lands instead, the effect is booked.
 * Null when the chain cannot replace (Stellar: the time bounds end it) or it already gave up.
 */
export async function abandon(ctx: StepContext, op: OperationRow, driver: ChainDriver, error: FiscusError): Promise<StepResult | null> {
  const rbf = feeReplacementOf(driver);
  if (!rbf || op.abandonReason || op.txHash === null) return null;
  ctx.logger.warn({ operationId: op.id, code: error.code }, `abandoning nonce ${op.sequence} with a filler: ${error.shortMessage}`);
  return replaceWith(ctx, op, await rbf.fillerFor(preparedFromRow(op)), 'refused by the node', error);
}

/** The current bytes' nonce was used by another transaction: was it one of our candidates? */
export async function landedCandidate(op: OperationRow, driver: ChainDriver): Promise<{ candidate: SupersededTx; status: TxStatus } | undefined> {
  // A candidate whose status cannot be read (proving it dropped needs history a restarted node
  // lacks) must not hide a later one with a receipt: look at every one, throw only if none landed.
  let unreadable: unknown;
  for (const candidate of op.supersededTxs) {
    const tx = { ...preparedFromRow(op), hash: candidate.hash, raw: Uint8Array.from(Buffer.from(candidate.raw, 'hex')) };
    let status: TxStatus;
    try {
      status = await driver.status(tx);
    } catch (e) {
      unreadable ??= e;
      continue;
    }
    if (status.kind === 'confirmed' || status.kind === 'failed' || status.kind === 'pending') return { candidate, status };
  }
  if (unreadable !== undefined) throw unreadable;
  return undefined;
}

/** Track the candidate that landed from now on; if it is the effect, the operation is no longer given up. */
export async function adopt(ctx: StepContext, op: OperationRow, candidate: SupersededTx): Promise<StepResult> {
  const current: SupersededTx = { hash: op.txHash!, raw: Buffer.from(op.rawTx!).toString('hex'), ...(op.abandonReason ? { filler: true } : {}) };
  const others = [...op.supersededTxs.filter((c) => c.hash !== candidate.hash), current];
  return advance(
    ctx,
    op,
    'submitted',
    {
      txHash: candidate.hash,
      rawTx: Uint8Array.from(Buffer.from(candidate.raw, 'hex')),
      supersededTxs: others,
      abandonReason: candidate.filler ? op.abandonReason : null,
      nextAttemptAt: new Date(),
    },
    { adopted: candidate.hash, filler: candidate.filler === true },
  );
}

/** Why a landed filler ends its operation. */
export const abandonError = (op: OperationRow) =>
  new FiscusError(
    (op.abandonReason?.code ?? 'TX_REJECTED') as ErrorCode,
    `given up at nonce ${op.sequence}: ${op.abandonReason?.message ?? 'refused by the node'}`,
  );

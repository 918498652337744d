import { isKeyRotationOperation, isOracleOperation, isPayoutOperation, operationFromJson, type OperationBody, type SingleOperation } from '@fiscus/core';
import type { Db } from '@fiscus/ledger';
import type { OperationRow } from '../rows.ts';
import { applyDeployed, applyDeployFailed } from './deployment.ts';
import { applyPositions, applyWalletFailed } from './positions.ts';
import { postSupply } from './supply.ts';
import { applyDealingEffects, applyDealingFailure } from './redemption.ts';
import { applyPayoutFailed, applyPayoutPosted } from './payout.ts';

/**
 * What a confirmed operation changes off chain, written in the same transaction that marks it
 * posted: the journal (supply), the cap table (positions, wallet standing) and deployments.
 */
export async function applyEffects(tx: Db, op: OperationRow): Promise<void> {
  const body = operationFromJson(op.body);
  if (body.kind === 'deploy') return applyDeployed(tx, op);
  // NAV / attestation mirrors move no units: the publication rows are already the books; a
  // sequence filler changes nothing at all; a key rotation changes who signs (its audit records
  // are the books).
  if (isOracleOperation(body) || isKeyRotationOperation(body) || body.kind === 'fillSequence') return;
  if (isPayoutOperation(body)) return applyPayoutPosted(tx, op, body);
  const items = itemsWithContext(body, op.context);
  for (const { item, context } of items) await applyPositions(tx, op.fundId, item, context);
  await applyDealingEffects(tx, op);
  // Last: its postings lock the fund's supply account until commit, and every posting of the
  // fund on this chain waits for that lock — the less this transaction does after, the less they wait.
  await postSupply(
    tx,
    op,
    items.map((i) => i.item),
  );
}

/** Off-chain consequences of an operation that will never take effect. */
export async function applyFailure(tx: Db, op: OperationRow): Promise<void> {
  const body = operationFromJson(op.body);
  if (body.kind === 'deploy') return applyDeployFailed(tx, op);
  if (isOracleOperation(body) || isKeyRotationOperation(body) || body.kind === 'fillSequence') return;
  if (isPayoutOperation(body)) return applyPayoutFailed(tx, op, body);
  for (const { item, context } of itemsWithContext(body, op.context)) await applyWalletFailed(tx, op.fundId, item, context);
  await applyDealingFailure(tx, op);
}

export interface ItemWithContext {
  item: SingleOperation;
  context: Record<string, unknown>;
}

/** A batch carries one context per item under `context.items`, in the same order. */
function itemsWithContext(
  body: Exclude<OperationBody, { kind: 'deploy' | 'publishNav' | 'publishAttestation' | 'fillSequence' | 'payout' | 'rotateKey' }>,
  context: Record<string, unknown>,
): ItemWithContext[] {
  if (body.kind !== 'batch') return [{ item: body, context }];
  const contexts = Array.isArray(context.items) ? (context.items as Record<string, unknown>[]) : [];
  return body.items.map((item, i) => ({ item, context: contexts[i] ?? {} }));
}

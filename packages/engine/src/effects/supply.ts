import type { SingleOperation } from '@fiscus/core';
import { ISSUANCE, postEntry, supplyAccount, TRANSIT, type Db } from '@fiscus/ledger';
import type { OperationRow } from '../rows.ts';

/**
 * Mints and burns change the units outstanding: `issuance` is the balancing side, so
 * Σ supply:<chain> + transit == −issuance holds by construction. One entry per operation
 * (journal_entries.operation_id is unique), so an operation can never post twice.
 */
export async function postSupply(tx: Db, op: OperationRow, items: SingleOperation[]): Promise<void> {
  let delta = 0n;
  for (const item of items) {
    if (item.kind === 'mint') delta += item.units;
    if (item.kind === 'burn') delta -= item.units;
  }
  if (delta === 0n) return;
  // A cross-chain move's legs (burn on the source, mint or re-mint) balance against transit, not
  // issuance: the units outstanding never change on a move (owner: moves saga).
  const counter = typeof op.context.moveId === 'string' ? TRANSIT : ISSUANCE;
  await postEntry(tx, {
    fundId: op.fundId,
    operationId: op.id,
    memo: `${op.kind} on ${op.chain}`,
    meta: { chain: op.chain, txHash: op.txHash, block: op.block?.toString() },
    postings: [
      { account: supplyAccount(op.chain), commodity: 'units', amount: delta },
      { account: counter, commodity: 'units', amount: -delta },
    ],
  });
}

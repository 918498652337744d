import type { PreparedTx } from '@fiscus/core';
import type { schema } from '@fiscus/ledger';

export type OperationRow = typeof schema.operations.$inferSelect;
export type ReconciliationRow = typeof schema.reconciliations.$inferSelect;

/** The signed transaction exactly as persisted: resends always use these bytes. */
export function preparedFromRow(row: OperationRow): PreparedTx {
  if (!row.rawTx || !row.txHash || !row.signer || row.sequence === null) {
    throw new Error(`operation ${row.id} in state ${row.state} has no signed transaction`);
  }
  return {
    hash: row.txHash,
    raw: row.rawTx,
    signer: row.signer,
    sequence: row.sequence,
    validUntil: row.validUntil ?? undefined,
    description: `${row.kind} on ${row.chain}`,
  };
}

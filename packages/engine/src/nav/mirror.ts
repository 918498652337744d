import type { ChainId, OperationBody } from '@fiscus/core';
import type { Db } from '@fiscus/ledger';
import { requestOperation } from '../request.ts';
import type { OperationRow } from '../rows.ts';

/**
 * Requests the same on-chain publication (a NAV round, an attestation hash) on every chain that
 * mirrors it, inside the caller's transaction: the record and its operations commit together, so
 * a crash can neither publish without the record nor leave a chain out.
 */
export async function requestOnChains(
  tx: Db,
  p: { fundId: string; chains: ChainId[]; body: OperationBody; context: Record<string, unknown>; by: string },
): Promise<OperationRow[]> {
  const operations: OperationRow[] = [];
  for (const chain of p.chains) {
    operations.push(await requestOperation(tx, { fundId: p.fundId, chain, body: p.body, context: p.context, requestedBy: p.by }));
  }
  return operations;
}

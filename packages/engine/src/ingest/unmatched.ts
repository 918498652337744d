import type { ChainEvent } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';

const { unmatchedChainEvents } = schema;

type Movement = Extract<ChainEvent, { kind: 'transfer' | 'unmatched' }>;

/** foreign_mint | unknown_transfer | unbookable (a driver's `unmatched` event; its reason is in data). */
export type UnmatchedKind = 'foreign_mint' | 'unknown_transfer' | 'unbookable';

/**
 * Ingest calls this for an on-chain event the books cannot explain (a mint that is not one of
 * our operations, a transfer with an address unknown to the fund, a movement the driver could
 * not express as a transfer). Kept once per (chain, tx, index) so a drifting reconciliation can
 * name its cause.
 */
export async function recordUnmatchedEvent(
  tx: Db,
  t: { fundId: string; deploymentId: string },
  chain: string,
  e: Movement,
  kind: UnmatchedKind,
): Promise<void> {
  const data = e.kind === 'unmatched' ? { reason: e.reason } : undefined;
  await tx
    .insert(unmatchedChainEvents)
    .values({
      fundId: t.fundId,
      deploymentId: t.deploymentId,
      chain,
      txHash: e.txHash,
      block: e.block,
      logIndex: e.index,
      kind,
      fromAddress: e.from,
      toAddress: e.to,
      units: e.units,
      data,
    })
    .onConflictDoNothing();
}

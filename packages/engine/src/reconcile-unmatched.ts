import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { ChainEvent, DriverRegistry } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { ingestEvents } from './ingest/index.ts';

const { reconciliations, unmatchedChainEvents } = schema;

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
    .values({ fundId: t.fundId, deploymentId: t.deploymentId, chain, txHash: e.txHash, block: e.block, logIndex: e.index, kind, fromAddress: e.from, toAddress: e.to, units: e.units, data })
    .onConflictDoNothing();
}

export interface UnmatchedEvent {
  kind: string;
  txHash: string;
  block: string;
  index: number;
  from: string | null;
  to: string | null;
  units: string;
  seenAt: string;
  /** Why the driver could not book it (kind `unbookable`). */
  reason?: string;
}

/** Unmatched events of a chain seen since its last clean reconciliation (all of them if none was clean). */
export async function unmatchedSinceLastClean(db: Db, p: { fundId: string; chain: string; limit?: number }): Promise<UnmatchedEvent[]> {
  const [clean] = await db
    .select({ at: sql<string>`max(${reconciliations.createdAt})` })
    .from(reconciliations)
    .where(and(eq(reconciliations.fundId, p.fundId), eq(reconciliations.chain, p.chain), eq(reconciliations.status, 'clean')));
  const since = clean?.at ? new Date(clean.at) : new Date(0);
  const rows = await db
    .select()
    .from(unmatchedChainEvents)
    .where(and(eq(unmatchedChainEvents.fundId, p.fundId), eq(unmatchedChainEvents.chain, p.chain), gt(unmatchedChainEvents.seenAt, since)))
    .orderBy(asc(unmatchedChainEvents.id))
    .limit(p.limit ?? 100);
  return rows.map((r) => ({
    kind: r.kind,
    txHash: r.txHash,
    block: r.block.toString(),
    index: r.logIndex,
    from: r.fromAddress,
    to: r.toAddress,
    units: r.units.toString(),
    seenAt: r.seenAt.toISOString(),
    ...(typeof r.data?.reason === 'string' ? { reason: r.data.reason } : {}),
  }));
}

/** Best effort: a chain whose events cannot be read now is still reconciled on supply alone. */
export async function catchUpEvents(db: Db, drivers: DriverRegistry, deploymentId: string): Promise<void> {
  try {
    await ingestEvents(db, drivers, { deploymentId, maxPages: 50 });
  } catch {
    // The supply comparison below still runs; ingest retries on its own schedule.
  }
}

import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { DriverRegistry } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { ingestEvents } from '../ingest/index.ts';
import { RECONCILE_CATCH_UP_PAGES, UNMATCHED_EVENTS_LIMIT } from '../defaults.ts';

const { reconciliations, unmatchedChainEvents } = schema;

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
    .limit(p.limit ?? UNMATCHED_EVENTS_LIMIT);
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
    await ingestEvents(db, drivers, { deploymentId, maxPages: RECONCILE_CATCH_UP_PAGES });
  } catch {
    // The supply comparison below still runs; ingest retries on its own schedule.
  }
}

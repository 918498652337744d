import { and, eq, lte, sql } from 'drizzle-orm';
import type { DriverRegistry } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { runReconciliation } from './reconcile.ts';
import type { PositionsRequest } from './positions.ts';
import type { ReconciliationRow } from '../rows.ts';
import type { EngineLogger } from '../steps/context.ts';

const { deployments, reconcileSchedule } = schema;

/**
 * The reconciliation scheduler: every active deployment of a chain this worker can read is
 * reconciled once per `everyMs`. A worker first claims the deployment's slot with a
 * compare-and-set on next_run_at (UPDATE … WHERE next_run_at <= now()), so two workers reconcile
 * a deployment once per interval, and a crash at worst delays the next run by one interval.
 * On-demand runs (POST /reconciliations) go around the schedule.
 */
export async function reconcileDue(
  db: Db,
  drivers: DriverRegistry,
  o: {
    everyMs: number;
    /** Holder positions: default `auto` (a full check when one is due, else only holders touched since the last check). */
    positions?: boolean | PositionsRequest;
    fullPositionsEveryMs?: number;
    logger?: EngineLogger;
    now?: Date;
  },
): Promise<ReconciliationRow[]> {
  const now = o.now ?? new Date();
  const active = await db
    .select({ id: deployments.id, fundId: deployments.fundId, chain: deployments.chain })
    .from(deployments)
    .where(eq(deployments.status, 'active'));
  const results: ReconciliationRow[] = [];
  for (const d of active) {
    if (!drivers.get(d.chain)) continue;
    // A deployment first seen waits one interval: a fresh worker does not reconcile everything at once.
    await db
      .insert(reconcileSchedule)
      .values({ deploymentId: d.id, nextRunAt: new Date(now.getTime() + o.everyMs) })
      .onConflictDoNothing();
    const next = new Date(now.getTime() + o.everyMs);
    const claimed = await db
      .update(reconcileSchedule)
      .set({ nextRunAt: next, lastRunAt: now })
      .where(and(eq(reconcileSchedule.deploymentId, d.id), lte(reconcileSchedule.nextRunAt, sql`${now.toISOString()}::timestamptz`)))
      .returning({ id: reconcileSchedule.deploymentId });
    if (claimed.length === 0) continue;
    try {
      results.push(
        ...(await runReconciliation(db, drivers, {
          fundId: d.fundId,
          chain: d.chain,
          positions: o.positions ?? 'auto',
          fullPositionsEveryMs: o.fullPositionsEveryMs,
        })),
      );
    } catch (e) {
      o.logger?.error({ deploymentId: d.id, err: String(e) }, 'scheduled reconciliation failed');
    }
  }
  return results;
}

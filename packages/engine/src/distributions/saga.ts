import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { TERMINAL_STATES, isFiscusError, type DriverRegistry } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import type { EngineLogger } from '../steps/context.ts';
import { planDistribution } from './plan.ts';

const { distributions, distributionAllocations, distributionCarry, operations } = schema;

export interface DistributionRound {
  planned: number;
  finished: number;
}

/**
 * One saga round: plans every pending distribution whose record time has come (oldest first,
 * so carries chain in order), then closes every minting distribution whose batch operations are
 * all terminal. Safe to repeat and to run in several workers: planning locks its row with SKIP
 * LOCKED and checks the state; closing is a compare-and-set on `minting`.
 */
export async function advanceDistributions(db: Db, drivers: DriverRegistry, o: { logger?: EngineLogger; now?: Date } = {}): Promise<DistributionRound> {
  const now = o.now ?? new Date();
  const round = { planned: 0, finished: 0 };
  const due = await db
    .select({ id: distributions.id })
    .from(distributions)
    .where(and(eq(distributions.state, 'pending'), lte(distributions.recordTime, now)))
    .orderBy(asc(distributions.recordTime), asc(distributions.createdAt))
    .limit(20);
  for (const { id } of due) {
    try {
      if (await planDistribution(db, drivers, id, now)) round.planned++;
    } catch (e) {
      // Stays pending (the plan rolled back whole); the error is shown on the distribution.
      const error = isFiscusError(e) ? { code: e.code, message: e.shortMessage } : { code: 'INTERNAL', message: String(e) };
      o.logger?.warn({ distributionId: id, ...error }, 'distribution could not be planned yet');
      await db.update(distributions).set({ lastError: error, updatedAt: sql`now()` }).where(eq(distributions.id, id));
    }
  }
  const minting = await db.select({ id: distributions.id }).from(distributions).where(eq(distributions.state, 'minting')).limit(100);
  for (const { id } of minting) if (await finishIfDone(db, id)) round.finished++;
  return round;
}

/** minting → completed | partially_failed once every batch is terminal. */
async function finishIfDone(db: Db, id: string): Promise<boolean> {
  const ops = db.selectDistinct({ id: distributionAllocations.operationId }).from(distributionAllocations).where(eq(distributionAllocations.distributionId, id));
  const states = await db.select({ state: operations.state }).from(operations).where(inArray(operations.id, ops));
  if (states.some((s) => !TERMINAL_STATES.includes(s.state))) return false;
  return db.transaction(async (tx) => {
    const [d] = await tx.select().from(distributions).where(and(eq(distributions.id, id), eq(distributions.state, 'minting'))).for('update', { skipLocked: true });
    if (!d) return false;
    // Batches that failed for good minted nothing: their units go back to the carry, so the
    // next distribution pays them pro rata — never lost, never paid twice.
    const [lost] = await tx
      .select({ units: sql<string>`coalesce(sum(${distributionAllocations.units}), 0)` })
      .from(distributionAllocations)
      .innerJoin(operations, eq(operations.id, distributionAllocations.operationId))
      .where(and(eq(distributionAllocations.distributionId, id), inArray(operations.state, ['failed', 'compensated'])));
    const returned = BigInt(lost?.units ?? 0);
    if (returned > 0n) {
      await tx.insert(distributionCarry).values({ fundId: d.fundId, units: 0n }).onConflictDoNothing();
      await tx.update(distributionCarry).set({ units: sql`${distributionCarry.units} + ${returned}`, updatedAt: sql`now()` }).where(eq(distributionCarry.fundId, d.fundId));
    }
    const state = returned > 0n ? 'partially_failed' : 'completed';
    await tx.update(distributions).set({ state, returnedUnits: returned, completedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(distributions.id, id));
    await appendAudit(tx, { actor: 'distributor', action: `distribution.${state}`, subject: id, data: { fundId: d.fundId, returnedToCarry: returned.toString() } });
    return true;
  });
}

import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { TERMINAL_STATES, isFiscusError, toPublicError, type DriverRegistry } from '@fiscus/core';
import { appendAudit, dbError, mapLedgerError, schema, type Db } from '@fiscus/ledger';
import type { EngineLogger } from '../steps/context.ts';
import { planDistribution } from './plan.ts';
import { DISTRIBUTIONS_PER_ROUND } from '../defaults.ts';

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
      await planFailed(db, id, e, o.logger);
    }
  }
  const minting = await db.select({ id: distributions.id }).from(distributions).where(eq(distributions.state, 'minting')).limit(DISTRIBUTIONS_PER_ROUND);
  for (const { id } of minting) if (await finishIfDone(db, id)) round.finished++;
  return round;
}

/**
 * Errors a later planning round would hit again with the same request: a rate or a pool out of
 * range, a malformed stored value, a missing fund, or a value the database refuses (SQLSTATE
 * class 22, data exception). Anything else (a chain not configured or not yet deployed, a lost
 * connection) may pass on a later round.
 */
const PERMANENT_PLAN_CODES = new Set(['VALIDATION_FAILED', 'INVALID_AMOUNT', 'TOO_MANY_DECIMALS', 'AMOUNT_OUT_OF_RANGE', 'NOT_FOUND']);

function isPermanentPlanError(e: unknown): boolean {
  const mapped = mapLedgerError(e);
  if (isFiscusError(mapped)) return PERMANENT_PLAN_CODES.has(mapped.code);
  return dbError(e)?.code.startsWith('22') ?? false;
}

/**
 * The plan rolled back whole, so nothing was written or signed. A permanent error fails the
 * distribution (pending → failed, audited) so it is not retried for ever; any other stays pending
 * for the next round. Either way the distribution shows the error — its public form only: the
 * raw text (SQL and its parameters for a database error) goes to the log, never to the row.
 */
async function planFailed(db: Db, id: string, e: unknown, logger?: EngineLogger): Promise<void> {
  const permanent = isPermanentPlanError(e);
  const error = isFiscusError(e)
    ? toPublicError(e)
    : permanent
      ? { code: 'VALIDATION_FAILED' as const, message: 'a value of this distribution is out of the range the database accepts' }
      : toPublicError(e);
  const log = { distributionId: id, code: error.code, err: isFiscusError(e) ? e.shortMessage : String(e) };
  if (!permanent) {
    logger?.warn(log, 'distribution could not be planned yet');
    await db
      .update(distributions)
      .set({ lastError: error, updatedAt: sql`now()` })
      .where(and(eq(distributions.id, id), eq(distributions.state, 'pending')));
    return;
  }
  logger?.warn(log, 'distribution failed: it cannot be planned');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(distributions)
      .set({ state: 'failed', lastError: error, completedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(distributions.id, id), eq(distributions.state, 'pending')))
      .returning({ fundId: distributions.fundId });
    if (row) await appendAudit(tx, { actor: 'distributor', action: 'distribution.failed', subject: id, data: { fundId: row.fundId, ...error } });
  });
}

/** minting → completed | partially_failed once every batch is terminal. */
async function finishIfDone(db: Db, id: string): Promise<boolean> {
  const ops = db
    .selectDistinct({ id: distributionAllocations.operationId })
    .from(distributionAllocations)
    .where(eq(distributionAllocations.distributionId, id));
  const states = await db.select({ state: operations.state }).from(operations).where(inArray(operations.id, ops));
  if (states.some((s) => !TERMINAL_STATES.includes(s.state))) return false;
  return db.transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(distributions)
      .where(and(eq(distributions.id, id), eq(distributions.state, 'minting')))
      .for('update', { skipLocked: true });
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
      await tx
        .update(distributionCarry)
        .set({ units: sql`${distributionCarry.units} + ${returned}`, updatedAt: sql`now()` })
        .where(eq(distributionCarry.fundId, d.fundId));
    }
    const state = returned > 0n ? 'partially_failed' : 'completed';
    await tx.update(distributions).set({ state, returnedUnits: returned, completedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(distributions.id, id));
    await appendAudit(tx, {
      actor: 'distributor',
      action: `distribution.${state}`,
      subject: id,
      data: { fundId: d.fundId, returnedToCarry: returned.toString() },
    });
    return true;
  });
}

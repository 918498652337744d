import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { FiscusError, newId } from '@fiscus/core';
import { appendAudit, checkSupplyInvariant, schema, type Db } from '@fiscus/ledger';
import type { EngineLogger } from '../steps/context.ts';

const { fundHalts } = schema;
export type FundHaltRow = typeof fundHalts.$inferSelect;

export async function openHalt(db: Db, fundId: string): Promise<FundHaltRow | undefined> {
  const [row] = await db.select().from(fundHalts).where(and(eq(fundHalts.fundId, fundId), isNull(fundHalts.clearedAt)));
  return row;
}

export async function assertNotHalted(db: Db, fundId: string): Promise<void> {
  const halt = await openHalt(db, fundId);
  if (halt) {
    throw new FiscusError('FUND_HALTED', `fund ${fundId} is halted: ${halt.reason}`, {
      details: 'Mints and moves are stopped until an operator investigates and clears the halt.',
      meta: { haltId: halt.id, since: halt.createdAt.toISOString(), ...halt.detail },
    });
  }
}

export async function listHalts(db: Db, fundId: string): Promise<FundHaltRow[]> {
  return db.select().from(fundHalts).where(eq(fundHalts.fundId, fundId)).orderBy(desc(fundHalts.createdAt));
}

/**
 * Invariant S2 (docs/architecture.md; Σ supply:<chain> + transit == −issuance), checked inside the posting's own
 * transaction, right after its entry. Entries balance per commodity, so a breach means units
 * sit in an account that is none of these (a posting bug or a hand-written entry): the fund is
 * halted (mints and moves stop), an audit record and an alert are written. The posting itself
 * stays: the chain already did what it records, and refusing it would hide the chain's truth.
 */
export async function guardSupplyInvariant(tx: Db, p: { fundId: string; operationId?: string; logger: EngineLogger }): Promise<boolean> {
  const inv = await checkSupplyInvariant(tx, p.fundId);
  if (inv.ok) return true;
  const total = Object.values(inv.supplies).reduce((a, b) => a + b, inv.transit);
  const detail = {
    outstanding: inv.outstanding.toString(),
    transit: inv.transit.toString(),
    supplies: Object.fromEntries(Object.entries(inv.supplies).map(([k, v]) => [k, v.toString()])),
    difference: (total - inv.outstanding).toString(),
  };
  const [halt] = await tx
    .insert(fundHalts)
    .values({ id: newId('halt'), fundId: p.fundId, reason: 'supply invariant breached', detail, operationId: p.operationId ?? null })
    .onConflictDoNothing({ target: fundHalts.fundId, where: sql`${fundHalts.clearedAt} is null` })
    .returning();
  p.logger.error({ fundId: p.fundId, operationId: p.operationId, ...detail }, 'ALERT supply invariant breached: fund halted');
  if (halt) await appendAudit(tx, { actor: 'engine', action: 'fund.halted', subject: p.fundId, data: { haltId: halt.id, operationId: p.operationId ?? null, ...detail } });
  return false;
}

/** An operator's decision, after the cause is found and corrected. */
export async function clearHalt(db: Db, p: { fundId: string; actor: string }): Promise<FundHaltRow | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(fundHalts)
      .set({ clearedAt: sql`now()`, clearedBy: p.actor })
      .where(and(eq(fundHalts.fundId, p.fundId), isNull(fundHalts.clearedAt)))
      .returning();
    if (row) await appendAudit(tx, { actor: p.actor, action: 'fund.halt.cleared', subject: p.fundId, data: { haltId: row.id } });
    return row;
  });
}

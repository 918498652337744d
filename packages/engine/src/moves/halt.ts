import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { FiscusError, newId } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';

const { fundHalts } = schema;
export type FundHaltRow = typeof fundHalts.$inferSelect;

export async function openHalt(db: Db, fundId: string): Promise<FundHaltRow | undefined> {
  const [row] = await db
    .select()
    .from(fundHalts)
    .where(and(eq(fundHalts.fundId, fundId), isNull(fundHalts.clearedAt)));
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
 * Opens the fund's halt (mints and moves stop) and audits it, in the caller's transaction. At
 * most one halt is open per fund, so a second breach while one is open adds nothing; returns
 * the new halt, or undefined when one was already open.
 */
export async function haltFund(
  tx: Db,
  p: { fundId: string; reason: string; detail: Record<string, unknown>; operationId?: string },
): Promise<FundHaltRow | undefined> {
  const [halt] = await tx
    .insert(fundHalts)
    .values({ id: newId('halt'), fundId: p.fundId, reason: p.reason, detail: p.detail, operationId: p.operationId ?? null })
    .onConflictDoNothing({ target: fundHalts.fundId, where: sql`${fundHalts.clearedAt} is null` })
    .returning();
  if (halt)
    await appendAudit(tx, {
      actor: 'engine',
      action: 'fund.halted',
      subject: p.fundId,
      data: { haltId: halt.id, operationId: p.operationId ?? null, ...p.detail },
    });
  return halt;
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

import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { reconciliations } from '../schema/index.ts';

export type ReconciliationRecord = typeof reconciliations.$inferSelect;

/** Newest first; `before` is a keyset cursor on the (time-ordered) id. */
export async function listReconciliations(db: Db, p: { fundId: string; chain?: string; before?: string; limit: number }): Promise<ReconciliationRecord[]> {
  return db
    .select()
    .from(reconciliations)
    .where(
      and(
        eq(reconciliations.fundId, p.fundId),
        p.chain ? eq(reconciliations.chain, p.chain) : undefined,
        p.before ? lt(reconciliations.id, p.before) : undefined,
      ),
    )
    .orderBy(desc(reconciliations.id))
    .limit(p.limit);
}

/** The most recent reconciliation of each chain of a fund. */
export async function latestReconciliations(db: Db, p: { fundId: string }): Promise<Map<string, ReconciliationRecord>> {
  const rows = await db
    .selectDistinctOn([reconciliations.chain])
    .from(reconciliations)
    .where(eq(reconciliations.fundId, p.fundId))
    .orderBy(reconciliations.chain, desc(reconciliations.createdAt), desc(reconciliations.id));
  return new Map(rows.map((r) => [r.chain, r]));
}

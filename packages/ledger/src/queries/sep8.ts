import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { sep8Approvals, type Sep8Transfer } from '../schema/sep8.ts';

export type Sep8ApprovalRow = typeof sep8Approvals.$inferSelect;
export type NewSep8Approval = typeof sep8Approvals.$inferInsert;

/** The stored answer for a submitted transaction (by its hash), or for the transaction we answered with. */
export async function getSep8Approval(db: Db, p: { txHash: string }): Promise<Sep8ApprovalRow | undefined> {
  const [row] = await db.select().from(sep8Approvals).where(eq(sep8Approvals.txHash, p.txHash));
  return row;
}

/**
 * Stores an answer once: a concurrent request for the same transaction keeps the first answer
 * (ON CONFLICT DO NOTHING) and the caller returns whichever row is stored.
 */
export async function insertSep8Approval(db: Db, p: NewSep8Approval): Promise<Sep8ApprovalRow> {
  const [row] = await db.insert(sep8Approvals).values(p).onConflictDoNothing({ target: sep8Approvals.txHash }).returning();
  return row ?? (await getSep8Approval(db, { txHash: p.txHash }))!;
}

/** Approvals of a fund whose transaction may still land. */
export async function openSep8Approvals(db: Db, p: { fundId: string }): Promise<Sep8ApprovalRow[]> {
  return db
    .select()
    .from(sep8Approvals)
    .where(and(eq(sep8Approvals.fundId, p.fundId), eq(sep8Approvals.state, 'open')));
}

/** open → landed | failed | expired (only from open: a late reader never rewrites a settled row). */
export async function settleSep8Approval(db: Db, p: { txHash: string; state: 'landed' | 'failed' | 'expired' }): Promise<void> {
  await db
    .update(sep8Approvals)
    .set({ state: p.state, updatedAt: sql`now()` })
    .where(and(eq(sep8Approvals.txHash, p.txHash), eq(sep8Approvals.state, 'open')));
}

/** Units approved but not yet landed, per receiving investor (counted against their limits). */
export function pendingSep8Units(rows: Sep8ApprovalRow[], investorIds: string[]): Map<string, bigint> {
  const out = new Map<string, bigint>(investorIds.map((id) => [id, 0n]));
  // A revised transaction sent back as is gets its own (success) row for the same approved
  // transaction: one transaction lands at most once, so it counts once.
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.approvedHash) {
      if (seen.has(r.approvedHash)) continue;
      seen.add(r.approvedHash);
    }
    for (const t of r.transfers as Sep8Transfer[]) {
      if (t.investorId && out.has(t.investorId)) out.set(t.investorId, out.get(t.investorId)! + BigInt(t.units));
    }
  }
  return out;
}

/** Approvals by state, for a fund (the console and tests). */
export async function listSep8Approvals(db: Db, p: { fundId: string; states?: string[] }): Promise<Sep8ApprovalRow[]> {
  return db
    .select()
    .from(sep8Approvals)
    .where(and(eq(sep8Approvals.fundId, p.fundId), p.states ? inArray(sep8Approvals.state, p.states) : undefined))
    .orderBy(sep8Approvals.createdAt);
}

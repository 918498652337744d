import { asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { funds } from '../schema/index.ts';

export type FundRow = typeof funds.$inferSelect;
export type NewFund = typeof funds.$inferInsert;

export async function insertFund(db: Db, p: NewFund): Promise<FundRow> {
  const [row] = await db.insert(funds).values(p).returning();
  return row!;
}

export async function getFund(db: Db, p: { id: string }): Promise<FundRow | undefined> {
  const [row] = await db.select().from(funds).where(eq(funds.id, p.id));
  return row;
}

/** Ids are time-ordered, so keyset pagination on id is stable and needs no offset. */
export async function listFunds(db: Db, p: { after?: string; limit: number }): Promise<FundRow[]> {
  return db
    .select()
    .from(funds)
    .where(p.after ? gt(funds.id, p.after) : undefined)
    .orderBy(asc(funds.id))
    .limit(p.limit);
}

export async function getFundsByIds(db: Db, p: { ids: string[] }): Promise<FundRow[]> {
  if (p.ids.length === 0) return [];
  return db.select().from(funds).where(inArray(funds.id, p.ids));
}

export async function updateFundPolicy(db: Db, p: { id: string; policy: unknown }): Promise<FundRow | undefined> {
  const [row] = await db.update(funds).set({ policy: p.policy, updatedAt: sql`now()` }).where(eq(funds.id, p.id)).returning();
  return row;
}

import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { investors } from '../schema/index.ts';

export type InvestorRow = typeof investors.$inferSelect;
export type NewInvestor = typeof investors.$inferInsert;

export async function insertInvestor(db: Db, p: NewInvestor): Promise<InvestorRow> {
  const [row] = await db.insert(investors).values(p).returning();
  return row!;
}

export async function getInvestor(db: Db, p: { id: string }): Promise<InvestorRow | undefined> {
  const [row] = await db.select().from(investors).where(eq(investors.id, p.id));
  return row;
}

export async function updateInvestorKyc(db: Db, p: { id: string; kycStatus: string; kycExpiresAt: Date | null }): Promise<InvestorRow | undefined> {
  const [row] = await db
    .update(investors)
    .set({ kycStatus: p.kycStatus, kycExpiresAt: p.kycExpiresAt, updatedAt: sql`now()` })
    .where(eq(investors.id, p.id))
    .returning();
  return row;
}

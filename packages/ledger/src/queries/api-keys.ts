import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { apiKeys } from '../schema/index.ts';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(
  db: Db,
  p: { id: string; secretHash: string; role: string; investorId?: string | null; label?: string | null },
): Promise<ApiKeyRow | undefined> {
  const [row] = await db.insert(apiKeys).values(p).onConflictDoNothing({ target: apiKeys.id }).returning();
  return row;
}

export async function getApiKey(db: Db, p: { id: string }): Promise<ApiKeyRow | undefined> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, p.id));
  return row;
}

export async function listApiKeys(db: Db): Promise<ApiKeyRow[]> {
  return db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
}

export async function countApiKeys(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(apiKeys);
  return Number(row?.n ?? 0);
}

/** Revocation keeps the row (audit trail); returns undefined when the key does not exist. */
export async function revokeApiKey(db: Db, p: { id: string }): Promise<ApiKeyRow | undefined> {
  const [updated] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, p.id), isNull(apiKeys.revokedAt)))
    .returning();
  return updated ?? (await getApiKey(db, p));
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(and(eq(apiKeys.role, 'issuer-admin'), isNull(apiKeys.revokedAt)));
  return Number(row?.n ?? 0);
}

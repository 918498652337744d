import { and, eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { idempotencyKeys } from '../schema/index.ts';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

export interface IdempotencyClaim {
  principal: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

/**
 * Claims (principal, key) inside the caller's transaction. A concurrent claim of the same key
 * blocks on the primary key until the first transaction ends, then gets nothing back (it
 * committed: replay) or the row (it rolled back: this caller now owns the key).
 * status_code 0 marks "in progress"; it is never visible to others because only completed
 * rows are committed.
 */
export async function claimIdempotencyKey(db: Db, p: IdempotencyClaim): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values({ ...p, statusCode: 0, response: null })
    .onConflictDoNothing({ target: [idempotencyKeys.principal, idempotencyKeys.key] })
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

export async function getIdempotencyKey(db: Db, p: { principal: string; key: string }): Promise<IdempotencyRow | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, p.principal), eq(idempotencyKeys.key, p.key)));
  return row;
}

export async function completeIdempotencyKey(db: Db, p: { principal: string; key: string; statusCode: number; response: unknown }): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ statusCode: p.statusCode, response: p.response })
    .where(and(eq(idempotencyKeys.principal, p.principal), eq(idempotencyKeys.key, p.key)));
}

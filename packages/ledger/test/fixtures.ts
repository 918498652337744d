import { sql } from 'drizzle-orm';
import type { Db } from '../src/db.ts';
import { funds } from '../src/schema/index.ts';
import { dbError } from '../src/journal/errors.ts';

let n = 0;
/** A fund row (journal rows reference it); unique per call so tests sharing a database never collide. */
export async function seedFund(db: Db, prefix = 'fund'): Promise<string> {
  const id = `${prefix}-${process.pid}-${Date.now().toString(36)}-${n++}`;
  await db.insert(funds).values({ id, name: id, symbol: 'TST', decimals: 6, policy: {} });
  return id;
}

/** The rejection of `p`, failing the test if it resolves. */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject');
}

/** The database's message for an error, whatever wrapper the driver put around it. */
export const dbMessage = (e: unknown): string => dbError(e)?.message ?? String(e);

/** Run statements with the user triggers of `table` disabled (superuser), as a tamperer would. */
export async function tamper(db: Db, table: string, statements: ReturnType<typeof sql>[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`ALTER TABLE "${table}" DISABLE TRIGGER USER`));
    for (const s of statements) await tx.execute(s);
    await tx.execute(sql.raw(`ALTER TABLE "${table}" ENABLE TRIGGER USER`));
  });
}

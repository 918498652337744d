import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { ledgerAccounts, postings } from '../schema/index.ts';
import type { Commodity } from './accounts.ts';

export interface AccountRef {
  fundId: string;
  code: string;
  commodity: Commodity;
}

/** An account's balance as maintained by the posting trigger; 0n for an account never used. */
export async function accountBalance(db: Db, p: AccountRef): Promise<bigint> {
  const [row] = await db
    .select({ balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.fundId, p.fundId), eq(ledgerAccounts.code, p.code), eq(ledgerAccounts.commodity, p.commodity)));
  return row?.balance ?? 0n;
}

export interface BalancesParameters {
  fundId: string;
  commodity: Commodity;
  /** Only codes starting with this, e.g. `supply:`. */
  prefix?: string;
}

/** Every account balance of a fund in one commodity, keyed by account code. */
export async function balances(db: Db, p: BalancesParameters): Promise<Map<string, bigint>> {
  const where = [eq(ledgerAccounts.fundId, p.fundId), eq(ledgerAccounts.commodity, p.commodity)];
  // starts_with, not LIKE: account codes contain ':' and may contain '_' or '%'.
  if (p.prefix) where.push(sql`starts_with(${ledgerAccounts.code}, ${p.prefix})`);
  const rows = await db
    .select({ code: ledgerAccounts.code, balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(and(...where))
    .orderBy(ledgerAccounts.code);
  return new Map(rows.map((r) => [r.code, r.balance]));
}

/**
 * Σ postings of one account, computed from the journal: verifies the cached `balance` column.
 * sum(int8) is numeric in Postgres, read as text so no digit is lost on the way to bigint.
 */
export async function sumPostings(db: Db, accountId: bigint): Promise<bigint> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${postings.amount}), 0)::text` })
    .from(postings)
    .where(eq(postings.accountId, accountId));
  return BigInt(row?.total ?? '0');
}

import { eq, inArray, sql, type Column } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { executeRows, tableStatements } from '../table-statements.ts';
import { funds } from '../schema/index.ts';

export type FundRow = typeof funds.$inferSelect;
export type NewFund = typeof funds.$inferInsert;

export async function insertFund(db: Db, p: NewFund): Promise<FundRow> {
  const [row] = await db.insert(funds).values(p).returning();
  return row!;
}

const FUNDS = tableStatements(funds);

export async function getFund(db: Db, p: { id: string }): Promise<FundRow | undefined> {
  const [row] = await FUNDS.selectWhere(db, sql`id = ${p.id}`);
  return row;
}

/**
 * A fund as a page of funds answers it, shaped to be presented without decoding: the policy as
 * its stored JSON text (the API keeps presented policies by it) and the timestamps as ISO 8601
 * text written by Postgres. Decoding every row through the builder — a Date per timestamp and an
 * object per policy, each encoded again for the response — was most of the API's CPU serving a
 * page of 50 funds (`BENCH=http`).
 */
export interface FundListItem {
  id: string;
  name: string;
  symbol: string;
  decimals: number;
  policyJson: string;
  stellarSep8: boolean;
  mintApprovalThreshold: bigint | null;
  createdAt: string;
  updatedAt: string;
}

/** One row as a list item: the same text a page of funds holds (ISO time truncated to ms, as both Date and to_char do). */
export const fundListItem = (row: FundRow): FundListItem => ({
  id: row.id,
  name: row.name,
  symbol: row.symbol,
  decimals: row.decimals,
  policyJson: JSON.stringify(row.policy),
  stellarSep8: row.stellarSep8,
  mintApprovalThreshold: row.mintApprovalThreshold,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** `timestamptz` as `Date.prototype.toISOString` writes it (UTC, milliseconds truncated). */
const isoText = (column: Column) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Ids are time-ordered, so keyset pagination on id is stable and needs no offset. */
export async function listFunds(db: Db, p: { after?: string; limit: number }): Promise<FundListItem[]> {
  const rows = await executeRows<Omit<FundListItem, 'mintApprovalThreshold'> & { mintApprovalThreshold: string | null }>(
    db,
    sql`select ${funds.id} as "id", ${funds.name} as "name", ${funds.symbol} as "symbol", ${funds.decimals} as "decimals",
      ${funds.policy}::text as "policyJson", ${funds.stellarSep8} as "stellarSep8",
      ${funds.mintApprovalThreshold}::text as "mintApprovalThreshold",
      ${isoText(funds.createdAt)} as "createdAt", ${isoText(funds.updatedAt)} as "updatedAt"
    from ${funds} ${p.after ? sql`where ${funds.id} > ${p.after}` : sql``} order by ${funds.id} limit ${p.limit}`,
  );
  return rows.map((r) => ({ ...r, mintApprovalThreshold: r.mintApprovalThreshold === null ? null : BigInt(r.mintApprovalThreshold) }));
}

export async function getFundsByIds(db: Db, p: { ids: string[] }): Promise<FundRow[]> {
  if (p.ids.length === 0) return [];
  return db.select().from(funds).where(inArray(funds.id, p.ids));
}

export async function updateFundPolicy(db: Db, p: { id: string; policy: unknown }): Promise<FundRow | undefined> {
  const [row] = await db.update(funds).set({ policy: p.policy, updatedAt: sql`now()` }).where(eq(funds.id, p.id)).returning();
  return row;
}

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { fundWallets, funds, wallets } from '../schema/index.ts';

export type WalletRow = typeof wallets.$inferSelect;
export type FundWalletRow = typeof fundWallets.$inferSelect;

export async function getWalletByAddress(db: Db, p: { chain: string; address: string }): Promise<WalletRow | undefined> {
  const [row] = await db
    .select()
    .from(wallets)
    .where(and(eq(wallets.chain, p.chain), eq(wallets.address, p.address)));
  return row;
}

/**
 * Inserts the wallet unless (chain, address) is taken, and returns whichever row holds the
 * address now: the caller compares its investor. ON CONFLICT keeps a concurrent duplicate from
 * aborting the caller's transaction on Postgres.
 */
export async function ensureWallet(db: Db, p: { id: string; investorId: string; chain: string; address: string }): Promise<WalletRow> {
  const [row] = await db
    .insert(wallets)
    .values(p)
    .onConflictDoNothing({ target: [wallets.chain, wallets.address] })
    .returning();
  return row ?? (await getWalletByAddress(db, p))!;
}

export interface InvestorWallet {
  wallet: WalletRow;
  funds: (FundWalletRow & { decimals: number })[];
}

/** An investor's wallets on every chain with their standing in every fund (the cap table rows). */
export async function listInvestorWallets(db: Db, p: { investorId: string }): Promise<InvestorWallet[]> {
  const rows = await db.select().from(wallets).where(eq(wallets.investorId, p.investorId)).orderBy(asc(wallets.id));
  if (rows.length === 0) return [];
  const standings = await db
    .select({ fw: fundWallets, decimals: funds.decimals })
    .from(fundWallets)
    .innerJoin(funds, eq(funds.id, fundWallets.fundId))
    .where(
      inArray(
        fundWallets.walletId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(fundWallets.fundId));
  return rows.map((wallet) => ({
    wallet,
    funds: standings.filter((s) => s.fw.walletId === wallet.id).map((s) => ({ ...s.fw, decimals: s.decimals })),
  }));
}

/** `lock` takes the row FOR UPDATE so two requests cannot both spend the same position. */
export async function getFundWallet(db: Db, p: { fundId: string; walletId: string; lock?: boolean }): Promise<FundWalletRow | undefined> {
  const q = db
    .select()
    .from(fundWallets)
    .where(and(eq(fundWallets.fundId, p.fundId), eq(fundWallets.walletId, p.walletId)));
  const [row] = p.lock ? await q.for('update') : await q;
  return row;
}

/** Creates the fund standing as pending, or moves an existing one back to pending (re-authorize). */
export async function upsertPendingFundWallet(db: Db, p: { fundId: string; walletId: string }): Promise<FundWalletRow> {
  const [row] = await db
    .insert(fundWallets)
    .values({ ...p, status: 'pending' })
    .onConflictDoUpdate({ target: [fundWallets.fundId, fundWallets.walletId], set: { status: 'pending', updatedAt: sql`now()` } })
    .returning();
  return row!;
}

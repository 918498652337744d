import { and, asc, eq, gt, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { fundWallets, investors, reconciliations, wallets } from '../schema/index.ts';

export interface CapTableWallet {
  walletId: string;
  chain: string;
  address: string;
  units: bigint;
  frozenUnits: bigint;
  status: string;
}

export interface CapTableEntry {
  investorId: string;
  legalName: string;
  total: bigint;
  wallets: CapTableWallet[];
}

/**
 * One page of the fund's cap table across chains: investors holding > 0 units in total, by
 * investor id (keyset cursor `after`), each with every wallet registered for the fund on every
 * chain (zero-balance wallets included, so a holder's full footprint shows).
 * `q` narrows to investors whose id or wallet address equals it or whose legal name contains it
 * (case-insensitive); totals stay whole (the address match picks the investor, not the wallet).
 */
export async function capTablePage(db: Db, p: { fundId: string; after?: string; limit: number; chain?: string; q?: string }): Promise<CapTableEntry[]> {
  const total = sql<string>`sum(${fundWallets.units})`;
  const page = await db
    .select({ investorId: wallets.investorId, legalName: investors.legalName, total })
    .from(fundWallets)
    .innerJoin(wallets, eq(wallets.id, fundWallets.walletId))
    .innerJoin(investors, eq(investors.id, wallets.investorId))
    .where(
      and(
        eq(fundWallets.fundId, p.fundId),
        p.after ? gt(wallets.investorId, p.after) : undefined,
        p.chain ? eq(wallets.chain, p.chain) : undefined,
        p.q ? search(p.q) : undefined,
      ),
    )
    .groupBy(wallets.investorId, investors.legalName)
    .having(sql`${total} > 0`)
    .orderBy(asc(wallets.investorId))
    .limit(p.limit);
  if (page.length === 0) return [];
  const rows = await db
    .select({
      investorId: wallets.investorId,
      walletId: fundWallets.walletId,
      chain: wallets.chain,
      address: wallets.address,
      units: fundWallets.units,
      frozenUnits: fundWallets.frozenUnits,
      status: fundWallets.status,
    })
    .from(fundWallets)
    .innerJoin(wallets, eq(wallets.id, fundWallets.walletId))
    .where(
      and(
        eq(fundWallets.fundId, p.fundId),
        inArray(
          wallets.investorId,
          page.map((r) => r.investorId),
        ),
        p.chain ? eq(wallets.chain, p.chain) : undefined,
      ),
    )
    .orderBy(asc(wallets.chain), asc(wallets.address));
  const byInvestor = new Map<string, CapTableWallet[]>();
  for (const { investorId, ...w } of rows) byInvestor.set(investorId, [...(byInvestor.get(investorId) ?? []), w]);
  return page.map((r) => ({ investorId: r.investorId, legalName: r.legalName, total: BigInt(r.total), wallets: byInvestor.get(r.investorId) ?? [] }));
}

/** LIKE wildcards in the user's text match themselves. */
const likeEscape = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

function search(q: string) {
  // Inner `wallets` shadows the outer one: the investors owning a wallet at this address.
  const byAddress = sql`(select ${wallets.investorId} from ${wallets} where ${wallets.address} = ${q})`;
  return or(eq(wallets.investorId, q), ilike(investors.legalName, `%${likeEscape(q)}%`), inArray(wallets.investorId, byAddress));
}

export interface HolderCounts {
  /** Distinct investors holding > 0 units across all chains (an investor counts once). */
  holders: number;
  /** Per chain: distinct investors with > 0 units on that chain, and Σ units there. */
  perChain: { chain: string; holders: number; wallets: number; units: bigint }[];
}

export async function holderCounts(db: Db, p: { fundId: string }): Promise<HolderCounts> {
  const [all] = await db
    .select({ n: sql<string>`count(distinct ${wallets.investorId})` })
    .from(fundWallets)
    .innerJoin(wallets, eq(wallets.id, fundWallets.walletId))
    .where(and(eq(fundWallets.fundId, p.fundId), gt(fundWallets.units, 0n)));
  const chains = await db
    .select({
      chain: wallets.chain,
      holders: sql<string>`count(distinct ${wallets.investorId})`,
      wallets: sql<string>`count(*)`,
      units: sql<string>`sum(${fundWallets.units})`,
    })
    .from(fundWallets)
    .innerJoin(wallets, eq(wallets.id, fundWallets.walletId))
    .where(and(eq(fundWallets.fundId, p.fundId), gt(fundWallets.units, 0n)))
    .groupBy(wallets.chain)
    .orderBy(wallets.chain);
  return {
    holders: Number(all?.n ?? 0),
    perChain: chains.map((c) => ({ chain: c.chain, holders: Number(c.holders), wallets: Number(c.wallets), units: BigInt(c.units) })),
  };
}

export async function getReconciliation(db: Db, p: { fundId: string; id: string }) {
  const [row] = await db
    .select()
    .from(reconciliations)
    .where(and(eq(reconciliations.id, p.id), eq(reconciliations.fundId, p.fundId)));
  return row;
}

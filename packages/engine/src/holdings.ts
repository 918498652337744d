import { and, eq, gt, inArray, max, ne, sql } from 'drizzle-orm';
import { schema, type Db } from '@fiscus/ledger';

const { fundWallets, wallets, operations } = schema;

/** Mints that may still land: counted against limits so concurrent subscriptions cannot overshoot. */
const MINT_IN_FLIGHT = ['requested', 'approved', 'prepared', 'submitted', 'confirmed'] as const;

export interface InvestorPosition {
  /** Posted units across every wallet on every chain, plus this investor's mints in flight. */
  holding: bigint;
  lastSubscribedAt: Date | null;
  /** Distinct investors holding units, or about to through a mint in flight. */
  holderCount: number;
}

function mintsInFlight(fundId: string, excludeOperationId?: string) {
  return and(
    eq(operations.fundId, fundId),
    eq(operations.kind, 'mint'),
    inArray(operations.state, [...MINT_IN_FLIGHT]),
    excludeOperationId ? ne(operations.id, excludeOperationId) : undefined,
  );
}

type PositionQuery = { fundId: string; investorId: string; excludeOperationId?: string };

/**
 * The investor's posted units, last subscription and units in flight across all chains, as
 * scalar subqueries for a select list: read with the facts a check needs in one statement
 * (checkCompliance reads the fund and the investor in the same one).
 */
export function positionFields(db: Db, p: PositionQuery) {
  const investorWallets = and(eq(fundWallets.fundId, p.fundId), eq(wallets.investorId, p.investorId));
  const postedUnits = db
    .select({ units: sql`coalesce(sum(${fundWallets.units}), 0)` })
    .from(fundWallets)
    .innerJoin(wallets, eq(wallets.id, fundWallets.walletId))
    .where(investorWallets);
  const lastSubscribed = db
    .select({ at: max(fundWallets.lastSubscribedAt) })
    .from(fundWallets)
    .innerJoin(wallets, eq(wallets.id, fundWallets.walletId))
    .where(investorWallets);
  const pendingUnits = db
    .select({ units: sql`coalesce(sum((${operations.body}->>'units')::numeric), 0)` })
    .from(operations)
    .where(and(mintsInFlight(p.fundId, p.excludeOperationId), sql`${operations.context}->>'investorId' = ${p.investorId}`));
  return {
    posted: sql<string>`(${postedUnits})`,
    lastSubscribedAt: sql`(${lastSubscribed})`.mapWith(fundWallets.lastSubscribedAt),
    pending: sql<string>`(${pendingUnits})`,
  };
}

/** The select list of positionFields, read, with the holder count (0 when not counted). */
export function positionFromFields(
  row: { posted: string | null; pending: string | null; lastSubscribedAt: Date | null },
  holderCount: number,
): InvestorPosition {
  return {
    holding: BigInt(row.posted ?? 0) + BigInt(row.pending ?? 0),
    lastSubscribedAt: row.lastSubscribedAt ?? null,
    holderCount,
  };
}

/**
 * Distinct investors holding units in the fund, or about to through a mint in flight. Reads
 * every holder (160 ms at 100,000 holders on Postgres, against 5 ms at 1,000): only for a policy
 * with a holder cap, whose holders the cap bounds.
 */
export async function holderCount(db: Db, p: Omit<PositionQuery, 'investorId'>): Promise<number> {
  const holders = db
    .selectDistinct({ investorId: wallets.investorId })
    .from(fundWallets)
    .innerJoin(wallets, eq(wallets.id, fundWallets.walletId))
    .where(and(eq(fundWallets.fundId, p.fundId), gt(fundWallets.units, 0n)));
  const incoming = db
    .selectDistinct({ investorId: sql<string>`${operations.context}->>'investorId'` })
    .from(operations)
    .where(mintsInFlight(p.fundId, p.excludeOperationId));
  const [row] = await db.select({ n: sql<string>`count(*)` }).from(holders.union(incoming).as('holders'));
  return Number(row?.n ?? 0);
}

/**
 * The cap-table facts the policy needs, across all chains. `countHolders: false` when the
 * policy has no holder cap (see holderCount); the count is then reported as 0.
 */
export async function investorPosition(db: Db, p: PositionQuery & { countHolders?: boolean }): Promise<InvestorPosition> {
  const [row] = await db.select(positionFields(db, p)).from(sql`(select 1) as one`);
  return positionFromFields(row!, p.countHolders === false ? 0 : await holderCount(db, p));
}

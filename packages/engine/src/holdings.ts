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

/**
 * The cap-table facts the policy needs, across all chains: one statement of scalar subqueries
 * (every prepare of a mint re-checks the policy; three reads each cost a round trip).
 * `countHolders: false` when the policy has no holder cap: counting reads every holder of the
 * fund (160 ms at 100,000 holders on Postgres, against 5 ms at 1,000), on every check; the count
 * is then reported as 0.
 */
export async function investorPosition(
  db: Db,
  p: { fundId: string; investorId: string; excludeOperationId?: string; countHolders?: boolean },
): Promise<InvestorPosition> {
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
  const holders = db
    .selectDistinct({ investorId: wallets.investorId })
    .from(fundWallets)
    .innerJoin(wallets, eq(wallets.id, fundWallets.walletId))
    .where(and(eq(fundWallets.fundId, p.fundId), gt(fundWallets.units, 0n)));
  const incoming = db
    .selectDistinct({ investorId: sql<string>`${operations.context}->>'investorId'` })
    .from(operations)
    .where(mintsInFlight(p.fundId, p.excludeOperationId));

  const [row] = await db
    .select({
      posted: sql<string>`(${postedUnits})`,
      lastSubscribedAt: sql`(${lastSubscribed})`.mapWith(fundWallets.lastSubscribedAt),
      pending: sql<string>`(${pendingUnits})`,
      holders: p.countHolders === false ? sql<string>`0` : sql<string>`(select count(*) from (${holders.union(incoming)}) as holders)`,
    })
    .from(sql`(select 1) as one`);

  return {
    holding: BigInt(row?.posted ?? 0) + BigInt(row?.pending ?? 0),
    lastSubscribedAt: row?.lastSubscribedAt ?? null,
    holderCount: Number(row?.holders ?? 0),
  };
}

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

/** The cap-table facts the policy needs, across all chains. */
export async function investorPosition(db: Db, p: { fundId: string; investorId: string; excludeOperationId?: string }): Promise<InvestorPosition> {
  const [posted] = await db
    .select({ units: sql<string>`coalesce(sum(${fundWallets.units}), 0)`, lastSubscribedAt: max(fundWallets.lastSubscribedAt) })
    .from(fundWallets)
    .innerJoin(wallets, eq(wallets.id, fundWallets.walletId))
    .where(and(eq(fundWallets.fundId, p.fundId), eq(wallets.investorId, p.investorId)));
  const [pending] = await db
    .select({ units: sql<string>`coalesce(sum((${operations.body}->>'units')::numeric), 0)` })
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
  const [count] = await db.select({ n: sql<string>`count(*)` }).from(holders.union(incoming).as('holders'));

  return {
    holding: BigInt(posted?.units ?? 0) + BigInt(pending?.units ?? 0),
    lastSubscribedAt: posted?.lastSubscribedAt ? new Date(posted.lastSubscribedAt) : null,
    holderCount: Number(count?.n ?? 0),
  };
}

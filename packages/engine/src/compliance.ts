import { and, eq, gt, max, sql, countDistinct } from 'drizzle-orm';
import { FiscusError, assertPolicyAllows, policyFromJson, type PolicyFacts } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';

const { funds, investors, wallets, fundWallets } = schema;

export interface ComplianceCheck {
  fundId: string;
  investorId: string;
  action: Exclude<PolicyFacts['action'], 'hold'>;
  units: bigint;
  now?: Date;
}

/**
 * Evaluates the fund's one policy for an investor across ALL their wallets on ALL chains
 * (holdings and holder counts come from the cap table, not from one chain).
 */
export async function checkCompliance(db: Db, p: ComplianceCheck): Promise<void> {
  const [fund] = await db.select().from(funds).where(eq(funds.id, p.fundId));
  if (!fund) throw new FiscusError('NOT_FOUND', `fund ${p.fundId} not found`);
  const [investor] = await db.select().from(investors).where(eq(investors.id, p.investorId));
  if (!investor) throw new FiscusError('NOT_FOUND', `investor ${p.investorId} not found`);

  const [position] = await db
    .select({ holding: sql<string>`coalesce(sum(${fundWallets.units}), 0)`, lastSubscribedAt: max(fundWallets.lastSubscribedAt) })
    .from(fundWallets)
    .innerJoin(wallets, eq(wallets.id, fundWallets.walletId))
    .where(and(eq(fundWallets.fundId, p.fundId), eq(wallets.investorId, p.investorId)));
  const [holders] = await db
    .select({ count: countDistinct(wallets.investorId) })
    .from(fundWallets)
    .innerJoin(wallets, eq(wallets.id, fundWallets.walletId))
    .where(and(eq(fundWallets.fundId, p.fundId), gt(fundWallets.units, 0n)));

  assertPolicyAllows(policyFromJson(fund.policy), {
    investor: {
      id: investor.id,
      jurisdiction: investor.jurisdiction,
      investorType: investor.investorType,
      kycStatus: investor.kycStatus,
      kycExpiresAt: investor.kycExpiresAt,
    },
    action: p.action,
    units: p.units,
    holding: BigInt(position?.holding ?? 0),
    holderCount: Number(holders?.count ?? 0),
    lastSubscribedAt: position?.lastSubscribedAt ? new Date(position.lastSubscribedAt) : null,
    now: p.now ?? new Date(),
  });
}

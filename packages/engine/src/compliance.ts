import { eq, sql } from 'drizzle-orm';
import { FiscusError, assertPolicyAllows, policyFromJson, type PolicyFacts } from '@fiscus/core';
import { inTransaction, schema, type Db } from '@fiscus/ledger';
import { holderCount, positionFields, positionFromFields } from './holdings.ts';
import { assertReservesCover } from './nav/reserves.ts';

const { funds, investors } = schema;

export interface ComplianceCheck {
  fundId: string;
  investorId: string;
  action: Exclude<PolicyFacts['action'], 'hold'>;
  units: bigint;
  now?: Date;
  /** The operation being re-checked before signing: its own units are not counted twice. */
  excludeOperationId?: string;
  /** Cash this subscription brings in (posted in the same transaction): counts toward reserves. */
  incomingUsd?: bigint;
}

/**
 * Evaluates the fund's one policy for an investor across ALL their wallets on ALL chains
 * (holdings and holder counts come from the cap table plus mints in flight, not from one chain).
 */
export async function checkCompliance(db: Db, p: ComplianceCheck): Promise<void> {
  if ((p.action === 'subscribe' || p.action === 'receive') && inTransaction(db)) {
    // Serialises concurrent subscriptions of one fund inside the caller's transaction, so two
    // requests cannot both take the last holder slot; outside a transaction it would be a no-op.
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`fiscus:subscribe:${p.fundId}`}))`);
  }
  // The fund, the investor and the investor's position in one statement (three round trips on
  // every request and every prepare of a mint); the holder count only for a capped fund.
  const [facts] = await db
    .select({ fund: funds, investor: investors, ...positionFields(db, p) })
    .from(sql`(select 1) as one`)
    .leftJoin(funds, eq(funds.id, p.fundId))
    .leftJoin(investors, eq(investors.id, p.investorId));
  const { fund, investor } = facts!;
  if (!fund) throw new FiscusError('NOT_FOUND', `fund ${p.fundId} not found`);
  if (!investor) throw new FiscusError('NOT_FOUND', `investor ${p.investorId} not found`);
  const policy = policyFromJson(fund.policy);
  const position = positionFromFields(facts!, policy.maxHolders === undefined ? 0 : await holderCount(db, p));

  assertPolicyAllows(policy, {
    investor: {
      id: investor.id,
      jurisdiction: investor.jurisdiction,
      investorType: investor.investorType,
      kycStatus: investor.kycStatus,
      kycExpiresAt: investor.kycExpiresAt,
    },
    action: p.action,
    units: p.units,
    holding: position.holding,
    holderCount: position.holderCount,
    lastSubscribedAt: position.lastSubscribedAt,
    now: p.now ?? new Date(),
  });
  // A new subscription mint must stay covered by reserves (funds with enforceReserves); the
  // prepare-time re-check (excludeOperationId) does not repeat it: the mint is already counted.
  if (p.action === 'subscribe' && p.excludeOperationId === undefined)
    await assertReservesCover(db, { fundId: p.fundId, units: p.units, incomingUsd: p.incomingUsd });
}

import { and, desc, eq, inArray } from 'drizzle-orm';
import { FiscusError, stablecoinSettlementOf, stablecoinToMicroUsd, type DriverRegistry } from '@fiscus/core';
import { accountBalance, appendAudit, schema, stablecoinAccount, type Db } from '@fiscus/ledger';
import { loadDeployment } from '../deployments.ts';
import type { EngineLogger } from '../steps/context.ts';
import { listSettlementChainsAll, setPayoutsBlocked } from './chains.ts';

const { operations, redemptionPayouts, stablecoinReconciliations } = schema;
export type StablecoinReconciliationRow = typeof stablecoinReconciliations.$inferSelect;

/** Payout states whose transaction is signed and may have landed without being posted yet. */
const SIGNED_STATES = ['prepared', 'submitted', 'confirmed'] as const;

/**
 * The supply check (Invariant S1) for money: the treasury's stablecoin balance on the chain
 * against the ledger's stablecoin:<chain>. Payouts signed but not yet posted explain a chain
 * lower than the books by at most their sum (`in_flight`); anything else is a `drift`, which
 * blocks payouts on that chain (settlement_chains.payouts_blocked) and is audited and logged as
 * an ALERT; a later clean run lifts the block.
 */
export async function reconcileStablecoin(
  db: Db,
  drivers: DriverRegistry,
  p: { fundId: string; chain: string; logger?: EngineLogger; by?: string },
): Promise<StablecoinReconciliationRow> {
  const driver = drivers.get(p.chain);
  const settlement = driver && stablecoinSettlementOf(driver);
  if (!settlement) throw new FiscusError('CAPABILITY_UNSUPPORTED', `no stablecoin settlement on ${p.chain}`, { meta: { chain: p.chain } });
  const { deployment } = await loadDeployment(db, p.fundId, p.chain);
  const asset = settlement.settlementAsset(deployment);
  const treasury = settlement.treasuryAddress(deployment);
  const raw = await settlement.stablecoinBalance(deployment, treasury);
  const { usd: onChainUsd, dust } = stablecoinToMicroUsd(raw, asset.decimals);
  const ledgerUsd = await accountBalance(db, { fundId: p.fundId, code: stablecoinAccount(p.chain), commodity: 'usd' });
  const signed = await db
    .select({ amount: redemptionPayouts.amount })
    .from(redemptionPayouts)
    .innerJoin(operations, eq(operations.id, redemptionPayouts.operationId))
    .where(
      and(
        eq(redemptionPayouts.fundId, p.fundId),
        eq(redemptionPayouts.chain, p.chain),
        eq(redemptionPayouts.status, 'sending'),
        inArray(operations.state, [...SIGNED_STATES]),
      ),
    );
  const inFlightUsd = signed.reduce((s, r) => s + r.amount, 0n);
  const result = onChainUsd === ledgerUsd ? 'clean' : onChainUsd < ledgerUsd && ledgerUsd - onChainUsd <= inFlightUsd ? 'in_flight' : 'drift';
  const detail = {
    treasury,
    asset: asset.family === 'stellar' ? `${asset.code}:${asset.issuer}` : asset.address,
    rawBalance: raw.toString(),
    dust: dust.toString(),
  };
  const [row] = await db
    .insert(stablecoinReconciliations)
    .values({ fundId: p.fundId, chain: p.chain, onChainUsd, ledgerUsd, inFlightUsd, result, detail })
    .returning();
  const by = p.by ?? 'reconciler';
  if (result === 'drift') {
    const reason = `stablecoin drift: chain ${onChainUsd} µUSD, ledger ${ledgerUsd} µUSD`;
    p.logger?.error({ fundId: p.fundId, chain: p.chain, onChainUsd: onChainUsd.toString(), ledgerUsd: ledgerUsd.toString() }, `ALERT ${reason}`);
    await setPayoutsBlocked(db, { fundId: p.fundId, chain: p.chain, blocked: true, reason, by });
    await appendAudit(db, {
      actor: by,
      action: 'settlement.stablecoin_drift',
      subject: p.fundId,
      data: { chain: p.chain, reconciliationId: row!.id, onChainUsd: onChainUsd.toString(), ledgerUsd: ledgerUsd.toString() },
    });
  } else if (result === 'clean') {
    await setPayoutsBlocked(db, { fundId: p.fundId, chain: p.chain, blocked: false, by });
  }
  return row!;
}

/** Every settlement chain of every fund this worker has a driver for (the `stablecoin-reconcile` task). */
export async function reconcileAllStablecoins(db: Db, drivers: DriverRegistry, o: { logger?: EngineLogger } = {}): Promise<number> {
  let n = 0;
  for (const c of await listSettlementChainsAll(db)) {
    const driver = drivers.get(c.chain);
    if (!driver || !stablecoinSettlementOf(driver)) continue;
    try {
      await reconcileStablecoin(db, drivers, { fundId: c.fundId, chain: c.chain, logger: o.logger });
      n++;
    } catch (e) {
      o.logger?.warn({ fundId: c.fundId, chain: c.chain, err: (e as Error).message }, 'stablecoin reconciliation failed');
    }
  }
  return n;
}

export async function latestStablecoinReconciliations(db: Db, fundId: string, limit = 20): Promise<StablecoinReconciliationRow[]> {
  return db
    .select()
    .from(stablecoinReconciliations)
    .where(eq(stablecoinReconciliations.fundId, fundId))
    .orderBy(desc(stablecoinReconciliations.id))
    .limit(limit);
}

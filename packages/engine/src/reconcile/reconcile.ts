import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  isKeyRotationOperation,
  isOracleOperation,
  newId,
  operationFromJson,
  isPayoutOperation,
  singleOperations,
  toPublicError,
  type ChainDriver,
  type ChainOperation,
  type Deployment,
  type DriverRegistry,
} from '@fiscus/core';
import { accountBalance, appendAudit, deploymentOf, schema, supplyAccount, type Db } from '@fiscus/ledger';
import type { ReconciliationRow } from '../rows.ts';
import { catchUpEvents, unmatchedSinceLastClean } from './unmatched.ts';
import { positionsDetail, type PositionsRequest } from './positions.ts';
import { DRIFT_RECHECK_MS } from '../defaults.ts';

const { deployments, operations, reconciliations } = schema;

/**
 * Compares each active deployment's on-chain total supply with the ledger's supply:<chain>.
 * A difference explained by operations still in flight (signed, maybe landed, not yet posted)
 * is `in_flight`; anything else is `drift`: mints on that chain are blocked and the drift is
 * recorded and audited — never corrected silently.
 */
export async function runReconciliation(
  db: Db,
  drivers: DriverRegistry,
  p: { fundId: string; chain?: string; positions?: boolean | PositionsRequest; fullPositionsEveryMs?: number },
): Promise<ReconciliationRow[]> {
  const rows = await db
    .select()
    .from(deployments)
    .where(and(eq(deployments.fundId, p.fundId), eq(deployments.status, 'active'), p.chain ? eq(deployments.chain, p.chain) : undefined));
  const results: ReconciliationRow[] = [];
  for (const d of rows) {
    const driver = drivers.get(d.chain);
    const deployment = deploymentOf(d);
    if (!driver || !deployment) continue;
    // Read the chain's new events first: holder burns post, and what the books cannot explain is
    // kept as unmatched events — the cause shown with a drift.
    await catchUpEvents(db, drivers, d.id);
    results.push(
      await reconcileDeployment(db, driver, {
        fundId: p.fundId,
        deploymentId: d.id,
        deployment,
        blockedReason: d.blockedReason,
        positions: p.positions === true ? 'full' : p.positions || undefined,
        fullPositionsEveryMs: p.fullPositionsEveryMs,
      }),
    );
  }
  return results;
}

interface Target {
  fundId: string;
  deploymentId: string;
  deployment: Deployment;
  blockedReason: string | null;
  /**
   * Also compare holders' on-chain balances with their cap-table positions (reconcile/positions.ts):
   * every holder (`full`), those touched since the last check (`incremental`), or full when one is due (`auto`).
   */
  positions?: PositionsRequest;
  fullPositionsEveryMs?: number;
}

type Status = 'clean' | 'in_flight' | 'drift' | 'error';

interface Measurement {
  ledgerSupply: bigint;
  chainSupply: bigint | null;
  status: Status;
  detail: Record<string, unknown>;
}

async function measure(db: Db, driver: ChainDriver, t: Target): Promise<Measurement> {
  const chain = driver.chain;
  const ledgerSupply = await accountBalance(db, { fundId: t.fundId, code: supplyAccount(chain), commodity: 'units' });
  const inFlight = await inFlightUnits(db, t.fundId, chain);
  const detail: Record<string, unknown> = { mintsInFlight: inFlight.mints.toString(), burnsInFlight: inFlight.burns.toString() };
  try {
    const chainSupply = await driver.totalSupply(t.deployment);
    let status: Status = 'drift';
    if (chainSupply === ledgerSupply) status = 'clean';
    else if (chainSupply >= ledgerSupply - inFlight.burns && chainSupply <= ledgerSupply + inFlight.mints) status = 'in_flight';
    return { ledgerSupply, chainSupply, status, detail };
  } catch (e) {
    // Shown in the reconciliation history: the public form (an INTERNAL error's raw text stays out).
    return { ledgerSupply, chainSupply: null, status: 'error', detail: { ...detail, error: toPublicError(driver.parseError(e)).message } };
  }
}

async function reconcileDeployment(db: Db, driver: ChainDriver, t: Target): Promise<ReconciliationRow> {
  const chain = driver.chain;
  let m = await measure(db, driver, t);
  if (m.status === 'drift') {
    // An operation posting between our reads looks like drift once; real drift persists.
    await new Promise((r) => setTimeout(r, DRIFT_RECHECK_MS));
    m = await measure(db, driver, t);
  }
  const { ledgerSupply, chainSupply, status, detail } = m;
  const drift = chainSupply === null ? null : chainSupply - ledgerSupply;
  if (status === 'drift') detail.unmatchedEvents = await unmatchedSinceLastClean(db, { fundId: t.fundId, chain });
  if (t.positions) {
    detail.positions = await positionsDetail(db, driver, {
      fundId: t.fundId,
      deployment: t.deployment,
      mode: t.positions,
      fullEveryMs: t.fullPositionsEveryMs,
    });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reconciliations)
      .values({ id: newId('rec'), fundId: t.fundId, chain, ledgerSupply, chainSupply, drift, status, detail })
      .returning();
    if (status === 'drift') {
      const reason = `supply drift on ${chain}: chain ${chainSupply} vs ledger ${ledgerSupply}`;
      await tx.update(deployments).set({ mintsBlocked: true, blockedReason: reason, updatedAt: sql`now()` }).where(eq(deployments.id, t.deploymentId));
      await appendAudit(tx, { actor: 'reconciler', action: 'reconciliation.drift', subject: t.deploymentId, data: { chain, drift: String(drift) } });
    } else if (status === 'clean' && t.blockedReason?.startsWith('supply drift')) {
      // The block came from an earlier drift that no longer shows: lift it, on the record.
      await tx.update(deployments).set({ mintsBlocked: false, blockedReason: null, updatedAt: sql`now()` }).where(eq(deployments.id, t.deploymentId));
      await appendAudit(tx, { actor: 'reconciler', action: 'reconciliation.cleared', subject: t.deploymentId, data: { chain } });
    }
    return row!;
  });
}

async function inFlightUnits(db: Db, fundId: string, chain: string): Promise<{ mints: bigint; burns: bigint }> {
  const rows = await db
    .select({ body: operations.body })
    .from(operations)
    .where(and(eq(operations.fundId, fundId), eq(operations.chain, chain), inArray(operations.state, ['prepared', 'submitted', 'confirmed'])));
  let mints = 0n;
  let burns = 0n;
  for (const { body } of rows) {
    const op = operationFromJson(body);
    // Only token operations move units; a stablecoin payout in flight would throw in singleOperations.
    if (op.kind === 'deploy' || isOracleOperation(op) || isKeyRotationOperation(op) || isPayoutOperation(op)) continue;
    for (const item of singleOperations(op as ChainOperation)) {
      if (item.kind === 'mint') mints += item.units;
      if (item.kind === 'burn') burns += item.units;
    }
  }
  return { mints, burns };
}

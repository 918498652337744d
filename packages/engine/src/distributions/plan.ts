import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { FiscusError, evaluatePolicy, formatUnits, maxUnits, policyFromJson, type ChainId, type DriverRegistry, type Policy } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import { requestOperation } from '../request.ts';
import { allocateProRata, parseRate, unitsForRate } from './allocate.ts';
import { ALLOCATION_INSERT_CHUNK } from '../defaults.ts';

const { distributions, distributionAllocations, distributionCarry, fundWallets, funds, investors, wallets, deployments } = schema;

export interface HolderSnapshot {
  walletId: string;
  investorId: string;
  chain: string;
  address: string;
  position: bigint;
  walletStatus: string;
  investor: { id: string; jurisdiction: string; investorType: string; kycStatus: string; kycExpiresAt: Date | null };
}

interface Allocation extends HolderSnapshot {
  units: bigint;
  status: 'planned' | 'withheld' | 'none';
  reason: string | null;
  operationId: string | null;
  batchItem: number | null;
}

/**
 * pending → minting in ONE transaction: snapshot every holder position on every chain (the cap
 * table), allocate pro rata (YIELD_PRO_RATA_ROUND_DOWN), withhold what a holder may not receive,
 * write the allocations, the batch operations (≤ maxBatch mints each) and the new carry. Nothing
 * is signed before this commits; a crash before commit leaves the distribution pending, and a
 * second worker skips the row it cannot lock. Returns false if there was nothing to do.
 */
export async function planDistribution(db: Db, drivers: DriverRegistry, id: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(distributions)
      .where(and(eq(distributions.id, id), eq(distributions.state, 'pending')))
      .for('update', { skipLocked: true });
    if (!d || d.recordTime.getTime() > now.getTime()) return false;
    // Same lock as subscriptions: positions and holder counts cannot move under the snapshot's checks.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`fiscus:subscribe:${d.fundId}`}))`);
    const [fund] = await tx.select().from(funds).where(eq(funds.id, d.fundId));
    if (!fund) throw new FiscusError('NOT_FOUND', `fund ${d.fundId} not found`);
    await tx.insert(distributionCarry).values({ fundId: d.fundId, units: 0n }).onConflictDoNothing();
    const [carry] = await tx.select().from(distributionCarry).where(eq(distributionCarry.fundId, d.fundId)).for('update');
    const carryIn = carry?.units ?? 0n;

    const holders = await snapshot(tx, d.fundId);
    const held = holders.reduce((a, h) => a + h.position, 0n);
    const units = d.requestedUnits ?? unitsForRate(held, parseRate(d.ratePerUnit ?? ''));
    assertPayable(units, carryIn, fund.decimals);
    const { allocations: shares } = allocateProRata(
      holders.map((h) => h.position),
      units,
      carryIn,
    );
    const rows: Allocation[] = holders.map((h, i) => ({
      ...h,
      units: shares[i]!,
      status: shares[i]! > 0n ? 'planned' : 'none',
      reason: null,
      operationId: null,
      batchItem: null,
    }));
    withhold(policyFromJson(fund.policy), rows, now);
    await requestBatches(tx, drivers, d.fundId, d.id, rows);

    const planned = rows.filter((r) => r.status === 'planned').reduce((a, r) => a + r.units, 0n);
    const withheld = rows.filter((r) => r.status === 'withheld').reduce((a, r) => a + r.units, 0n);
    const carryOut = units + carryIn - planned;
    for (let i = 0; i < rows.length; i += ALLOCATION_INSERT_CHUNK) {
      await tx.insert(distributionAllocations).values(
        rows.slice(i, i + ALLOCATION_INSERT_CHUNK).map((r) => ({
          distributionId: d.id,
          walletId: r.walletId,
          investorId: r.investorId,
          chain: r.chain,
          address: r.address,
          position: r.position,
          units: r.units,
          status: r.status,
          reason: r.reason,
          operationId: r.operationId,
          batchItem: r.batchItem,
        })),
      );
    }
    await tx.update(distributionCarry).set({ units: carryOut, updatedAt: sql`now()` }).where(eq(distributionCarry.fundId, d.fundId));
    await tx
      .update(distributions)
      .set({
        state: 'minting',
        units,
        carryIn,
        carryOut,
        heldUnits: held,
        holders: rows.length,
        withheldUnits: withheld,
        snapshotAt: now,
        lastError: null,
        updatedAt: sql`now()`,
      })
      .where(eq(distributions.id, d.id));
    await appendAudit(tx, {
      actor: 'distributor',
      action: 'distribution.planned',
      subject: d.id,
      data: {
        fundId: d.fundId,
        units: units.toString(),
        carryIn: carryIn.toString(),
        carryOut: carryOut.toString(),
        withheld: withheld.toString(),
        holders: rows.length,
      },
    });
    for (const r of rows.filter((x) => x.status === 'withheld')) {
      await appendAudit(tx, {
        actor: 'distributor',
        action: 'distribution.withheld',
        subject: d.id,
        data: { walletId: r.walletId, investorId: r.investorId, units: r.units.toString(), reason: r.reason },
      });
    }
    return true;
  });
}

/**
 * The pool (declared units + carry) must fit the fund's unit range, like every amount a chain
 * mints; a rate times a large cap table can exceed it. Refused here with a clear code, before any
 * row is written (the saga fails the distribution: the same snapshot would overflow again).
 */
function assertPayable(units: bigint, carryIn: bigint, decimals: number): void {
  const max = maxUnits(decimals);
  if (units + carryIn <= max) return;
  throw new FiscusError(
    'AMOUNT_OUT_OF_RANGE',
    `the distribution declares ${formatUnits(units, decimals)} units (with carry ${formatUnits(carryIn, decimals)}), more than the maximum ${formatUnits(max, decimals)}`,
    {
      meta: { units: units.toString(), carryIn: carryIn.toString(), limit: max.toString() },
    },
  );
}

/** Every wallet of the fund holding units, on every chain, with what the policy needs. */
async function snapshot(tx: Db, fundId: string): Promise<HolderSnapshot[]> {
  const rows = await tx
    .select({
      walletId: fundWallets.walletId,
      position: fundWallets.units,
      walletStatus: fundWallets.status,
      investorId: wallets.investorId,
      chain: wallets.chain,
      address: wallets.address,
      jurisdiction: investors.jurisdiction,
      investorType: investors.investorType,
      kycStatus: investors.kycStatus,
      kycExpiresAt: investors.kycExpiresAt,
    })
    .from(fundWallets)
    .innerJoin(wallets, eq(wallets.id, fundWallets.walletId))
    .innerJoin(investors, eq(investors.id, wallets.investorId))
    .where(and(eq(fundWallets.fundId, fundId), gt(fundWallets.units, 0n)))
    .orderBy(asc(wallets.chain), asc(fundWallets.walletId));
  return rows.map((r) => ({
    walletId: r.walletId,
    investorId: r.investorId,
    chain: r.chain,
    address: r.address,
    position: r.position,
    walletStatus: r.walletStatus,
    investor: { id: r.investorId, jurisdiction: r.jurisdiction, investorType: r.investorType, kycStatus: r.kycStatus, kycExpiresAt: r.kycExpiresAt },
  }));
}

/**
 * An allocation a holder cannot receive is WITHHELD, never forced through nor dropped: a frozen
 * or deauthorized wallet cannot be paid on chain, and an investor the policy refuses to let
 * receive (max holding across all chains, KYC lapsed, jurisdiction now blocked) gets nothing of
 * this distribution. Its units stay in the fund's carry (paid pro rata next time) and are audited.
 */
function withhold(policy: Policy, rows: Allocation[], now: Date): void {
  const byInvestor = new Map<string, Allocation[]>();
  for (const r of rows) byInvestor.set(r.investorId, [...(byInvestor.get(r.investorId) ?? []), r]);
  const holderCount = byInvestor.size;
  for (const list of byInvestor.values()) {
    for (const r of list)
      if (r.status === 'planned' && r.walletStatus !== 'authorized') Object.assign(r, { status: 'withheld', reason: `wallet_${r.walletStatus}` });
    const incoming = list.filter((r) => r.status === 'planned').reduce((a, r) => a + r.units, 0n);
    if (incoming === 0n) continue;
    const holding = list.reduce((a, r) => a + r.position, 0n);
    const decision = evaluatePolicy(policy, { investor: list[0]!.investor, action: 'receive', units: incoming, holding, holderCount, now });
    if (!decision.allow) for (const r of list) if (r.status === 'planned') Object.assign(r, { status: 'withheld', reason: `policy_${decision.rule}` });
  }
}

/** Groups the planned allocations per chain into operations of at most the driver's maxBatch. */
async function requestBatches(tx: Db, drivers: DriverRegistry, fundId: string, distributionId: string, rows: Allocation[]): Promise<void> {
  const chains = [...new Set(rows.filter((r) => r.status === 'planned').map((r) => r.chain))];
  for (const chain of chains) {
    const driver = drivers.get(chain);
    if (!driver) throw new FiscusError('CHAIN_NOT_CONFIGURED', `no driver for ${chain}: cannot plan distribution ${distributionId}`, { meta: { chain } });
    const [dep] = await tx
      .select({ status: deployments.status })
      .from(deployments)
      .where(and(eq(deployments.fundId, fundId), eq(deployments.chain, chain)));
    if (dep?.status !== 'active') throw new FiscusError('NOT_DEPLOYED', `fund ${fundId} is not active on ${chain}`, { meta: { chain } });
    const max = Math.max(1, driver.capabilities.maxBatch);
    const planned = rows.filter((r) => r.chain === chain && r.status === 'planned');
    for (let i = 0; i < planned.length; i += max) {
      const batch = planned.slice(i, i + max);
      const single = batch.length === 1 && max === 1;
      const op = await requestOperation(tx, {
        fundId,
        chain: chain as ChainId,
        body: single
          ? { kind: 'mint', to: batch[0]!.address, units: batch[0]!.units }
          : { kind: 'batch', items: batch.map((r) => ({ kind: 'mint' as const, to: r.address, units: r.units })) },
        context: single
          ? { distributionId, walletId: batch[0]!.walletId, investorId: batch[0]!.investorId }
          : { distributionId, items: batch.map((r) => ({ distributionId, walletId: r.walletId, investorId: r.investorId })) },
        requestedBy: 'distributor',
      });
      batch.forEach((r, j) => Object.assign(r, { operationId: op.id, batchItem: j }));
    }
  }
}

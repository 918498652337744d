import { and, eq, sql } from 'drizzle-orm';
import { FiscusError, newId } from '@fiscus/core';
import { appendAudit, schema, type Db } from '@fiscus/ledger';
import { parseRate } from './allocate.ts';

const { distributions, distributionAllocations, distributionCarry, operations } = schema;

export type DistributionRow = typeof distributions.$inferSelect;

export interface RequestDistributionParams {
  fundId: string;
  recordTime: Date;
  /** Base units to distribute, or… */
  units?: bigint;
  /** …new units per unit held (decimal string, ≤ 18 fractional digits). */
  ratePerUnit?: string;
  requestedBy: string;
}

/** Writes the pending distribution; the saga plans it once its record time has come. */
export async function requestDistribution(db: Db, p: RequestDistributionParams): Promise<DistributionRow> {
  if ((p.units === undefined) === (p.ratePerUnit === undefined)) {
    throw new FiscusError('VALIDATION_FAILED', 'give exactly one of units or ratePerUnit');
  }
  if (p.units !== undefined && p.units <= 0n) throw new FiscusError('VALIDATION_FAILED', 'units must be > 0');
  if (p.ratePerUnit !== undefined) parseRate(p.ratePerUnit); // grammar, > 0 and ≤ MAX_RATE, like every amount
  if (Number.isNaN(p.recordTime.getTime())) throw new FiscusError('VALIDATION_FAILED', 'recordTime is not a valid time');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(distributions)
      .values({
        id: newId('dist'),
        fundId: p.fundId,
        recordTime: p.recordTime,
        requestedUnits: p.units ?? null,
        ratePerUnit: p.ratePerUnit ?? null,
        state: 'pending',
        requestedBy: p.requestedBy,
      })
      .returning();
    await appendAudit(tx, {
      actor: p.requestedBy,
      action: 'distribution.requested',
      subject: row!.id,
      data: { fundId: p.fundId, recordTime: p.recordTime.toISOString(), units: p.units?.toString() ?? null, ratePerUnit: p.ratePerUnit ?? null },
    });
    return row!;
  });
}

export interface ChainProgress {
  chain: string;
  holders: number;
  batchesRequested: number;
  batchesPosted: number;
  batchesFailed: number;
  unitsPlanned: bigint;
  unitsPaid: bigint;
  unitsWithheld: bigint;
}

export interface DistributionProgress {
  distribution: DistributionRow;
  chains: ChainProgress[];
  /** The fund's carry now (what the next distribution adds to its pool). */
  fundCarry: bigint;
}

/** Progress per chain, from the allocations and the state of the batch operations they went into. */
export async function getDistributionProgress(db: Db, p: { fundId: string; id: string }): Promise<DistributionProgress | undefined> {
  const [distribution] = await db
    .select()
    .from(distributions)
    .where(and(eq(distributions.id, p.id), eq(distributions.fundId, p.fundId)));
  if (!distribution) return undefined;
  const a = distributionAllocations;
  const rows = await db
    .select({
      chain: a.chain,
      holders: sql<string>`count(*)`,
      batchesRequested: sql<string>`count(distinct ${a.operationId})`,
      batchesPosted: sql<string>`count(distinct ${a.operationId}) filter (where ${operations.state} = 'posted')`,
      batchesFailed: sql<string>`count(distinct ${a.operationId}) filter (where ${operations.state} in ('failed', 'compensated'))`,
      unitsPlanned: sql<string>`coalesce(sum(${a.units}) filter (where ${a.status} = 'planned'), 0)`,
      unitsPaid: sql<string>`coalesce(sum(${a.units}) filter (where ${operations.state} = 'posted'), 0)`,
      unitsWithheld: sql<string>`coalesce(sum(${a.units}) filter (where ${a.status} = 'withheld'), 0)`,
    })
    .from(a)
    .leftJoin(operations, eq(operations.id, a.operationId))
    .where(eq(a.distributionId, p.id))
    .groupBy(a.chain)
    .orderBy(a.chain);
  const [carry] = await db.select({ units: distributionCarry.units }).from(distributionCarry).where(eq(distributionCarry.fundId, p.fundId));
  return {
    distribution,
    fundCarry: carry?.units ?? 0n,
    chains: rows.map((r) => ({
      chain: r.chain,
      holders: Number(r.holders),
      batchesRequested: Number(r.batchesRequested),
      batchesPosted: Number(r.batchesPosted),
      batchesFailed: Number(r.batchesFailed),
      unitsPlanned: BigInt(r.unitsPlanned),
      unitsPaid: BigInt(r.unitsPaid),
      unitsWithheld: BigInt(r.unitsWithheld),
    })),
  };
}

/** One page of allocations (holders) of a distribution, by wallet id. */
export async function listAllocations(db: Db, p: { id: string; after?: string; limit: number }) {
  const a = distributionAllocations;
  return db
    .select()
    .from(a)
    .where(and(eq(a.distributionId, p.id), p.after ? sql`${a.walletId} > ${p.after}` : undefined))
    .orderBy(a.walletId)
    .limit(p.limit);
}

import { z } from '@hono/zod-openapi';
import { formatUnits, publicErrorOf } from '@fiscus/core';
import type { DistributionProgress } from '@fiscus/engine';
import { decimalPattern, exactlyOne, iso, Timestamp, Units } from '../../lib/schemas.ts';

export const CreateDistributionSchema = z
  .strictObject({
    recordTime: z.iso
      .datetime({ offset: true })
      .openapi({ example: '2026-11-23T00:00:00Z', description: 'Positions are snapshotted at the first saga run at or after this time' }),
    units: Units.optional().openapi({ description: 'New units to distribute (fund units); exactly one of units / ratePerUnit' }),
    ratePerUnit: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({
        example: '0.000123',
        pattern: decimalPattern(18, true),
        description:
          'New units per unit held: a decimal like every amount (digits, optional "." and ≤ 18 decimals; no sign, exponent or spaces), > 0 and ≤ 9.223372036854775807; declared units = ⌊Σ held × rate⌋ (YIELD_RATE_TOTAL_ROUND_DOWN)',
      }),
  })
  .openapi('CreateDistribution', exactlyOne('units', 'ratePerUnit'));

const ChainProgressSchema = z.object({
  chain: z.string(),
  holders: z.int(),
  batchesRequested: z.int(),
  batchesPosted: z.int(),
  batchesFailed: z.int(),
  unitsPlanned: z.string(),
  unitsPaid: z.string(),
  unitsWithheld: z.string(),
});

export const DistributionSchema = z
  .object({
    id: z.string().openapi({ example: 'dist_0193…' }),
    fundId: z.string(),
    state: z
      .string()
      .openapi({ description: 'pending → minting → completed | partially_failed; or pending → failed (can never be planned: lastError) | cancelled' }),
    recordTime: Timestamp,
    snapshotAt: Timestamp.nullable(),
    requestedUnits: z.string().nullable(),
    ratePerUnit: z.string().nullable(),
    roundingRule: z.string().openapi({ example: 'YIELD_PRO_RATA_ROUND_DOWN' }),
    units: z.string().nullable().openapi({ description: 'Units declared (set when planned)' }),
    carryIn: z.string().nullable(),
    carryOut: z.string().nullable().openapi({ description: 'Rounding remainder + withheld units, carried to the next distribution' }),
    heldUnits: z.string().nullable(),
    holders: z.int().nullable(),
    withheldUnits: z.string().nullable(),
    returnedUnits: z.string().nullable().openapi({ description: 'Units of failed batches, returned to the carry' }),
    unitsPaid: z.string(),
    fundCarry: z.string(),
    chains: z.array(ChainProgressSchema),
    lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: Timestamp,
    completedAt: Timestamp.nullable(),
  })
  .openapi('Distribution');

export const AllocationSchema = z
  .object({
    walletId: z.string(),
    investorId: z.string(),
    chain: z.string(),
    address: z.string(),
    position: z.string(),
    units: z.string(),
    status: z.string().openapi({ description: 'planned | withheld | none (rounded to zero)' }),
    reason: z.string().nullable(),
    operationId: z.string().nullable(),
  })
  .openapi('DistributionAllocation');

export function presentDistribution(p: DistributionProgress, decimals: number): z.infer<typeof DistributionSchema> {
  const f = (u: bigint | null) => (u === null ? null : formatUnits(u, decimals));
  const d = p.distribution;
  return {
    id: d.id,
    fundId: d.fundId,
    state: d.state,
    recordTime: iso(d.recordTime)!,
    snapshotAt: iso(d.snapshotAt),
    requestedUnits: f(d.requestedUnits),
    ratePerUnit: d.ratePerUnit,
    roundingRule: 'YIELD_PRO_RATA_ROUND_DOWN',
    units: f(d.units),
    carryIn: f(d.carryIn),
    carryOut: f(d.carryOut),
    heldUnits: f(d.heldUnits),
    holders: d.holders,
    withheldUnits: f(d.withheldUnits),
    returnedUnits: f(d.returnedUnits),
    unitsPaid: formatUnits(
      p.chains.reduce((a, c) => a + c.unitsPaid, 0n),
      decimals,
    ),
    fundCarry: formatUnits(p.fundCarry, decimals),
    chains: p.chains.map((c) => ({
      ...c,
      unitsPlanned: formatUnits(c.unitsPlanned, decimals),
      unitsPaid: formatUnits(c.unitsPaid, decimals),
      unitsWithheld: formatUnits(c.unitsWithheld, decimals),
    })),
    lastError: publicErrorOf(d.lastError ?? null),
    createdAt: iso(d.createdAt)!,
    completedAt: iso(d.completedAt),
  };
}

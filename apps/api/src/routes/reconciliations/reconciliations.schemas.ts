import { z } from '@hono/zod-openapi';
import { formatUnits } from '@fiscus/core';
import type { ReconciliationRecord } from '@fiscus/ledger';
import { iso, Timestamp } from '../../lib/schemas.ts';

export const ReconciliationSchema = z
  .object({
    id: z.string().openapi({ example: 'rec_0193…' }),
    fundId: z.string(),
    chain: z.string(),
    status: z.string().openapi({ description: 'clean | in_flight | drift | error' }),
    ledgerSupply: z.string(),
    chainSupply: z.string().nullable(),
    drift: z.string().nullable().openapi({ description: 'chain − ledger, in fund units' }),
    detail: z.record(z.string(), z.unknown()).nullable(),
    createdAt: Timestamp,
  })
  .openapi('Reconciliation');

export function presentReconciliation(r: ReconciliationRecord, decimals: number): z.infer<typeof ReconciliationSchema> {
  const f = (u: bigint | null) => (u === null ? null : formatUnits(u, decimals));
  return {
    id: r.id,
    fundId: r.fundId,
    chain: r.chain,
    status: r.status,
    ledgerSupply: formatUnits(r.ledgerSupply, decimals),
    chainSupply: f(r.chainSupply),
    drift: f(r.drift),
    detail: r.detail ?? null,
    createdAt: iso(r.createdAt)!,
  };
}

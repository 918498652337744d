import { createRoute, z } from '@hono/zod-openapi';
import { json, problems, readOnly } from '../../lib/route-kit.ts';
import { FundParams } from '../subscriptions/subscriptions.routes.ts';
import { ReconciliationSchema } from '../reconciliations/reconciliations.schemas.ts';

export const ChainSupplySchema = z
  .object({
    chain: z.string(),
    deploymentStatus: z.string().nullable(),
    mintsBlocked: z.boolean(),
    blockedReason: z.string().nullable(),
    ledgerSupply: z.string().openapi({ description: 'Balance of supply:<chain> in the custody ledger' }),
    chainSupply: z.string().nullable().openapi({ description: 'Token total supply read from the chain now; null if unreachable' }),
    chainError: z.string().nullable(),
    inSync: z.boolean().nullable(),
    lastReconciliation: ReconciliationSchema.nullable(),
  })
  .openapi('ChainSupply');

export const SupplySchema = z
  .object({
    fundId: z.string(),
    decimals: z.int(),
    unitsOutstanding: z.string(),
    transit: z.string(),
    invariantHolds: z.boolean().openapi({ description: 'Σ supply over chains + transit == units outstanding' }),
    chains: z.array(ChainSupplySchema),
  })
  .openapi('Supply');

export const get = createRoute({
  method: 'get',
  path: '/v1/funds/{fundId}/supply',
  tags: ['Reconciliation'],
  summary: 'Supply per chain: ledger vs on-chain, and the last reconciliation',
  ...readOnly('supply.read'),
  request: { params: FundParams },
  responses: { 200: json(SupplySchema, 'Supply'), ...problems(404) },
});

export type GetRoute = typeof get;

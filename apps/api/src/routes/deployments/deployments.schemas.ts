import { z } from '@hono/zod-openapi';
import type { DeploymentRow } from '@fiscus/ledger';
import { iso, Timestamp } from '../../lib/schemas.ts';

export const DeploymentSchema = z
  .object({
    id: z.string().openapi({ example: 'dep_0193…' }),
    fundId: z.string(),
    chain: z.string(),
    status: z.string().openapi({ description: 'pending | active | failed' }),
    details: z.record(z.string(), z.string()).nullable().openapi({ description: 'Chain-specific ids (contract addresses, asset code + issuer)' }),
    operationId: z.string().nullable(),
    mintsBlocked: z.boolean(),
    blockedReason: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('Deployment');

export function presentDeployment(d: DeploymentRow): z.infer<typeof DeploymentSchema> {
  return {
    id: d.id,
    fundId: d.fundId,
    chain: d.chain,
    status: d.status,
    details: d.details ?? null,
    operationId: d.operationId,
    mintsBlocked: d.mintsBlocked,
    blockedReason: d.blockedReason,
    createdAt: iso(d.createdAt)!,
    updatedAt: iso(d.updatedAt)!,
  };
}

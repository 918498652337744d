import { eq, sql } from 'drizzle-orm';
import { schema, type Db } from '@fiscus/ledger';
import type { OperationRow } from '../rows.ts';

const { deployments } = schema;

const deploymentId = (op: OperationRow) => String(op.context.deploymentId ?? '');

export async function applyDeployed(tx: Db, op: OperationRow): Promise<void> {
  const details = (op.result?.deployment as { details?: Record<string, string> } | undefined)?.details ?? {};
  await tx
    .update(deployments)
    .set({ status: 'active', details, updatedAt: sql`now()` })
    .where(eq(deployments.id, deploymentId(op)));
}

export async function applyDeployFailed(tx: Db, op: OperationRow): Promise<void> {
  await tx
    .update(deployments)
    .set({ status: 'failed', updatedAt: sql`now()` })
    .where(eq(deployments.id, deploymentId(op)));
}

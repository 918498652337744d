import { and, eq } from 'drizzle-orm';
import { FiscusError, type Deployment } from '@fiscus/core';
import { deploymentOf, schema, type Db } from '@fiscus/ledger';

const { deployments } = schema;

export interface LoadedDeployment {
  id: string;
  deployment: Deployment;
  mintsBlocked: boolean;
  blockedReason: string | null;
}

/** The fund's active deployment on a chain; operations other than deploy need one. */
export async function loadDeployment(db: Db, fundId: string, chain: string): Promise<LoadedDeployment> {
  const [row] = await db
    .select()
    .from(deployments)
    .where(and(eq(deployments.fundId, fundId), eq(deployments.chain, chain)));
  const deployment = row && deploymentOf(row);
  if (!row || !deployment) {
    throw new FiscusError('NOT_DEPLOYED', `fund ${fundId} is not deployed on ${chain}`);
  }
  return {
    id: row.id,
    deployment,
    mintsBlocked: row.mintsBlocked,
    blockedReason: row.blockedReason,
  };
}

import { and, asc, eq, sql } from 'drizzle-orm';
import { FiscusError, type ChainId, type Deployment } from '@fiscus/core';
import type { Db } from '../db.ts';
import { deployments, funds } from '../schema/index.ts';

export type DeploymentRow = typeof deployments.$inferSelect;

/**
 * The one mapping of a deployment row to what a driver reads. Only an `active` row with details is
 * a deployment: a pending or failed row has none yet, and giving a driver empty details instead
 * would ask the chain about a contract or asset that does not exist.
 */
export function deploymentOf(row: Pick<DeploymentRow, 'chain' | 'status' | 'details'>): Deployment | undefined {
  return row.status === 'active' && row.details ? { chain: row.chain as ChainId, details: row.details } : undefined;
}

/** `deploymentOf`, refusing (NOT_DEPLOYED) a row that is not an active deployment. */
export function requireDeploymentOf(row: Pick<DeploymentRow, 'fundId' | 'chain' | 'status' | 'details'>): Deployment {
  const deployment = deploymentOf(row);
  if (!deployment) throw new FiscusError('NOT_DEPLOYED', `fund ${row.fundId} is not deployed on ${row.chain}`, { details: `the deployment is ${row.status}` });
  return deployment;
}

export async function getDeployment(db: Db, p: { fundId: string; chain: string }): Promise<DeploymentRow | undefined> {
  const [row] = await db
    .select()
    .from(deployments)
    .where(and(eq(deployments.fundId, p.fundId), eq(deployments.chain, p.chain)));
  return row;
}

export async function listDeployments(db: Db, p: { fundId: string }): Promise<DeploymentRow[]> {
  return db.select().from(deployments).where(eq(deployments.fundId, p.fundId)).orderBy(asc(deployments.createdAt), asc(deployments.id));
}

/**
 * A pending deployment row, or undefined when the fund already has one on that chain (the
 * unique (fund, chain) index decides, so two concurrent deploys cannot both start).
 */
export async function insertPendingDeployment(db: Db, p: { id: string; fundId: string; chain: string }): Promise<DeploymentRow | undefined> {
  const [row] = await db
    .insert(deployments)
    .values({ ...p, status: 'pending' })
    .onConflictDoNothing({ target: [deployments.fundId, deployments.chain] })
    .returning();
  return row;
}

/** Points the deployment at its (new) deploy operation; a failed one goes back to pending. */
export async function setDeploymentOperation(db: Db, p: { id: string; operationId: string }): Promise<DeploymentRow> {
  const [row] = await db
    .update(deployments)
    .set({ operationId: p.operationId, status: 'pending', updatedAt: sql`now()` })
    .where(eq(deployments.id, p.id))
    .returning();
  return row!;
}

/** Active deployments on one chain with their fund's name and symbol (e.g. for a chain's stellar.toml). */
export async function listActiveDeploymentsOnChain(db: Db, p: { chain: string }): Promise<(DeploymentRow & { fundName: string; fundSymbol: string })[]> {
  const rows = await db
    .select({ d: deployments, fundName: funds.name, fundSymbol: funds.symbol })
    .from(deployments)
    .innerJoin(funds, eq(funds.id, deployments.fundId))
    .where(and(eq(deployments.chain, p.chain), eq(deployments.status, 'active')))
    .orderBy(asc(deployments.createdAt), asc(deployments.id));
  return rows.map((r) => ({ ...r.d, fundName: r.fundName, fundSymbol: r.fundSymbol }));
}

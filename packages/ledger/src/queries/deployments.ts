import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { deployments } from '../schema/index.ts';

export type DeploymentRow = typeof deployments.$inferSelect;

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
export async function insertPendingDeployment(
  db: Db,
  p: { id: string; fundId: string; chain: string },
): Promise<DeploymentRow | undefined> {
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

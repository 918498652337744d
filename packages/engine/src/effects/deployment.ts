import { eq, sql } from 'drizzle-orm';
import type { ChainId } from '@fiscus/core';
import { getLatestNavPublication, schema, type Db } from '@fiscus/ledger';
import { requestOperation } from '../request.ts';
import type { OperationRow } from '../rows.ts';

const { deployments } = schema;

const deploymentId = (op: OperationRow) => String(op.context.deploymentId ?? '');

/**
 * The deployment is active. On a chain with a NAV feed (`context.mirrorNav`, set by whoever asked
 * for the deployment and knows the driver) the fund's latest NAV round is requested onto the new
 * feed in the same transaction: without it the chain's settlement contracts had no price until the
 * next NAV publication and refused every on-chain subscription ("No data present").
 */
export async function applyDeployed(tx: Db, op: OperationRow): Promise<void> {
  const details = (op.result?.deployment as { details?: Record<string, string> } | undefined)?.details ?? {};
  await tx
    .update(deployments)
    .set({ status: 'active', details, updatedAt: sql`now()` })
    .where(eq(deployments.id, deploymentId(op)));
  if (op.context.mirrorNav === true) await mirrorLatestNav(tx, op);
}

async function mirrorLatestNav(tx: Db, op: OperationRow): Promise<void> {
  // The publishers' lock (nav/publish.ts): a round being published now is the one mirrored, not the one before it.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`fiscus:nav:${op.fundId}`}))`);
  const latest = await getLatestNavPublication(tx, { fundId: op.fundId });
  if (!latest) return;
  await requestOperation(tx, {
    fundId: op.fundId,
    chain: op.chain as ChainId,
    // The round's own time: a NAV older than the contracts' maximum age still prices nothing.
    body: { kind: 'publishNav', value: latest.navValue, scale: latest.navScale, round: latest.round, at: Math.floor(latest.publishedAt.getTime() / 1000) },
    context: { navPublicationId: latest.id, deploymentId: deploymentId(op) },
    requestedBy: 'deployment',
  });
}

export async function applyDeployFailed(tx: Db, op: OperationRow): Promise<void> {
  await tx
    .update(deployments)
    .set({ status: 'failed', updatedAt: sql`now()` })
    .where(eq(deployments.id, deploymentId(op)));
}

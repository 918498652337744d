import { FiscusError, newId, settlementCapsOf, type ChainId } from '@fiscus/core';
import { requestOperation } from '@fiscus/engine';
import { getDeployment, insertPendingDeployment, listDeployments, setDeploymentOperation } from '@fiscus/ledger';
import { requireDriver, requireFund } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { presentOperation } from '../operations/operations.schemas.ts';
import type { CreateRoute, ListRoute } from './deployments.routes.ts';
import { presentDeployment } from './deployments.schemas.ts';

/**
 * One deployment per (fund, chain). A pending or active one is a 409 (the existing deployment
 * is in `meta`); a failed one may be retried, which requests a fresh deploy operation.
 */
export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const db = c.var.db;
  const fund = await requireFund(db, c.req.valid('param').fundId);
  const driver = requireDriver(c.var.deps.drivers, c.req.valid('json').chain);
  const chain = driver.chain as ChainId;
  let deployment = (await insertPendingDeployment(db, { id: newId('dep'), fundId: fund.id, chain })) ?? (await getDeployment(db, { fundId: fund.id, chain }))!;
  if (deployment.operationId !== null && deployment.status !== 'failed') {
    throw new FiscusError('CONFLICT', `fund ${fund.id} is already ${deployment.status === 'active' ? 'deployed' : 'being deployed'} on ${chain}`, {
      meta: { deploymentId: deployment.id, status: deployment.status, operationId: deployment.operationId },
    });
  }
  const operation = await requestOperation(db, {
    fundId: fund.id,
    chain,
    body: { kind: 'deploy' },
    // Settlement contracts that price from the chain's NAV feed (EVM) get the fund's latest NAV as
    // soon as the deployment posts. Not Stellar: its DvP is priced by the API, and on a fund whose
    // issuer needs M-of-N signatures the NAV entry would wait for approvers ahead of every issuer operation.
    context: { deploymentId: deployment.id, ...(driver.capabilities.navFeed === true && settlementCapsOf(driver) ? { mirrorNav: true } : {}) },
    requestedBy: c.var.principal.keyId,
  });
  deployment = await setDeploymentOperation(db, { id: deployment.id, operationId: operation.id });
  return c.json({ deployment: presentDeployment(deployment), operation: presentOperation(operation, fund.decimals) }, 202);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const rows = await listDeployments(c.var.db, { fundId: fund.id });
  return c.json({ items: rows.map(presentDeployment) }, 200);
};

import { FiscusError, formatUnits } from '@fiscus/core';
import { checkCompliance, requestOperation } from '@fiscus/engine';
import { parseFundUnits, requireActiveDeployment } from '../../lib/lookups.ts';
import { requireAuthorized, requireOwnedWallet } from '../../lib/positions.ts';
import { resolveHolderRequest } from '../../lib/holder-request.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { presentOperation } from '../operations/operations.schemas.ts';
import type { CreateRoute } from './subscriptions.routes.ts';

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const db = c.var.db;
  const body = c.req.valid('json');
  const { fund, investor, driver, chain, address } = await resolveHolderRequest(db, c.var.deps.drivers, { ...body, fundId: c.req.valid('param').fundId });
  const units = parseFundUnits('units', body.units, fund.decimals);
  const deployment = await requireActiveDeployment(db, fund.id, chain);
  if (deployment.mintsBlocked) {
    throw new FiscusError('MINTS_BLOCKED', `mints on ${chain} are blocked`, { details: deployment.blockedReason ?? undefined, meta: { chain } });
  }
  const { wallet, fundWallet } = await requireOwnedWallet(db, c.var.principal, { fundId: fund.id, investorId: investor.id, chain, address });
  requireAuthorized(fundWallet);
  await checkCompliance(db, { fundId: fund.id, investorId: investor.id, action: 'subscribe', units });
  // Maker-checker: above the threshold the mint waits for a second principal's approval.
  const requiresApproval = fund.mintApprovalThreshold !== null && units > fund.mintApprovalThreshold;
  const operation = await requestOperation(db, {
    fundId: fund.id,
    chain,
    body: { kind: 'mint', to: address, units },
    context: { walletId: wallet.id, investorId: investor.id },
    requestedBy: c.var.principal.keyId,
    requiresApproval,
  });
  c.var.logger.info({ operationId: operation.id, units: formatUnits(units, fund.decimals), requiresApproval }, 'mint requested');
  return c.json({ operation: presentOperation(operation, fund.decimals) }, 202);
};

import { formatUnits } from '@fiscus/core';
import { checkCompliance, requestOperation } from '@fiscus/engine';
import { assertInvestorScope } from '../../auth/roles.ts';
import { parseFundUnits, requireActiveDeployment } from '../../lib/lookups.ts';
import { requireAuthorized, requireOwnedWallet, requireSpendable, spendable } from '../../lib/positions.ts';
import { resolveHolderRequest } from '../../lib/holder-request.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { presentOperation } from '../operations/operations.schemas.ts';
import type { CreateRoute } from './redemptions.routes.ts';

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const db = c.var.db;
  const body = c.req.valid('json');
  // An investor key redeems for itself only, whatever else the body says.
  assertInvestorScope(c.var.principal, body.investorId);
  const { fund, investor, driver, chain, address } = await resolveHolderRequest(db, c.var.deps.drivers, { ...body, fundId: c.req.valid('param').fundId });
  const units = parseFundUnits('units', body.units, fund.decimals);
  await requireActiveDeployment(db, fund.id, chain);
  const { wallet, fundWallet } = await requireOwnedWallet(db, c.var.principal, { fundId: fund.id, investorId: investor.id, chain, address });
  requireAuthorized(fundWallet);
  await checkCompliance(db, { fundId: fund.id, investorId: investor.id, action: 'redeem', units });
  const format = (u: bigint) => formatUnits(u, fund.decimals);
  requireSpendable(await spendable(db, fundWallet), units, format);
  const operation = await requestOperation(db, {
    fundId: fund.id,
    chain,
    body: { kind: 'burn', from: address, units },
    context: { walletId: wallet.id, investorId: investor.id },
    requestedBy: c.var.principal.keyId,
  });
  return c.json({ operation: presentOperation(operation, fund.decimals) }, 202);
};

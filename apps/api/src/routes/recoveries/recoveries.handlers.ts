import { FiscusError, type ChainId } from '@fiscus/core';
import { checkRecovery, requestOperation } from '@fiscus/engine';
import { requireDeploymentOf } from '@fiscus/ledger';
import { normalizeFor, requireActiveDeployment, requireCapability, requireDriver, requireFund, requireFundWallet } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { presentOperation } from '../operations/operations.schemas.ts';
import type { CreateRecoveryRoute } from './recoveries.routes.ts';

export const createRecovery: AppRouteHandler<CreateRecoveryRoute> = async (c) => {
  const db = c.var.db;
  const body = c.req.valid('json');
  const fund = await requireFund(db, c.req.valid('param').fundId);
  const driver = requireDriver(c.var.deps.drivers, body.chain);
  const chain = driver.chain as ChainId;
  const row = await requireActiveDeployment(db, fund.id, chain);
  requireCapability(driver, 'recovery', 'recover lost wallets');
  const from = normalizeFor(driver, 'from', body.from);
  const to = normalizeFor(driver, 'to', body.to);
  await requireFundWallet(db, { fundId: fund.id, chain, address: from, field: 'from', lock: true });
  // Same investor, still allowed to hold the fund; the engine checks this again before signing.
  const ids = await checkRecovery(db, { fundId: fund.id, chain, from, to });
  const deployment = requireDeploymentOf(row);
  // The chain moves the whole balance, so the books take it from the chain, not from the caller.
  const units = await driver.balanceOf(deployment, from);
  if (units === 0n) throw new FiscusError('INSUFFICIENT_BALANCE', `from: ${from} holds no units to recover`, { meta: { field: 'from' } });
  const operation = await requestOperation(db, {
    fundId: fund.id,
    chain,
    body: { kind: 'recover', from, to, units },
    context: ids,
    requestedBy: c.var.principal.keyId,
  });
  return c.json({ operation: presentOperation(operation, fund.decimals) }, 202);
};

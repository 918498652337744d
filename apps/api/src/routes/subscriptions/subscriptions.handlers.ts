import { FiscusError, formatNav, formatUnits, formatUsd } from '@fiscus/core';
import { checkCompliance, quoteSubscription, requestSubscription, requireFreshNav, type SubscriptionRow } from '@fiscus/engine';
import { parseFundUnits, requireActiveDeployment } from '../../lib/lookups.ts';
import { requireAuthorized, requireOwnedWallet } from '../../lib/positions.ts';
import { resolveHolderRequest } from '../../lib/holder-request.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { presentOperation } from '../operations/operations.schemas.ts';
import { parseUsdField } from '../custody/custody.schemas.ts';
import type { CreateRoute } from './subscriptions.routes.ts';

const presentSubscription = (s: SubscriptionRow, decimals: number) => ({
  id: s.id,
  usdIn: formatUsd(s.usdIn),
  units: formatUnits(s.units, decimals),
  cost: formatUsd(s.cost),
  remainder: formatUsd(s.remainder),
  nav: formatNav({ value: s.navValue, scale: s.navScale }),
  rounding: s.rule,
  status: s.status,
});

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const db = c.var.db;
  const body = c.req.valid('json');
  const { fund, investor, chain, address } = await resolveHolderRequest(db, c.var.deps.drivers, { ...body, fundId: c.req.valid('param').fundId });
  const amount = body.usd !== undefined ? { usd: parseUsdField('usd', body.usd) } : { units: parseFundUnits('units', body.units!, fund.decimals) };
  const deployment = await requireActiveDeployment(db, fund.id, chain);
  if (deployment.mintsBlocked) {
    throw new FiscusError('MINTS_BLOCKED', `mints on ${chain} are blocked`, { details: deployment.blockedReason ?? undefined, meta: { chain } });
  }
  const { wallet, fundWallet } = await requireOwnedWallet(db, c.var.principal, { fundId: fund.id, investorId: investor.id, chain, address });
  requireAuthorized(fundWallet);
  // Priced at the NAV current now; a stale NAV refuses the request (NAV_STALE) rather than misprice it.
  const { nav } = await requireFreshNav(db, fund.id);
  const quote = quoteSubscription(amount, nav, fund.decimals);
  const units = quote.units;
  // The reserve check (funds with enforceReserves) counts the cash this subscription brings.
  await checkCompliance(db, { fundId: fund.id, investorId: investor.id, action: 'subscribe', units, incomingUsd: quote.usdIn });
  // Maker-checker: above the threshold the mint waits for a second principal's approval.
  const requiresApproval = fund.mintApprovalThreshold !== null && units > fund.mintApprovalThreshold;
  const { operation, subscription } = await requestSubscription(db, {
    fundId: fund.id,
    chain,
    address,
    walletId: wallet.id,
    investorId: investor.id,
    quote,
    requestedBy: c.var.principal.keyId,
    requiresApproval,
  });
  c.var.logger.info({ operationId: operation.id, units: formatUnits(units, fund.decimals), usd: formatUsd(quote.usdIn), requiresApproval }, 'mint requested');
  return c.json({ operation: presentOperation(operation, fund.decimals), subscription: presentSubscription(subscription, fund.decimals) }, 202);
};

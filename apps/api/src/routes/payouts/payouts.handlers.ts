import { listPayouts } from '@fiscus/ledger';
import { requireFund } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { presentPayout } from '../redemptions/redemptions.schemas.ts';
import type { ListRoute, RetryRoute } from './payouts.routes.ts';
import { retryHeldPayout } from '@fiscus/engine';

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const q = c.req.valid('query');
  const { principal } = c.var;
  const rows = await listPayouts(c.var.db, {
    fundId: fund.id,
    status: q.status,
    // An investor key reads only the payouts owed to its own investor.
    investorId: principal.role === 'investor' ? (principal.investorId ?? '') : undefined,
    cursor: q.cursor,
    limit: q.limit,
  });
  return c.json(
    {
      items: rows.map((p) => ({ ...presentPayout(p), redemptionId: p.redemptionId, investorId: p.investorId })),
      nextCursor: rows.length === q.limit ? rows.at(-1)!.id : null,
    },
    200,
  );
};

export const retry: AppRouteHandler<RetryRoute> = async (c) => {
  const { fundId, payoutId } = c.req.valid('param');
  const fund = await requireFund(c.var.db, fundId);
  const { payout } = await retryHeldPayout(c.var.db, { fundId: fund.id, payoutId, walletId: c.req.valid('json').walletId, by: c.var.principal.keyId });
  return c.json({ ...presentPayout(payout), redemptionId: payout.redemptionId, investorId: payout.investorId }, 202);
};

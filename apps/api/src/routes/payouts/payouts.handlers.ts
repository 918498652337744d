import { listPayouts } from '@fiscus/ledger';
import { requireFund } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { presentPayout } from '../redemptions/redemptions.schemas.ts';
import type { ListRoute } from './payouts.routes.ts';

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

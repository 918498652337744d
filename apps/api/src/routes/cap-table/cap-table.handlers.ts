import { formatUnits } from '@fiscus/core';
import { capTablePage, holderCounts, type Db, type HolderCounts } from '@fiscus/ledger';
import { requireFund } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { CapTableRoute, HolderCountRoute } from './cap-table.routes.ts';

async function counts(db: Db, fundId: string, decimals: number) {
  const c: HolderCounts = await holderCounts(db, { fundId });
  return { holders: c.holders, perChain: c.perChain.map((x) => ({ ...x, units: formatUnits(x.units, decimals) })) };
}

export const capTable: AppRouteHandler<CapTableRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const q = c.req.valid('query');
  const page = await capTablePage(c.var.db, { fundId: fund.id, after: q.cursor, limit: q.limit, chain: q.chain, q: q.q });
  const f = (u: bigint) => formatUnits(u, fund.decimals);
  return c.json(
    {
      items: page.map((e) => ({ ...e, total: f(e.total), wallets: e.wallets.map((w) => ({ ...w, units: f(w.units), frozenUnits: f(w.frozenUnits) })) })),
      nextCursor: page.length === q.limit ? page.at(-1)!.investorId : null,
      counts: await counts(c.var.db, fund.id, fund.decimals),
    },
    200,
  );
};

export const holderCount: AppRouteHandler<HolderCountRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  return c.json(await counts(c.var.db, fund.id, fund.decimals), 200);
};

import { runReconciliation } from '@fiscus/engine';
import { listReconciliations } from '@fiscus/ledger';
import { requireDriver, requireFund } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { ListRoute, RunRoute } from './reconciliations.routes.ts';
import { presentReconciliation } from './reconciliations.schemas.ts';

export const run: AppRouteHandler<RunRoute> = async (c) => {
  const db = c.var.db;
  const fund = await requireFund(db, c.req.valid('param').fundId);
  const { chain } = c.req.valid('json') ?? {};
  const drivers = c.var.deps.drivers;
  // Named chain: it must be configured (422 names the configured ones); none: every deployment.
  if (chain !== undefined) requireDriver(drivers, chain);
  const rows = await runReconciliation(db, drivers, { fundId: fund.id, chain });
  return c.json({ items: rows.map((r) => presentReconciliation(r, fund.decimals)) }, 200);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const q = c.req.valid('query');
  const rows = await listReconciliations(c.var.db, { fundId: fund.id, chain: q.chain, before: q.cursor, limit: q.limit });
  return c.json(
    { items: rows.map((r) => presentReconciliation(r, fund.decimals)), nextCursor: rows.length === q.limit ? rows.at(-1)!.id : null },
    200,
  );
};

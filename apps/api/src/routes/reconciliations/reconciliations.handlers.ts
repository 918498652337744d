import { runReconciliation } from '@fiscus/engine';
import { FiscusError } from '@fiscus/core';
import { getReconciliation, listReconciliations } from '@fiscus/ledger';
import { requireDriver, requireFund } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { GetRoute, ListRoute, RunRoute } from './reconciliations.routes.ts';
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
  return c.json({ items: rows.map((r) => presentReconciliation(r, fund.decimals)), nextCursor: rows.length === q.limit ? rows.at(-1)!.id : null }, 200);
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { fundId, reconciliationId } = c.req.valid('param');
  const fund = await requireFund(c.var.db, fundId);
  const row = await getReconciliation(c.var.db, { fundId: fund.id, id: reconciliationId });
  if (!row) throw new FiscusError('NOT_FOUND', `reconciliation ${reconciliationId} not found`, { meta: { reconciliationId } });
  return c.json(presentReconciliation(row, fund.decimals), 200);
};

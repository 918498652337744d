import { FiscusError, formatUnits } from '@fiscus/core';
import { cancelDistribution, getDistributionProgress, listAllocations, parseRate, requestDistribution } from '@fiscus/engine';
import { parseFundUnits, requireFund } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { listDistributions } from '@fiscus/ledger';
import type { AllocationsRoute, CancelRoute, CreateRoute, GetRoute, ListRoute } from './distributions.routes.ts';
import { presentDistribution } from './distributions.schemas.ts';

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const db = c.var.db;
  const fund = await requireFund(db, c.req.valid('param').fundId);
  const body = c.req.valid('json');
  if ((body.units === undefined) === (body.ratePerUnit === undefined)) {
    throw new FiscusError('VALIDATION_FAILED', 'give exactly one of units or ratePerUnit', { meta: { field: 'units' } });
  }
  const units = body.units === undefined ? undefined : parseFundUnits('units', body.units, fund.decimals);
  if (body.ratePerUnit !== undefined) parseRate(body.ratePerUnit); // the amount grammar, > 0, ≤ MAX_RATE (400 naming the field)
  const row = await requestDistribution(db, {
    fundId: fund.id,
    recordTime: new Date(body.recordTime),
    units,
    ratePerUnit: body.ratePerUnit,
    requestedBy: c.var.principal.keyId,
  });
  const progress = (await getDistributionProgress(db, { fundId: fund.id, id: row.id }))!;
  c.var.logger.info(
    { distributionId: row.id, units: units === undefined ? null : formatUnits(units, fund.decimals), ratePerUnit: body.ratePerUnit ?? null },
    'distribution requested',
  );
  return c.json({ distribution: presentDistribution(progress, fund.decimals) }, 202);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const db = c.var.db;
  const fund = await requireFund(db, c.req.valid('param').fundId);
  const q = c.req.valid('query');
  const rows = await listDistributions(db, { fundId: fund.id, state: q.state, cursor: q.cursor, limit: q.limit });
  // Each item with its per-chain progress, as GET …/{distributionId} shows it (≤ limit reads).
  const items = [];
  for (const r of rows) items.push(presentDistribution((await getDistributionProgress(db, { fundId: fund.id, id: r.id }))!, fund.decimals));
  return c.json({ items, nextCursor: rows.length === q.limit ? rows.at(-1)!.id : null }, 200);
};

async function load(c: Parameters<AppRouteHandler<GetRoute>>[0]) {
  const { fundId, distributionId } = c.req.valid('param');
  const fund = await requireFund(c.var.db, fundId);
  const progress = await getDistributionProgress(c.var.db, { fundId: fund.id, id: distributionId });
  if (!progress) throw new FiscusError('NOT_FOUND', `distribution ${distributionId} not found`, { meta: { distributionId } });
  return { fund, progress };
}

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { fund, progress } = await load(c);
  return c.json(presentDistribution(progress, fund.decimals), 200);
};

export const allocations: AppRouteHandler<AllocationsRoute> = async (c) => {
  const { fund, progress } = await load(c as unknown as Parameters<AppRouteHandler<GetRoute>>[0]);
  const q = c.req.valid('query');
  const rows = await listAllocations(c.var.db, { id: progress.distribution.id, after: q.cursor, limit: q.limit });
  const f = (u: bigint) => formatUnits(u, fund.decimals);
  return c.json(
    {
      items: rows.map((r) => ({
        walletId: r.walletId,
        investorId: r.investorId,
        chain: r.chain,
        address: r.address,
        position: f(r.position),
        units: f(r.units),
        status: r.status,
        reason: r.reason,
        operationId: r.operationId,
      })),
      nextCursor: rows.length === q.limit ? rows.at(-1)!.walletId : null,
    },
    200,
  );
};

export const cancel: AppRouteHandler<CancelRoute> = async (c) => {
  const { fundId, distributionId } = c.req.valid('param');
  const fund = await requireFund(c.var.db, fundId);
  await cancelDistribution(c.var.db, { fundId: fund.id, id: distributionId, by: c.var.principal.keyId });
  const progress = (await getDistributionProgress(c.var.db, { fundId: fund.id, id: distributionId }))!;
  c.var.logger.info({ distributionId }, 'distribution cancelled');
  return c.json(presentDistribution(progress, fund.decimals), 200);
};

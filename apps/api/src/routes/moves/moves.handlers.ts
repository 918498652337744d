import { FiscusError, parseChainId } from '@fiscus/core';
import {
  clearHalt as clearFundHalt,
  getMoveLimits,
  listHalts,
  listMoves,
  moveView,
  requestMove,
  resolveMove,
  setChainPaused,
  setMoveLimits,
} from '@fiscus/engine';
import { normalizeFor, parseFundUnits, requireActiveDeployment, requireDriver, requireFund } from '../../lib/lookups.ts';
import type { Context } from 'hono';
import type { AppBindings, AppRouteHandler } from '../../lib/types.ts';
import type { ClearHaltRoute, CreateRoute, GetLimitsRoute, GetRoute, HaltsRoute, ListRoute, PauseRoute, PutLimitsRoute, ResolveRoute } from './moves.routes.ts';
import { presentHalt, presentLimits, presentMove } from './moves.schemas.ts';

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const db = c.var.db;
  const body = c.req.valid('json');
  const fund = await requireFund(db, c.req.valid('param').fundId);
  const units = parseFundUnits('units', body.units, fund.decimals);
  const end = (side: 'from' | 'to') => {
    const driver = requireDriver(c.var.deps.drivers, body[side].chain);
    return { chain: driver.chain, wallet: normalizeFor(driver, `${side}.wallet`, body[side].wallet) };
  };
  const from = end('from');
  const to = end('to');
  const row = await requestMove(db, { fundId: fund.id, from, to, units, requestedBy: c.var.principal.keyId });
  c.var.logger.info({ moveId: row.id, from: from.chain, to: to.chain, units: body.units }, 'move requested');
  return c.json({ move: presentMove(await moveView(db, fund.id, row.id), fund.decimals) }, 202);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const q = c.req.valid('query');
  const rows = await listMoves(c.var.db, fund.id, { state: q.state, limit: q.limit });
  return c.json({ items: rows.map((m) => presentMove(m, fund.decimals)) }, 200);
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { fundId, moveId } = c.req.valid('param');
  const fund = await requireFund(c.var.db, fundId);
  return c.json({ move: presentMove(await moveView(c.var.db, fund.id, moveId), fund.decimals) }, 200);
};

/** An operator's way out for a stranded move; the engine checks the move and the target wallet. */
export const resolve: AppRouteHandler<ResolveRoute> = async (c) => {
  const db = c.var.db;
  const { fundId, moveId } = c.req.valid('param');
  const body = c.req.valid('json');
  const fund = await requireFund(db, fundId);
  let where: { chain?: string; address?: string } = {};
  if (body.action === 'remint') {
    const driver = requireDriver(c.var.deps.drivers, body.chain);
    where = { chain: driver.chain, address: normalizeFor(driver, 'address', body.address) };
  }
  const row = await resolveMove(db, { fundId: fund.id, moveId, action: body.action, ...where, actor: c.var.principal.keyId });
  c.var.logger.info({ moveId: row.id, action: body.action, ...where, operationId: row.compensationOperationId }, 'stranded move resolved');
  return c.json({ move: presentMove(await moveView(db, fund.id, row.id), fund.decimals) }, 202);
};

/** The fund must exist and be deployed on a configured chain to carry limits for it. */
async function chainOf(c: Context<AppBindings>, p: { fundId: string; chain: string }) {
  const fund = await requireFund(c.var.db, p.fundId);
  const chain = requireDriver(c.var.deps.drivers, parseChainId(p.chain).id).chain;
  await requireActiveDeployment(c.var.db, fund.id, chain);
  return { fund, chain };
}

export const putLimits: AppRouteHandler<PutLimitsRoute> = async (c) => {
  const { fund, chain } = await chainOf(c, c.req.valid('param'));
  const body = c.req.valid('json');
  const parse = (field: 'outboundPer24h' | 'inboundPer24h') => (body[field] === null ? null : parseFundUnits(field, body[field]!, fund.decimals));
  const limits = await setMoveLimits(c.var.db, {
    fundId: fund.id,
    chain,
    outboundPer24h: parse('outboundPer24h'),
    inboundPer24h: parse('inboundPer24h'),
    actor: c.var.principal.keyId,
  });
  return c.json(presentLimits(limits, fund.decimals), 200);
};

export const getLimits: AppRouteHandler<GetLimitsRoute> = async (c) => {
  const { fund, chain } = await chainOf(c, c.req.valid('param'));
  return c.json(presentLimits(await getMoveLimits(c.var.db, fund.id, chain), fund.decimals), 200);
};

const pauseHandler =
  (paused: boolean): AppRouteHandler<PauseRoute> =>
  async (c) => {
    const { fund, chain } = await chainOf(c, c.req.valid('param'));
    const limits = await setChainPaused(c.var.db, { fundId: fund.id, chain, paused, actor: c.var.principal.keyId });
    return c.json(presentLimits(limits, fund.decimals), 200);
  };
export const pause = pauseHandler(true);
export const unpause = pauseHandler(false);

export const halts: AppRouteHandler<HaltsRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  return c.json({ items: (await listHalts(c.var.db, fund.id)).map(presentHalt) }, 200);
};

export const clearHalt: AppRouteHandler<ClearHaltRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const halt = await clearFundHalt(c.var.db, { fundId: fund.id, actor: c.var.principal.keyId });
  if (!halt) throw new FiscusError('CONFLICT', `fund ${fund.id} has no open halt`);
  return c.json({ halt: presentHalt(halt) }, 200);
};

import { formatNav } from '@fiscus/core';
import { guardsFor, publishNav, setNavGuards } from '@fiscus/engine';
import { appendAudit, listNavPublications } from '@fiscus/ledger';
import { requireFund } from '../../lib/lookups.ts';
import { oracleChains } from '../../lib/oracle-chains.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { presentOperation } from '../operations/operations.schemas.ts';
import type { GetRoute, PublishRoute, UpdateGuardsRoute } from './nav.routes.ts';
import { parseNavText, presentNav } from './nav.schemas.ts';

export const publish: AppRouteHandler<PublishRoute> = async (c) => {
  const db = c.var.db;
  const fund = await requireFund(db, c.req.valid('param').fundId);
  const body = c.req.valid('json');
  const nav = parseNavText('nav', body.nav);
  const chains = await oracleChains(db, c.var.deps.drivers, fund.id);
  const { publication, operations } = await publishNav(db, { fundId: fund.id, nav, by: c.var.principal.keyId, reason: body.reason, chains });
  await appendAudit(db, {
    actor: c.var.principal.keyId,
    action: 'nav.published',
    subject: fund.id,
    data: { round: publication.round.toString(), nav: formatNav(nav), chains, reason: body.reason ?? null },
  });
  return c.json({ publication: presentNav(publication), operations: operations.map((o) => presentOperation(o, fund.decimals)) }, 201);
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const db = c.var.db;
  const fund = await requireFund(db, c.req.valid('param').fundId);
  const { limit, before } = c.req.valid('query');
  const rows = await listNavPublications(db, { fundId: fund.id, beforeRound: before === undefined ? undefined : BigInt(before), limit });
  const [latest] = before === undefined ? rows : await listNavPublications(db, { fundId: fund.id, limit: 1 });
  return c.json(
    {
      current: latest ? presentNav(latest) : null,
      guards: await guardsFor(db, fund.id),
      history: rows.map(presentNav),
      nextCursor: rows.length === limit ? rows.at(-1)!.round.toString() : null,
    },
    200,
  );
};

export const updateGuards: AppRouteHandler<UpdateGuardsRoute> = async (c) => {
  const db = c.var.db;
  const fund = await requireFund(db, c.req.valid('param').fundId);
  const guards = await setNavGuards(db, fund.id, { ...(await guardsFor(db, fund.id)), ...c.req.valid('json') });
  await appendAudit(db, { actor: c.var.principal.keyId, action: 'nav.guards_updated', subject: fund.id, data: { ...guards } });
  return c.json(guards, 200);
};

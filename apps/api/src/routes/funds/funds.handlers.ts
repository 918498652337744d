import { newId, parseFund } from '@fiscus/core';
import { appendAudit, insertFund, listFunds, updateFundPolicy } from '@fiscus/ledger';
import { parseFundUnits, requireFund } from '../../lib/lookups.ts';
import { mirrorPolicyOnChains } from '../../lib/policy-sync.ts';
import { initFundNav } from '@fiscus/engine';
import { parseNavText } from '../nav/nav.schemas.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { CreateRoute, GetRoute, ListRoute, UpdatePolicyRoute } from './funds.routes.ts';
import { canonicalPolicy, presentFund, presentFundItem, toPolicyJson } from './funds.schemas.ts';

const DEFAULT_DECIMALS = 6;

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const body = c.req.valid('json');
  const db = c.var.db;
  const decimals = body.decimals ?? DEFAULT_DECIMALS;
  const threshold = body.mintApprovalThreshold ? parseFundUnits('mintApprovalThreshold', body.mintApprovalThreshold, decimals) : null;
  // core's parseFund is the one place fund rules live (symbol format, limits within unit range).
  const fund = parseFund({
    id: newId('fund'),
    name: body.name,
    symbol: body.symbol,
    decimals,
    policy: body.policy ? toPolicyJson(body.policy, decimals) : undefined,
    mintApprovalThreshold: threshold,
  });
  const row = await insertFund(db, {
    id: fund.id,
    name: fund.name,
    symbol: fund.symbol,
    decimals: fund.decimals,
    policy: canonicalPolicy(body.policy ?? {}, decimals),
    mintApprovalThreshold: fund.mintApprovalThreshold ?? null,
    // New funds are SEP-8 regulated on Stellar unless the issuer opts out (the column's own
    // default stays false, so funds created before the option keep their behaviour).
    stellarSep8: body.stellarSep8 ?? true,
  });
  // Every fund has a NAV from birth (round 1), so pricing and reserve checks never meet a gap.
  await initFundNav(db, { fundId: row.id, nav: body.nav ? parseNavText('nav', body.nav) : undefined, by: c.var.principal.keyId, guards: body.navGuards });
  await appendAudit(db, { actor: c.var.principal.keyId, action: 'fund.created', subject: row.id, data: presentFund(row) });
  return c.json(presentFund(row), 201);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const { limit, cursor } = c.req.valid('query');
  const rows = await listFunds(c.var.db, { after: cursor, limit });
  return c.json({ items: rows.map(presentFundItem), nextCursor: rows.length === limit ? rows.at(-1)!.id : null }, 200);
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  return c.json(presentFund(fund), 200);
};

export const updatePolicy: AppRouteHandler<UpdatePolicyRoute> = async (c) => {
  const db = c.var.db;
  const fund = await requireFund(db, c.req.valid('param').fundId);
  const policy = canonicalPolicy(c.req.valid('json'), fund.decimals);
  const row = (await updateFundPolicy(db, { id: fund.id, policy }))!;
  // Chains that enforce the policy on chain (ERC-3643 modules) get it before the row commits.
  const chains = await mirrorPolicyOnChains(db, c.var.deps.drivers, { fundId: fund.id, policy });
  await appendAudit(db, { actor: c.var.principal.keyId, action: 'fund.policy_updated', subject: fund.id, data: { policy, chains } as Record<string, unknown> });
  return c.json(presentFund(row), 200);
};

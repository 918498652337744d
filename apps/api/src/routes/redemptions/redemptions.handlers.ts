import { FiscusError, formatUnits, formatUsd } from '@fiscus/core';
import {
  acceptRedemption,
  checkCompliance,
  confirmPayout as confirm,
  getRedemption,
  getRedemptionRules,
  listRedemptions,
  requestRedemption,
  requireFreshNav,
  setRedemptionRules,
} from '@fiscus/engine';
import { listInvestorWallets } from '@fiscus/ledger';
import { assertInvestorScope } from '../../auth/roles.ts';
import { parseFundUnits, requireActiveDeployment, requireFund } from '../../lib/lookups.ts';
import { requireAuthorized, requireOwnedWallet, requireSpendable, spendable } from '../../lib/positions.ts';
import { resolveHolderRequest } from '../../lib/holder-request.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { presentOperation } from '../operations/operations.schemas.ts';
import { parseUsdField } from '../custody/custody.schemas.ts';
import type { AcceptRoute, ConfirmPayoutRoute, CreateRoute, GetRoute, GetRulesRoute, ListRoute, PutRulesRoute } from './redemptions.routes.ts';
import { presentPayout, presentRedemption } from './redemptions.schemas.ts';

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const db = c.var.db;
  const body = c.req.valid('json');
  // An investor key redeems for itself only, whatever else the body says.
  assertInvestorScope(c.var.principal, body.investorId);
  const { fund, investor, chain, address } = await resolveHolderRequest(db, c.var.deps.drivers, { ...body, fundId: c.req.valid('param').fundId });
  const units = parseFundUnits('units', body.units, fund.decimals);
  await requireActiveDeployment(db, fund.id, chain);
  const { wallet, fundWallet } = await requireOwnedWallet(db, c.var.principal, { fundId: fund.id, investorId: investor.id, chain, address });
  requireAuthorized(fundWallet);
  await checkCompliance(db, { fundId: fund.id, investorId: investor.id, action: 'redeem', units });
  requireSpendable(await spendable(db, fundWallet), units, (u: bigint) => formatUnits(u, fund.decimals));
  // Priced at the NAV current now; a stale NAV refuses the request (NAV_STALE) rather than misprice it.
  const nav = await requireFreshNav(db, fund.id);
  const { operation, redemption } = await requestRedemption(db, {
    fundId: fund.id,
    chain,
    address,
    units,
    investorId: investor.id,
    walletId: wallet.id,
    requestedBy: c.var.principal.keyId,
    nav,
    payToWalletId: body.payToWalletId,
  });
  return c.json(
    { operation: presentOperation(operation, fund.decimals), redemption: presentRedemption({ redemption, queuePosition: null, payout: null }, fund.decimals) },
    202,
  );
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const q = c.req.valid('query');
  const { principal } = c.var;
  const before = q.cursor ? (await getRedemption(c.var.db, { fundId: fund.id, id: q.cursor }))?.redemption : undefined;
  const rows = await listRedemptions(c.var.db, {
    fundId: fund.id,
    state: q.state,
    investorId: principal.role === 'investor' ? (principal.investorId ?? '') : undefined,
    before: before ? { createdAt: before.createdAt, id: before.id } : undefined,
    limit: q.limit,
  });
  return c.json({ items: rows.map((r) => presentRedemption(r, fund.decimals)), nextCursor: rows.length === q.limit ? rows.at(-1)!.redemption.id : null }, 200);
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { fundId, redemptionId } = c.req.valid('param');
  const fund = await requireFund(c.var.db, fundId);
  const view = await getRedemption(c.var.db, { fundId: fund.id, id: redemptionId });
  if (!view) throw new FiscusError('NOT_FOUND', `redemption ${redemptionId} not found`, { meta: { redemptionId } });
  if (c.var.principal.role === 'investor' && view.redemption.investorId !== c.var.principal.investorId) {
    throw new FiscusError('FORBIDDEN', 'this redemption belongs to another investor');
  }
  return c.json(presentRedemption(view, fund.decimals), 200);
};

export const confirmPayout: AppRouteHandler<ConfirmPayoutRoute> = async (c) => {
  const { fundId, redemptionId, payoutId } = c.req.valid('param');
  const fund = await requireFund(c.var.db, fundId);
  const payout = await confirm(c.var.db, { fundId: fund.id, redemptionId, payoutId, reference: c.req.valid('json').reference, by: c.var.principal.keyId });
  return c.json(presentPayout(payout), 200);
};

const presentRules = (r: { minRedemptionUsd: bigint; dailyLiquidityUsd: bigint | null; payoutAccount: string }) => ({
  minRedemptionUsd: formatUsd(r.minRedemptionUsd),
  dailyLiquidityUsd: r.dailyLiquidityUsd === null ? null : formatUsd(r.dailyLiquidityUsd),
  payoutAccount: r.payoutAccount,
});

export const getRules: AppRouteHandler<GetRulesRoute> = async (c) => {
  const { fundId } = c.req.valid('param');
  // An investor reads the terms of the funds it holds a wallet in; checked before the fund
  // lookup so a 404 never tells an investor which other funds exist.
  const { role, investorId } = c.var.principal;
  if (role === 'investor') {
    const wallets = await listInvestorWallets(c.var.db, { investorId: investorId! });
    if (!wallets.some((w) => w.funds.some((f) => f.fundId === fundId))) {
      throw new FiscusError('FORBIDDEN', 'this API key’s investor holds no wallet in this fund');
    }
  }
  const fund = await requireFund(c.var.db, fundId);
  return c.json(presentRules(await getRedemptionRules(c.var.db, fund.id)), 200);
};

export const putRules: AppRouteHandler<PutRulesRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const b = c.req.valid('json');
  const rules = {
    minRedemptionUsd: parseUsdField('minRedemptionUsd', b.minRedemptionUsd, { allowZero: true }),
    dailyLiquidityUsd: b.dailyLiquidityUsd === null ? null : parseUsdField('dailyLiquidityUsd', b.dailyLiquidityUsd),
    payoutAccount: b.payoutAccount,
  };
  if (rules.dailyLiquidityUsd !== null && rules.dailyLiquidityUsd <= 0n) {
    throw new FiscusError('INVALID_AMOUNT', 'dailyLiquidityUsd must be positive (or null for no limit)', { meta: { field: 'dailyLiquidityUsd' } });
  }
  await setRedemptionRules(c.var.db, fund.id, rules);
  return c.json(presentRules(rules), 200);
};

export const accept: AppRouteHandler<AcceptRoute> = async (c) => {
  const { fundId, redemptionId } = c.req.valid('param');
  const fund = await requireFund(c.var.db, fundId);
  const row = await acceptRedemption(c.var.db, { fundId: fund.id, redemptionId, by: c.var.principal.keyId });
  const view = await getRedemption(c.var.db, { fundId: fund.id, id: row.id });
  return c.json(presentRedemption(view!, fund.decimals), 200);
};

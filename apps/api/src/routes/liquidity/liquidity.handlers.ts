import { FiscusError, settlementCapsOf, stablecoinSettlementOf, type ChainId, type SettlementAsset, type SettlementCaps } from '@fiscus/core';
import {
  chainLiquidity,
  enableSettlementChain,
  getSettlementChain,
  latestStablecoinReconciliations,
  listSettlementChains,
  loadDeployment,
  reconcileStablecoin,
  recordLiquidityMove,
} from '@fiscus/engine';
import { appendAudit } from '@fiscus/ledger';
import { requireActiveDeployment, requireFund } from '../../lib/lookups.ts';
import type { AppBindings, AppRouteHandler } from '../../lib/types.ts';
import { parseUsdField } from '../custody/custody.schemas.ts';
import type { EnableRoute, GetCapsRoute, ListReconciliationsRoute, ListRoute, MoveRoute, ReconcileRoute, SetCapsRoute } from './liquidity.routes.ts';
import { presentCaps, presentLiquidity, presentStablecoinReconciliation } from './liquidity.schemas.ts';

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const chains = await listSettlementChains(c.var.db, fund.id);
  const items = await Promise.all(
    chains.map(async (ch) => presentLiquidity(ch, await chainLiquidity(c.var.db, fund.id, ch.chain), await assetOn(c.var, fund.id, ch.chain))),
  );
  return c.json({ items }, 200);
};

export const enable: AppRouteHandler<EnableRoute> = async (c) => {
  const { fundId, chain } = c.req.valid('param');
  const fund = await requireFund(c.var.db, fundId);
  await requireActiveDeployment(c.var.db, fund.id, chain);
  const driver = c.var.deps.drivers.get(chain as ChainId);
  const settlement = driver && stablecoinSettlementOf(driver);
  if (!settlement) throw new FiscusError('CAPABILITY_UNSUPPORTED', `no stablecoin is configured on ${chain}`, { meta: { chain } });
  const { deployment } = await loadDeployment(c.var.db, fund.id, chain);
  const treasuryAddress = c.req.valid('json').treasuryAddress ?? settlement.treasuryAddress(deployment);
  const row = await enableSettlementChain(c.var.db, { fundId: fund.id, chain: chain as ChainId, treasuryAddress, by: c.var.principal.keyId });
  return c.json(presentLiquidity(row, await chainLiquidity(c.var.db, fund.id, chain), settlement.settlementAsset(deployment)), 200);
};

export const move: AppRouteHandler<MoveRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const body = c.req.valid('json');
  if ((body.fromCashAccount === undefined) === (body.fromChain === undefined)) {
    throw new FiscusError('VALIDATION_FAILED', 'name exactly one of fromCashAccount and fromChain');
  }
  const from = body.fromCashAccount !== undefined ? { cash: body.fromCashAccount } : { chain: body.fromChain! };
  const { entryId } = await recordLiquidityMove(c.var.db, {
    fundId: fund.id,
    toChain: body.toChain,
    from,
    usd: parseUsdField('usd', body.usd),
    reference: body.reference,
    by: c.var.principal.keyId,
  });
  return c.json({ entryId: entryId.toString() }, 201);
};

export const reconcile: AppRouteHandler<ReconcileRoute> = async (c) => {
  const { fundId, chain } = c.req.valid('param');
  const fund = await requireFund(c.var.db, fundId);
  if (!(await getSettlementChain(c.var.db, fund.id, chain))) {
    throw new FiscusError('NOT_FOUND', `fund ${fund.id} does not settle in stablecoin on ${chain}`, { meta: { chain } });
  }
  const row = await reconcileStablecoin(c.var.db, c.var.deps.drivers, { fundId: fund.id, chain, by: c.var.principal.keyId });
  return c.json(presentStablecoinReconciliation(row), 201);
};

export const listReconciliations: AppRouteHandler<ListReconciliationsRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const rows = await latestStablecoinReconciliations(c.var.db, fund.id);
  return c.json({ items: rows.map(presentStablecoinReconciliation) }, 200);
};

/** The stablecoin of the fund on `chain`, as wallets name it (null when this process has no driver for the chain). */
async function assetOn(v: AppBindings['Variables'], fundId: string, chain: string): Promise<SettlementAsset | null> {
  const driver = v.deps.drivers.get(chain as ChainId);
  const settlement = driver && stablecoinSettlementOf(driver);
  if (!settlement) return null;
  return settlement.settlementAsset((await loadDeployment(v.db, fundId, chain)).deployment);
}

/** The chain's caps control and the fund's deployment there, or the reason there is none. */
async function capsTarget(v: AppBindings['Variables'], fundId: string, chain: string) {
  const fund = await requireFund(v.db, fundId);
  await requireActiveDeployment(v.db, fund.id, chain);
  const driver = v.deps.drivers.get(chain as ChainId);
  const control = driver && settlementCapsOf(driver);
  if (!control) throw new FiscusError('CAPABILITY_UNSUPPORTED', `${chain} has no on-chain settlement contracts with limits`, { meta: { chain } });
  const { deployment } = await loadDeployment(v.db, fund.id, chain);
  return { fund, control, deployment };
}

export const getCaps: AppRouteHandler<GetCapsRoute> = async (c) => {
  const { fundId, chain } = c.req.valid('param');
  const { control, deployment } = await capsTarget(c.var, fundId, chain);
  return c.json(presentCaps(chain, await control.settlementCaps(deployment)), 200);
};

export const setCaps: AppRouteHandler<SetCapsRoute> = async (c) => {
  const { fundId, chain } = c.req.valid('param');
  const body = c.req.valid('json');
  const caps: Partial<SettlementCaps> = {};
  if (body.subscriptionDailyUsd !== undefined)
    caps.subscriptionDailyUsd = parseUsdField('subscriptionDailyUsd', body.subscriptionDailyUsd, { allowZero: true });
  if (body.subscriptionInvestorDailyUsd !== undefined)
    caps.subscriptionInvestorDailyUsd = parseUsdField('subscriptionInvestorDailyUsd', body.subscriptionInvestorDailyUsd, { allowZero: true });
  if (body.instantRedemptionDailyUsd !== undefined)
    caps.instantRedemptionDailyUsd = parseUsdField('instantRedemptionDailyUsd', body.instantRedemptionDailyUsd, { allowZero: true });
  if (Object.keys(caps).length === 0) throw new FiscusError('VALIDATION_FAILED', 'name at least one limit');
  const { fund, control, deployment } = await capsTarget(c.var, fundId, chain);
  let transactions: number;
  try {
    transactions = await control.applySettlementCaps(deployment, caps);
  } catch (e) {
    const driver = c.var.deps.drivers.get(chain as ChainId)!;
    const err = e instanceof FiscusError ? e : driver.parseError(e);
    throw new FiscusError(err.code, `limits not applied on ${chain}: ${err.shortMessage}`, { cause: e, meta: { ...err.meta, chain } });
  }
  const now = await control.settlementCaps(deployment);
  await appendAudit(c.var.db, {
    actor: c.var.principal.keyId,
    action: 'settlement.caps_set',
    subject: fund.id,
    data: { chain, transactions, ...Object.fromEntries(Object.entries(presentCaps(chain, now)).filter(([k]) => k !== 'chain')) },
  });
  return c.json({ ...presentCaps(chain, now), transactions }, 200);
};

import { formatUsd } from '@fiscus/core';
import { cashBalances, custodyHoldings, matureLot, purchaseLot, recordCashMovement, rollLot, type LotSpec } from '@fiscus/engine';
import { requireFund } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { CashMovementRoute, CashRoute, HoldingsRoute, MatureRoute, PurchaseRoute, RollRoute } from './custody.routes.ts';
import { balanceList, parseUsdField, presentLot, presentMovement } from './custody.schemas.ts';

type LotBody = {
  cusip: string;
  custodian: string;
  faceValue: string;
  purchasePrice: string;
  settlementDate: string;
  maturityDate: string;
  cashAccount: string;
};

const lotSpec = (b: LotBody, prefix = ''): LotSpec => ({
  cusip: b.cusip,
  custodian: b.custodian,
  faceValue: parseUsdField(`${prefix}faceValue`, b.faceValue),
  purchasePrice: parseUsdField(`${prefix}purchasePrice`, b.purchasePrice),
  settlementDate: b.settlementDate,
  maturityDate: b.maturityDate,
  cashAccount: b.cashAccount,
});

export const purchase: AppRouteHandler<PurchaseRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const lot = await purchaseLot(c.var.db, { fundId: fund.id, lot: lotSpec(c.req.valid('json')), by: c.var.principal.keyId });
  return c.json(presentLot(lot), 201);
};

export const mature: AppRouteHandler<MatureRoute> = async (c) => {
  const { fundId, lotId } = c.req.valid('param');
  const fund = await requireFund(c.var.db, fundId);
  const body = c.req.valid('json');
  const lot = await matureLot(c.var.db, { fundId: fund.id, lotId, asOf: body.asOf, cashAccount: body.cashAccount, by: c.var.principal.keyId });
  return c.json(presentLot(lot), 200);
};

export const roll: AppRouteHandler<RollRoute> = async (c) => {
  const { fundId, lotId } = c.req.valid('param');
  const fund = await requireFund(c.var.db, fundId);
  const body = c.req.valid('json');
  const r = await rollLot(c.var.db, { fundId: fund.id, lotId, asOf: body.asOf, next: lotSpec(body.next, 'next.'), by: c.var.principal.keyId });
  return c.json({ matured: presentLot(r.matured), lot: presentLot(r.lot) }, 200);
};

export const cashMovement: AppRouteHandler<CashMovementRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const b = c.req.valid('json');
  const r = await recordCashMovement(c.var.db, {
    fundId: fund.id,
    account: b.account,
    direction: b.direction,
    amount: parseUsdField('amount', b.amount),
    reference: b.reference,
    counterparty: b.counterparty,
    by: c.var.principal.keyId,
  });
  return r.replayed ? c.json(presentMovement(r.movement), 200) : c.json(presentMovement(r.movement), 201);
};

export const holdings: AppRouteHandler<HoldingsRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const h = await custodyHoldings(c.var.db, fund.id);
  return c.json(
    {
      lots: h.lots.map(presentLot),
      totals: { heldAtCost: formatUsd(h.heldAtCost), heldAtFace: formatUsd(h.heldAtFace) },
      balances: balanceList(h.custodyBalances),
    },
    200,
  );
};

export const cash: AppRouteHandler<CashRoute> = async (c) => {
  const fund = await requireFund(c.var.db, c.req.valid('param').fundId);
  const balances = await cashBalances(c.var.db, fund.id);
  const total = [...balances.values()].reduce((s, v) => s + v, 0n);
  return c.json({ balances: balanceList(balances), total: formatUsd(total) }, 200);
};

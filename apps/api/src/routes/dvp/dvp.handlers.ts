import { StellarDriver } from '@fiscus/chain-stellar';
import { FiscusError, formatNav, formatUnits, formatUsd, microUsdToStablecoin } from '@fiscus/core';
import {
  checkCompliance,
  getDvpQuote,
  getSettlementChain,
  loadDeployment,
  quoteStatus,
  quoteSubscription,
  recordDvpQuote,
  requireFreshNav,
} from '@fiscus/engine';
import { assertInvestorScope } from '../../auth/roles.ts';
import { resolveHolderRequest } from '../../lib/holder-request.ts';
import { parseFundUnits, requireActiveDeployment, requireFund } from '../../lib/lookups.ts';
import { requireAuthorized, requireOwnedWallet } from '../../lib/positions.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { parseUsdField } from '../custody/custody.schemas.ts';
import type { GetQuoteRoute, QuoteRoute } from './dvp.routes.ts';

const DEFAULT_EXPIRY_SEC = 300;

export const quote: AppRouteHandler<QuoteRoute> = async (c) => {
  const db = c.var.db;
  const body = c.req.valid('json');
  assertInvestorScope(c.var.principal, body.investorId);
  if ((body.units === undefined) === (body.usd === undefined)) throw new FiscusError('VALIDATION_FAILED', 'name exactly one of units and usd');
  const { fund, investor, driver, chain, address } = await resolveHolderRequest(db, c.var.deps.drivers, { ...body, fundId: c.req.valid('param').fundId });
  if (!(driver instanceof StellarDriver) || !driver.capabilities.settlement) {
    throw new FiscusError('CAPABILITY_UNSUPPORTED', `delivery-versus-payment quotes are for Stellar chains with a stablecoin, not ${chain}`, {
      meta: { chain },
    });
  }
  if (!(await getSettlementChain(db, fund.id, chain)))
    throw new FiscusError('CAPABILITY_UNSUPPORTED', `fund ${fund.id} does not settle in stablecoin on ${chain}`);
  await requireActiveDeployment(db, fund.id, chain);
  const { wallet, fundWallet } = await requireOwnedWallet(db, c.var.principal, { fundId: fund.id, investorId: investor.id, chain, address });
  requireAuthorized(fundWallet);
  const nav = await requireFreshNav(db, fund.id);
  const priced = quoteSubscription(
    body.units !== undefined ? { units: parseFundUnits('units', body.units, fund.decimals) } : { usd: parseUsdField('usd', body.usd!) },
    nav.nav,
    fund.decimals,
  );
  await checkCompliance(db, { fundId: fund.id, investorId: investor.id, action: 'subscribe', units: priced.units });
  // The investor pays the units' cost: with `usd`, the micro-dollars that buy no whole base unit stay with the investor.
  const { amount: stroops } = microUsdToStablecoin(priced.cost, 7);
  const expiresAt = new Date(Date.now() + (body.expiresInSec ?? DEFAULT_EXPIRY_SEC) * 1000);
  const { deployment } = await loadDeployment(db, fund.id, chain);
  const tx = await driver.dvpSubscription(deployment, { investor: address, units: priced.units, stroops, validUntil: expiresAt });
  const row = await recordDvpQuote(db, {
    fundId: fund.id,
    chain,
    investorId: investor.id,
    walletId: wallet.id,
    address,
    units: priced.units,
    usd: priced.cost,
    nav: priced.nav,
    txHash: tx.hash,
    expiresAt: tx.validUntil,
    by: c.var.principal.keyId,
  });
  return c.json(
    {
      quoteId: row.id,
      units: formatUnits(priced.units, fund.decimals),
      usd: formatUsd(priced.cost),
      stablecoinAmount: `${stroops / 10_000_000n}.${(stroops % 10_000_000n).toString().padStart(7, '0')}`,
      nav: formatNav(priced.nav),
      rule: priced.rule,
      expiresAt: tx.validUntil.toISOString(),
      transaction: { xdr: tx.xdr, hash: tx.hash, networkPassphrase: tx.networkPassphrase, source: tx.source },
    },
    201,
  );
};

export const getQuote: AppRouteHandler<GetQuoteRoute> = async (c) => {
  const { fundId, quoteId } = c.req.valid('param');
  const fund = await requireFund(c.var.db, fundId);
  const q = await getDvpQuote(c.var.db, fund.id, quoteId);
  assertInvestorScope(c.var.principal, q.investorId);
  return c.json(
    {
      quoteId: q.id,
      chain: q.chain,
      investorId: q.investorId,
      address: q.address,
      units: formatUnits(q.units, fund.decimals),
      usd: formatUsd(q.usd),
      nav: formatNav({ value: q.navValue, scale: q.navScale }),
      txHash: q.txHash,
      status: quoteStatus(q, new Date()),
      expiresAt: q.expiresAt.toISOString(),
      settledAt: q.settledAt?.toISOString() ?? null,
    },
    200,
  );
};

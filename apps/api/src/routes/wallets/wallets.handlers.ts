import { FiscusError, newId } from '@fiscus/core';
import { checkCompliance, requestOperation } from '@fiscus/engine';
import { ensureWallet, getFundWallet, listInvestorWallets, upsertPendingFundWallet } from '@fiscus/ledger';
import { assertInvestorScope } from '../../auth/roles.ts';
import { requireActiveDeployment, requireCapability, requireInvestor } from '../../lib/lookups.ts';
import { requireTrustline } from '../../lib/trustline.ts';
import { resolveHolderRequest } from '../../lib/holder-request.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import { presentOperation } from '../operations/operations.schemas.ts';
import type { ListRoute, RegisterRoute } from './wallets.routes.ts';
import { presentInvestorWallet, presentStanding, presentWallet } from './wallets.schemas.ts';

/** Standings that already have (or are getting) an authorization: registering again is a 409. */
const LIVE = new Set(['pending', 'authorized', 'frozen']);

export const register: AppRouteHandler<RegisterRoute> = async (c) => {
  const db = c.var.db;
  const body = c.req.valid('json');
  const { fund, investor, driver, chain, address } = await resolveHolderRequest(db, c.var.deps.drivers, { ...body, fundId: c.req.valid('param').fundId });
  requireCapability(driver, 'authorize', 'authorize wallets');
  const deployment = await requireActiveDeployment(db, fund.id, chain);
  // KYC, jurisdiction and investor type are checked before anything is written or signed.
  await checkCompliance(db, { fundId: fund.id, investorId: investor.id, action: 'receive', units: 0n });
  // Stellar: the holder's trustline must exist before the issuer can authorize it.
  await requireTrustline(driver, deployment, address, c.var.deps.chainReadTimeoutMs ?? 3_000);

  const wallet = await ensureWallet(db, { id: newId('wal'), investorId: investor.id, chain, address });
  if (wallet.investorId !== investor.id) {
    throw new FiscusError('CONFLICT', `${address} on ${chain} belongs to another investor`, { meta: { chain, address } });
  }
  const existing = await getFundWallet(db, { fundId: fund.id, walletId: wallet.id, lock: true });
  if (existing && LIVE.has(existing.status)) {
    throw new FiscusError('CONFLICT', `wallet ${wallet.id} is already registered for fund ${fund.id} (${existing.status})`, {
      meta: { walletId: wallet.id, status: existing.status },
    });
  }
  const standing = await upsertPendingFundWallet(db, { fundId: fund.id, walletId: wallet.id });
  const operation = await requestOperation(db, {
    fundId: fund.id,
    chain,
    body: { kind: 'authorize', address, investorId: investor.id, country: investor.jurisdictionNumeric },
    context: { walletId: wallet.id, investorId: investor.id },
    requestedBy: c.var.principal.keyId,
  });
  return c.json(
    { wallet: presentWallet(wallet), standing: presentStanding(standing, fund.decimals), operation: presentOperation(operation, fund.decimals) },
    202,
  );
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const { investorId } = c.req.valid('param');
  assertInvestorScope(c.var.principal, investorId);
  await requireInvestor(c.var.db, investorId);
  const rows = await listInvestorWallets(c.var.db, { investorId });
  return c.json({ items: rows.map(presentInvestorWallet) }, 200);
};

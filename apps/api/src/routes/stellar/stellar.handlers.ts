import { FiscusError, feeSponsorshipOf, newId, sponsoredReservesOf, type ChainDriver } from '@fiscus/core';
import { checkCompliance } from '@fiscus/engine';
import { ensureWallet, getWalletByAddress, requireDeploymentOf } from '@fiscus/ledger';
import { assertInvestorScope } from '../../auth/roles.ts';
import { resolveHolderRequest } from '../../lib/holder-request.ts';
import { requireActiveDeployment, requireDriver, requireFund } from '../../lib/lookups.ts';
import type { AppRouteHandler } from '../../lib/types.ts';
import type { FeeBumpRoute, TrustlineTransactionRoute } from './stellar.routes.ts';

/** Sponsorship and fee bumps are Stellar notions (driver extensions): other chains' drivers answer 422. */
function required<T>(driver: ChainDriver, extension: T | undefined, capability: 'sponsoredReserves' | 'feeSponsorship', what: string): T {
  if (!extension)
    throw new FiscusError('CAPABILITY_UNSUPPORTED', `${driver.chain} has no ${what} (Stellar only)`, { meta: { chain: driver.chain, capability } });
  return extension;
}

export const trustlineTransaction: AppRouteHandler<TrustlineTransactionRoute> = async (c) => {
  const db = c.var.db;
  const body = c.req.valid('json');
  assertInvestorScope(c.var.principal, body.investorId);
  const { fund, investor, driver, chain, address } = await resolveHolderRequest(db, c.var.deps.drivers, { ...body, fundId: c.req.valid('param').fundId });
  const sponsorship = required(driver, sponsoredReservesOf(driver), 'sponsoredReserves', 'sponsored reserves');
  const deployment = await requireActiveDeployment(db, fund.id, chain);
  // The reserve is the platform's money: only investors who could hold the asset get one.
  await checkCompliance(db, { fundId: fund.id, investorId: investor.id, action: 'receive', units: 0n });
  const wallet = await ensureWallet(db, { id: newId('wal'), investorId: investor.id, chain, address });
  if (wallet.investorId !== investor.id) {
    throw new FiscusError('CONFLICT', `${address} on ${chain} belongs to another investor`, { meta: { chain, address } });
  }
  const t = await sponsorship.sponsoredTrustline(requireDeploymentOf(deployment), address);
  return c.json(
    {
      chain,
      address,
      walletId: wallet.id,
      xdr: t.xdr,
      hash: t.hash,
      sponsor: t.sponsor,
      networkPassphrase: t.networkPassphrase,
      validUntil: t.validUntil.toISOString(),
    },
    200,
  );
};

export const feeBump: AppRouteHandler<FeeBumpRoute> = async (c) => {
  const db = c.var.db;
  const body = c.req.valid('json');
  const fund = await requireFund(db, c.req.valid('param').fundId);
  const driver = requireDriver(c.var.deps.drivers, body.chain);
  const sponsorship = required(driver, feeSponsorshipOf(driver), 'feeSponsorship', 'fee bumps');
  const deployment = await requireActiveDeployment(db, fund.id, driver.chain);
  const result = await sponsorship.feeBump(requireDeploymentOf(deployment), body.xdr, {
    // The fee account pays only for investors the platform knows (and, for an investor key, its own).
    approveSource: async (source) => {
      const wallet = await getWalletByAddress(db, { chain: driver.chain, address: source });
      if (!wallet) {
        throw new FiscusError('POLICY_DENIED', `${source} is not a wallet recorded for any investor on ${driver.chain}`, {
          details: 'register the wallet (POST /v1/funds/{fundId}/wallets) or request its trustline transaction first',
          meta: { reason: 'UNKNOWN_WALLET', chain: driver.chain, address: source },
        });
      }
      assertInvestorScope(c.var.principal, wallet.investorId);
    },
  });
  return c.json({ chain: driver.chain, ...result }, 200);
};

import { FiscusError, formatUnits, type ChainId } from '@fiscus/core';
import { checkCompliance, requestOperation } from '@fiscus/engine';
import type { Db, FundRow } from '@fiscus/ledger';
import { normalizeFor, parseFundUnits, requireActiveDeployment, requireCapability, requireDriver, requireFund, requireFundWallet } from '../../lib/lookups.ts';
import { requireAuthorized, requireSpendable, spendable } from '../../lib/positions.ts';
import type { AppDeps, AppRouteHandler } from '../../lib/types.ts';
import { presentOperation } from '../operations/operations.schemas.ts';
import type { ForcedTransferRoute, FreezeRoute, UnfreezeRoute } from './enforcement.routes.ts';

interface Target {
  fund: FundRow;
  chain: ChainId;
  driver: ReturnType<typeof requireDriver>;
}

async function target(db: Db, deps: AppDeps, fundId: string, chainText: string): Promise<Target> {
  const fund = await requireFund(db, fundId);
  const driver = requireDriver(deps.drivers, chainText);
  const chain = driver.chain as ChainId;
  await requireActiveDeployment(db, fund.id, chain);
  return { fund, chain, driver };
}

/** freeze and unfreeze share the checks; `direction` decides which state and units they need. */
async function freezeLike(c: Parameters<AppRouteHandler<FreezeRoute>>[0], direction: 'freeze' | 'unfreeze') {
  const db = c.var.db;
  const body = c.req.valid('json');
  const { fund, chain, driver } = await target(db, c.var.deps, c.req.valid('param').fundId, body.chain);
  const address = normalizeFor(driver, 'address', body.address);
  const units = body.units === undefined ? undefined : parseFundUnits('units', body.units, fund.decimals);
  requireCapability(driver, units === undefined ? 'freeze' : 'partialFreeze', units === undefined ? 'freeze wallets' : 'freeze part of a balance');
  const { wallet, fundWallet } = await requireFundWallet(db, { fundId: fund.id, chain, address, field: 'address', lock: true });
  const format = (u: bigint) => formatUnits(u, fund.decimals);
  if (units === undefined) {
    const wanted = direction === 'freeze' ? 'authorized' : 'frozen';
    if (fundWallet.status !== wanted) {
      throw new FiscusError('CONFLICT', `the wallet is ${fundWallet.status}; ${direction} needs it ${wanted}`, { meta: { status: fundWallet.status } });
    }
  } else if (direction === 'freeze') {
    requireSpendable(fundWallet.units - fundWallet.frozenUnits, units, format);
  } else {
    requireSpendable(fundWallet.frozenUnits, units, format);
  }
  const operation = await requestOperation(db, {
    fundId: fund.id,
    chain,
    body: units === undefined ? { kind: direction, address } : { kind: direction, address, units },
    context: { walletId: wallet.id, investorId: wallet.investorId },
    requestedBy: c.var.principal.keyId,
  });
  return c.json({ operation: presentOperation(operation, fund.decimals) }, 202);
}

export const freeze: AppRouteHandler<FreezeRoute> = (c) => freezeLike(c, 'freeze');
export const unfreeze: AppRouteHandler<UnfreezeRoute> = (c) => freezeLike(c, 'unfreeze');

export const forcedTransfer: AppRouteHandler<ForcedTransferRoute> = async (c) => {
  const db = c.var.db;
  const body = c.req.valid('json');
  const { fund, chain, driver } = await target(db, c.var.deps, c.req.valid('param').fundId, body.chain);
  requireCapability(driver, 'forceTransfer', 'force transfers');
  const from = normalizeFor(driver, 'from', body.from);
  const to = normalizeFor(driver, 'to', body.to);
  if (from === to) throw new FiscusError('VALIDATION_FAILED', 'from and to are the same wallet');
  const units = parseFundUnits('units', body.units, fund.decimals);
  const source = await requireFundWallet(db, { fundId: fund.id, chain, address: from, field: 'from', lock: true });
  const dest = await requireFundWallet(db, { fundId: fund.id, chain, address: to, field: 'to', lock: true });
  // The receiver must be verified on chain (T-REX forcedTransfer still checks it) and compliant.
  requireAuthorized(dest.fundWallet, 'to');
  requireSpendable(await spendable(db, source.fundWallet, { includeFrozen: true }), units, (u) => formatUnits(u, fund.decimals));
  // A recovery between one investor's own wallets does not change their holding.
  const sameInvestor = source.wallet.investorId === dest.wallet.investorId;
  await checkCompliance(db, { fundId: fund.id, investorId: dest.wallet.investorId, action: 'receive', units: sameInvestor ? 0n : units });
  const operation = await requestOperation(db, {
    fundId: fund.id,
    chain,
    body: { kind: 'forceTransfer', from, to, units },
    context: { fromWalletId: source.wallet.id, toWalletId: dest.wallet.id },
    requestedBy: c.var.principal.keyId,
  });
  return c.json({ operation: presentOperation(operation, fund.decimals) }, 202);
};

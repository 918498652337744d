import { FiscusError } from '@fiscus/core';
import { reservedUnits, type Db, type FundWalletRow } from '@fiscus/ledger';
import type { Principal } from '../auth/principal.ts';
import { requireFundWallet, type RegisteredWallet } from './lookups.ts';

/**
 * The registered wallet an investor names in a subscription or redemption. Naming someone
 * else's wallet is 403 for an investor key (acting for another investor) and 409 otherwise
 * (the request contradicts the register).
 */
export async function requireOwnedWallet(
  db: Db,
  principal: Principal,
  p: { fundId: string; investorId: string; chain: string; address: string },
): Promise<RegisteredWallet> {
  const found = await requireFundWallet(db, { ...p, field: 'address', lock: true });
  if (found.wallet.investorId !== p.investorId) {
    if (principal.role === 'investor') throw new FiscusError('FORBIDDEN', 'this wallet belongs to another investor');
    throw new FiscusError('CONFLICT', `${p.address} belongs to another investor`, { meta: { walletId: found.wallet.id } });
  }
  return found;
}

/** Mints, redemptions and incoming transfers need an authorized, unfrozen wallet. */
export function requireAuthorized(fw: FundWalletRow, field = 'address'): void {
  if (fw.status === 'authorized') return;
  if (fw.status === 'frozen') throw new FiscusError('FROZEN', `${field}: the wallet is frozen`, { meta: { walletId: fw.walletId } });
  throw new FiscusError('NOT_AUTHORIZED_ON_CHAIN', `${field}: the wallet is ${fw.status}, not authorized`, {
    meta: { walletId: fw.walletId, status: fw.status },
  });
}

/**
 * Units a wallet can still give up: its position, less frozen units (unless `includeFrozen`),
 * less what operations in flight already took. The position row is locked by the caller, so
 * two requests cannot both spend the same units.
 */
export async function spendable(db: Db, fw: FundWalletRow, opts: { includeFrozen?: boolean } = {}): Promise<bigint> {
  const reserved = await reservedUnits(db, { fundId: fw.fundId, walletId: fw.walletId });
  return fw.units - (opts.includeFrozen ? 0n : fw.frozenUnits) - reserved;
}

export function requireSpendable(available: bigint, units: bigint, format: (u: bigint) => string): void {
  if (units > available) {
    throw new FiscusError('INSUFFICIENT_BALANCE', `only ${format(available < 0n ? 0n : available)} units are available`, {
      meta: { available: format(available < 0n ? 0n : available), requested: format(units) },
    });
  }
}

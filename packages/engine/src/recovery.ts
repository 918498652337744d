import { and, eq } from 'drizzle-orm';
import { FiscusError, normalizeAddress, type ChainId } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { checkCompliance } from './compliance.ts';

const { wallets } = schema;

export interface RecoveryTarget {
  fundId: string;
  chain: ChainId;
  from: string;
  to: string;
  /** Wallet ids the request resolved (operation context); looked up by address when absent. */
  fromWalletId?: string;
  toWalletId?: string;
}

/**
 * A recovery may only move units between two wallets of ONE investor, who must still be allowed
 * to hold the fund (KYC valid, jurisdiction allowed). Checked when the API accepts the request and
 * again before signing: a wallet re-registered in between must not receive someone else's units.
 */
export async function checkRecovery(db: Db, t: RecoveryTarget): Promise<{ investorId: string; fromWalletId: string; toWalletId: string }> {
  const find = async (field: 'from' | 'to', address: string, walletId: string | undefined) => {
    const canonical = normalizeAddress(t.chain, address);
    const [w] = await db
      .select()
      .from(wallets)
      .where(walletId ? eq(wallets.id, walletId) : and(eq(wallets.chain, t.chain), eq(wallets.address, canonical)));
    // With a wallet id (the operation's context), the row must still be that address on that chain.
    if (!w || w.chain !== t.chain || normalizeAddress(t.chain, w.address) !== canonical) {
      throw new FiscusError('NOT_FOUND', `no wallet ${address} is registered on ${t.chain}`, { meta: { field } });
    }
    return w;
  };
  const lost = await find('from', t.from, t.fromWalletId);
  const next = await find('to', t.to, t.toWalletId);
  if (lost.id === next.id) throw new FiscusError('VALIDATION_FAILED', 'from and to are the same wallet', { meta: { field: 'to' } });
  if (lost.investorId !== next.investorId) {
    throw new FiscusError('VALIDATION_FAILED', 'a recovery moves units only to a wallet of the same investor', {
      meta: { field: 'to', reason: 'different_investor' },
    });
  }
  // The investor's holding does not change (units 0), but they must still be allowed to hold it.
  await checkCompliance(db, { fundId: t.fundId, investorId: lost.investorId, action: 'receive', units: 0n });
  return { investorId: lost.investorId, fromWalletId: lost.id, toWalletId: next.id };
}

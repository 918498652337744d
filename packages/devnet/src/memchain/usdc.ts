import { FiscusError, type PayoutOperation } from '@fiscus/core';

/**
 * memchain's stablecoin: one USDC-like ledger per chain at 6 decimals (one base unit = one
 * micro-dollar, so `payout.usd` is the amount), with the FiatToken behaviours a payout can hit:
 * a blacklist (sender or receiver) and a global pause. Each fund's token has its own treasury
 * (`treasuryOf(token)`), paid from by the token admin's payout transactions.
 */
export const MEMCHAIN_USDC_DECIMALS = 6;

/** The treasury holding a fund's stablecoin on memchain (not an account anyone holds keys for). */
export const treasuryOf = (token: string): string => `treasury:${token}`;

export interface UsdcState {
  balances: Map<string, bigint>;
  blacklisted: Set<string>;
  paused: boolean;
  totalSupply: bigint;
}

export const newUsdc = (): UsdcState => ({ balances: new Map(), blacklisted: new Set(), paused: false, totalSupply: 0n });

const cloneUsdc = (u: UsdcState): UsdcState => ({ ...u, balances: new Map(u.balances), blacklisted: new Set(u.blacklisted) });

export const usdcBalance = (u: UsdcState, a: string): bigint => u.balances.get(a) ?? 0n;

const set = (u: UsdcState, a: string, v: bigint) => (v === 0n ? u.balances.delete(a) : u.balances.set(a, v));

/** Payouts of one tx, all or none (FiatToken `transfer` rules: paused, blacklisted, balance). */
export function applyPayouts(usdc: UsdcState, from: string, ops: PayoutOperation[]): { ok: true; state: UsdcState } | { ok: false; error: FiscusError } {
  const u = cloneUsdc(usdc);
  for (const op of ops) {
    if (u.paused) return { ok: false, error: new FiscusError('PAUSED', 'the stablecoin is paused', { meta: { reason: 'STABLECOIN_PAUSED' } }) };
    for (const a of [from, op.to]) {
      if (u.blacklisted.has(a)) {
        return { ok: false, error: new FiscusError('FROZEN', `${a} is blacklisted by the stablecoin`, { meta: { reason: 'BLACKLISTED', address: a } }) };
      }
    }
    if (op.usd <= 0n) return { ok: false, error: new FiscusError('INVALID_AMOUNT', 'a payout pays a positive amount') };
    const have = usdcBalance(u, from);
    if (op.usd > have) {
      return { ok: false, error: new FiscusError('INSUFFICIENT_BALANCE', `treasury holds ${have} < ${op.usd}`, { meta: { reason: 'TREASURY_SHORT' } }) };
    }
    set(u, from, have - op.usd);
    set(u, op.to, usdcBalance(u, op.to) + op.usd);
  }
  return { ok: true, state: u };
}

/** Devnet faucet: new stablecoin out of thin air (Circle's minter, locally). */
export function mintUsdc(u: UsdcState, to: string, amount: bigint): void {
  if (amount <= 0n) throw new FiscusError('INVALID_AMOUNT', 'mint a positive amount');
  set(u, to, usdcBalance(u, to) + amount);
  u.totalSupply += amount;
}

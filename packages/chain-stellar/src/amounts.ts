import { fromStellarStroops, toStellarStroops } from '@fiscus/core';

const STROOPS = 10_000_000n;

/** Units at the fund's decimals → the SDK's 7-decimal amount string, exactly (no float). */
export function unitsToAmount(units: bigint, decimals: number): string {
  const s = toStellarStroops(units, decimals);
  return `${s / STROOPS}.${(s % STROOPS).toString().padStart(7, '0')}`;
}

/** Horizon's "123.4500000" → stroops. */
export function amountToStroops(amount: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,7}))?$/.exec(amount);
  if (!m) throw new Error(`not a Stellar amount: ${amount}`);
  return BigInt(m[1]!) * STROOPS + BigInt((m[2] ?? '').padEnd(7, '0'));
}

export const amountToUnits = (amount: string, decimals: number): bigint => fromStellarStroops(amountToStroops(amount), decimals);

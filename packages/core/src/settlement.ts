import { FiscusError } from './errors.ts';
import { USD_DECIMALS, ROUNDING_RULES, type MicroUsd } from './usd.ts';

/**
 * The stablecoin a fund settles in on one chain (USDC in production). The ledger keeps USD as
 * micro-dollars whatever the token's decimals; the two functions below are the only places
 * where an amount crosses between them, each with its named rounding rule.
 */
export type SettlementAsset =
  | { family: 'stellar'; code: string; issuer: string; decimals: 7 }
  | { family: 'evm'; address: string; decimals: number; symbol?: string };

export const MAX_STABLECOIN_DECIMALS = 18;

function assertStablecoinDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_STABLECOIN_DECIMALS) {
    throw new FiscusError('VALIDATION_FAILED', `stablecoin decimals must be an integer 0..${MAX_STABLECOIN_DECIMALS}`, { meta: { decimals } });
  }
}

export interface StablecoinAmount {
  /** Base units of the stablecoin to move. */
  amount: bigint;
  /** Micro-dollars the amount is worth (≤ the input); the rest is `kept` by the fund. */
  usd: MicroUsd;
  kept: MicroUsd;
  rule: typeof ROUNDING_RULES.STABLECOIN_PAYOUT_ROUND_DOWN | null;
}

/** Micro-dollars → stablecoin base units for a payout: exact at ≥ 6 decimals, else rounded DOWN. */
export function microUsdToStablecoin(usd: MicroUsd, decimals: number): StablecoinAmount {
  assertStablecoinDecimals(decimals);
  if (usd < 0n) throw new FiscusError('VALIDATION_FAILED', 'a stablecoin amount cannot be negative');
  if (decimals >= USD_DECIMALS) return { amount: usd * 10n ** BigInt(decimals - USD_DECIMALS), usd, kept: 0n, rule: null };
  const factor = 10n ** BigInt(USD_DECIMALS - decimals);
  const amount = usd / factor;
  const paid = amount * factor;
  return { amount, usd: paid, kept: usd - paid, rule: ROUNDING_RULES.STABLECOIN_PAYOUT_ROUND_DOWN };
}

export interface MicroUsdReceipt {
  usd: MicroUsd;
  /** Stablecoin base units below one micro-dollar, kept by the fund and not credited. */
  dust: bigint;
  rule: typeof ROUNDING_RULES.STABLECOIN_RECEIPT_ROUND_DOWN | null;
}

/** Stablecoin base units received → micro-dollars credited: exact at ≤ 6 decimals, else rounded DOWN. */
export function stablecoinToMicroUsd(amount: bigint, decimals: number): MicroUsdReceipt {
  assertStablecoinDecimals(decimals);
  if (amount < 0n) throw new FiscusError('VALIDATION_FAILED', 'a stablecoin amount cannot be negative');
  if (decimals <= USD_DECIMALS) return { usd: amount * 10n ** BigInt(USD_DECIMALS - decimals), dust: 0n, rule: null };
  const factor = 10n ** BigInt(decimals - USD_DECIMALS);
  return { usd: amount / factor, dust: amount % factor, rule: ROUNDING_RULES.STABLECOIN_RECEIPT_ROUND_DOWN };
}

import { FiscusError, type Deployment, type SettlementAsset } from '@fiscus/core';

/**
 * The stablecoin a chain settles in (USDC in production, FiscusUSDC on devnets): part of the
 * chain's shared infrastructure record, since every fund on the chain pays in the same token.
 */
export interface EvmSettlementToken {
  address: string;
  decimals: number;
  symbol: string;
  /** Our devnet FiscusUSDC (blacklist / pause / faucet are ours to drive), not a real stablecoin. */
  local?: boolean;
}

/** Per-fund settlement contract settings, in whole dollars and seconds (converted at deployment). */
export interface SettlementLimits {
  /** A NAV round older than this is stale: subscriptions and redemptions on chain stop. */
  maxNavAgeSeconds: number;
  /** Smallest NAV per unit accepted, in micro-dollars (guards against a mistyped publication). */
  minNavMicroUsd: bigint;
  /** Stablecoin subscribed per UTC day, all investors; 0 = no cap. */
  dailySubscriptionCapUsd: bigint;
  /** Stablecoin subscribed per UTC day by one investor; 0 = no cap. */
  investorDailyCapUsd: bigint;
  /** Stablecoin the redemption contract pays instantly per UTC day. */
  dailyRedemptionLiquidityUsd: bigint;
}

export const DEFAULT_SETTLEMENT_LIMITS: SettlementLimits = {
  // A weekend plus a holiday without a publication still prices (the engine's NAV freshness is stricter).
  maxNavAgeSeconds: 4 * 24 * 3600,
  minNavMicroUsd: 10_000n, // $0.01
  dailySubscriptionCapUsd: 10_000_000n,
  investorDailyCapUsd: 0n,
  dailyRedemptionLiquidityUsd: 1_000_000n,
};

/**
 * Deployment detail keys written by the EVM drivers when the chain has a settlement token
 * (read them with settlementAssetOf / these names, never by spelling the strings):
 * - settlementAsset: JSON of core's SettlementAsset ({ family: 'evm', address, decimals, symbol })
 * - settlementTreasury: where the platform's stablecoin for the fund sits on this chain — the
 *   fund's FiscusRedemption (subscriptions pay into it; instant redemptions and the engine's
 *   `payout` operations, signed by the operator key as its payer, pay from it)
 * - subscriptionContract / redemptionContract: FiscusSubscription / FiscusRedemption of the fund
 */
export const SETTLEMENT_DETAILS = {
  asset: 'settlementAsset',
  treasury: 'settlementTreasury',
  subscription: 'subscriptionContract',
  redemption: 'redemptionContract',
} as const;

/** The deployment's settlement asset, or undefined when the fund does not settle on this chain. */
export function settlementAssetOf(d: Deployment): Extract<SettlementAsset, { family: 'evm' }> | undefined {
  const raw = d.details[SETTLEMENT_DETAILS.asset];
  if (!raw) return undefined;
  const asset = JSON.parse(raw) as SettlementAsset;
  if (asset.family !== 'evm') throw new FiscusError('INVALID_CHAIN', `deployment on ${d.chain} records a ${asset.family} settlement asset`);
  return asset;
}

export function requireSettlement(d: Deployment): { asset: Extract<SettlementAsset, { family: 'evm' }>; treasury: string } {
  const asset = settlementAssetOf(d);
  const treasury = d.details[SETTLEMENT_DETAILS.treasury];
  if (!asset || !treasury) throw new FiscusError('CAPABILITY_UNSUPPORTED', `the fund has no settlement asset on ${d.chain}`);
  return { asset, treasury };
}

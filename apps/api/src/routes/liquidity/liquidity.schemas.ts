import { z } from '@hono/zod-openapi';
import { formatUsd, type SettlementAsset, type SettlementCaps } from '@fiscus/core';
import type { ChainLiquidity, SettlementChainRow, StablecoinReconciliationRow } from '@fiscus/engine';
import { iso } from '../../lib/schemas.ts';

const SettlementAssetSchema = z
  .object({
    family: z.enum(['stellar', 'evm']),
    id: z.string().openapi({ description: 'Stellar: CODE:ISSUER (the trustline a wallet needs to pay or be paid); EVM: the token contract address' }),
    decimals: z.int(),
    symbol: z.string().nullable(),
  })
  .openapi('SettlementAsset', {
    description: 'the stablecoin paid and taken on a chain (a liquidity entry shows null when this API has no driver for the chain)',
  });

const presentAsset = (a: SettlementAsset | null): z.infer<typeof SettlementAssetSchema> | null =>
  a === null
    ? null
    : a.family === 'stellar'
      ? { family: 'stellar', id: `${a.code}:${a.issuer}`, decimals: a.decimals, symbol: a.code }
      : { family: 'evm', id: a.address, decimals: a.decimals, symbol: a.symbol ?? null };

export const ChainLiquiditySchema = z
  .object({
    chain: z.string(),
    asset: SettlementAssetSchema.nullable(),
    treasuryAddress: z.string().nullable().openapi({ description: 'where the platform holds the stablecoin on that chain' }),
    booked: z.string().openapi({ description: 'USD: the ledger’s stablecoin:<chain>' }),
    reserved: z.string().openapi({ description: 'USD promised to payouts being sent or held' }),
    available: z.string().openapi({ description: 'USD new payouts may spend (booked − reserved)' }),
    queued: z.string().openapi({ description: 'USD of redemptions waiting to be paid on that chain' }),
    queuedCount: z.int(),
    payoutsBlocked: z.boolean().openapi({ description: 'a stablecoin drift blocks payouts until a clean reconciliation' }),
    blockedReason: z.string().nullable(),
    alert: z.boolean().openapi({ description: 'true when available liquidity is below the redemptions queued on that chain' }),
  })
  .openapi('ChainLiquidity');

export const presentLiquidity = (c: SettlementChainRow, l: ChainLiquidity, asset: SettlementAsset | null) => ({
  chain: c.chain,
  asset: presentAsset(asset),
  treasuryAddress: c.treasuryAddress,
  booked: formatUsd(l.booked),
  reserved: formatUsd(l.reserved),
  available: formatUsd(l.available),
  queued: formatUsd(l.queued),
  queuedCount: l.queuedCount,
  payoutsBlocked: c.payoutsBlocked,
  blockedReason: c.blockedReason,
  alert: l.available < l.queued,
});

export const StablecoinReconciliationSchema = z
  .object({
    id: z.int(),
    chain: z.string(),
    result: z.enum(['clean', 'in_flight', 'drift']),
    onChainUsd: z.string(),
    ledgerUsd: z.string(),
    inFlightUsd: z.string(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string(),
  })
  .openapi('StablecoinReconciliation');

export const presentStablecoinReconciliation = (r: StablecoinReconciliationRow) => ({
  id: r.id,
  chain: r.chain,
  result: r.result as 'clean' | 'in_flight' | 'drift',
  onChainUsd: formatUsd(r.onChainUsd),
  ledgerUsd: formatUsd(r.ledgerUsd),
  inFlightUsd: formatUsd(r.inFlightUsd),
  detail: r.detail ?? null,
  createdAt: iso(r.createdAt)!,
});

export const SettlementCapsSchema = z
  .object({
    chain: z.string(),
    subscriptionDailyUsd: z.string().openapi({ description: 'stablecoin subscribed per UTC day by all investors; "0" = no cap' }),
    subscriptionInvestorDailyUsd: z.string().openapi({ description: 'per investor per UTC day; "0" = no cap' }),
    instantRedemptionDailyUsd: z.string().openapi({ description: 'paid by instant on-chain redemptions per UTC day' }),
  })
  .openapi('SettlementCaps');

export const presentCaps = (chain: string, c: SettlementCaps) => ({
  chain,
  subscriptionDailyUsd: formatUsd(c.subscriptionDailyUsd),
  subscriptionInvestorDailyUsd: formatUsd(c.subscriptionInvestorDailyUsd),
  instantRedemptionDailyUsd: formatUsd(c.instantRedemptionDailyUsd),
});

import { z } from '@hono/zod-openapi';
import { formatNav, formatUnits, formatUsd } from '@fiscus/core';
import type { PayoutRow, RedemptionView } from '@fiscus/engine';
import { iso } from '../../lib/schemas.ts';

export const REDEMPTION_STATES = ['requested', 'pending', 'settled', 'rejected_min_size', 'unmatched', 'failed'] as const;
export const PAYOUT_STATUSES = ['instructed', 'confirmed', 'sending', 'paid', 'held'] as const;

export const PayoutSchema = z
  .object({
    id: z.string(),
    amount: z.string().openapi({ description: 'USD' }),
    cashAccount: z.string(),
    day: z.string().openapi({ description: 'UTC day whose liquidity it used' }),
    status: z.enum(PAYOUT_STATUSES).openapi({
      description: 'bank wire: instructed → confirmed; stablecoin: sending → paid, or held (undeliverable, see heldReason) until retried or redirected',
    }),
    reference: z.string().nullable().openapi({ description: 'bank reference, or the stablecoin payment transaction hash' }),
    confirmedAt: z.string().nullable(),
    createdAt: z.string(),
    chain: z.string().nullable().openapi({ description: 'stablecoin payouts: the chain paid on (null = bank wire)' }),
    address: z.string().nullable(),
    walletId: z.string().nullable(),
    operationId: z.string().nullable().openapi({ description: 'the `payout` operation paying it (the latest attempt)' }),
    heldReason: z
      .object({ code: z.string(), message: z.string(), reason: z.string().optional() })
      .nullable()
      .openapi({ description: 'why a held payout could not be delivered (e.g. reason NO_TRUSTLINE, BLACKLISTED, STABLECOIN_PAUSED)' }),
  })
  .openapi('RedemptionPayout');

export const RedemptionSchema = z
  .object({
    id: z.string(),
    fundId: z.string(),
    investorId: z.string().nullable(),
    walletId: z.string().nullable(),
    chain: z.string(),
    source: z.string().openapi({ description: 'api | onchain (holder burn) | onchain_transfer (sent to the redemption address)' }),
    txHash: z.string().nullable(),
    fromAddress: z.string().nullable(),
    units: z.string(),
    state: z
      .enum(REDEMPTION_STATES)
      .openapi({ description: 'requested → pending (queued for liquidity) → settled; rejected_min_size / unmatched / failed need an operator' }),
    payoutStatus: z.string().openapi({ description: 'pending_payout | paid' }),
    nav: z.string().nullable().openapi({ description: 'NAV per unit used (USD)' }),
    navPublishedAt: z.string().nullable(),
    usd: z.string().nullable().openapi({ description: 'USD owed (REDEMPTION_USD_ROUND_DOWN)' }),
    rounding: z.literal('REDEMPTION_USD_ROUND_DOWN'),
    queuePosition: z.int().nullable().openapi({ description: '1-based FIFO position while pending' }),
    burnOperationId: z.string().nullable(),
    payoutChain: z.string().nullable().openapi({ description: 'paid in stablecoin on this chain (null = bank wire)' }),
    payoutWalletId: z.string().nullable(),
    payout: PayoutSchema.nullable(),
    createdAt: z.string(),
    burnedAt: z.string().nullable(),
    settledAt: z.string().nullable(),
  })
  .openapi('Redemption');

export const presentPayout = (p: PayoutRow) => ({
  id: p.id,
  amount: formatUsd(p.amount),
  cashAccount: p.cashAccount,
  day: p.day,
  status: p.status as (typeof PAYOUT_STATUSES)[number],
  reference: p.reference,
  confirmedAt: iso(p.confirmedAt),
  createdAt: iso(p.createdAt)!,
  chain: p.chain,
  address: p.address,
  walletId: p.walletId,
  operationId: p.operationId,
  heldReason: (p.heldReason as { code: string; message: string; reason?: string } | null) ?? null,
});

export function presentRedemption(v: RedemptionView, decimals: number) {
  const r = v.redemption;
  return {
    id: r.id,
    fundId: r.fundId,
    investorId: r.investorId,
    walletId: r.walletId,
    chain: r.chain,
    source: r.source,
    txHash: r.txHash,
    fromAddress: r.fromAddress,
    units: formatUnits(r.units, decimals),
    state: r.state as (typeof REDEMPTION_STATES)[number],
    payoutStatus: r.status,
    nav: r.navValue !== null && r.navScale !== null ? formatNav({ value: r.navValue, scale: r.navScale }) : null,
    navPublishedAt: iso(r.navPublishedAt),
    usd: r.usd === null ? null : formatUsd(r.usd),
    rounding: 'REDEMPTION_USD_ROUND_DOWN' as const,
    queuePosition: v.queuePosition,
    burnOperationId: r.burnOperationId,
    payoutChain: r.payoutChain,
    payoutWalletId: r.payoutWalletId,
    payout: v.payout ? presentPayout(v.payout) : null,
    createdAt: iso(r.createdAt)!,
    burnedAt: iso(r.burnedAt),
    settledAt: iso(r.settledAt),
  };
}

export const RulesSchema = z
  .object({
    minRedemptionUsd: z.string().openapi({ example: '1000', description: 'USD; smaller redemptions are refused (API) or set aside (on chain)' }),
    dailyLiquidityUsd: z.string().nullable().openapi({ example: '5000000', description: 'USD paid out per UTC day at most; null = unlimited' }),
    payoutAccount: z.string().openapi({ example: 'subscriptions', description: 'Payouts are paid from cash:<payoutAccount>' }),
  })
  .openapi('RedemptionRules');

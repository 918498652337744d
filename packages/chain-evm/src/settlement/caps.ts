import { microUsdToStablecoin, stablecoinToMicroUsd, type Deployment, type SettlementCaps } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import type { AdminSender } from '../deploy/admin-tx.ts';
import { readContract } from '../rpc/read.ts';
import { requireSettlement, SETTLEMENT_DETAILS } from './config.ts';

/**
 * The fund's settlement contracts' own limits, in micro-dollars. On chain they are stablecoin base
 * units; a stablecoin with fewer than 6 decimals reads back rounded down (STABLECOIN_RECEIPT_ROUND_DOWN).
 */
export async function readSettlementCaps(admin: AdminSender, d: Deployment): Promise<SettlementCaps> {
  const { asset } = requireSettlement(d);
  const p = admin.provider;
  const [daily, investor, instant] = await Promise.all([
    readContract<bigint>(p, abi.subscription, d.details[SETTLEMENT_DETAILS.subscription]!, 'dailyCap'),
    readContract<bigint>(p, abi.subscription, d.details[SETTLEMENT_DETAILS.subscription]!, 'investorDailyCap'),
    readContract<bigint>(p, abi.redemption, d.details[SETTLEMENT_DETAILS.redemption]!, 'dailyLiquidity'),
  ]);
  const usd = (raw: bigint) => stablecoinToMicroUsd(raw, asset.decimals).usd;
  return { subscriptionDailyUsd: usd(daily), subscriptionInvestorDailyUsd: usd(investor), instantRedemptionDailyUsd: usd(instant) };
}

/**
 * Writes the limits given (the others stay as they are), sending only the setters whose values
 * differ: a retry after a failure converges without a second transaction. Micro-dollars below one
 * base unit of a < 6-decimal stablecoin round down (STABLECOIN_PAYOUT_ROUND_DOWN: a cap never grows).
 */
export async function applySettlementCaps(admin: AdminSender, d: Deployment, caps: Partial<SettlementCaps>): Promise<number> {
  const { asset } = requireSettlement(d);
  const raw = (usd: bigint) => microUsdToStablecoin(usd, asset.decimals).amount;
  const sub = d.details[SETTLEMENT_DETAILS.subscription]!;
  const red = d.details[SETTLEMENT_DETAILS.redemption]!;
  const p = admin.provider;
  const [daily, investor, instant] = await Promise.all([
    readContract<bigint>(p, abi.subscription, sub, 'dailyCap'),
    readContract<bigint>(p, abi.subscription, sub, 'investorDailyCap'),
    readContract<bigint>(p, abi.redemption, red, 'dailyLiquidity'),
  ]);
  const wantDaily = caps.subscriptionDailyUsd === undefined ? daily : raw(caps.subscriptionDailyUsd);
  const wantInvestor = caps.subscriptionInvestorDailyUsd === undefined ? investor : raw(caps.subscriptionInvestorDailyUsd);
  const wantInstant = caps.instantRedemptionDailyUsd === undefined ? instant : raw(caps.instantRedemptionDailyUsd);
  let sent = 0;
  if (wantDaily !== daily || wantInvestor !== investor) {
    await admin.call(sub, abi.subscription.encodeFunctionData('setCaps', [wantDaily, wantInvestor]));
    sent++;
  }
  if (wantInstant !== instant) {
    await admin.call(red, abi.redemption.encodeFunctionData('setDailyLiquidity', [wantInstant]));
    sent++;
  }
  return sent;
}

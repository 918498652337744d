import type { JsonRpcProvider } from 'ethers';
import { microUsdToStablecoin, type Deployment } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import { fiscusArtifact } from '../contracts/artifacts.ts';
import { readContract } from '../rpc/read.ts';
import { SETTLEMENT_DETAILS, type EvmSettlementToken, type SettlementLimits } from '../settlement/config.ts';
import type { AdminSender } from './admin-tx.ts';
import { NAV_FEED_DECIMALS, navFeedKey } from './nav-feed.ts';

const MICRO = 1_000_000n;
/** Whole dollars → stablecoin base units (exact for any decimals ≥ 0: a dollar is 10^decimals). */
const dollars = (usd: bigint, decimals: number) => microUsdToStablecoin(usd * MICRO, decimals).amount;

/**
 * The fund's FiscusRedemption (its stablecoin treasury on this chain: instant redemptions and the
 * engine's payouts pay from it) and FiscusSubscription (pays into it), deployed once each and made
 * agents of the token (they mint on payment and burn the caller's own units). Idempotent like
 * the NAV feed: each constructor emits its Created(fundKey) event, so a repeated or resumed
 * deploy finds the contract our admin created instead of a second one; agent roles are added
 * only when missing. Returns the deployment details (SETTLEMENT_DETAILS keys).
 */
export async function ensureSettlementContracts(
  admin: AdminSender,
  p: {
    fundId: string;
    details: Record<string, string>;
    navFeed: string;
    stablecoin: EvmSettlementToken;
    /** Signs the engine's `payout` operations (the driver's operator key). */
    payer: string;
    limits: SettlementLimits;
    logRange: bigint;
  },
): Promise<Deployment['details']> {
  const key = navFeedKey(p.fundId);
  const token = p.details.token!;
  const fromBlock = BigInt(p.details.deployBlock ?? '0');
  const s = p.stablecoin;
  const l = p.limits;
  const minNav = p.limits.minNavMicroUsd * 10n ** BigInt(NAV_FEED_DECIMALS - 6);
  const guards = [BigInt(l.maxNavAgeSeconds), minNav] as const;
  const find = (event: 'SubscriptionCreated' | 'RedemptionCreated', iface: typeof abi.subscription) =>
    findCreated(admin.provider, { topic: iface.getEvent(event)!.topicHash, key, owner: admin.address, iface, fromBlock, range: p.logRange });

  // The redemption contract is the fund's stablecoin treasury: subscriptions pay into it.
  const redemption =
    (await find('RedemptionCreated', abi.redemption)) ??
    (await admin.deploy(
      fiscusArtifact('FiscusRedemption'),
      key,
      token,
      s.address,
      p.navFeed,
      p.payer,
      ...guards,
      dollars(l.dailyRedemptionLiquidityUsd, s.decimals),
    ));
  const subscription =
    (await find('SubscriptionCreated', abi.subscription)) ??
    (await admin.deploy(
      fiscusArtifact('FiscusSubscription'),
      key,
      token,
      s.address,
      p.navFeed,
      redemption,
      ...guards,
      dollars(l.dailySubscriptionCapUsd, s.decimals),
      dollars(l.investorDailyCapUsd, s.decimals),
    ));
  for (const agent of [subscription, redemption]) {
    if (!(await readContract<boolean>(admin.provider, abi.token, token, 'isAgent', [agent]))) {
      await admin.call(token, abi.token.encodeFunctionData('addAgent', [agent]));
    }
  }
  return {
    [SETTLEMENT_DETAILS.asset]: JSON.stringify({ family: 'evm', address: s.address, decimals: s.decimals, symbol: s.symbol }),
    [SETTLEMENT_DETAILS.treasury]: redemption,
    [SETTLEMENT_DETAILS.subscription]: subscription,
    [SETTLEMENT_DETAILS.redemption]: redemption,
  };
}

/** The contract whose constructor emitted `topic(key)` since `fromBlock` and that `owner` owns. */
async function findCreated(
  provider: JsonRpcProvider,
  p: { topic: string; key: string; owner: string; iface: typeof abi.subscription; fromBlock: bigint; range: bigint },
): Promise<string | undefined> {
  const head = BigInt(await provider.getBlockNumber());
  for (let from = p.fromBlock; from <= head; from += p.range) {
    const to = from + p.range - 1n < head ? from + p.range - 1n : head;
    for (const log of await provider.getLogs({ fromBlock: from, toBlock: to, topics: [p.topic, p.key] })) {
      // Anyone can emit the same event from their own contract: only one our admin owns counts.
      if ((await readContract<string>(provider, p.iface, log.address, 'owner')).toLowerCase() === p.owner.toLowerCase()) return log.address;
    }
  }
  return undefined;
}

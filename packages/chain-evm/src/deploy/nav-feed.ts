import { id, type JsonRpcProvider } from 'ethers';
import { MAX_NAV_SCALE } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import { fiscusArtifact } from '../contracts/artifacts.ts';
import { readContract } from '../rpc/read.ts';
import type { AdminSender } from './admin-tx.ts';
import { fundSalt } from './suite.ts';

/** Feed decimals: core's largest NAV scale, so every published NAV converts exactly. */
export const NAV_FEED_DECIMALS = MAX_NAV_SCALE;

export const navFeedKey = (fundId: string) => id(fundSalt(fundId));

/**
 * The fund's NAV feed on this chain, deployed once. Idempotent without a registry: the feed's
 * constructor emits FeedCreated(fundKey), so a repeated (or crashed-and-resumed) deploy finds the
 * feed our admin created after the token's deploy block instead of creating a second one.
 */
export async function ensureNavFeed(
  admin: AdminSender,
  p: { fundId: string; symbol: string; updater: string; fromBlock: bigint; logRange?: bigint },
): Promise<string> {
  const key = navFeedKey(p.fundId);
  const found = await findNavFeed(admin.provider, key, admin.address, p.fromBlock, p.logRange ?? 10_000n);
  if (found) return found;
  return admin.deploy(fiscusArtifact('FiscusNavFeed'), key, p.updater, NAV_FEED_DECIMALS, `${p.symbol} / USD NAV per unit`);
}

async function findNavFeed(provider: JsonRpcProvider, key: string, admin: string, fromBlock: bigint, range: bigint): Promise<string | undefined> {
  const topics = [abi.navFeed.getEvent('FeedCreated')!.topicHash, key];
  const head = BigInt(await provider.getBlockNumber());
  for (let from = fromBlock; from <= head; from += range) {
    const to = from + range - 1n < head ? from + range - 1n : head;
    for (const log of await provider.getLogs({ fromBlock: from, toBlock: to, topics })) {
      // Anyone can emit the same event from their own contract: only a feed our admin owns counts.
      if ((await readContract<string>(provider, abi.navFeed, log.address, 'owner')).toLowerCase() === admin.toLowerCase()) return log.address;
    }
  }
  return undefined;
}

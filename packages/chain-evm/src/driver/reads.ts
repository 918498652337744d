import { getAddress, ZeroAddress, type JsonRpcProvider } from 'ethers';
import { FiscusError, type ChainEvent, type Deployment, type Holder, type Page } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import { readContract } from '../rpc/read.ts';
import { TOPICS, fetchLogs, formatCursor, parseCursor, toChainEvent } from './logs.ts';

export interface ReadOptions {
  pageSize: number;
  logRange: bigint;
  /** Finality depth: events above head − depth may still be reorged away and are not reported yet. */
  confirmations: number;
}

const detail = (d: Deployment, key: string) => {
  const v = d.details[key];
  if (!v) throw new FiscusError('NOT_DEPLOYED', `deployment has no ${key}`);
  return v;
};

/**
 * Final events after `cursor` (or from the deployment block), ordered by (block, logIndex), one
 * page. Only blocks at least `confirmations` under the head are read, so whoever consumes events
 * (the engine's ingest) never books something a reorg could take back.
 */
export async function readEvents(provider: JsonRpcProvider, d: Deployment, o: ReadOptions, cursor?: string): Promise<Page<ChainEvent>> {
  const after = cursor ? parseCursor(cursor) : undefined;
  const isNew = (e: { block: bigint; index: number }) => !after || e.block > after.block || (e.block === after.block && e.index > after.index);
  const finalHead = BigInt(await provider.getBlockNumber()) - BigInt(o.confirmations);
  const fromBlock = after?.block ?? BigInt(detail(d, 'deployBlock'));
  if (finalHead < fromBlock) return { items: [] };
  const logs = await fetchLogs(provider, {
    addresses: [detail(d, 'token'), detail(d, 'identityRegistry')],
    topics0: Object.values(TOPICS),
    fromBlock,
    toBlock: finalHead,
    range: o.logRange,
    // Count only logs past the cursor: one block can hold hundreds of logs (a batch mint).
    enough: (ls) => ls.filter((l) => isNew({ block: BigInt(l.blockNumber), index: l.index })).length >= o.pageSize,
  });
  const events = logs
    .map(toChainEvent)
    .filter((e): e is ChainEvent => !!e && isNew(e));
  const items = events.slice(0, o.pageSize);
  const last = items.at(-1);
  return last ? { items, next: formatCursor(last) } : { items };
}

/** Holders with a positive balance, by address, from every Transfer recipient since deployment. */
export async function readHolders(provider: JsonRpcProvider, d: Deployment, o: ReadOptions, cursor?: string): Promise<Page<Holder>> {
  const token = detail(d, 'token');
  const logs = await fetchLogs(provider, {
    addresses: [token], topics0: [TOPICS.transfer], fromBlock: BigInt(detail(d, 'deployBlock')),
    toBlock: BigInt(await provider.getBlockNumber()), range: o.logRange,
  });
  const candidates = [...new Set(logs.map((l) => getAddress(`0x${l.topics[2]!.slice(26)}`)))]
    .filter((a) => a !== ZeroAddress && (!cursor || a.toLowerCase() > cursor.toLowerCase()))
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  const page = candidates.slice(0, o.pageSize);
  const balances = await Promise.all(page.map((a) => readContract<bigint>(provider, abi.token, token, 'balanceOf', [a])));
  const items = page.map((address, i) => ({ address, units: balances[i]! })).filter((h) => h.units > 0n);
  return candidates.length > page.length ? { items, next: page.at(-1)! } : { items };
}

import { getAddress, ZeroAddress, type JsonRpcProvider } from 'ethers';
import { FiscusError, type ChainEvent, type Deployment, type Holder, type Page } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import { readContract } from '../rpc/read.ts';
import { finalBlockNumber, type EvmFinality } from './finality.ts';
import { TOPICS, fetchLogs, formatCursor, isAfter, parseCursor, toChainEvent } from './logs.ts';

export interface ReadOptions {
  pageSize: number;
  logRange: bigint;
  /** Events in blocks that are not final yet may still be reorged away and are not reported. */
  finality: EvmFinality;
}

const detail = (d: Deployment, key: string) => {
  const v = d.details[key];
  if (!v) throw new FiscusError('NOT_DEPLOYED', `deployment has no ${key}`);
  return v;
};

/**
 * Final events after `cursor` (or from the deployment block), ordered by (block, logIndex), one
 * page. Only final blocks are read, so whoever consumes events (the engine's ingest) never books
 * something a reorg could take back. `next` is returned even when nothing was found ("<block>:end"
 * up to the last block scanned): the ingest stores it, and a quiet deployment's next call scans
 * only the blocks finalized since.
 */
export async function readEvents(provider: JsonRpcProvider, d: Deployment, o: ReadOptions, cursor?: string): Promise<Page<ChainEvent>> {
  const after = cursor ? parseCursor(cursor) : undefined;
  const finalHead = await finalBlockNumber(provider, o.finality);
  const fromBlock = after ? (after.index === 'end' ? after.block + 1n : after.block) : BigInt(detail(d, 'deployBlock'));
  if (finalHead < fromBlock) return { items: [] };
  const { logs, scannedTo } = await fetchLogs(provider, {
    addresses: [detail(d, 'token'), detail(d, 'identityRegistry')],
    topics0: Object.values(TOPICS),
    fromBlock,
    toBlock: finalHead,
    range: o.logRange,
    // Count only logs past the cursor: one block can hold hundreds of logs (a batch mint).
    enough: (ls) => ls.filter((l) => isAfter(after, { block: BigInt(l.blockNumber), index: l.index })).length >= o.pageSize,
  });
  const events = logs.map(toChainEvent).filter((e): e is ChainEvent => !!e && isAfter(after, e));
  const items = events.slice(0, o.pageSize);
  // A full page resumes after its last event; otherwise every log up to scannedTo was read.
  const last = items.length < events.length ? items.at(-1)! : { block: scannedTo, index: 'end' as const };
  return { items, next: formatCursor(last) };
}

/** Holders with a positive balance, by address, from every Transfer recipient since deployment. */
export async function readHolders(provider: JsonRpcProvider, d: Deployment, o: ReadOptions, cursor?: string): Promise<Page<Holder>> {
  const token = detail(d, 'token');
  const { logs } = await fetchLogs(provider, {
    addresses: [token],
    topics0: [TOPICS.transfer],
    fromBlock: BigInt(detail(d, 'deployBlock')),
    toBlock: BigInt(await provider.getBlockNumber()),
    range: o.logRange,
  });
  const candidates = [...new Set(logs.map((l) => getAddress(`0x${l.topics[2]!.slice(26)}`)))]
    .filter((a) => a !== ZeroAddress && (!cursor || a.toLowerCase() > cursor.toLowerCase()))
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  const page = candidates.slice(0, o.pageSize);
  const balances = await Promise.all(page.map((a) => readContract<bigint>(provider, abi.token, token, 'balanceOf', [a])));
  const items = page.map((address, i) => ({ address, units: balances[i]! })).filter((h) => h.units > 0n);
  return candidates.length > page.length ? { items, next: page.at(-1)! } : { items };
}

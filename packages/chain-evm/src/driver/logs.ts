import { getAddress, ZeroAddress, type JsonRpcProvider, type Log } from 'ethers';
import type { ChainEvent } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';

const topic = (iface: typeof abi.token, name: string) => iface.getEvent(name)!.topicHash;

export const TOPICS = {
  transfer: topic(abi.token, 'Transfer'),
  addressFrozen: topic(abi.token, 'AddressFrozen'),
  tokensFrozen: topic(abi.token, 'TokensFrozen'),
  tokensUnfrozen: topic(abi.token, 'TokensUnfrozen'),
  registered: topic(abi.identityRegistry, 'IdentityRegistered'),
  removed: topic(abi.identityRegistry, 'IdentityRemoved'),
};

/**
 * Logs of `addresses` with any of `topics0`, fetched in block ranges real nodes accept.
 * `scannedTo`: the last block whose logs are all in `logs` (short of `toBlock` when `enough`
 * stopped early; later ranges are fetched by the next page).
 */
export async function fetchLogs(
  provider: JsonRpcProvider,
  p: { addresses: string[]; topics0: string[]; fromBlock: bigint; toBlock: bigint; range: bigint; enough?: (logs: Log[]) => boolean },
): Promise<{ logs: Log[]; scannedTo: bigint }> {
  const out: Log[] = [];
  let scannedTo = p.fromBlock - 1n;
  for (let from = p.fromBlock; from <= p.toBlock; from += p.range) {
    const to = from + p.range - 1n < p.toBlock ? from + p.range - 1n : p.toBlock;
    out.push(...(await provider.getLogs({ address: p.addresses, topics: [p.topics0], fromBlock: from, toBlock: to })));
    scannedTo = to;
    if (p.enough?.(out)) break;
  }
  return { logs: out.sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index), scannedTo };
}

const account = (a: string) => (a === ZeroAddress ? null : getAddress(a));

/** Token and IdentityRegistry logs as core ChainEvents; other logs yield undefined. */
export function toChainEvent(log: Log): ChainEvent | undefined {
  const at = { txHash: log.transactionHash, block: BigInt(log.blockNumber), index: log.index };
  const t0 = log.topics[0];
  if (t0 === TOPICS.registered || t0 === TOPICS.removed) {
    const e = abi.identityRegistry.parseLog(log)!;
    return { kind: 'authorization', address: getAddress(e.args[0]), authorized: t0 === TOPICS.registered, ...at };
  }
  const e = abi.token.parseLog(log);
  if (!e) return undefined;
  switch (t0) {
    case TOPICS.transfer:
      return { kind: 'transfer', from: account(e.args[0]), to: account(e.args[1]), units: e.args[2] as bigint, ...at };
    case TOPICS.addressFrozen:
      return { kind: 'freeze', address: getAddress(e.args[0]), frozen: e.args[1] as boolean, ...at };
    case TOPICS.tokensFrozen:
    case TOPICS.tokensUnfrozen:
      return { kind: 'freeze', address: getAddress(e.args[0]), frozen: t0 === TOPICS.tokensFrozen, units: e.args[1] as bigint, ...at };
  }
  return undefined;
}

/**
 * Event cursor: "<block>:<logIndex>" = the position of the last event already read;
 * "<block>:end" = every log up to and including <block> was read (a scan that found nothing, or
 * a page that ended on the last final block), so a quiet deployment is never scanned twice.
 */
export interface EventPosition {
  block: bigint;
  /** 'end': past the block's last log. */
  index: number | 'end';
}

export const formatCursor = (p: EventPosition) => `${p.block}:${p.index}`;

export function parseCursor(cursor: string): EventPosition {
  const m = /^(\d+):(\d+|end)$/.exec(cursor);
  if (!m) throw new Error(`bad EVM event cursor "${cursor}" (expected <block>:<logIndex> or <block>:end)`);
  return { block: BigInt(m[1]!), index: m[2] === 'end' ? 'end' : Number(m[2]) };
}

/** Is the log at (block, index) after the cursor position? */
export function isAfter(p: EventPosition | undefined, e: { block: bigint; index: number }): boolean {
  if (!p) return true;
  if (e.block !== p.block) return e.block > p.block;
  return p.index !== 'end' && e.index > p.index;
}

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

/** Logs of `addresses` with any of `topics0`, fetched in block ranges real nodes accept. */
export async function fetchLogs(
  provider: JsonRpcProvider,
  p: { addresses: string[]; topics0: string[]; fromBlock: bigint; toBlock: bigint; range: bigint; enough?: (logs: Log[]) => boolean },
): Promise<Log[]> {
  const out: Log[] = [];
  for (let from = p.fromBlock; from <= p.toBlock; from += p.range) {
    const to = from + p.range - 1n < p.toBlock ? from + p.range - 1n : p.toBlock;
    out.push(...(await provider.getLogs({ address: p.addresses, topics: [p.topics0], fromBlock: from, toBlock: to })));
    if (p.enough?.(out)) break; // later ranges are fetched by the next page
  }
  return out.sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index);
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

/** Cursor "<block>:<logIndex>" = the position of the last event already read. */
export const formatCursor = (e: { block: bigint; index: number }) => `${e.block}:${e.index}`;

export function parseCursor(cursor: string): { block: bigint; index: number } {
  const m = /^(\d+):(\d+)$/.exec(cursor);
  if (!m) throw new Error(`bad EVM event cursor "${cursor}" (expected <block>:<logIndex>)`);
  return { block: BigInt(m[1]!), index: Number(m[2]) };
}

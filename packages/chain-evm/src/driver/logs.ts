import { getAddress, ZeroAddress } from 'ethers';
import type { ChainEvent } from '@fiscus/core';
import { abi } from '../contracts/abi.ts';
import type { RawLog } from '../rpc/get-logs.ts';

const topic = (iface: typeof abi.token, name: string) => iface.getEvent(name)!.topicHash;

export const TOPICS = {
  transfer: topic(abi.token, 'Transfer'),
  addressFrozen: topic(abi.token, 'AddressFrozen'),
  tokensFrozen: topic(abi.token, 'TokensFrozen'),
  tokensUnfrozen: topic(abi.token, 'TokensUnfrozen'),
  registered: topic(abi.identityRegistry, 'IdentityRegistered'),
  removed: topic(abi.identityRegistry, 'IdentityRemoved'),
};

/** A log reduced to what decoding needs, positions as numbers (from a raw eth_getLogs answer). */
export interface EvmLog {
  topics: string[];
  data: string;
  block: bigint;
  index: number;
  txHash: string;
}

export const fromRawLog = (l: RawLog): EvmLog => ({
  topics: l.topics,
  data: l.data,
  block: BigInt(l.blockNumber),
  index: Number(l.logIndex),
  txHash: l.transactionHash,
});

// Checksumming hashes the address (keccak): 100,000 transfers name far fewer distinct holders.
const checksums = new Map<string, string>();
export function checksummed(lower: string): string {
  let c = checksums.get(lower);
  if (c === undefined) {
    if (checksums.size > 1_000_000) checksums.clear();
    c = getAddress(lower);
    checksums.set(lower, c);
  }
  return c;
}

/** The address in an indexed topic (last 20 bytes), lower-cased. */
export const topicAddress = (topic: string) => `0x${topic.slice(26).toLowerCase()}`;

const ZERO = ZeroAddress.toLowerCase();
const account = (a: string) => {
  const lower = a.toLowerCase();
  return lower === ZERO ? null : checksummed(lower);
};

/** Token and IdentityRegistry logs as core ChainEvents; other logs yield undefined. */
export function toChainEvent(log: EvmLog): ChainEvent | undefined {
  const at = { txHash: log.txHash, block: log.block, index: log.index };
  const t0 = log.topics[0];
  if (t0 === TOPICS.transfer && log.topics.length === 3) {
    // The bulk of every read: decoded without the ABI coder (two indexed addresses, one uint256).
    return { kind: 'transfer', from: account(topicAddress(log.topics[1]!)), to: account(topicAddress(log.topics[2]!)), units: BigInt(log.data), ...at };
  }
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

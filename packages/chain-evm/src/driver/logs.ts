import { keccak_256 } from '@noble/hashes/sha3.js';
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

/**
 * EIP-55: a hex letter is upper-cased where the keccak of the lower-case hex has a nibble ≥ 8.
 * Done here on noble's keccak directly: ethers' getAddress (validation, byte conversions around
 * the same hash) took twice as long, and a cold ingest of 100,000 holders checksums every one.
 * logs.test.ts holds it to getAddress.
 */
export function eip55(lower: string): string {
  const hash = keccak_256(Buffer.from(lower.slice(2), 'latin1'));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const c = lower.charCodeAt(i + 2);
    const nibble = (hash[i >> 1]! >> (i & 1 ? 0 : 4)) & 15;
    out += nibble >= 8 && c >= 97 ? String.fromCharCode(c - 32) : lower[i + 2];
  }
  return out;
}

const LOWER_ADDRESS = /^0x[0-9a-f]{40}$/;

// Checksumming hashes the address (keccak): 100,000 transfers name far fewer distinct holders.
const checksums = new Map<string, string>();
export function checksummed(lower: string): string {
  let c = checksums.get(lower);
  if (c === undefined) {
    if (checksums.size > 1_000_000) checksums.clear();
    c = LOWER_ADDRESS.test(lower) ? eip55(lower) : getAddress(lower);
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

/** A 32-byte word (topic or data) as an unsigned integer; undefined unless exactly one word. */
const word = (hex: string | undefined) => (hex !== undefined && /^0x[0-9a-fA-F]{64}$/.test(hex) ? BigInt(hex) : undefined);

/**
 * Token and IdentityRegistry logs as core ChainEvents; other logs (and malformed ones) yield
 * undefined. Decoded by hand, not through ethers' `Interface.parseLog`: every event here has
 * indexed addresses and at most one uint256 of data, and parseLog hashes each event signature
 * again on every call — at 100,000 holders that was half the ingest's CPU (bench/reads.ts).
 * logs.test.ts checks each shape against the ABI coder.
 */
export function toChainEvent(log: EvmLog): ChainEvent | undefined {
  const at = { txHash: log.txHash, block: log.block, index: log.index };
  const [t0, t1, t2, t3] = log.topics;
  const n = log.topics.length;
  if (t1 === undefined || word(t1) === undefined) return undefined;
  const first = topicAddress(t1);
  switch (t0) {
    case TOPICS.transfer: {
      const units = word(log.data);
      if (n !== 3 || word(t2) === undefined || units === undefined) return undefined;
      return { kind: 'transfer', from: account(first), to: account(topicAddress(t2!)), units, ...at };
    }
    case TOPICS.registered:
    case TOPICS.removed:
      if (n !== 3) return undefined;
      return { kind: 'authorization', address: checksummed(first), authorized: t0 === TOPICS.registered, ...at };
    case TOPICS.addressFrozen: {
      const frozen = word(t2);
      if (n !== 4 || frozen === undefined || word(t3) === undefined) return undefined;
      return { kind: 'freeze', address: checksummed(first), frozen: frozen !== 0n, ...at };
    }
    case TOPICS.tokensFrozen:
    case TOPICS.tokensUnfrozen: {
      const units = word(log.data);
      if (n !== 2 || units === undefined) return undefined;
      return { kind: 'freeze', address: checksummed(first), frozen: t0 === TOPICS.tokensFrozen, units, ...at };
    }
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

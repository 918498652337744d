import type { JsonRpcProvider } from 'ethers';
import { FiscusError } from '@fiscus/core';

/**
 * When a block can no longer be reorged away. `tag`: the node's `finalized` block (Ethereum: the
 * last Casper FFG checkpoint, ~2 epochs behind the head; Avalanche / Subnet-EVM: the last
 * accepted block). `confirmations`: head − depth, for chains that document a depth instead.
 */
export type EvmFinality = { kind: 'confirmations'; depth: number } | { kind: 'tag'; tag: 'finalized' };

/**
 * The highest final block number as the node sees it now (−1 while no block is final). Every
 * "final" decision of the driver (status, dropped, events) compares against this one number.
 */
export async function finalBlockNumber(provider: JsonRpcProvider, f: EvmFinality): Promise<bigint> {
  if (f.kind === 'tag') {
    const block = await provider.getBlock(f.tag);
    return block ? BigInt(block.number) : -1n;
  }
  return BigInt(await provider.getBlockNumber()) - BigInt(f.depth);
}

/**
 * The final block number given a head already read: a confirmation depth needs no further request
 * (a read that fetched the head for its own use pays one round trip, not two).
 */
export async function finalBlockBelow(head: bigint, provider: JsonRpcProvider, f: EvmFinality): Promise<bigint> {
  return f.kind === 'confirmations' ? head - BigInt(f.depth) : finalBlockNumber(provider, f);
}

/**
 * Parses a finality setting: `finalized` (the node's finalized tag) or a whole number of blocks
 * (a documented confirmation depth). `variable` names the setting in the error.
 */
export function parseEvmFinality(value: string, variable: string): EvmFinality {
  const v = value.trim();
  if (v === 'finalized') return { kind: 'tag', tag: 'finalized' };
  if (/^\d{1,4}$/.test(v)) return { kind: 'confirmations', depth: Number(v) };
  throw new FiscusError('VALIDATION_FAILED', `${variable} must be "finalized" or a block depth (0-9999), got "${value}"`);
}

/** The finality an EvmDriver runs with: `finality`, else `confirmations` blocks (default 0: devnets). */
export function resolveFinality(o: { finality?: EvmFinality; confirmations?: number }): EvmFinality {
  return o.finality ?? { kind: 'confirmations', depth: o.confirmations ?? 0 };
}

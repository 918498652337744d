import { randomBytes } from 'node:crypto';
import {
  FiscusError,
  isOracleOperation,
  isValidAddress,
  normalizeAddress,
  toChecksumAddress,
  toJsonSafe,
  type ChainEvent,
  type ChainId,
  type ChainOperation,
  type PayoutOperation,
  type SingleOperation,
} from '@fiscus/core';
import type { TxBody } from './wire.ts';

/**
 * Addresses and op decoding. memchain uses core's address rules for the `memory` family
 * (EVM-shaped 0x + 40 hex, stored in EIP-55 form), so addresses the API validated are
 * exactly the ones memchain accepts, and one wallet never appears under two spellings.
 */
const FAMILY_PROBE: ChainId = 'memory:devnet'; // every memory:* chain shares the family's rules
export const isMemAddress = (s: unknown): s is string => typeof s === 'string' && isValidAddress(FAMILY_PROBE, s);
/** Canonical (EIP-55) form; throws INVALID_ADDRESS. */
export const canonicalMemAddress = (s: string): string => normalizeAddress(FAMILY_PROBE, s);
export const newMemAddress = (): string => toChecksumAddress(randomBytes(20).toString('hex'));

/** Structural limits: a body breaking them is malformed (rejected, nonce untouched). */
const MAX_OPS_ON_WIRE = 1_000;
const UNITS_RE = /^(0|[1-9][0-9]{0,30})$/;

const malformed = (details: string) => new FiscusError('TX_REJECTED', 'malformed transaction', { details });

function address(op: Record<string, unknown>, field: string): string {
  const v = op[field];
  if (typeof v !== 'string') throw new FiscusError('INVALID_ADDRESS', `${field} is not a memchain address`);
  return canonicalMemAddress(v);
}

function units(op: Record<string, unknown>, optional = false): bigint | undefined {
  const v = op.units;
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string' || !UNITS_RE.test(v)) throw malformed('units must be a decimal string of base units');
  return BigInt(v);
}

/** An op memchain applies: a token op, or a stablecoin payout (usdc.ts). */
export type MemOp = SingleOperation | PayoutOperation;

export function decodeOp(op: Record<string, unknown>): MemOp {
  switch (op.kind) {
    case 'payout': {
      const usd = op.usd;
      if (typeof usd !== 'string' || !UNITS_RE.test(usd)) throw malformed('usd must be a decimal string of micro-dollars');
      return { kind: 'payout', to: address(op, 'to'), usd: BigInt(usd) };
    }
    case 'authorize': {
      const country = typeof op.country === 'number' ? op.country : 0;
      return { kind: 'authorize', address: address(op, 'address'), investorId: String(op.investorId ?? ''), country };
    }
    case 'deauthorize':
      return { kind: 'deauthorize', address: address(op, 'address') };
    case 'freeze':
    case 'unfreeze': {
      const u = units(op, true);
      return u === undefined ? { kind: op.kind, address: address(op, 'address') } : { kind: op.kind, address: address(op, 'address'), units: u };
    }
    case 'mint':
      return { kind: 'mint', to: address(op, 'to'), units: units(op)! };
    case 'burn':
      return { kind: 'burn', from: address(op, 'from'), units: units(op)! };
    case 'forceTransfer':
      return { kind: 'forceTransfer', from: address(op, 'from'), to: address(op, 'to'), units: units(op)! };
    case 'recover':
      return { kind: 'recover', from: address(op, 'from'), to: address(op, 'to'), units: units(op)! };
    case 'pause':
    case 'unpause':
      return { kind: op.kind };
    default:
      throw malformed(`unknown op kind ${JSON.stringify(op.kind)}`);
  }
}

export interface DecodedTx {
  chain: string;
  signer: string;
  nonce: bigint;
  token: string;
  ops: MemOp[];
}

export function decodeTxBody(body: Record<string, unknown>): DecodedTx {
  const b = body as Partial<TxBody>;
  if (typeof b.chain !== 'string' || typeof b.token !== 'string' || typeof b.signer !== 'string') {
    throw malformed('body needs chain, signer, token');
  }
  if (typeof b.nonce !== 'string' || !UNITS_RE.test(b.nonce)) throw malformed('nonce must be a decimal string');
  // No ops is a no-op that consumes its nonce (Ethereum's zero-value self-transfer): the engine's
  // sequence filler.
  if (!Array.isArray(b.ops) || b.ops.length > MAX_OPS_ON_WIRE) {
    throw malformed(`ops must be an array of at most ${MAX_OPS_ON_WIRE}`);
  }
  const ops = b.ops.map((op) => {
    if (!op || typeof op !== 'object') throw malformed('each op must be an object');
    return decodeOp(op);
  });
  // A payout moves money, not units: never mixed with token ops in one transaction.
  if (ops.some((o) => o.kind === 'payout') && !ops.every((o) => o.kind === 'payout')) throw malformed('payouts do not mix with token ops');
  return { chain: b.chain, signer: b.signer, nonce: BigInt(b.nonce), token: b.token, ops };
}

/** SingleOperation → wire JSON (bigints as decimal strings). */
export function encodeOp(op: MemOp | ChainOperation): Record<string, unknown> {
  return toJsonSafe(op) as Record<string, unknown>;
}

/** memchain event JSON → core ChainEvent. */
export function eventFromWire(e: Record<string, unknown>): ChainEvent {
  const base = { txHash: String(e.txHash), block: BigInt(e.block as string), index: Number(e.index) };
  if (e.kind === 'transfer') {
    return { kind: 'transfer', from: (e.from as string | null) ?? null, to: (e.to as string | null) ?? null, units: BigInt(e.units as string), ...base };
  }
  if (e.kind === 'authorization') return { kind: 'authorization', address: String(e.address), authorized: e.authorized === true, ...base };
  const units = e.units === undefined ? {} : { units: BigInt(e.units as string) };
  return { kind: 'freeze', address: String(e.address), frozen: e.frozen === true, ...units, ...base };
}

/** Human summary persisted with the prepared tx. */
export function describeOp(op: ChainOperation): string {
  if (op.kind === 'batch') return `batch of ${op.items.length}: ${[...new Set(op.items.map((i) => i.kind))].join(', ')}`;
  if (isOracleOperation(op)) return op.kind; // memchain has no NAV feed; prepare refuses these
  if (op.kind === 'payout') return `payout to=${op.to} usd=${op.usd}`;
  const s = encodeOp(op);
  return Object.entries(s)
    .map(([k, v]) => (k === 'kind' ? String(v) : `${k}=${String(v)}`))
    .join(' ');
}

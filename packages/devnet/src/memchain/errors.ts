import { ErrorCodes, FiscusError, type ErrorCode, type PreparedTx, type TxStatus } from '@fiscus/core';
import { TransportError } from './client.ts';

/** Maps memchain replies and transport failures to core codes and statuses (lifinance-style parseErrors). */

const KNOWN = new Set<string>(ErrorCodes);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'UND_ERR_SOCKET']);

interface WireError {
  code?: unknown;
  message?: unknown;
  details?: unknown;
  meta?: unknown;
}

/** `{ error: { code, message } }` as memchain sends it → FiscusError. Unknown codes become TX_FAILED. */
export function fromWireError(err: WireError | undefined, status?: number): FiscusError {
  const code = typeof err?.code === 'string' && KNOWN.has(err.code) ? (err.code as ErrorCode) : 'TX_FAILED';
  const message = typeof err?.message === 'string' ? err.message : `memchain answered HTTP ${status ?? '?'}`;
  return new FiscusError(code, message, {
    details: typeof err?.details === 'string' ? err.details : undefined,
    meta: err?.meta && typeof err.meta === 'object' ? (err.meta as Record<string, unknown>) : undefined,
  });
}

export function parseMemChainError(e: unknown): FiscusError {
  if (e instanceof FiscusError) return e;
  if (e instanceof TransportError) {
    return new FiscusError('CHAIN_UNAVAILABLE', 'memchain node unreachable', { details: e.message, cause: e });
  }
  if (e && typeof e === 'object') {
    const o = e as { error?: WireError; code?: unknown; message?: unknown };
    if (o.error && typeof o.error === 'object') return fromWireError(o.error);
    if (typeof o.code === 'string' && NETWORK_CODES.has(o.code)) {
      return new FiscusError('CHAIN_UNAVAILABLE', 'memchain node unreachable', { details: String(o.message), cause: e });
    }
    if (typeof o.code === 'string' && KNOWN.has(o.code)) return fromWireError(o);
  }
  return new FiscusError('INTERNAL', 'unexpected memchain driver error', {
    details: e instanceof Error ? e.message : String(e),
    cause: e,
  });
}

/** GET /tx/:hash answer → TxStatus. `final` counts blocks on top against the driver's depth. */
export function statusFromWire(r: Record<string, any>, tx: PreparedTx, depth: number): TxStatus {
  switch (r.status) {
    case 'pending':
      return { kind: 'pending' };
    case 'confirmed': {
      const block = BigInt(r.block);
      return { kind: 'confirmed', block, final: BigInt(r.head) - block >= BigInt(depth) };
    }
    case 'failed':
      return { kind: 'failed', error: fromWireError({ code: r.code, message: r.message, meta: r.meta }), block: BigInt(r.block) };
    default:
      // Decided from one snapshot: hash unknown and its nonce already consumed, so it can never land.
      if (r.signerNext !== undefined && BigInt(r.signerNext) > tx.sequence) {
        return { kind: 'dropped', reason: `nonce ${tx.sequence} of ${tx.signer} was consumed by another transaction`, sequenceConsumed: true };
      }
      return { kind: 'unknown' };
  }
}

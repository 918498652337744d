import { hexlify, type JsonRpcProvider } from 'ethers';
import { FiscusError, type PreparedTx, type SubmitResult } from '@fiscus/core';
import { errorText, isTransportError, parseEvmError } from '../errors.ts';

const ALREADY_KNOWN = /already known|already imported|known transaction|AlreadyKnown|ALREADY_EXISTS/i;
const NONCE_TOO_LOW = /nonce too low|nonce has already been used|NONCE_EXPIRED/i;
const SAME_NONCE_PENDING = /replacement transaction underpriced|REPLACEMENT_UNDERPRICED/i;

/**
 * eth_sendRawTransaction with the persisted bytes. Safe to repeat: a node that already has the
 * transaction (pending or mined) answers duplicate; "nonce too low" is a conflict only when the
 * chain does not know OUR hash, i.e. another transaction consumed the nonce.
 */
export async function submitRaw(provider: JsonRpcProvider, tx: PreparedTx): Promise<SubmitResult> {
  try {
    const hash = await provider.send('eth_sendRawTransaction', [hexlify(tx.raw)]);
    return { kind: 'accepted', hash: String(hash ?? tx.hash) };
  } catch (e) {
    const text = errorText(e);
    if (ALREADY_KNOWN.test(text)) return { kind: 'duplicate', hash: tx.hash };
    if (NONCE_TOO_LOW.test(text)) {
      const known = await provider.getTransaction(tx.hash).catch(() => null);
      if (known) return { kind: 'duplicate', hash: tx.hash };
      return {
        kind: 'rejected',
        error: new FiscusError('NONCE_CONFLICT', `nonce ${tx.sequence} of ${tx.signer} was used by another transaction`, { details: text, cause: e }),
      };
    }
    // Another tx with our nonce is pending; it may still be dropped, so ours is not dead yet.
    if (SAME_NONCE_PENDING.test(text)) return { kind: 'retryLater', reason: text, afterMs: 1_000 };
    if (isTransportError(e)) return { kind: 'retryLater', reason: text, afterMs: 500 };
    return { kind: 'rejected', error: parseEvmError(e) };
  }
}

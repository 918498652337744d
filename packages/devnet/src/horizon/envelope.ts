import { FeeBumpTransaction, type Transaction, TransactionBuilder } from '@stellar/stellar-sdk';

/** A decoded envelope: the transaction whose operations apply, and who pays for it. */
export interface ParsedTx {
  envelopeXdr: string;
  /** Hash of the envelope as submitted (the outer hash for a fee bump). */
  hash: string;
  inner: Transaction;
  innerHash: string;
  feeBump?: FeeBumpTransaction;
  feeSource: string;
  /** The most the fee source agreed to pay, in stroops. */
  feeBid: bigint;
  /** Operations the fee is computed over (a fee bump counts one more, CAP-0015). */
  feeOps: number;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/**
 * Decodes with the ledger's passphrase: hashes (and so signatures) are bound to the network,
 * which is how a transaction signed for another network fails (tx_bad_auth).
 */
export function parseEnvelope(envelopeXdr: string, passphrase: string): ParsedTx {
  const tx = TransactionBuilder.fromXDR(envelopeXdr, passphrase);
  if (tx instanceof FeeBumpTransaction) {
    const inner = tx.innerTransaction;
    return {
      envelopeXdr,
      hash: hex(tx.hash()),
      inner,
      innerHash: hex(inner.hash()),
      feeBump: tx,
      feeSource: tx.feeSource,
      feeBid: BigInt(tx.fee),
      feeOps: inner.operations.length + 1,
    };
  }
  const inner = tx as Transaction;
  const hash = hex(inner.hash());
  return { envelopeXdr, hash, inner, innerHash: hash, feeSource: inner.source, feeBid: BigInt(inner.fee), feeOps: inner.operations.length };
}

export const isMuxed = (address: string) => address.startsWith('M');

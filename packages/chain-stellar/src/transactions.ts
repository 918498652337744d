import { Account, TransactionBuilder, TransactionFailedError, type Transaction, type xdr } from '@stellar/stellar-sdk';
import { FiscusError, type PreparedTx, type Signer, type SubmitResult, type TxStatus } from '@fiscus/core';
import { fromResultCodes, isTransient, parseStellarError, resultCodesOf } from './errors.ts';
import { orMissing } from './horizon.ts';
import type { StellarNetwork } from './network.ts';
import { decodeResultCodes } from './result-codes.ts';
import { signWith } from './sign.ts';

/** Builds and signs one transaction at an engine-allocated sequence, with time bounds. */
export async function buildSigned(net: StellarNetwork, source: string, sequence: bigint, ops: xdr.Operation[], signer: Signer) {
  // TransactionBuilder uses account.sequence + 1: hand it the number before ours.
  const maxTime = Math.floor(Date.now() / 1000) + net.txTimeoutSec;
  const b = new TransactionBuilder(new Account(source, (sequence - 1n).toString()), {
    fee: String(net.maxFeePerOp),
    networkPassphrase: net.passphrase,
    timebounds: { minTime: 0, maxTime },
  });
  for (const op of ops) b.addOperation(op);
  const tx = b.build();
  await signWith(tx, signer);
  return { tx, hash: Buffer.from(tx.hash()).toString('hex'), raw: tx.toEnvelope().toXdr('raw'), validUntil: new Date(maxTime * 1000) };
}

const decode = (net: StellarNetwork, raw: Uint8Array) => TransactionBuilder.fromXDR(Buffer.from(raw).toString('base64'), net.passphrase) as Transaction;
const lookup = (net: StellarNetwork, hash: string) => orMissing(net.server.transactions().transaction(hash).call());

/**
 * Sends the signed bytes. A hash Horizon already has is a duplicate (no second POST); a
 * transaction that failed INSIDE a ledger was accepted (status() reports the failure), while
 * one refused before apply is rejected; transport trouble is retryLater, never an error.
 */
export async function submitSigned(net: StellarNetwork, p: PreparedTx): Promise<SubmitResult> {
  try {
    if (await lookup(net, p.hash)) return { kind: 'duplicate', hash: p.hash };
    await net.server.submitTransaction(decode(net, p.raw), { skipMemoRequiredCheck: true });
    return { kind: 'accepted', hash: p.hash };
  } catch (e) {
    if (isTransient(e)) return { kind: 'retryLater', reason: (e as Error).message, afterMs: 1000 };
    const codes = resultCodesOf(e);
    if (!codes) return { kind: 'rejected', error: parseStellarError(e) };
    if (codes.transaction === 'tx_too_early' || codes.transaction === 'tx_insufficient_fee') {
      return { kind: 'retryLater', reason: codes.transaction, afterMs: 2000 };
    }
    // tx_failed may be an apply-time failure (in the ledger) or a validation failure (not).
    const inLedger = e instanceof TransactionFailedError ? await orMissing(net.server.transactions().transaction(p.hash).call()) : undefined;
    if (inLedger) return codes.transaction === 'tx_bad_seq' ? { kind: 'duplicate', hash: p.hash } : { kind: 'accepted', hash: p.hash };
    return { kind: 'rejected', error: fromResultCodes(codes, e) };
  }
}

/**
 * confirmed / failed from Horizon's history; otherwise `dropped` only when the transaction
 * provably cannot land: its sequence is consumed, or the last closed ledger is past its max time.
 */
export async function statusOf(net: StellarNetwork, p: PreparedTx): Promise<TxStatus> {
  try {
    const found = await lookup(net, p.hash);
    if (found) return settled(found);
    const account = await orMissing(net.server.loadAccount(p.signer));
    const seqUsed = account !== undefined && BigInt(account.sequenceNumber()) >= p.sequence;
    const expired = p.validUntil !== undefined && (await lastCloseTime(net)) > p.validUntil.getTime();
    if (!seqUsed && !expired) return { kind: 'unknown' };
    // Look again: it may have landed between the two reads.
    const again = await lookup(net, p.hash);
    if (again) return settled(again);
    return {
      kind: 'dropped',
      reason: seqUsed ? `sequence ${p.sequence} consumed by another transaction` : 'time bounds expired',
      sequenceConsumed: seqUsed,
    };
  } catch (e) {
    throw parseStellarError(e);
  }
}

function settled(t: { successful: boolean; ledger_attr: number; result_xdr: string }): TxStatus {
  const block = BigInt(t.ledger_attr);
  // SCP closes ledgers with finality: a closed ledger is never reverted.
  if (t.successful) return { kind: 'confirmed', block, final: true };
  return { kind: 'failed', error: fromResultCodes(decodeResultCodes(t.result_xdr)), block };
}

async function lastCloseTime(net: StellarNetwork): Promise<number> {
  const page = await net.server.ledgers().order('desc').limit(1).call();
  const closed = page.records[0]?.closed_at;
  if (!closed) throw new FiscusError('CHAIN_UNAVAILABLE', 'Horizon returned no ledger');
  return Date.parse(closed);
}

import { Asset, FeeBumpTransaction, Keypair, StrKey, TransactionBuilder, type Transaction } from '@stellar/stellar-sdk';
import { amountToUnits } from '../amounts.ts';
import { assetOf, type StellarDeployment } from '../deployment.ts';
import { MAX_OPS } from '../ops.ts';

/** One payment of the fund asset the wallet asked for. */
export interface Sep8Payment {
  /** Operation index in the submitted transaction. */
  index: number;
  to: string;
  units: bigint;
  /** The SDK amount string, kept as sent. */
  amount: string;
  /** The operation's own source when the wallet set one (always the transaction's source). */
  opSource?: string;
}

/** A transaction that is shaped like a transfer of the fund asset (not yet judged by the policy). */
export interface Sep8Request {
  tx: Transaction;
  /** Hex hash of the submitted transaction on this network: the idempotency key. */
  hash: string;
  source: string;
  sequence: bigint;
  feePerOp: bigint;
  payments: Sep8Payment[];
  /** The wallet already wrapped the payments in the issuer's operations (SEP-8 "built preemptively"). */
  wrapped: boolean;
}

export type Sep8Review = { ok: true; request: Sep8Request } | { ok: false; hash?: string; error: string };

export interface Sep8Limits {
  passphrase: string;
  /** Highest fee per operation the wallet may bid, in stroops. */
  maxFeePerOp: bigint;
  /** Accounts of the platform that may not be a transaction's source. */
  platform: string[];
  now: Date;
}

/** Payments per approval: the sandwich adds up to two issuer operations per payment. */
export const MAX_SEP8_PAYMENTS = Math.floor((MAX_OPS - 2) / 3);

/**
 * Checks the SHAPE of a transaction sent to the approval server (SEP-8 "Approval Server"): a
 * transaction envelope for this network, signed by its source account, whose operations are
 * only payments of the fund asset from that source (optionally already sandwiched by the
 * issuer's setTrustLineFlags), with a fee within the limit and time bounds not yet past.
 * Anything else is refused with the reason; the policy is judged by the caller afterwards.
 */
export function reviewSep8(d: StellarDeployment, xdr: string, l: Sep8Limits): Sep8Review {
  let parsed: Transaction | FeeBumpTransaction;
  try {
    parsed = TransactionBuilder.fromXDR(xdr, l.passphrase);
  } catch (e) {
    return { ok: false, error: `tx is not a base64 Stellar transaction envelope: ${(e as Error).message}` };
  }
  if (parsed instanceof FeeBumpTransaction) return { ok: false, error: 'tx is a fee-bump envelope: send the inner transaction' };
  const tx = parsed;
  const hash = Buffer.from(tx.hash()).toString('hex');
  const reject = (error: string): Sep8Review => ({ ok: false, hash, error });
  const source = tx.source;
  if (!StrKey.isValidEd25519PublicKey(source)) return reject(`the source ${source} must be an ordinary account (G…), not muxed`);
  if (l.platform.includes(source)) return reject(`the source ${source} is one of the issuer's accounts, not an investor's`);
  if (!signedBy(tx, source)) {
    return reject(`the transaction is not signed by its source ${source} for this network ("${l.passphrase}"): sign it with the source account's key first`);
  }
  const n = tx.operations.length;
  if (n === 0 || n > MAX_OPS) return reject(`a transaction carries 1..${MAX_OPS} operations, this one has ${n}`);
  const feePerOp = BigInt(tx.fee) / BigInt(n);
  if (feePerOp > l.maxFeePerOp) return reject(`the fee bids ${feePerOp} stroops per operation, above the maximum of ${l.maxFeePerOp}`);
  const maxTime = Number(tx.timeBounds?.maxTime ?? 0);
  if (maxTime !== 0 && maxTime * 1000 < l.now.getTime())
    return reject(`the transaction expired at ${new Date(maxTime * 1000).toISOString()} (its time bounds)`);
  if (
    tx.ledgerBounds ||
    tx.minAccountSequence !== undefined ||
    BigInt(tx.minAccountSequenceAge ?? 0) !== 0n ||
    (tx.minAccountSequenceLedgerGap ?? 0) !== 0 ||
    (tx.extraSigners ?? []).length > 0
  ) {
    return reject('preconditions other than time bounds (ledger bounds, minimum sequence, extra signers) are not supported');
  }
  const asset = assetOf(d);
  const payments: Sep8Payment[] = [];
  let wrapped = false;
  for (const [index, op] of tx.operations.entries()) {
    const what = `operation ${index} (${op.type})`;
    if (op.type === 'setTrustLineFlags' && op.source === d.issuer && op.asset.equals(asset)) {
      wrapped = true; // checked by the caller: it must be exactly the composition we would add
      continue;
    }
    if (op.type !== 'payment') return reject(`${what} is not allowed: only payments of ${label(asset)} can be approved`);
    if (!(op.asset instanceof Asset) || !op.asset.equals(asset)) return reject(`${what} pays another asset than ${label(asset)}`);
    if (op.source !== undefined && op.source !== source) return reject(`${what} has another source (${op.source}) than the transaction's (${source})`);
    if (!StrKey.isValidEd25519PublicKey(op.destination)) return reject(`${what} pays a muxed or invalid destination ${op.destination}`);
    if (op.destination === d.issuer) return reject(`${what} pays the issuer: to redeem, pay the redemption address ${d.distribution}`);
    if (op.destination === source) return reject(`${what} pays the source account itself`);
    let units: bigint;
    try {
      units = amountToUnits(op.amount, d.decimals);
    } catch {
      return reject(`${what} pays ${op.amount}, not a whole number of units at the fund's ${d.decimals} decimals`);
    }
    payments.push({ index, to: op.destination, units, amount: op.amount, ...(op.source ? { opSource: op.source } : {}) });
  }
  if (payments.length === 0) return reject(`the transaction has no payment of ${label(asset)}`);
  if (payments.length > MAX_SEP8_PAYMENTS) return reject(`at most ${MAX_SEP8_PAYMENTS} payments per transaction, this one has ${payments.length}`);
  return { ok: true, request: { tx, hash, source, sequence: BigInt(tx.sequence), feePerOp, payments, wrapped } };
}

const label = (a: Asset) => `${a.getCode()}:${a.getIssuer()}`;

/** Is one of the signatures this account's master key over this network's hash? */
export function signedBy(tx: Transaction, account: string): boolean {
  const kp = Keypair.fromPublicKey(account);
  const hint = Buffer.from(kp.signatureHint());
  const hash = tx.hash();
  return tx.signatures.some((s) => Buffer.from(s.hint.toBytes()).equals(hint) && kp.verify(hash, Buffer.from(s.signature.toBytes())));
}

import { Account, Operation, TransactionBuilder, type Transaction, type xdr } from '@stellar/stellar-sdk';
import type { ChainId, Signer } from '@fiscus/core';
import { assetOf, type StellarDeployment } from '../deployment.ts';
import { builders, type LineStates } from '../ops.ts';
import { accountIdOf } from '../keys.ts';
import { signWith } from '../sign.ts';
import { signedBy, type Sep8Request } from './review.ts';

/** The answer to an approved request: the issuer-signed transaction for the wallet. */
export interface Sep8Approved {
  /** success: the wallet's own transaction (already compliant) with the issuer's signature added; revised: a new one to re-sign. */
  status: 'success' | 'revised';
  xdr: string;
  /** Its hash as the ledger will index it (tracking). */
  hash: string;
  sequence: bigint;
  /** Time bound after which it provably cannot land. */
  validUntil: Date;
  message: string;
}

/**
 * The compliant composition (SEP-8 "Transaction Composition"): wake every resting line involved
 * (issuer's setTrustLineFlags to AUTHORIZED), the wallet's payments unchanged and in order, then
 * put the same lines back to rest (AUTHORIZED_TO_MAINTAIN_LIABILITIES) in reverse. Lines that
 * are not resting are left alone (the distribution account is fully authorized; the caller has
 * refused any other state).
 */
export function composition(chain: ChainId, d: StellarDeployment, r: Sep8Request, lines: LineStates): xdr.Operation[] {
  const b = builders(chain, d);
  const asset = assetOf(d);
  const involved = [...new Set([r.source, ...r.payments.map((p) => p.to)])].filter((a) => lines.get(a) === 'maintain');
  const payments = r.payments.map((p) => Operation.payment({ destination: p.to, asset, amount: p.amount, ...(p.opSource ? { source: p.opSource } : {}) }));
  return [...involved.map((a) => b.issuerFlags(a, b.authorize)), ...payments, ...[...involved].reverse().map((a) => b.issuerFlags(a, b.rest))];
}

const opsXdr = (ops: xdr.Operation[]) => ops.map((o) => o.toXdr('base64')).join('|');

/**
 * Signs the approved transfer. A transaction the wallet already composed exactly as we would is
 * signed as is (`success`, the wallet's signatures kept); otherwise a new transaction with the
 * SAME source and sequence, memo and lower time bound, the fee per operation the wallet bid, and
 * an upper time bound of at most `timeoutSec` is built, signed by the issuer (`revised`): the
 * wallet checks it and adds its own signature.
 */
export async function signApproved(
  chain: ChainId,
  d: StellarDeployment,
  r: Sep8Request,
  lines: LineStates,
  o: { passphrase: string; issuer: Signer; timeoutSec: number; now: Date; baseFee: bigint },
): Promise<Sep8Approved | { error: string }> {
  const ops = composition(chain, d, r, lines);
  const asSent = r.tx.operations.length === ops.length && opsXdr(ops) === opsXdr(toXdrOps(r.tx));
  const sentMax = Number(r.tx.timeBounds?.maxTime ?? 0);
  if (asSent) {
    if (sentMax === 0) return { error: 'a transaction already wrapped by the wallet needs an upper time bound, so that its approval can expire' };
    // A transaction we revised earlier comes back with the issuer's signature already on it: a
    // second copy would be an unused signature (tx_bad_auth_extra), so it is added only once.
    if (!signedBy(r.tx, accountIdOf(o.issuer))) await signWith(r.tx, o.issuer);
    return done('success', r.tx, new Date(sentMax * 1000), 'Approved as composed by the wallet: the issuer signed it.');
  }
  if (r.wrapped) return { error: 'the issuer operations in the transaction are not the ones the approval server adds: send the payments alone' };
  const maxTime = Math.min(...[Math.floor(o.now.getTime() / 1000) + o.timeoutSec, ...(sentMax !== 0 ? [sentMax] : [])]);
  const feePerOp = r.feePerOp > o.baseFee ? r.feePerOp : o.baseFee;
  const b = new TransactionBuilder(new Account(r.source, (r.sequence - 1n).toString()), {
    fee: String(feePerOp),
    networkPassphrase: o.passphrase,
    memo: r.tx.memo,
    timebounds: { minTime: Number(r.tx.timeBounds?.minTime ?? 0), maxTime },
  });
  for (const op of ops) b.addOperation(op);
  const revised = b.build();
  await signWith(revised, o.issuer);
  const woken = (ops.length - r.payments.length) / 2;
  return done(
    'revised',
    revised,
    new Date(maxTime * 1000),
    `Authorization and deauthorization operations were added: the issuer authorizes ${woken} trustline(s) for these payments only and puts them back to authorized-to-maintain-liabilities in the same transaction. ` +
      `Same source and sequence number; fee ${feePerOp} stroops per operation; valid until ${new Date(maxTime * 1000).toISOString()}. Check it, sign it with the source account and submit it to Horizon.`,
  );
}

function toXdrOps(tx: Transaction): xdr.Operation[] {
  const env = tx.toEnvelope() as unknown as { v1: { tx: { operations: xdr.Operation[] } } };
  return env.v1.tx.operations;
}

function done(status: 'success' | 'revised', tx: Transaction, validUntil: Date, message: string): Sep8Approved {
  return { status, xdr: tx.toEnvelope().toXdr('base64'), hash: Buffer.from(tx.hash()).toString('hex'), sequence: BigInt(tx.sequence), validUntil, message };
}

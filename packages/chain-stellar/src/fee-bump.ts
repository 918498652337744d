import { Asset, FeeBumpTransaction, StrKey, TransactionBuilder, type Transaction } from '@stellar/stellar-sdk';
import { FiscusError, type Signer } from '@fiscus/core';
import { assetOf, type StellarDeployment } from './deployment.ts';
import { orMissing } from './horizon.ts';
import { accountIdOf } from './keys.ts';
import type { StellarNetwork } from './network.ts';
import { MAX_OPS } from './ops.ts';
import { signWith } from './sign.ts';

export interface FeeBumpResult {
  /** Hash of the fee-bump envelope (what Horizon indexes the transaction under). */
  hash: string;
  innerHash: string;
  /** The investor's account (the inner transaction's source). */
  source: string;
  feeAccount: string;
  ledger: number;
}

const invalid = (message: string, meta: Record<string, unknown> = {}) => new FiscusError('VALIDATION_FAILED', message, { meta: { ...meta, field: 'xdr' } });

/**
 * What the platform agrees to pay the fee for: an investor's own transaction (its source an
 * ordinary G… account, not one of ours) that only touches the fund's asset — changeTrust and
 * payments of that asset, and the reserve sponsorship our sponsor signed for that investor —
 * or a delivery-versus-payment subscription as the platform quoted it: the investor pays the
 * settlement stablecoin to the fund's treasury (the distribution account) and the issuer pays
 * the units to the investor, both in the one transaction. Anything else (another asset,
 * setOptions, an op sourced from a third account) is refused, so the fee account cannot be made
 * to pay for unrelated activity.
 */
export function parseInvestorTransaction(
  net: StellarNetwork,
  d: StellarDeployment,
  xdr: string,
  platform: { sponsor: string; feeAccount: string; stablecoin?: Asset },
): Transaction {
  let parsed: Transaction | FeeBumpTransaction;
  try {
    parsed = TransactionBuilder.fromXDR(xdr, net.passphrase);
  } catch (e) {
    throw invalid(`not a base64 Stellar transaction envelope: ${(e as Error).message}`);
  }
  if (parsed instanceof FeeBumpTransaction) throw invalid('the envelope is already a fee bump; send the inner transaction');
  const tx = parsed;
  const source = tx.source;
  if (!StrKey.isValidEd25519PublicKey(source)) throw invalid(`the source ${source} must be an ordinary account (G…), not muxed`);
  const ours = new Set([d.issuer, d.distribution, platform.sponsor, platform.feeAccount]);
  if (ours.has(source)) throw invalid(`the source ${source} is one of the platform's accounts, not an investor's`);
  if (tx.operations.length === 0 || tx.operations.length > MAX_OPS) throw invalid(`a transaction carries 1..${MAX_OPS} operations`);
  if (tx.signatures.length === 0) throw invalid('the transaction carries no signature: the investor signs it first');
  if (BigInt(tx.fee) > net.maxFeePerOp * BigInt(tx.operations.length)) throw invalid(`the inner fee bids more than ${net.maxFeePerOp} stroops per operation`);
  const asset = assetOf(d);
  const coin = platform.stablecoin;
  // The DvP's payment leg: the investor's stablecoin to the treasury. Only beside it may the issuer deliver units.
  const paysTreasury = (op: Transaction['operations'][number]) =>
    coin !== undefined && op.type === 'payment' && op.asset.equals(coin) && (op.source ?? source) === source && op.destination === d.distribution;
  const dvp = coin !== undefined && tx.operations.some(paysTreasury);
  tx.operations.forEach((op, index) => {
    if (dvp && (paysTreasury(op) || isDelivery(op, d.issuer, source, asset))) return;
    checkOperation(op, index, source, asset, platform.sponsor, d.sep8 === true ? d.issuer : undefined);
  });
  return tx;
}

/** The DvP's delivery leg: the issuer pays the fund asset to the transaction's investor. */
function isDelivery(op: Transaction['operations'][number], issuer: string, investor: string, asset: Asset): boolean {
  return op.type === 'payment' && op.source === issuer && op.destination === investor && op.asset.equals(asset);
}

function checkOperation(op: Transaction['operations'][number], index: number, source: string, asset: Asset, sponsor: string, sep8Issuer?: string): void {
  const refuse = (why: string) => {
    throw invalid(`operation ${index} (${op.type}) ${why}`, { index, type: op.type });
  };
  const opSource = op.source ?? source;
  switch (op.type) {
    case 'changeTrust':
      if (!(op.line instanceof Asset) || !op.line.equals(asset)) refuse(`is not for ${asset.getCode()}:${asset.getIssuer()}`);
      break;
    case 'payment':
      if (!op.asset.equals(asset)) refuse(`pays another asset than ${asset.getCode()}:${asset.getIssuer()}`);
      break;
    case 'beginSponsoringFutureReserves':
      // Only our sponsor may pay reserves, only for the transaction's own investor.
      if (opSource !== sponsor || op.sponsoredId !== source) refuse('is not our sponsor sponsoring this investor');
      return;
    case 'endSponsoringFutureReserves':
      break;
    case 'setTrustLineFlags':
      // SEP-8: an approved transfer carries the issuer's authorize / back-to-rest operations
      // (issuer-signed by the approval server); nothing else may set trustline flags.
      if (sep8Issuer !== undefined && opSource === sep8Issuer && op.asset.equals(asset)) return;
      refuse('is not allowed: only the issuer of a SEP-8 fund asset sets trustline flags, in an approved transfer');
      break;
    default:
      refuse('is not allowed: only changeTrust and payments of the fund asset can be fee-bumped');
  }
  if (opSource !== source) refuse(`has another source (${opSource}) than the investor`);
}

/**
 * Wraps the investor-signed transaction in a fee bump paid and signed by the fee account, and
 * submits it. The envelope is deterministic (same inner tx, same bid), so a repeated call finds
 * the first one by hash instead of paying twice.
 */
export async function feeBumpAndSubmit(net: StellarNetwork, inner: Transaction, feeAccount: Signer): Promise<FeeBumpResult> {
  const feeAccountId = accountIdOf(feeAccount);
  const bump = TransactionBuilder.buildFeeBumpTransaction(feeAccountId, String(net.maxFeePerOp), inner, net.passphrase);
  await signWith(bump, feeAccount);
  const hash = Buffer.from(bump.hash()).toString('hex');
  const base = { hash, innerHash: Buffer.from(inner.hash()).toString('hex'), source: inner.source, feeAccount: feeAccountId };
  const known = await orMissing(net.server.transactions().transaction(hash).call());
  if (known) {
    if (!known.successful) throw new FiscusError('TX_FAILED', `fee bump ${hash} is in ledger ${known.ledger_attr} as failed`, { meta: { hash } });
    return { ...base, ledger: known.ledger_attr };
  }
  const res = await net.server.submitTransaction(bump, { skipMemoRequiredCheck: true });
  return { ...base, ledger: res.ledger };
}

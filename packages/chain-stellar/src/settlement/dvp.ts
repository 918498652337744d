import { Operation, StrKey, TransactionBuilder, type xdr } from '@stellar/stellar-sdk';
import { FiscusError, type Signer } from '@fiscus/core';
import { unitsToAmount } from '../amounts.ts';
import { assetOf, type StellarDeployment } from '../deployment.ts';
import { orMissing } from '../horizon.ts';
import type { StellarNetwork } from '../network.ts';
import { lineState } from '../reads.ts';
import { signWith } from '../sign.ts';
import type { InvestorTransaction } from '../sponsorship.ts';
import { stablecoinAsset, type StellarStablecoin } from './usdc.ts';

const AUTHORIZE = { authorized: true, authorizedToMaintainLiabilities: false };
const REST = { authorized: false, authorizedToMaintainLiabilities: true };

export interface DvpSubscription {
  investor: string;
  /** Fund units delivered (fund decimals). */
  units: bigint;
  /** Stablecoin paid, in stroops (7 decimals). */
  stroops: bigint;
  /** The quote's expiry: the transaction's max time, so an expired quote can never land. */
  validUntil: Date;
}

/**
 * Delivery versus payment in ONE Stellar transaction (issue 12): the investor (source of the
 * transaction and of its sequence) pays the stablecoin to the fund's treasury (the distribution
 * account) and the issuer pays the units to the investor — both or neither, as stellar-core
 * applies a transaction's operations atomically. The issuer signs now (its operations carry it
 * as their source, so its sequence is never used); the investor co-signs and submits, directly
 * or through the platform's fee bump. Any change to the transaction voids the issuer's signature
 * (tx_bad_auth), and the time bounds end at the quote's expiry (tx_too_late).
 * SEP-8 deployments wake the investor's resting line around the delivery, as for a mint.
 */
export async function buildDvpSubscription(
  net: StellarNetwork,
  d: StellarDeployment,
  s: StellarStablecoin,
  issuer: Signer,
  p: DvpSubscription,
): Promise<InvestorTransaction> {
  if (!StrKey.isValidEd25519PublicKey(p.investor)) throw new FiscusError('INVALID_ADDRESS', `${p.investor} is not a Stellar account id (G…)`);
  if (p.units <= 0n || p.stroops <= 0n) throw new FiscusError('INVALID_AMOUNT', 'a subscription delivers positive units against a positive payment');
  if ([d.issuer, d.distribution, s.issuer].includes(p.investor))
    throw new FiscusError('VALIDATION_FAILED', `${p.investor} is one of the platform's own accounts`);
  const account = await orMissing(net.server.loadAccount(p.investor));
  if (!account) throw new FiscusError('NOT_AUTHORIZED_ON_CHAIN', `the account ${p.investor} does not exist`, { meta: { reason: 'ACCOUNT_MISSING' } });
  const trustsCoin = account.balances.some((b) => 'asset_code' in b && b.asset_code === s.code && b.asset_issuer === s.issuer);
  if (!trustsCoin) {
    throw new FiscusError('NOT_AUTHORIZED_ON_CHAIN', `${p.investor} has no trustline to ${s.code}: it cannot pay`, { meta: { reason: 'NO_TRUSTLINE' } });
  }
  const line = await lineState(net, d, p.investor);
  const deliver = Operation.payment({ destination: p.investor, asset: assetOf(d), amount: unitsToAmount(p.units, d.decimals), source: d.issuer });
  let delivery: xdr.Operation[];
  if (line === 'authorized') delivery = [deliver];
  else if (d.sep8 && line === 'maintain') {
    const issuerFlags = (f: { authorized: boolean; authorizedToMaintainLiabilities: boolean }) =>
      Operation.setTrustLineFlags({ trustor: p.investor, asset: assetOf(d), flags: f, source: d.issuer });
    delivery = [issuerFlags(AUTHORIZE), deliver, issuerFlags(REST)];
  } else {
    throw new FiscusError('NOT_AUTHORIZED_ON_CHAIN', `${p.investor}'s line to ${d.assetCode} is ${line}: it cannot receive units`, {
      meta: { reason: line.toUpperCase() },
    });
  }
  const maxTime = Math.floor(p.validUntil.getTime() / 1000);
  const ops = [Operation.payment({ destination: d.distribution, asset: stablecoinAsset(s), amount: unitsToAmount(p.stroops, 7) }), ...delivery];
  const b = new TransactionBuilder(account, { fee: '100', networkPassphrase: net.passphrase, timebounds: { minTime: 0, maxTime } });
  for (const op of ops) b.addOperation(op);
  const tx = b.build();
  await signWith(tx, issuer);
  return {
    xdr: tx.toEnvelope().toXdr('base64'),
    hash: Buffer.from(tx.hash()).toString('hex'),
    source: p.investor,
    sponsor: d.issuer,
    networkPassphrase: net.passphrase,
    validUntil: new Date(maxTime * 1000),
  };
}

import { Operation, StrKey, TransactionBuilder } from '@stellar/stellar-sdk';
import { FiscusError, type Signer } from '@fiscus/core';
import { assetOf, type StellarDeployment } from './deployment.ts';
import { orMissing } from './horizon.ts';
import type { StellarNetwork } from './network.ts';
import { signWith } from './sign.ts';

/** A transaction built by the platform for an investor to co-sign (then fee-bump or submit). */
export interface InvestorTransaction {
  /** Base64 TransactionEnvelope, already signed by the platform's account(s). */
  xdr: string;
  hash: string;
  /** The investor's account: source of the transaction and of its sequence number. */
  source: string;
  /** The account that pays the reserve of the entries it creates. */
  sponsor: string;
  /** The network the signatures are for (the investor's wallet signs with the same). */
  networkPassphrase: string;
  validUntil: Date;
}

/**
 * The investor's trustline to the fund asset with its 0.5 XLM reserve paid by the sponsor
 * (CAP-33): begin(sponsor → investor), changeTrust, end (signed by the investor, who so
 * consents). The investor is the transaction's source so no platform sequence number is used:
 * the issuer's sequence stays the engine's alone. The sponsor signs here; the investor co-signs,
 * and the platform's fee bump makes the fee its own, so the investor spends no XLM at all.
 */
export async function sponsoredTrustline(
  net: StellarNetwork,
  d: StellarDeployment,
  investor: string,
  sponsor: { account: string; signer: Signer },
): Promise<InvestorTransaction> {
  if (!StrKey.isValidEd25519PublicKey(investor)) throw new FiscusError('INVALID_ADDRESS', `${investor} is not a Stellar account id (G…)`);
  // The account pays the reserve; with role keys its signer is a key of weight on it, not its master.
  const sponsorId = sponsor.account;
  if (investor === d.issuer || investor === d.distribution || investor === sponsorId) {
    throw new FiscusError('VALIDATION_FAILED', `${investor} is one of the platform's own accounts`);
  }
  const account = await orMissing(net.server.loadAccount(investor));
  if (!account) {
    throw new FiscusError('NOT_AUTHORIZED_ON_CHAIN', `the account ${investor} does not exist`, { meta: { reason: 'ACCOUNT_MISSING', address: investor } });
  }
  const has = account.balances.some((b) => 'asset_code' in b && b.asset_code === d.assetCode && b.asset_issuer === d.issuer);
  if (has)
    throw new FiscusError('CONFLICT', `${investor} already has a trustline to ${d.assetCode}:${d.issuer}`, {
      meta: { reason: 'TRUSTLINE_EXISTS', address: investor },
    });
  const maxTime = Math.floor(Date.now() / 1000) + net.txTimeoutSec;
  // The inner fee is the network minimum: a fee bump replaces it, only its rate must be matched.
  const tx = new TransactionBuilder(account, { fee: '100', networkPassphrase: net.passphrase, timebounds: { minTime: 0, maxTime } })
    .addOperation(Operation.beginSponsoringFutureReserves({ sponsoredId: investor, source: sponsorId }))
    .addOperation(Operation.changeTrust({ asset: assetOf(d) }))
    .addOperation(Operation.endSponsoringFutureReserves({}))
    .build();
  await signWith(tx, sponsor.signer);
  return {
    xdr: tx.toEnvelope().toXdr('base64'),
    hash: Buffer.from(tx.hash()).toString('hex'),
    source: investor,
    sponsor: sponsorId,
    networkPassphrase: net.passphrase,
    validUntil: new Date(maxTime * 1000),
  };
}

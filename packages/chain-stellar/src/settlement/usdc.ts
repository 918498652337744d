import { Asset, Operation, TransactionBuilder, type xdr } from '@stellar/stellar-sdk';
import { FiscusError, microUsdToStablecoin, type SettlementAsset, type Signer } from '@fiscus/core';
import { amountToStroops, unitsToAmount } from '../amounts.ts';
import { orMissing } from '../horizon.ts';
import { accountIdOf } from '../keys.ts';
import type { StellarNetwork } from '../network.ts';
import { signWith } from '../sign.ts';

/** The fund's stablecoin on this Stellar network: a classic asset (USDC: code + Circle's issuer). */
export interface StellarStablecoin {
  code: string;
  issuer: string;
}

export const stablecoinAsset = (s: StellarStablecoin) => new Asset(s.code, s.issuer);
export const settlementAssetOf = (s: StellarStablecoin): SettlementAsset => ({ family: 'stellar', code: s.code, issuer: s.issuer, decimals: 7 });

type Line = { asset_code?: string; asset_issuer?: string; balance: string; is_authorized?: boolean };

async function lineOf(net: StellarNetwork, s: StellarStablecoin, address: string): Promise<{ account: boolean; line?: Line }> {
  const account = await orMissing(net.server.loadAccount(address));
  if (!account) return { account: false };
  const line = account.balances.find((b) => 'asset_code' in b && b.asset_code === s.code && b.asset_issuer === s.issuer) as Line | undefined;
  return { account: true, line };
}

/** Stroops (7 decimals) of the stablecoin held by `address`; 0 without an account or a line. */
export async function stablecoinBalance(net: StellarNetwork, s: StellarStablecoin, address: string): Promise<bigint> {
  if (address === s.issuer) return 0n;
  const { line } = await lineOf(net, s, address);
  return line ? amountToStroops(line.balance) : 0n;
}

/**
 * A payee that cannot receive the stablecoin, said before anything is signed: no account, no
 * trustline, or a line the stablecoin's issuer has not authorized (Circle's USDC is AUTH_REQUIRED
 * on some networks). The codes are the engine's permanent ones, so the payout is held at once.
 */
export async function assertCanReceive(net: StellarNetwork, s: StellarStablecoin, address: string): Promise<void> {
  const { account, line } = await lineOf(net, s, address);
  const meta = { address, asset: `${s.code}:${s.issuer}` };
  if (!account) throw new FiscusError('NOT_AUTHORIZED_ON_CHAIN', `the account ${address} does not exist`, { meta: { ...meta, reason: 'ACCOUNT_MISSING' } });
  if (!line) {
    throw new FiscusError('NOT_AUTHORIZED_ON_CHAIN', `${address} has no trustline to ${s.code}`, { meta: { ...meta, reason: 'NO_TRUSTLINE' } });
  }
  if (line.is_authorized === false) {
    throw new FiscusError('NOT_AUTHORIZED_ON_CHAIN', `${address}'s ${s.code} trustline is not authorized by its issuer`, {
      meta: { ...meta, reason: 'NOT_AUTHORIZED' },
    });
  }
}

/** The payment op of a payout: micro-dollars → stroops (exact: 7 ≥ 6 decimals). */
export function payoutPayment(s: StellarStablecoin, to: string, usd: bigint): xdr.Operation {
  const { amount } = microUsdToStablecoin(usd, 7);
  if (amount <= 0n) throw new FiscusError('INVALID_AMOUNT', 'a payout pays a positive amount');
  return Operation.payment({ destination: to, asset: stablecoinAsset(s), amount: unitsToAmount(amount, 7) });
}

/**
 * The treasury (the fund's distribution account) holds a trustline to the stablecoin, created at
 * deploy, idempotently: without it no investor could pay in and no payout could be sent.
 */
export async function ensureTreasuryLine(net: StellarNetwork, s: StellarStablecoin, treasury: Signer): Promise<void> {
  const id = accountIdOf(treasury);
  const { account, line } = await lineOf(net, s, id);
  if (!account) throw new FiscusError('NOT_DEPLOYED', `treasury account ${id} does not exist`);
  if (line) return;
  const loaded = await net.server.loadAccount(id);
  const tx = new TransactionBuilder(loaded, { fee: String(net.maxFeePerOp), networkPassphrase: net.passphrase })
    .addOperation(Operation.changeTrust({ asset: stablecoinAsset(s) }))
    .setTimeout(net.txTimeoutSec)
    .build();
  await signWith(tx, treasury);
  await net.server.submitTransaction(tx, { skipMemoRequiredCheck: true });
}

/**
 * Devnet/testnet faucet: the stablecoin's issuer pays `stroops` to `to` (which must trust it).
 * Only usable where the platform holds the issuer's key, i.e. a local USDC (never Circle's).
 */
export async function faucetPay(net: StellarNetwork, s: StellarStablecoin, issuer: Signer, to: string, stroops: bigint): Promise<string> {
  if (accountIdOf(issuer) !== s.issuer) throw new FiscusError('FORBIDDEN', 'the faucet needs the stablecoin issuer key');
  await assertCanReceive(net, s, to);
  const loaded = await net.server.loadAccount(s.issuer);
  const tx = new TransactionBuilder(loaded, { fee: String(net.maxFeePerOp), networkPassphrase: net.passphrase })
    .addOperation(Operation.payment({ destination: to, asset: stablecoinAsset(s), amount: unitsToAmount(stroops, 7) }))
    .setTimeout(net.txTimeoutSec)
    .build();
  await signWith(tx, issuer);
  await net.server.submitTransaction(tx, { skipMemoRequiredCheck: true });
  return Buffer.from(tx.hash()).toString('hex');
}

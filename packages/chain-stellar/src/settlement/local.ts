import { Operation, TransactionBuilder } from '@stellar/stellar-sdk';
import { FiscusError, type Signer } from '@fiscus/core';
import { horizonServer, orMissing } from '../horizon.ts';
import { accountIdOf } from '../keys.ts';
import type { StellarNetwork } from '../network.ts';
import { signWith } from '../sign.ts';
import { faucetPay, stablecoinAsset, stablecoinBalance, type StellarStablecoin } from './usdc.ts';

/**
 * A local USDC for devnets (`stellar:local`, testnet): a plain classic asset whose issuer key the
 * platform holds, so a faucet can hand test investors money. Production names Circle's asset
 * instead and has no faucet.
 */
export class LocalStablecoin {
  readonly asset: StellarStablecoin;
  readonly #net: StellarNetwork;
  readonly #issuer: Signer;

  private constructor(net: StellarNetwork, issuer: Signer, code: string) {
    this.#net = net;
    this.#issuer = issuer;
    this.asset = { code, issuer: accountIdOf(issuer) };
  }

  /** Creates (friendbot) the issuer account if missing; idempotent. */
  static async open(p: { horizonUrl: string; passphrase: string; issuer: Signer; code?: string }): Promise<LocalStablecoin> {
    const net: StellarNetwork = {
      server: horizonServer({ url: p.horizonUrl }),
      passphrase: p.passphrase,
      funding: { kind: 'friendbot', url: `${p.horizonUrl}/friendbot` },
      maxFeePerOp: 1000n,
      txTimeoutSec: 300,
      pageSize: 200,
    };
    const coin = new LocalStablecoin(net, p.issuer, p.code ?? 'USDC');
    if (!(await orMissing(net.server.loadAccount(coin.asset.issuer)))) {
      const res = await fetch(`${p.horizonUrl}/friendbot?addr=${encodeURIComponent(coin.asset.issuer)}`);
      if (!res.ok) throw new FiscusError('CHAIN_UNAVAILABLE', `friendbot could not fund the USDC issuer: HTTP ${res.status}`);
    }
    return coin;
  }

  /** Pays `stroops` (7 decimals) of USDC to `to`, which must already trust it (NOT_AUTHORIZED_ON_CHAIN otherwise). */
  pay(to: string, stroops: bigint): Promise<string> {
    return faucetPay(this.#net, this.asset, this.#issuer, to, stroops);
  }

  balance(address: string): Promise<bigint> {
    return stablecoinBalance(this.#net, this.asset, address);
  }

  /** Test helper: `holder` (whose key we have) trusts the USDC. */
  async trust(holder: Signer): Promise<void> {
    const loaded = await this.#net.server.loadAccount(accountIdOf(holder));
    const tx = new TransactionBuilder(loaded, { fee: '100', networkPassphrase: this.#net.passphrase })
      .addOperation(Operation.changeTrust({ asset: stablecoinAsset(this.asset) }))
      .setTimeout(300)
      .build();
    await signWith(tx, holder);
    await this.#net.server.submitTransaction(tx, { skipMemoRequiredCheck: true });
  }
}

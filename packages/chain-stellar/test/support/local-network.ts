import { createHmac, randomBytes } from 'node:crypto';
import { Account, Asset, Keypair, Operation, TransactionBuilder, type xdr } from '@stellar/stellar-sdk';
import { startLocalHorizon, type LocalHorizon } from '@fiscus/devnet';
import type { ChainDriver, ChainId, Deployment, FundSpec } from '@fiscus/core';
import { StellarDriver, localStellarKeyring, fromDeployment, type StellarDriverOptions, type StellarRole } from '../../src/index.ts';

export const LOCAL_CHAIN: ChainId = 'stellar:local';
export const HOME_DOMAIN = 'fund.example.com';

/** Env a worker child process needs to build the same driver (see stellar-child.ts). */
export function driverEnv(horizon: LocalHorizon, seed: Buffer): Record<string, string> {
  return {
    STELLAR_CHAIN: LOCAL_CHAIN,
    STELLAR_HORIZON_URL: horizon.url,
    STELLAR_PASSPHRASE: horizon.ledger.passphrase,
    STELLAR_KEYRING_SEED: seed.toString('hex'),
    STELLAR_HOME_DOMAIN: HOME_DOMAIN,
  };
}

export function driverFromEnv(env: NodeJS.ProcessEnv, extra: Partial<StellarDriverOptions> = {}): StellarDriver {
  return new StellarDriver({
    chain: env.STELLAR_CHAIN as ChainId,
    horizonUrl: env.STELLAR_HORIZON_URL!,
    networkPassphrase: env.STELLAR_PASSPHRASE!,
    keys: localStellarKeyring(Buffer.from(env.STELLAR_KEYRING_SEED!, 'hex')),
    funding: { kind: 'friendbot', url: `${env.STELLAR_HORIZON_URL}/friendbot` },
    homeDomain: env.STELLAR_HOME_DOMAIN!,
    ...extra,
  });
}

/**
 * The local ledger plus investors the test holds keys for. On Stellar the investor creates its
 * own trustline; here the harness does it with the investor's key, synchronously, because the
 * ledger (closeMs 0) applies a submission before submit() returns.
 */
export class LocalNetwork {
  readonly investors = new Map<string, Keypair>();
  readonly seed = randomBytes(32);
  deployment?: Deployment;

  private constructor(readonly horizon: LocalHorizon) {}

  static async start(): Promise<LocalNetwork> {
    return new LocalNetwork(await startLocalHorizon({ closeMs: 0 }));
  }

  driver(extra: Partial<StellarDriverOptions> = {}): StellarDriver {
    return driverFromEnv(driverEnv(this.horizon, this.seed), extra);
  }

  /**
   * The driver as shared suites use it, with every deployment recorded here (so investors trust the
   * asset just deployed); `check` vets each deployment first.
   */
  recordingDeploys(inner: ChainDriver, check: (d: Deployment, fund: FundSpec) => void = () => {}): ChainDriver {
    return new Proxy(inner, {
      get: (target, prop) => {
        if (prop === 'deploy') {
          return async (fund: FundSpec) => {
            const d = await target.deploy(fund);
            check(d, fund);
            this.deployment = d;
            return d;
          };
        }
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  }

  /** A funded account with a trustline to the last deployed asset (never authorized here). */
  newInvestor(): string {
    return this.newInvestors(1)[0]!;
  }

  /** Many investors, 19 per transaction: an envelope carries at most 20 signatures (root + 19). */
  newInvestors(n: number): string[] {
    if (!this.deployment) throw new Error('deploy a fund before asking for investors');
    const d = fromDeployment(this.deployment);
    const asset = new Asset(d.assetCode, d.issuer);
    const keys = Array.from({ length: n }, () => Keypair.random());
    for (let i = 0; i < n; i += 19) {
      const chunk = keys.slice(i, i + 19);
      this.#submitNow(
        chunk.flatMap((kp) => [
          Operation.createAccount({ destination: kp.publicKey(), startingBalance: '10' }),
          Operation.changeTrust({ asset, source: kp.publicKey() }),
        ]),
        chunk,
      );
    }
    for (const kp of keys) this.investors.set(kp.publicKey(), kp);
    return keys.map((k) => k.publicKey());
  }

  /** A bare account holding `startingBalance` XLM, no trustline (1 XLM = exactly its minimum balance). */
  newAccount(startingBalance: string): Keypair {
    const kp = Keypair.random();
    this.#submitNow([Operation.createAccount({ destination: kp.publicKey(), startingBalance })], []);
    this.investors.set(kp.publicKey(), kp);
    return kp;
  }

  /** A payment signed by the investor itself; rejects with the result codes on failure. */
  async holderTransfer(from: string, to: string, units: bigint): Promise<void> {
    await this.holderSubmit(from, [Operation.payment({ destination: to, asset: this.asset(), amount: this.amount(units) })]);
  }

  /** The last deployed fund's asset. */
  asset(): Asset {
    const d = fromDeployment(this.deployment!);
    return new Asset(d.assetCode, d.issuer);
  }

  /** Fund units as a Stellar amount string. */
  amount(units: bigint): string {
    const stroops = units * 10n ** BigInt(7 - fromDeployment(this.deployment!).decimals);
    return `${stroops / 10_000_000n}.${(stroops % 10_000_000n).toString().padStart(7, '0')}`;
  }

  /** Operations in ONE transaction signed by an investor the harness holds keys for; returns its hash. */
  async holderSubmit(from: string, ops: xdr.Operation[]): Promise<string> {
    const kp = this.investors.get(from);
    if (!kp) throw new Error(`no key for ${from}`);
    return this.submitAs(kp, ops);
  }

  /** Operations in ONE transaction from `kp` (any account, e.g. the fund's issuer); rejects with the result codes. */
  async submitAs(kp: Keypair, ops: xdr.Operation[]): Promise<string> {
    const ledger = this.horizon.ledger;
    const b = new TransactionBuilder(new Account(kp.publicKey(), (ledger.nextSequence(kp.publicKey()) - 1n).toString()), {
      fee: String(100 * ops.length),
      networkPassphrase: ledger.passphrase,
    });
    for (const op of ops) b.addOperation(op);
    const tx = b.setTimeout(60).build();
    tx.sign(kp);
    const answer = await ledger.submit(tx.toEnvelope().toXdr('base64'));
    if (answer.status !== 200) throw new Error(`transaction failed: ${JSON.stringify((answer.body as { extras?: unknown }).extras)}`);
    return answer.tx!.hash;
  }

  /** A fund's key for a keyring role (issuer, distribution, minter, minter@2, …), derived as localStellarKeyring does (tests only). */
  roleKey(fundId: string, role: StellarRole): Keypair {
    return Keypair.fromRawEd25519Seed(createHmac('sha256', this.seed).update(`${role}:${fundId}`).digest());
  }

  #submitNow(ops: xdr.Operation[], extra: Keypair[]): void {
    const ledger = this.horizon.ledger;
    const root = ledger.root;
    const tx = new TransactionBuilder(new Account(root.publicKey(), (ledger.nextSequence(root.publicKey()) - 1n).toString()), {
      fee: '100',
      networkPassphrase: ledger.passphrase,
    }).setTimeout(60);
    for (const op of ops) tx.addOperation(op);
    const built = tx.build();
    built.sign(root, ...extra);
    void ledger.submit(built.toEnvelope().toXdr('base64')).then((a) => {
      if (a.status !== 200) console.error('investor setup failed', JSON.stringify((a.body as { extras?: unknown }).extras));
    });
  }

  close(): Promise<void> {
    return this.horizon.close();
  }
}

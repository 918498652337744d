import { randomBytes } from 'node:crypto';
import { type Asset, Horizon, Keypair, Operation, TransactionBuilder, type Transaction, type xdr } from '@stellar/stellar-sdk';
import { DriverRegistry } from '@fiscus/core';
import type { LocalHorizon } from '@fiscus/devnet';
import { Worker } from '@fiscus/engine';
import type { Db } from '@fiscus/ledger';
import { createTestDb, type TestBackend } from '@fiscus/ledger/testing';
import { createTestApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import type { AppOpenAPI } from '../../src/lib/types.ts';
import { buildStellar, stellarTomlDeps } from '../../src/chains/stellar/wiring.ts';
import { call, type CallOptions, type CallResult } from './http.ts';

export const PUBLIC_URL = 'https://fund.example.com';

export interface StellarHarness {
  app: AppOpenAPI;
  db: Db;
  horizon: LocalHorizon;
  server: Horizon.Server;
  passphrase: string;
  worker: Worker;
  call(method: string, path: string, o?: CallOptions): Promise<CallResult>;
  /** Polls GET /v1/operations/:id until it is posted (throws on failed). */
  posted(operationId: string): Promise<any>;
  close(): Promise<void>;
}

/**
 * The API wired as main.ts wires it (buildStellar + stellarTomlDeps from config) on a fresh
 * database: the local ledger closing every 100 ms behind real HTTP, and a running Worker.
 */
export async function startStellarHarness(backend: TestBackend, env: Record<string, string> = {}): Promise<StellarHarness> {
  const handle = await createTestDb(backend);
  const config = loadConfig({ STELLAR_LEDGER_CLOSE_MS: '100', FISCUS_PUBLIC_URL: PUBLIC_URL, FISCUS_ORG_NAME: 'Example Treasury Issuer', ...env });
  const seed = randomBytes(32);
  const stellar = (await buildStellar(config, silentLogger(), { seed: () => seed }))!;
  const drivers = new DriverRegistry().register(stellar.driver);
  const { app, adminKey } = await createTestApp({ db: handle.db, drivers, stellar: stellarTomlDeps(config, stellar.info) });
  const worker = new Worker({ db: handle.db, drivers, pollMs: 10, statusPollMs: 20 });
  worker.start();
  const h: StellarHarness = {
    app,
    db: handle.db,
    horizon: stellar.local!,
    server: new Horizon.Server(stellar.local!.url, { allowHttp: true }),
    passphrase: stellar.info.networkPassphrase,
    worker,
    call: (method, path, o = {}) => call(app, method, path, { key: adminKey, ...o }),
    async posted(id) {
      for (let i = 0; i < 500; i++) {
        const r = await h.call('GET', `/v1/operations/${id}`);
        if (r.body.state === 'posted') return r.body;
        if (r.body.state === 'failed') throw new Error(`operation ${id} failed: ${JSON.stringify(r.body.lastError)}`);
        await new Promise((res) => setTimeout(res, 20));
      }
      throw new Error(`operation ${id} never posted`);
    },
    async close() {
      await worker.stop();
      await stellar.close();
      await handle.cleanup();
    },
  };
  return h;
}

/** An investor's own wallet: a key only the test holds, used through the SDK like a real wallet. */
export class InvestorWallet {
  readonly kp = Keypair.random();
  constructor(private readonly h: StellarHarness) {}

  get address(): string {
    return this.kp.publicKey();
  }

  async fund(): Promise<void> {
    const res = await fetch(`${this.h.horizon.url}/friendbot?addr=${this.address}`);
    if (!res.ok) throw new Error(`friendbot: ${res.status}`);
  }

  /** Creates this account with exactly `xlm` from a funded wallet ('1' = its minimum balance, nothing spare). */
  async createFrom(funder: InvestorWallet, xlm: string): Promise<void> {
    await funder.submit(Operation.createAccount({ destination: this.address, startingBalance: xlm }));
  }

  /** Adds this wallet's signature to a transaction envelope (base64 XDR). */
  cosign(envelope: string): string {
    const tx = TransactionBuilder.fromXDR(envelope, this.h.passphrase) as Transaction;
    tx.sign(this.kp);
    return tx.toEnvelope().toXdr('base64');
  }

  /** A transaction of this wallet, signed, NOT submitted (for the platform to fee-bump). */
  async signedXdr(op: xdr.Operation): Promise<string> {
    const account = await this.h.server.loadAccount(this.address);
    const tx = new TransactionBuilder(account, { fee: '100', networkPassphrase: this.h.passphrase }).addOperation(op).setTimeout(60).build();
    tx.sign(this.kp);
    return tx.toEnvelope().toXdr('base64');
  }

  /** Native (XLM) balance as Horizon prints it. */
  async xlm(): Promise<string> {
    const account = await this.h.server.loadAccount(this.address);
    return account.balances.find((b) => b.asset_type === 'native')!.balance;
  }

  trust(asset: Asset): Promise<Horizon.HorizonApi.SubmitTransactionResponse> {
    return this.submit(Operation.changeTrust({ asset }));
  }

  pay(to: string, asset: Asset, amount: string): Promise<Horizon.HorizonApi.SubmitTransactionResponse> {
    return this.submit(Operation.payment({ destination: to, asset, amount }));
  }

  async line(asset: Asset): Promise<{ balance: string; is_authorized: boolean } | undefined> {
    const account = await this.h.server.loadAccount(this.address);
    return account.balances.find((b) => 'asset_code' in b && b.asset_code === asset.code && b.asset_issuer === asset.issuer) as never;
  }

  async submit(op: xdr.Operation): Promise<Horizon.HorizonApi.SubmitTransactionResponse> {
    const account = await this.h.server.loadAccount(this.address);
    const tx = new TransactionBuilder(account, { fee: '100', networkPassphrase: this.h.passphrase }).addOperation(op).setTimeout(60).build();
    tx.sign(this.kp);
    return this.h.server.submitTransaction(tx);
  }
}

/** The result codes of a rejected submission (Horizon 400 extras). */
export async function resultCodesOf(p: Promise<unknown>): Promise<{ transaction: string; operations?: string[] }> {
  try {
    await p;
  } catch (e) {
    const codes = (e as { response?: { data?: { extras?: { result_codes?: { transaction: string; operations?: string[] } } } } }).response?.data?.extras
      ?.result_codes;
    if (codes) return codes;
    throw e;
  }
  throw new Error('the transaction was accepted');
}

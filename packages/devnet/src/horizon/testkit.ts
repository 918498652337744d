import { Asset, BASE_FEE, Horizon, Keypair, Operation, TransactionBuilder, type Transaction, type xdr } from '@stellar/stellar-sdk';
import { startLocalHorizon, type LocalHorizon, type LocalHorizonOptions } from './server.ts';

/** Test kit for the local ledger: everything goes through the real SDK's Horizon.Server. */
export interface Kit {
  horizon: LocalHorizon;
  server: Horizon.Server;
  passphrase: string;
  /** A funded account (friendbot, 10 000 XLM). */
  account(): Promise<Keypair>;
  build(source: Keypair | string, ops: xdr.Operation[], opts?: { timeout?: number; fee?: string }): Promise<Transaction>;
  /** Builds, signs with `signers` (default: the source), submits; resolves with Horizon's answer. */
  submit(source: Keypair, ops: xdr.Operation[], signers?: Keypair[]): Promise<Horizon.HorizonApi.SubmitTransactionResponse>;
  /** An AUTH_REQUIRED | AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED issuer and its asset. */
  regulatedAsset(code?: string): Promise<{ issuer: Keypair; asset: Asset }>;
  /** A funded account with a trustline to `asset`, authorized by `issuer` when given. */
  holder(asset: Asset, issuer?: Keypair): Promise<Keypair>;
  close(): Promise<void>;
}

export async function startKit(opts: LocalHorizonOptions = {}): Promise<Kit> {
  const horizon = await startLocalHorizon(opts);
  const server = new Horizon.Server(horizon.url, { allowHttp: true });
  const passphrase = horizon.ledger.passphrase;
  const kit: Kit = {
    horizon,
    server,
    passphrase,
    async account() {
      const kp = Keypair.random();
      await server.friendbot(kp.publicKey()).call();
      return kp;
    },
    async build(source, ops, o = {}) {
      const account = await server.loadAccount(typeof source === 'string' ? source : source.publicKey());
      const b = new TransactionBuilder(account, { fee: o.fee ?? BASE_FEE, networkPassphrase: passphrase }).setTimeout(o.timeout ?? 60);
      for (const op of ops) b.addOperation(op);
      return b.build();
    },
    async submit(source, ops, signers = [source]) {
      const tx = await kit.build(source, ops);
      tx.sign(...signers);
      return server.submitTransaction(tx);
    },
    async regulatedAsset(code = 'TBILL') {
      const issuer = await kit.account();
      await kit.submit(issuer, [Operation.setOptions({ setFlags: 11 as never, homeDomain: 'fund.example.com' })]);
      return { issuer, asset: new Asset(code, issuer.publicKey()) };
    },
    async holder(asset, issuer) {
      const kp = await kit.account();
      await kit.submit(kp, [Operation.changeTrust({ asset })]);
      if (issuer) await kit.submit(issuer, [Operation.setTrustLineFlags({ trustor: kp.publicKey(), asset, flags: { authorized: true } })]);
      return kp;
    },
    close: () => horizon.close(),
  };
  return kit;
}

/** Horizon's result codes from a rejected submission (the SDK error's response body). */
export async function codesOf(p: Promise<unknown>): Promise<{ transaction: string; operations?: string[]; inner_transaction?: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { response?: { data?: { extras?: { result_codes?: never } } } };
    const codes = err.response?.data?.extras?.result_codes;
    if (codes) return codes;
    throw e;
  }
  throw new Error('expected the submission to fail');
}

/** An account's balance of `asset` in stroops (0n without a trustline). */
export async function balanceOf(kit: Kit, account: string, asset: Asset): Promise<string | undefined> {
  const a = await kit.server.loadAccount(account);
  const line = a.balances.find((b) => 'asset_code' in b && b.asset_code === asset.getCode() && b.asset_issuer === asset.getIssuer());
  return line?.balance;
}

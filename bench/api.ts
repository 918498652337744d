/**
 * API mint end to end vs a bare SDK mint, in one run on the same local chains.
 *
 * One API process-in-process, wired as apps/api/test/support/{evm,stellar}.ts wire it (buildEvm on
 * an anvil from startAnvil, buildStellar on the in-process local ledger closing every 100 ms,
 * createTestApp on a fresh test database — PGlite, and Postgres when DATABASE_URL is set —, a running Worker woken by signals),
 * served over real HTTP on 127.0.0.1 with @hono/node-server. One fund is deployed on both
 * chains and one investor wallet onboarded on each; then, per chain, N sequential subscriptions
 * are timed from POST /v1/funds/:id/subscriptions until GET /v1/operations/:id says posted
 * (polled every 5 ms), and N bare mints of the same token to the same wallet:
 * - eip155:31337: the "direct signed mint" of bench/evm-engine.ts (agent key = anvil dev account 0,
 *   the admin, a token agent; estimate, sign, send, receipt through ethers);
 * - stellar:local: the issuer's mint built (loadAccount + TransactionBuilder), signed with the issuer
 *   signer from the same local keyring, and submitted through Horizon.Server — on a SEP-8 fund (the
 *   API's default) the same authorize / pay / rest sandwich the platform sends.
 * `BENCH=api npm run bench`; BENCH_API_MINTS=20 by default.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Asset, Horizon, Keypair, Operation, TransactionBuilder, type Transaction, type xdr } from '@stellar/stellar-sdk';
import { AdminSender, devSecp256k1Signer, signerAddress } from '@fiscus/chain-evm';
import { accountIdOf, localStellarKeyring } from '@fiscus/chain-stellar';
import { DriverRegistry, type Deployment } from '@fiscus/core';
import { ANVIL_DEV_ACCOUNTS, anvilRpc, startAnvil, type AnvilNode } from '@fiscus/devnet';
import { Worker } from '@fiscus/engine';
import { createTestDb, testBackends, type TestBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { createTestApp } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/config.ts';
import { buildEvm, type EvmChain } from '../apps/api/src/chains/ethereum/wiring.ts';
import { silentLogger } from '../apps/api/src/lib/logger.ts';
import { buildStellar, stellarTomlDeps, type StellarChain } from '../apps/api/src/chains/stellar/wiring.ts';
import { signWith } from '../packages/chain-stellar/src/sign.ts';
import { hexKey, timeDirectMints } from './evm-chain.ts';
import type { BenchRow } from './table.ts';

const MINTS = Number(process.env.BENCH_API_MINTS ?? 20);
/** Mints per path on anvil mining a block every BLOCK_SECONDS (after the automine rows). */
const BLOCK_MINTS = 5;
const BLOCK_SECONDS = 1;
const POLL_MS = 5;
const EVM = 'eip155:31337';
const STELLAR = 'stellar:local';
const LEDGER_CLOSE_MS = 100;
const UNITS = '1'; // fund units per mint (decimals 6 → 1_000_000 base units; 1.0000000 on Stellar)

interface Api {
  base: string;
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Polls GET /v1/operations/:id every POLL_MS until posted; throws on failed or after 60 s. */
  posted(operationId: string): Promise<any>;
}

function client(base: string, key: string): Api {
  const api: Api = {
    base,
    async call(method, path, body) {
      const headers: Record<string, string> = { authorization: `Bearer ${key}` };
      if (method !== 'GET') headers['idempotency-key'] = crypto.randomUUID();
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async posted(id) {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const r = await api.call('GET', `/v1/operations/${id}`);
        if (r.body?.state === 'posted') return r.body;
        if (r.body?.state === 'failed') throw new Error(`operation ${id} failed: ${JSON.stringify(r.body.lastError)}`);
        if (Date.now() > deadline) throw new Error(`operation ${id} not posted after 60 s (state ${r.body?.state})`);
        await new Promise((res) => setTimeout(res, POLL_MS));
      }
    },
  };
  return api;
}

async function expectStatus(p: Promise<{ status: number; body: any }>, status: number, what: string): Promise<any> {
  const r = await p;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** POST + wait until posted; returns the operation. */
async function operate(api: Api, path: string, body: unknown, what: string): Promise<any> {
  const r = await expectStatus(api.call('POST', path, body), 202, what);
  return api.posted(r.operation.id);
}

/** When each operation reached each state, as the worker's onTransition hook saw it (ms, performance.now()). */
type Stamps = Map<string, Record<string, number>>;

/** Time `n` sequential subscriptions, request → posted; returns ms per subscription and where the time went. */
async function timeSubscriptions(
  api: Api,
  stamps: Stamps,
  p: { fundId: string; investorId: string; chain: string; address: string; n: number },
): Promise<{ ms: number; stages: string }> {
  const started = performance.now();
  const stages: Record<string, number[]> = {};
  for (let i = 0; i < p.n; i++) {
    const sent = performance.now();
    const body = { investorId: p.investorId, chain: p.chain, address: p.address, units: UNITS };
    const r = await expectStatus(api.call('POST', `/v1/funds/${p.fundId}/subscriptions`, body), 202, `subscription ${i} on ${p.chain}`);
    const accepted = performance.now();
    await api.posted(r.operation.id);
    const at: Record<string, number> = { sent, request: accepted, ...stamps.get(r.operation.id), seen: performance.now() };
    let previous = sent;
    for (const stage of ['request', 'prepared', 'submitted', 'confirmed', 'posted', 'seen'] as const) {
      const t = at[stage];
      if (t === undefined) continue;
      stages[stage] = [...(stages[stage] ?? []), t - previous];
      previous = t;
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  return {
    ms: (performance.now() - started) / p.n,
    stages: Object.entries(stages)
      .map(([k, v]) => `${k} ${median(v).toFixed(0)}`)
      .join(' / '),
  };
}

function listen(fetchHandler: (req: Request) => Response | Promise<Response>): Promise<{ server: ServerType; base: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: fetchHandler, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve({ server, base: `http://127.0.0.1:${info.port}` }),
    );
  });
}

/** Per database backend: PGlite (in this process, as `npm start`), and Postgres when DATABASE_URL is set. */
export async function benchApi(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const backend of testBackends()) rows.push(...(await benchApiOn(backend)));
  return rows;
}

async function benchApiOn(backend: TestBackend): Promise<BenchRow[]> {
  const closers: (() => Promise<unknown>)[] = []; // run in reverse order
  try {
    const anvil: AnvilNode = await startAnvil({ chainId: 31_337 });
    closers.push(() => anvil.stop());
    const config = loadConfig({
      ETHEREUM_NETWORK: 'local',
      ETHEREUM_RPC_URL: anvil.url,
      STELLAR_NETWORK: 'local',
      STELLAR_LEDGER_CLOSE_MS: String(LEDGER_CLOSE_MS),
      FISCUS_DEVNET: 'none',
    });
    const evm: EvmChain = (await buildEvm(config, silentLogger()))!;
    closers.push(() => evm.close()); // the provider only: the anvil above is ours
    const seed = randomBytes(32);
    const stellar: StellarChain = (await buildStellar(config, silentLogger(), { seed: () => seed }))!;
    closers.push(() => stellar.close()); // the in-process local ledger
    const handle: TestDbHandle = await createTestDb(backend);
    closers.push(() => handle.cleanup());

    const drivers = new DriverRegistry().register(evm.driver).register(stellar.driver);
    const { app, adminKey } = await createTestApp({ db: handle.db, drivers, stellar: stellarTomlDeps(config, stellar.info) });
    // Work is signalled (NOTIFY / in-process): the claim poll stays at its default; status polls at 20 ms.
    const stamps: Stamps = new Map();
    const worker = new Worker({
      db: handle.db,
      drivers,
      statusPollMs: 20,
      onTransition: async (row) => void stamps.set(row.id, { ...stamps.get(row.id), [row.state]: performance.now() }),
    });
    worker.start();
    closers.push(() => worker.stop());
    const { server, base } = await listen(app.fetch);
    closers.push(() => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))));
    const api = client(base, adminKey);

    // One fund on both chains, one verified investor.
    const fund = await expectStatus(api.call('POST', '/v1/funds', { name: 'Bench API Fund', symbol: 'BAPI', decimals: 6 }), 201, 'create fund');
    const fundId: string = fund.id;
    for (const chain of [EVM, STELLAR]) await operate(api, `/v1/funds/${fundId}/deployments`, { chain }, `deploy on ${chain}`);
    const deployments = (await expectStatus(api.call('GET', `/v1/funds/${fundId}/deployments`), 200, 'list deployments')).items as (Deployment & {
      status: string;
    })[];
    const deployment = (chain: string): Deployment => {
      const d = deployments.find((x) => x.chain === chain && x.status === 'active');
      if (!d) throw new Error(`no active deployment on ${chain}`);
      return { chain: d.chain, details: d.details };
    };
    const investor = await expectStatus(
      api.call('POST', '/v1/investors', { legalName: 'Bench Capital', jurisdiction: 'US', investorType: 'institutional', kycStatus: 'verified' }),
      201,
      'create investor',
    );
    const investorId: string = investor.id;

    // Ethereum: onboard a wallet (identity + claim + registry entry), then API vs bare mints.
    const evmDep = deployment(EVM);
    const evmWallet = signerAddress(devSecp256k1Signer(hexKey()));
    await operate(api, `/v1/funds/${fundId}/wallets`, { investorId, chain: EVM, address: evmWallet }, 'onboard evm wallet');
    const evmApi = await timeSubscriptions(api, stamps, { fundId, investorId, chain: EVM, address: evmWallet, n: MINTS });
    const agent = new AdminSender(evm.driver.provider, devSecp256k1Signer(ANVIL_DEV_ACCOUNTS[0].privateKey), 31_337n);
    const evmBareMs = await timeDirectMints(agent, evmDep.details.token!, evmWallet, MINTS, 1_000_000n);
    // The same two paths once the chain has blocks (1 s, an Avalanche L1's order): both now wait
    // for a block, and what the platform adds is the same few milliseconds as above.
    await anvilRpc(anvil.url, 'evm_setAutomine', [false]);
    await anvilRpc(anvil.url, 'evm_setIntervalMining', [BLOCK_SECONDS]);
    const evmApiBlock = await timeSubscriptions(api, stamps, { fundId, investorId, chain: EVM, address: evmWallet, n: BLOCK_MINTS });
    const evmBareBlockMs = await timeDirectMints(agent, evmDep.details.token!, evmWallet, BLOCK_MINTS, 1_000_000n);
    const evmBalance = await evm.driver.balanceOf(evmDep, evmWallet);
    const evmMints = 2 * (MINTS + BLOCK_MINTS);
    if (evmBalance !== BigInt(evmMints) * 1_000_000n) throw new Error(`evm balance ${evmBalance}, expected ${evmMints} units`);

    // Stellar: the investor funds its account and opens a trustline with its own key; then onboard.
    const stDep = deployment(STELLAR);
    const { assetCode, issuer } = stDep.details as { assetCode: string; issuer: string };
    const asset = new Asset(assetCode, issuer);
    const horizon = new Horizon.Server(stellar.info.horizonUrl, { allowHttp: true });
    const passphrase = stellar.info.networkPassphrase;
    const submit = async (source: string, ops: xdr.Operation[], sign: (tx: Transaction) => Promise<void>) => {
      const account = await horizon.loadAccount(source);
      const builder = new TransactionBuilder(account, { fee: String(100 * ops.length), networkPassphrase: passphrase });
      for (const op of ops) builder.addOperation(op);
      const tx = builder.setTimeout(60).build();
      await sign(tx);
      return horizon.submitTransaction(tx);
    };
    const holder = Keypair.random();
    const funded = await fetch(`${stellar.info.horizonUrl}/friendbot?addr=${holder.publicKey()}`);
    if (!funded.ok) throw new Error(`friendbot: ${funded.status}`);
    await submit(holder.publicKey(), [Operation.changeTrust({ asset })], async (tx) => tx.sign(holder));
    await operate(api, `/v1/funds/${fundId}/wallets`, { investorId, chain: STELLAR, address: holder.publicKey() }, 'onboard stellar wallet');
    const stApi = await timeSubscriptions(api, stamps, { fundId, investorId, chain: STELLAR, address: holder.publicKey(), n: MINTS });
    const issuerSigner = await localStellarKeyring(seed).signer(stDep.details.fundId!, 'issuer');
    if (accountIdOf(issuerSigner) !== issuer) throw new Error('the keyring issuer key is not the deployment issuer');
    // The API's funds are SEP-8 regulated by default (stellarSep8): the investor's line rests at
    // AUTHORIZED_TO_MAINTAIN_LIABILITIES, so the same mint by hand is the same three operations —
    // authorize the line, pay, put it back to rest — in one issuer transaction.
    const trustor = holder.publicKey();
    const sandwich = [
      Operation.setTrustLineFlags({ trustor, asset, flags: { authorized: true, authorizedToMaintainLiabilities: false } }),
      Operation.payment({ destination: trustor, asset, amount: UNITS }),
      Operation.setTrustLineFlags({ trustor, asset, flags: { authorized: false, authorizedToMaintainLiabilities: true } }),
    ];
    const bareMint = fund.stellarSep8 ? sandwich : [sandwich[1]!];
    const t0 = performance.now();
    for (let i = 0; i < MINTS; i++) await submit(issuer, bareMint, (tx) => signWith(tx, issuerSigner));
    const stBareMs = (performance.now() - t0) / MINTS;
    const stBalance = await stellar.driver.balanceOf(stDep, holder.publicKey());
    if (stBalance !== BigInt(2 * MINTS) * 1_000_000n) throw new Error(`stellar balance ${stBalance}, expected ${2 * MINTS} units`);

    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const tail = `${MINTS} sequential; worker woken by signal, status poll 20 ms; client polls every ${POLL_MS} ms`;
    const row = (metric: string, value: string, note: string): BenchRow => ({ bench: `api latency (${backend.name})`, metric, value, note });
    const stages = (x: { stages: string }) => `median ms per stage: ${x.stages} (request = the POST; seen = the client's next poll)`;
    return [
      row(`${EVM}: API mint end to end (HTTP → posted)`, ms(evmApi.ms), `POST subscriptions → GET operation posted; ${tail}`),
      row(`${EVM}: bare ethers mint (agent key)`, ms(evmBareMs), `same token, same wallet; estimate, sign, send, receipt; ${MINTS} sequential`),
      row(`${EVM}: api / bare`, `${(evmApi.ms / evmBareMs).toFixed(2)}×`, `anvil automine; ${stages(evmApi)}`),
      row(
        `${EVM}: api / bare, ${BLOCK_SECONDS} s blocks`,
        `${(evmApiBlock.ms / evmBareBlockMs).toFixed(2)}×`,
        `${ms(evmApiBlock.ms)} vs ${ms(evmBareBlockMs)}, ${BLOCK_MINTS} each (anvil interval mining); balance ${evmMints} units as expected (bare mints bypass the custody ledger)`,
      ),
      row(`${STELLAR}: API mint end to end (HTTP → posted)`, ms(stApi.ms), `ledger closes every ${LEDGER_CLOSE_MS} ms; ${tail}`),
      row(
        `${STELLAR}: bare stellar-sdk mint (issuer key)`,
        ms(stBareMs),
        `same asset, same wallet, same operations (${fund.stellarSep8 ? 'SEP-8: authorize, pay, rest' : 'payment'}); loadAccount, build, sign, submit (waits for the ledger); ${MINTS} sequential`,
      ),
      row(`${STELLAR}: api / bare`, `${(stApi.ms / stBareMs).toFixed(2)}×`, `balance ${2 * MINTS} units as expected; ${stages(stApi)}`),
    ];
  } finally {
    for (const close of closers.reverse()) await close().catch((e) => process.stderr.write(`bench api: close failed: ${String(e)}\n`));
  }
}

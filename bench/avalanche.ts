/**
 * Avalanche L1 figures on the Subnet-EVM stand-in (anvil from the platform's genesis, precompile
 * stand-ins, allow-list gate), wired as `npm start` wires it (buildAvalanche, AVALANCHE_NETWORK=local),
 * createTestApp on PGlite, a running Worker, served over real HTTP on 127.0.0.1:
 * - onboarding cost per investor: POST /wallets → posted; transactions the platform signed for it
 *   (operator + admin nonces) and gas of each (identity + KYC claim + registration + TxAllowList
 *   Enabled + NativeMinter top-up, in the gatekeeper's one transaction);
 * - API mint end to end (POST subscriptions → GET operation posted) vs a bare ethers mint (admin key,
 *   a token agent: estimate, sign, send, receipt), same token and wallet, sequential.
 * `BENCH=avalanche npm run bench`; BENCH_AVALANCHE_INVESTORS=5, BENCH_AVALANCHE_MINTS=20 by default.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { AdminSender, devSecp256k1Signer, signerAddress } from '@fiscus/chain-evm';
import { DriverRegistry } from '@fiscus/core';
import { Worker } from '@fiscus/engine';
import { createTestDb, pgliteBackend, type TestDbHandle } from '@fiscus/ledger/testing';
import { createTestApp } from '../apps/api/src/app.ts';
import { LOCAL_L1_CHAIN_ID, LOCAL_L1_KEYS, buildAvalanche, type AvalancheChain } from '../apps/api/src/chains/avalanche/wiring.ts';
import { loadConfig } from '../apps/api/src/config.ts';
import { silentLogger } from '../apps/api/src/lib/logger.ts';
import { hexKey, timeDirectMints } from './evm-chain.ts';
import type { BenchRow } from './table.ts';

const INVESTORS = Number(process.env.BENCH_AVALANCHE_INVESTORS ?? 5);
const MINTS = Number(process.env.BENCH_AVALANCHE_MINTS ?? 20);
const POLL_MS = 5;
const CHAIN = `eip155:${LOCAL_L1_CHAIN_ID}`;

function listen(fetchHandler: (req: Request) => Response | Promise<Response>): Promise<{ server: ServerType; base: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: fetchHandler, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve({ server, base: `http://127.0.0.1:${info.port}` }),
    );
  });
}

export async function benchAvalanche(): Promise<BenchRow[]> {
  const closers: (() => Promise<unknown>)[] = [];
  try {
    const config = loadConfig({ AVALANCHE_NETWORK: 'local', ETHEREUM_NETWORK: 'none', STELLAR_NETWORK: 'none', FISCUS_DEVNET: 'none' });
    const l1: AvalancheChain = (await buildAvalanche(config, silentLogger()))!;
    closers.push(() => l1.close());
    const handle: TestDbHandle = await createTestDb(pgliteBackend);
    closers.push(() => handle.cleanup());
    const drivers = new DriverRegistry().register(l1.driver);
    const { app, adminKey } = await createTestApp({ db: handle.db, drivers });
    const worker = new Worker({ db: handle.db, drivers, pollMs: 10, statusPollMs: 20 });
    worker.start();
    closers.push(() => worker.stop());
    const { server, base } = await listen(app.fetch);
    closers.push(() => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))));

    const call = async (method: string, path: string, body?: unknown) => {
      const headers: Record<string, string> = { authorization: `Bearer ${adminKey}` };
      if (method !== 'GET') headers['idempotency-key'] = crypto.randomUUID();
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
    const operate = async (path: string, body: unknown): Promise<any> => {
      const r = await call('POST', path, body);
      if (r.status !== 202) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const op = (await call('GET', `/v1/operations/${r.body.operation.id}`)).body;
        if (op?.state === 'posted') return op;
        if (op?.state === 'failed' || Date.now() > deadline) throw new Error(`${path}: operation ${op?.state}: ${JSON.stringify(op?.lastError)}`);
        await new Promise((res) => setTimeout(res, POLL_MS));
      }
    };

    const fund = await call('POST', '/v1/funds', { name: 'Bench L1 Fund', symbol: 'BL1', decimals: 6 });
    const fundId: string = fund.body.id;
    await operate(`/v1/funds/${fundId}/deployments`, { chain: CHAIN });
    const dep = (await call('GET', `/v1/funds/${fundId}/deployments`)).body.items[0];
    const deployment = { chain: dep.chain, details: dep.details };

    // Onboarding: every transaction the platform's keys sent for it, and their gas.
    const p = l1.driver.provider;
    const platform = [l1.driver.operatorAddress, signerAddress(devSecp256k1Signer(LOCAL_L1_KEYS.admin))];
    const nonces = () => Promise.all(platform.map((a) => p.getTransactionCount(a)));
    let txs = 0;
    let gas = 0n;
    let wallet = '';
    const t0 = performance.now();
    let investorId = '';
    for (let i = 0; i < INVESTORS; i++) {
      // A new investor each time: the first wallet of an investor also creates its ONCHAINID identity.
      const investor = await call('POST', '/v1/investors', {
        legalName: `Bench Capital ${i}`,
        jurisdiction: 'US',
        investorType: 'institutional',
        kycStatus: 'verified',
      });
      investorId = investor.body.id;
      wallet = signerAddress(devSecp256k1Signer(hexKey()));
      const before = await nonces();
      const op = await operate(`/v1/funds/${fundId}/wallets`, { investorId, chain: CHAIN, address: wallet });
      const after = await nonces();
      txs += after.reduce((s, n, k) => s + n - before[k]!, 0);
      gas += (await p.getTransactionReceipt(op.txHash))!.gasUsed;
      if (!(await l1.driver.isAuthorized(deployment, wallet)) || (await p.getBalance(wallet)) === 0n) throw new Error('onboarding did not authorize / top up');
    }
    const onboardMs = (performance.now() - t0) / INVESTORS;

    const startedApi = performance.now();
    for (let i = 0; i < MINTS; i++) await operate(`/v1/funds/${fundId}/subscriptions`, { investorId, chain: CHAIN, address: wallet, units: '1' });
    const apiMs = (performance.now() - startedApi) / MINTS;
    const agent = new AdminSender(p, devSecp256k1Signer(LOCAL_L1_KEYS.admin), LOCAL_L1_CHAIN_ID);
    const bareMs = await timeDirectMints(agent, deployment.details.token, wallet, MINTS, 1_000_000n);
    const balance = await l1.driver.balanceOf(deployment, wallet);
    if (balance !== BigInt(2 * MINTS) * 1_000_000n) throw new Error(`balance ${balance}, expected ${2 * MINTS} units`);

    const ms = (x: number) => `${x.toFixed(1)} ms`;
    return [
      {
        bench: 'avalanche onboarding',
        metric: 'transactions per investor',
        value: (txs / INVESTORS).toFixed(2),
        note: `${INVESTORS} investors; operator + admin nonces consumed per POST /wallets`,
      },
      {
        bench: 'avalanche onboarding',
        metric: 'gas per investor',
        value: (gas / BigInt(INVESTORS)).toString(),
        note: 'new investor each: identity creation + KYC claim + registration + TxAllowList Enabled + NativeMinter top-up, one gatekeeper tx',
      },
      { bench: 'avalanche onboarding', metric: 'API onboarding end to end', value: ms(onboardMs), note: 'POST /wallets → posted, PGlite' },
      {
        bench: 'avalanche latency',
        metric: `${CHAIN}: API mint end to end (HTTP → posted, PGlite)`,
        value: ms(apiMs),
        note: `${MINTS} sequential; through the allow-list gate`,
      },
      {
        bench: 'avalanche latency',
        metric: `${CHAIN}: bare ethers mint (agent key)`,
        value: ms(bareMs),
        note: 'same token and wallet; estimate, sign, send, receipt, through the gate',
      },
      { bench: 'avalanche latency', metric: `${CHAIN}: api / bare`, value: `${(apiMs / bareMs).toFixed(2)}×`, note: `balance ${2 * MINTS} units as expected` },
    ];
  } finally {
    for (const close of closers.reverse()) await close().catch((e) => process.stderr.write(`bench avalanche: close failed: ${String(e)}\n`));
  }
}

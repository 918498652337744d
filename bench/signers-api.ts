/**
 * API mint end to end with each signer: the same subscription flow timed with the minting key in
 * process (a memory secp256k1 signer) and in a PKCS#11 token (SoftHSM2), in one run on one anvil.
 * Each signer gets its own infrastructure (its agent gate grants it the minter role), its own PGlite
 * database, API app and Worker (the tests' poll intervals); then N sequential subscriptions are
 * timed from POST /v1/funds/:id/subscriptions until GET /v1/operations/:id says posted (polled
 * every 5 ms), the two signers' mints interleaved. Requests go through app.request (no socket): the signer is the only difference.
 * Part of `BENCH=signers npm run bench`; BENCH_SIGNERS_API_MINTS=20 by default.
 */
import { Wallet } from 'ethers';
import { EvmDriver, devSecp256k1Signer, ensureInfrastructure, signerAddress } from '@fiscus/chain-evm';
import { DriverRegistry, type Signer } from '@fiscus/core';
import { ANVIL_DEV_ACCOUNTS, startAnvil, type AnvilNode } from '@fiscus/devnet';
import { Worker } from '@fiscus/engine';
import { createTestDb, pgliteBackend } from '@fiscus/ledger/testing';
import { memorySecp256k1Signer, pkcs11Signer, type Pkcs11Token } from '@fiscus/signers';
import { createTestApp } from '../apps/api/src/app.ts';
import type { BenchRow } from './table.ts';

const MINTS = Number(process.env.BENCH_SIGNERS_API_MINTS ?? 20);
const CHAIN_ID = 31_337n;
const CHAIN = 'eip155:31337';

interface MintBench {
  /** Milliseconds of one subscription, POST → posted. */
  mintOnce(): Promise<number>;
  close(): Promise<void>;
}

/** A fund deployed and an investor onboarded with `minter` signing the mints; then one mint at a time. */
async function setUpApiMints(anvil: AnvilNode, minter: Signer): Promise<MintBench> {
  const [admin, operator, claimSigner] = ANVIL_DEV_ACCOUNTS.map((a) => devSecp256k1Signer(a.privateKey)) as [Signer, Signer, Signer];
  await anvil.cheats.setBalance(signerAddress(minter), 10n ** 21n);
  const infrastructure = await ensureInfrastructure({ url: anvil.url, chainId: CHAIN_ID, admin, operator, claimSigner, roles: { minter } });
  const driver = new EvmDriver({ chainId: CHAIN_ID, url: anvil.url, admin, operator, claimSigner, roleKeys: { minter: [minter] }, infrastructure });
  const handle = await createTestDb(pgliteBackend);
  const drivers = new DriverRegistry().register(driver);
  const { app, adminKey } = await createTestApp({ db: handle.db, drivers });
  const worker = new Worker({ db: handle.db, drivers, pollMs: 10, statusPollMs: 20 });
  worker.start();
  const call = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { authorization: `Bearer ${adminKey}` };
    if (method !== 'GET') headers['idempotency-key'] = crypto.randomUUID();
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return (await res.json()) as any;
  };
  const posted = async (id: string) => {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      const op = await call('GET', `/v1/operations/${id}`);
      if (op.state === 'posted') return;
      if (op.state === 'failed') throw new Error(`operation ${id} failed: ${JSON.stringify(op.lastError)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`operation ${id} not posted within 60 s`);
  };
  const close = async () => {
    await worker.stop();
    driver.provider.destroy();
    await handle.cleanup();
  };
  try {
    const fund = await call('POST', '/v1/funds', { name: 'Signer Bench Fund', symbol: 'SBF', decimals: 6 });
    await posted((await call('POST', `/v1/funds/${fund.id}/deployments`, { chain: CHAIN })).operation.id);
    const investor = await call('POST', '/v1/investors', {
      legalName: 'Bench Capital',
      jurisdiction: 'US',
      investorType: 'institutional',
      kycStatus: 'verified',
    });
    const address = Wallet.createRandom().address;
    await posted((await call('POST', `/v1/funds/${fund.id}/wallets`, { investorId: investor.id, chain: CHAIN, address })).operation.id);
    return {
      async mintOnce() {
        const t0 = performance.now();
        const r = await call('POST', `/v1/funds/${fund.id}/subscriptions`, { investorId: investor.id, chain: CHAIN, address, units: '1' });
        await posted(r.operation.id);
        return performance.now() - t0;
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** `token`: the bench's open SoftHSM2 token (one C_Initialize per process). */
export async function benchApiMintBySigner(token: Pkcs11Token): Promise<BenchRow[]> {
  const anvil = await startAnvil({ chainId: Number(CHAIN_ID) });
  const benches: MintBench[] = [];
  try {
    benches.push(await setUpApiMints(anvil, memorySecp256k1Signer(Wallet.createRandom().privateKey)));
    benches.push(await setUpApiMints(anvil, await pkcs11Signer(token, 'bench-api-minter', 'secp256k1', { create: true })));
    // Interleaved, one mint each in turn: a machine whose load drifts during the run weighs on both alike.
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < MINTS; i++) for (const [j, b] of benches.entries()) times[j as 0 | 1].push(await b.mintOnce());
    const [inProcess, hsm] = times.map(median) as [number, number];
    return [
      {
        bench: 'signers',
        metric: 'API mint end to end: PKCS#11 / in-process minting key',
        value: `${(hsm / inProcess).toFixed(2)}×`,
        note: `median of ${MINTS} sequential subscriptions each, interleaved, POST → posted on anvil (mint through the agent gate): SoftHSM2 ${hsm.toFixed(1)} ms vs in-process ${inProcess.toFixed(1)} ms`,
      },
    ];
  } finally {
    for (const b of benches) await b.close();
    await anvil.stop();
  }
}

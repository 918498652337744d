import { randomBytes } from 'node:crypto';
import { Horizon } from '@stellar/stellar-sdk';
import { DriverRegistry } from '@fiscus/core';
import { MemChainDriver, ed25519Signer, startMemChain, type MemChainServer } from '@fiscus/devnet';
import { Worker, distributionTask } from '@fiscus/engine';
import { createTestDb, type TestBackend } from '@fiscus/ledger/testing';
import { createTestApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { buildStellar, stellarTomlDeps } from '../../src/chains/stellar/wiring.ts';
import { CHAIN as MEM_CHAIN } from './harness.ts';
import { call } from './http.ts';
import { PUBLIC_URL, type StellarHarness } from './stellar.ts';

export { MEM_CHAIN };

/**
 * The API over two real devnets at once — the local Stellar ledger and a memchain node — with a
 * running worker whose periodic tasks include the distribution saga: one fund across two chains.
 */
export async function startYieldHarness(backend: TestBackend): Promise<StellarHarness & { devnet: MemChainServer; drivers: DriverRegistry }> {
  const handle = await createTestDb(backend);
  const config = loadConfig({ STELLAR_LEDGER_CLOSE_MS: '100', FISCUS_PUBLIC_URL: PUBLIC_URL, FISCUS_ORG_NAME: 'Example Treasury Issuer' });
  const seed = randomBytes(32);
  const stellar = (await buildStellar(config, silentLogger(), { seed: () => seed }))!;
  const devnet = await startMemChain({ chain: MEM_CHAIN });
  const drivers = new DriverRegistry().register(stellar.driver).register(new MemChainDriver({ chain: MEM_CHAIN, url: devnet.url, signer: ed25519Signer() }));
  const { app, adminKey } = await createTestApp({ db: handle.db, drivers, stellar: stellarTomlDeps(config, stellar.info) });
  const worker = new Worker({ db: handle.db, drivers, pollMs: 10, statusPollMs: 20, tasks: [distributionTask(50)] });
  worker.start();
  const h = {
    app,
    db: handle.db,
    drivers,
    devnet,
    horizon: stellar.local!,
    server: new Horizon.Server(stellar.local!.url, { allowHttp: true }),
    passphrase: stellar.info.networkPassphrase,
    worker,
    call: (method: string, path: string, o = {}) => call(app, method, path, { key: adminKey, ...o }),
    async posted(id: string) {
      for (let i = 0; i < 1000; i++) {
        const r = await h.call('GET', `/v1/operations/${id}`);
        if (r.body.state === 'posted') return r.body;
        if (r.body.state === 'failed') throw new Error(`operation ${id} failed: ${JSON.stringify(r.body.lastError)}`);
        await new Promise((res) => setTimeout(res, 20));
      }
      throw new Error(`operation ${id} never posted`);
    },
    async close() {
      await worker.stop();
      await Promise.all([stellar.close(), devnet.close()]);
      await handle.cleanup();
    },
  };
  return h;
}

import { Wallet } from 'ethers';
import { DriverRegistry } from '@fiscus/core';
import { AdminSender, devSecp256k1Signer, evmAbi, type EvmDriver } from '@fiscus/chain-evm';
import { startAnvil, type AnvilNode } from '@fiscus/devnet';
import { Worker } from '@fiscus/engine';
import type { Db } from '@fiscus/ledger';
import { createTestDb, type TestBackend } from '@fiscus/ledger/testing';
import { createTestApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { buildEvm } from '../../src/chains/ethereum/wiring.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import type { AppOpenAPI } from '../../src/lib/types.ts';
import { call, type CallOptions, type CallResult } from './http.ts';

export const EVM_CHAIN = 'eip155:31337';
const ETH = 10n ** 18n;

/** One anvil for a whole test file (both backends share it; each gets fresh infrastructure and funds). */
export function startFileAnvil(): Promise<AnvilNode> {
  return startAnvil({ chainId: 31_337 });
}

export interface EvmHarness {
  app: AppOpenAPI;
  db: Db;
  anvil: AnvilNode;
  driver: EvmDriver;
  worker: Worker;
  call(method: string, path: string, o?: CallOptions): Promise<CallResult>;
  /** Polls GET /v1/operations/:id until it is posted (throws on failed). */
  posted(operationId: string): Promise<any>;
  /** A fresh investor key with gas money (investors sign their own transfers). */
  investorWallet(): Promise<Wallet>;
  /** An investor's own ERC-20 transfer, signed with its key; rejects when it would revert. */
  transfer(from: Wallet, token: string, to: string, units: bigint): Promise<void>;
  close(): Promise<void>;
}

/**
 * The API wired as main.ts wires it (buildEvm from config, ETHEREUM_NETWORK=local pointed at the
 * file's anvil, so no second anvil starts) on a fresh database, with a running Worker.
 */
export async function startEvmHarness(backend: TestBackend, anvil: AnvilNode): Promise<EvmHarness> {
  const handle = await createTestDb(backend);
  const config = loadConfig({ ETHEREUM_NETWORK: 'local', ETHEREUM_RPC_URL: anvil.url, STELLAR_NETWORK: 'none', FISCUS_DEVNET: 'none' });
  const evm = (await buildEvm(config, silentLogger()))!;
  const drivers = new DriverRegistry().register(evm.driver);
  const { app, adminKey } = await createTestApp({ db: handle.db, drivers });
  const worker = new Worker({ db: handle.db, drivers, pollMs: 10, statusPollMs: 20 });
  worker.start();
  const h: EvmHarness = {
    app,
    db: handle.db,
    anvil,
    driver: evm.driver,
    worker,
    call: (method, path, o = {}) => call(app, method, path, { key: adminKey, ...o }),
    async posted(id) {
      for (let i = 0; i < 1_000; i++) {
        const r = await h.call('GET', `/v1/operations/${id}`);
        if (r.body.state === 'posted') return r.body;
        if (r.body.state === 'failed') throw new Error(`operation ${id} failed: ${JSON.stringify(r.body.lastError)}`);
        await new Promise((res) => setTimeout(res, 20));
      }
      throw new Error(`operation ${id} never posted`);
    },
    async investorWallet() {
      const w = new Wallet(Wallet.createRandom().privateKey);
      await anvil.cheats.setBalance(w.address, 10n * ETH);
      return w;
    },
    async transfer(from, token, to, units) {
      const sender = new AdminSender(evm.driver.provider, devSecp256k1Signer(from.privateKey), 31_337n);
      await sender.call(token, evmAbi.token.encodeFunctionData('transfer', [to, units]));
    },
    async close() {
      await worker.stop();
      await evm.close(); // destroys the provider; the file's anvil is stopped by the file
      await handle.cleanup();
    },
  };
  return h;
}

import { Wallet } from 'ethers';
import { DriverRegistry, type ChainId } from '@fiscus/core';
import { AdminSender, devSecp256k1Signer, evmAbi } from '@fiscus/chain-evm';
import type { AvalancheDriver } from '@fiscus/chain-avalanche';
import type { SubnetEvmNode } from '@fiscus/devnet';
import { Worker } from '@fiscus/engine';
import type { Db } from '@fiscus/ledger';
import { createTestDb, type TestBackend } from '@fiscus/ledger/testing';
import { createTestApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { LOCAL_L1_CHAIN_ID, buildAvalanche } from '../../src/chains/avalanche/wiring.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import type { AppOpenAPI } from '../../src/lib/types.ts';
import { call, type CallOptions, type CallResult } from './http.ts';

export const AVALANCHE_CHAIN = `eip155:${LOCAL_L1_CHAIN_ID}` as ChainId;

export interface AvalancheHarness {
  app: AppOpenAPI;
  db: Db;
  node: SubnetEvmNode;
  driver: AvalancheDriver;
  worker: Worker;
  call(method: string, path: string, o?: CallOptions): Promise<CallResult>;
  posted(operationId: string): Promise<any>;
  /** A fresh investor key with NO gas: onboarding's NativeMinter top-up must provide it. */
  investorWallet(): Wallet;
  /** An investor's own ERC-20 transfer, signed with its key, sent to the L1's RPC (the gate). */
  transfer(from: Wallet, token: string, to: string, units: bigint): Promise<void>;
  /**
   * The same transfer signed with a fixed gas limit and broadcast as raw bytes, as a wallet does
   * that skips estimation: eth_estimateGas never checks the allow list on Subnet-EVM (fake
   * messages skip account checks), only the mempool does.
   */
  rawTransfer(from: Wallet, token: string, to: string, units: bigint): Promise<void>;
  close(): Promise<void>;
}

/** The API wired as main.ts wires it (buildAvalanche, AVALANCHE_NETWORK=local: the stand-in in this process); `env`: more settings. */
export async function startAvalancheHarness(backend: TestBackend, env: Record<string, string> = {}): Promise<AvalancheHarness> {
  const handle = await createTestDb(backend);
  const config = loadConfig({ AVALANCHE_NETWORK: 'local', ETHEREUM_NETWORK: 'none', STELLAR_NETWORK: 'none', FISCUS_DEVNET: 'none', ...env });
  const l1 = (await buildAvalanche(config, silentLogger()))!;
  const drivers = new DriverRegistry().register(l1.driver);
  const { app, adminKey } = await createTestApp({ db: handle.db, drivers });
  const worker = new Worker({ db: handle.db, drivers, pollMs: 10, statusPollMs: 20 });
  worker.start();
  const h: AvalancheHarness = {
    app,
    db: handle.db,
    node: l1.node!,
    driver: l1.driver,
    worker,
    call: (method, path, o = {}) => call(app, method, path, { key: adminKey, ...o }),
    async posted(id) {
      for (let i = 0; i < 1_500; i++) {
        const r = await h.call('GET', `/v1/operations/${id}`);
        if (r.body.state === 'posted') return r.body;
        if (r.body.state === 'failed') throw new Error(`operation ${id} failed: ${JSON.stringify(r.body.lastError)}`);
        await new Promise((res) => setTimeout(res, 20));
      }
      throw new Error(`operation ${id} never posted`);
    },
    investorWallet: () => new Wallet(Wallet.createRandom().privateKey),
    async transfer(from, token, to, units) {
      const sender = new AdminSender(l1.driver.provider, devSecp256k1Signer(from.privateKey), LOCAL_L1_CHAIN_ID);
      await sender.call(token, evmAbi.token.encodeFunctionData('transfer', [to, units]));
    },
    async rawTransfer(from, token, to, units) {
      const provider = l1.driver.provider;
      const fee = (await provider.getBlock('latest'))!.baseFeePerGas! * 2n + 1n;
      const raw = await from.signTransaction({
        type: 2,
        chainId: LOCAL_L1_CHAIN_ID,
        nonce: await provider.getTransactionCount(from.address),
        to: token,
        data: evmAbi.token.encodeFunctionData('transfer', [to, units]),
        gasLimit: 300_000n,
        maxFeePerGas: fee,
        maxPriorityFeePerGas: 1n,
      });
      await provider.broadcastTransaction(raw);
    },
    async close() {
      await worker.stop();
      await l1.close();
      await handle.cleanup();
    },
  };
  return h;
}

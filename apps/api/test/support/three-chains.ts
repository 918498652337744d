import { randomBytes } from 'node:crypto';
import { Wallet } from 'ethers';
import { Horizon } from '@stellar/stellar-sdk';
import { DriverRegistry, type ChainId } from '@fiscus/core';
import { AdminSender, devSecp256k1Signer, evmAbi, type EvmDriver } from '@fiscus/chain-evm';
import type { AvalancheDriver } from '@fiscus/chain-avalanche';
import type { StellarDriver } from '@fiscus/chain-stellar';
import { Worker, defaultTasks, redemptionTask, settleRedemptions, type PeriodicTask } from '@fiscus/engine';
import type { Db } from '@fiscus/ledger';
import { createTestDb, type TestBackend } from '@fiscus/ledger/testing';
import { createTestApp } from '../../src/app.ts';
import { LOCAL_L1_CHAIN_ID, buildAvalanche, type AvalancheChain } from '../../src/chains/avalanche/wiring.ts';
import { loadConfig } from '../../src/config.ts';
import { buildEvm, type EvmChain } from '../../src/chains/ethereum/wiring.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import type { AppOpenAPI } from '../../src/lib/types.ts';
import { buildStellar, stellarTomlDeps, type StellarChain } from '../../src/chains/stellar/wiring.ts';
import { call, type CallOptions, type CallResult } from './http.ts';
import { PUBLIC_URL, type StellarHarness } from './stellar.ts';

export const STELLAR_CHAIN = 'stellar:local' as ChainId;
export const ETH_CHAIN = 'eip155:31337' as ChainId;
export const L1_CHAIN = `eip155:${LOCAL_L1_CHAIN_ID}` as ChainId;
const ETH = 10n ** 18n;

export interface ThreeChainHarness extends StellarHarness {
  drivers: DriverRegistry;
  stellar: StellarDriver;
  evm: EvmDriver;
  avalanche: AvalancheDriver;
  /** A fresh Ethereum key with gas (anvil cheat); Avalanche wallets get gas from onboarding's NativeMinter top-up. */
  ethWallet(): Promise<Wallet>;
  /** An investor's own ERC-20 transfer on `chain` (Ethereum or the L1), signed with its key. */
  transfer(chain: ChainId, from: Wallet, token: string, to: string, units: bigint): Promise<void>;
  /** Polls until `f` returns something truthy. */
  until<T>(f: () => Promise<T | undefined | false | null>, what: string, timeoutMs?: number): Promise<T>;
}

/**
 * The API wired as main.ts wires it, on all three devnets at once from ONE config: the Stellar
 * local ledger, anvil as Ethereum and the Avalanche L1 stand-in (P-Chain provisioned), every
 * driver in one DriverRegistry and one Worker running the default periodic tasks (ingest, moves,
 * redemptions, distributions) at test-friendly intervals. The reconcile scheduler is off: the
 * test reconciles on demand.
 */
export async function startThreeChainHarness(
  backend: TestBackend,
  o: {
    /** The redemption queue's clock (its UTC day decides the daily liquidity limit); default: the real one. */
    redemptionClock?: () => Date;
  } = {},
): Promise<ThreeChainHarness> {
  const handle = await createTestDb(backend);
  const config = loadConfig({
    STELLAR_NETWORK: 'local',
    STELLAR_LEDGER_CLOSE_MS: '100',
    ETHEREUM_NETWORK: 'local',
    AVALANCHE_NETWORK: 'local',
    FISCUS_DEVNET: 'none',
    FISCUS_PUBLIC_URL: PUBLIC_URL,
    FISCUS_ORG_NAME: 'Example Treasury Issuer',
  });
  const seed = randomBytes(32);
  const built = await Promise.allSettled([
    buildStellar(config, silentLogger(), { seed: () => seed }),
    buildEvm(config, silentLogger()),
    buildAvalanche(config, silentLogger()),
  ]);
  const closeAll = () => Promise.all(built.map((b) => (b.status === 'fulfilled' ? b.value?.close() : undefined)));
  const failed = built.find((b) => b.status === 'rejected');
  if (failed) {
    await closeAll();
    await handle.cleanup();
    throw (failed as PromiseRejectedResult).reason;
  }
  const [stellar, evm, l1] = built.map((b) => (b as PromiseFulfilledResult<unknown>).value) as [StellarChain, EvmChain, AvalancheChain];
  const drivers = new DriverRegistry().register(stellar.driver).register(evm.driver).register(l1.driver);
  // The dev faucets of the three local stablecoins, as wiring.ts gives them to `npm start`.
  const faucets = Object.fromEntries(
    [
      [stellar.info.chain, stellar.faucet],
      [evm.driver.chain, evm.faucet],
      [l1.driver.chain, l1.faucet],
    ].filter(([, f]) => f !== undefined),
  );
  const { app, adminKey } = await createTestApp({ db: handle.db, drivers, stellar: stellarTomlDeps(config, stellar.info), faucets });
  const intervals = { ingestMs: 300, movesMs: 100, distributionMs: 100, redemptionMs: 500, reconcileMs: 0 };
  const clock = o.redemptionClock;
  const tasks: PeriodicTask[] = clock
    ? [...defaultTasks({ ...intervals, redemptionMs: 0 }), { ...redemptionTask(200), run: ({ db }) => settleRedemptions(db, { now: clock() }) }]
    : defaultTasks(intervals);
  const worker = new Worker({
    db: handle.db,
    drivers,
    pollMs: 10,
    statusPollMs: 20,
    tasks,
  });
  worker.start();
  const chainIds: Record<string, bigint> = { [ETH_CHAIN]: 31_337n, [L1_CHAIN]: LOCAL_L1_CHAIN_ID };
  const providerOf = (chain: ChainId) => (chain === ETH_CHAIN ? evm.driver.provider : l1.driver.provider);
  const h: ThreeChainHarness = {
    app: app as AppOpenAPI,
    db: handle.db as Db,
    drivers,
    stellar: stellar.driver,
    evm: evm.driver,
    avalanche: l1.driver,
    horizon: stellar.local!,
    server: new Horizon.Server(stellar.local!.url, { allowHttp: true }),
    passphrase: stellar.info.networkPassphrase,
    worker,
    call: (method: string, path: string, o: CallOptions = {}): Promise<CallResult> => call(app, method, path, { key: adminKey, ...o }),
    async posted(id) {
      return h.until(async () => {
        const r = await h.call('GET', `/v1/operations/${id}`);
        if (r.body.state === 'failed') throw new Error(`operation ${id} failed: ${JSON.stringify(r.body.lastError)}`);
        return r.body.state === 'posted' ? r.body : undefined;
      }, `operation ${id} posted`);
    },
    async ethWallet() {
      const w = new Wallet(Wallet.createRandom().privateKey);
      await evm.anvil!.cheats.setBalance(w.address, 10n * ETH);
      return w;
    },
    async transfer(chain, from, token, to, units) {
      const sender = new AdminSender(providerOf(chain), devSecp256k1Signer(from.privateKey), chainIds[chain]!);
      await sender.call(token, evmAbi.token.encodeFunctionData('transfer', [to, units]));
    },
    async until(f, what, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const v = await f();
        if (v) return v;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 30));
      }
    },
    async close() {
      await worker.stop();
      await closeAll();
      await handle.cleanup();
    },
  };
  return h;
}

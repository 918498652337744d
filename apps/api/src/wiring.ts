import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { DriverRegistry, type ChainId } from '@fiscus/core';
import { MemChainDriver, ed25519Signer, startMemChain, type MemChainServer } from '@fiscus/devnet';
import {
  Worker,
  defaultTasks,
  attestationKeyFromSeed,
  loadOrCreateAttestationKey,
  loadOrCreateWebhookKey,
  webhookKeyFromHex,
  type AttestationKey,
} from '@fiscus/engine';
import { createDb, type Database } from '@fiscus/ledger';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { buildStellar, type StellarInfo } from './chains/stellar/wiring.ts';
import { buildEvm } from './chains/ethereum/wiring.ts';
import { buildAvalanche } from './chains/avalanche/wiring.ts';
import type { LocalPChain } from './chains/avalanche/pchain.ts';
import type { ChainEndpoint, StablecoinFaucet } from './lib/types.ts';

/** config → db → drivers → worker: the wiring shared by main.ts and worker-main.ts. */

export const DEVNET_CHAIN: ChainId = 'memory:devnet';

export function openDatabase(config: Config): Promise<Database> {
  // Migrations run at start on both backends (the migrator serialises concurrent starters).
  return config.DATABASE_URL ? createDb({ url: config.DATABASE_URL }) : createDb({ dataDir: config.FISCUS_DATA_DIR });
}

export interface Chains {
  drivers: DriverRegistry;
  devnet?: MemChainServer;
  /** The configured Stellar network, if any (stellar.toml is served for it). */
  stellar?: StellarInfo;
  /** The P-Chain the local L1 was provisioned on (AVALANCHE_NETWORK=local). */
  avalanchePChain?: LocalPChain;
  /** Where clients reach each chain (GET /v1/chains). */
  endpoints: Record<string, ChainEndpoint>;
  /** Dev-only stablecoin faucets of the local networks started here (POST /v1/dev/faucet). */
  faucets: Record<string, StablecoinFaucet>;
  close(): Promise<void>;
}

/** A private RPC's path or query may carry a provider key: show its origin only (as the log does). */
const rpcEndpoint = (url: string, local: boolean, pchainUrl?: string): ChainEndpoint => ({
  kind: 'evm-rpc',
  url: local ? url : new URL(url).origin,
  probeUrl: url,
  local,
  ...(pchainUrl ? { pchainUrl } : {}),
});

/**
 * Devnet files live next to the PGlite directory (`<FISCUS_DATA_DIR>/..`), so the chain, its
 * signer and the ledger are kept, and wiped, together. With DATABASE_URL, FISCUS_DATA_DIR still
 * names that place (its default is `<repo>/.data/pglite`), so the same rule applies.
 */
function besideDataDir(config: Config, name: string): string {
  return join(dirname(config.FISCUS_DATA_DIR), name);
}

/** Where the in-process memchain keeps its state across restarts (FISCUS_DEVNET_STATE overrides). */
export function devnetStatePath(config: Config): string {
  return config.FISCUS_DEVNET_STATE ?? besideDataDir(config, 'memchain-devnet.json');
}

/** Where the in-process Stellar local ledger keeps its replay journal (STELLAR_LOCAL_STATE overrides). */
export function stellarLocalStatePath(config: Config): string {
  return config.STELLAR_LOCAL_STATE ?? besideDataDir(config, 'stellar-local-ledger.jsonl');
}

/** Where the in-process anvil keeps its chain (ETHEREUM_LOCAL_STATE overrides). */
export function anvilStatePath(config: Config): string {
  return config.ETHEREUM_LOCAL_STATE ?? besideDataDir(config, 'anvil-state.json');
}

/** Where the local chain's shared EVM contracts (T-REX factory, ONCHAINID, modules) are recorded. */
export function evmInfrastructurePath(config: Config): string {
  return besideDataDir(config, 'evm-infrastructure.json');
}

/** Where the in-process Avalanche L1 stand-in keeps its chain (AVALANCHE_LOCAL_STATE overrides). */
export function avalancheStatePath(config: Config): string {
  return config.AVALANCHE_LOCAL_STATE ?? besideDataDir(config, 'avalanche-l1-state.json');
}

/** Where the local L1's contracts (gatekeeper, T-REX factory, ONCHAINID, modules) are recorded. */
export function avalancheInfrastructurePath(config: Config): string {
  return besideDataDir(config, 'avalanche-infrastructure.json');
}

/** The attestation signing key: FISCUS_ATTESTATION_KEY, or a seed created once beside the data dir (0600). */
export function attestationKeyFor(config: Config): AttestationKey {
  return config.FISCUS_ATTESTATION_KEY
    ? attestationKeyFromSeed(config.FISCUS_ATTESTATION_KEY)
    : loadOrCreateAttestationKey(besideDataDir(config, 'attestation.seed'));
}

/** The AES-256-GCM key of webhook secrets: FISCUS_WEBHOOK_KEY, or a key created once beside the data dir (0600). */
export function webhookKeyFor(config: Config): Uint8Array {
  return config.FISCUS_WEBHOOK_KEY ? webhookKeyFromHex(config.FISCUS_WEBHOOK_KEY) : loadOrCreateWebhookKey(besideDataDir(config, 'webhook.key'));
}

/** A signer seed: from the env, or created once beside the data dir (0600) so restarts and workers agree. */
function seedBesideDataDir(config: Config, fromEnv: string | undefined, name: string): Uint8Array {
  if (fromEnv) return Buffer.from(fromEnv, 'hex');
  const file = besideDataDir(config, name);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/**
 * Drivers are registered explicitly. FISCUS_DEVNET=memory adds `memory:devnet`, a LOCAL
 * SIMULATED chain held in this process and saved to a state file after every block, so a
 * restart keeps the chain as it keeps the ledger (otherwise the reconciler would see drift).
 * STELLAR_NETWORK adds `stellar:local` (the local ledger, in this process), `stellar:testnet`
 * or `stellar:pubnet` (see chains/stellar/wiring.ts).
 */
export async function buildChains(config: Config, logger: Logger): Promise<Chains> {
  const drivers = new DriverRegistry();
  let devnet: MemChainServer | undefined;
  if (config.FISCUS_DEVNET !== 'none') {
    const stateFile = config.FISCUS_DEVNET_URL ? undefined : devnetStatePath(config);
    devnet = stateFile ? await startMemChain({ chain: DEVNET_CHAIN, port: config.FISCUS_DEVNET_PORT, stateFile }) : undefined;
    const url = config.FISCUS_DEVNET_URL ?? devnet!.url;
    drivers.register(
      new MemChainDriver({ chain: DEVNET_CHAIN, url, signer: ed25519Signer(seedBesideDataDir(config, config.FISCUS_DEVNET_SEED, 'devnet-signer.seed')) }),
    );
    logger.warn({ chain: DEVNET_CHAIN, url, stateFile }, 'memory:devnet is a local SIMULATED chain (not a real network). Set FISCUS_DEVNET=none to disable.');
  }
  let stellar: Awaited<ReturnType<typeof buildStellar>>;
  try {
    // Only the local network reads this seed (generated if unset); testnet/pubnet take STELLAR_KEYRING_SIGNER (signer-wiring.ts).
    stellar = await buildStellar(config, logger, {
      seed: () => seedBesideDataDir(config, config.STELLAR_KEYRING_SEED, 'stellar-keyring.seed'),
      localStateFile: stellarLocalStatePath(config),
    });
  } catch (e) {
    await devnet?.close();
    throw e;
  }
  if (stellar) drivers.register(stellar.driver);
  // ETHEREUM_NETWORK adds `eip155:31337` (anvil, in this process) or the configured RPC chain (see chains/ethereum/wiring.ts).
  let evm: Awaited<ReturnType<typeof buildEvm>>;
  try {
    evm = await buildEvm(config, logger, { localStateFile: anvilStatePath(config), infrastructureFile: evmInfrastructurePath(config) });
  } catch (e) {
    await Promise.all([devnet?.close(), stellar?.close()]);
    throw e;
  }
  if (evm) drivers.register(evm.driver);
  // AVALANCHE_NETWORK adds the L1 `eip155:<chain id>` (Subnet-EVM stand-in in this process, or an existing L1; see chains/avalanche/wiring.ts).
  let avalanche: Awaited<ReturnType<typeof buildAvalanche>>;
  try {
    avalanche = await buildAvalanche(config, logger, { localStateFile: avalancheStatePath(config), infrastructureFile: avalancheInfrastructurePath(config) });
  } catch (e) {
    await Promise.all([devnet?.close(), stellar?.close(), evm?.close()]);
    throw e;
  }
  if (avalanche) drivers.register(avalanche.driver);
  const endpoints: Record<string, ChainEndpoint> = {};
  if (config.FISCUS_DEVNET !== 'none') {
    const url = config.FISCUS_DEVNET_URL ?? devnet!.url;
    endpoints[DEVNET_CHAIN] = { kind: 'memchain', url, probeUrl: url, local: true };
  }
  if (stellar)
    endpoints[stellar.info.chain] = {
      kind: 'horizon',
      url: stellar.info.horizonUrl,
      probeUrl: stellar.info.horizonUrl,
      local: config.STELLAR_NETWORK === 'local',
    };
  // The drivers' providers know the URL they were built on (the in-process anvil's port changes every run).
  if (evm) endpoints[evm.driver.chain] = rpcEndpoint(evm.driver.provider._getConnection().url, config.ETHEREUM_NETWORK === 'local');
  if (avalanche)
    endpoints[avalanche.driver.chain] = rpcEndpoint(
      avalanche.driver.provider._getConnection().url,
      config.AVALANCHE_NETWORK === 'local',
      avalanche.pchain?.url,
    );
  const faucets: Record<string, StablecoinFaucet> = {};
  // Only chains whose stablecoin is ours: the in-process memchain, the local Stellar ledger's USDC,
  // the devnet FiscusUSDC of a local anvil and of the local L1.
  const memchain = devnet;
  if (memchain)
    faucets[DEVNET_CHAIN] = {
      pay: async (address, usd) => {
        memchain.usdc.mint(address, usd); // memchain's USDC has 6 decimals: base units are micro-dollars
        return { txHash: null };
      },
    };
  if (stellar?.faucet) faucets[stellar.info.chain] = stellar.faucet;
  if (evm?.faucet) faucets[evm.driver.chain] = evm.faucet;
  if (avalanche?.faucet) faucets[avalanche.driver.chain] = avalanche.faucet;
  return {
    drivers,
    devnet,
    faucets,
    stellar: stellar?.info,
    avalanchePChain: avalanche?.pchain,
    endpoints,
    close: async () => {
      await Promise.all([devnet?.close(), stellar?.close(), evm?.close(), avalanche?.close()]);
    },
  };
}

export function startWorker(
  db: Database['db'],
  drivers: DriverRegistry,
  logger: Logger,
  o: { reconcileMs?: number; replaceAfterMs?: number; webhookKey?: Uint8Array } = {},
): Worker {
  const worker = new Worker({
    db,
    drivers,
    logger: logger.child({ component: 'worker' }),
    replaceAfterMs: o.replaceAfterMs,
    tasks: defaultTasks({ reconcileMs: o.reconcileMs, webhooks: o.webhookKey ? { key: o.webhookKey } : undefined }),
  });
  worker.start();
  return worker;
}

/** Runs `stop` once on SIGINT/SIGTERM; a second signal exits at once. */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.ts';
import { Managed } from './procs.ts';
import { ChainProxy } from './proxy.ts';
import { SoakPostgres } from './postgres.ts';
import type { Rng } from './rng.ts';

export const CHAIN_KINDS = ['stellar', 'ethereum', 'avalanche'] as const;
export type ChainKind = (typeof CHAIN_KINDS)[number];
export const CHAIN_IDS: Record<ChainKind, string> = { stellar: 'stellar:local', ethereum: 'eip155:31337', avalanche: 'eip155:99999' };

interface ChainReady {
  url: string;
  pausePid: number;
}

export interface SoakChain {
  kind: ChainKind;
  node: Managed<ChainReady>;
  proxy: ChainProxy;
}

/** Everything the soak runs: its Postgres, three chain nodes behind proxies, two APIs, two workers. */
export interface Cluster {
  runDir: string;
  logDir: string;
  pg: SoakPostgres;
  chains: Record<ChainKind, SoakChain>;
  apis: Managed<{ url: string }>[];
  workers: Managed<true>[];
  adminKey: string;
  close(): Promise<void>;
}

const API_SCRIPT = 'apps/api/src/main.ts';
const WORKER_SCRIPT = 'apps/api/src/worker-main.ts';
const CHAIN_SCRIPT = 'packages/soak/src/children/chain-node.ts';
const SKEWED_CLOCK = 'packages/soak/src/children/skewed-clock.ts';

const jsonMsg = (line: string, msg: string): Record<string, unknown> | undefined => {
  if (!line.startsWith('{')) return undefined;
  try {
    const o = JSON.parse(line) as Record<string, unknown>;
    return o.msg === msg ? o : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Boots the cluster: Postgres first, the chain nodes (which deploy the shared EVM contracts and
 * record them in the data dir the engine processes read), the proxies, one API (it migrates),
 * then the other API and the two workers. On any failure what was started is stopped again.
 */
export async function startCluster(rng: Rng, log: (m: string) => void): Promise<Cluster> {
  const runDir = mkdtempSync(join(tmpdir(), 'fiscus-soak-'));
  chmodSync(runDir, 0o711); // the postgres OS user (when we are root) reaches its data dir inside
  const logDir = join(runDir, 'logs');
  const dataDir = join(runDir, 'data', 'pglite'); // only its parent is used: devnet state, contract records, keys
  mkdirSync(logDir, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  const started: { stop(): Promise<void> }[] = [];
  const adminKey = `fsk_soakadmin_${randomBytes(24).toString('hex')}`;
  const shared: Record<string, string> = {
    FISCUS_DATA_DIR: dataDir,
    FISCUS_DEVNET: 'none',
    STELLAR_NETWORK: 'local',
    ETHEREUM_NETWORK: 'local',
    AVALANCHE_NETWORK: 'local',
    STELLAR_KEYRING_SEED: randomBytes(32).toString('hex'),
    FISCUS_ATTESTATION_KEY: randomBytes(32).toString('hex'),
    FISCUS_WEBHOOK_KEY: randomBytes(32).toString('hex'),
    FISCUS_ADMIN_KEY: adminKey,
    LOG_LEVEL: 'info',
  };
  try {
    const pg = await SoakPostgres.create(await freePort(), runDir);
    started.push({ stop: () => pg.shutdown() });
    log(`postgres ${pg.url} (data ${pg.dir})`);

    const chainEntries = await Promise.all(
      CHAIN_KINDS.map(async (kind) => {
        const node = new Managed<ChainReady>(
          {
            name: `chain-${kind}`,
            script: CHAIN_SCRIPT,
            env: { ...shared, SOAK_CHAIN: kind, STELLAR_LEDGER_CLOSE_MS: '250' },
            ready: (line) => (line.startsWith('READY ') ? (JSON.parse(line.slice(6)) as ChainReady) : undefined),
            readyTimeoutMs: 300_000,
          },
          logDir,
        );
        const ready = await node.start();
        started.push({ stop: () => node.stop('SIGTERM').then(() => node.close()) });
        const proxy = await ChainProxy.start(kind, ready.url, rng.fork(kind.length * 7919), { faulty: await freePort(), clean: await freePort() });
        started.push({ stop: () => proxy.close() });
        log(`chain ${kind}: node ${ready.url} (pid ${ready.pausePid}), workers via ${proxy.faultyUrl}, APIs via ${proxy.cleanUrl}`);
        return [kind, { kind, node, proxy }] as const;
      }),
    );
    const chains = Object.fromEntries(chainEntries) as Record<ChainKind, SoakChain>;
    const chainEnv = (via: 'faultyUrl' | 'cleanUrl') => ({
      STELLAR_HORIZON_URL: chains.stellar.proxy[via],
      ETHEREUM_RPC_URL: chains.ethereum.proxy[via],
      AVALANCHE_RPC_URL: chains.avalanche.proxy[via],
    });
    const engineEnv = {
      ...shared,
      DATABASE_URL: pg.url,
      FISCUS_RECONCILE_MS: '15000',
      FISCUS_REPLACE_AFTER_MS: '15000',
    };

    const apis: Managed<{ url: string }>[] = [];
    for (const i of [1, 2]) {
      const port = await freePort();
      apis.push(
        new Managed(
          {
            name: `api-${i}`,
            script: API_SCRIPT,
            env: { ...engineEnv, ...chainEnv('cleanUrl'), FISCUS_WORKER: '0', PORT: String(port), FISCUS_PUBLIC_URL: `http://127.0.0.1:${port}` },
            ready: (line) => (jsonMsg(line, 'listening') ? { url: `http://127.0.0.1:${port}` } : undefined),
            readyTimeoutMs: 300_000,
          },
          logDir,
        ),
      );
    }
    const workers = [1, 2].map(
      (i) =>
        new Managed<true>(
          {
            name: `worker-${i}`,
            script: WORKER_SCRIPT,
            preload: [SKEWED_CLOCK], // inert until a clock-skew fault sets SOAK_CLOCK_SKEW_MS
            env: { ...engineEnv, ...chainEnv('faultyUrl') },
            ready: (line) => (jsonMsg(line, 'worker running') ? true : undefined),
            readyTimeoutMs: 300_000,
          },
          logDir,
        ),
    );
    for (const p of [...apis, ...workers]) started.push({ stop: () => p.stop('SIGKILL').then(() => p.close()) });
    await apis[0]!.start(); // runs the migrations alone
    await Promise.all([apis[1]!.start(), ...workers.map((w) => w.start())]);
    log(`apis ${apis.map((a) => a.info!.url).join(', ')}; workers ${workers.map((w) => w.pid).join(', ')}; logs in ${logDir}`);
    return {
      runDir,
      logDir,
      pg,
      chains,
      apis,
      workers,
      adminKey,
      close: () => stopAll(started),
    };
  } catch (e) {
    await stopAll(started);
    throw e;
  }
}

async function stopAll(started: { stop(): Promise<void> }[]): Promise<void> {
  for (const s of started.reverse()) await s.stop().catch(() => {});
}

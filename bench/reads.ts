/**
 * `BENCH=reads npm run bench`: reads at fund scale — for BENCH_READS_HOLDERS holders (default
 * 1,000 / 10,000 / 100,000) on each chain of BENCH_READS_CHAINS (default memchain, anvil,
 * stellar): event ingest from a cold cursor (every seeding event, our own transactions passed
 * over), a full reconciliation with positions (supply + every holder against the cap table), and
 * an incremental one (only the 100 holders touched since the last check: positions aged, then
 * 100 touched). BENCH_READS_HOLDERS_<CHAIN> overrides the sizes of one chain. Each size is its own fund and
 * deployment on one chain. Seeding, not timed: memchain and anvil through the drivers in full
 * batches (anvil: every wallet onboarded onto one shared identity, mints of 100 per transaction);
 * the Stellar local ledger by its devnet bulk load (accounts and authorized trustlines written
 * straight into the state: there is no history to ingest there). BENCH_READS_ANVIL_STATE=<dir>
 * keeps anvil's seeded state between runs (anvilKeep).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keypair } from '@stellar/stellar-sdk';
import { eq, sql } from 'drizzle-orm';
import { DriverRegistry, type ChainDriver, type Deployment } from '@fiscus/core';
import { MemChainDriver, ed25519Signer, startMemChain } from '@fiscus/devnet';
import { ingestEvents, runReconciliation } from '@fiscus/engine';
import { testBackends } from '@fiscus/ledger/testing';
import { schema, type Db } from '@fiscus/ledger';
import { fromDeployment } from '@fiscus/chain-stellar';
import { LocalNetwork } from '../packages/chain-stellar/test/support/local-network.ts';
import { hexKey, position, recordSeedTxs, seedBooks, sendBatches, startEvmChain, type EvmChainKeys } from './yield-seed.ts';
import type { BenchRow } from './table.ts';

const SIZES = (process.env.BENCH_READS_HOLDERS ?? '1000,10000,100000').split(',').map(Number);
const CHAINS = (process.env.BENCH_READS_CHAINS ?? 'memchain,anvil,stellar').split(',');
/** Holder sizes per chain (e.g. BENCH_READS_HOLDERS_ANVIL=1000): seeding T-REX holders costs ~0.4 M gas each. */
const sizesFor = (chain: string) => process.env[`BENCH_READS_HOLDERS_${chain.toUpperCase()}`]?.split(',').map(Number) ?? SIZES;
/** Holders whose positions changed between the full check and the incremental one. */
const TOUCHED = 100;

interface Chain {
  name: string;
  driver: ChainDriver;
  /** Deploys a fresh fund and puts `holders` on chain; returns the seeding tx hashes (ours). */
  seed(fundId: string, holders: { address: string; units: bigint }[]): Promise<{ deployment: Deployment; hashes: string[] }>;
  newAddress(): string;
  /** A fund of `size` holders seeded on a saved state in an earlier run (anvilKeep). */
  kept?(size: number): Seeded | undefined;
  keep?(size: number, seeded: Seeded): void;
  close(): Promise<void>;
}

const spec = (fundId: string) => ({ id: fundId, name: 'Bench Reads Fund', symbol: 'BRD', decimals: 6 });

async function memchain(): Promise<Chain> {
  const server = await startMemChain({ chain: 'memory:reads' });
  const driver = new MemChainDriver({ chain: 'memory:reads', url: server.url, signer: ed25519Signer(), pageSize: 1_000, timeoutMs: 60_000 });
  return {
    name: 'memchain',
    driver,
    newAddress: () => `0x${randomBytes(20).toString('hex')}`,
    async seed(fundId, holders) {
      const deployment = await driver.deploy(spec(fundId));
      const max = driver.capabilities.maxBatch;
      const a = await sendBatches(
        driver,
        deployment,
        holders.map((h) => ({ kind: 'authorize', address: h.address, investorId: `b-${h.address.slice(-8)}`, country: 840 })),
        max,
      );
      const m = await sendBatches(
        driver,
        deployment,
        holders.map((h) => ({ kind: 'mint', to: h.address, units: h.units })),
        max,
      );
      return { deployment, hashes: [...a, ...m] };
    },
    close: () => server.close(),
  };
}

/** A seeded fund, as kept beside a saved chain state. */
interface Seeded {
  fundId: string;
  holders: { address: string; units: bigint }[];
  deployment: Deployment;
  hashes: string[];
}

/**
 * BENCH_READS_ANVIL_STATE=<dir>: anvil's state is saved there at the end (anvil --state) with the
 * funds seeded on it, and the next run loads both instead of seeding again — 100,000 T-REX
 * holders take the better part of an hour to seed, the reads they exist for a few seconds.
 */
function anvilKeep(dir: string | undefined) {
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  const metaPath = join(dir, 'funds.json');
  const meta = (
    existsSync(metaPath)
      ? JSON.parse(readFileSync(metaPath, 'utf8'), (_k, v) => (typeof v === 'string' && /^\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v))
      : { keys: undefined, funds: {} }
  ) as { keys?: EvmChainKeys; funds: Record<string, Seeded> };
  return {
    statePath: join(dir, 'anvil.json'),
    meta,
    save: () =>
      writeFileSync(
        metaPath,
        JSON.stringify(meta, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)),
      ),
  };
}

async function anvil(): Promise<Chain> {
  const keep = anvilKeep(process.env.BENCH_READS_ANVIL_STATE);
  // Every size asked for already seeded: load the state without writing GBs back at the end.
  const readOnly = !!keep && sizesFor('anvil').every((n) => keep.meta.funds[n]);
  const eth = await startEvmChain(31_337, { statePath: keep?.statePath, readOnly, keys: keep?.meta.keys });
  const driver = eth.driver;
  if (keep) keep.meta.keys = eth.keys;
  return {
    name: 'anvil',
    driver,
    newAddress: () => hexKey().slice(0, 42),
    kept: (size) => keep?.meta.funds[size],
    keep(size, seeded) {
      if (!keep) return;
      keep.meta.funds[size] = seeded;
      keep.save();
    },
    async seed(fundId, holders) {
      const deployment = await driver.deploy(spec(fundId));
      // One investor, many wallets: the onboarder deploys its identity once and registers every wallet on it.
      const shared = `bench-${fundId}`;
      const a = await sendBatches(
        driver,
        deployment,
        holders.map((h) => ({ kind: 'authorize', address: h.address, investorId: shared, country: 840 })),
        20,
        16,
      );
      const m = await sendBatches(
        driver,
        deployment,
        holders.map((h) => ({ kind: 'mint', to: h.address, units: h.units })),
        100,
        16,
      );
      return { deployment, hashes: [...a, ...m] };
    },
    close: () => eth.close(),
  };
}

async function stellar(): Promise<Chain> {
  const net = await LocalNetwork.start();
  const driver = net.driver();
  return {
    name: 'stellar',
    driver,
    newAddress: () => Keypair.random().publicKey(),
    async seed(fundId, holders) {
      const deployment = await driver.deploy(spec(fundId));
      const d = fromDeployment(deployment);
      // Fund units (6 decimals) as stroops (7): × 10.
      net.horizon.ledger.seedHolders(
        d.assetCode,
        d.issuer,
        holders.map((h) => ({ account: h.address, balance: h.units * 10n ** BigInt(7 - d.decimals) })),
      );
      return { deployment, hashes: [] };
    },
    close: () => net.horizon.close(),
  };
}

const STARTERS: Record<string, () => Promise<Chain>> = { memchain, anvil, stellar };
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A loaded machine drops a devnet connection now and then (a reused keep-alive socket): retry, as the engine's tasks would. */
async function retried<T>(f: () => Promise<T>, times = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await f();
    } catch (e) {
      if (i >= times || !String(e).includes('unavailable')) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}

async function coldIngest(db: Db, drivers: DriverRegistry, deploymentId: string): Promise<{ events: number; pages: number }> {
  let events = 0;
  let pages = 0;
  for (;;) {
    const r = await retried(() => ingestEvents(db, drivers, { deploymentId, maxPages: 1_000 }));
    events += r.events;
    pages += r.pages;
    if (r.pages === 0 || r.events === 0) return { events, pages };
  }
}

export async function benchReads(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const name of CHAINS) {
    const start = STARTERS[name];
    if (!start) throw new Error(`unknown chain ${name}; known: ${Object.keys(STARTERS).join(', ')}`);
    const chain = await start();
    // PostgreSQL when DATABASE_URL is set (as an issuer runs it), else PGlite (`npm start`).
    const backend = testBackends().at(-1)!;
    const created = await backend.create();
    const database = await created.open();
    const db = database.db;
    try {
      const drivers = new DriverRegistry().register(chain.driver);
      for (const size of sizesFor(name)) {
        let seeded = chain.kept?.(size);
        let seedMs = 0;
        if (seeded) process.stderr.write(`  reads: ${name} ${size} holders: seeded in an earlier run (saved state)\n`);
        else {
          process.stderr.write(`  reads: ${name} ${size} holders: seeding…\n`);
          const fundId = `fund_${randomUUID()}`;
          const holders = Array.from({ length: size }, (_, i) => ({ address: chain.newAddress(), units: position(i) }));
          const [onChain, ms] = await timed(() => retried(() => chain.seed(fundId, holders)));
          seeded = { fundId, holders, ...onChain };
          seedMs = ms;
          chain.keep?.(size, seeded);
        }
        const { fundId, holders, deployment, hashes } = seeded;
        await seedBooks(db, fundId, [{ driver: chain.driver, deployment, holders }]);
        await recordSeedTxs(db, fundId, chain.driver.chain, hashes);
        const [dep] = await db.select({ id: schema.deployments.id }).from(schema.deployments).where(eq(schema.deployments.fundId, fundId));

        const [ingest, ingestMs] = await timed(() => coldIngest(db, drivers, dep!.id));
        const check = async (positions: 'full' | 'incremental', expected = size) => {
          const [[rec], ms] = await timed(() => runReconciliation(db, drivers, { fundId, positions }));
          const p = rec?.detail?.positions as { mode: string; onChain: number; mismatched: number } | undefined;
          if (rec?.status !== 'clean' || p?.mismatched !== 0 || p.mode !== positions || p.onChain !== expected) {
            throw new Error(`${name} ${size} ${positions}: ${JSON.stringify(rec, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
          }
          return ms;
        };
        const fullMs = await check('full');
        // Between full checks: positions last changed long ago, then activity on TOUCHED holders.
        await db.execute(sql`update fund_wallets set updated_at = now() - interval '2 hours' where fund_id = ${fundId}`);
        const touched = holders.slice(0, TOUCHED).map((h) => h.address);
        await db.execute(sql`update fund_wallets set updated_at = now() where fund_id = ${fundId} and wallet_id in
          (select id from wallets where address in (${sql.join(
            touched.map((a) => sql`${a}`),
            sql`, `,
          )}))`);
        const incrementalMs = await check('incremental', Math.min(TOUCHED, size));
        const label = `${name} ${size.toLocaleString('en-US')}`;
        // Progress on stderr as each size finishes: a long run that fails later still shows what it measured.
        process.stderr.write(
          `  reads: ${label}: full ${secs(fullMs)}, incremental ${secs(incrementalMs)}, cold ingest ${secs(ingestMs)} (${ingest.events} events)\n`,
        );
        rows.push(
          {
            bench: 'reads',
            metric: `${label}: reconcile, full positions`,
            value: secs(fullMs),
            note: `supply + all ${size} holders vs cap table (${backend.name})`,
          },
          {
            bench: 'reads',
            metric: `${label}: reconcile, incremental`,
            value: secs(incrementalMs),
            note: `${Math.min(TOUCHED, size)} holders touched since the last check`,
          },
          {
            bench: 'reads',
            metric: `${label}: cold event ingest`,
            value: hashes.length ? secs(ingestMs) : 'n/a',
            note: hashes.length
              ? `${ingest.events} events in ${ingest.pages} pages; seeding ${seedMs ? secs(seedMs) : 'in an earlier run'} (${hashes.length} txs), not timed`
              : 'bulk-loaded state: no history',
          },
        );
      }
    } finally {
      await database.close();
      await created.drop();
      await chain.close();
    }
  }
  return rows;
}

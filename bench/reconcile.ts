/**
 * `BENCH=reconcile npm run bench`: the reconciler over a fund with BENCH_RECONCILE_HOLDERS
 * (default 100,000) holders on a memchain node. Holders are seeded straight through the driver
 * (authorize + mint in batches of 100) and into the database (positions, supply posting, the
 * seeding transactions recorded as our own operations). Timed: the first reconciliation (event
 * ingest catching up over every seeding event, supply check, holder-by-holder position check)
 * and a steady-state one (nothing new on chain).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DriverRegistry, type ChainId } from '@fiscus/core';
import { MemChainDriver, ed25519Signer, startMemChain } from '@fiscus/devnet';
import { runReconciliation } from '@fiscus/engine';
import { testBackends } from '@fiscus/ledger/testing';
import { position, recordSeedTxs, seedBooks, seedOnChain } from './yield-seed.ts';
import type { BenchRow } from './table.ts';

const HOLDERS = Number(process.env.BENCH_RECONCILE_HOLDERS ?? 100_000);

export async function benchReconcile(): Promise<BenchRow[]> {
  const chain: ChainId = 'memory:bench';
  const server = await startMemChain({ chain });
  const backend = testBackends()[0]!;
  const created = await backend.create();
  const database = await created.open();
  try {
    const driver = new MemChainDriver({ chain, url: server.url, signer: ed25519Signer(), pageSize: 1_000, timeoutMs: 60_000 });
    const fundId = `fund_${randomUUID()}`;
    const deployment = await driver.deploy({ id: fundId, name: 'Bench Reconcile Fund', symbol: 'BRF', decimals: 6 });
    const holders = Array.from({ length: HOLDERS }, (_, i) => ({ address: `0x${randomBytes(20).toString('hex')}`, units: position(i) }));
    const seedStart = performance.now();
    const seeded = { driver, deployment, holders };
    const hashes = await seedOnChain(seeded);
    await seedBooks(database.db, fundId, [seeded]);
    await recordSeedTxs(database.db, fundId, chain, hashes);
    const seedMs = performance.now() - seedStart;

    const drivers = new DriverRegistry().register(driver);
    const run = async () => {
      const t0 = performance.now();
      const [rec] = await runReconciliation(database.db, drivers, { fundId, positions: true });
      const ms = performance.now() - t0;
      const positions = rec?.detail?.positions as { onChain: number; mismatched: number } | undefined;
      if (rec?.status !== 'clean' || positions?.onChain !== HOLDERS || positions.mismatched !== 0)
        throw new Error(`reconciliation: ${JSON.stringify(rec, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
      return ms;
    };
    const first = await run();
    const steady = await run();
    return [
      {
        bench: 'reconcile',
        metric: `${HOLDERS} holders: first run`,
        value: `${(first / 1000).toFixed(1)} s`,
        note: `ingest catch-up over ${hashes.length} seeding txs + supply + every position (${backend.name}, memchain)`,
      },
      {
        bench: 'reconcile',
        metric: `${HOLDERS} holders: steady state`,
        value: `${(steady / 1000).toFixed(1)} s`,
        note: 'supply + holder-by-holder positions, nothing new on chain',
      },
      {
        bench: 'reconcile',
        metric: 'seeding (on chain + books)',
        value: `${(seedMs / 1000).toFixed(1)} s`,
        note: `${hashes.length} batch txs; not part of the reconciliation`,
      },
    ];
  } finally {
    await database.close();
    await created.drop();
    await server.close();
  }
}

import { randomBytes } from 'node:crypto';
import { MemChainDriver, ed25519Signer, startMemChain } from '@fiscus/devnet';
import { testBackends } from '@fiscus/ledger/testing';
import { deployedFund, requestMint, settle, testWorker } from '@fiscus/engine/testing';
import type { BenchRow } from './table.ts';

const OPS = Number(process.env.BENCH_PIPELINE_OPS ?? 300);

/**
 * Engine throughput: OPS mints requested at once and driven to `posted` by one in-process
 * worker (sign, persist, broadcast, confirm, post) on memchain, per database backend.
 */
export async function benchPipeline(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const backend of testBackends()) {
    const server = await startMemChain({ chain: 'memory:bench', blockMs: 0 });
    const driver = new MemChainDriver({ chain: 'memory:bench', url: server.url, signer: ed25519Signer(randomBytes(32)) });
    const created = await backend.create();
    const database = await created.open();
    try {
      const harness = { chain: driver.chain, driver, newAddress: () => `0x${randomBytes(20).toString('hex')}` };
      const f = await deployedFund(database, { ...harness, childDriverModule: '', childDriverEnv: {}, close: async () => {} });
      const worker = testWorker(database.db, driver, { concurrency: 32 });
      const ids: string[] = [];
      for (let i = 0; i < OPS; i++) ids.push((await requestMint(database.db, { ...f, chain: driver.chain, to: f.address, units: 1n })).id);
      const started = performance.now();
      await settle(worker, database.db, ids, 600_000);
      const seconds = (performance.now() - started) / 1000;
      rows.push({
        bench: `pipeline (${backend.name})`,
        metric: `${OPS} mints requested → posted`,
        value: `${seconds.toFixed(2)} s`,
        note: `${(OPS / seconds).toFixed(0)} ops/s, one worker`,
      });
    } finally {
      await database.close();
      await created.drop();
      await server.close();
    }
  }
  return rows;
}

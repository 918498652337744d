import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { and, count, eq, inArray } from 'drizzle-orm';
import { DriverRegistry, TERMINAL_STATES } from '@fiscus/core';
import { MemChainDriver, ed25519Signer, startMemChain } from '@fiscus/devnet';
import { schema, type Db } from '@fiscus/ledger';
import { testBackends } from '@fiscus/ledger/testing';
import { Worker } from '@fiscus/engine';
import { deployedFund, requestMint, seedWallet, settle } from '@fiscus/engine/testing';
import { localPostgresCpuSeconds, processCpuMs } from './cpu.ts';
import { loadNote } from './load.ts';
import type { BenchRow } from './table.ts';

// 1,000: at 300 a fresh worker process spends a third of its run compiling (JIT) what it then runs.
const OPS = Number(process.env.BENCH_PIPELINE_OPS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_PIPELINE_CONCURRENCY ?? 32);
/** Investors the mints go to, round robin: a fund's subscriptions come from many (BENCH_PIPELINE_WALLETS=1: all to one). */
const WALLETS = Number(process.env.BENCH_PIPELINE_WALLETS ?? 32);
/** BENCH_PIPELINE_BACKENDS=postgres runs only the Postgres rows (PGlite runs in this process and takes its CPU). */
const BACKENDS = process.env.BENCH_PIPELINE_BACKENDS?.split(',');

/**
 * Engine throughput: OPS mints requested while the workers are stopped, then driven to `posted`
 * (sign, persist, broadcast, confirm, post) by started workers — the production scheduler, no
 * claim rounds, LISTEN/NOTIFY wake-ups — on memchain. PGlite with one worker in this process (an
 * embedded database has one process); Postgres with one worker process and with two, as
 * production runs extra workers (pipeline-worker.ts), memchain in this process.
 */
export async function benchPipeline(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const backend of testBackends().filter((b) => !BACKENDS || BACKENDS.includes(b.name))) {
    for (const workers of backend.name === 'postgres' ? [1, 2] : [1]) {
      const server = await startMemChain({ chain: 'memory:bench', blockMs: 0 });
      const seed = randomBytes(32);
      const driver = new MemChainDriver({ chain: 'memory:bench', url: server.url, signer: ed25519Signer(seed) });
      const created = await backend.create();
      const database = await created.open();
      const inProcess: Worker[] = [];
      const processes: WorkerProcess[] = [];
      try {
        const harness = { chain: driver.chain, driver, newAddress: () => `0x${randomBytes(20).toString('hex')}` };
        const f = await deployedFund(database, { ...harness, childDriverModule: '', childDriverEnv: {}, close: async () => {} });
        const wallets = [{ ...f, to: f.address }];
        for (let i = 1; i < WALLETS; i++) {
          const to = harness.newAddress();
          const w = await seedWallet(database.db, { fundId: f.fundId, chain: driver.chain, address: to });
          await settle(f.worker, database.db, [w.authorize.id]);
          wallets.push({ ...f, ...w, to });
        }
        const ids: string[] = [];
        for (let i = 0; i < OPS; i++) ids.push((await requestMint(database.db, { ...wallets[i % WALLETS]!, chain: driver.chain, units: 1n })).id);
        if (backend.name === 'pglite') {
          inProcess.push(new Worker({ db: database.db, drivers: new DriverRegistry().register(driver), concurrency: CONCURRENCY, tasks: [] }));
        } else {
          const env = {
            FISCUS_DB: JSON.stringify(created.options),
            MEMCHAIN_URL: server.url,
            MEMCHAIN_CHAIN: driver.chain,
            MEMCHAIN_SEED: seed.toString('hex'),
          };
          for (let w = 0; w < workers; w++) processes.push(startWorkerProcess({ ...env, CONCURRENCY: String(CONCURRENCY) }));
          await Promise.all(processes.map((p) => p.ready));
        }
        const pg0 = localPostgresCpuSeconds(created.options.url);
        const cpu0 = process.cpuUsage();
        const started = performance.now();
        for (const w of inProcess) w.start();
        for (const p of processes) p.go();
        await allTerminal(database.db, { fundId: f.fundId, kind: 'mint', expected: ids.length }, 600_000);
        const seconds = (performance.now() - started) / 1000;
        // What bounds it: CPU per operation of the workers, of this process (memchain, the waiting
        // loop; the worker and PGlite too on PGlite) and of the local Postgres server.
        const nodeMs = processCpuMs(cpu0) / OPS;
        const pg1 = localPostgresCpuSeconds(created.options.url);
        const workerMs = (await Promise.all(processes.splice(0).map((p) => p.stop()))).reduce((a, b) => a + b, 0) / OPS;
        const pgMs = pg0 !== undefined && pg1 !== undefined ? ((pg1 - pg0) * 1000) / OPS : undefined;
        const cpu = `CPU per mint: ${backend.name === 'pglite' ? 'this process (worker, PGlite, memchain)' : `workers ${workerMs.toFixed(1)} ms, this process (memchain)`} ${nodeMs.toFixed(1)} ms${pgMs === undefined ? '' : `, Postgres ${pgMs.toFixed(1)} ms`}`;
        rows.push({
          bench: `pipeline (${backend.name})`,
          metric: `${OPS} mints requested → posted, ${workers} worker${workers > 1 ? 's' : ''}`,
          value: `${(OPS / seconds).toFixed(0)} ops/s`,
          note: `${seconds.toFixed(2)} s; ${cpu}; ${WALLETS} investors' wallets; concurrency ${CONCURRENCY} each, production poll defaults; memchain mines on submit; ${loadNote()}`,
        });
      } finally {
        await Promise.all(inProcess.map((w) => w.stop()));
        for (const p of processes) p.kill(); // left only when the run failed
        await database.close();
        await created.drop();
        await server.close();
      }
    }
  }
  return rows;
}

interface WorkerProcess {
  /** Connected, waiting for `go`. */
  ready: Promise<void>;
  go(): void;
  /** Stops the worker; resolves with its CPU milliseconds since `go`. */
  stop(): Promise<number>;
  kill(): void;
}

/** A worker in its own process (pipeline-worker.ts). */
function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./pipeline-worker.ts', import.meta.url))], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`pipeline worker exited (${code})`)));
    });
  const ready = next().then((line) => {
    if (line !== 'ready') throw new Error(`pipeline worker: ${line}`);
  });
  let stopped: Promise<number> | undefined;
  return {
    ready,
    go: () => child.stdin!.write('go\n'),
    stop: () =>
      (stopped ??= (async () => {
        const answer = next();
        child.stdin!.write('stop\n');
        return (JSON.parse(await answer) as { cpuMs: number }).cpuMs;
      })()),
    kill: () => child.kill('SIGKILL'),
  };
}

/**
 * Waits (reading every 20 ms) until `expected` operations of the fund of this kind are terminal.
 * By fund and kind, not by a list of ids: an `in` list of 1,000 ids took drizzle 7 ms to build
 * per read, a third of a core at this rate — in the process whose CPU the bench measures.
 */
export async function allTerminal(db: Db, p: { fundId: string; kind: string; expected: number }, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const { operations } = schema;
  for (;;) {
    const [row] = await db
      .select({ n: count() })
      .from(operations)
      .where(and(eq(operations.fundId, p.fundId), eq(operations.kind, p.kind), inArray(operations.state, [...TERMINAL_STATES])));
    if ((row?.n ?? 0) >= p.expected) return;
    if (Date.now() > deadline) throw new Error(`operations not terminal after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

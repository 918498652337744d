/**
 * `BENCH=yield npm run bench`: a yield distribution to BENCH_YIELD_HOLDERS (default 10,000)
 * holders spread over three chains — the Stellar local ledger, anvil, and the Avalanche L1: the
 * Subnet-EVM stand-in (allow-list gate + precompile stand-ins) wired as `npm start` wires it
 * (default), or with BENCH_YIELD_L1=anvil a second plain anvil with its own chain id. Holders are
 * seeded straight through the drivers and into the database; the distribution itself runs
 * through the engine: the saga plans it (snapshot, allocation, batch operations), one in-process
 * worker signs, submits, confirms and posts every batch. Reports transactions per chain against
 * the floor ⌈holders/maxBatch⌉, gas per holder on the EVM chains, and wall time.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { DriverRegistry, type ChainDriver } from '@fiscus/core';
import { distributionTask, requestDistribution, TASK_INTERVALS_MS, Worker } from '@fiscus/engine';
import { schema, type Db } from '@fiscus/ledger';
import { testBackends } from '@fiscus/ledger/testing';
import type { EvmDriver } from '@fiscus/chain-evm';
import { LocalNetwork } from '../packages/chain-stellar/test/support/local-network.ts';
import { EVM_AUTHORIZE_BATCH, hexKey, position, seedBooks, seedOnChain, startEvmChain, type SeededChain } from './yield-seed.ts';
import type { BenchRow } from './table.ts';

const HOLDERS = Number(process.env.BENCH_YIELD_HOLDERS ?? 10_000);
const UNITS = 1_000_000_000_003n;
const L1 = process.env.BENCH_YIELD_L1 ?? 'standin';

async function startStandIn(): Promise<{ driver: ChainDriver; close(): Promise<void> }> {
  const { buildAvalanche } = await import('../apps/api/src/chains/avalanche/wiring.ts');
  const { loadConfig } = await import('../apps/api/src/config.ts');
  const { silentLogger } = await import('../apps/api/src/lib/logger.ts');
  const config = loadConfig({ AVALANCHE_NETWORK: 'local', ETHEREUM_NETWORK: 'none', STELLAR_NETWORK: 'none', FISCUS_DEVNET: 'none' });
  const l1 = (await buildAvalanche(config, silentLogger()))!;
  return { driver: l1.driver, close: () => l1.close() };
}

export async function benchYield(): Promise<BenchRow[]> {
  const net = await LocalNetwork.start();
  const eth = await startEvmChain(31_337);
  // Default: the Subnet-EVM stand-in wired as `npm start` wires it (buildAvalanche);
  // =anvil: a second plain anvil (chain id 43112) running the same EVM driver and contracts.
  const avax = L1 === 'standin' ? await startStandIn() : await startEvmChain(43_112);
  // PostgreSQL when DATABASE_URL is set (as an issuer runs it), else PGlite (`npm start`).
  const backend = testBackends().at(-1)!;
  const created = await backend.create();
  const database = await created.open();
  try {
    const fundId = `fund_${randomUUID()}`;
    const spec = { id: fundId, name: 'Bench Yield Fund', symbol: 'BYF', decimals: 6 };
    const stellar = net.driver();
    net.deployment = await stellar.deploy(spec);
    const per = Math.ceil(HOLDERS / 3);
    const stellarHolders = net.newInvestors(HOLDERS - 2 * per);
    await new Promise((r) => setImmediate(r));
    const chains: SeededChain[] = [
      { driver: stellar, deployment: net.deployment, holders: stellarHolders.map((address, i) => ({ address, units: position(i) })) },
    ];
    for (const [k, c] of [eth, avax].entries()) {
      const deployment = await c.driver.deploy(spec);
      const holders = Array.from({ length: per }, (_, i) => ({ address: hexKey().slice(0, 42), units: position(i + (k + 1) * per) }));
      chains.push({ driver: c.driver, deployment, holders, authorizeBatch: EVM_AUTHORIZE_BATCH });
    }
    const seedStart = performance.now();
    await Promise.all(chains.map((c) => seedOnChain(c)));
    await seedBooks(database.db, fundId, chains);
    const seedMs = performance.now() - seedStart;

    const drivers = new DriverRegistry();
    for (const c of chains) drivers.register(c.driver);
    // The worker as the platform runs it: started (a slot refills the moment it frees, no rounds),
    // production polls, and the distribution task on its production interval. Driving it by hand
    // (tick() in a loop) waited for every claimed operation before claiming again, and re-ran the
    // saga's completion scan of 10,000 allocations between ticks.
    const worker = new Worker({ db: database.db, drivers, tasks: [distributionTask(TASK_INTERVALS_MS.distributions)] });
    worker.start();
    const started = performance.now();
    const startedAt = new Date();
    let wallMs = 0;
    const d = await requestDistribution(database.db, { fundId, recordTime: new Date(), units: UNITS, requestedBy: 'bench' });
    let planMs = 0;
    try {
      for (;;) {
        await new Promise((r) => setTimeout(r, 50));
        const [row] = await database.db.select({ state: schema.distributions.state }).from(schema.distributions).where(eq(schema.distributions.id, d.id));
        if (!planMs && row?.state !== 'pending') planMs = performance.now() - started;
        if (row?.state === 'completed') {
          wallMs = performance.now() - started; // seen completed: the worker's stop is not part of it
          break;
        }
        if (row?.state === 'partially_failed' || row?.state === 'failed') throw new Error(`distribution ${row.state}`);
      }
    } finally {
      await worker.stop();
    }

    const allocations = await database.db
      .select({ chain: schema.distributionAllocations.chain, op: schema.distributionAllocations.operationId })
      .from(schema.distributionAllocations)
      .where(eq(schema.distributionAllocations.distributionId, d.id));
    const opIds = [...new Set(allocations.map((a) => a.op).filter((x): x is string => !!x))];
    const ops = await database.db.select().from(schema.operations).where(inArray(schema.operations.id, opIds));
    const rows: BenchRow[] = [];
    for (const c of chains) {
      const chain = c.driver.chain;
      const mine = ops.filter((o) => o.chain === chain);
      const n = allocations.filter((a) => a.chain === chain && a.op).length;
      const floor = Math.ceil(n / c.driver.capabilities.maxBatch);
      // Ledger = chain after the distribution, or the figures mean nothing.
      const supply = await c.driver.totalSupply(c.deployment);
      const { accountBalance, supplyAccount } = await import('@fiscus/ledger');
      const ledger = await accountBalance(database.db, { fundId, code: supplyAccount(chain), commodity: 'units' });
      if (supply !== ledger) throw new Error(`${chain}: chain ${supply} ≠ ledger ${ledger}`);
      rows.push({
        bench: 'yield',
        metric: `${chain}: transactions for ${n} holders`,
        value: String(mine.length),
        note: `floor ⌈${n}/${c.driver.capabilities.maxBatch}⌉ = ${floor}; supply = ledger`,
      });
      const timeline = await chainTimeline(
        database.db,
        mine.map((o) => o.id),
        startedAt,
      );
      rows.push({
        bench: 'yield',
        metric: `${chain}: last batch posted`,
        value: `${(timeline.doneMs / 1000).toFixed(1)} s`,
        note: `after the request; median ms per step: ${timeline.steps}`,
      });
      if (chain.startsWith('eip155:')) {
        const provider = (c.driver as unknown as Pick<EvmDriver, 'provider'>).provider;
        let gas = 0n;
        for (const o of mine) gas += (await provider.getTransactionReceipt(o.txHash!))!.gasUsed;
        rows.push({
          bench: 'yield',
          metric: `${chain}: gas per holder (batchMint)`,
          value: String(gas / BigInt(n)),
          note: `${gas} gas over ${mine.length} txs${chain === avax.driver.chain ? (L1 === 'standin' ? '; Avalanche L1: Subnet-EVM stand-in' : '; third chain: a plain anvil (BENCH_YIELD_L1=anvil)') : ''}`,
        });
      }
    }
    rows.push({
      bench: 'yield',
      metric: `distribution to ${HOLDERS} holders on 3 chains: wall time`,
      value: `${(wallMs / 1000).toFixed(1)} s`,
      note: `request → completed (${backend.name}, 1 worker, production polls; the saga runs every ${TASK_INTERVALS_MS.distributions} ms); planning ${(planMs / 1000).toFixed(1)} s`,
    });
    rows.push({
      bench: 'yield',
      metric: 'seeding (authorize + mint on chain, books in DB)',
      value: `${(seedMs / 1000).toFixed(1)} s`,
      note: 'not part of the distribution',
    });
    return rows;
  } finally {
    await database.close();
    await created.drop();
    await Promise.all([net.close(), eth.close(), avax.close()]);
  }
}

export type { ChainDriver };

/**
 * When a chain's last batch was posted (ms after `startedAt`) and the median time of each step of
 * its operations (from operation_events): which chain, and which step, the wall time waits on.
 */
async function chainTimeline(db: Db, opIds: string[], startedAt: Date): Promise<{ doneMs: number; steps: string }> {
  if (opIds.length === 0) return { doneMs: 0, steps: '' };
  const events = await db
    .select({
      op: schema.operationEvents.operationId,
      from: schema.operationEvents.fromState,
      to: schema.operationEvents.toState,
      at: schema.operationEvents.at,
    })
    .from(schema.operationEvents)
    .where(inArray(schema.operationEvents.operationId, opIds))
    .orderBy(schema.operationEvents.operationId, schema.operationEvents.id);
  const steps = new Map<string, number[]>();
  let done = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    done = Math.max(done, e.at.getTime() - startedAt.getTime());
    const prev = events[i - 1];
    if (!prev || prev.op !== e.op) continue;
    const key = `${e.from ?? '∅'}→${e.to}`;
    steps.set(key, [...(steps.get(key) ?? []), e.at.getTime() - prev.at.getTime()]);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  return { doneMs: done, steps: [...steps].map(([k, xs]) => `${k} ${median(xs)}`).join(', ') };
}

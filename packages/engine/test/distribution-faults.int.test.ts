import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { accountBalance, createDb, schema, supplyAccount, type CreateDbOptions, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { requestDistribution } from '../src/index.ts';
import { deploymentFor, seedYieldFund, startTwoChains, type Holder } from './support/yield-chains.ts';
import { runDistribution, yieldWorker } from './support/yield-drive.ts';

const MAX_BATCH = 2;
/** The fault: a chain's node stopped for 30 s in the middle of a distribution. */
const NODE_DOWN_MS = Number(process.env.FISCUS_NODE_DOWN_MS ?? 30_000);

function runChild(db: CreateDbOptions, env: Record<string, string>): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./support/yield-child.ts', import.meta.url))], {
    env: { ...process.env, ...env, FISCUS_DB: JSON.stringify({ ...db, migrate: false }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })));
}

/** Nothing doubled: one posting per batch, chain supply = ledger, each holder got its allocation once. */
async function expectPaidOnce(db: Db, net: Awaited<ReturnType<typeof startTwoChains>>, fundId: string, holders: Holder[], distributionId: string) {
  const allocations = await db.select().from(schema.distributionAllocations).where(eq(schema.distributionAllocations.distributionId, distributionId));
  const opIds = [...new Set(allocations.map((a) => a.operationId!))];
  const entries = await db.select().from(schema.journalEntries).where(inArray(schema.journalEntries.operationId, opIds));
  expect(entries).toHaveLength(opIds.length);
  for (const c of net.chains) {
    const deployment = await deploymentFor(db, fundId, c.chain);
    expect(await c.driver.totalSupply(deployment)).toBe(await accountBalance(db, { fundId, code: supplyAccount(c.chain), commodity: 'units' }));
    for (const h of holders.filter((x) => x.chain === c.chain)) {
      const a = allocations.find((x) => x.walletId === h.walletId)!;
      expect(await c.driver.balanceOf(deployment, h.address)).toBe(h.position + a.units);
    }
  }
}

describeEachBackend('yield distribution under faults', (backend) => {
  let net: Awaited<ReturnType<typeof startTwoChains>>;
  const fresh = useFreshDatabase(backend);
  beforeAll(async () => {
    net = await startTwoChains(MAX_BATCH);
  });
  afterAll(() => net.close());

  it('a worker killed mid-distribution: a restarted worker finishes it without paying anyone twice', async () => {
    const created = await backend.create();
    try {
      let database = await createDb({ ...created.options, migrate: false });
      const worker = yieldWorker(database.db, net.drivers);
      const { fundId, holders } = await seedYieldFund(database.db, worker, net.chains, [
        [300n, 200n, 100n],
        [400n, 7n],
      ]);
      const d = await requestDistribution(database.db, { fundId, recordTime: new Date(), units: 1_001n, requestedBy: 'test' });
      await database.close();

      const env = { ...net.env, UNTIL_DISTRIBUTION: d.id };
      const crashed = await runChild(created.options, { ...env, CRASH_AFTER: 'submitted' });
      expect(crashed.signal, crashed.output).toBe('SIGKILL');
      const resumed = await runChild(created.options, env);
      expect(resumed.code, resumed.output).toBe(0);

      database = await createDb({ ...created.options, migrate: false });
      const [row] = await database.db.select().from(schema.distributions).where(eq(schema.distributions.id, d.id));
      expect(row?.state).toBe('completed');
      await expectPaidOnce(database.db, net, fundId, holders, d.id);
      await database.close();
    } finally {
      await created.drop();
    }
  }, 120_000);

  it(`a chain node down for ${NODE_DOWN_MS / 1000} s during a distribution: it completes afterwards, nothing doubled`, async () => {
    const db = fresh.current.db;
    // Enough attempts and backoff for the pause: unsigned batches must not give up while the node is away.
    const worker = yieldWorker(db, net.drivers, { maxAttempts: 1_000, backoff: { baseMs: 50, maxMs: 1_000 } });
    const { fundId, holders } = await seedYieldFund(db, worker, net.chains, [
      [10n, 20n, 30n],
      [40n, 50n],
    ]);
    const down = net.chains[1]!;
    await down.server.pause();
    const resume = new Promise<void>((r) => setTimeout(() => down.server.resume().then(r), NODE_DOWN_MS));
    const d = await requestDistribution(db, { fundId, recordTime: new Date(), units: 150n, requestedBy: 'test' });
    const done = await runDistribution(db, net.drivers, worker, d.id, NODE_DOWN_MS + 60_000);
    await resume;
    expect(done.state).toBe('completed');
    expect(done.completedAt!.getTime()).toBeGreaterThanOrEqual(d.createdAt.getTime() + NODE_DOWN_MS - 1_000);
    await expectPaidOnce(db, net, fundId, holders, d.id);
  }, 180_000);
});

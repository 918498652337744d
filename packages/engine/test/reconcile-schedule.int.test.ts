import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DriverRegistry } from '@fiscus/core';
import { schema } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { reconcileTask, runReconciliation, Worker } from '../src/index.ts';
import { deployedFund, deploymentOf, requestMint, settle, until } from '../src/testing/index.ts';
import { startMemchainHarness, type MemchainHarness } from './support/memchain.ts';

describeEachBackend('reconciliation scheduler and drift causes', (backend) => {
  let harness: MemchainHarness;
  const fresh = useFreshDatabase(backend);
  beforeAll(async () => {
    harness = await startMemchainHarness();
  });
  afterAll(() => harness.close());

  it('reconciles every active deployment on its own, once per interval even with two workers', async () => {
    const db = fresh.current.db;
    const f = await deployedFund(fresh.current, harness);
    await settle(f.worker, db, [(await requestMint(db, { ...f, chain: harness.chain, to: f.address, units: 5n })).id]);
    const drivers = new DriverRegistry().register(harness.driver);
    const workers = [1, 2].map((i) => new Worker({ db, drivers, id: `sched-${i}`, pollMs: 20, tasks: [reconcileTask(400, 25)] }));
    const started = Date.now();
    workers.forEach((w) => w.start());
    const rows = () => db.select().from(schema.reconciliations).where(eq(schema.reconciliations.fundId, f.fundId));
    // A loaded machine can time a chain read out (status error); what matters is runs nobody asked for.
    await until(undefined, async () => (await rows()).filter((r) => r.status === 'clean').length >= 2, 20_000);
    await Promise.all(workers.map((w) => w.stop()));
    const elapsed = Date.now() - started;
    const all = await rows();
    expect(all.filter((r) => r.status !== 'error').map((r) => [r.status, r.ledgerSupply, r.chainSupply])).toEqual(
      all.filter((r) => r.status !== 'error').map(() => ['clean', 5n, 5n]),
    );
    // Scheduled runs also check every holder's position against the cap table.
    expect(all.find((r) => r.status === 'clean')?.detail?.positions).toMatchObject({ onChain: 1, inBooks: 1, mismatched: 0 });
    // The first run waits one interval; then one per interval across BOTH workers (claimed per slot).
    expect(all.length).toBeLessThanOrEqual(Math.floor(elapsed / 400) + 1);
  });

  it('a drift shows its cause: the on-chain mint the books do not explain', async () => {
    const db = fresh.current.db;
    const f = await deployedFund(fresh.current, harness);
    await settle(f.worker, db, [(await requestMint(db, { ...f, chain: harness.chain, to: f.address, units: 100n })).id]);
    const drivers = new DriverRegistry().register(harness.driver);
    const [clean] = await runReconciliation(db, drivers, { fundId: f.fundId });
    expect(clean?.status).toBe('clean');

    const deployment = await deploymentOf(db, f.deploymentId);
    const signer = harness.driver.signerFor({ kind: 'mint', to: f.address, units: 1n }, deployment);
    const rogue = await harness.driver.prepare({ kind: 'mint', to: f.address, units: 9n }, { deployment, sequence: await harness.driver.nextSequence(signer) });
    await harness.driver.submit(rogue);
    await until(undefined, async () => (await harness.driver.status(rogue)).kind === 'confirmed');

    const [drift] = await runReconciliation(db, drivers, { fundId: f.fundId });
    expect(drift).toMatchObject({ status: 'drift', drift: 9n });
    const [withPositions] = await runReconciliation(db, drivers, { fundId: f.fundId, positions: true });
    expect(withPositions?.detail?.positions).toMatchObject({ onChain: 1, inBooks: 1, mismatched: 1, sample: [{ chain: '109', books: '100' }] });
    const unmatched = drift!.detail?.unmatchedEvents as Record<string, unknown>[];
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0]).toMatchObject({ kind: 'foreign_mint', txHash: rogue.hash, from: null, units: '9' });
    expect(String(unmatched[0]!.to).toLowerCase()).toBe(f.address.toLowerCase());
    // Our own mint (posted by the engine) is never reported as unmatched.
    expect((await db.select().from(schema.unmatchedChainEvents).where(eq(schema.unmatchedChainEvents.fundId, f.fundId))).map((e) => e.txHash)).toEqual([
      rogue.hash,
    ]);
  });
});

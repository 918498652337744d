import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { DriverRegistry } from '@fiscus/core';
import { schema } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { runReconciliation } from '../src/index.ts';
import { deployedFund, deploymentOf, requestMint, settle, until } from '../src/testing/index.ts';
import { startMemchainHarness, type MemchainHarness } from './support/memchain.ts';

const positions = (r: { detail?: Record<string, unknown> | null } | undefined) => r?.detail?.positions as Record<string, unknown> | undefined;

describeEachBackend('incremental position checks between full ones', (backend) => {
  let harness: MemchainHarness;
  const fresh = useFreshDatabase(backend);
  beforeAll(async () => {
    harness = await startMemchainHarness();
  });
  afterAll(() => harness.close());

  it('checks only holders touched since the last check, and finds a drift on a touched holder', async () => {
    const db = fresh.current.db;
    const f = await deployedFund(fresh.current, harness);
    await settle(f.worker, db, [(await requestMint(db, { ...f, chain: harness.chain, to: f.address, units: 100n })).id]);
    const drivers = new DriverRegistry().register(harness.driver);

    // No check before: the first scheduled one is full.
    const [first] = await runReconciliation(db, drivers, { fundId: f.fundId, positions: 'auto' });
    expect(positions(first)).toMatchObject({ mode: 'full', onChain: 1, inBooks: 1, mismatched: 0 });

    // A position changed long ago (not touched since): an incremental check does not look at it, a full one does.
    const age = (units: bigint) =>
      db
        .update(schema.fundWallets)
        .set({ units: sql`${schema.fundWallets.units} + ${units}`, updatedAt: sql`now() - interval '1 hour'` })
        .where(eq(schema.fundWallets.fundId, f.fundId));
    await age(-1n);
    const [incremental] = await runReconciliation(db, drivers, { fundId: f.fundId, positions: 'auto' });
    expect(positions(incremental)).toMatchObject({ mode: 'incremental', onChain: 0, inBooks: 0, mismatched: 0 });
    const [full] = await runReconciliation(db, drivers, { fundId: f.fundId, positions: 'auto', fullPositionsEveryMs: 0 });
    expect(positions(full)).toMatchObject({ mode: 'full', mismatched: 1, sample: [{ chain: '100', books: '99' }] });
    await age(1n);

    // A mint on chain the books do not know touches the holder (an unmatched event): the next incremental check names it.
    const deployment = await deploymentOf(db, f.deploymentId);
    const signer = harness.driver.signerFor({ kind: 'mint', to: f.address, units: 1n }, deployment);
    const rogue = await harness.driver.prepare({ kind: 'mint', to: f.address, units: 9n }, { deployment, sequence: await harness.driver.nextSequence(signer) });
    await harness.driver.submit(rogue);
    await until(undefined, async () => (await harness.driver.status(rogue)).kind === 'confirmed');
    const [drift] = await runReconciliation(db, drivers, { fundId: f.fundId, positions: 'auto' });
    expect(drift?.status).toBe('drift');
    expect(positions(drift)).toMatchObject({ mode: 'incremental', onChain: 1, inBooks: 1, mismatched: 1, sample: [{ chain: '109', books: '100' }] });
    expect(String((positions(drift)!.sample as { address: string }[])[0]!.address).toLowerCase()).toBe(f.address.toLowerCase());
  });
});

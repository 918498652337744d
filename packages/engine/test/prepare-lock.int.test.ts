import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChainDriver, ChainOperation, PrepareContext, PreparedTx } from '@fiscus/core';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { startMemchainHarness, type MemchainHarness } from './support/memchain.ts';
import { deployedFund, getOperation, requestMint, settle, testWorker, until } from '../src/testing/index.ts';

/**
 * Building a transaction reads the chain (gas estimates, fees, trustlines). Issue: `prepare`
 * held the signer's sequence row lock across those reads, so one slow RPC queued every prepare
 * of that signer (and, on PGlite, every write). The number is now reserved in a short
 * transaction of its own, and the chain is read outside it.
 */
describeEachBackend('prepare does not hold the sequence lock while it reads the chain', (backend) => {
  let harness: MemchainHarness;
  const fresh = useFreshDatabase(backend);
  beforeAll(async () => {
    harness = await startMemchainHarness();
  });
  afterAll(() => harness.close());

  it('a prepare stuck on a slow node does not hold up the next prepare of the same signer', async () => {
    const f = await deployedFund(fresh.current, harness);
    const db = fresh.current.db;
    let release!: () => void;
    const stuck = new Promise<void>((r) => (release = r));
    const SLOW_UNITS = 1n;
    const slow: ChainDriver = new Proxy(harness.driver, {
      get(target, prop) {
        if (prop === 'prepare') {
          return async (op: ChainOperation, ctx: PrepareContext): Promise<PreparedTx> => {
            if (op.kind === 'mint' && op.units === SLOW_UNITS) await stuck; // a node that does not answer yet
            return target.prepare(op, ctx);
          };
        }
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const worker = testWorker(db, slow, { concurrency: 4 });
    const first = await requestMint(db, { ...f, chain: harness.chain, to: f.address, units: SLOW_UNITS });
    const second = await requestMint(db, { ...f, chain: harness.chain, to: f.address, units: 2n });

    const tick = worker.tick(); // both are claimed; the first hangs in prepare
    try {
      // Both claimed at once, the second may get past its prepare before the first has even reserved
      // its number (flaky on Postgres): wait for both, the first then hanging in prepare.
      await until(
        undefined,
        async () => (await getOperation(db, second.id)).state !== 'approved' && (await getOperation(db, first.id)).sequence !== null,
        10_000,
      );
      const held = await getOperation(db, first.id);
      expect(held.state).toBe('approved');
      expect(held.sequence).not.toBeNull(); // its number is reserved on the row meanwhile
      expect((await getOperation(db, second.id)).sequence).not.toBe(held.sequence);
    } finally {
      release();
      await tick;
    }
    await settle(worker, db, [first.id, second.id]);
    expect((await getOperation(db, first.id)).state).toBe('posted');
    expect((await getOperation(db, second.id)).state).toBe('posted');
  });
});

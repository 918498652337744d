import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DriverRegistry } from '@fiscus/core';
import { Worker } from '@fiscus/engine';
import { deployedFund, deploymentOf, requestMint } from '@fiscus/engine/testing';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { schema } from '@fiscus/ledger';
import { startStellarHarness } from './support/engine-harness.ts';

const OPS = 36;
/** Claim rounds allowed: a few per operation. Exponential backoff on tx_bad_seq needs thousands. */
const MAX_ROUNDS = OPS * 4;

/**
 * Many operations of one Stellar signer, prepared with consecutive sequences and worked
 * concurrently by one worker, reach the ledger out of order: stellar-core refuses every one whose
 * predecessor has not landed (tx_bad_seq). That is not a fault to back off from: the same bytes
 * must land soon after their predecessor, never be rebuilt while they still can.
 * The worker runs the production backoff (up to 60 s): only the rounds are bounded, not time.
 */
describeEachBackend('a burst of one signer’s operations on the Stellar local ledger', (backend) => {
  const database = useFreshDatabase(backend);
  let stellar: Awaited<ReturnType<typeof startStellarHarness>>;
  beforeAll(async () => {
    stellar = await startStellarHarness();
  });
  afterAll(async () => stellar?.close());

  it(`${OPS} mints worked 16 at a time all post within ${MAX_ROUNDS} rounds, each signed once`, { timeout: 60_000 }, async () => {
    const db = database.current.db;
    const f = await deployedFund(database.current, stellar);
    const worker = new Worker({ db, drivers: new DriverRegistry().register(stellar.driver), pollMs: 10, statusPollMs: 10, concurrency: 16, tasks: [] });
    const ops = [];
    for (let i = 0; i < OPS; i++) ops.push(await requestMint(db, { ...f, chain: stellar.chain, to: f.address, units: 1_000n + BigInt(i) }));
    const ids = ops.map((o) => o.id);

    let rounds = 0;
    for (;;) {
      const rows = await db.select({ state: schema.operations.state }).from(schema.operations).where(inArray(schema.operations.id, ids));
      if (rows.every((r) => r.state === 'posted')) break;
      expect(rows.filter((r) => r.state === 'failed')).toEqual([]);
      if (++rounds > MAX_ROUNDS) throw new Error(`not posted after ${MAX_ROUNDS} rounds: ${JSON.stringify(countBy(rows.map((r) => r.state)))}`);
      await worker.tick();
      await new Promise((r) => setTimeout(r, 10));
    }

    // Every operation landed with the bytes it was first signed with: no rebuild, no second sequence.
    const events = await db.select().from(schema.operationEvents).where(inArray(schema.operationEvents.operationId, ids));
    expect(events.filter((e) => e.toState === 'prepared')).toHaveLength(OPS);
    const rows = await db.select().from(schema.operations).where(inArray(schema.operations.id, ids));
    const seqs = rows.map((r) => r.sequence!).sort((a, b) => (a < b ? -1 : 1));
    expect(seqs.at(-1)! - seqs[0]!).toBe(BigInt(OPS - 1));
    const minted = Array.from({ length: OPS }, (_, i) => 1_000n + BigInt(i)).reduce((a, b) => a + b, 0n);
    expect(await stellar.driver.balanceOf(await deploymentOf(db, f.deploymentId), f.address)).toBe(minted);
  });
});

const countBy = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});

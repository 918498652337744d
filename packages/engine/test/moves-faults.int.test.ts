import { afterAll, beforeAll, expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import { createDb, schema, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { moveView, requestMove } from '../src/index.ts';
import {
  books,
  driveMoves,
  mintOn,
  moveState,
  runMovesChild,
  seedMoveFund,
  startChains,
  twoChainWorker,
  type MoveFund,
  type TestChain,
} from './support/two-chains.ts';

/** Every operation of the move, and each one's journal entries: one posting per posted leg, never two. */
async function legsOf(db: Db, moveId: string) {
  const ops = await db.select().from(schema.operations).where(sql`${schema.operations.context}->>'moveId' = ${moveId}`);
  const entries = ops.length
    ? await db
        .select()
        .from(schema.journalEntries)
        .where(
          inArray(
            schema.journalEntries.operationId,
            ops.map((o) => o.id),
          ),
        )
    : [];
  return { ops, entries };
}

async function expectWhole(db: Db, f: MoveFund, chains: TestChain[], moveId: string, a: string, b: string) {
  expect((await moveState(db, moveId)).state).toBe('completed');
  const { ops, entries } = await legsOf(db, moveId);
  const posted = ops.filter((o) => o.state === 'posted');
  expect(posted.map((o) => `${o.kind}@${o.chain}`).sort()).toEqual([`burn@${a}`, `mint@${b}`]);
  // Replaced legs (failed before signing) never reached a chain.
  expect(ops.filter((o) => o.state !== 'posted').every((o) => o.state === 'failed' && o.txHash === null)).toBe(true);
  expect(entries).toHaveLength(2);
  const end = await books(db, f, chains);
  expect(end.perChain[a]).toEqual({ ledger: 300_000n, chain: 300_000n, wallet: 300_000n });
  expect(end.perChain[b]).toEqual({ ledger: 200_000n, chain: 200_000n, wallet: 200_000n });
  expect(end.transit).toBe(0n);
  expect(end.invariant).toMatchObject({ ok: true, outstanding: 500_000n });
}

describeEachBackend('move faults: worker SIGKILLed mid-move', (backend) => {
  let chains: TestChain[];
  beforeAll(async () => {
    chains = await startChains(['kappa', 'lambda']);
  });
  afterAll(() => Promise.all(chains.map((c) => c.server.close())));

  it.each([
    ['burn', 'submitted'],
    ['burn', 'confirmed'],
    ['mint', 'submitted'],
  ] as const)('killed after the %s is %s: a restarted worker completes it, nothing lost or doubled', { timeout: 240_000 }, async (kind, point) => {
    const [a, b] = chains.map((c) => c.chain) as [string, string];
    const created = await backend.create();
    try {
      let database = await created.open();
      const worker = twoChainWorker(
        database.db,
        chains.map((c) => c.driver),
      );
      const f = await seedMoveFund(database.db, worker, chains);
      await mintOn(database.db, worker, f, a, 500_000n);
      const m = await requestMove(database.db, {
        fundId: f.fundId,
        from: { chain: a, wallet: f.wallets[a]!.address },
        to: { chain: b, wallet: f.wallets[b]!.address },
        units: 200_000n,
        requestedBy: 't',
      });
      await database.close();

      const crashed = await runMovesChild({ db: created.options, chains, env: { CRASH_AFTER: point, CRASH_KIND: kind } });
      expect(crashed.signal, crashed.output).toBe('SIGKILL');
      database = await createDb({ ...created.options, migrate: false });
      const { ops } = await legsOf(database.db, m.id);
      expect(ops.find((o) => o.kind === kind)?.state).toBe(point);
      await database.close();

      const resumed = await runMovesChild({ db: created.options, chains, env: { UNTIL: 'idle' } });
      expect(resumed.code, resumed.output).toBe(0);
      database = await createDb({ ...created.options, migrate: false });
      await expectWhole(database.db, f, chains, m.id, a, b);
      await database.close();
    } finally {
      await created.drop();
    }
  });
});

describeEachBackend('move faults: destination node down for 30 s', (backend) => {
  const database = useFreshDatabase(backend);
  let chains: TestChain[];
  beforeAll(async () => {
    chains = await startChains(['mu', 'nu']);
  });
  afterAll(() => Promise.all(chains.map((c) => c.server.close())));

  it('the move waits burned while the node is down and completes once it is back', { timeout: 120_000 }, async () => {
    const db = database.current.db;
    const [a, b] = chains.map((c) => c.chain) as [string, string];
    const worker = twoChainWorker(
      db,
      chains.map((c) => c.driver),
    );
    const f = await seedMoveFund(db, worker, chains);
    await mintOn(db, worker, f, a, 500_000n);
    const m = await requestMove(db, {
      fundId: f.fundId,
      from: { chain: a, wallet: f.wallets[a]!.address },
      to: { chain: b, wallet: f.wallets[b]!.address },
      units: 200_000n,
      requestedBy: 't',
    });

    await chains[1]!.server.pause();
    const downUntil = Date.now() + 30_000;
    await driveMoves(worker, db, async () => Date.now() > downUntil, { timeoutMs: 60_000 });
    // Burned and waiting for the destination (never compensated for an outage).
    const during = await moveView(db, f.fundId, m.id);
    expect(during.state).toBe('minting');
    expect(during.legs.find((l) => l.leg === 'burn')?.state).toBe('posted');
    expect((await books(db, f, [chains[0]!])).transit).toBe(200_000n);

    await chains[1]!.server.resume();
    await driveMoves(worker, db, async () => (await moveState(db, m.id)).state === 'completed', { timeoutMs: 60_000 });
    await expectWhole(db, f, chains, m.id, a, b);
  });
});

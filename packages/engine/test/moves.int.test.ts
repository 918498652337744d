import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { schema } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { advanceMoves, getMoveLimits, moveView, requestMove, setChainPaused, setMoveLimits, type Worker } from '../src/index.ts';
import {
  books,
  driveMoves,
  mintOn,
  moveState,
  seedMoveFund,
  silentLogger,
  startChains,
  twoChainWorker,
  type MoveFund,
  type TestChain,
} from './support/two-chains.ts';

const HOUR = 3_600_000;

describeEachBackend('cross-chain moves on two memchain nodes', (backend) => {
  const database = useFreshDatabase(backend);
  let chains: TestChain[];
  let a: string;
  let b: string;
  let worker: Worker;
  let f: MoveFund;
  beforeAll(async () => {
    chains = await startChains(['alpha', 'beta']);
    [a, b] = chains.map((c) => c.chain) as [string, string];
  });
  afterAll(() => Promise.all(chains.map((c) => c.server.close())));
  beforeEach(async () => {
    worker = twoChainWorker(
      database.current.db,
      chains.map((c) => c.driver),
    );
    f = await seedMoveFund(database.current.db, worker, chains);
    await mintOn(database.current.db, worker, f, a, 1_000_000n);
  });
  const move = (units: bigint, from = a, to = b) =>
    requestMove(database.current.db, {
      fundId: f.fundId,
      from: { chain: from, wallet: f.wallets[from]!.address },
      to: { chain: to, wallet: f.wallets[to]!.address },
      units,
      requestedBy: 'treasurer',
    });
  const done =
    (id: string, state = 'completed') =>
    async () =>
      (await moveState(database.current.db, id)).state === state;

  it('burns on the source, then mints on the destination: supply per chain moves, total unchanged, transit back to 0', async () => {
    const db = database.current.db;
    const m = await move(400_000n);
    expect(m.state).toBe('requested');
    await driveMoves(worker, db, done(m.id));
    const view = await moveView(db, f.fundId, m.id);
    expect(view.legs.map((l) => [l.leg, l.chain, l.state])).toEqual([
      ['burn', a, 'posted'],
      ['mint', b, 'posted'],
    ]);
    expect(view.legs.every((l) => l.txHash)).toBe(true);
    const end = await books(db, f, chains);
    expect(end.perChain[a]).toEqual({ ledger: 600_000n, chain: 600_000n, wallet: 600_000n });
    expect(end.perChain[b]).toEqual({ ledger: 400_000n, chain: 400_000n, wallet: 400_000n });
    expect(end.transit).toBe(0n);
    expect(end.invariant).toMatchObject({ ok: true, outstanding: 1_000_000n });
    // The mint was only requested once the burn was final and posted.
    const [burn] = await db.select().from(schema.operations).where(eq(schema.operations.id, view.burnOperationId!));
    const [mint] = await db.select().from(schema.operations).where(eq(schema.operations.id, view.mintOperationId!));
    expect(mint!.createdAt.getTime()).toBeGreaterThanOrEqual(burn!.updatedAt.getTime());
  });

  it('queues a move over the outbound limit and releases it FIFO as capacity refills linearly', async () => {
    const db = database.current.db;
    let now = new Date('2026-01-01T00:00:00Z');
    const clock = () => now;
    await setMoveLimits(db, { fundId: f.fundId, chain: a, outboundPer24h: 240_000n, inboundPer24h: null, actor: 't', now });
    const first = await move(200_000n);
    const second = await move(100_000n);
    const third = await move(10_000n);
    await driveMoves(worker, db, done(first.id), { now: clock });
    // 40,000 left: the second waits, and the small third may not overtake it.
    expect((await moveState(db, second.id)).state).toBe('queued');
    expect((await moveState(db, second.id)).error?.code).toBe('RATE_LIMITED');
    expect((await moveState(db, third.id)).error?.code).toBe('QUEUED_BEHIND');
    // 240,000 per 24 h = 10,000 per hour: after 5 h the level is 90,000 — still short of 100,000.
    now = new Date(now.getTime() + 5 * HOUR);
    await driveMoves(worker, db, async () => true, { now: clock });
    expect((await moveState(db, second.id)).state).toBe('queued');
    expect((await getMoveLimits(db, f.fundId, a, now)).outboundAvailable).toBe(90_000n);
    // At 6 h the level reaches 100,000: the second goes, leaving 0 for the third.
    now = new Date(now.getTime() + 1 * HOUR);
    await driveMoves(worker, db, done(second.id), { now: clock });
    expect((await moveState(db, third.id)).state).toBe('queued');
    now = new Date(now.getTime() + 1 * HOUR);
    await driveMoves(worker, db, done(third.id), { now: clock });
    const end = await books(db, f, chains);
    expect(end.perChain[b]!.chain).toBe(310_000n);
    expect(end.invariant.ok).toBe(true);
  });

  it('pausing a chain holds moves queued (nothing dropped) until unpaused', async () => {
    const db = database.current.db;
    await setChainPaused(db, { fundId: f.fundId, chain: b, paused: true, actor: 't' });
    const m = await move(50_000n);
    await driveMoves(worker, db, done(m.id, 'queued'));
    await driveMoves(worker, db, async () => true);
    expect(await moveState(db, m.id)).toMatchObject({ state: 'queued', burnOperationId: null, error: { code: 'PAUSED' } });
    await setChainPaused(db, { fundId: f.fundId, chain: b, paused: false, actor: 't' });
    await driveMoves(worker, db, done(m.id));
    expect((await books(db, f, chains)).perChain[b]!.chain).toBe(50_000n);
  });

  it('compensates when the destination rejects: re-mint on the source, state compensated with the error', async () => {
    const db = database.current.db;
    const m = await move(300_000n);
    await driveMoves(worker, db, done(m.id, 'burned'));
    // The destination refuses the wallet on chain (deauthorized there after the move was accepted).
    const dst = chains[1]!;
    const [dep] = await db.select().from(schema.deployments).where(eq(schema.deployments.id, f.deployments[b]!));
    const deployment = { chain: dst.chain, details: dep!.details! };
    const tx = await dst.driver.prepare(
      { kind: 'deauthorize', address: f.wallets[b]!.address },
      { deployment, sequence: await dst.driver.nextSequence(dst.driver.signerFor({ kind: 'pause' }, deployment)) },
    );
    expect((await dst.driver.submit(tx)).kind).toBe('accepted');
    await driveMoves(worker, db, done(m.id, 'compensated'));
    const view = await moveView(db, f.fundId, m.id);
    expect(view.error?.code).toBeTruthy();
    expect(view.legs.map((l) => [l.leg, l.chain, l.state])).toEqual([
      ['burn', a, 'posted'],
      ['mint', b, 'failed'],
      ['compensation', a, 'posted'],
    ]);
    const end = await books(db, f, chains);
    expect(end.perChain[a]).toEqual({ ledger: 1_000_000n, chain: 1_000_000n, wallet: 1_000_000n });
    expect(end.perChain[b]).toEqual({ ledger: 0n, chain: 0n, wallet: 0n });
    expect(end.transit).toBe(0n);
    expect(end.invariant.ok).toBe(true);
  });

  it('two saga runners at once request each leg exactly once', async () => {
    const db = database.current.db;
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await move(10_000n)).id);
    // On Postgres these are concurrent transactions on separate connections racing on the same rows.
    const both = () => Promise.all([advanceMoves(db, { logger: silentLogger }), advanceMoves(db, { logger: silentLogger })]);
    for (let i = 0; i < 300 && (await db.select().from(schema.moves).where(eq(schema.moves.state, 'completed'))).length < 6; i++) {
      await both();
      await worker.tick();
    }
    const ops = await db.select().from(schema.operations).where(sql`${schema.operations.context} ? 'moveId'`);
    for (const id of ids) {
      expect((await moveState(db, id)).state).toBe('completed');
      const mine = ops
        .filter((o) => o.context.moveId === id)
        .map((o) => `${o.kind}@${o.chain}`)
        .sort();
      expect(mine).toEqual([`burn@${a}`, `mint@${b}`]);
    }
    expect((await books(db, f, chains)).perChain[b]!.chain).toBe(60_000n);
  });

  it('refuses what can never succeed with stable codes', async () => {
    await expect(move(0n)).rejects.toMatchObject({ code: 'INVALID_AMOUNT' });
    await expect(move(2_000_000n)).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    await expect(move(10n, a, a)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    // Units promised to a pending move cannot be moved twice.
    await move(900_000n);
    await expect(move(200_000n)).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    await setMoveLimits(database.current.db, { fundId: f.fundId, chain: b, outboundPer24h: null, inboundPer24h: 1_000n, actor: 't' });
    await expect(move(1_001n)).rejects.toMatchObject({ code: 'MOVE_EXCEEDS_LIMIT' });
  });
});

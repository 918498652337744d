import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { WORKABLE_STATES, type ChainId } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { describeEachBackend, useFreshDatabase } from '@fiscus/ledger/testing';
import { ACTIVE_MOVE_STATES, advanceMoves, requestMove, requestOperation, type Worker } from '../src/index.ts';
import { books, seedMoveFund, silentLogger, startChains, twoChainWorker, type MoveFund, type TestChain } from './support/two-chains.ts';

type Command =
  | { kind: 'mint'; chain: number; units: number; wait: boolean }
  | { kind: 'burn'; chain: number; units: number; wait: boolean }
  | { kind: 'move'; from: number; to: number; units: number; wait: boolean };

const chainIx = fc.integer({ min: 0, max: 2 });
const units = fc.integer({ min: 1, max: 50_000 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('mint' as const), chain: chainIx, units, wait: fc.boolean() }),
  fc.record({ kind: fc.constant('burn' as const), chain: chainIx, units, wait: fc.boolean() }),
  fc.record({ kind: fc.constant('move' as const), from: chainIx, to: chainIx, units, wait: fc.boolean() }),
);

/** Works the outbox and the move saga until nothing is left to do. */
async function quiesce(worker: Worker, db: Db, fundId: string): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    await advanceMoves(db, { logger: silentLogger, fundId });
    await worker.tick();
    const ops = await db
      .select({ id: schema.operations.id })
      .from(schema.operations)
      .where(and(eq(schema.operations.fundId, fundId), inArray(schema.operations.state, [...WORKABLE_STATES])));
    const moves = await db
      .select({ id: schema.moves.id })
      .from(schema.moves)
      .where(and(eq(schema.moves.fundId, fundId), inArray(schema.moves.state, ACTIVE_MOVE_STATES)));
    if (ops.length === 0 && moves.length === 0) return;
  }
  throw new Error('did not quiesce');
}

describeEachBackend('property: random mints, moves and burns over three chains', (backend) => {
  const database = useFreshDatabase(backend);
  let chains: TestChain[];
  beforeAll(async () => {
    chains = await startChains(['p0', 'p1', 'p2']);
  });
  afterAll(() => Promise.all(chains.map((c) => c.server.close())));

  it('keep Σ supply + transit = outstanding after every step and end with ledger = chain everywhere, transit 0', { timeout: 120_000 }, async () => {
    const db = database.current.db;
    const worker = twoChainWorker(
      db,
      chains.map((c) => c.driver),
    );
    let completed = 0;
    // Every run starts funded on chain 0 with one move out of it, so no run is vacuous.
    const opening = fc.record({ kind: fc.constant('move' as const), from: fc.constant(0), to: fc.integer({ min: 1, max: 2 }), units, wait: fc.constant(true) });
    await fc.assert(
      fc.asyncProperty(opening, fc.array(command, { minLength: 1, maxLength: 5 }), async (first, rest) => {
        const commands: Command[] = [first, ...rest];
        const f: MoveFund = await seedMoveFund(db, worker, chains);
        const chain = (i: number) => chains[i]!.chain as ChainId;
        const w0 = f.wallets[chain(0)]!;
        await requestOperation(db, {
          fundId: f.fundId,
          chain: chain(0),
          body: { kind: 'mint', to: w0.address, units: 100_000n },
          context: { walletId: w0.walletId, investorId: f.investorId },
          requestedBy: 'prop',
        });
        await quiesce(worker, db, f.fundId);
        for (const c of commands) {
          if (c.kind === 'move') {
            // Requests the engine refuses (same chain, not enough free units) are part of the property: refused, nothing changes.
            await requestMove(db, {
              fundId: f.fundId,
              from: { chain: chain(c.from), wallet: f.wallets[chain(c.from)]!.address },
              to: { chain: chain(c.to), wallet: f.wallets[chain(c.to)]!.address },
              units: BigInt(c.units),
              requestedBy: 'prop',
            }).catch((e) => {
              if (!['VALIDATION_FAILED', 'INSUFFICIENT_BALANCE'].includes(e.code)) throw e;
            });
          } else {
            const w = f.wallets[chain(c.chain)]!;
            // A burn larger than the holding fails on chain (or races a move's burn): a legitimate outcome to reconcile.
            const body =
              c.kind === 'mint'
                ? { kind: 'mint' as const, to: w.address, units: BigInt(c.units) }
                : { kind: 'burn' as const, from: w.address, units: BigInt(c.units) };
            await requestOperation(db, {
              fundId: f.fundId,
              chain: chain(c.chain),
              body,
              context: { walletId: w.walletId, investorId: f.investorId },
              requestedBy: 'prop',
            });
          }
          if (c.wait) await quiesce(worker, db, f.fundId);
          expect((await books(db, f, [])).invariant.ok).toBe(true);
        }
        await quiesce(worker, db, f.fundId);

        const end = await books(db, f, chains);
        expect(end.invariant.ok).toBe(true);
        expect(end.transit).toBe(0n);
        for (const c of chains) {
          const row = end.perChain[c.chain]!;
          expect(row.ledger).toBe(row.chain);
          expect(row.wallet).toBe(row.chain);
        }
        // Outstanding changes only through mints and burns that are not move legs.
        const [net] = await db
          .select({ n: sql<string>`coalesce(sum(case when kind = 'mint' then (body->>'units')::numeric else -(body->>'units')::numeric end), 0)::text` })
          .from(schema.operations)
          .where(
            and(
              eq(schema.operations.fundId, f.fundId),
              eq(schema.operations.state, 'posted'),
              inArray(schema.operations.kind, ['mint', 'burn']),
              sql`not (context ? 'moveId')`,
            ),
          );
        expect(end.invariant.outstanding).toBe(BigInt(net!.n));
        const stuck = await db
          .select()
          .from(schema.moves)
          .where(and(eq(schema.moves.fundId, f.fundId), eq(schema.moves.state, 'failed')));
        // A move fails only when its burn failed (nothing left the source).
        for (const m of stuck) expect(m.mintOperationId).toBeNull();
        completed += (
          await db
            .select()
            .from(schema.moves)
            .where(and(eq(schema.moves.fundId, f.fundId), eq(schema.moves.state, 'completed')))
        ).length;
      }),
      { numRuns: 4 },
    );
    expect(completed).toBeGreaterThanOrEqual(4);
  });
});

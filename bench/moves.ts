import { and, eq, inArray } from 'drizzle-orm';
import { schema } from '@fiscus/ledger';
import { testBackends } from '@fiscus/ledger/testing';
import { advanceMoves, requestMove, Worker } from '@fiscus/engine';
import { mintOn, registryOf, seedMoveFund, silentLogger, startChains } from '../packages/engine/test/support/two-chains.ts';
import type { BenchRow } from './table.ts';

const MOVES = Number(process.env.BENCH_MOVES ?? 100);

/**
 * Cross-chain moves end to end between two local memchain nodes: MOVES moves requested at once,
 * each driven through admission, burn (final), burn posting, mint and mint posting by one
 * in-process worker plus the move saga run back to back, per database backend.
 */
export async function benchMoves(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const backend of testBackends()) {
    const chains = await startChains(['benchsrc', 'benchdst']);
    const created = await backend.create();
    const database = await created.open();
    try {
      const db = database.db;
      const worker = new Worker({ db, drivers: registryOf(chains.map((c) => c.driver)), pollMs: 5, statusPollMs: 5, concurrency: 32, tasks: [] });
      const [a, b] = chains.map((c) => c.chain) as [string, string];
      const f = await seedMoveFund(db, worker, chains);
      await mintOn(db, worker, f, a, BigInt(MOVES) * 1_000n);
      const ids: string[] = [];
      for (let i = 0; i < MOVES; i++) {
        ids.push(
          (
            await requestMove(db, {
              fundId: f.fundId,
              from: { chain: a, wallet: f.wallets[a]!.address },
              to: { chain: b, wallet: f.wallets[b]!.address },
              units: 1_000n,
              requestedBy: 'bench',
            })
          ).id,
        );
      }
      const started = performance.now();
      for (;;) {
        await advanceMoves(db, { logger: silentLogger, fundId: f.fundId });
        await worker.tick();
        const done = await db
          .select({ id: schema.moves.id })
          .from(schema.moves)
          .where(and(inArray(schema.moves.id, ids), eq(schema.moves.state, 'completed')));
        if (done.length === MOVES) break;
        if (performance.now() - started > 600_000) throw new Error('moves bench did not finish');
      }
      const seconds = (performance.now() - started) / 1000;
      rows.push({
        bench: `moves (${backend.name})`,
        metric: `${MOVES} moves requested → completed`,
        value: `${seconds.toFixed(2)} s`,
        note: `${(MOVES / seconds).toFixed(1)} moves/s (2 legs each), one worker`,
      });
    } finally {
      await database.close();
      await created.drop();
      await Promise.all(chains.map((c) => c.server.close()));
    }
  }
  return rows;
}

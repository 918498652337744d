/**
 * A worker process over several memchain nodes running the move saga, for crash tests.
 * env: FISCUS_DB, MOVE_CHAINS (JSON [{chain,url,seed}]), CRASH_AFTER (operation state) with
 * CRASH_KIND (burn | mint): SIGKILL itself once a move leg of that kind commits that state;
 * UNTIL=idle: exit 0 when no operation is workable and no move is active.
 */
import { inArray } from 'drizzle-orm';
import { WORKABLE_STATES, type ChainId } from '@fiscus/core';
import { MemChainDriver, ed25519Signer } from '@fiscus/devnet/memchain';
import { createDb, schema } from '@fiscus/ledger';
import { ACTIVE_MOVE_STATES, movesTask, Worker } from '../../src/index.ts';
import { registryOf } from './two-chains.ts';

const env = process.env;
const database = await createDb(JSON.parse(env.FISCUS_DB!));
const specs = JSON.parse(env.MOVE_CHAINS!) as { chain: ChainId; url: string; seed: string }[];
const drivers = specs.map((s) => new MemChainDriver({ chain: s.chain, url: s.url, signer: ed25519Signer(Buffer.from(s.seed, 'hex')), timeoutMs: 1_000 }));

const worker = new Worker({
  db: database.db,
  drivers: registryOf(drivers),
  id: env.WORKER_ID,
  leaseMs: 1_000,
  pollMs: 20,
  backoff: { baseMs: 20, maxMs: 500 },
  tasks: [movesTask(20)],
  onTransition: (op) => {
    if (env.CRASH_AFTER && op.state === env.CRASH_AFTER && op.kind === env.CRASH_KIND && typeof op.context.moveId === 'string') {
      process.kill(process.pid, 'SIGKILL');
    }
  },
});
worker.start();

for (;;) {
  await new Promise((r) => setTimeout(r, 50));
  if (!env.UNTIL) continue;
  const ops = await database.db
    .select({ id: schema.operations.id })
    .from(schema.operations)
    .where(inArray(schema.operations.state, [...WORKABLE_STATES]));
  const moves = await database.db.select({ id: schema.moves.id }).from(schema.moves).where(inArray(schema.moves.state, ACTIVE_MOVE_STATES));
  if (ops.length === 0 && moves.length === 0) break;
}
await worker.stop();
await database.close();
process.exit(0);

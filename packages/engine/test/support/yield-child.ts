/**
 * A production-like worker process over the two yield test chains, with the distribution saga as
 * its periodic task. env: FISCUS_DB, YIELD_* (see yield-chains.ts), CRASH_AFTER (SIGKILL itself
 * right after a distribution batch reaches that state), UNTIL_DISTRIBUTION (exit 0 once terminal).
 */
import { eq } from 'drizzle-orm';
import { DriverRegistry, type ChainId } from '@fiscus/core';
import { createDb, schema } from '@fiscus/ledger';
import { Worker, distributionTask } from '../../src/index.ts';
import { smallBatchDriver } from './yield-chains.ts';

const env = process.env;
const database = await createDb(JSON.parse(env.FISCUS_DB!));
const drivers = new DriverRegistry();
for (const i of [0, 1]) {
  drivers.register(
    smallBatchDriver({
      chain: env[`YIELD_CHAIN_${i}`] as ChainId,
      url: env[`YIELD_URL_${i}`]!,
      seed: Buffer.from(env[`YIELD_SEED_${i}`]!, 'hex'),
      maxBatch: Number(env.YIELD_MAX_BATCH),
    }),
  );
}
const worker = new Worker({
  db: database.db,
  drivers,
  leaseMs: 1_000,
  pollMs: 20,
  backoff: { baseMs: 20, maxMs: 500 },
  tasks: [distributionTask(50)],
  onTransition: (op) => {
    if (env.CRASH_AFTER && op.state === env.CRASH_AFTER && op.context.distributionId) process.kill(process.pid, 'SIGKILL');
  },
});
worker.start();
for (;;) {
  await new Promise((r) => setTimeout(r, 50));
  const [d] = await database.db
    .select({ state: schema.distributions.state })
    .from(schema.distributions)
    .where(eq(schema.distributions.id, env.UNTIL_DISTRIBUTION!));
  if (d && (d.state === 'completed' || d.state === 'partially_failed')) break;
}
await worker.stop();
await database.close();
process.exit(0);

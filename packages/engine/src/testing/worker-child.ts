/**
 * A worker in its own process, as production runs it, for crash and concurrency tests.
 * env: FISCUS_DB (JSON createDb options), DRIVER_MODULE (+ its env), CRASH_AFTER (state at which
 * this process SIGKILLs itself once the transition of CRASH_OP is committed), UNTIL (exit 0 when
 * no operation is left in a non-terminal state), LEASE_MS.
 */
import { inArray } from 'drizzle-orm';
import { DriverRegistry, WORKABLE_STATES, type ChainDriver } from '@fiscus/core';
import { createDb, schema } from '@fiscus/ledger';
import { Worker } from '../index.ts';

const env = process.env;
const database = await createDb(JSON.parse(env.FISCUS_DB!));
const { createDriver } = (await import(env.DRIVER_MODULE!)) as { createDriver(e: NodeJS.ProcessEnv): ChainDriver };
const drivers = new DriverRegistry().register(createDriver(env));

const worker = new Worker({
  db: database.db,
  drivers,
  id: env.WORKER_ID,
  leaseMs: Number(env.LEASE_MS ?? 1000),
  pollMs: 20,
  backoff: { baseMs: 20, maxMs: 500 },
  onTransition: (op) => {
    if (env.CRASH_AFTER && op.state === env.CRASH_AFTER && (!env.CRASH_OP || env.CRASH_OP === op.id)) {
      process.kill(process.pid, 'SIGKILL');
    }
  },
});
worker.start();

for (;;) {
  await new Promise((r) => setTimeout(r, 50));
  // A test runner killed mid-test leaves this child re-parented to init: without this it would
  // poll a dropped test database for ever, taking CPU from every later run on the machine.
  if (process.ppid === 1) process.exit(1);
  if (!env.UNTIL) continue;
  const active = await database.db
    .select({ id: schema.operations.id })
    .from(schema.operations)
    .where(inArray(schema.operations.state, [...WORKABLE_STATES]));
  if (active.length === 0) break;
}
await worker.stop();
await database.close();
process.exit(0);

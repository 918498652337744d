import { inArray } from 'drizzle-orm';
import { DriverRegistry, TERMINAL_STATES, type ChainDriver } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { Worker, type WorkerOptions } from '../index.ts';

/** A worker tuned for tests: short polls and backoff so faults resolve in milliseconds. */
export function testWorker(db: Db, driver: ChainDriver, extra: Partial<WorkerOptions> = {}): Worker {
  return new Worker({
    db,
    drivers: new DriverRegistry().register(driver),
    pollMs: 10,
    statusPollMs: 10,
    leaseMs: 5_000,
    backoff: { baseMs: 10, maxMs: 200 },
    ...extra,
  });
}

/** Ticks the worker until every given operation is terminal (posted, failed, compensated). */
export async function settle(worker: Worker, db: Db, ids: string[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await worker.tick();
    const rows = await db
      .select({ id: schema.operations.id, state: schema.operations.state })
      .from(schema.operations)
      .where(inArray(schema.operations.id, ids));
    if (rows.every((r) => TERMINAL_STATES.includes(r.state))) return;
    if (Date.now() > deadline) throw new Error(`operations not settled: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Ticks until `check` holds (for states in the middle of the pipeline). */
export async function until(worker: Worker | undefined, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await worker?.tick();
    await new Promise((r) => setTimeout(r, 10));
  }
}

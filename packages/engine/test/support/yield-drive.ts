import { eq } from 'drizzle-orm';
import type { DriverRegistry } from '@fiscus/core';
import { schema, type Db } from '@fiscus/ledger';
import { advanceDistributions, Worker, type WorkerOptions } from '../../src/index.ts';

/** A hand-ticked worker over several chains (no periodic tasks: the test drives the saga). */
export const yieldWorker = (db: Db, drivers: DriverRegistry, extra: Partial<WorkerOptions> = {}) =>
  new Worker({ db, drivers, pollMs: 10, statusPollMs: 10, leaseMs: 5_000, backoff: { baseMs: 10, maxMs: 200 }, tasks: [], ...extra });

/** Ticks the saga and the worker until the distribution is completed or partially failed. */
export async function runDistribution(db: Db, drivers: DriverRegistry, worker: Worker, id: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await advanceDistributions(db, drivers);
    const [d] = await db.select().from(schema.distributions).where(eq(schema.distributions.id, id));
    if (d && (d.state === 'completed' || d.state === 'partially_failed')) return d;
    if (Date.now() > deadline) throw new Error(`distribution ${id} stuck in ${d?.state}: ${JSON.stringify(d?.lastError)}`);
    if ((await worker.tick()) === 0) await new Promise((r) => setTimeout(r, 10));
  }
}

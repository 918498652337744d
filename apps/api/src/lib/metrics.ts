import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { OPERATION_STATES } from '@fiscus/core';
import { isNull, sql } from 'drizzle-orm';
import { countOperationsByState, schema, type Db } from '@fiscus/ledger';
import { countStrandedMoves } from '@fiscus/engine';

export interface Metrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route' | 'status'>;
}

/**
 * A registry per app (not prom-client's global one) so several apps in one process (tests)
 * do not collide. The operations gauge is read from the database at scrape time: the outbox is
 * the truth, shared by every API and worker process.
 */
export function createMetrics(db: Db): Metrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'fiscus_http_requests_total',
    help: 'HTTP requests by route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'fiscus_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'fiscus_operations',
    help: 'Operations in the outbox by state',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const counts = new Map((await countOperationsByState(db)).map((r) => [r.state, r.count]));
      // Every state is reported, 0 included, so alerts on absent series are not needed.
      for (const state of OPERATION_STATES) this.set({ state }, counts.get(state) ?? 0);
    },
  });
  new Gauge({
    name: 'fiscus_fund_halts_open',
    help: 'Funds halted on a supply-invariant breach (alert when > 0); details at GET /v1/funds/:fundId/halts',
    registers: [registry],
    async collect() {
      const [row] = await db.select({ n: sql<string>`count(*)` }).from(schema.fundHalts).where(isNull(schema.fundHalts.clearedAt));
      this.set(Number(row?.n ?? 0));
    },
  });
  new Gauge({
    name: 'fiscus_moves_stranded',
    help: 'Moves whose re-mint failed, units in transit waiting for an operator (alert when > 0); resolve at POST /v1/funds/:fundId/moves/:moveId/resolve',
    registers: [registry],
    async collect() {
      this.set(await countStrandedMoves(db));
    },
  });
  return { registry, requests, duration };
}

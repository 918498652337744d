import type { Context } from 'hono';
import { sql } from 'drizzle-orm';
import { ProblemError } from '../../lib/problem.ts';
import type { AppBindings, AppRouteHandler } from '../../lib/types.ts';
import type { HealthzRoute } from './health.routes.ts';

export const healthz: AppRouteHandler<HealthzRoute> = async (c) => {
  try {
    await c.var.db.execute(sql`select 1`);
  } catch (e) {
    c.var.logger.error({ err: e }, 'health check: database unreachable');
    throw new ProblemError(503, 'DATABASE_UNAVAILABLE', 'database unreachable');
  }
  return c.json({ status: 'ok' as const, db: 'ok' as const }, 200);
};

/** Prometheus text format; the operations gauge queries the database during this call. */
export async function metrics(c: Context<AppBindings>): Promise<Response> {
  const registry = c.var.deps.metrics!.registry;
  return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
}
